"""The care register (关爱帮扶) as the UI reads it: a filtered keyset-paged list, counts per group,
and one record in full — whose every reading is written to the audit log.

Every function refuses (PermissionDenied) an actor without the care grant before it reads a
row, so nothing sensitive is loaded for someone who may not see it. School users see only their
own unit's records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlmodel import Session

from db.audit import Actor, write_audit
from db.campaign import local_site_code
from db.engine import Database
from db.errors import NotFoundError
from db.models import Cadre, CareEntry, CareRecord, Region, Unit
from db.queries.paging import any_contains, dialect_name, search_words
from db.services.care import require_care
from db.services.permissions import OWN_UNIT_ROLES
from db.vocab import CARE_GROUPS

# The cursor of the next page: (created_at, id) of the last row shown, newest first.
CareCursor = tuple[datetime, uuid.UUID]


@dataclass(frozen=True, slots=True)
class CareFilter:
    """What the register is narrowed to; every field is optional and they combine (AND)."""

    group: str | None = None  # vocab.CARE_GROUPS
    unit_id: uuid.UUID | None = None
    region_id: uuid.UUID | None = None
    active: bool | None = None  # None: both
    search: str = ""  # words in the name or the situation


@dataclass(frozen=True, slots=True)
class CareRow:
    id: uuid.UUID
    created_at: datetime
    group: str  # vocab.CARE_GROUPS
    person_name: str
    person_role: str  # "student" / "teacher"
    gender: str
    birth_year: int | None
    unit_name: str
    region_name: str
    cadre_name: str  # the responsible cadre, "" when none
    active: bool
    entries: int  # help entries so far
    last_helped_on: date | None

    @property
    def cursor(self) -> CareCursor:
        return (self.created_at, self.id)


@dataclass(frozen=True, slots=True)
class CareEntryRow:
    id: uuid.UUID
    helped_on: date
    cadre_id: uuid.UUID | None
    cadre_name: str
    help_given: str


@dataclass(frozen=True, slots=True)
class CareDetail:
    id: uuid.UUID
    version: int
    group: str
    person_name: str
    person_role: str
    gender: str
    birth_year: int | None
    unit_id: uuid.UUID
    unit_name: str
    region_name: str
    situation: str
    responsible_cadre_id: uuid.UUID | None
    cadre_name: str
    active: bool
    entries: tuple[CareEntryRow, ...]  # newest first


def _conditions(session: Session, actor: Actor, f: CareFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [CareRecord.deleted_at.is_(None)]  # type: ignore[union-attr]
    if actor.role in OWN_UNIT_ROLES:
        # A school user without a unit sees nothing rather than everything.
        conds.append(CareRecord.unit_id == actor.unit_id)  # type: ignore[arg-type]
    if f.group:
        conds.append(CareRecord.group == f.group)  # type: ignore[arg-type]
    if f.unit_id is not None:
        conds.append(CareRecord.unit_id == f.unit_id)  # type: ignore[arg-type]
    if f.region_id is not None:
        conds.append(CareRecord.unit_id.in_(  # type: ignore[attr-defined]
            select(Unit.id).where(Unit.region_id == f.region_id)))  # type: ignore[call-overload]
    if f.active is not None:
        conds.append(CareRecord.active == f.active)  # type: ignore[arg-type]
    dialect = dialect_name(session)
    for word in search_words(f.search):
        conds.append(any_contains([CareRecord.person_name, CareRecord.situation], word, dialect))
    return conds


def care_page(session: Session, actor: Actor, filters: CareFilter | None = None,
              before: CareCursor | None = None, limit: int = 200) -> list[CareRow]:
    """Up to *limit* care records, newest first, after the cursor *before* (None: the newest).

    Care registers are small (hundreds per county), so the search is a plain contains test."""
    require_care(session, actor)
    if limit <= 0:
        return []
    conds = _conditions(session, actor, filters or CareFilter())
    if before is not None:
        at, last_id = before
        conds.append(or_(CareRecord.created_at < at,  # type: ignore[arg-type, operator]
                         and_(CareRecord.created_at == at,  # type: ignore[arg-type]
                              CareRecord.id < last_id)))  # type: ignore[arg-type, operator]
    entries = (select(CareEntry.record_id, func.count().label("n"),  # type: ignore[call-overload]
                      func.max(CareEntry.helped_on).label("last"))
               .where(CareEntry.deleted_at.is_(None))  # type: ignore[union-attr]
               .group_by(CareEntry.record_id).subquery())
    rows = session.execute(
        select(CareRecord.id, CareRecord.created_at, CareRecord.group, CareRecord.person_name,  # type: ignore[call-overload]
               CareRecord.person_role, CareRecord.gender, CareRecord.birth_year, Unit.name,
               Region.name, Cadre.name, CareRecord.active, entries.c.n, entries.c.last)
        .join(Unit, Unit.id == CareRecord.unit_id)  # type: ignore[arg-type]
        .outerjoin(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
        .outerjoin(Cadre, Cadre.id == CareRecord.responsible_cadre_id)  # type: ignore[arg-type]
        .outerjoin(entries, entries.c.record_id == CareRecord.id)
        .where(and_(*conds))
        .order_by(CareRecord.created_at.desc(), CareRecord.id.desc())  # type: ignore[attr-defined]
        .limit(limit)
    ).all()
    return [CareRow(id=r[0], created_at=r[1], group=r[2], person_name=r[3], person_role=r[4],
                    gender=r[5] or "", birth_year=r[6], unit_name=r[7] or "",
                    region_name=r[8] or "", cadre_name=r[9] or "", active=bool(r[10]),
                    entries=int(r[11] or 0), last_helped_on=_as_date(r[12]))
            for r in rows]


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))  # max() over a DATE column is text on SQLite


def care_count(session: Session, actor: Actor, filters: CareFilter | None = None) -> int:
    require_care(session, actor)
    conds = _conditions(session, actor, filters or CareFilter())
    return int(session.execute(
        select(func.count()).select_from(CareRecord).where(and_(*conds))).scalar() or 0)


def care_group_counts(session: Session, actor: Actor, filters: CareFilter | None = None
                      ) -> dict[str, int]:
    """Records per group (every group present, zero when none), under the same filters
    except the group itself."""
    require_care(session, actor)
    f = filters or CareFilter()
    conds = _conditions(session, actor, CareFilter(None, f.unit_id, f.region_id, f.active,
                                                    f.search))
    counts = dict.fromkeys(CARE_GROUPS.codes(), 0)
    for group, n in session.execute(
            select(CareRecord.group, func.count()).where(and_(*conds))  # type: ignore[call-overload]
            .group_by(CareRecord.group)):
        counts[group] = int(n)
    return counts


def care_record_detail(db: Database, actor: Actor, record_id: uuid.UUID) -> CareDetail:
    """One record with its help entries; writes the audit entry "view" (who saw which record)
    in the same transaction, so no reading goes unrecorded."""
    with db.transaction() as s:
        require_care(s, actor)
        record = s.get(CareRecord, record_id)
        if record is None or record.deleted_at is not None or (
                actor.role in OWN_UNIT_ROLES and record.unit_id != actor.unit_id):
            raise NotFoundError("找不到该关爱对象，可能已被删除。请刷新列表后重试。")
        unit = s.execute(select(Unit.name, Region.name)  # type: ignore[call-overload]
                         .outerjoin(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
                         .where(Unit.id == record.unit_id)).one()
        cadre = s.get(Cadre, record.responsible_cadre_id) if record.responsible_cadre_id else None
        entries = s.execute(
            select(CareEntry.id, CareEntry.helped_on, CareEntry.cadre_id, Cadre.name,  # type: ignore[call-overload]
                   CareEntry.help_given)
            .outerjoin(Cadre, Cadre.id == CareEntry.cadre_id)  # type: ignore[arg-type]
            .where(CareEntry.record_id == record.id,
                   CareEntry.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(CareEntry.helped_on.desc(),  # type: ignore[attr-defined]
                      CareEntry.created_at.desc())  # type: ignore[attr-defined]
        ).all()
        group = CARE_GROUPS.label(record.group) if record.group in CARE_GROUPS else record.group
        write_audit(s, actor, "view", "care_record", record.id, f"查看关爱对象记录（{group}）",
                    site=local_site_code(s))
        return CareDetail(
            id=record.id, version=record.version, group=record.group,
            person_name=record.person_name, person_role=record.person_role,
            gender=record.gender, birth_year=record.birth_year, unit_id=record.unit_id,
            unit_name=unit[0] or "", region_name=unit[1] or "", situation=record.situation,
            responsible_cadre_id=record.responsible_cadre_id,
            cadre_name=cadre.name if cadre is not None else "", active=record.active,
            entries=tuple(CareEntryRow(r[0], r[1], r[2], r[3] or "", r[4]) for r in entries))
