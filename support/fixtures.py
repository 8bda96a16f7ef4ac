"""Fixtures every scenario uses: the target portal, the test API, browser contexts with
failure evidence for Allure, and signing a browser in without the login page."""
from __future__ import annotations

import allure
import pytest

from support.portal_process import ROOT, start_portal
from support.target import Target
from support import a11y, a11y_coverage, allure_safe

EVIDENCE_TRACE = "application/vnd.allure.playwright-trace"
# Portal pages render in milliseconds: an action still waiting after 10 s is a failure.
ACTION_TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def target(request, tmp_path_factory, worker_id) -> Target:
    """With no --base-url: this worker's own embedded portal. Otherwise the given URL."""
    url = request.config.getoption("--base-url")
    if url:
        from support.staging import staging_target
        yield staging_target(request.config, url)
        return
    portal = start_portal(tmp_path_factory.getbasetemp() / "portal", f"portal-{worker_id}",
                          ["--markup", request.config.getoption("--portal-markup")])
    from support.testapi import TestApi
    request.config.target_kind = "mock"
    yield Target(portal.base_url, "mock", TestApi(portal.base_url, portal.token), log_path=portal.log_path)
    portal.stop()


@pytest.fixture
def api(target):
    """The portal's test control plane; scenarios needing it are skipped elsewhere, with the reason."""
    return target.control


def _failed(node) -> bool:
    rep = getattr(node, "rep_call", None)
    return bool(rep and rep.failed)


def _attach_evidence(ctx, request, browser_name: str, index: int, log_start: int | None, target: Target):
    label = f"上下文{index + 1}" if index else ""
    for n, pg in enumerate(ctx.pages):
        try:
            allure_safe.attach(pg.screenshot(full_page=True), name=f"失败截图{label}{n + 1 if n else ''}",
                          attachment_type=allure.attachment_type.PNG)
        except Exception as exc:  # noqa: BLE001 - a crashed page must not hide the real failure
            allure_safe.attach(str(exc), name="截图失败", attachment_type=allure.attachment_type.TEXT)
    trace_dir = ROOT / "reports" / "traces"
    trace_dir.mkdir(parents=True, exist_ok=True)
    trace = trace_dir / f"{request.node.name[:80]}-{browser_name}-{index}.zip".replace("/", "_")
    ctx.tracing.stop(path=str(trace))
    allure_safe.attach_file(str(trace), name=f"Playwright 跟踪{label}（本地查看：.venv/bin/playwright show-trace）",
                       attachment_type=EVIDENCE_TRACE, extension="zip")
    if index == 0 and log_start is not None and target.log_path and target.log_path.exists():
        with open(target.log_path, "rb") as fh:
            fh.seek(log_start)
            excerpt = fh.read().decode("utf-8", "replace")
        allure_safe.attach(excerpt or "（该场景期间门户没有写日志）", name="门户服务端日志",
                      attachment_type=allure.attachment_type.TEXT)


@pytest.fixture
def new_context(browser, browser_context_args, request, browser_name, target):
    """Factory of browser contexts (one per actor). Each records a trace; on failure the trace,
    a screenshot of every page, the video (Chromium) and the portal's log excerpt go to Allure."""
    evidence = request.config.getoption("--evidence")
    video_dir = ROOT / "reports" / "videos"
    record_video = evidence == "full" and browser_name == "chromium"  # Firefox via BiDi records none
    log_start = target.log_path.stat().st_size if target.log_path and target.log_path.exists() else None
    contexts = []
    track_templates = a11y_coverage.wants_tracking(request.node)

    def open_context(**overrides):
        args = {**browser_context_args, **overrides}
        if record_video:
            args["record_video_dir"] = str(video_dir)
        ctx = browser.new_context(**args)
        ctx.set_default_timeout(ACTION_TIMEOUT_MS)
        if evidence != "off":
            ctx.tracing.start(screenshots=True, snapshots=True, title=request.node.name)
        if track_templates:
            a11y.prepare(ctx)
            a11y_coverage.track(ctx)
        contexts.append(ctx)
        return ctx

    yield open_context
    failed = _failed(request.node)
    for index, ctx in enumerate(contexts):
        videos = [pg.video for pg in ctx.pages if pg.video] if record_video else []
        if failed and evidence != "off":
            _attach_evidence(ctx, request, browser_name, index, log_start, target)
        elif evidence != "off":
            ctx.tracing.stop()
        ctx.close()
        for n, video in enumerate(videos):
            # save_as()/delete(), not path(): they also reach a video recorded by a remote run-server.
            if failed:
                path = video_dir / f"{request.node.name[:80]}-{browser_name}-{index}-{n}.webm".replace("/", "_")
                video.save_as(str(path))
                if path.stat().st_size:
                    allure_safe.attach_file(str(path), name="录像", attachment_type=allure.attachment_type.WEBM)
            video.delete()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


def sign_in(context, target: Target, login_name: str) -> None:
    """Start a browser context logged in, without the login page (session injected; on a staging
    target without a control plane: through 用户登录 with the target file's account)."""
    if target.api is None:
        from support.staging import ui_sign_in
        return ui_sign_in(context, target, login_name)
    session = target.control.open_session(login_name)
    context.add_cookies([{"name": session["cookie"], "value": session["session_id"], "url": target.base_url}])


def session_id_of(context, target: Target) -> str | None:
    for cookie in context.cookies(target.base_url):
        if cookie["name"] == "MOSTSESSION":
            return cookie["value"]
    return None


@pytest.fixture
def captcha_solver(target, context):
    """Reads the current captcha of this browser's session (mock: test API; staging: config)."""
    def solve(ctx=None) -> str:
        if target.api is None:  # staging: the fixed code from the target file's captcha.env
            from support.staging import captcha_code
            return captcha_code(target)
        target.require("captcha")
        return target.control.captcha_answer(session_id_of(ctx or context, target))
    return solve
