"""tools/step_text.readable: step regexes shown as the text a writer types."""

from pytest_bdd import parsers

from support.gherkin.parsing import phrase
from tools.step_text import readable


def test_quoted_and_bare_fields_and_colons():
    assert readable(phrase('页面提示：{who}看到"{text}"').regex.pattern) == '页面提示：{who}看到"{text}"'


def test_fields_with_a_named_converter_show_it_as_their_type():
    def 身份证号(text):
        return text

    parser = parsers.re(r'我用身份证号["“](?P<number>[^"”]*)["”]填写$')
    assert readable(parser.regex.pattern, {"number": 身份证号}) == '我用身份证号"{number:身份证号}"填写'


def test_escaped_characters_are_unescaped():
    assert readable(r"我打开\(旧版\)页面$") == "我打开(旧版)页面"
