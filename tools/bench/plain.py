"""B side of `make bench`: plain Playwright doing the same page actions as the bench scenarios.

No pytest, no pytest-bdd, no page objects: one script that starts the embedded portal the way the
suite does (support/target/portal_process.start_portal), seeds through the same test-API calls
(support/target/testapi, support/data/factories, support/data/docx_files), launches the same browser with the same
options (support/browsers/executables.launch_options), and per scenario opens the same number of contexts with
the same settings as `new_context` in support/run/fixtures.py (tracing with screenshots + snapshots,
video on Chromium, discarded on success). Locators are the page objects' own calls, copied inline;
checks are the same expect() calls. Scenarios, in the suite's collection order:

  hgr-synthesis   features/hgr/synthesis.feature     Word文件格式正确时合成成功…（自然人 1 个上下文）
  grant           features/platform/authorization/grant.feature 法人授权后…（法人、自然人 2 个上下文）
  reset-自然人/法人 features/platform/recovery/reset_password.feature 重置密码大纲（1 个上下文）
  login-自然人/法人 features/platform/login.feature 正确的密码登录成功大纲（1 个上下文）

Prints one JSON line: phase timestamps (seconds since the process started, BENCH_T0 env) and each
scenario's wall time.  Usage: python -m tools.bench.plain --browser chromium|firefox [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

T0 = float(os.environ.get("BENCH_T0", time.time()))
ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", str(ROOT / ".playwright"))

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from support.browsers.executables import launch_options  # noqa: E402
from support.data import docx_files, factories  # noqa: E402
from support.target.portal_process import start_portal  # noqa: E402
from support.target.testapi import TestApi  # noqa: E402

CODE = re.compile(r"验证码为(\d{6})")
KINDS = {"自然人": "自然人登录", "法人": "法人登录"}
HGR, LAB = "人类遗传资源管理", "高等级病原微生物实验室建设审查"


class Run:
    """One browser, one portal; `context()` mirrors support/run/fixtures.new_context (evidence on)."""

    def __init__(self, browser, browser_name: str, base_url: str, api: TestApi, log_path: Path):
        self.browser, self.browser_name, self.base_url, self.api = browser, browser_name, base_url, api
        self.log_path = log_path
        self.contexts: list = []

    def context(self, title: str):
        args = {
            "locale": "zh-CN",
            "timezone_id": "Asia/Shanghai",
            "base_url": self.base_url,
            "viewport": {"width": 1280, "height": 900},
            "accept_downloads": True,
        }
        if self.browser_name == "chromium":
            args["record_video_dir"] = str(ROOT / "reports" / "videos")
        ctx = self.browser.new_context(**args)
        ctx.set_default_timeout(10_000)
        # The same evidence as the suite: no trace screencast on Firefox (support/run/fixtures.py).
        ctx.tracing.start(screenshots=self.browser_name != "firefox", snapshots=True, title=title)
        self.contexts.append(ctx)
        return ctx

    def signed_in_page(self, title: str, login_name: str):
        ctx = self.context(title)
        session = self.api.open_session(login_name)
        ctx.add_cookies([{"name": session["cookie"], "value": session["session_id"], "url": self.base_url}])
        return ctx.new_page()

    def finish(self) -> None:
        for ctx in self.contexts:
            videos = [pg.video for pg in ctx.pages if pg.video] if self.browser_name == "chromium" else []
            ctx.tracing.stop()
            ctx.close()
            for video in videos:
                video.delete()
        self.contexts = []

    def scenario(self, title: str, body) -> float:
        if self.log_path.exists():
            self.log_path.stat()  # new_context notes the log offset for the failure excerpt
        start = time.perf_counter()
        try:
            body(self, title)
        finally:
            self.finish()
        return time.perf_counter() - start


# -- seeding: the same test-API calls as support/data/personas.py and support/data/actors.py --------------------
def seed(api: TestApi, kind: str) -> dict:
    if kind == "自然人":
        p = factories.Person()
        row = api.seed_account(**factories.natural_spec(p))
        return {
            "login": p.login_name,
            "password": p.password,
            "name": p.name,
            "phone": row["phone"],
            "id_number": row["id_number"],
        }
    u = factories.LegalUnit()
    row = api.seed_account(**factories.legal_spec(u))
    return {
        "login": u.login_name,
        "password": u.password,
        "name": u.agent_name,
        "phone": row["phone"],
        "unit_id": row["unit_id"],
        "unit_name": u.unit_name,
    }


def captcha(run: Run, page) -> str:
    sid = next(c["value"] for c in page.context.cookies(run.base_url) if c["name"] == "MOSTSESSION")
    return run.api.captcha_answer(sid)


def log_in(run: Run, page, kind: str, login: str, password: str) -> None:
    page.goto("/login")
    answer = captcha(run, page)
    page.get_by_role("radio", name=KINDS[kind]).check()
    page.get_by_label("登录名").fill(login)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_label("验证码", exact=True).fill(answer)
    page.get_by_role("button", name="登录", exact=True).click()


def logged_in_as(page, name: str, kind: str) -> None:
    expect(page.get_by_test_id("current-user")).to_have_text(name)
    expect(page.get_by_test_id("user-type")).to_have_text(kind)


def latest_sms(api: TestApi, phone: str) -> str:
    messages = api.sms(phone)
    assert messages, f"手机号 {phone} 没有收到短信"
    return messages[-1]["text"]


# -- the scenarios ---------------------------------------------------------------------------------
def login(kind: str):
    def body(run: Run, title: str) -> None:
        acc = seed(run.api, kind)
        page = run.context(title).new_page()
        log_in(run, page, kind, acc["login"], acc["password"])
        logged_in_as(page, acc["name"], kind)

    return body


def reset(kind: str):
    def body(run: Run, title: str) -> None:
        acc = seed(run.api, kind)
        old = acc["password"]
        page = run.context(title).new_page()
        log_in(run, page, kind, acc["login"], acc["password"] + "x")
        expect(page.get_by_role("alert")).to_contain_text("登录名或密码错误")
        page.get_by_role("link", name="忘记密码").click()
        page.get_by_role("list", name="找回方式").get_by_role("link", name="登录名重置密码", exact=True).click()
        page.get_by_label("登录名").fill(acc["login"])
        page.get_by_role("button", name="下一步").click()
        expect(page.get_by_test_id("masked-phone")).to_have_text(acc["phone"][:3] + "****" + acc["phone"][-4:])
        with page.expect_navigation():
            page.get_by_role("button", name="获取验证码").click()
        expect(page.get_by_role("status")).to_contain_text("验证码已发送")
        assert CODE.search(latest_sms(run.api, acc["phone"])), "预留手机号应收到6位验证码"
        new = factories.new_password()
        page.get_by_label("短信验证码").fill(CODE.search(latest_sms(run.api, acc["phone"])).group(1))
        page.get_by_label("新密码", exact=True).fill(new)
        page.get_by_label("确认新密码").fill(new)
        page.get_by_role("button", name="重置密码").click()
        expect(page.get_by_role("status")).to_contain_text("密码重置成功，请使用新密码登录")
        log_in(run, page, kind, acc["login"], new)
        logged_in_as(page, acc["name"], kind)
        page.get_by_role("button", name="退出登录").click()
        log_in(run, page, kind, acc["login"], old)
        expect(page.get_by_role("alert")).to_contain_text("登录名或密码错误")

    return body


def grant(run: Run, title: str) -> None:
    legal, person = seed(run.api, "法人"), seed(run.api, "自然人")
    run.api.post("/authorization/unit-permissions", {"unit_id": legal["unit_id"], "system": LAB})
    page = run.signed_in_page(title, legal["login"])
    page.goto("/online/authorization")
    page.get_by_label("姓名", exact=True).fill(person["name"])
    page.get_by_label("证件号码", exact=True).fill(person["id_number"])
    page.get_by_role("button", name="查询", exact=True).click()
    page.get_by_role("link", name=f"授权给{person['name']}").click()
    page.get_by_role("group", name=LAB, exact=True).get_by_role("checkbox", name="事项办理员", exact=True).check()
    page.get_by_role("button", name="提交授权").click()
    expect(page.get_by_role("status")).to_contain_text("授权成功")
    row = (
        page.get_by_role("table", name="已授权用户")
        .get_by_role("row")
        .filter(has_text=person["name"])
        .filter(has_text=LAB)
    )
    expect(row.get_by_role("cell").nth(3)).to_have_text("事项办理员")
    expect(row.get_by_role("cell").nth(5)).to_have_text("有效")
    other = run.signed_in_page(title, person["login"])
    other.goto("/services")
    other.get_by_role("region", name=LAB, exact=True).get_by_role("link", name="办理入口").click()
    expect(other.get_by_role("heading", level=1)).to_have_text(LAB)
    expect(other.get_by_text("当前角色：事项办理员", exact=True)).to_be_visible()


def hgr_synthesis(run: Run, title: str) -> None:
    api = run.api
    legal, person = seed(api, "法人"), seed(api, "自然人")
    api.post(f"/hgr/units/{legal['unit_id']}/filed")
    api.post("/authorization/unit-permissions", {"unit_id": legal["unit_id"], "system": HGR})
    api.post(
        "/authorization/grants",
        {
            "unit_id": legal["unit_id"],
            "login_name": person["login"],
            "system": HGR,
            "roles": ["事项办理员"],
            "valid_days": 365,
        },
    )
    page = run.signed_in_page(title, person["login"])
    page.goto("/systems/hgr")
    page.get_by_role("link", name="新建项目").click()
    page.get_by_label("项目名称").fill("出境样本研究")
    page.get_by_label("申报事项").select_option(label="材料出境审批")
    page.get_by_label("负责人").fill(person["name"])
    page.get_by_role("button", name="保存项目").click()
    texts = ["人类遗传资源材料出境申请书正文", "受试者知情同意书模板"]
    for filename, text in zip(("申请书.docx", "知情同意书.docx"), texts, strict=True):
        page.get_by_label("附件（Word文档）").set_input_files(
            docx_files.as_upload(filename, docx_files.valid_docx(text))
        )
        page.get_by_role("button", name="上传附件").click()
    expect(page.get_by_role("status")).to_contain_text("已上传")
    for filename in ("申请书.docx", "知情同意书.docx"):
        expect(page.get_by_role("table", name="项目附件").get_by_role("row").filter(has_text=filename)).to_have_count(1)
    page.get_by_role("button", name="提交管理员").click()
    expect(page.get_by_text("项目状态：合成成功", exact=True)).to_be_visible()
    download_link = page.get_by_role("link", name="下载", exact=True)
    expect(download_link).to_be_visible()
    with page.expect_download() as info:
        download_link.click()
    paragraphs = docx_files.paragraphs_of(str(info.value.path()))
    assert not [t for t in texts if t not in paragraphs], f"合成文件缺少附件内容（文件段落：{paragraphs}）"


SCENARIOS = [
    ("hgr-synthesis", hgr_synthesis),
    ("grant", grant),
    ("reset-自然人", reset("自然人")),
    ("reset-法人", reset("法人")),
    ("login-自然人", login("自然人")),
    ("login-法人", login("法人")),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", choices=["chromium", "firefox"], default="chromium")
    parser.add_argument("--rounds", type=int, default=1, help="run the scenario set this many times")
    args = parser.parse_args()
    marks = {"imported": time.time() - T0}
    portal = start_portal(Path(tempfile.mkdtemp(prefix="bench-plain-")), "plain")
    marks["portal_started"] = time.time() - T0
    api = TestApi(portal.base_url, portal.token)
    times: dict[str, list[float]] = {name: [] for name, _ in SCENARIOS}
    try:
        with sync_playwright() as pw:
            browser_type = getattr(pw, args.browser)
            browser = browser_type.launch(**launch_options(browser_type, None))
            marks["browser_launched"] = time.time() - T0
            run = Run(browser, args.browser, portal.base_url, api, portal.log_path)
            for _ in range(args.rounds):
                for name, body in SCENARIOS:
                    times[name].append(run.scenario(name, body))
            marks["scenarios_done"] = time.time() - T0
            browser.close()
    finally:
        portal.stop()
    marks["end"] = time.time() - T0
    print(json.dumps({"browser": args.browser, "marks": marks, "scenarios": times}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
