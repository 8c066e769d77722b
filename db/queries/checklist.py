"""每名党员干部的"九个一": each cadre's checklist, derived from assignments and the visit log.

Nobody ticks these boxes: 下沉社区 and 帮扶村 come from active assignments, 深入学校 from a visit
to a school or kindergarten, the other six from the activities recorded on visits.

The bulk form aggregates in SQL: two window queries (activities; visits to schools) rank each
cadre's visits per item, so every cadre's checklist comes from a handful of queries. Their cost
grows with the visits in the date range, so pass the campaign's dates (``campaign_period``) and
run the all-cadres form off the UI thread on large databases; one cadre's checklist reads only
that cadre's visits. Charts and tallies pass ``evidence=False``: plain grouped counts, with no
windows and no evidence visits (on SQLite, along an index of live visits in id order).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy import column as sql_column
from sqlmodel import Session

from db.models import Assignment, Cadre, Unit, Visit, VisitActivity, VisitCadre
from db.numbering import day_base
from db.queries.refs import CadreRef, VisitRef, cadre_refs
from db.vocab import NINE_ONES, SCHOOL_UNIT_KINDS

EVIDENCE = 3  # most recent visits kept as evidence per item
ASSIGNMENT_ITEMS = ("community", "village")  # item code == vocab.ASSIGNMENT_KINDS code


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    code: str  # vocab.NINE_ONES
    done: bool
    count: int  # visits (or active assignments) that count for it
    assignment_id: uuid.UUID | None = None  # community / village: the assignment
    unit_name: str = ""  # community / village: the unit assigned
    visits: tuple[VisitRef, ...] = ()  # the most recent visits, newest first

    @property
    def label(self) -> str:
        return NINE_ONES.label(self.code)


@dataclass(frozen=True, slots=True)
class Checklist:
    cadre: CadreRef
    items: tuple[ChecklistItem, ...]  # the nine, in vocabulary order

    @property
    def done_count(self) -> int:
        return sum(i.done for i in self.items)

    @property
    def complete(self) -> bool:
        return all(i.done for i in self.items)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items if not i.done)

    def item(self, code: str) -> ChecklistItem:
        return next(i for i in self.items if i.code == code)


def _visit_conds(date_from: date | None, date_to: date | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Visit.deleted_at.is_(None)]  # type: ignore[union-attr]
    # The sort key bounds let the database read only the range's visits (see db.queries.visits).
    if date_from is not None:
        conds.append(Visit.visit_date >= date_from)  # type: ignore[arg-type]
        conds.append(Visit.sort_key >= day_base(date_from))  # type: ignore[arg-type]
    if date_to is not None:
        conds.append(Visit.visit_date <= date_to)  # type: ignore[arg-type]
        conds.append(Visit.sort_key < day_base(date_to + timedelta(days=1)))  # type: ignore[arg-type]
    return conds


def _ranked(item: Any, joins: Select[Any], cadre_ids: Collection[uuid.UUID] | None,
            conds: list[ColumnElement[bool]]) -> Any:
    """Each (cadre, item) visit with its rank (newest first) and the group's size."""
    partition = (VisitCadre.cadre_id, item)
    newest_first = Visit.sort_key.desc()  # type: ignore[attr-defined]
    q = joins.add_columns(
        VisitCadre.cadre_id.label("cadre_id"), item.label("item"),  # type: ignore[attr-defined]
        Visit.sort_key.label("sort_key"),
        func.row_number().over(partition_by=partition, order_by=newest_first).label("rn"),
        # Same ordering as the row number, whole partition as the frame: one sort for both.
        func.count().over(partition_by=partition, order_by=newest_first,
                          rows=(None, None)).label("n"),
    ).where(*conds)
    if cadre_ids is not None:
        q = q.where(VisitCadre.cadre_id.in_(cadre_ids))  # type: ignore[attr-defined]
    return q.subquery()


def _visit_evidence(session: Session, cadre_ids: Collection[uuid.UUID] | None,
                    date_from: date | None, date_to: date | None
                    ) -> dict[tuple[uuid.UUID, str], tuple[int, list[VisitRef]]]:
    conds = _visit_conds(date_from, date_to)
    base = select().select_from(VisitCadre).join(
        Visit, Visit.id == VisitCadre.visit_id)  # type: ignore[arg-type]
    by_activity = _ranked(
        VisitActivity.activity,
        base.join(VisitActivity, VisitActivity.visit_id == Visit.id),  # type: ignore[arg-type]
        cadre_ids,
        conds,  # no filter on the code: it makes the planner read activities in random order
    )
    at_school = _ranked(
        literal("school"),
        base.join(Unit, Unit.id == Visit.unit_id),  # type: ignore[arg-type]
        cadre_ids,
        [*conds, Unit.kind.in_(SCHOOL_UNIT_KINDS)],  # type: ignore[attr-defined]
    )
    # The windows carry only keys; the few evidence visits are read afterwards by sort key.
    found: dict[tuple[uuid.UUID, str], tuple[int, list[int]]] = {}
    for sub in (by_activity, at_school):
        rows = session.execute(
            select(sub.c.cadre_id, sub.c.item, sub.c.sort_key, sub.c.n)
            .where(sub.c.rn <= EVIDENCE)
            .order_by(sub.c.cadre_id, sub.c.item, sub.c.rn)
        )
        for cadre_id, item, sort_key, n in rows:
            found.setdefault((cadre_id, item), (int(n), []))[1].append(int(sort_key))
    refs = _visit_refs(session, {k for _, keys in found.values() for k in keys})
    return {key: (n, [refs[k] for k in keys if k in refs]) for key, (n, keys) in found.items()}


