"""The FAQ drift check's side of tools/faqtext.py: the same normalization and fingerprint, the catalog's
stored fingerprints, and which feature files name an FAQ ID (what to review when an entry drifts)."""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from pathlib import Path

from support.gherkin import faq_catalog

ROOT = Path(__file__).resolve().parents[2]
_WHITESPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, then drop every whitespace character (same rule as tools/faqtext.normalize)."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def fingerprint(text: str) -> str:
    """Fingerprint of a published entry's text (question and answer, in page order)."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def catalogued(faq_id: str) -> dict:
    return faq_catalog.entries()[faq_id]


def scenarios_naming(faq_id: str, skip: str = "faq_drift.feature") -> list[str]:
    """feature:line of every scenario tagged with faq_id (the drift check's own feature excluded)."""
    tag = re.compile(rf"@{re.escape(faq_id)}(?![\d.])")
    found = []
    for path in sorted((ROOT / "features").rglob("*.feature")):
        if path.name == skip:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if tag.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}")
    return found


def drift_report(faq_id: str, published: str) -> str | None:
    """None when the published text matches the catalog's fingerprint; otherwise what changed."""
    entry = catalogued(faq_id)
    if fingerprint(published) == entry["fingerprint"]:
        return None
    expected = normalize(entry["question"] + "\n" + entry["answer"])
    diff = "\n".join(
        difflib.unified_diff(
            list(_chunks(expected)),
            list(_chunks(normalize(published))),
            "目录 docs/faq_catalog.yaml",
            "门户 常见问题",
            lineterm="",
            n=1,
        )
    )
    review = "\n".join(f"  - {where}" for where in scenarios_naming(faq_id)) or "  （没有其他场景）"
    return (
        f"常见问题 {faq_id}「{entry['title']}」与 FAQ 目录不一致（FAQ drift）：\n"
        f"目录指纹 {entry['fingerprint']}，门户指纹 {fingerprint(published)}。\n"
        f"需要复核的场景：\n{review}\n差异（已去除空白）：\n{diff}"
    )


def _chunks(text: str, size: int = 40):
    for start in range(0, len(text), size):
        yield text[start : start + size]


def published_entry(faq_id: str, page_text: str, headings: list[str] = ()) -> str | None:
    """The entry as the FAQ page publishes it, read from the page's text in page order: its question
    followed by its answer, up to the next heading (another entry's question, a section or chapter
    title; the catalog's and the page's own headings both count) or the end of the content. Several
    entries share a question, so an entry is known by its question AND answer, never by markup.
    When no such entry is there, the text after the closest occurrence of the question (for the
    drift report); None when the question is not on the page at all."""
    entry = catalogued(faq_id)
    text = normalize(page_text)
    expected = normalize(entry["question"] + entry["answer"])
    ends = _boundaries(headings)
    start = text.find(expected)
    while start >= 0:
        rest = text[start + len(expected) :]
        if not rest or any(rest.startswith(end) for end in ends):
            return text[start : start + len(expected)]
        start = text.find(expected, start + 1)
    question = normalize(entry["question"])
    candidates = []
    start = text.find(question)
    while start >= 0:
        following = text[start + len(question) :]
        stop = min([following.find(end) for end in ends if following.find(end) > 0] or [len(following)])
        candidates.append(question + following[:stop])
        start = text.find(question, start + 1)
    if not candidates:
        return None
    return max(candidates, key=lambda c: difflib.SequenceMatcher(None, c, expected).ratio())


def _boundaries(headings) -> set[str]:
    ends = {normalize(h) for h in headings if normalize(h)}
    for entry in faq_catalog.entries().values():
        ends.update(normalize(entry[key]) for key in ("question", "section", "chapter") if entry.get(key))
    return ends
