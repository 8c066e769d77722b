"""Read side of the personnel tab that db.queries does not have (yet): the cadre page with its
keyset cursor, the organisation tree, branches, assignments and pairings.

No Qt here, so this module can move to ``db/queries/people.py`` unchanged. Tombstoned rows never
show. Every function takes an open session and returns small frozen dataclasses.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, tuple_
from sqlalchemy.orm import aliased
from sqlmodel import Session

from db.campaign import current_campaign
from db.models import (
    Assignment,
    BranchPairing,
    BranchPairingMember,
    Cadre,
    PartyBranch,
    Region,
    Unit,
)
from db.queries.checklist import checklists, not_gone_down
from db.services import pairing_mode

# -- cadres --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CadreFilter:
    """What the cadre table is narrowed to; the fields combine (AND)."""

    region_id: uuid.UUID | None = None
    unit_kind: str | None = None  # vocab.UNIT_KINDS, with region_id: a kind group of the tree
    # A unit: cadres working there or with a running assignment to it (a community lists the
    # cadres registered with it, a school its contact-point leaders).
    unit_id: uuid.UUID | None = None
    tier: str | None = None
    branch_id: uuid.UUID | None = None
    text: str = ""  # part of the name, pinyin initials ("zs" → 张三) or part of the phone
    include_inactive: bool = False
    # 应下尽下: only cadres db.queries.checklist.not_gone_down lists (no visit in the campaign).
    not_gone_down: bool = False


# The cursor after a row: (pinyin initials, name, id) — roughly pinyin order, stable on ties.
Cursor = tuple[str, str, uuid.UUID]


@dataclass(frozen=True, slots=True)
class CadreRow:
    id: uuid.UUID
    name: str
    name_initials: str
    tier: str  # vocab.TIERS
    unit_name: str
    branch_name: str
    position: str
    phone: str
    active: bool
    done: int = 0  # nine-ones items done
    community: str = ""  # the 双报到 community (running assignment), "" if none

    @property
    def cursor(self) -> Cursor:
        return (self.name_initials, self.name, self.id)


@dataclass(frozen=True, slots=True)
class Window:
    """The campaign's dates: visits count for the checklist when dated within them."""

    date_from: date | None = None
    date_to: date | None = None


def campaign_window(session: Session) -> Window:
    campaign = current_campaign(session)
    if campaign is None:
        return Window()
    return Window(campaign.starts_on, campaign.ends_on)


def _running(today: date) -> ColumnElement[bool]:
    return and_(Assignment.deleted_at.is_(None),  # type: ignore[union-attr]
                or_(Assignment.ended_on.is_(None),  # type: ignore[union-attr]
                    Assignment.ended_on >= today))  # type: ignore[operator]


def _text_condition(text: str) -> ColumnElement[bool] | None:
    text = text.strip()
    if not text:
        return None
    conds: list[ColumnElement[bool]] = [Cadre.name.contains(text, autoescape=True)]  # type: ignore[attr-defined]
    if text.isascii() and text.isalpha():
        conds.append(Cadre.name_initials.startswith(text.lower(), autoescape=True))  # type: ignore[attr-defined]
    if text.isdigit():
        conds.append(Cadre.phone.contains(text, autoescape=True))  # type: ignore[attr-defined]
    return or_(*conds)


def _conditions(session: Session, f: CadreFilter, window: Window) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Cadre.deleted_at.is_(None)]  # type: ignore[union-attr]
    if not f.include_inactive:
        conds.append(Cadre.active.is_(True))  # type: ignore[attr-defined]
    if f.region_id is not None:
        conds.append(Unit.region_id == f.region_id)  # type: ignore[arg-type]
    if f.unit_kind:
        conds.append(Unit.kind == f.unit_kind)  # type: ignore[arg-type]
    if f.unit_id is not None:
        assigned = exists().where(Assignment.cadre_id == Cadre.id,
                                  Assignment.unit_id == f.unit_id, _running(date.today()))
        conds.append(or_(Cadre.unit_id == f.unit_id, assigned))  # type: ignore[arg-type]
    if f.tier:
        conds.append(Cadre.tier == f.tier)  # type: ignore[arg-type]
    if f.branch_id is not None:
        conds.append(Cadre.branch_id == f.branch_id)  # type: ignore[arg-type]
    text = _text_condition(f.text)
    if text is not None:
        conds.append(text)
    if f.not_gone_down:
        # The rule lives in db.queries.checklist; cadres number hundreds, so their ids are few.
        ids = [c.id for c in not_gone_down(session, date_from=window.date_from,
                                           date_to=window.date_to)]
        conds.append(Cadre.id.in_(ids))  # type: ignore[attr-defined]
    return conds


