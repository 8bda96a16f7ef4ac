"""Unit tests of tools/step_catalog.py on tools/fixtures/step_catalog (run as a subprocess,
because importing step modules registers them process-wide)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tools" / "fixtures" / "step_catalog"


def step_catalog(*args, steps=FIXTURE / "steps", features=FIXTURE / "features"):
    command = [sys.executable, str(ROOT / "tools" / "step_catalog.py"),
               "--steps", str(steps), "--features", str(features), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, encoding="utf-8", check=False)


def test_catalog_matches_parse_typed_step_to_an_example(tmp_path):
    output = tmp_path / "steps.md"
    assert step_catalog("--output", output).returncode == 0
    text = output.read_text(encoding="utf-8")
    block = text.split("### 假如 `自然人用户已注册，{count:d} 次登录失败`")[1].split("###")[0]
    assert "`count`: int" in block
    assert "假如 自然人用户已注册，3 次登录失败" in block and "login.feature:5" in block
    assert "sample_steps.py:" in block


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
    assert "@when(parsers.parse('用户打开\"{text_1}\"'))" in result.stdout
    assert "def todo_snake_case_name_1(text_1):" in result.stdout


def test_without_steps_directory_everything_is_missing(tmp_path):
    result = step_catalog("--missing", steps=tmp_path / "no-steps")
    assert result.returncode == 1
    assert "假如 自然人用户已注册，3 次登录失败" in result.stdout


def test_all_steps_exist_message(tmp_path):
    (tmp_path / "features").mkdir()
    result = step_catalog("--missing", features=tmp_path / "features")
    assert result.returncode == 0 and "所有步骤都已存在 (all steps exist)" in result.stdout
