"""The module → FAQ map of `make mutation` (tools/mutation/owners.yaml) must not go stale."""

from pathlib import Path

from tools.mutation import owners


def test_owners_map_is_current():
    assert owners.problems(owners.load()) == []


def test_staleness_is_reported(tmp_path: Path):
    (tmp_path / "mock_portal" / "services").mkdir(parents=True)
    (tmp_path / "mock_portal" / "messages").mkdir()
    (tmp_path / "mock_portal" / "services" / "kept.py").write_text("")
    (tmp_path / "mock_portal" / "services" / "new.py").write_text("")
    stale = {
        "mock_portal/services/kept.py": {"faq": ["FAQ-9.9"]},
        "mock_portal/services/gone.py": {"faq": ["FAQ-1.1"]},
        "mock_portal/messages/x.py": {"faq": []},
    }
    found = owners.problems(stale, root=tmp_path, known_ids={"FAQ-1.1"})
    assert "mock_portal/services/kept.py: unknown FAQ ID FAQ-9.9" in found
    assert "mock_portal/services/gone.py: listed but the file does not exist" in found
    assert "mock_portal/messages/x.py: no FAQ owner and no `why`" in found
    assert "mock_portal/services/new.py: not listed in tools/mutation/owners.yaml" in found


def test_marker_expression_selects_every_owner():
    assert owners.marker_expression(["FAQ-1.8.1", "FAQ-1.8.3"]) == "FAQ-1.8.1 or FAQ-1.8.3"


def test_excluded_functions_must_exist_and_cover_their_lines(tmp_path: Path):
    (tmp_path / "mock_portal" / "services").mkdir(parents=True)
    (tmp_path / "mock_portal" / "messages").mkdir()
    (tmp_path / "mock_portal" / "services" / "m.py").write_text("def a():\n    return 1\n\n\ndef b():\n    return 2\n")
    entry = {"faq": ["FAQ-1.1"], "exclude": {"b": "tooling", "gone": "renamed"}}
    found = owners.problems({"mock_portal/services/m.py": entry}, root=tmp_path, known_ids={"FAQ-1.1"})
    assert found == ["mock_portal/services/m.py: excluded function gone does not exist"]
    assert owners.excluded_lines("mock_portal/services/m.py", entry, root=tmp_path) == {5, 6}
