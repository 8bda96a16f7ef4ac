"""The tag vocabulary of the feature files, in one place: every tag the suite gives a meaning to, the form
it is written in, what it means, which target capability it needs, and the one rule that says whether a tag
is written right. Standard library only, so that every reader can import it:

- the run: support/gherkin/tagging.py registers these markers, applies @only_browser/@skip_browser with their
  reason and refuses (usage error) what ``problem`` refuses; support/target/capabilities.py skips a scenario
  whose tag needs a capability the target lacks; support/browsers/browser_marks.py skips by browser;
- the lint: tools/gherkin_lint.py reports what ``problem`` refuses, at the tag's line;
- the coverage gate: tools/faq_coverage.py reads which tags exempt a scenario from an FAQ tag and which
  do not count as covering an entry;
- the docs: docs/writing-scenarios.md (标签) lists this vocabulary; a unit test keeps the list in step.

Any other tag is free (``@qa-trial``): registered at run time, selectable with ``-m qa-trial``. Refused are
an FAQ ID that is not in docs/faq_catalog.yaml, a ``needs-`` capability the suite does not know, a
vocabulary tag written with the wrong parameters, and a near-miss of a vocabulary tag (``@mock_only``).
A tag on an 例子 (Examples) block becomes a marker of those rows directly (pytest-bdd does not let the
suite read it first), so only catalog FAQ IDs and the vocabulary's tags without parameters go there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FAQ_PREFIX = "FAQ-"
FAQ_LIKE = re.compile(r"^FAQ[-_]", re.IGNORECASE)
FAQ_FORM = "@FAQ-<编号>"
NEEDS_PREFIX = "needs-"
BROWSERS = ("chromium", "firefox", "webkit")


@dataclass(frozen=True)
class Tag:
    name: str  # the pytest marker name (what `-m` selects)
    meaning: str
    capability: str | None = None  # a target without it skips the scenario, with the reason
    parameters: tuple[str, ...] = ()  # written @name:<p1>:<p2>; every one is required
    faq_exempt: bool = False  # a scenario with this tag needs no @FAQ- tag (cross-cutting check)
    counts_as_coverage: bool = True  # False: an @FAQ- tag beside it does not cover the entry
    good: tuple[str, ...] = ()  # extra documented examples (besides the plain form), accepted
    bad: tuple[str, ...] = ()  # documented wrong forms, refused

    @property
    def form(self) -> str:
        return "@" + ":".join([self.name, *(f"<{p}>" for p in self.parameters)])

    @property
    def examples(self) -> tuple[str, ...]:
        return self.good if self.parameters else (self.name, *self.good)


_BROWSER_FORM = "<" + "|".join(BROWSERS) + ">"

VOCABULARY: tuple[Tag, ...] = (
    Tag(
        "mock-only",
        "需要模拟门户的测试控制接口（造数据、拨时钟、读短信、直接改门户状态）；预发布环境上跳过并写明原因",
        capability="test-api",
        bad=("mock_only", "Mock-Only", "mockonly", "mock-only:原因"),
    ),
    Tag("needs-clock", "需要控制门户时钟（clock）；目标没有这项能力时跳过", capability="clock", bad=("needs-clok",)),
    Tag("needs-back-office", "需要后台审核账号（back-office）；目标没有时跳过", capability="back-office"),
    Tag("needs-faults", "需要故障注入（faults）；目标没有时跳过", capability="faults", bad=("needs_faults",)),
    Tag("needs-sms", "需要读取短信验证码（sms）；目标没有时跳过", capability="sms"),
    Tag("needs-captcha", "需要获取图形验证码（captcha）；目标没有时跳过", capability="captcha"),
    Tag(
        "needs-captcha-log",
        "需要读取门户为本浏览器发放的每个图形验证码（captcha-log）；目标没有时跳过",
        capability="captcha-log",
    ),
    Tag("needs-sms-text", "需要读取短信全文（sms-text）；目标没有时跳过", capability="sms-text"),
    Tag("smoke", "证明目标可用的少数场景（make smoke、预发布冒烟）", bad=("Smoke",)),
    Tag("slow", "等待门户的慢速后台任务"),
    Tag("security", "门户的安全行为（等保 2.0 / OWASP ASVS）；不需要 FAQ 标签", faq_exempt=True, bad=("securty",)),
    Tag(
        "security-finding",
        "FAQ 规定、门户照做但有风险的做法：场景验证它，并把风险记入报告",
        bad=("security_finding",),
    ),
    Tag(
        "a11y",
        "无障碍：每一步之后做 axe-core 检查；全部 @a11y 场景一起要走到每个页面模板；不需要 FAQ 标签",
        faq_exempt=True,
    ),
    Tag("perf", "性能检查；不需要 FAQ 标签", faq_exempt=True),
    Tag(
        "faq-drift",
        "只核对一条 FAQ 的公开文字：列入覆盖矩阵，但不算覆盖了这一条（仍需行为场景）",
        counts_as_coverage=False,
    ),
    Tag(
        "only_browser",
        f"只在这个浏览器上运行，原因写在标签里（浏览器：{'、'.join(BROWSERS)}）；其他浏览器上跳过并显示原因",
        parameters=("浏览器", "原因"),
        good=("only_browser:chromium:原因", "only_browser:chromium:Firefox的下载对话框不同"),
        bad=(
            "only_browser",
            "only_browser:chromium",
            "only_browser:chromium:",
            "only_browser:opera:原因",
            "only_browser_chromium",
            "only-browser:chromium:原因",
            "chromium-only",
            "firefox-only",
        ),
    ),
    Tag(
        "skip_browser",
        "不在这个浏览器上运行，原因写在标签里；在它上面跳过并显示原因",
        parameters=("浏览器", "原因"),
        good=("skip_browser:firefox:原因",),
        bad=("skip_browser:firefox", "skip_browser(firefox)", "skip_browser:firefox:"),
    ),
)

BY_NAME = {tag.name: tag for tag in VOCABULARY}
BROWSER_TAGS = tuple(tag.name for tag in VOCABULARY if tag.parameters)
CAPABILITY_TAGS = {tag.name: tag.capability for tag in VOCABULARY if tag.capability}
FAQ_EXEMPT = frozenset(tag.name for tag in VOCABULARY if tag.faq_exempt)
NOT_COVERAGE = frozenset(tag.name for tag in VOCABULARY if not tag.counts_as_coverage)
# Tags written as "<browser>-only" look like they limit the browser and would silently do nothing.
_ANY_BROWSER = "|".join(BROWSERS)
_LOOKS_LIKE_BROWSER = re.compile(rf"^(?:(?:{_ANY_BROWSER})[-_]?only|only[-_]?(?:{_ANY_BROWSER}))$")

# Documented examples outside the fixed vocabulary (custom tags and FAQ IDs); FAQ examples name a real ID.
CUSTOM_GOOD = ("qa-trial", "回归")
CUSTOM_BAD = ("qa:trial", "qa(trial)")
FAQ_GOOD = ("FAQ-1.1.1",)
FAQ_BAD = ("FAQ-9.9.9", "FAQ_1.1.1", "faq-1.1.1", "FAQ-")
NEEDS_BAD = ("needs-network", "needs-")


def is_faq(tag: str) -> bool:
    return tag.startswith(FAQ_PREFIX)


def marker_lines() -> list[str]:
    """`name: meaning` for pytest's markers ini line, one per vocabulary tag."""
    return [f"{tag.name}: {tag.meaning}" for tag in VOCABULARY]


