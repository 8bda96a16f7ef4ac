"""A staging target from --base-url + --target-config (YAML, see docs/target-config.example.yaml).

The file declares the target's kind, its capabilities, how to get a captcha / SMS code there and
the accounts to use by description; secrets come from environment variables named in the file."""

from __future__ import annotations

import hashlib
import os
import shlex
import subprocess
import tempfile
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import yaml

from support.data.personas import Actor
from support.reporting import redaction
from support.target import routes
from support.target.portal import ALL_CAPABILITIES, CAPABILITY_REASONS, PORTAL_TIMEZONE, Target

_CACHE = pytest.StashKey[dict]()
SECRET_KEYS = ("password", "secret", "code", "token")
_RUN_ID = uuid.uuid4().hex[:12]


class TargetConfigError(pytest.UsageError):
    pass


def load(config) -> dict:
    """The normalised target file (cached on the pytest config); {} when there is none."""
    if _CACHE in config.stash:
        return config.stash[_CACHE]
    path = config.getoption("--target-config")
    data = parse(Path(path)) if path else {}
    config.stash[_CACHE] = data
    return data


def parse(path: Path) -> dict:
    if not path.exists():
        raise TargetConfigError(f"目标配置文件不存在：{path}")
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = f"目标配置 {path}"
    kind = data.get("kind", "staging")
    if kind not in ("staging", "mock"):
        raise TargetConfigError(f"{where}：kind 只能是 staging 或 mock，而不是 {kind!r}")
    declared = set(data.get("capabilities") or [])
    unknown = declared - ALL_CAPABILITIES
    if unknown:
        raise TargetConfigError(f"{where}：未知的能力 {sorted(unknown)}；可用：{sorted(ALL_CAPABILITIES)}")
    captcha = _section(data, "captcha", where)
    sms = _section(data, "sms", where)
    if captcha.get("mode", "none") == "fixed" and "code" in captcha:
        raise TargetConfigError(f"{where}：验证码不能写在文件里，请用 captcha.env 指定环境变量名")
    if captcha.get("mode", "none") not in ("none", "fixed", "command"):
        raise TargetConfigError(f"{where}：captcha.mode 只能是 none、fixed 或 command，而不是 {captcha['mode']!r}")
    if captcha.get("mode", "none") == "command":
        if "{key}" not in str(captcha.get("command") or "") or not captcha.get("session_cookie"):
            raise TargetConfigError(
                f"{where}：captcha.mode 为 command 时需要 captcha.command（含 {{key}}：会话 Cookie 值的 SHA-256）"
                "和 captcha.session_cookie（门户会话 Cookie 的名字）"
            )
        declared.add("captcha-log")
    if captcha.get("mode", "none") != "none":
        declared.add("captcha")
    if sms.get("mode", "none") == "command":
        if not sms.get("command"):
            raise TargetConfigError(f"{where}：sms.mode 为 command 时需要 sms.command")
        declared.add("sms")
        if sms.get("text_command"):
            declared.add("sms-text")
    if "test-api" in declared:  # a mock's control plane reads every captcha and every SMS text
        declared |= {"captcha-log", "sms-text"}
    accounts = data.get("accounts") or {}
    for name, entry in accounts.items():
        # One account, or a pool (a list): each scenario then claims one of its own (see `actor`).
        for spec in entry if isinstance(entry, list) else [entry]:
            leaked = [k for k in spec if k in SECRET_KEYS]
            if leaked:
                raise TargetConfigError(
                    f"{where}：账号“{name}”把 {leaked} 写在了文件里；密码只能用 password_env 指向环境变量"
                )
            if not spec.get("login_name") or not spec.get("password_env"):
                raise TargetConfigError(f"{where}：账号“{name}”需要 login_name 和 password_env")
    reviewer = data.get("reviewer") or {}
    if reviewer:
        if not isinstance(reviewer, dict) or [k for k in reviewer if k in SECRET_KEYS]:
            raise TargetConfigError(f"{where}：reviewer 只写 username 和 password_env（密码在环境变量里）")
        if not reviewer.get("username") or not reviewer.get("password_env"):
            raise TargetConfigError(f"{where}：reviewer 需要 username 和 password_env")
        declared.add("back-office")
    registry = _registry(data, where)
    timezone = str(data.get("timezone") or PORTAL_TIMEZONE)
    try:
        ZoneInfo(timezone)
    except (ValueError, ZoneInfoNotFoundError):
        raise TargetConfigError(f"{where}：timezone 不是已知的时区名：{timezone!r}（例如 Asia/Shanghai）") from None
    return {
        "kind": kind,
        "base_url": data.get("base_url"),
        "capabilities": frozenset(declared),
        "captcha": captcha,
        "sms": sms,
        "accounts": accounts,
        "test_api_token_env": data.get("test_api_token_env", "PORTAL_TEST_API_TOKEN"),
        "known_differences": data.get("known_differences") or [],
        "paths": _paths(data, where),
        "reviewer": reviewer,
        "identity_registry": registry,
        "timezone": timezone,
    }


