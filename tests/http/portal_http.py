"""A portal as the HTTP checks (tests/http) see it: visitors (an httpx client each, a cookie jar of their
own), the captcha, and accounts to try. Three kinds:

- the target of the run (support/target/portal.py: --base-url / --target-config, or this worker's embedded
  mock): accounts seeded through the test API on the mock, claimed from the target file's pool
  ``安全检查用的账号`` on staging (the checks lock or reset them); the captcha from the test API or the
  target file's fixed captcha; a skip naming the capability or the accounts entry when it is missing;
- an in-process mock (tests/unit/conftest.make_portal) for the guard-off proofs, where a test switches
  a guard of the portal off and shows the same check then fails.

Pages are found through the route map (support/target/routes.py, a target file's `paths:`), forms by their
button's text and fields by their labels (tests/http/forms.py), answers by the text a user reads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from support.data import factories
from support.target import routes
from support.target.portal import Target
from tests.http.forms import Form, form_with_button, visible_text

SECURITY_POOL = "安全检查用的账号"
MOCK_SESSION_COOKIE = "MOSTSESSION"  # only to ask the mock's test API for this visitor's captcha
TIMEOUT = httpx.Timeout(30.0)


@dataclass
class Account:
    login_name: str
    password: str
    kind: str = "natural"
    phone: str | None = None

    @property
    def login_choice(self) -> str:
        return "法人登录" if self.kind == "legal" else "自然人登录"


class Visitor:
    """One browser's worth of HTTP: its own cookies, never following redirects by itself."""

    def __init__(self, portal: HttpPortal, client: httpx.Client) -> None:
        self.portal = portal
        self.client = client

    def get(self, path: str, **kw) -> httpx.Response:
        return self.client.get(path, follow_redirects=False, **kw)

    def form(self, path: str, button: str) -> tuple[Form, str]:
        page = self.client.get(path, follow_redirects=True)
        assert page.status_code == 200, f"{path} 应能打开，实为 {page.status_code}"
        return form_with_button(page.text, button), str(page.url.path)

    def prepared(self, path: str, button: str, fields: dict, choose: str | None = None) -> Callable[[], httpx.Response]:
        """Opens the page and fills its form now; the returned job only presses the button."""
        form, at = self.form(path, button)
        data = form.data(fields, button, choose)
        action = form.action or at
        return lambda: self.client.post(action, data=data, follow_redirects=False)

    def submit(self, path: str, button: str, fields: dict, choose: str | None = None) -> httpx.Response:
        return self.prepared(path, button, fields, choose)()

    def login_job(self, account: Account, password: str | None = None) -> Callable[[], httpx.Response]:
        form, at = self.form(routes.path("login"), "登录")
        fields = {
            "登录名": account.login_name,
            "密码": password or account.password,
            "验证码": self.portal.captcha(self),
        }
        data = form.data(fields, "登录", account.login_choice)
        return lambda: self.client.post(form.action or at, data=data, follow_redirects=False)

    def sign_in(self, account: Account) -> httpx.Response:
        done = self.login_job(account)()
        assert done.status_code in (302, 303), f"{account.login_name} 应能登录：{says(done)[:200]}"
        return done


def says(response: httpx.Response) -> str:
    return visible_text(response.text)


class HttpPortal:
    def __init__(
        self,
        base_url: str,
        new_client: Callable[[], httpx.Client],
        captcha: Callable[[Visitor], str],
        new_account: Callable[[bool], Account],
        sms_sent: Callable[[str], int] | None = None,
    ) -> None:
        self.base_url = base_url
        self._new_client = new_client
        self._captcha = captcha
        self._new_account = new_account
        self._sms_sent = sms_sent

    @property
    def https(self) -> bool:
        return self.base_url.startswith("https:")

    def visitor(self) -> Visitor:
        return Visitor(self, self._new_client())

    def captcha(self, visitor: Visitor) -> str:
        return self._captcha(visitor)

    def account(self, with_phone: bool = False) -> Account:
        """An account of its own for this check (locked or reset by it)."""
        return self._new_account(with_phone)

    @classmethod
    def of_target(cls, target: Target) -> HttpPortal:
        def client() -> httpx.Client:
            return httpx.Client(base_url=target.base_url, timeout=TIMEOUT)

        if target.api is not None:
            api = target.api

            def captcha(v: Visitor) -> str:
                return api.captcha_answer(v.client.cookies.get(MOCK_SESSION_COOKIE))

            def account(with_phone: bool) -> Account:
                made = Account(factories.unique("http"), factories.new_password(), "natural", factories.new_phone())
                api.seed_account(
                    kind="natural", login_name=made.login_name, password=made.password, name="张三", phone=made.phone
                )
                return made

            return cls(target.base_url, client, captcha, account, lambda phone: len(api.sms(phone)))

        from support.target import staging

        def staging_captcha(v: Visitor) -> str:
            # `captcha: command` reads the answer issued to this visitor's session cookie (as a browser's)
            return staging.captcha_code(target, context=_Cookies(v.client))

        def pool_account(with_phone: bool) -> Account:
            actor = staging.actor(target, SECURITY_POOL)
            return Account(actor.login_name, actor.password, actor.kind, actor.phone)

        return cls(target.base_url, client, staging_captcha, pool_account)

    @classmethod
    def in_process(cls, p) -> HttpPortal:
        """tests/unit/conftest.make_portal's portal, for the guard-off proofs."""
        from fastapi.testclient import TestClient

        def captcha(v: Visitor) -> str:
            return p.api("GET", f"/captcha/{v.client.cookies.get(MOCK_SESSION_COOKIE)}")["answer"]

        def account(with_phone: bool) -> Account:
            made = Account(factories.unique("http"), factories.new_password(), "natural", factories.new_phone())
            p.seed_natural(made.login_name, made.password, phone=made.phone)
            return made

        return cls(
            "http://testserver",
            lambda: TestClient(p.app, raise_server_exceptions=False),
            captcha,
            account,
            lambda phone: len(p.api("GET", "/sms", params={"phone": phone})),
        )


class _Cookies:
    """A visitor's cookies the way support/target/staging.captcha_key reads a browser context's."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client

    def cookies(self, url: str | None = None) -> list[dict]:
        return [{"name": c.name, "value": c.value} for c in self.client.cookies.jar]


def in_parallel(jobs: list[Callable]) -> list:
    """Runs the jobs at the same moment (a thread each, released together by a barrier); their results."""
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)
    errors: list = []

    def run(i, job):
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:  # reported below, with the others' results
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    if errors:
        raise errors[0]
    return results


def timed(job: Callable[[], httpx.Response]) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    answer = job()
    return time.perf_counter() - started, answer
