"""Staging plumbing for seeding without a test API: target-file account pools claimed one per
scenario, the reviewer entry, skips that name a capability, and the staging demo's provisioning."""

import tempfile
import uuid
import warnings

import pytest

from support.target import staging
from support.target.portal import Target
from tests.unit.conftest import CSRF_RE
from tools import staging_demo

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


POOL = """
captcha: {mode: fixed, env: C}
reviewer: {username: qa_reviewer, password_env: R}
accounts:
  密码已过期的自然人账号:
    - {kind: natural, login_name: zr1, password_env: P}
    - {kind: natural, login_name: zr2, password_env: P}
  法人账号: {kind: legal, login_name: fr1, password_env: P, unit_name: 某公司}
"""


def _target(tmp_path, text=POOL) -> Target:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    data = staging.parse(path)
    return Target("http://127.0.0.1:1", "staging", None, data["capabilities"], data)


@pytest.fixture(autouse=True)
def _own_claims(tmp_path, monkeypatch):
    # Claims of this test only, kept in its tmp_path: in the system temp dir under tmp_path's name (which
    # repeats across runs) a second run found the pool already claimed and skipped.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("PYTEST_XDIST_TESTRUNUID", f"unit-{uuid.uuid4().hex}")
    monkeypatch.setenv("P", "Aa123456#x")


def test_reviewer_entry_gives_back_office_and_refuses_a_written_password(tmp_path):
    target = _target(tmp_path)
    assert "back-office" in target.capabilities
    assert target.config["reviewer"] == {"username": "qa_reviewer", "password_env": "R"}
    with pytest.raises(staging.TargetConfigError, match="reviewer"):
        _target(tmp_path, "reviewer: {username: a, password: b}\n")


def test_pool_account_with_a_written_password_is_refused(tmp_path):
    with pytest.raises(staging.TargetConfigError, match="password_env"):
        _target(tmp_path, "accounts:\n  x:\n    - {login_name: a, password: s}\n")


def test_pool_gives_each_scenario_its_own_account_then_skips_naming_what_is_missing(tmp_path):
    target = _target(tmp_path)
    first = staging.actor(target, "一个密码已过期的自然人账号", needs="clock")
    second = staging.actor(target, "一个密码已过期的自然人账号", needs="clock")
    assert {first.login_name, second.login_name} == {"zr1", "zr2"}
    with pytest.raises(pytest.skip.Exception, match="用完"):
        staging.actor(target, "一个密码已过期的自然人账号", needs="clock")


def test_single_account_is_shared(tmp_path):
    target = _target(tmp_path)
    assert staging.actor(target, "一个法人账号").login_name == staging.actor(target, "法人账号").login_name == "fr1"


def test_missing_account_skips_naming_the_capability(tmp_path):
    target = _target(tmp_path)
    with pytest.raises(
        pytest.skip.Exception, match=r"需要控制门户时钟（clock），或目标配置中的账号“密码已过期的法人账号”"
    ):
        staging.actor(target, "一个密码已过期的法人账号", needs="clock")


def test_demo_provisioning_writes_a_reviewer_and_expired_accounts_the_portal_accepts(tmp_path):
    from mock_portal.app import create_app
    from mock_portal.settings import Settings

    env = {staging_demo.ENV[k]: staging_demo.new_password() for k in ("reviewer", "expired_natural", "expired_legal")}
    sections = staging_demo.provision(tmp_path / "p.db", env)
    assert sections["reviewer"]["username"] == "qa_reviewer"
    pool = sections["accounts"]["密码已过期的自然人账号"]
    assert len(pool) == staging_demo.POOL_SIZE and all("password" not in spec for spec in pool)
    client = TestClient(create_app(Settings(db_path=tmp_path / "p.db", staging_captcha="1234")))
    token = CSRF_RE.search(client.get("/admin/login").text).group(1)
    done = client.post(
        "/admin/login",
        data={"csrf_token": token, "username": "qa_reviewer", "password": env[staging_demo.ENV["reviewer"]]},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/admin"
    token = CSRF_RE.search(client.get("/login").text).group(1)
    login = client.post(
        "/login",
        data={
            "csrf_token": token,
            "login_name": pool[0]["login_name"],
            "captcha": "1234",
            "password": env[staging_demo.ENV["expired_natural"]],
            "login_type": "natural",
        },
    )
    assert "您的密码已过期" in login.text


def test_demo_target_file_parses_with_sms_command_captcha_and_pools(tmp_path):
    sections = {
        "accounts": {"密码已过期的法人账号": [{"kind": "legal", "login_name": "x", "password_env": "P"}]},
        "reviewer": {"username": "qa_reviewer", "password_env": "R"},
    }
    data = staging.parse(staging_demo.target_file(tmp_path, sections))
    assert {"sms", "captcha", "back-office"} <= data["capabilities"]
    assert "sms_sink_read.py" in data["sms"]["command"] and "{phone}" in data["sms"]["command"]


def test_demo_provisions_migrated_torch_accounts_that_log_in_by_credit_code(tmp_path):
    """tools/staging_migrated_accounts.py: a Torch enterprise account logs in as 法人 with its credit code,
    and every unit-information state the 缺少 step names has a pool under its description."""
    from mock_portal.app import create_app
    from mock_portal.settings import Settings

    env = {staging_demo.ENV[k]: staging_demo.new_password() for k in ("reviewer", "expired_natural", "expired_legal")}
    accounts = staging_demo.provision(tmp_path / "p.db", env)["accounts"]
    gap = "信息完整的火炬中心企业账号（法人单位其他信息缺少所得税征收方式；主代办人信息缺少实名认证）"
    assert accounts[gap] and all("password" not in spec for spec in accounts[gap])
    torch = accounts["由火炬中心迁移的企业账号"][0]
    assert torch["login_name"] == torch["credit_code"]
    client = TestClient(create_app(Settings(db_path=tmp_path / "p.db", staging_captcha="1234")))
    token = CSRF_RE.search(client.get("/login").text).group(1)
    client.post(
        "/login",
        data={
            "csrf_token": token,
            "login_name": torch["login_name"],
            "captcha": "1234",
            "password": env[torch["password_env"]],
            "login_type": "legal",
        },
    )
    assert torch["name"] in client.get("/").text
