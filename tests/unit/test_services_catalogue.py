"""服务事项 over HTTP: listing, search, 关注 toggle, 办理入口 only where a system has one, login required."""

from tests.unit.conftest import make_portal


def test_list_search_and_entries(tmp_path):
    p = make_portal(tmp_path)
    page = p.client.get("/services").text
    for text in ("人类遗传资源管理", "000106003000", "社会发展科技司", "外国专家项目管理信息系统", "您要办理什么业务"):
        assert text in page
    assert 'href="/services/friendship_award/enter"' not in page and 'href="/services/hgr/enter"' in page
    found = p.client.get("/services", params={"q": "病原"}).text
    assert "高等级病原微生物实验室建设审查" in found and "人类遗传资源管理" not in found
    none = p.client.get("/services", params={"q": "不存在的业务"})
    assert none.status_code == 200 and "没有找到相关事项" in none.text


def test_follow_toggles_per_account(tmp_path):
    p = make_portal(tmp_path)
    p.seed_natural("zr_f", realname_status="passed")
    p.sign_in("zr_f")
    assert "关注状态：未关注" in p.client.get("/services", params={"q": "高新"}).text
    done = p.post_form("/services/hnte/follow", {}, form_page="/services")
    assert "关注成功：高新技术企业认定" in done.text and "关注状态：已关注" in done.text
    again = p.post_form("/services/hnte/follow", {}, form_page="/services")
    assert "已取消关注" in again.text
    assert p.post_form("/services/nope/follow", {}, form_page="/services").status_code == 404


def test_entry_requires_login_and_an_entry(tmp_path):
    p = make_portal(tmp_path)
    anonymous = p.client.get("/services/hgr/enter", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    p.seed_natural("zr_e", realname_status="passed")
    p.sign_in("zr_e")
    enter = lambda key: p.post_form(f"/services/{key}/enter", {}, form_page="/services")  # noqa: E731
    assert enter("friendship_award").status_code == 403
    refused = enter("pathogen_lab")
    assert refused.status_code == 403 and "您没有该系统的权限" in refused.text