def _visit_counts(session: Session, cadre_ids: Collection[uuid.UUID] | None,
                  date_from: date | None, date_to: date | None
                  ) -> dict[tuple[uuid.UUID, str], int]:
    """(cadre, item) → visits that count for it: the windows' group sizes, without evidence."""
    if cadre_ids is None and _has_live_keys(session):
        return _sqlite_visit_counts(session, date_from, date_to)
    conds = _visit_conds(date_from, date_to)
    if cadre_ids is not None:
        conds.append(VisitCadre.cadre_id.in_(cadre_ids))  # type: ignore[attr-defined]
    base = select(VisitCadre.cadre_id).join(
        Visit, Visit.id == VisitCadre.visit_id).where(*conds)  # type: ignore[arg-type]
    by_activity = (base.add_columns(VisitActivity.activity, func.count())
                   .join(VisitActivity, VisitActivity.visit_id == Visit.id)  # type: ignore[arg-type]
                   .group_by(VisitCadre.cadre_id, VisitActivity.activity))
    at_school = (base.add_columns(literal("school"), func.count())
                 .join(Unit, Unit.id == Visit.unit_id)  # type: ignore[arg-type]
                 .where(Unit.kind.in_(SCHOOL_UNIT_KINDS))  # type: ignore[attr-defined]
                 .group_by(VisitCadre.cadre_id))
    return {(cadre_id, item): int(n) for q in (by_activity, at_school)
            for cadre_id, item, n in session.execute(q)}


LIVE_KEYS_INDEX = "ix_visit_live_keys"  # db.models.visits, migration 0004


