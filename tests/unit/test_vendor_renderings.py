"""The same visible page as another vendor would render it (issue 18): a message in a native dialog
(window.alert()/confirm()) instead of the page, an action that is a link styled as a button (or an
<input type=submit>) instead of a <button>, a field captioned by plain text beside it instead of an
associated <label>. Each check is proven on the suite's own rendering, on the vendor's, and on a page
without the thing (the check must fail). Pages are small HTML set with page.set_content in the
browser the run uses (the `page` fixture: the suite's own context, with its dialog recorder and the
caption engine of pages/frame.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages.frame import action, field, what_page_shows
from pages.login_page import LoginPage
from pages.torch_system_page import TorchSystemPage
from support.browsers import native_dialogs
from support.gherkin.message_checks import expect_dialog_confirmable, expect_message, expect_no_message
from tools import locator_policy

SHORT_MS = 800  # a failing check's wait: long enough for the browser, short for the unit run
ERROR = "登录名或密码错误"
REALNAME = "您的个人信息没有实名认证，则需先实名认证个人信息才能进行下一步操作。请点击确定前往个人信息页面。"


def html(body: str) -> str:
    return f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>{body}</body></html>'


# ---------------------------------------------------------------- 1. native dialogs


def test_a_message_in_the_page_passes_as_before(page):
    page.set_content(html(f'<main><h1>用户登录</h1><div class="tip">{ERROR}</div></main>'))
    expect_message(page, ERROR, "页面提示错误")


def test_a_message_in_a_native_alert_passes_and_the_alert_is_accepted(page):
    page.set_content(
        html(
            f"<main><h1>用户登录</h1><button onclick=\"alert('{ERROR}'); document.title='closed'\">登录</button></main>"
        )
    )
    action(page, "登录").click()
    expect_message(page, ERROR, "页面提示错误")
    expect(page).to_have_title("closed")  # the alert was closed, the page went on


def test_an_alert_shown_later_is_waited_for_without_sleeping(page):
    page.set_content(html(f"<main><h1>用户登录</h1></main><script>setTimeout(() => alert('{ERROR}'), 600)</script>"))
    expect_message(page, ERROR, "页面提示错误")


def test_a_confirm_is_accepted_with_queding(page):
    page.set_content(
        html(
            "<main><button onclick=\"document.title = confirm('确定撤销该授权吗？') ? 'yes' : 'no'\">"
            "撤销</button></main>"
        )
    )
    action(page, "撤销").click()
    expect(page).to_have_title("yes")
    expect_message(page, "确定撤销该授权吗？")


def test_an_alert_followed_by_a_redirect_still_counts(page):
    """The commonest vendor pattern: alert('注册成功') then location.href = … (a real navigation)."""
    pages = {
        "/register": (
            "<main><h1>用户注册</h1><button onclick=\"alert('注册成功'); location.href='/login'\">注册</button></main>"
        ),
        "/login": "<main><h1>用户登录</h1></main>",
    }
    page.route(
        "http://vendor.test/**",
        lambda route: route.fulfill(
            content_type="text/html", body=html(pages[route.request.url[len("http://vendor.test") :]])
        ),
    )
    page.goto("http://vendor.test/register")
    action(page, "注册").click()
    expect(page.get_by_role("heading", name="用户登录")).to_be_visible()
    expect_message(page, "注册成功")


def test_an_alert_with_other_words_fails_and_the_failure_names_it(page):
    page.set_content(html("<main><h1>用户登录</h1><button onclick=\"alert('验证码错误')\">登录</button></main>"))
    action(page, "登录").click()
    with pytest.raises(AssertionError) as failure:
        expect_message(page, ERROR, "页面提示错误", timeout=SHORT_MS)
    first = str(failure.value).splitlines()[0]
    assert first.startswith(f"期望页面提示错误“{ERROR}”，但页面显示：“对话框“验证码错误”")


def test_no_message_anywhere_fails(page):
    page.set_content(html("<main><h1>用户登录</h1><p>请输入登录名和密码</p></main>"))
    with pytest.raises(AssertionError):
        expect_message(page, ERROR, timeout=SHORT_MS)


def test_an_alert_is_read_once(page):
    """A later check for the same words needs the alert shown again: one old alert cannot pass two
    steps (e.g. a second failed login after the first)."""
    page.set_content(html(f"<main><button onclick=\"alert('{ERROR}')\">登录</button></main>"))
    action(page, "登录").click()
    expect_message(page, ERROR)
    with pytest.raises(AssertionError):
        expect_message(page, ERROR, timeout=SHORT_MS)
    action(page, "登录").click()
    expect_message(page, ERROR)


def test_not_shown_considers_dialogs_and_the_page(page):
    page.set_content(html("<main><h1>我的信息</h1><button onclick=\"alert('保存成功')\">保存</button></main>"))
    expect_no_message(page, "保存成功")  # nothing yet
    action(page, "保存").click()
    expect(page.get_by_role("heading", name="我的信息")).to_be_visible()
    with pytest.raises(AssertionError, match="浏览器对话框显示：“保存成功”"):
        expect_no_message(page, "保存成功")
    page.set_content(html('<main><h1>我的信息</h1><div role="status">保存成功</div></main>'))
    with pytest.raises(AssertionError):
        expect_no_message(page, "保存成功")


def test_dialogs_are_recorded_per_page(page, context):
    other = context.new_page()
    other.set_content(html("<main><button onclick=\"alert('仅在另一页')\">提示</button></main>"))
    action(other, "提示").click()
    expect_message(other, "仅在另一页")
    assert native_dialogs.shown(page) == []
    assert "对话框“仅在另一页”" in what_page_shows(other)


# 弹框提示 + 点击确定: the in-page modal (the suite's own rendering) and the browser's alert (a vendor's)

IN_PAGE_POPUP = html(
    f'<main><h1>科技型中小企业评价</h1><div class="mask"><p>{REALNAME}</p>'
    '<a href="#" class="btn" onclick="document.body.innerHTML=\'<main><h1>我的信息</h1></main>\'">确定</a></div></main>'
)
NATIVE_POPUP = html(
    f"<main><h1>服务事项</h1></main><script>setTimeout(() => {{ alert('{REALNAME}'); "
    "document.body.innerHTML = '<main><h1>我的信息</h1></main>'; }, 200)</script>"
)


@pytest.mark.parametrize("rendering", [IN_PAGE_POPUP, NATIVE_POPUP], ids=["in-page", "alert"])
def test_the_realname_popup_and_its_queding(page, rendering):
    page.set_content(rendering)
    torch = TorchSystemPage(page)
    expect_message(page, REALNAME, "弹框提示")
    torch.expect_confirmable()
    torch.confirm_dialog()
    expect(page.get_by_role("heading", name="我的信息")).to_be_visible()


def test_a_page_without_popup_is_not_confirmable(page):
    page.set_content(html(f"<main><h1>科技型中小企业评价</h1><p>{REALNAME}</p></main>"))
    with pytest.raises(AssertionError):
        expect_dialog_confirmable(page, TorchSystemPage(page).dialog_confirm, timeout=SHORT_MS)


# ---------------------------------------------------------------- 2. actions: button or link

ACTION_RENDERINGS = {
    "button": '<button type="button" onclick="document.title=\'clicked\'">登录</button>',
    "link-as-button": '<a href="#" class="btn btn-primary" onclick="document.title=\'clicked\'">登录</a>',
    "input-submit": (
        '<form onsubmit="document.title=\'clicked\'; return false"><input type="submit" value="登录"></form>'
    ),
    "input-button": '<input type="button" value="登录" onclick="document.title=\'clicked\'">',
}


@pytest.mark.parametrize("markup", ACTION_RENDERINGS.values(), ids=ACTION_RENDERINGS.keys())
def test_an_action_is_clicked_by_its_name_however_it_is_marked_up(page, markup):
    page.set_content(html(f'<nav><a href="#">用户登录</a></nav><main>{markup}</main>'))
    LoginPage(page).submit_button.click()
    expect(page).to_have_title("clicked")


def test_an_action_that_is_only_text_is_not_an_action(page):
    page.set_content(html("<main><span onclick=\"document.title='clicked'\">登录</span></main>"))
    expect(action(page, "登录")).to_have_count(0)


# ---------------------------------------------------------------- 3. fields by their caption

FIELD_RENDERINGS = {
    "label-for": '<label for="a">登录名</label><input id="a"><label for="b">密码</label><input id="b" type="password">',
    "implicit-label": "<label>登录名 <input></label><label>密码 <input type=password></label>",
    "span-beside": "<div><span>登录名</span><input></div><div><span>密码</span><input type=password></div>",
    "table-row": (
        "<table><tr><th>登录名：</th><td><input></td></tr>"
        "<tr><td><em>*</em>密码：</td><td><div><input type=password></div></td></tr></table>"
    ),
    "label-without-for": (
        "<div><label>登录名</label><div><input></div></div><div><label>密码</label><input type=password></div>"
    ),
    "required-mark-wrapped": (
        '<div><span class="req">*</span><span>登录名</span></div><div><div><input></div></div>'
        "<p><b>*</b> <span>密码</span>： <span><input type=password></span></p>"
    ),
    "placeholder": '<input placeholder="登录名"><input type="password" placeholder="密码">',
}


@pytest.mark.parametrize("markup", FIELD_RENDERINGS.values(), ids=FIELD_RENDERINGS.keys())
def test_a_field_is_found_by_its_caption_however_it_is_marked_up(page, markup):
    page.set_content(html(f"<main><h1>用户登录</h1><form>{markup}</form></main>"))
    login = LoginPage(page)
    login.login_name.fill("zhang")
    login.password.fill("s3cret")
    expect(page.get_by_role("textbox").first).to_have_value("zhang")  # 登录名 is the first field shown
    expect(login.password).to_have_attribute("type", "password")
    expect(login.password).to_have_value("s3cret")


def test_a_caption_is_whole_words_not_part_of_another(page):
    page.set_content(html("<main><form><span>登录名或证件号码</span><input><span>确认密码</span><input></form></main>"))
    expect(field(page, "登录名", exact=True)).to_have_count(0)
    expect(field(page, "密码", exact=True)).to_have_count(0)
    expect(field(page, "登录名或证件号码", exact=True)).to_have_count(1)


def test_a_caption_does_not_take_a_field_labelled_otherwise(page):
    page.set_content(
        html('<main><form><span>登录名</span><label for="r">记住我</label><input id="r" type="checkbox"></form></main>')
    )
    expect(field(page, "登录名", exact=True)).to_have_count(0)
    expect(field(page, "记住我", exact=True)).to_have_count(1)


def test_a_field_without_its_caption_is_not_found(page):
    page.set_content(html("<main><form><span>姓名</span><input></form></main>"))
    expect(field(page, "登录名")).to_have_count(0)


# ---------------------------------------------------------------- the policy keeps the engine in pages/frame.py


def test_the_caption_engine_is_allowed_only_in_pages_frame():
    use = 'def f(scope, caption):\n    return scope.locator(f"caption-field={caption}")\n'
    assert locator_policy.check_source(use, "pages/frame.py") == []
    assert [v.line for v in locator_policy.check_source(use, "steps/planted.py")] == [2]
    smuggled = 'def f(scope):\n    return scope.locator("caption-field=登录名 >> css=div.x")\n'
    assert [v.line for v in locator_policy.check_source(smuggled, "pages/frame.py")] == [2]
    css = "def f(scope):\n    return scope.locator(\"input[name='loginName']\")\n"
    assert [v.line for v in locator_policy.check_source(css, "pages/frame.py")] == [2]
