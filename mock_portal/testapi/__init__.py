"""The token-guarded test control plane (/__test__/…), mounted only with --test-api.
Every module here exposes `router`, built with `guarded_router()`."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Depends, HTTPException, Request

LOOPBACK = ("127.", "::1", "localhost", "testclient")


def require_token(request: Request) -> None:
    host = request.client.host if request.client else ""
    if not host.startswith(LOOPBACK):
        raise HTTPException(403, "test API is served to loopback clients only")
    token = request.headers.get("x-test-token")
    if token is None:
        raise HTTPException(401, "X-Test-Token header required")
    if not secrets.compare_digest(token.encode(), request.app.state.settings.test_api_token.encode()):
        raise HTTPException(403, "wrong test API token")


def guarded_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(require_token)])