def _has_live_keys(session: Session) -> bool:
    """SQLite with the live-keys index (INDEXED BY fails outright when it is missing)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    return session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = :name"),
        {"name": LIVE_KEYS_INDEX},
    ).first() is not None


def _sqlite_visit_counts(session: Session, date_from: date | None, date_to: date | None
                         ) -> dict[tuple[uuid.UUID, str], int]:
    """All cadres' counts on SQLite, walking the live visits in id order.

    visit_cadre and visit_activity are keyed by visit id (a UUID), so when SQLite picks the
    visit_date index (as it does for the campaign's range) every one of about a million visit
    rows is a random read: 5+ s at scale 100. Walking ix_visit_live_keys (index-only) in id
    order makes the lookups into both link tables sequential: under 2 s. SQLAlchemy cannot
    write INDEXED BY, and CROSS JOIN is how SQLite is told the join order, hence raw SQL;
    other databases run the portable form in _visit_counts.
    """
    conds = ["visit.deleted_at IS NULL"]
    params: dict[str, Any] = {"kinds": sorted(SCHOOL_UNIT_KINDS)}
    # Dates are stored as ISO text; bind them as such (raw SQL has no column types to do it).
    if date_from is not None:
        conds += ["visit.visit_date >= :date_from", "visit.sort_key >= :key_from"]
        params |= {"date_from": date_from.isoformat(), "key_from": day_base(date_from)}
    if date_to is not None:
        conds += ["visit.visit_date <= :date_to", "visit.sort_key < :key_to"]
        params |= {"date_to": date_to.isoformat(),
                   "key_to": day_base(date_to + timedelta(days=1))}
    live = f"visit INDEXED BY {LIVE_KEYS_INDEX}"
    where = " AND ".join(conds)
    typed = (sql_column("cadre_id", VisitCadre.__table__.c.cadre_id.type),  # type: ignore[attr-defined]
             sql_column("item", String()), sql_column("n", Integer()))
    by_activity = text(
        f"SELECT vc.cadre_id AS cadre_id, va.activity AS item, count(*) AS n FROM {live} "
        "CROSS JOIN visit_cadre AS vc ON vc.visit_id = visit.id "
        "CROSS JOIN visit_activity AS va ON va.visit_id = visit.id "
        f"WHERE {where} GROUP BY vc.cadre_id, va.activity"
    ).columns(*typed)
    # The school units as a list (a few thousand): cheaper per visit than a join to unit.
    at_school = text(
        f"SELECT vc.cadre_id AS cadre_id, 'school' AS item, count(*) AS n FROM {live} "
        "CROSS JOIN visit_cadre AS vc ON vc.visit_id = visit.id "
        "WHERE visit.unit_id IN (SELECT id FROM unit WHERE kind IN :kinds) "
        f"AND {where} GROUP BY vc.cadre_id"
    ).bindparams(bindparam("kinds", expanding=True)).columns(*typed)
    return {(cadre_id, item): int(n) for q in (by_activity, at_school)
            for cadre_id, item, n in session.execute(q, params)}


def _visit_refs(session: Session, keys: set[int]) -> dict[int, VisitRef]:
    out: dict[int, VisitRef] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):  # stay under any driver's parameter limit
        chunk = ordered[i:i + 500]
        for vid, number, visit_date, sort_key in session.execute(
            select(Visit.id, Visit.number, Visit.visit_date, Visit.sort_key)
            .where(Visit.sort_key.in_(chunk))  # type: ignore[attr-defined]
        ):
            out[int(sort_key)] = VisitRef(vid, number, visit_date)
    return out


def _active_assignment(today: date) -> ColumnElement[bool]:
    return and_(
        Assignment.deleted_at.is_(None),  # type: ignore[union-attr]
        or_(Assignment.ended_on.is_(None), Assignment.ended_on >= today),  # type: ignore[union-attr,operator]
    )


def _assignments(session: Session, cadre_ids: Collection[uuid.UUID] | None, today: date
                 ) -> dict[tuple[uuid.UUID, str], tuple[int, uuid.UUID, str]]:
    """(cadre, kind) → (how many active, the most recent one's id, its unit's name)."""
    q = (select(Assignment.cadre_id, Assignment.kind, Assignment.id, Unit.name)
         .join(Unit, Unit.id == Assignment.unit_id)  # type: ignore[arg-type]
         .where(_active_assignment(today),
                Assignment.kind.in_(ASSIGNMENT_ITEMS))  # type: ignore[attr-defined]
         .order_by(Assignment.started_on.desc()))  # type: ignore[attr-defined]
    if cadre_ids is not None:
        q = q.where(Assignment.cadre_id.in_(cadre_ids))  # type: ignore[attr-defined]
    found: dict[tuple[uuid.UUID, str], list[tuple[uuid.UUID, str]]] = defaultdict(list)
    for cadre_id, kind, aid, unit_name in session.execute(q):
        found[(cadre_id, kind)].append((aid, unit_name or ""))
    return {k: (len(v), v[0][0], v[0][1]) for k, v in found.items()}


def checklists(session: Session, cadre_ids: Collection[uuid.UUID] | None = None, *,
               date_from: date | None = None, date_to: date | None = None,
               today: date | None = None, include_inactive: bool = False,
               evidence: bool = True) -> list[Checklist]:
    """The nine-ones checklist of each cadre (all active cadres when *cadre_ids* is None).

    Visits count when dated within [date_from, date_to] (pass the campaign's dates); an
    assignment counts when it has not ended by *today*. Without *evidence* the items carry
    the same counts but no visits (``visits == ()``), from plain grouped counts: several
    times faster on large databases, for charts and tallies.
    """
    today = today or date.today()
    ids = None if cadre_ids is None else list(cadre_ids)
    where: list[ColumnElement[bool]] = []
    if ids is not None:
        where.append(Cadre.id.in_(ids))  # type: ignore[attr-defined]
    if not include_inactive:
        where.append(Cadre.active.is_(True))  # type: ignore[attr-defined]
    cadres = cadre_refs(session, *where)
    if not cadres:
        return []
    if evidence:
        visits = _visit_evidence(session, ids, date_from, date_to)
    else:
        visits = {key: (n, []) for key, n in _visit_counts(session, ids, date_from,
                                                            date_to).items()}
    assigned = _assignments(session, ids, today)
    out = []
    for c in cadres:
        items = []
        for code in NINE_ONES.codes():
            if code in ASSIGNMENT_ITEMS:
                n, aid, unit_name = assigned.get((c.id, code), (0, None, ""))
                items.append(ChecklistItem(code, n > 0, n, aid, unit_name))
            else:
                n, refs = visits.get((c.id, code), (0, []))
                items.append(ChecklistItem(code, n > 0, n, visits=tuple(refs)))
        out.append(Checklist(c, tuple(items)))
    return out


def cadre_checklist(session: Session, cadre_id: uuid.UUID, *, date_from: date | None = None,
                    date_to: date | None = None, today: date | None = None) -> Checklist | None:
    """One cadre's checklist (also for an inactive cadre); None if there is no such cadre."""
    found = checklists(session, [cadre_id], date_from=date_from, date_to=date_to, today=today,
                       include_inactive=True)
    return found[0] if found else None


def not_gone_down(session: Session, *, date_from: date | None = None,
                  date_to: date | None = None, tiers: Collection[str] | None = None
                  ) -> list[CadreRef]:
    """应下尽下: active cadres with no visit at all (in the date range, when given)."""
    visited = exists().where(
        VisitCadre.cadre_id == Cadre.id,
        Visit.id == VisitCadre.visit_id,
        *_visit_conds(date_from, date_to),
    )
    where: list[ColumnElement[bool]] = [Cadre.active.is_(True), ~visited]  # type: ignore[attr-defined]
    if tiers is not None:
        where.append(Cadre.tier.in_(list(tiers)))  # type: ignore[attr-defined]
    return cadre_refs(session, *where)
