"""Shared text helpers for the FAQ traceability tools.

The fingerprint of an FAQ entry lets the suite notice when the portal's FAQ
text changes: it is the first 16 hex digits of sha256 over the normalized
``question + "\\n" + answer``, where normalizing means Unicode NFKC followed by
removing every whitespace character (so line breaks and full-width spaces
from the source document do not matter).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CATALOG = REPO_ROOT / "docs" / "faq_catalog.yaml"

_WHITESPACE = re.compile(r"\s+")
FAQ_TAG = re.compile(r"^FAQ-\d+(?:\.\d+)*$")


def normalize(text: str) -> str:
    """NFKC, then drop all whitespace."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def fingerprint(question: str, answer: str) -> str:
    """First 16 hex chars of sha256(normalize(question + "\\n" + answer))."""
    digest = hashlib.sha256(normalize(question + "\n" + answer).encode("utf-8"))
    return digest.hexdigest()[:16]


def load_catalog(path: Path | str = DEFAULT_CATALOG) -> dict:
    """Load docs/faq_catalog.yaml as a dict (``entries`` is a list)."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    data.setdefault("entries", [])
    return data


def catalog_ids(path: Path | str = DEFAULT_CATALOG) -> list[str]:
    """The FAQ IDs of the catalog, in catalog order."""
    return [entry["id"] for entry in load_catalog(path)["entries"]]


def stale_fingerprints(path: Path | str = DEFAULT_CATALOG) -> list[str]:
    """IDs whose stored fingerprint no longer matches their question/answer."""
    return [
        entry["id"]
        for entry in load_catalog(path)["entries"]
        if entry.get("fingerprint") != fingerprint(entry["question"], entry["answer"])
    ]


def strip_tag_prefix(tag: str) -> str:
    """'@FAQ-1.1.2' -> 'FAQ-1.1.2' (pytest-bdd and Allure drop the '@')."""
    return tag[1:] if tag.startswith("@") else tag


if __name__ == "__main__":  # python tools/faqtext.py: verify the fingerprints
    import sys

    stale = stale_fingerprints()
    if stale:
        print("指纹与问答文本不一致 (fingerprint mismatch): " + ", ".join(stale))
        sys.exit(1)
    print("所有指纹一致 (all fingerprints match)")


# --------------------------------------------------------------------------
# Feature files, read with the official Gherkin parser (gherkin-official),
# the same parser pytest-bdd 9 uses.
# --------------------------------------------------------------------------

LANGUAGE_HEADER = re.compile(r"^\s*#\s*language\s*:\s*([a-zA-Z\-_]+)\s*$")
STEP_TYPE_BY_KEYWORD_TYPE = {"Context": "given", "Action": "when", "Outcome": "then"}


@dataclass
class StepLine:
    """One step line of a feature file, its type resolved like pytest-bdd does."""

    path: str
    line: int
    keyword: str
    type: str  # given / when / then
    text: str


@dataclass
class ScenarioInfo:
    """One scenario (or outline) with every tag that applies to it."""

    path: str
    line: int
    name: str
    feature_name: str
    tags: set[str] = field(default_factory=set)  # without '@'
    steps: list[StepLine] = field(default_factory=list)
    examples: list[dict[str, str]] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"

    @property
    def faq_ids(self) -> list[str]:
        return sorted(tag for tag in self.tags if tag.startswith("FAQ-"))


@dataclass
class FeatureInfo:
    path: str
    language: str | None
    name: str
    tags: set[str]
    background: list[StepLine]
    scenarios: list[ScenarioInfo]


def header_language(text: str) -> str | None:
    """The dialect named by a leading '# language:' comment, if any."""
    for raw in text.splitlines():
        if not raw.strip():
            continue
        match = LANGUAGE_HEADER.match(raw)
        if match:
            return match.group(1)
        if not raw.lstrip().startswith("#"):
            return None
    return None


def parse_gherkin(text: str) -> dict:
    """Parse Gherkin text to the gherkin-official AST (a dict).

    The TokenMatcher starts in the dialect of the '# language:' header (it would
    also switch on that header by itself); raises CompositeParserException.
    """
    from gherkin.parser import Parser
    from gherkin.token_matcher import TokenMatcher

    return Parser().parse(text, TokenMatcher(header_language(text) or "en"))


def _steps(raw_steps: list[dict], path: str, previous: str = "given") -> list[StepLine]:
    steps = []
    for raw in raw_steps:
        previous = STEP_TYPE_BY_KEYWORD_TYPE.get(raw.get("keywordType", ""), previous)
        steps.append(StepLine(path, raw["location"]["line"], raw["keyword"].strip(), previous, raw["text"]))
    return steps


def _tag_names(node: dict) -> set[str]:
    return {strip_tag_prefix(tag["name"]) for tag in node.get("tags", [])}


def _example_rows(examples: list[dict]) -> list[dict[str, str]]:
    rows = []
    for block in examples:
        header = [cell["value"] for cell in (block.get("tableHeader") or {}).get("cells", [])]
        for row in block.get("tableBody", []):
            rows.append(dict(zip(header, (cell["value"] for cell in row["cells"]), strict=False)))
    return rows


def read_feature(path: Path, root: Path | None = None) -> FeatureInfo:
    """Parse one .feature file into a FeatureInfo (raises on a syntax error)."""
    text = path.read_text(encoding="utf-8")
    shown = str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)
    doc = parse_gherkin(text).get("feature") or {}
    feature_tags = _tag_names(doc)
    info = FeatureInfo(shown, header_language(text), doc.get("name", ""), feature_tags, [], [])
    _collect(doc.get("children", []), info, feature_tags, [])
    return info


def _collect(children: list[dict], info: FeatureInfo, inherited: set[str], background: list[StepLine]) -> None:
    for child in children:
        if "background" in child:
            steps = _steps(child["background"]["steps"], info.path)
            info.background.extend(steps)
            background = background + steps
        elif "rule" in child:
            rule = child["rule"]
            _collect(rule.get("children", []), info, inherited | _tag_names(rule), background)
        elif "scenario" in child:
            raw = child["scenario"]
            tags = set(inherited) | _tag_names(raw)
            for block in raw.get("examples", []):
                tags |= _tag_names(block)
            last_type = background[-1].type if background else "given"
            info.scenarios.append(
                ScenarioInfo(
                    path=info.path,
                    line=raw["location"]["line"],
                    name=raw["name"],
                    feature_name=info.name,
                    tags=tags,
                    steps=_steps(raw["steps"], info.path, last_type),
                    examples=_example_rows(raw.get("examples", [])),
                )
            )


def feature_files(features_dir: Path) -> list[Path]:
    """Every .feature file under features_dir (or features_dir itself when it is one .feature file),
    sorted; [] when it does not exist."""
    path = Path(features_dir)
    if path.is_file():
        return [path] if path.suffix == ".feature" else []
    return sorted(path.rglob("*.feature")) if path.is_dir() else []


def read_features(features_dir: Path, root: Path | None = None) -> tuple[list[FeatureInfo], list[str]]:
    """Parse every feature; returns (features, ["path: parse error", ...])."""
    features, errors = [], []
    for path in feature_files(features_dir):
        try:
            features.append(read_feature(path, root))
        except Exception as exc:  # gherkin's CompositeParserException and friends
            errors.append(f"{path}: {exc}")
    return features, errors


def render_outline(text: str, row: dict[str, str]) -> str:
    """Replace <name> placeholders the way pytest-bdd renders outline steps."""
    return re.sub(r"<(\w+)>", lambda m: str(row.get(m.group(1), m.group(0))), text)
