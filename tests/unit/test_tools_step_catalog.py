"""Unit tests of tools/step_catalog.py on tools/fixtures/step_catalog (run as a subprocess,
because importing step modules registers them process-wide)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tools" / "fixtures" / "step_catalog"


def step_catalog(*args, steps=FIXTURE / "steps", features=FIXTURE / "features"):
    command = [
        sys.executable,
        "-m",
        "tools.step_catalog",
        "--steps",
        str(steps),
        "--features",
        str(features),
        *map(str, args),
    ]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False)


def test_catalog_matches_parse_typed_step_to_an_example(tmp_path):
    output = tmp_path / "steps.md"
    assert step_catalog("--output", output).returncode == 0
    text = output.read_text(encoding="utf-8")
    block = text.split("### 假如 `自然人用户已注册，{count:d} 次登录失败`")[1].split("###")[0]
    assert "`count`: int" in block
    assert "假如 自然人用户已注册，3 次登录失败" in block and "login.feature`" in block
    assert "sample_steps.py · natural_person_with_failures" in block


def test_catalog_describes_custom_types_regex_and_unused_steps(tmp_path):
    output = tmp_path / "steps.md"
    step_catalog("--output", output)
    text = output.read_text(encoding="utf-8")
    assert "Role (自定义类型 custom type: role_name)" in text
    assert "Number (自定义类型 custom type: number) 一个或多个" in text
    assert "`kind`: strip (converters)" in text and "当 该用户以错误的密码登录" in text
    unused = text.split("## 未使用的步骤")[1]
    assert "这个步骤没有任何场景使用" in unused and "页面提示" not in unused


def test_check_detects_a_stale_catalog(tmp_path):
    output = tmp_path / "steps.md"
    step_catalog("--output", output)
    assert step_catalog("--check", "--output", output).returncode == 0
    output.write_text("stale\n", encoding="utf-8")
    result = step_catalog("--check", "--output", output)
    assert result.returncode == 1 and "make steps" in result.stderr


def test_missing_lists_undefined_steps_with_skeletons():
    result = step_catalog("--missing")
    assert result.returncode == 1
    assert 'login.feature:14: 当 用户打开"我的信息"' in result.stdout
    assert "@when(phrase('用户打开\"{text_1}\"'))" in result.stdout
    assert "def todo_snake_case_name_1(text_1):" in result.stdout


def test_without_steps_directory_everything_is_missing(tmp_path):
    result = step_catalog("--missing", steps=tmp_path / "no-steps")
    assert result.returncode == 1
    assert "假如 自然人用户已注册，3 次登录失败" in result.stdout


def test_all_steps_exist_message(tmp_path):
    (tmp_path / "features").mkdir()
    result = step_catalog("--missing", features=tmp_path / "features")
    assert result.returncode == 0 and "所有步骤都已存在 (all steps exist)" in result.stdout


def test_catalog_has_no_line_numbers_and_tells_what_a_step_does(tmp_path):
    output = tmp_path / "steps.md"
    step_catalog("--output", output)
    text = output.read_text(encoding="utf-8")
    assert ".feature:" not in text and ".py:" not in text
    block = text.split("### 当 `我以(?P<kind>自然人|法人)身份用错误的密码登录$`")[1].split("###")[0]
    assert "- 作用 (does): 用错误的密码登录一次。" in block
    assert "- 页面 (page): 停在 用户登录" in block
    assert "- 测试控制接口 (test control plane): 不需要" in block
    assert "`{kind}` 可接受的写法 (accepted phrases): `自然人`、`法人`" in block
    needs = text.split("### 当 `我以(?P<kind>自然人|法人)身份用该账号的密码登录$`")[1].split("###")[0]
    assert "测试控制接口 (test control plane): 需要，场景须带 `@mock-only`" in needs  # inferred: takes api


def copy_fixture(tmp_path):
    import shutil

    shutil.copytree(FIXTURE, tmp_path / "fx")
    return tmp_path / "fx" / "steps", tmp_path / "fx" / "features"


def test_blank_line_in_a_step_module_and_a_new_feature_keep_the_check_green(tmp_path):
    steps, features = copy_fixture(tmp_path)
    output = tmp_path / "steps.md"
    assert step_catalog("--output", output, steps=steps, features=features).returncode == 0
    module = steps / "sample_steps.py"
    module.write_text("\n" + module.read_text(encoding="utf-8"), encoding="utf-8")  # every line moves down
    (features / "platform" / "aaa_new.feature").write_text(
        "# language: zh-CN\n@FAQ-1.1.2\n功能: 新\n\n  场景: 新的\n    当 该用户以正确的密码登录\n"
        "    那么 这个步骤没有任何场景使用\n",
        encoding="utf-8",
    )  # new first example, one step no longer unused
    result = step_catalog("--check", "--output", output, steps=steps, features=features)
    assert result.returncode == 0, result.stderr
    # a changed step definition still makes it stale
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "我以(?P<kind>自然人|法人)身份用错误", "我以(?P<kind>自然人|法人)身份用不对"
        ),
        encoding="utf-8",
    )
    assert step_catalog("--check", "--output", output, steps=steps, features=features).returncode == 1


def test_missing_step_names_the_nearest_step_and_the_differing_character(tmp_path):
    features = tmp_path / "features"
    features.mkdir()
    (features / "typo.feature").write_text(
        "# language: zh-CN\n@FAQ-1.1.2\n功能: 错字\n\n  场景: 少一个字\n    当 我以自然人身份用错误密码登录\n"
        "    而且 我以法人代表身份用错误的密码登录\n",
        encoding="utf-8",
    )
    result = step_catalog("--missing", features=features)
    assert result.returncode == 1
    first = result.stdout.split("typo.feature:6: 当 我以自然人身份用错误密码登录")[1].split("typo.feature:7")[0]
    assert "1. 当 我以{kind}身份用错误的密码登录" in first
    assert "少了“的”" in first
    second = result.stdout.split("typo.feature:7: 而且 我以法人代表身份用错误的密码登录")[1]
    assert "1. 当 我以{kind}身份用错误的密码登录" in second
    assert "“法人代表”不是 {kind} 可接受的写法，可写：自然人、法人" in second
