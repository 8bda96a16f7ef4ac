"""Typed step parameters (support/gherkin/parsing.py): a phrase a step does not know is an undefined step, told
with the accepted phrases before any browser starts (python -m tools.step_catalog --missing, i.e. make dry-run)
and at run time (support/gherkin/step_hints.py); the accepted phrases come from the registries the steps use."""

import subprocess
import sys
from pathlib import Path

import pytest

from support.data import personas
from support.gherkin import step_hints, vocabulary
from support.gherkin.parsing import TYPES, param_type, phrase
from tests.unit import test_gherkin_failures
from tests.unit.test_gherkin_failures import failure_of, run

ROOT = Path(__file__).resolve().parents[2]


def candidate(template: str, step_type: str = "given") -> step_hints.Candidate:
    parser = phrase(template)
    return step_hints.Candidate(step_type, parser.written(), parser, "steps/x.py · f", parser.typed_fields())


# -- matching ---------------------------------------------------------------------------------------
def test_an_enumerated_field_matches_only_its_accepted_phrases():
    step = phrase("我以{kind:用户类型}身份用错误的密码登录")
    assert step.parse_arguments("我以法人身份用错误的密码登录") == {"kind": "法人"}
    assert not step.is_matching("我以法人代表身份用错误的密码登录")


def test_numbers_are_converted_and_other_words_do_not_match():
    step = phrase("我以{kind:用户类型}身份连续{times:整数}次用错误的密码登录")
    assert step.parse_arguments("我以自然人身份连续５次用错误的密码登录") == {"kind": "自然人", "times": 5}
    assert not step.is_matching("我以自然人身份连续五次用错误的密码登录")
    assert phrase("平台时间过去{minutes:数}分钟").parse_arguments("平台时间过去1.5分钟") == {"minutes": 1.5}


def test_quotes_colons_and_commas_of_either_width():
    step = phrase('法人已授权该自然人"{system:业务系统}"的"{role:授权角色}"角色，有效期{days:整数}天')
    assert step.parse_arguments('法人已授权该自然人“人类遗传资源管理”的"事项办理员"角色,有效期30天') == {
        "system": "人类遗传资源管理",
        "role": "事项办理员",
        "days": 30,
    }


def test_free_text_stays_free():
    assert phrase('页面提示错误"{text}"').parse_arguments("页面提示错误“任何文字：都行”") == {"text": "任何文字：都行"}


def test_an_unregistered_type_is_an_error_naming_the_known_ones():
    step = phrase("我选择{x:车牌号}")
    with pytest.raises(ValueError, match="未知的参数类型 车牌号"):
        step.is_matching("我选择京A12345")


def test_account_descriptions_come_from_the_persona_registry():
    step = phrase("平台上有一个{description:账号描述}")
    assert not step.is_matching("平台上有一个冻结的自然人账号")
    personas.PERSONAS["冻结的自然人账号"] = lambda api: None
    try:
        assert step.parse_arguments("平台上有一个冻结的自然人账号") == {"description": "冻结的自然人账号"}
    finally:
        del personas.PERSONAS["冻结的自然人账号"]
    assert not step.is_matching("平台上有一个冻结的自然人账号")


def test_a_type_registered_later_is_found_when_first_used():
    step = phrase("我选择{colour:颜色_测试}")
    param_type("颜色_测试", ("红", "蓝"))
    try:
        assert step.is_matching("我选择红") and not step.is_matching("我选择绿")
    finally:
        del TYPES["颜色_测试"]


# -- hints ------------------------------------------------------------------------------------------
def test_a_wrong_phrase_is_reported_with_the_accepted_phrases():
    hints = step_hints.nearest("平台上有一个新的法人账号", "given", [candidate("平台上有一个{description:账号描述}")])
    assert hints and hints[0].candidate.written == "平台上有一个{description:账号描述}"
    [reason] = hints[0].reasons
    assert reason.startswith("“新的法人账号”不是 {description:账号描述} 可接受的写法，可写：")
    assert "已实名的法人账号" in reason and "密码已过期的法人账号" in reason


def test_a_word_where_a_number_goes_is_told_how_to_write_a_number():
    hints = step_hints.nearest("平台时间过去三十分钟", "when", [candidate("平台时间过去{minutes:数}分钟", "when")])
    assert hints[0].reasons == ["“三十”不是 {minutes:数} 可接受的写法，应为：阿拉伯数字，可带小数，如 31 或 1.5"]


def test_a_one_character_typo_names_the_right_step_and_the_missing_character():
    candidates = [
        candidate(t, "when")
        for t in (
            "我以{kind:用户类型}身份用错误的密码登录",
            "我以{kind:用户类型}身份用该账号的密码登录",
            "我以{kind:用户类型}身份用原密码登录",
        )
    ]
    hints = step_hints.nearest("我以自然人身份用错误密码登录", "when", candidates)
    assert hints[0].candidate.written == "我以{kind:用户类型}身份用错误的密码登录"
    assert hints[0].reasons == ["少了“的”（在第 11 个字处）"]