def _registry(data: dict, where: str) -> dict:
    """`identity_registry:` the test identities the portal's identity registry (公安 / 市场监管 stub) holds:
    `persons` (name + id_number_env: the ID number only in an environment variable) and `units`
    (unit_name + credit_code). Pools: each scenario claims entries no other scenario of this run has."""
    registry = data.get("identity_registry") or {}
    if not isinstance(registry, dict):
        raise TargetConfigError(f"{where}：identity_registry 应为映射（persons、units）")
    for spec in registry.get("persons") or []:
        if "id_number" in spec or not spec.get("name") or not spec.get("id_number_env"):
            raise TargetConfigError(
                f"{where}：identity_registry.persons 每项只写 name 和 id_number_env（证件号码放在环境变量里）"
            )
    for spec in registry.get("units") or []:
        if not spec.get("unit_name") or not spec.get("credit_code"):
            raise TargetConfigError(f"{where}：identity_registry.units 每项需要 unit_name 和 credit_code")
    return {"persons": list(registry.get("persons") or []), "units": list(registry.get("units") or [])}


def registry_person(target: Target, avoid_name: str | None = None) -> tuple[str, str]:
    """A person (姓名, 证件号码) the target's identity registry holds, claimed for this scenario alone;
    `avoid_name`: one registered under a name other than that. The number is a secret (redacted)."""
    for spec in _unclaimed(target, "persons", "person", lambda s: s["id_number_env"]):
        if spec["name"] != avoid_name:
            return spec["name"], _secret(spec["id_number_env"], f"身份核验库中 {spec['name']} 的证件号码")
    return _registry_used_up("persons")


def registry_unit(target: Target) -> tuple[str, str]:
    """A unit (单位名称, 统一社会信用代码) the target's identity registry holds, claimed for this scenario alone."""
    for spec in _unclaimed(target, "units", "unit", lambda s: s["credit_code"]):
        return spec["unit_name"], spec["credit_code"]
    return _registry_used_up("units")