def parse_browser_tag(tag: str) -> tuple[str, str, str] | None:
    """(name, browser, reason) of a well-formed @only_browser/@skip_browser tag, else None."""
    name, _, rest = tag.partition(":")
    browser, _, reason = rest.partition(":")
    if name in BROWSER_TAGS and browser in BROWSERS and reason.strip():
        return name, browser, reason.strip()
    return None


def problem(tag: str, faq_ids: Iterable[str], on_examples: bool = False) -> str | None:
    """Why `tag` (without '@') is refused, in Chinese with an English gloss; None when it is fine.
    `faq_ids`: the IDs of docs/faq_catalog.yaml. `on_examples`: the tag sits on an 例子 block."""
    shown = f"'@{tag}'"
    if tag in BY_NAME and not BY_NAME[tag].parameters:
        return None
    if FAQ_LIKE.match(tag):
        if tag.startswith(FAQ_PREFIX) and tag[len(FAQ_PREFIX) :] and tag in set(faq_ids):
            return None
        return f"标签 {shown} 的 FAQ 编号不在 docs/faq_catalog.yaml 中，写法为 {FAQ_FORM} (unknown FAQ ID)"
    head = re.split(r"[:(]", tag, maxsplit=1)[0]
    for vocab in (t for t in VOCABULARY if t.parameters):
        if _near(head, vocab.name) or _fold(head).startswith(_fold(vocab.name)):
            if head == vocab.name and parse_browser_tag(tag) and not on_examples:
                return None
            where = "，且不能写在例子上 (not on an Examples block)" if on_examples else ""
            return (
                f"标签 {shown} 格式应为 @{vocab.name}:{_BROWSER_FORM}:<原因>，原因不能为空{where} "
                f"(malformed tag, expected {vocab.form})"
            )
    if _LOOKS_LIKE_BROWSER.match(tag.lower()):
        form = BY_NAME["only_browser"].form
        return f"标签 {shown} 不限定浏览器，请写 @only_browser:{_BROWSER_FORM}:<原因> (use {form})"
    if head in BY_NAME:
        return f"标签 {shown} 不带参数，写 '@{head}' (takes no parameters)"
    near = near_miss(tag)
    if near:
        return f"未登记的标签 {shown} (unknown tag)，是否应为 '@{near}' (did you mean)"
    if tag.lower().startswith(NEEDS_PREFIX):
        known = "、".join(name for name in CAPABILITY_TAGS if name.startswith(NEEDS_PREFIX))
        return f"标签 {shown} 需要的能力未登记，可用：{known} (unknown capability)"
    if head != tag or ")" in tag:
        return (
            f"自定义标签 {shown} 不能含 ':'、'(' 或 ')'（pytest 无法登记这样的标记）"
            "(custom tags cannot contain : or parentheses)"
        )
    if on_examples:
        return (
            f"例子上的标签 {shown} 不在标签表中：例子上只能写 FAQ 编号和 support/gherkin/tags.py 中不带参数的标签 "
            "(custom tags are not allowed on an Examples block)"
        )
    return None


def near_miss(tag: str) -> str | None:
    """The vocabulary tag `tag` is a near-miss of: the same up to case and -/_, or one edit away."""
    for vocab in VOCABULARY:
        if tag != vocab.name and _near(tag, vocab.name):
            return vocab.name
    return None


def _near(tag: str, name: str) -> bool:
    folded, target = _fold(tag), _fold(name)
    return folded == target or (len(target) > 3 and _one_edit(folded, target))


def _fold(text: str) -> str:
    return text.lower().replace("_", "-")


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
