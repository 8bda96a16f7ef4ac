"""The blanket rule of `make mutation` for annotation-only mutants (tools/mutation/owners.py,
docs/mutation.md): inside an annotation that is never evaluated a mutant is equivalent."""

from tools.mutation.owners import annotation_spans, in_annotation


def _spans(tmp_path, source):
    path = tmp_path / "m.py"
    path.write_text(source, encoding="utf-8")
    return annotation_spans(path)


SOURCE = """from __future__ import annotations
import datetime as dt


def pending(db: Session, note: str = "实名认证审核中", *, n: int | None = None) -> Review | None:
    limit: int | None = 5
    return n + 1 if n is not None else limit
"""


def test_parameter_return_and_variable_annotations_are_spans(tmp_path):
    spans = _spans(tmp_path, SOURCE)
    line = SOURCE.split("\n")[4]
    # `int | None` of n, after a Chinese default: columns are characters, as Cosmic Ray counts them.
    start = line.index("int | None")
    assert in_annotation(spans, (5, start), (5, start + len("int | None")))
    ret = line.index("Review | None")
    assert in_annotation(spans, (5, ret + 7), (5, ret + 8))  # the `|` of the return annotation
    assert in_annotation(spans, (6, 11), (6, 21))  # limit: int | None


def test_code_outside_annotations_is_never_covered(tmp_path):
    spans = _spans(tmp_path, SOURCE)
    body = SOURCE.split("\n")[6]
    plus = body.index("+")
    assert not in_annotation(spans, (7, plus), (7, plus + 1))
    default = SOURCE.split("\n")[4].index('"实名')
    assert not in_annotation(spans, (5, default), (5, default + 8))


def test_no_rule_without_the_future_import(tmp_path):
    assert _spans(tmp_path, SOURCE.replace("from __future__ import annotations\n", "")) == []


def test_no_rule_where_annotations_are_read_back(tmp_path):
    """FastAPI and pydantic evaluate annotations: a mutant there changes behaviour."""
    assert (
        _spans(
            tmp_path,
            "from __future__ import annotations\nfrom pydantic import BaseModel\n"
            "class In(BaseModel):\n    days: float = 0\n",
        )
        == []
    )
    assert (
        _spans(
            tmp_path,
            "from __future__ import annotations\nfrom fastapi import Form\n"
            "def route(name: str = Form('')):\n    return name\n",
        )
        == []
    )
