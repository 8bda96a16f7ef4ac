"""The suite's pytest-bdd plugins for writers (support/gherkin/step_hints.py, support/reporting/gherkin_failures.py,
support/gherkin/tagging.py), on a tiny feature against fake steps, in a pytest subprocess (no browser)."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STEPS = """
from pytest_bdd import given, parsers, then, when


@given("平台上有一个法人账号")
def given_account():
    pass


@when(parsers.re("我以(?P<kind>自然人|法人)身份用错误的密码登录$"))
def when_wrong_password(kind):
    pass


@then(parsers.re('页面提示错误["“](?P<text>[^"”]*)["”]$'))
def then_error(text):
    raise AssertionError(f"Locator expected to contain text '{text}'\\nActual value: 验证码错误 "
        "\\nCall log:\\n  - waiting")


@then("数量相同")
def then_same_count():
    assert 2 == 3
"""

FEATURE = """# language: zh-CN
@FAQ-1.1.2
功能: 登录

  @qa-trial
  场景: 提示不对
    假如 平台上有一个法人账号
    当 我以法人身份用错误的密码登录
    那么 页面提示错误“登录名或密码错误”

  场景: 错了一个字
    假如 平台上有一个法人账号
    而且 我以自然人身份用错误密码登录

  场景: 普通断言
    那么 数量相同
"""


def run(tmp_path, feature=FEATURE, *args):
    (tmp_path / "features").mkdir(exist_ok=True)
    (tmp_path / "features" / "login.feature").write_text(feature, encoding="utf-8")
    (tmp_path / "fake_steps.py").write_text(STEPS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(
        textwrap.dedent("""\
        [pytest]
        bdd_features_base_dir = features/
        addopts = --strict-markers --tb=short -p no:cacheprovider -p no:randomly
        markers =
            FAQ-1.1.2: 登录名或密码错误
        """),
        encoding="utf-8",
    )
    (tmp_path / "conftest.py").write_text(
        textwrap.dedent("""\
        pytest_plugins = [
            "support.gherkin.step_hints",
            "support.reporting.gherkin_failures",
            "support.gherkin.tagging",
            "fake_steps",
        ]
        """),
        encoding="utf-8",
    )
    (tmp_path / "test_login.py").write_text(
        'from pytest_bdd import scenarios\n\nscenarios("login.feature")\n', encoding="utf-8"
    )
    command = [sys.executable, "-m", "pytest", "-p", "no:xdist", "--rootdir", str(tmp_path), str(tmp_path), *args]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(tmp_path)])}  # the suite and fake_steps
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=env, check=False)


def failure_of(output: str, test_name: str) -> str:
    """The failure text pytest prints for one test, without its ____ header."""
    section = output.split(f" {test_name} ")[1]
    return section.split("\n", 1)[1].split("\n____")[0].split("\n====")[0].strip()


def test_a_failing_then_step_is_told_on_its_gherkin_line_with_expected_and_actual(tmp_path):
    result = run(tmp_path, FEATURE, "--alluredir", str(tmp_path / "allure"))
    assert "3 failed" in result.stdout, result.stdout + result.stderr
    text = failure_of(result.stdout, "test_提示不对")
    assert text.startswith("features/login.feature:9 那么 页面提示错误“登录名或密码错误”"), text
    assert "期望 (expected, contain text): 登录名或密码错误" in text and "实际 (actual): 验证码错误" in text
    plain = failure_of(result.stdout, "test_普通断言")
    assert plain.startswith("features/login.feature:16 那么 数量相同"), plain
    assert "期望 (expected): 3" in plain and "实际 (actual): 2" in plain
    results = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "allure").glob("*-result.json")]
    messages = {r["name"]: r["statusDetails"]["message"] for r in results}
    assert messages["提示不对"].startswith("features/login.feature:9 那么 页面提示错误“登录名或密码错误”")


def test_a_missing_step_names_the_line_the_keyword_as_written_and_the_nearest_step(tmp_path):
    result = run(tmp_path)
    text = failure_of(result.stdout, "test_错了一个字")
    assert text.startswith("features/login.feature:13 而且 我以自然人身份用错误密码登录"), text
    assert "找不到这个步骤的定义" in text
    nearest = text.split("最接近的已有步骤：")[1]
    assert nearest.lstrip().startswith("1. 当 我以{kind}身份用错误的密码登录")
    assert "少了“的”" in nearest
    assert "@given('我以自然人身份用错误密码登录')" in text  # a 而且 after 假如 is a given step
    assert "StepDefinitionNotFoundError" not in text and "fixture" not in text


def test_a_custom_tag_needs_no_registration_but_an_unknown_faq_id_fails(tmp_path):
    result = run(tmp_path, FEATURE, "-m", "qa-trial")
    assert "1 failed, 2 deselected" in result.stdout, result.stdout + result.stderr
    bad = run(tmp_path, FEATURE.replace("@qa-trial", "@FAQ-9.9.9"), "--collect-only", "-q")
    assert bad.returncode != 0 and "FAQ-9.9.9" in bad.stdout + bad.stderr
