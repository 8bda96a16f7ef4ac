"""tools/bench/check_merge.py: two shards merged must hold every scenario×browser exactly once."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
A = "tests/e2e/test_platform.py::test_a[{b}]"
B = "tests/e2e/test_platform.py::test_b[{b}]"


def _junit(path: Path, ids: list[str]) -> None:
    cases = "".join(
        f'<testcase classname="{i.split("::")[0][:-3].replace("/", ".")}" name="{i.split("::")[1]}"/>' for i in ids
    )
    path.write_text(f'<testsuites><testsuite name="pytest">{cases}</testsuite></testsuites>', encoding="utf-8")


def _result(results: Path, name: str, scenario: str, browser: str) -> None:
    results.mkdir(exist_ok=True)
    (results / f"{name}-result.json").write_text(
        json.dumps(
            {
                "fullName": f"features/x.feature:{scenario}",
                "status": "passed",
                "parameters": [{"name": "browser_name", "value": f"'{browser}'"}],
            }
        ),
        encoding="utf-8",
    )


def _run(
    tmp_path: Path, shard1: list[str], shard2: list[str], results: list[tuple[str, str]]
) -> subprocess.CompletedProcess:
    collected = tmp_path / "collected.txt"
    collected.write_text("\n".join(x.format(b=b) for x in (A, B) for b in ("chromium", "firefox")), encoding="utf-8")
    _junit(tmp_path / "j1.xml", shard1)
    _junit(tmp_path / "j2.xml", shard2)
    for n, (scenario, browser) in enumerate(results):
        _result(tmp_path / "res", f"r{n}", scenario, browser)
    return subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "bench" / "check_merge.py"),
            "--collected",
            str(collected),
            "--junit",
            str(tmp_path / "j1.xml"),
            "--junit",
            str(tmp_path / "j2.xml"),
            "--results",
            str(tmp_path / "res"),
        ],
        capture_output=True,
        text=True,
    )


def test_every_scenario_once_passes(tmp_path):
    proc = _run(
        tmp_path,
        [A.format(b="chromium"), A.format(b="firefox")],
        [B.format(b="chromium"), B.format(b="firefox")],
        [("a", "chromium"), ("a", "firefox"), ("b", "chromium"), ("b", "firefox")],
    )
    assert proc.returncode == 0, proc.stdout
    assert "检查通过" in proc.stdout


def test_a_scenario_in_both_shards_or_in_none_fails(tmp_path):
    proc = _run(
        tmp_path,
        [A.format(b="chromium"), A.format(b="firefox")],
        [A.format(b="chromium"), B.format(b="firefox")],
        [("a", "chromium"), ("a", "firefox"), ("b", "firefox")],
    )
    assert proc.returncode == 1
    assert "在两个分片中都运行了" in proc.stdout and "没有任何分片运行" in proc.stdout


def test_a_duplicated_allure_result_fails(tmp_path):
    proc = _run(
        tmp_path,
        [A.format(b="chromium"), A.format(b="firefox")],
        [B.format(b="chromium"), B.format(b="firefox")],
        [("a", "chromium"), ("a", "chromium"), ("a", "firefox"), ("b", "chromium"), ("b", "firefox")],
    )
    assert proc.returncode == 1
    assert "Allure 结果重复" in proc.stdout
