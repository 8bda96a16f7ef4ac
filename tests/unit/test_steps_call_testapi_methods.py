"""Steps drive the test control plane through the domain methods of support/target/testapi.TestApi
(api.today(), api.seed_unit_info(…), api.switch_faults(…) …), never by raw paths: a call such as
`api.get("/clock")` or `target.control.post("/business/…", …)` in steps/ fails here. The scanner is proven
on planted lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

STEPS = Path(__file__).resolve().parents[2] / "steps"
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
PATH_AFTER_METHOD = {"request", "_call"}  # request("GET", "/clock") / _call("GET", "/clock")


def _literal_path(node: ast.expr | None) -> str | None:
    """The text of a string literal (or the start of an f-string) that is an absolute path."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        text = str(node.values[0].value)
    else:
        return None
    return text if text.startswith("/") else None


def raw_calls(source: str, filename: str) -> list[str]:
    """`file:line: call` for each call of an HTTP verb on a literal path or on a "/__test__/…" address."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, args = node.func.attr, node.args
            where = args[0] if name in HTTP_METHODS and args else None
            where = args[1] if name in PATH_AFTER_METHOD and len(args) > 1 else where
            if _literal_path(where) is not None or _names_the_control_plane(args):
                found.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:100]}")
    return found


def _names_the_control_plane(args: list[ast.expr]) -> bool:
    """An argument built from a "/__test__/…" literal (base + "/__test__/clock")."""
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.startswith("/__test__")
        for arg in args
        for n in ast.walk(arg)
    )


def test_no_step_calls_the_control_plane_by_a_raw_path():
    found = [hit for f in sorted(STEPS.glob("*.py")) for hit in raw_calls(f.read_text(encoding="utf-8"), f.name)]
    assert not found, "steps/ 直接调用了测试控制面路径（请用 TestApi 的领域方法）：\n" + "\n".join(found)


@pytest.mark.parametrize(
    "planted",
    [
        'api.get("/clock")["now"]',
        'target.api.get("/templates")',
        'target.control.get("/faults")["profiles"]',
        'api.post("/business/unit_info", {"unit_id": 1})',
        'request.getfixturevalue("api").get("/authorization/grants", login_name="x")',
        'api.put("/faults", {"profiles": []})',
        'api.post(f"/hgr/units/{n}/filed")',
        'api.http.request("GET", "/clock")',
        'api._call("POST", "/business/grants", json={})',
        'httpx.get(base + "/__test__/clock")',
    ],
)
def test_the_scanner_catches_a_planted_raw_call(planted):
    assert [
        hit.split(":")[1] for hit in raw_calls(f"def step(api, target, request, n, base):\n    {planted}\n", "x")
    ] == ["2"], planted


@pytest.mark.parametrize(
    "fine",
    [
        "api.today()",
        "target.control.switch_faults('internal-error', adding=True)",
        "api.seed_unit_info(actor.unit_id)",
        "page.request.post(action, data=body)",
        "page.goto(path('selftest'))",
        'names.get("法人")',
    ],
)
def test_the_scanner_lets_domain_calls_pass(fine):
    assert raw_calls(f"def step(api, target, page, action, body, path, actor, names):\n    {fine}\n", "x") == []
