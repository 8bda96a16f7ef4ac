"""Kill-and-restart durability: the portal runs as a process under traffic (accounts and HGR
projects through the test API, appeals through the real HTTP form), is stopped with SIGTERM and
then SIGKILL in the middle of it, and restarted on the same database each time. Every row whose
request was answered is there; nothing is half-written (a unit without its account, a project or
appeal without its owner, an appeal whose documents are missing)."""

from __future__ import annotations

import random
import re
import secrets
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from support.data import identity
from support.target.portal_process import ROOT

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
CODE = re.compile(r"验证码为(\d{6})")
RNG = random.Random(secrets.randbits(64))
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 256
TRAFFIC_LIMIT_SECONDS = 120


@dataclass
class Portal:
    url: str
    token: str
    process: subprocess.Popen

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url + "/__test__", headers={"X-Test-Token": self.token}, timeout=20)


def start(db: Path, token: str) -> Portal:
    """Like support.target.portal_process.start_portal, but keeps the database it is given."""
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
        str(db.with_suffix(".log")),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    assert "listening on" in line, line + (proc.stdout.read() if proc.poll() is not None else "")
    threading.Thread(target=proc.stdout.read, daemon=True).start()  # never let the pipe fill up
    return Portal(line.rsplit(" ", 1)[1].strip(), token, proc)


@dataclass
class Ledger:
    """What the portal has confirmed (answered) and what was in flight when it went down."""

    accounts: set[str] = field(default_factory=set)
    projects: dict[str, str] = field(default_factory=dict)  # project name -> owner login
    appeals: dict[int, str] = field(default_factory=dict)  # review id -> owner login
    lock: threading.Lock = field(default_factory=threading.Lock)


def legal_and_project(portal: Portal, ledger: Ledger, n: str) -> None:
    with portal.api() as api:
        login = f"dur_fr_{n}"
        body = {
            "kind": "legal",
            "login_name": login,
            "password": "Aa123456#x",
            "name": "代办人",
            "unit": {"name": f"耐久测试单位{n}", "credit_code": identity.new_credit_code(RNG)},
        }
        unit_id = api.post("/accounts", json=body).raise_for_status().json()["unit_id"]
        with ledger.lock:
            ledger.accounts.add(login)
        name = f"耐久项目{n}"
        api.post("/hgr/projects", json={"login_name": login, "unit_id": unit_id, "name": name}).raise_for_status()
        with ledger.lock:
            ledger.projects[name] = login


def natural_and_appeal(portal: Portal, ledger: Ledger, n: str) -> None:
    login, phone, id_number = f"dur_zr_{n}", f"139{secrets.randbelow(10**8):08d}", identity.new_id_number(RNG)
    with portal.api() as api, httpx.Client(base_url=portal.url, timeout=20) as web:
        api.post(
            "/accounts",
            json={
                "kind": "natural",
                "login_name": login,
                "password": "Aa123456#x",
                "name": "耐久",
                "id_number": id_number,
                "phone": phone,
            },
        ).raise_for_status()
        with ledger.lock:
            ledger.accounts.add(login)
        form = {"name": "耐久", "id_number": id_number, "phone": phone}
        token = CSRF.search(web.get("/recovery/appeal/natural").text).group(1)
        web.post("/recovery/appeal/natural", data={"csrf_token": token, "action": "code", **form})
        code = CODE.search(api.get("/sms", params={"phone": phone}).json()[-1]["text"]).group(1)
        done = web.post(
            "/recovery/appeal/natural",
            data={"csrf_token": token, "action": "submit", "code": code, **form},
            files={"front": ("正面.png", PNG, "image/png"), "back": ("反面.png", PNG, "image/png")},
        )
        assert done.status_code == 303, done.text[:300]
        with ledger.lock:
            ledger.appeals[int(done.headers["location"].rsplit("/", 1)[1])] = login


