"""火炬中心 systems: 科技型中小企业评价 (/systems/sme), 高新技术企业认定 (/systems/hnte) and
火炬中心业务办理平台 (/systems/torch) (FAQ-3.1.x, 3.2.x). Access is checked here again, on the server."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from sqlalchemy.orm import Session

from mock_portal import systems
from mock_portal.messages import torch as M
from mock_portal.models.accounts import LEGAL, Account, Unit
from mock_portal.services import torch
from mock_portal.services.access import system_access
from mock_portal.templating import render
from mock_portal.web import CurrentUser, Db, Forbidden, now_of

router = APIRouter()


@dataclass(frozen=True)
class Business:
    name: str
    natural: bool  # a natural person may handle it (else: legal accounts only)


TORCH_BUSINESSES = (
    Business(M.BUSINESS_HNTE, True),
    Business(M.BUSINESS_SME, True),
    Business(M.BUSINESS_STATS, False),
    Business(M.BUSINESS_INCUBATOR, False),
    Business(M.BUSINESS_MAKERSPACE, False),
    Business(M.BUSINESS_CONTRACTS, True),
    Business(M.BUSINESS_BROKERS, True),
)


def _gated_landing(key: str, request: Request, db: Session, user: Account):
    access = system_access(db, user, key, now_of(request))
    if access.reason == "unverified":
        return render(
            request,
            "torch/realname_popup.html",
            status_code=403,
            message=M.REALNAME_POPUP,
            system=systems.get(key).name,
        )
    if access.reason == "incomplete":
        if user.kind == LEGAL:  # the 我的信息 page of the first missing piece
            fix = torch.FIX_PAGES[torch.missing_pieces(user, db.get(Unit, access.unit_id))[0].piece]
        else:
            fix = f"/online/info/units/{access.unit_id}/edit"
        return render(
            request,
            "torch/incomplete.html",
            status_code=403,
            message=access.message,
            fix_url=fix,
            legal=user.kind == LEGAL,
            system=systems.get(key).name,
        )
    if not access.ok:
        raise Forbidden(access.message)
    return render(
        request,
        "torch/system.html",
        title=torch.GATED_SYSTEMS[key],
        roles=access.roles,
        unit=db.get(Unit, access.unit_id) if access.unit_id else None,
        welcome=M.WELCOME.format(system=torch.GATED_SYSTEMS[key]),
    )


@router.get("/systems/sme")
def sme_landing(request: Request, db: Db, user: CurrentUser):
    return _gated_landing("sme", request, db, user)


@router.get("/systems/hnte")
def hnte_landing(request: Request, db: Db, user: CurrentUser):
    return _gated_landing("hnte", request, db, user)


@router.get("/systems/torch")
def torch_platform(request: Request, db: Db, user: CurrentUser):
    access = system_access(db, user, "torch", now_of(request))
    if not access.ok:
        raise Forbidden(access.message)
    legal = user.kind == LEGAL
    shown = [b for b in TORCH_BUSINESSES if legal or b.natural]
    return render(
        request, "torch/platform.html", businesses=shown, legal=legal, notice="" if legal else M.STATS_NEEDS_LEGAL
    )
