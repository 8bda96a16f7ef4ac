"""No `async def` route does database work on the event loop.

A route declared `async def` runs on the event loop. If it takes the request's database session (`Db`) and
writes, a write waiting for SQLite's lock blocks the loop, and with it the commit of the request that holds
the lock (get_db ends sessions in a worker thread, scheduled by the loop): both wait until "database is
locked". The staging demo hit exactly that on POST /online/info/rename. Upload routes read the form in async
dependencies and do the database work in a plain `def` route (or hand it to run_in_threadpool themselves).
"""

from __future__ import annotations

import inspect

from fastapi import APIRouter, Request
from fastapi.routing import APIRoute

from mock_portal import routers, testapi
from mock_portal.app import _modules
from mock_portal.web import Db, get_db

# async routes that take the session but hand every use of it to a worker thread themselves.
HANDS_THE_SESSION_TO_A_THREAD = {
    "mock_portal.routers.registration.submit": "reads the form, then run_in_threadpool(_submit, request, db, …)",
}


def _uses_db(dependant) -> bool:
    return any(dep.call is get_db for dep in dependant.dependencies)


def _routes():
    """Every route of the portal's routers and of the test API (FastAPI keeps included routers nested)."""
    for package in (routers, testapi):
        for module in _modules(package):
            yield from (route for route in module.router.routes if isinstance(route, APIRoute))


def _offenders(routes) -> list[str]:
    return [
        f"{sorted(route.methods)} {route.path} ({route.endpoint.__module__}.{route.endpoint.__name__})"
        for route in routes
        if inspect.iscoroutinefunction(route.endpoint)
        and _uses_db(route.dependant)
        and f"{route.endpoint.__module__}.{route.endpoint.__name__}" not in HANDS_THE_SESSION_TO_A_THREAD
    ]


def test_no_async_route_takes_the_database_session():
    routes = list(_routes())
    assert len(routes) > 100  # the walk reaches the routers' routes
    offenders = _offenders(routes)
    assert not offenders, "async 路由直接使用数据库会话（改为 def 路由 + async 依赖读表单）：\n" + "\n".join(offenders)


def test_the_check_sees_an_async_route_with_the_session():
    """The rule is not vacuous: an async route taking Db is found, a def route is not."""
    router = APIRouter()

    @router.post("/async-probe")
    async def async_probe(request: Request, db: Db):  # pragma: no cover - never called
        return None

    @router.post("/def-probe")
    def def_probe(request: Request, db: Db):  # pragma: no cover - never called
        return None

    assert [line.split(" ")[1] for line in _offenders(router.routes)] == ["/async-probe"]
