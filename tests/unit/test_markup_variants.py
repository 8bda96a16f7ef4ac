"""`--also-plain` (support/run/markup_variants.py): in one run, the scenarios a marker expression selects
also run against the embedded portal's plain rendering — the same items `--portal-markup plain -m EXPR`
selects, each next to its unchanged original, and each copy's `target` serving the plain pages."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What make test copies (the smoke and FAQ 1.1 chapters, outline rows tagged FAQ-1.1.x included), read
# from the Makefile so the test follows the selection.
SELECTION = re.search(r"^PLAIN_SELECTION \?= (.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)


def run_pytest(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", "-n", "0", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done


def _collected(*args: str) -> set[str]:
    out = run_pytest("tests/e2e", "--collect-only", "-q", "--browser", "chromium", "--browser", "firefox", *args)
    return {line for line in out.stdout.splitlines() if line.startswith("tests/")}


def test_the_copies_are_the_plain_selection_and_the_originals_are_unchanged():
    alone = _collected()
    together = _collected("--also-plain", SELECTION)
    copies = {n for n in together if "[plain-" in n}
    # the old separate run: same scenarios on the plain portal, named without the suffix
    plain_run = _collected("--portal-markup", "plain", "-m", SELECTION)
    assert together - copies == alone
    assert {n.replace("[plain-", "[") for n in copies} == plain_run
    assert any("常见问题编号如实发布[plain-firefox-FAQ-1.1.1]" in n for n in copies)  # an 例子 row's tag
    assert not any("FAQ-1.2" in n for n in copies)


def test_a_copy_runs_against_the_plain_rendering_its_original_against_the_standard(tmp_path):
    out = tmp_path / "probe.jsonl"
    run_pytest(
        "tests/e2e/test_platform.py",
        "--setup-only",
        "-p",
        "tests.unit.markup_probe",
        "--browser",
        "chromium",
        "--also-plain",
        SELECTION,
        "-k",
        "不存在的登录名得到同样的提示",
        env={"MARKUP_PROBE_OUT": str(out)},
    )
    seen = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(r["markup"], r["main"]) for r in seen} == {(None, True), ("plain", False)}, seen
    assert len({r["url"] for r in seen}) == 2  # two portals: the run's and the plain one
