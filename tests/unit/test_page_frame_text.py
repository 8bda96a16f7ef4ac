"""pages.frame's text helpers: a page's closing lines shared with another page are its frame (a footer)."""

from pages.frame import text_lines, without_shared_tail

FOOTER = ["网站地图", "隐私声明", "主办单位：中华人民共和国科学技术部"]


def test_the_lines_two_pages_end_with_are_left_out():
    faq = ["常见问题", "问：外国人来华工作许可", "答：详见《外国人来华工作许可业务办理常见问题》。", *FOOTER]
    consult = ["办事咨询", "常见问题", *FOOTER]
    assert without_shared_tail(faq, consult) == faq[:3]


def test_nothing_is_left_out_when_the_pages_end_differently():
    assert without_shared_tail(["甲", "乙"], ["丙", "丁"]) == ["甲", "乙"]
    assert without_shared_tail(["甲", "乙"], []) == ["甲", "乙"]


def test_a_page_that_is_all_frame_leaves_nothing():
    assert without_shared_tail(list(FOOTER), ["办事咨询", *FOOTER]) == []


def test_text_lines_strip_and_drop_blank_lines():
    assert text_lines("  常见问题 \n\n  答：…\n") == ["常见问题", "答：…"]
