"""The route map: every address the suite opens or waits for, by name, in one table.

Page objects and steps never write a path: they ask `path("login")`, `path("hgr_project", id=7)` or
`url_glob("logout_landing")` (for wait_for_url). A staging portal whose addresses differ overrides
entries with a `paths:` mapping in its target file (support/target/staging.py validates the names); the
target fixture calls `configure()` once per session (per xdist worker), before any page opens."""

from __future__ import annotations

import re
from types import MappingProxyType

# name → path on the portal as the mock serves it (the real portal's addresses where they are known).
# `{id}` placeholders are filled from keyword arguments of path().
DEFAULT_PATHS = MappingProxyType(
    {
        "home": "/",
        "login": "/login",
        "logout": "/logout",
        "logout_landing": "/login?reason=logout",  # where 退出登录 lands
        "password_change": "/password/change",
        "recovery": "/recovery",
        "recovery_reset": "/recovery/reset",
        "appeal_natural": "/recovery/appeal/natural",
        "appeal_legal": "/recovery/appeal/legal",
        "register_natural": "/register/natural",
        "register_legal": "/register/legal",
        "register_lookup": "/register/lookup",
        "services": "/services",
        "guide_hgr": "/services/hgr",  # 人类遗传资源管理 办事指南
        "consult": "/consult",
        "consult_faq": "/consult/faq",
        "online": "/online",
        "my_info": "/online/info",
        "my_info_other": "/online/info/other",
        "my_info_agent": "/online/info/agent",
        "my_info_log": "/online/info/log",
        "my_info_units": "/online/info/units",
        "my_info_rename": "/online/info/rename",  # 单位名称变更 (a verified unit's new name, reviewed)
        "authorization": "/online/authorization",
        "authorization_grant_edit": "/online/authorization/grants/{id}/edit",
        "hgr": "/systems/hgr",
        "hgr_backup": "/systems/hgr/backup",
        "hgr_migration": "/systems/hgr/migration",
        "hgr_transfer": "/systems/hgr/transfer",
        "hgr_new_project": "/systems/hgr/projects/new",
        "hgr_project": "/systems/hgr/projects/{id}",
        "foreign_experts": "/systems/foreign_experts",
        "outbound_training": "/systems/outbound_training",
        "admin": "/admin",
        "admin_login": "/admin/login",
        "selftest": "/selftest",  # the mock's failing self-test page (@needs-faults scenarios)
        "missing_page": "/no-such-page-for-a11y",  # an address the portal does not have (its 404 page)
    }
)

_active: dict[str, str] = dict(DEFAULT_PATHS)


class UnknownRoute(KeyError):
    pass


def unknown_names(overrides: dict) -> list[str]:
    return sorted(name for name in overrides if name not in DEFAULT_PATHS)


def configure(overrides: dict | None = None) -> None:
    """Start from the defaults, then apply a target file's `paths:` (already validated)."""
    unknown = unknown_names(overrides or {})
    if unknown:
        raise UnknownRoute(f"路由表中没有这些名称：{unknown}")
    _active.clear()
    _active.update(DEFAULT_PATHS)
    _active.update(overrides or {})


def path(name: str, **params) -> str:
    """The path of a named route, e.g. path("hgr_project", id=3) → /systems/hgr/projects/3."""
    try:
        template = _active[name]
    except KeyError:
        raise UnknownRoute(f"路由表（support/target/routes.py）中没有“{name}”") from None
    return template.format(**params)


def url_glob(name: str, **params) -> str:
    """A wait_for_url / expect_navigation glob matching the route on any origin."""
    return "**" + path(name, **params)


def url_regex(name: str, **params) -> re.Pattern:
    """A to_have_url pattern: the route at the end of the address (its query string included)."""
    return re.compile(re.escape(path(name, **params)) + "$")


def without_query(name: str, **params) -> str:
    """The path part only (to compare with urlsplit(page.url).path)."""
    return path(name, **params).split("?", 1)[0]
