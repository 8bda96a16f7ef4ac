"""pytest-playwright's --tracing/--video/--screenshot would act on fixtures this suite replaces:
they are refused with the suite's own options named, never silently ignored."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("option", [["--tracing", "on"], ["--video", "on"], ["--screenshot", "only-on-failure"]])
def test_playwright_evidence_options_are_refused_with_the_suite_option(option):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/e2e", "--collect-only", "-q", *option],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 4, done.stdout[-500:] + done.stderr[-500:]
    assert "--evidence" in done.stderr and option[0] in done.stderr


def test_default_run_collects():
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/e2e", "--collect-only", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
