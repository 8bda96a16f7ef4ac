"""tools/bench/load.py: latency is judged at full concurrency, errors over the whole run (arrival included)."""

import csv
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("load_tool", ROOT / "tools/bench/load.py")
load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(load)

COLUMNS = ["Type", "Name", "Request Count", "Failure Count", "50%", "95%", "99%", "Requests/s"]


def _steady(path: Path, p95_get: int) -> Path:
    """locust's CSV after --reset-stats: what it saw once every user had arrived."""
    rows = [
        ["GET", "GET /services", 100, 0, 4, p95_get, p95_get, 10.0],
        ["POST", "POST /login", 20, 0, 25, 40, 60, 2.0],
        ["", "Aggregated", 120, 0, 5, 30, 50, 12.0],
    ]
    stats = path / "stats_stats.csv"
    with stats.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return stats


def _whole(path: Path, failures: dict[str, int]) -> Path:
    whole = path / "whole_run.json"
    whole.write_text(
        json.dumps(
            {"times": {"GET /services": [3.0] * 90 + [400.0] * 10, "POST /login": [25.0] * 20}, "failures": failures}
        ),
        encoding="utf-8",
    )
    return whole


def test_within_target_at_full_concurrency_and_no_error(tmp_path, capsys):
    assert load.report(_steady(tmp_path, 12), _whole(tmp_path, {}), 50) == 0
    out = capsys.readouterr().out
    assert "页面（GET）最差 p95 = 12 ms" in out and "→ 达标" in out
    assert "错误 0 个；页面（GET）最差 p95 = 400 ms" in out  # the whole run is shown beside, not judged


def test_an_error_during_arrival_fails_the_run_though_the_reset_statistics_are_clean(tmp_path, capsys):
    failures = {"GET /services: /services answered 500": 1}
    assert load.report(_steady(tmp_path, 12), _whole(tmp_path, failures), 50) == 1
    out = capsys.readouterr().out
    assert "整个运行的错误 1 个（目标 0）→ 未达标" in out
    assert "/services answered 500 ×1" in out


def test_slow_pages_at_full_concurrency_are_reported_as_missing_the_target(tmp_path, capsys):
    assert load.report(_steady(tmp_path, 80), _whole(tmp_path, {}), 50) == 0  # reported, not asserted
    out = capsys.readouterr().out
    assert "页面（GET）最差 p95 = 80 ms" in out and "→ 未达标" in out


def test_a_missing_whole_run_record_is_a_failed_run(tmp_path, capsys):
    assert load.report(_steady(tmp_path, 12), tmp_path / "absent.json", 50) == 1
    assert "whole-run record missing" in capsys.readouterr().out


def test_nearest_rank_percentile():
    assert load._percentile([float(x) for x in range(1, 101)], 95) == 95.0
    assert load._percentile([7.0], 95) == 7.0
