"""FAQ-2.4: synthesis after 提交管理员 — pending, success (a real merged .docx), failure naming the file."""

from support.data.docx_files import paragraphs_of, truncated_docx, valid_docx, zip_without_document
from tests.unit.hgr_portal import alert, create_project, enter_as_employee, hgr_portal, status, submit, upload


def test_success_serves_a_merged_document_with_every_attachment(tmp_path):
    p, _ = hgr_portal(tmp_path)
    enter_as_employee(p)
    url = create_project(p)
    assert "附件“a.docx”已上传" in status(upload(p, url, "a.docx", valid_docx("第一份材料", "甲乙丙")))
    upload(p, url, "b.docx", valid_docx("第二份材料"))
    page = submit(p, url)
    assert "文件合成成功" in status(page) and ">下载<" in page.text
    merged = p.client.get(f"{url}/download")
    assert merged.status_code == 200
    text = paragraphs_of(merged.content)
    assert {"第一份材料", "甲乙丙", "第二份材料"} <= set(text)


def test_pending_until_the_clock_passes_the_duration(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    p.api("POST", f"/hgr/units/{unit_id}/synthesis", json={"seconds": 600})
    enter_as_employee(p)
    url = create_project(p)
    upload(p, url, "a.docx", valid_docx("材料"))
    page = submit(p, url)
    assert "合成中" in status(page) and ">下载<" not in page.text
    assert p.client.get(f"{url}/download").status_code == 403
    p.advance(minutes=5)
    assert ">下载<" not in p.client.get(url).text
    p.advance(minutes=6)
    assert ">下载<" in p.client.get(url).text


def test_malformed_word_file_fails_naming_it(tmp_path):
    p, _ = hgr_portal(tmp_path)
    enter_as_employee(p)
    url = create_project(p)
    upload(p, url, "好.docx", valid_docx("材料"))
    upload(p, url, "坏.docx", truncated_docx())
    page = submit(p, url)
    assert "合成失败" in alert(page) and "文件“坏.docx”格式有误，无法合成" in alert(page)
    assert ">下载<" not in page.text


def test_zip_without_word_parts_also_fails(tmp_path):
    p, _ = hgr_portal(tmp_path)
    enter_as_employee(p)
    url = create_project(p)
    upload(p, url, "空壳.docx", zip_without_document())
    assert "文件“空壳.docx”格式有误" in alert(submit(p, url))


def test_non_word_upload_is_refused_on_the_page(tmp_path):
    p, _ = hgr_portal(tmp_path)
    enter_as_employee(p)
    url = create_project(p)
    r = upload(p, url, "说明.txt", "纯文本".encode())
    assert r.status_code == 422 and "不是Word文档" in alert(r)
    r = submit(p, url)
    assert r.status_code == 422 and "请至少上传一个Word附件" in alert(r)


def test_other_people_cannot_see_or_download_the_project(tmp_path):
    p, unit_id = hgr_portal(tmp_path)
    enter_as_employee(p)
    url = create_project(p)
    p.seed_natural("zr_other", id_number="110101199003071234", realname_status="passed")
    p.api("POST", "/hgr/grants", json={"unit_id": unit_id, "login_name": "zr_other"})
    enter_as_employee(p, "zr_other")
    assert p.client.get(url).status_code == 403
    assert p.client.get(f"{url}/download").status_code == 403
