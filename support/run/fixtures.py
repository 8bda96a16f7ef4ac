"""Fixtures every scenario uses: the target portal, the test API, browser contexts with
failure evidence for Allure, and signing a browser in without the login page."""

from __future__ import annotations

import contextlib
import os

import allure
import pytest

from support.a11y import a11y_coverage, axe
from support.browsers import native_dialogs
from support.reporting import allure_safe, redaction, report_rules
from support.reporting.report_rules import PORTAL_LOG, PORTAL_RESPONSES
from support.run import markup_variants
from support.target import routes
from support.target.portal import Target
from support.target.portal_process import ROOT, start_portal

EVIDENCE_TRACE = "application/vnd.allure.playwright-trace"
# Portal pages render in milliseconds: an action still waiting after 10 s is a failure.
ACTION_TIMEOUT_MS = 10_000
# Evidence budget (docs/architecture.md): a video only for the first failures of each worker, at a
# lower resolution; traces without sources. EVIDENCE_VIDEOS=0 turns videos off.
VIDEO_FAILURES = int(os.environ.get("EVIDENCE_VIDEOS", "3"))
VIDEO_SIZE = {"width": 640, "height": 450}
_videos_attached = 0


@pytest.fixture(scope="session")
def run_target(request, tmp_path_factory, worker_id) -> Target:
    """With no --base-url: this worker's own embedded portal (--portal-markup). Otherwise the given URL."""
    url = request.config.getoption("--base-url")
    if request.config.getoption("--target-config"):  # its `paths:` override the route map
        from support.target.staging import load

        routes.configure(load(request.config).get("paths"))
    if url:
        from support.target.staging import staging_target

        yield staging_target(request.config, url)
        return
    yield from _embedded(request, tmp_path_factory, f"portal-{worker_id}", request.config.getoption("--portal-markup"))


@pytest.fixture(scope="session")
def plain_target(request, tmp_path_factory, worker_id) -> Target:
    """This worker's embedded portal in its plain rendering, for the --also-plain copies (started on first use)."""
    yield from _embedded(request, tmp_path_factory, f"portal-plain-{worker_id}", markup_variants.PLAIN)


def _embedded(request, tmp_path_factory, name: str, markup: str):
    portal = start_portal(tmp_path_factory.getbasetemp() / name, name, ["--markup", markup])
    from support.target.testapi import TestApi

    request.config.target_kind = "mock"
    yield Target(portal.base_url, "mock", TestApi(portal.base_url, portal.token), log_path=portal.log_path)
    portal.stop()


@pytest.fixture
def target(request, portal_markup) -> Target:
    """The portal this scenario runs against: the run's target, or for an --also-plain copy
    (support/run/markup_variants.py) the plain rendering of the embedded portal, named in its Allure
    result as 页面写法 = plain."""
    if portal_markup == markup_variants.PLAIN:
        allure.dynamic.parameter(report_rules.MARKUP_PARAMETER, portal_markup)
        return request.getfixturevalue("plain_target")
    return request.getfixturevalue("run_target")


@pytest.fixture
def seeder(target, request):
    """How the 假如 steps make data (support/seeding): the test API when the target has one, else the
    portal's own screens in browser contexts of their own."""
    if target.api is not None:
        from support.seeding.api import ApiSeeder

        return ApiSeeder(target)
    from support.seeding.ui import UiSeeder

    return UiSeeder(target, lambda: request.getfixturevalue("new_context"))


@pytest.fixture
def sms_code(target):
    """The latest SMS code sent to a phone: the mock's outbox through the test API, else the target
    file's `sms: command` (a staging SMS gateway's reader)."""

    def read(phone: str) -> str:
        if target.api is not None:
            from support.target.sms_outbox import latest_code

            return latest_code(target.api, phone)
        from support.target import staging

        return staging.sms_code(target, phone)

    return read


