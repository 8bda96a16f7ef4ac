"""登录名重置密码 with 外专 legacy login names (FAQ-5.2): the WGZJXM_ prefix, and whom to call."""

import re

ALERT = re.compile(r'role="alert">([^<]*)<')


def look_up(portal, name):
    return portal.post_form("/recovery/reset", {"login_name": name}, follow_redirects=False)


def test_old_name_without_prefix_is_pointed_to_the_prefix(portal):
    portal.seed_natural(login_name="WGZJXM_laozhang", phone="13900002222", id_number="110101199003077000")
    response = look_up(portal, "laozhang")
    assert response.status_code == 422
    assert ALERT.search(response.text).group(1) == (
        "未找到该登录名。外国专家项目管理信息系统迁移的账号，请在以前的登录名前增加“WGZJXM_”后重新检索"
    )
    assert look_up(portal, "WGZJXM_laozhang").status_code == 303


def test_unknown_name_says_to_call_support(portal):
    response = look_up(portal, "nobody_at_all")
    assert response.status_code == 422
    assert "若登录名不存在，说明不存在此账号，请拨打技术支持电话咨询：010-58881000" in response.text