def cadre_page(session: Session, f: CadreFilter, after: Cursor | None, limit: int,
               window: Window | None = None) -> list[CadreRow]:
    """Up to *limit* cadres in (initials, name, id) order after *after*, with their nine-ones
    progress (counted over the campaign window)."""
    window = window or campaign_window(session)
    branch = aliased(PartyBranch)
    q = (select(Cadre.id, Cadre.name, Cadre.name_initials, Cadre.tier, Unit.name, branch.name,
                Cadre.position, Cadre.phone, Cadre.active)
         .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
         .outerjoin(branch, branch.id == Cadre.branch_id)  # type: ignore[arg-type]
         .where(*_conditions(session, f, window)))
    if after is not None:
        q = q.where(tuple_(Cadre.name_initials, Cadre.name, Cadre.id) > tuple_(*after))
    q = q.order_by(Cadre.name_initials, Cadre.name, Cadre.id).limit(limit)
    rows = session.execute(q).all()
    if not rows:
        return []
    lists = {c.cadre.id: c for c in checklists(
        session, [r[0] for r in rows], date_from=window.date_from, date_to=window.date_to,
        include_inactive=True)}
    out = []
    for r in rows:
        cl = lists.get(r[0])
        done = cl.done_count if cl else 0
        community = cl.item("community").unit_name if cl else ""
        out.append(CadreRow(r[0], r[1], r[2] or "", r[3], r[4] or "", r[5] or "", r[6] or "",
                            r[7] or "", bool(r[8]), done, community))
    return out


def cadre_count(session: Session, f: CadreFilter, window: Window | None = None) -> int:
    window = window or campaign_window(session)
    q = (select(func.count()).select_from(Cadre)
         .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
         .where(*_conditions(session, f, window)))
    return int(session.execute(q).scalar() or 0)


@dataclass(frozen=True, slots=True)
class CadreDetail:
    id: uuid.UUID
    version: int
    name: str
    gender: str
    tier: str
    unit_id: uuid.UUID
    unit_name: str
    region_name: str
    branch_id: uuid.UUID | None
    branch_name: str
    position: str
    phone: str
    active: bool


def cadre_detail(session: Session, cadre_id: uuid.UUID) -> CadreDetail | None:
    branch = aliased(PartyBranch)
    r = session.execute(
        select(Cadre, Unit.name, Region.name, branch.name)
        .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
        .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
        .outerjoin(branch, branch.id == Cadre.branch_id)  # type: ignore[arg-type]
        .where(Cadre.id == cadre_id, Cadre.deleted_at.is_(None))  # type: ignore[union-attr]
    ).first()
    if r is None:
        return None
    c: Cadre = r[0]
    return CadreDetail(c.id, c.version, c.name, c.gender, c.tier, c.unit_id, r[1] or "",
                       r[2] or "", c.branch_id, r[3] or "", c.position, c.phone, c.active)


# -- organisation --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitRef:
    id: uuid.UUID
    name: str
    kind: str  # vocab.UNIT_KINDS
    region_id: uuid.UUID
    region_name: str


@dataclass(frozen=True, slots=True)
class RegionNode:
    id: uuid.UUID
    name: str
    units: tuple[UnitRef, ...] = field(default_factory=tuple)


def org_tree(session: Session) -> list[RegionNode]:
    """Regions in their order, each with its live units (by sort order and name)."""
    units: dict[uuid.UUID, list[UnitRef]] = defaultdict(list)
    for u in all_units(session):
        units[u.region_id].append(u)
    regions = session.execute(
        select(Region.id, Region.name).where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Region.name))
    return [RegionNode(rid, name, tuple(units.get(rid, ()))) for rid, name in regions]


def all_units(session: Session, kinds: Collection[str] | None = None) -> list[UnitRef]:
    q = (select(Unit.id, Unit.name, Unit.kind, Unit.region_id, Region.name)
         .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
         .where(Unit.deleted_at.is_(None))  # type: ignore[union-attr]
         .order_by(Region.sort_order, Unit.sort_order, Unit.name))
    if kinds is not None:
        q = q.where(Unit.kind.in_(list(kinds)))  # type: ignore[attr-defined]
    return [UnitRef(*r) for r in session.execute(q)]


