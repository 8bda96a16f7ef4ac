"""tools/step_text.readable: step regexes shown as the text a writer types."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
from step_text import readable  # noqa: E402

from support.params import typed  # noqa: E402
from support.parsing import phrase  # noqa: E402


def test_quoted_and_bare_fields_and_colons():
    assert readable(phrase('页面提示：{who}看到"{text}"').regex.pattern) == '页面提示：{who}看到"{text}"'


def test_typed_fields_show_their_type():
    parser, converters = typed('我用身份证号"{number:身份证号}"填写{value:数据描述}')
    assert readable(parser.regex.pattern, converters) == '我用身份证号"{number:身份证号}"填写{value:数据描述}'


def test_escaped_characters_are_unescaped():
    assert readable(r"我打开\(旧版\)页面$") == "我打开(旧版)页面"