@pytest.fixture
def sms_text(target):
    """The whole text of the latest SMS sent to a phone: the mock's outbox through the test API, else the
    target file's `sms: text_command` (a staging SMS gateway's log, read the way its codes are)."""

    def read(phone: str) -> str:
        if target.api is not None:
            from support.target.sms_outbox import latest_sms

            return latest_sms(target.api, phone)
        from support.target import staging

        return staging.sms_text(target, phone)

    return read


@pytest.fixture
def api(target):
    """The portal's test control plane; scenarios needing it are skipped elsewhere, with the reason."""
    return target.control


def _failed(node) -> bool:
    rep = getattr(node, "rep_call", None)
    return bool(rep and rep.failed)


def context_label(index: int, label: str | None) -> str:
    """How evidence names a context: the actor ("法人", "自然人") when the scenario has several."""
    return label or (f"上下文{index + 1}" if index else "")


def read_log_excerpt(target: Target, log_start: int | None) -> str | None:
    if log_start is None or not target.log_path or not target.log_path.exists():
        return None
    with open(target.log_path, "rb") as fh:
        fh.seek(log_start)
        return fh.read().decode("utf-8", "replace")


def record_error_responses(ctx, node, target: Target, label: str) -> None:
    """Every 4xx/5xx answer of the portal during the scenario (report_rules.blame leads a failure's
    message with a 5xx); a 5xx page's incident number is read from its body."""
    seen = node.stash.setdefault(PORTAL_RESPONSES, [])

    def on_response(response):
        if response.status < 400 or not response.url.startswith(target.base_url):
            return
        entry = {
            "status": response.status,
            "method": response.request.method,
            "path": response.url[len(target.base_url) :] or "/",
            "actor": label,
        }
        if response.status >= 500:
            # the body may be gone; the portal log names the incident too
            with contextlib.suppress(Exception):
                entry["incident"] = report_rules.incident_of(response.text())
        seen.append(entry)

    ctx.on("response", on_response)


def _attach_evidence(
    ctx, request, browser_name: str, index: int, log_start: int | None, target: Target, label: str = ""
):
    for n, pg in enumerate(ctx.pages):
        try:
            allure_safe.attach(
                pg.screenshot(full_page=True),
                name=f"失败截图{label}{n + 1 if n else ''}",
                attachment_type=allure.attachment_type.PNG,
            )
        except Exception as exc:  # noqa: BLE001 - a crashed page must not hide the real failure
            allure_safe.attach(str(exc), name="截图失败", attachment_type=allure.attachment_type.TEXT)
    trace_dir = ROOT / "reports" / "traces"
    trace_dir.mkdir(parents=True, exist_ok=True)
    trace = trace_dir / f"{request.node.name[:80]}-{browser_name}-{index}.zip".replace("/", "_")
    ctx.tracing.stop(path=str(trace))
    redaction.redact_zip(trace)  # typed passwords, SMS codes and ID numbers: in actions, snapshots, POST bodies
    allure_safe.attach_file(
        str(trace),
        name=f"Playwright 跟踪{label}（本地查看：.venv/bin/playwright show-trace）",
        attachment_type=EVIDENCE_TRACE,
        extension="zip",
    )
    if index == 0 and log_start is not None and target.log_path and target.log_path.exists():
        excerpt = redaction.redact_text(read_log_excerpt(target, log_start) or "")
        allure_safe.attach(
            excerpt or "（该场景期间门户没有写日志）",
            name="门户服务端日志",
            attachment_type=allure.attachment_type.TEXT,
        )


@pytest.fixture(scope="session")
def caption_engine(playwright):
    """The form-caption selector engine of pages/frame.py (a field captioned by plain text beside it),
    registered once with this worker's Playwright, before any context the suite opens."""
    from pages.frame import register_caption_engine

    register_caption_engine(playwright)