def traffic(
    portal: Portal,
    ledger: Ledger,
    stop: threading.Event,
    worker: int,
    enough: threading.Event,
    goal: tuple[int, int, int],
) -> None:
    i = worker
    while not stop.is_set():
        i += 1
        n = f"{worker}_{i}_{secrets.token_hex(2)}"
        try:
            (legal_and_project if i % 2 else natural_and_appeal)(portal, ledger, n)
        except (httpx.HTTPError, AttributeError, AssertionError):
            if stop.is_set():
                return  # the portal is going down: what was in flight is simply not confirmed
            raise
        with ledger.lock:
            counts = (len(ledger.accounts), len(ledger.projects), len(ledger.appeals))
        if all(have >= want for have, want in zip(counts, goal, strict=True)):
            enough.set()


def run_and_stop(db: Path, ledger: Ledger, how: signal.Signals) -> None:
    portal = start(db, secrets.token_hex(8))
    stop, enough = threading.Event(), threading.Event()
    goal = (len(ledger.accounts) + 3, len(ledger.projects) + 1, len(ledger.appeals) + 1)
    workers = [threading.Thread(target=traffic, args=(portal, ledger, stop, w, enough, goal)) for w in range(3)]
    for t in workers:
        t.start()
    # Stopped as soon as some of each kind is confirmed, while the workers are mid-request.
    reached = enough.wait(timeout=TRAFFIC_LIMIT_SECONDS)
    stop.set()  # no new work; what each worker is sending now is cut off by the signal
    portal.process.send_signal(how)
    portal.process.wait(timeout=30)
    for t in workers:
        t.join(timeout=30)
    assert reached, f"traffic too slow or failing: {ledger}"


def verify(db: Path, ledger: Ledger) -> None:
    portal = start(db, secrets.token_hex(8))
    try:
        with portal.api() as api:
            for login in ledger.accounts:
                assert api.get(f"/accounts/{login}").status_code == 200, f"account {login} lost"
            appeals = {r["id"] for r in api.get("/reviews", params={"kind": "appeal_natural"}).json()}
            assert set(ledger.appeals) <= appeals, f"appeals lost: {set(ledger.appeals) - appeals}"
    finally:
        portal.process.terminate()
        portal.process.wait(timeout=30)
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        projects = {name for (name,) in con.execute("SELECT name FROM hgr_projects")}
        assert set(ledger.projects) <= projects, f"projects lost: {set(ledger.projects) - projects}"
        orphans = con.execute(
            "SELECT u.name FROM units u LEFT JOIN accounts a ON a.unit_id = u.id "
            "WHERE u.name LIKE '耐久测试单位%' AND a.id IS NULL"
        ).fetchall()
        assert not orphans, f"units without their account: {orphans}"
        ownerless = con.execute(
            "SELECT p.name FROM hgr_projects p LEFT JOIN accounts a ON a.id = p.owner_account_id WHERE a.id IS NULL"
        ).fetchall()
        assert not ownerless, f"projects without an owner: {ownerless}"
        uploads_dir = db.parent / (db.stem + "-uploads")
        for (upload_ids,) in con.execute("SELECT upload_ids FROM reviews WHERE kind = 'appeal_natural'"):
            for upload_id in re.findall(r'"([0-9a-f]{16})"', upload_ids or ""):
                row = con.execute("SELECT stored_name FROM uploads WHERE id = ?", (upload_id,)).fetchone()
                assert row and (uploads_dir / row[0]).is_file(), f"appeal document {upload_id} half-written"
    finally:
        con.close()


def test_sigterm_then_sigkill_mid_traffic_loses_nothing_committed(tmp_path):
    db = tmp_path / "durable.db"
    ledger = Ledger()
    run_and_stop(db, ledger, signal.SIGTERM)
    verify(db, ledger)
    run_and_stop(db, ledger, signal.SIGKILL)
    verify(db, ledger)