def test_the_right_words_under_the_wrong_keyword_say_which_keyword():
    hints = step_hints.nearest(
        "我以自然人身份用错误的密码登录", "given", [candidate("我以{kind:用户类型}身份用错误的密码登录", "when")]
    )
    assert hints[0].reasons == [
        "文字相符，但这是“当”步骤，这一行按“假如”查找（“而且”“但是”沿用上一个关键字）：改用“当”开头"
    ]


def test_a_missing_part_around_a_parameter_is_named():
    hints = step_hints.nearest(
        "我以自然人身份用错误的密码登录",
        "when",
        [candidate("我以{kind:用户类型}身份连续{times:整数}次用错误的密码登录", "when")],
    )
    assert hints[0].reasons == ["少了“连续{times}次”（在第 8 个字处）"]


def test_the_registration_example_of_the_issue_is_undefined_before_any_browser(tmp_path):
    """make dry-run / make new-scenario (python -m tools.step_catalog --missing) on the real steps."""
    features = tmp_path / "features"
    features.mkdir()
    (features / "trial.feature").write_text(
        "# language: zh-CN\n@FAQ-1.9.2\n功能: 试写\n\n  场景: 信用代码\n"
        "    当 我用一个新的单位名称和一个新的统一社会信用代码注册一个新的法人账号\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "tools.step_catalog", "--missing", "--features", str(features)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "trial.feature:6: 当 我用一个新的单位名称和一个新的统一社会信用代码注册一个新的法人账号" in result.stdout
    hint = result.stdout.split("最接近的已有步骤：")[1]
    assert hint.lstrip().startswith("1. 当 我用{name_how:单位名称写法}和{code_how:信用代码写法}注册一个新的法人账号")
    assert (
        "“一个新的统一社会信用代码”不是 {code_how:信用代码写法} 可接受的写法，可写："
        "一个新的信用代码、一个校验位错误的信用代码、一个含字母I的信用代码、该单位的信用代码"
    ) in hint


TYPED_STEPS = """
from support.gherkin.parsing import param_type, phrase

param_type("结果_测试", ("账号已创建", "账号未创建"))


@given(phrase("门户出错，{outcome:结果_测试}"))
def given_outcome(outcome):
    pass
"""

TYPED_FEATURE = """# language: zh-CN
@FAQ-1.1.2
功能: 类型

  场景: 写错了结果
    假如 门户出错，账号没有创建
"""


def test_at_run_time_a_wrong_phrase_is_a_missing_step_with_the_accepted_phrases(tmp_path, monkeypatch):
    monkeypatch.setattr(test_gherkin_failures, "STEPS", test_gherkin_failures.STEPS + TYPED_STEPS)
    result = run(tmp_path, TYPED_FEATURE)
    text = failure_of(result.stdout, "test_写错了结果")
    assert text.startswith("features/login.feature:6 假如 门户出错，账号没有创建"), text
    assert "找不到这个步骤的定义" in text
    assert "“账号没有创建”不是 {outcome:结果_测试} 可接受的写法，可写：账号已创建、账号未创建" in text
    assert "fixture" not in text


# -- the accepted phrases are what the code knows -----------------------------------------------------
class _Request:
    def __init__(self, account):
        self.account = account

    def getfixturevalue(self, name):
        return self.account


def test_every_registration_phrase_is_handled():
    from steps import registration
    from support.data.personas import Actor

    account = Actor(
        "legal",
        "login",
        "pw",
        "名",
        "13800138000",
        id_number="110105194912310029",
        unit_name="甲公司",
        credit_code="91110108MA01ABCD1X",
    )
    request = _Request(account)
    for how in registration.ID_NUMBER_WAYS:
        assert registration.id_number_for(how, request) is not None
    for how in registration.UNIT_NAME_WAYS:
        assert registration.unit_name_for(how, request) is not None
    for how in registration.CREDIT_CODE_WAYS:
        assert registration.credit_code_for(how, request) is not None


def test_the_vocabulary_is_the_portal_catalogue_and_navigation():
    from mock_portal.systems import SYSTEMS  # the unit tests may read the mock; the suite never does

    assert set(vocabulary.BUSINESS_SYSTEMS) == {s.name for s in SYSTEMS}
    assert set(vocabulary.GRANT_ROLES) == {role for s in SYSTEMS for role in s.roles}
    nav = (ROOT / "mock_portal" / "templates" / "base.html").read_text(encoding="utf-8").split('aria-label="主导航"')[1]
    nav = nav.split("</ul>")[0]
    assert [m for m in vocabulary.NAV_MENUS if f">{m}</a>" in nav] == list(vocabulary.NAV_MENUS)
    assert nav.count("<a ") == len(vocabulary.NAV_MENUS)