@dataclass(frozen=True, slots=True)
class UnitDetail:
    id: uuid.UUID
    version: int
    name: str
    kind: str
    region_id: uuid.UUID
    parent_id: uuid.UUID | None
    address: str
    sort_order: int


def unit_detail(session: Session, unit_id: uuid.UUID) -> UnitDetail | None:
    u = session.get(Unit, unit_id)
    if u is None or u.deleted_at is not None:
        return None
    return UnitDetail(u.id, u.version, u.name, u.kind, u.region_id, u.parent_id, u.address,
                      u.sort_order)


@dataclass(frozen=True, slots=True)
class BranchRef:
    id: uuid.UUID
    name: str
    unit_name: str
    unit_kind: str


def branches(session: Session) -> list[BranchRef]:
    rows = session.execute(
        select(PartyBranch.id, PartyBranch.name, Unit.name, Unit.kind)
        .join(Unit, Unit.id == PartyBranch.unit_id)  # type: ignore[arg-type]
        .where(PartyBranch.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(PartyBranch.name))
    return [BranchRef(*r) for r in rows]


# -- assignments ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AssignmentRow:
    id: uuid.UUID
    version: int
    cadre_id: uuid.UUID
    kind: str  # vocab.ASSIGNMENT_KINDS
    unit_id: uuid.UUID
    unit_name: str
    unit_kind: str
    started_on: date
    ended_on: date | None
    note: str

    def running(self, today: date | None = None) -> bool:
        return self.ended_on is None or self.ended_on >= (today or date.today())


def assignments(session: Session, cadre_id: uuid.UUID) -> list[AssignmentRow]:
    """A cadre's assignments: running ones first, then by start date, newest first."""
    rows = session.execute(
        select(Assignment.id, Assignment.version, Assignment.cadre_id, Assignment.kind,
               Assignment.unit_id, Unit.name, Unit.kind, Assignment.started_on,
               Assignment.ended_on, Assignment.note)
        .join(Unit, Unit.id == Assignment.unit_id)  # type: ignore[arg-type]
        .where(Assignment.cadre_id == cadre_id,
               Assignment.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Assignment.started_on.desc()))  # type: ignore[attr-defined]
    out = [AssignmentRow(*r) for r in rows]
    return sorted(out, key=lambda a: not a.running())  # stable: keeps the date order


# -- pairings ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairingRow:
    id: uuid.UUID
    community_name: str
    region_name: str
    branch_names: tuple[str, ...]
    started_on: date
    ended_on: date | None
    note: str

    @property
    def mode(self) -> str:
        return pairing_mode(len(self.branch_names))


def pairings(session: Session, region_id: uuid.UUID | None = None) -> list[PairingRow]:
    """结对共建 pairings (of communities in the region, when given), newest first."""
    q = (select(BranchPairing.id, Unit.name, Region.name, BranchPairing.started_on,
                BranchPairing.ended_on, BranchPairing.note)
         .join(Unit, Unit.id == BranchPairing.community_unit_id)  # type: ignore[arg-type]
         .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
         .where(BranchPairing.deleted_at.is_(None))  # type: ignore[union-attr]
         .order_by(BranchPairing.started_on.desc(), Unit.name))  # type: ignore[attr-defined]
    if region_id is not None:
        q = q.where(Unit.region_id == region_id)  # type: ignore[arg-type]
    heads = session.execute(q).all()
    members: dict[uuid.UUID, list[str]] = defaultdict(list)
    if heads:
        for pid, name in session.execute(
            select(BranchPairingMember.pairing_id, PartyBranch.name)
            .join(PartyBranch, PartyBranch.id == BranchPairingMember.branch_id)  # type: ignore[arg-type]
            .where(BranchPairingMember.deleted_at.is_(None),  # type: ignore[union-attr]
                   BranchPairingMember.pairing_id.in_([h[0] for h in heads]))  # type: ignore[attr-defined]
            .order_by(PartyBranch.name)
        ):
            members[pid].append(name)
    return [PairingRow(h[0], h[1], h[2], tuple(members.get(h[0], ())), h[3], h[4], h[5] or "")
            for h in heads]