@pytest.fixture
def new_context(browser, browser_context_args, request, browser_name, target, caption_engine):
    """Factory of browser contexts (one per actor). Each records a trace; on failure the trace,
    a screenshot of every page, the video (Chromium) and the portal's log excerpt go to Allure."""
    global _videos_attached
    evidence = request.config.getoption("--evidence")
    video_dir = ROOT / "reports" / "videos"
    # Firefox via BiDi records none; past the budget no video (a Chromium trace has a screencast).
    record_video = evidence == "full" and browser_name == "chromium" and _videos_attached < VIDEO_FAILURES
    log_start = target.log_path.stat().st_size if target.log_path and target.log_path.exists() else None
    contexts = []
    labels = []
    track_templates = a11y_coverage.wants_tracking(request.node)

    def open_context(label: str | None = None, **overrides):
        """label: the actor this context belongs to ("法人", "自然人"), named on its evidence."""
        args = {**browser_context_args, **overrides}
        if record_video:
            args["record_video_dir"] = str(video_dir)
            args["record_video_size"] = VIDEO_SIZE
        ctx = browser.new_context(**args)
        ctx.set_default_timeout(ACTION_TIMEOUT_MS)
        native_dialogs.record(ctx)  # alert()/confirm(): recorded per page for the message checks, accepted
        if evidence != "off":
            # Firefox (BiDi) pays for the trace's screencast on every action: twice the time of each fill,
            # click and navigation (docs/performance.md). Its traces keep the DOM snapshots of every step,
            # and a failure still attaches a screenshot of every page.
            screencast = browser_name != "firefox"
            ctx.tracing.start(screenshots=screencast, snapshots=True, title=request.node.name)
        if track_templates:
            axe.prepare(ctx)
            a11y_coverage.track(ctx)
        record_error_responses(ctx, request.node, target, label or "")
        contexts.append(ctx)
        labels.append(context_label(len(labels), label))
        return ctx

    yield open_context
    failed = _failed(request.node)
    if failed:
        request.node.stash[PORTAL_LOG] = redaction.redact_text(read_log_excerpt(target, log_start) or "")
    for index, ctx in enumerate(contexts):
        videos = [pg.video for pg in ctx.pages if pg.video] if record_video else []
        if failed and evidence != "off":
            _attach_evidence(ctx, request, browser_name, index, log_start, target, labels[index])
        elif evidence != "off":
            ctx.tracing.stop()
        ctx.close()
        for n, video in enumerate(videos):
            # save_as()/delete(), not path(): they also reach a video recorded by a remote run-server.
            if failed:
                path = video_dir / f"{request.node.name[:80]}-{browser_name}-{index}-{n}.webm".replace("/", "_")
                video.save_as(str(path))
                if path.stat().st_size:
                    allure_safe.attach_file(
                        str(path), name=f"录像{labels[index]}", attachment_type=allure.attachment_type.WEBM
                    )
            video.delete()
    if failed and record_video:
        _videos_attached += 1


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
        from support.target.staging import ui_sign_in

        return ui_sign_in(context, target, login_name)
    session = target.control.open_session(login_name)
    # The flags the portal's own login sets (HttpOnly, SameSite=Lax): without SameSite the browser would
    # send the injected cookie on cross-site posts (Chromium's "Lax+POST" grace) as it never sends the real one.
    cookie = {"name": session["cookie"], "value": session["session_id"], "url": target.base_url}
    context.add_cookies([{**cookie, "httpOnly": True, "sameSite": "Lax"}])


def session_id_of(context, target: Target) -> str | None:
    for cookie in context.cookies(target.base_url):
        if cookie["name"] == "MOSTSESSION":
            return cookie["value"]
    return None


@pytest.fixture
def captcha_solver(target, context):
    """Reads the current captcha of this browser's session (mock: test API; staging: config)."""

    def solve(ctx=None) -> str:
        if target.api is None:  # staging: the target file's captcha (a fixed code, or read from its log)
            from support.target.staging import captcha_code

            return captcha_code(target, ctx or context)
        target.require("captcha")
        return target.control.captcha_answer(session_id_of(ctx or context, target))

    return solve
