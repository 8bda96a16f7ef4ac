"""Code that only a staging run executes (support/seeding/ui*.py, registry.py: the 假如 steps made through the
portal's own screens) uses page objects that the mock runs never build there: a renamed attribute broke every
staging scenario that verifies an account (0576151, `MyInfoPage.realname_state`), and `make test` could not see it.
This reads that code and checks that every attribute it takes from a page object exists on the page object's class
(a method, a class attribute, or one its __init__ sets)."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
STAGING_ONLY = sorted((ROOT / "support" / "seeding").glob("*.py"))


def page_classes(tree: ast.Module) -> dict[str, type]:
    """The classes this module imports from pages.* (by the name it uses)."""
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pages"):
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if inspect.isclass(value):
                    found[alias.asname or alias.name] = value
    return found


def attributes(cls: type) -> set[str]:
    names = set(dir(cls))
    init = getattr(cls, "__init__", None)
    if init is not None and inspect.isfunction(init):
        for node in ast.walk(ast.parse(inspect.getsource(init).strip())):
            self_attr = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
            if self_attr and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return names


def unknown_attributes(source: str, classes: dict[str, type]) -> list[str]:
    """`Page(page).attr` and `var = Page(page)` … `var.attr`, within each function; `Class.attr` too."""
    problems = []
    tree = ast.parse(source)
    for func in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]:
        bound: dict[str, type] = {}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                callee = node.value.func
                if isinstance(callee, ast.Name) and callee.id in classes:
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            bound[target.id] = classes[callee.id]
        for node in ast.walk(func):
            if not isinstance(node, ast.Attribute):
                continue
            owner = node.value
            cls = None
            if isinstance(owner, ast.Name):
                cls = bound.get(owner.id) or classes.get(owner.id)
            elif isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name):
                cls = classes.get(owner.func.id)
            if cls is not None and node.attr not in attributes(cls):
                problems.append(f"line {node.lineno}: {cls.__name__}.{node.attr}")
    return problems


@pytest.mark.parametrize("path", STAGING_ONLY, ids=[p.name for p in STAGING_ONLY])
def test_staging_only_code_uses_attributes_its_page_objects_have(path):
    source = path.read_text(encoding="utf-8")
    assert unknown_attributes(source, page_classes(ast.parse(source))) == []


def test_the_check_finds_the_rename_that_broke_staging():
    from pages.my_info_pages import MyInfoPage

    planted = (
        "def verify(page):\n"
        "    my_info = MyInfoPage(page)\n"
        "    my_info.realname_line.wait_for()\n"
        "    return my_info.realname_state\n"
        "def direct(page):\n"
        "    return MyInfoPage(page).no_such_method()\n"
    )
    assert unknown_attributes(planted, {"MyInfoPage": MyInfoPage}) == [
        "line 4: MyInfoPage.realname_state",
        "line 6: MyInfoPage.no_such_method",
    ]
