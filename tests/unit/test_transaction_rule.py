"""The portal's one transaction rule (mock_portal/web.py, get_db): the route's database session is
committed when the route function returns and rolled back when it raises, both before the response
is sent. Routes rely on it instead of committing by hand, so it is pinned here."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter
from fastapi.responses import Response
from sqlalchemy import func, select

from mock_portal.models.web import AuditEvent
from mock_portal.web import Db, Forbidden

AT = dt.datetime(2026, 1, 1)


def _count(maker, event: str) -> int:
    with maker() as db:
        return db.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.event == event))


class SeenWhenSent(Response):
    """Records, at the moment the response starts to be sent, how many probe rows another session sees."""

    def __init__(self, maker, seen: list[int]) -> None:
        super().__init__("ok", media_type="text/plain")
        self.maker, self.seen = maker, seen

    async def __call__(self, scope, receive, send) -> None:
        self.seen.append(_count(self.maker, "probe-returns"))
        await super().__call__(scope, receive, send)


def _probe_routes(maker, seen: list[int]) -> APIRouter:
    router = APIRouter(prefix="/probe")

    @router.get("/returns")
    def returns(db: Db):
        db.add(AuditEvent(at=AT, event="probe-returns", result="ok"))
        return SeenWhenSent(maker, seen)

    @router.get("/raises")
    def raises(db: Db):
        db.add(AuditEvent(at=AT, event="probe-raises", result="ok"))
        db.flush()  # written to the database, not only pending in the session
        raise Forbidden("refused")

    return router


def test_a_route_that_returns_is_committed_before_its_response_is_sent(portal):
    maker, seen = portal.app.state.sessionmaker, []
    portal.app.include_router(_probe_routes(maker, seen))
    response = portal.client.get("/probe/returns")
    assert response.status_code == 200
    assert seen == [1], "the row must be visible to another session when the response starts"
    assert _count(maker, "probe-returns") == 1


def test_a_route_that_raises_is_rolled_back(portal):
    maker = portal.app.state.sessionmaker
    portal.app.include_router(_probe_routes(maker, []))
    response = portal.client.get("/probe/raises")
    assert response.status_code == 403
    assert _count(maker, "probe-raises") == 0
