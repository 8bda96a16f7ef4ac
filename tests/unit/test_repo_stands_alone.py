"""The repository stands alone: no tracked file names a path outside it.

A clone anywhere else (CI runners, a QA engineer's laptop) has nothing beside it, so an absolute
path into this machine's layout or a ``../`` path that climbs out of the repository breaks it.
"""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# The folder this clone sits in (whatever it is on this machine), other home-like absolute paths, and
# relative paths that climb above the repository root (the team's notes folder beside it, three levels up).
BESIDE = re.escape(f"{ROOT.parent}/")
OUTSIDE = re.compile(rf"(?<![\w.:/])({BESIDE}|/home/|/root/|\.\./shared\b|\.\./\.\./\.\./)")
SKIPPED_SUFFIXES = {".lock", ".png", ".jpg", ".docx", ".ico", ".woff2", ".zip"}
SKIPPED_FILES = {"package-lock.json", "tests/unit/test_repo_stands_alone.py"}


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    names = [n for n in out.decode("utf-8").split("\0") if n]
    return [ROOT / n for n in names if n not in SKIPPED_FILES and Path(n).suffix not in SKIPPED_SUFFIXES]


def test_no_tracked_file_names_a_path_outside_the_repository():
    hits = []
    for path in tracked_files():
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert not hits, "paths outside the repository:\n" + "\n".join(hits)


def test_the_check_catches_an_outside_path():
    assert OUTSIDE.search(f"see {ROOT.parent}/team-notes/faq/catalog.md")
    assert OUTSIDE.search("CATALOG = ROOT / '../shared/faq/catalog.md'")
    assert OUTSIDE.search("open('/home/qa/faq.txt')")
    assert not OUTSIDE.search(f"docs/faq/catalog.md and https://example.org{ROOT.parent}/x")
    assert not OUTSIDE.search("from . import x; path('./docs/faq')")