def _unclaimed(target: Target, pool: str, prefix: str, key):
    """Yields the pool's entries, each claimed (for the whole run) just before it is handed out."""
    entries = target.config.get("identity_registry", {}).get(pool) or []
    if not entries:
        pytest.skip(f"{CAPABILITY_REASONS['test-api']}，或目标配置中身份核验库的测试身份（identity_registry.{pool}）")
    where = claims_dir()
    where.mkdir(parents=True, exist_ok=True)
    for spec in entries:
        try:
            os.close(os.open(where / f"registry-{prefix}-{key(spec)}", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        yield spec


def _registry_used_up(pool: str):
    pytest.skip(f"目标配置中身份核验库的测试身份（identity_registry.{pool}）已被本次运行的其他场景用完，请多列几个")


def _paths(data: dict, where: str) -> dict[str, str]:
    """`paths:` overrides entries of the route map (support/target/routes.py): name → path on this portal."""
    paths = data.get("paths") or {}
    if not isinstance(paths, dict):
        raise TargetConfigError(f"{where}：paths 应为映射（路由名: 路径）")
    unknown = routes.unknown_names(paths)
    if unknown:
        raise TargetConfigError(
            f"{where}：paths 中有未知的路由名 {unknown}；可用的路由名见 support/target/routes.py："
            f"{sorted(routes.DEFAULT_PATHS)}"
        )
    bad = sorted(name for name, value in paths.items() if not isinstance(value, str) or not value.startswith("/"))
    if bad:
        raise TargetConfigError(f"{where}：paths 中 {bad} 的路径必须是以 / 开头的字符串")
    return dict(paths)


def _section(data: dict, key: str, where: str) -> dict:
    value = data.get(key) or {"mode": "none"}
    if value in ("none", "not available"):
        value = {"mode": "none"}
    if not isinstance(value, dict):
        raise TargetConfigError(f"{where}：{key} 应为映射（mode: …）")
    return value


def capabilities(config) -> frozenset[str]:
    """What the target of this run can do: everything for the embedded mock."""
    if not config.getoption("--base-url") and not config.getoption("--target-config"):
        return ALL_CAPABILITIES
    return load(config).get("capabilities", frozenset())


def staging_target(config, url: str) -> Target:
    data = load(config)
    config.target_kind = data.get("kind", "staging")
    api = None
    if "test-api" in capabilities(config):  # a mock on a shared host, driven through its control plane
        from support.target.testapi import TestApi

        api = TestApi(url, _secret(data.get("test_api_token_env", "PORTAL_TEST_API_TOKEN"), "测试控制接口令牌"))
    return Target(url.rstrip("/"), config.target_kind, api, capabilities(config), data)


def _secret(env_name: str, what: str) -> str:
    value = os.environ.get(env_name)
    if not value:
        pytest.fail(f"{what} 需要环境变量 {env_name}（目标配置中指定），当前未设置", pytrace=False)
    redaction.register(value)  # never shown in a report, a step parameter or a trace
    return value


def captcha_code(target: Target, context=None) -> str:
    """The captcha on a staging target. `fixed`: the code in the named environment variable. `command`:
    the answer the portal issued to this browser (`context`, a Playwright BrowserContext that has
    opened the login page), read from the portal's captcha log with the configured command, `{key}`
    being the SHA-256 (hex) of the value of the session cookie `captcha.session_cookie`."""
    captcha = target.config.get("captcha", {})
    if captcha.get("mode") == "fixed":
        return _secret(captcha["env"], "固定验证码")
    if captcha.get("mode") != "command":
        pytest.skip(CAPABILITY_REASONS["captcha"])
    if context is None:
        raise ValueError("captcha.mode command reads the captcha of one browser: pass its context")
    return _run_reader(captcha["command"], "{key}", captcha_key(target, context), "图形验证码读取命令").strip()


def captcha_key(target: Target, context) -> str:
    """What the captcha log calls this browser: the SHA-256 (hex) of its session cookie's value."""
    name = target.config.get("captcha", {}).get("session_cookie")
    for cookie in context.cookies(target.base_url):
        if cookie["name"] == name:
            return hashlib.sha256(cookie["value"].encode()).hexdigest()
    pytest.fail(
        f"浏览器中没有门户的会话 Cookie {name}（captcha.session_cookie），读不出它的图形验证码；"
        "请确认先打开了登录页、Cookie 名与门户一致",
        pytrace=False,
    )


def sms_code(target: Target, phone: str) -> str:
    """Runs the configured reader command ({phone} substituted); its last output line is the code."""
    sms = target.config.get("sms", {})
    if sms.get("mode") != "command":
        pytest.skip(CAPABILITY_REASONS["sms"])
    code = _run_reader(sms["command"], "{phone}", phone, "短信读取命令").strip()
    redaction.register(code)  # never shown in a report, a step parameter or a trace
    return code


def sms_text(target: Target, phone: str) -> str:
    """The whole text of the latest SMS to `phone`: the configured `sms.text_command` ({phone}
    substituted) prints it (all of its output, a text may hold line breaks)."""
    sms = target.config.get("sms", {})
    if sms.get("mode") != "command" or not sms.get("text_command"):
        pytest.skip(CAPABILITY_REASONS["sms-text"])
    return _run_reader(sms["text_command"], "{phone}", phone, "短信全文读取命令", last_line=False)


def _run_reader(command: str, placeholder: str, value: str, what: str, last_line: bool = True) -> str:
    """Runs a reader command the target file names ({placeholder} substituted); its last output line
    (or, with last_line=False, its whole output without the final line break). The output is never
    put into the failure message: it may be a code or a password."""
    argv = [part.replace(placeholder, value) for part in shlex.split(command)]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        pytest.fail(f"{what}失败（{command}）：{done.stderr.strip()[:300]}", pytrace=False)
    return lines[-1] if last_line else done.stdout.rstrip("\n")


def description_key(description: str) -> str:
    return description.strip().removeprefix("一个").removeprefix("个")


def has_account(target: Target, key: str) -> bool:
    return key in target.config.get("accounts", {})


def actor(target: Target, description: str, needs: str | None = None) -> Actor:
    """A persona on staging: the account the target file lists under that description. A pool (a list)
    gives each scenario an account no other scenario of this run has claimed (scenarios that change
    the account, e.g. its expired password, run in parallel on both browsers). Without one: a skip
    naming the capability `needs` (the state no portal screen reaches) and the missing entry."""
    key = description_key(description)
    entry = target.config.get("accounts", {}).get(key)
    if entry is None:
        why = f"{CAPABILITY_REASONS[needs]}，或" if needs else "需要"
        pytest.skip(f"{why}目标配置中的账号“{key}”（accounts）")
    spec = _claim(target, key, entry) if isinstance(entry, list) else entry
    return _actor_of(key, spec)


def actor_of_spec(key: str, spec: dict) -> Actor:
    """An account the target file gives inside another entry (e.g. the grantee of a unit's expired grant)."""
    return _actor_of(key, spec)


def _actor_of(key: str, spec: dict) -> Actor:
    return Actor(
        spec.get("kind", "natural"),
        spec["login_name"],
        _secret(spec["password_env"], f"账号“{key}”"),
        spec.get("name", ""),
        spec.get("phone"),
        id_number=spec.get("id_number"),
        unit_name=spec.get("unit_name"),
        credit_code=spec.get("credit_code"),
    )


def claims_dir() -> Path:
    """Shared by every xdist worker of this run (same PYTEST_XDIST_TESTRUNUID), private to the run."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or _RUN_ID
    return Path(tempfile.gettempdir()) / f"portal-account-claims-{run}"


def _claim(target: Target, key: str, pool: list[dict]) -> dict:
    where = claims_dir()
    where.mkdir(parents=True, exist_ok=True)
    for spec in pool:
        try:
            os.close(os.open(where / spec["login_name"], os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        return spec
    pytest.skip(f"目标配置中的账号“{key}”已被本次运行的其他场景用完（共 {len(pool)} 个，请在 accounts 中多列几个）")


def _file_account(target: Target, login_name: str) -> dict | None:
    for entry in target.config.get("accounts", {}).values():
        for spec in entry if isinstance(entry, list) else [entry]:
            if spec["login_name"] == login_name:
                return spec
    return None


def account_spec(target: Target, login_name: str) -> dict | None:
    """The target file's entry of that account (its extra facts, e.g. an HGR unit's backup_numbers)."""
    return _file_account(target, login_name)


def ui_sign_in(context, target: Target, login_name: str) -> None:
    """Staging has no session injection: log in through 用户登录 with the account's password."""
    known = target.accounts.get(login_name)  # made by this run (support/seeding/ui.py)
    spec = {"kind": known.kind} if known else _file_account(target, login_name)
    if spec is None:
        pytest.skip(f"需要目标配置中登录名为 {login_name} 的账号（accounts）")
    password = known.password if known else _secret(spec["password_env"], f"登录名 {login_name}")
    from pages.login_page import LoginPage  # pages import support.target.routes: imported when first used

    page = context.new_page()
    kind = "法人" if spec.get("kind") == "legal" else "自然人"
    LoginPage(page).sign_in(kind, login_name, password, lambda: captcha_code(target, context))
    page.close()
