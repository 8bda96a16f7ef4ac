"""tools/rooms.py reads who imports whom between the rooms (docs/architecture.md): the suite's rooms
never import the mock portal (it talks to any portal over HTTP only)."""

from tools import rooms


def test_the_suite_never_imports_the_mock_portal():
    edges = rooms.graph()
    suite = [room for room in edges if room in ("steps", "pages") or room.startswith("support")]
    assert "steps" in suite and "support/run" in suite
    for room in suite:
        assert all(target != "mock_portal" for target, _ in edges[room]), room


def test_steps_use_page_objects_and_support_rooms():
    targets = {target for target, _ in rooms.graph()["steps"]}
    assert {"pages", "support/gherkin", "support/data"} <= targets
