"""Load on the embedded portal: login, 服务事项 and 我的信息 (run by tools/bench/load.py, loopback only).

Each simulated user has its own seeded account (LOAD_ACCOUNTS, written by load.py). The captcha answer
comes from the test API (control-plane calls are excluded from the statistics by name)."""
import json
import os
import re

from locust import HttpUser, between, task

ACCOUNTS = json.loads(os.environ["LOAD_ACCOUNTS"])
TOKEN = os.environ["LOAD_TOKEN"]
# LOAD_RELOGIN=0: each user logs in once (on start) and then only browses, to see the pages' own times
# apart from argon2id's deliberate cost per password check (POST /login).
RELOGIN = os.environ.get("LOAD_RELOGIN", "1") != "0"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_next = iter(range(10**9))


class PortalUser(HttpUser):
    wait_time = between(0.05, 0.2)

    def on_start(self):
        self.account = ACCOUNTS[next(_next) % len(ACCOUNTS)]
        self.log_in()

    def log_in(self):
        page = self.client.get("/login", name="GET /login")
        token = CSRF.search(page.text).group(1)
        sid = self.client.cookies.get("MOSTSESSION")
        answer = self.client.get(f"/__test__/captcha/{sid}", headers={"X-Test-Token": TOKEN},
                                 name="(test api) captcha").json()["answer"]
        with self.client.post("/login", name="POST /login", allow_redirects=False, catch_response=True,
                              data={"csrf_token": token, "login_name": self.account["login_name"],
                                    "password": self.account["password"], "captcha": answer,
                                    "login_type": "natural"}) as response:
            if response.status_code != 303:
                response.failure(f"login answered {response.status_code}")

    @task(2)
    def services(self):
        self.client.get("/services", name="GET /services")

    @task(2)
    def my_info(self):
        self.client.get("/online/info", name="GET /online/info")

    @task(1)
    def login_again(self):
        if not RELOGIN:
            return self.services()
        self.client.cookies.clear()
        self.log_in()
