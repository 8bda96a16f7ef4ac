"""A cancelled staging demo (SIGTERM from CI's time limit or `make` being stopped) still prints what ran:
run_pytest interrupts pytest like Ctrl-C, so its summary line comes out before the portal stops."""

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Stands in for pytest: says it is running, then prints a summary when interrupted (as pytest does on SIGINT).
FAKE_PYTEST = """
import signal
try:  # from its first line on, as pytest: an interrupt right after "running" still ends in the summary
    print("running", flush=True)
    signal.pause()
except KeyboardInterrupt:
    print("== 3 passed, 1 skipped in 9.00s (interrupted) ==", flush=True)
"""

DRIVER = f"""
import importlib.util, sys
spec = importlib.util.spec_from_file_location("staging_demo", {str(ROOT / "tools" / "staging_demo.py")!r})
demo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(demo)
sys.exit(demo.run_pytest([sys.executable, "-c", {FAKE_PYTEST!r}], {{}}))
"""


def test_sigterm_interrupts_pytest_and_its_summary_is_printed():
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tools")])},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout.readline().strip() == "running"
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert "预发布演示被终止" in out
    assert "3 passed, 1 skipped" in out and "interrupted" in out
    assert proc.returncode == 128 + signal.SIGTERM
