"""Load on the embedded portal: login, 服务事项 and 我的信息 (run by tools/bench/load.py, loopback only).

Each simulated user has its own seeded account (LOAD_ACCOUNTS, written by load.py). The captcha answer
comes from the test API, outside the statistics.

LOAD_PROFILE picks the time a user waits between two actions (see docs/performance.md §3):
- ``realistic``: 1–3 s, a person reading a page and clicking on (50 users ≈ 25 requests/s);
- ``stress``: 0.05–0.2 s, far faster than a person (50 users ask for ≈ 400 requests/s).
Both profiles do the same actions in the same proportions; only the waiting differs.

load.py asks locust to reset its statistics once every user has arrived (the figures it judges are those
at full concurrency); LOAD_WHOLE_RUN names a file where this module writes every page's response times
and errors of the whole run, arrival included, so no error is ever left out."""

import json
import os
import re
from collections import Counter
from pathlib import Path

from locust import FastHttpUser, between, events, task

ACCOUNTS = json.loads(os.environ["LOAD_ACCOUNTS"])
TOKEN = os.environ["LOAD_TOKEN"]
# LOAD_RELOGIN=0: each user logs in once (on start) and then only browses, to see the pages' own times
# apart from argon2id's deliberate cost per password check (POST /login).
RELOGIN = os.environ.get("LOAD_RELOGIN", "1") != "0"
THINK_SECONDS = {"realistic": (1.0, 3.0), "stress": (0.05, 0.2)}
PROFILE = os.environ.get("LOAD_PROFILE", "realistic")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_next = iter(range(10**9))
_whole_run_times: dict[str, list[float]] = {}
_whole_run_failures: Counter = Counter()


@events.request.add_listener
def _record_whole_run(name, response_time, exception=None, **_):
    _whole_run_times.setdefault(name, []).append(response_time)
    if exception is not None:
        _whole_run_failures[f"{name}: {exception}"] += 1


@events.quitting.add_listener
def _write_whole_run(**_):
    if os.environ.get("LOAD_WHOLE_RUN"):
        Path(os.environ["LOAD_WHOLE_RUN"]).write_text(
            json.dumps({"times": _whole_run_times, "failures": _whole_run_failures}), encoding="utf-8"
        )


class PortalUser(FastHttpUser):
    # FastHttpUser (geventhttpclient) rather than HttpUser (requests): the load generator shares the
    # machine's two cores with the portal, and requests costs several times more CPU per call.
    wait_time = between(*THINK_SECONDS[PROFILE])

    def on_start(self):
        self.account = ACCOUNTS[next(_next) % len(ACCOUNTS)]
        self.log_in()

    def session_id(self):
        return next((c.value for c in self.client.cookiejar if c.name == "MOSTSESSION"), None)

    def log_in(self):
        page = self.client.get("/login", name="GET /login")
        token = CSRF.search(page.text).group(1)
        # The test API's captcha answer is fetched through the same connection pool but outside locust's
        # statistics (not a page a person loads), so locust's total is the pages' total.
        answer = self.client.client.urlopen(
            f"{self.host}/__test__/captcha/{self.session_id()}", method="GET", headers={"X-Test-Token": TOKEN}
        ).json()["answer"]
        with self.client.post(
            "/login",
            name="POST /login",
            allow_redirects=False,
            catch_response=True,
            data={
                "csrf_token": token,
                "login_name": self.account["login_name"],
                "password": self.account["password"],
                "captcha": answer,
                "login_type": "natural",
            },
        ) as response:
            if response.status_code != 303:
                response.failure(f"login answered {response.status_code}")

    def page(self, path):
        # A page that answers with anything but 200 (e.g. a redirect to the login page) is an error.
        with self.client.get(path, name=f"GET {path}", allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{path} answered {response.status_code}")

    @task(2)
    def services(self):
        self.page("/services")

    @task(2)
    def my_info(self):
        self.page("/online/info")

    @task(1)
    def login_again(self):
        if not RELOGIN:
            return self.services()
        self.client.cookiejar.clear()
        self.log_in()
