"""Suite plugins for browsers and targets: reasoned browser tags, the browser preflight, the staging
target file, capability skips and the --plan dry run (no portal, no browser)."""

import subprocess
import sys
from pathlib import Path

import pytest

from support.browsers import browser_marks
from support.gherkin import tagging
from support.target import capabilities, staging

ROOT = Path(__file__).resolve().parents[2]


def test_browser_tag_becomes_a_marker_with_its_reason():
    def scenario():
        pass

    assert tagging.pytest_bdd_apply_tag("only_browser:chromium:下载对话框不同", scenario) is True
    mark = scenario.pytestmark[0]
    assert (mark.name, mark.args, mark.kwargs) == ("only_browser", ("chromium",), {"reason": "下载对话框不同"})
    assert tagging.pytest_bdd_apply_tag("FAQ-1.5", scenario) is None


@pytest.mark.parametrize("tag", ["skip_browser:firefox", "skip_browser:firefox:", "only_browser:opera:原因"])
def test_browser_tag_without_reason_or_with_unknown_browser_is_refused(tag):
    with pytest.raises(pytest.UsageError):
        tagging.pytest_bdd_apply_tag(tag, lambda: None)


def test_preflight_names_how_to_get_a_missing_browser(monkeypatch, tmp_path):
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))
    assert "playwright install webkit" in browser_marks.unavailable(["webkit"], None)
    assert browser_marks.unavailable(["chromium"], "msedge").startswith("未安装 msedge")


def test_webkit_run_ends_at_once_with_exit_code_2():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/e2e", "--browser", "webkit", "-n", "0", "-p", "no:randomly"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PLAYWRIGHT_BROWSERS_PATH": str(ROOT / ".playwright"), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2
    assert "本机没有 WebKit" in done.stdout + done.stderr and "Traceback" not in done.stdout + done.stderr


def _write(tmp_path, text: str) -> Path:
    path = tmp_path / "target.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_target_file_derives_capabilities_and_keeps_secrets_out(tmp_path):
    data = staging.parse(
        _write(
            tmp_path,
            "kind: staging\ncapabilities: [back-office]\ncaptcha: {mode: fixed, env: CAP}\nsms: none\naccounts: {}\n",
        )
    )
    assert data["capabilities"] == {"back-office", "captcha"}
    with pytest.raises(pytest.UsageError, match="password_env"):
        staging.parse(_write(tmp_path, "accounts:\n  自然人账号: {login_name: a, password: secret}\n"))
    with pytest.raises(pytest.UsageError, match="未知的能力"):
        staging.parse(_write(tmp_path, "capabilities: [time-travel]\n"))


class _Item:
    def __init__(self, *markers):
        self.markers = set(markers)

    def get_closest_marker(self, name):
        return object() if name in self.markers else None


def test_missing_capability_reasons():
    assert capabilities.missing_reason(_Item("mock-only"), frozenset()) == "需要测试控制接口（mock-only）"
    assert capabilities.missing_reason(_Item("needs-clock"), frozenset({"test-api"})) == "需要控制门户时钟（clock）"
    assert capabilities.missing_reason(_Item("mock-only"), frozenset({"test-api"})) is None


def test_plan_lists_skips_with_reasons_without_starting_anything(tmp_path):
    target = _write(tmp_path, "kind: staging\ncapabilities: []\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/e2e/test_platform.py",
            "--plan",
            "--target-config",
            str(target),
            "--browser",
            "chromium",
            "-n",
            "0",
            "-p",
            "no:randomly",
            "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # features/platform has no @mock-only scenario left (issue 18); its @needs-clock ones skip with their reason
    assert "跳过" in done.stdout and "需要控制门户时钟（clock）" in done.stdout and "计划：共" in done.stdout
