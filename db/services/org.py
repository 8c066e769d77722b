"""Organisation: units, party branches and branch pairings (结对共建)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select, true
from sqlmodel import Session

from db.audit import Actor, snapshot
from db.engine import Database
from db.models import BranchPairing, BranchPairingMember, PartyBranch, Region, Unit
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    site_code,
    touch,
)
from db.services.permissions import require
from db.vocab import UNIT_KINDS


@dataclass(frozen=True)
class UnitInput:
    name: str
    kind: str  # vocab.UNIT_KINDS
    region_id: uuid.UUID | None
    parent_id: uuid.UUID | None = None
    address: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class BranchInput:
    name: str
    unit_id: uuid.UUID | None


@dataclass(frozen=True)
class PairingInput:
    community_unit_id: uuid.UUID | None
    branch_ids: tuple[uuid.UUID, ...]
    started_on: date | None
    note: str = ""
    ended_on: date | None = None


def pairing_mode(member_count: int) -> str:
    """“1+1” for one bureau branch, “N+1” for several: derived, never stored."""
    return "1+1" if member_count <= 1 else "N+1"


# -- units ---------------------------------------------------------------------------------


def _validate_unit(s: Session, data: UnitInput, unit_id: uuid.UUID | None = None) -> str:
    e = Errors()
    name = e.text("name", data.name, "单位名称", max_len=100)
    e.code("kind", data.kind, UNIT_KINDS)
    if data.region_id is None:
        e.add("region_id", "请选择所属区域")
    elif find_live(s, Region, data.region_id) is None:
        e.add("region_id", "所选区域不存在，请重新选择所属区域")
    e.text("address", data.address, "地址", max_len=200, required=False)
    e.count("sort_order", data.sort_order, "排序号", minimum=0)
    if data.parent_id is not None:
        parent = find_live(s, Unit, data.parent_id)
        if parent is None:
            e.add("parent_id", "所选上级单位不存在，请重新选择上级单位")
        elif unit_id is not None and _is_self_or_below(s, data.parent_id, unit_id):
            e.add("parent_id", "上级单位不能是本单位或本单位的下级单位，请重新选择上级单位")
    if name and data.region_id is not None and not e.has("region_id"):
        # The unique constraint covers tombstoned rows too, so check all rows.
        clash = s.execute(select(Unit.id).where(
            Unit.region_id == data.region_id, Unit.name == name,
            Unit.id != unit_id if unit_id else true())).first()
        if clash is not None:
            e.add("name", f"该区域已有名为“{name}”的单位，请换一个单位名称或直接使用已有单位")
    e.raise_if_any()
    return name


def _is_self_or_below(s: Session, candidate: uuid.UUID, unit_id: uuid.UUID) -> bool:
    """Whether *candidate* is *unit_id* or sits under it (a parent there would make a loop)."""
    seen: set[uuid.UUID] = set()
    current: uuid.UUID | None = candidate
    while current is not None and current not in seen:
        if current == unit_id:
            return True
        seen.add(current)
        current = s.execute(select(Unit.parent_id).where(Unit.id == current)).scalar()
    return False


def create_unit(db: Database, actor: Actor, data: UnitInput) -> Unit:
    with db.transaction() as s:
        name = _validate_unit(s, data)
        require(actor, "org.edit")
        unit = Unit(name=name, kind=data.kind, region_id=data.region_id,  # type: ignore[arg-type]
                    parent_id=data.parent_id, address=data.address.strip(),
                    sort_order=data.sort_order, site=site_code(s))
        s.add(unit)
        audit_create(s, actor, unit, f"新增单位 {name}")
        return unit


def update_unit(db: Database, actor: Actor, unit_id: uuid.UUID, data: UnitInput,
                expected_version: int) -> Unit:
    with db.transaction() as s:
        unit = get_live(s, Unit, unit_id, "单位")
        name = _validate_unit(s, data, unit_id)
        require(actor, "org.edit")
        check_version(unit, expected_version, "单位")
        before = snapshot(unit)
        unit.name, unit.kind, unit.region_id = name, data.kind, data.region_id  # type: ignore[assignment]
        unit.parent_id, unit.address = data.parent_id, data.address.strip()
        unit.sort_order = data.sort_order
        touch(unit)
        audit_change(s, actor, unit, before, f"修改单位 {name}")
        return unit


# -- party branches ------------------------------------------------------------------------


def _validate_branch(s: Session, data: BranchInput, branch_id: uuid.UUID | None = None) -> str:
    e = Errors()
    name = e.text("name", data.name, "党支部名称", max_len=100)
    if data.unit_id is None:
        e.add("unit_id", "请选择党支部所在单位")
    elif find_live(s, Unit, data.unit_id) is None:
        e.add("unit_id", "所选单位不存在，请重新选择党支部所在单位")
    if name:
        clash = s.execute(select(PartyBranch.id).where(
            PartyBranch.name == name,
            PartyBranch.id != branch_id if branch_id else true())).first()
        if clash is not None:
            e.add("name", f"已有名为“{name}”的党支部，请换一个党支部名称")
    e.raise_if_any()
    return name


def create_branch(db: Database, actor: Actor, data: BranchInput) -> PartyBranch:
    with db.transaction() as s:
        name = _validate_branch(s, data)
        require(actor, "org.edit")
        branch = PartyBranch(name=name, unit_id=data.unit_id, site=site_code(s))  # type: ignore[arg-type]
        s.add(branch)
        audit_create(s, actor, branch, f"新增党支部 {name}")
        return branch


def update_branch(db: Database, actor: Actor, branch_id: uuid.UUID, data: BranchInput,
                  expected_version: int) -> PartyBranch:
    with db.transaction() as s:
        branch = get_live(s, PartyBranch, branch_id, "党支部")
        name = _validate_branch(s, data, branch_id)
        require(actor, "org.edit")
        check_version(branch, expected_version, "党支部")
        before = snapshot(branch)
        branch.name, branch.unit_id = name, data.unit_id  # type: ignore[assignment]
        touch(branch)
        audit_change(s, actor, branch, before, f"修改党支部 {name}")
        return branch


# -- pairings (结对共建) -------------------------------------------------------------------


@dataclass(frozen=True)
class SavedPairing:
    pairing: BranchPairing
    members: list[BranchPairingMember] = field(default_factory=list)

    @property
    def mode(self) -> str:
        return pairing_mode(len(self.members))


def _validate_pairing(s: Session, data: PairingInput) -> None:
    e = Errors()
    if data.community_unit_id is None:
        e.add("community_unit_id", "请选择结对的社区")
    else:
        unit = find_live(s, Unit, data.community_unit_id)
        if unit is None:
            e.add("community_unit_id", "所选社区不存在，请重新选择结对的社区")
        elif unit.kind != "community":
            e.add("community_unit_id",
                  f"结对的社区必须是“{UNIT_KINDS.label('community')}”类单位，"
                  f"所选单位是“{UNIT_KINDS.label(unit.kind)}”")
    if not data.branch_ids:
        e.add("branch_ids", "请至少选择一个结对的机关党支部")
    elif len(set(data.branch_ids)) != len(data.branch_ids):
        e.add("branch_ids", "结对的机关党支部有重复，请去掉重复的党支部")
    else:
        for branch_id in data.branch_ids:
            branch = find_live(s, PartyBranch, branch_id)
            if branch is None:
                e.add("branch_ids", "所选结对党支部中有不存在的党支部，请重新选择")
                break
            branch_unit = s.get(Unit, branch.unit_id)
            if branch_unit is not None and branch_unit.kind == "community":
                e.add("branch_ids",
                      f"“{branch.name}”是社区党支部，请选择机关（单位）党支部与社区结对")
                break
            # Two running pairings of the same branches would count twice; a past (ended)
            # pairing may be entered for the record at any time.
            if data.community_unit_id is not None and data.ended_on is None and _already_paired(
                    s, data.community_unit_id, branch.id):
                e.add("branch_ids", f"“{branch.name}”已与该社区结对（尚未结束），不能重复结对")
                break
    e.day("started_on", data.started_on, "结对开始日期", not_future=False)
    if data.ended_on is not None:
        e.day("ended_on", data.ended_on, "结对结束日期", not_future=False)
        if data.started_on and not e.has("ended_on") and data.ended_on < data.started_on:
            e.add("ended_on", "结对结束日期不能早于开始日期")
    e.text("note", data.note, "备注", max_len=500, required=False)
    e.raise_if_any()


def _already_paired(s: Session, community_unit_id: uuid.UUID, branch_id: uuid.UUID) -> bool:
    """Whether the branch is in a running (not ended, not deleted) pairing with the community."""
    return s.execute(
        select(BranchPairing.id)
        .join(BranchPairingMember, BranchPairingMember.pairing_id == BranchPairing.id)  # type: ignore[arg-type]
        .where(BranchPairing.community_unit_id == community_unit_id,
               BranchPairingMember.branch_id == branch_id,
               BranchPairing.ended_on.is_(None),  # type: ignore[union-attr]
               BranchPairing.deleted_at.is_(None),  # type: ignore[union-attr]
               BranchPairingMember.deleted_at.is_(None))  # type: ignore[union-attr]
    ).first() is not None


def create_pairing(db: Database, actor: Actor, data: PairingInput) -> SavedPairing:
    with db.transaction() as s:
        _validate_pairing(s, data)
        require(actor, "org.edit")
        site = site_code(s)
        pairing = BranchPairing(community_unit_id=data.community_unit_id,  # type: ignore[arg-type]
                                started_on=data.started_on,  # type: ignore[arg-type]
                                ended_on=data.ended_on, note=data.note.strip(), site=site)
        s.add(pairing)
        s.flush()
        members = []
        for branch_id in data.branch_ids:
            member = BranchPairingMember(pairing_id=pairing.id, branch_id=branch_id, site=site)
            s.add(member)
            members.append(member)
        s.flush()
        mode = pairing_mode(len(members))
        audit_create(s, actor, pairing, f"新增结对共建（{mode}）",
                     extra={"branch_ids": [str(b) for b in data.branch_ids]})
        for member in members:
            audit_create(s, actor, member, "结对共建成员党支部")
        return SavedPairing(pairing, members)


def member_count(s: Session, pairing_id: uuid.UUID) -> int:
    return int(s.execute(select(func.count()).select_from(BranchPairingMember).where(
        BranchPairingMember.pairing_id == pairing_id,
        BranchPairingMember.deleted_at.is_(None))).scalar() or 0)  # type: ignore[union-attr]
