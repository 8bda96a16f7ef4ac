"""Start one embedded mock portal as a subprocess (its own port, database and token)."""

from __future__ import annotations

import atexit
import secrets
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class PortalProcess:
    base_url: str
    token: str
    log_path: Path
    process: subprocess.Popen

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_portal(workdir: Path, name: str, extra_args: list[str] = (), startup_timeout: float = 90) -> PortalProcess:
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    log_path = workdir / f"{name}.log"
    token = secrets.token_urlsafe(16)
    cmd = [
        sys.executable,
        "-m",
        "mock_portal",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        "0",
        "--db",
        str(db),
        "--test-api",
        f"--test-api-token={token}",
        "--log-file",
        str(log_path),
        *extra_args,
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first_line: list[str] = []
    reader = threading.Thread(target=lambda: first_line.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(startup_timeout)
    line = first_line[0] if first_line else ""
    if "listening on" not in line:
        proc.kill()
        rest = proc.stdout.read() if proc.stdout else ""
        raise RuntimeError(f"嵌入式门户未能启动 (embedded portal did not start): {line}{rest}")
    portal = PortalProcess(line.rsplit(" ", 1)[1].strip(), token, log_path, proc)
    # Whatever the server prints later (uvicorn warnings) goes to the log: an unread pipe fills
    # up after 64 KiB and would block the portal in the middle of a run.
    threading.Thread(target=_drain, args=(proc, log_path), daemon=True).start()
    atexit.register(portal.stop)
    return portal


def _drain(proc: subprocess.Popen, log_path: Path) -> None:
    for text in proc.stdout:
        with open(log_path, "a", encoding="utf-8") as log:
            log.write(text)
