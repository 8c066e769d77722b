"""The visit log as the UI's lazy table sees it: filtered, searched, paged by sort key."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, String, and_, exists, func, select, type_coerce
from sqlalchemy.orm import aliased
from sqlmodel import Session

from db.models import Cadre, Problem, Region, Unit, Visit, VisitActivity, VisitCadre
from db.numbering import day_base
from db.queries.paging import (
    any_contains,
    contains,
    count_rows,
    dialect_name,
    fts_count,
    fts_match,
    fts_newest_subquery,
    keyset_rows,
    search_words,
    short,
)
from db.vocab import ACTIVITIES

_ACTIVITY_ORDER = {code: i for i, code in enumerate(ACTIVITIES.codes())}


@dataclass(frozen=True, slots=True)
class VisitFilter:
    """What the visit table is narrowed to; every field is optional and they combine (AND)."""

    date_from: date | None = None
    date_to: date | None = None  # inclusive
    region_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    cadre_id: uuid.UUID | None = None
    method: str | None = None  # vocab.METHODS
    search: str = ""


@dataclass(frozen=True, slots=True)
class VisitRow:
    """One line of the visit table. ``sort_key`` is the cursor for the next page."""

    id: uuid.UUID
    number: str
    sort_key: int
    visit_date: date
    unit_name: str
    region_name: str
    method: str  # vocab.METHODS code
    cadre_names: str  # joined with "、"
    activities: tuple[str, ...]  # vocab.ACTIVITIES codes, in vocabulary order
    students_met: int
    teachers_met: int
    parents_met: int
    summary: str  # what was done (or found), cut short
    reported_to_branch: bool


def _conditions(f: VisitFilter, dialect: str, *, paging: bool) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Visit.deleted_at.is_(None)]  # type: ignore[union-attr]
    # The sort key begins with the day, so a date range is also a range of the index the
    # pages are read in; the date conditions stay as the rule, the key bounds as the speed.
    if f.date_from is not None:
        conds.append(Visit.visit_date >= f.date_from)  # type: ignore[arg-type]
        conds.append(Visit.sort_key >= day_base(f.date_from))  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(Visit.visit_date <= f.date_to)  # type: ignore[arg-type]
        conds.append(Visit.sort_key < day_base(f.date_to + timedelta(days=1)))  # type: ignore[arg-type]
    if f.unit_id is not None:
        conds.append(Visit.unit_id == f.unit_id)  # type: ignore[arg-type]
    if f.region_id is not None:
        if paging:
            # A correlated test keeps the newest-first scan of the sort key index, which
            # stops after a page; a join condition makes the planner fetch the whole region
            # through the unit index and sort it (measured 4 ms against 225 ms at 100k).
            unit = aliased(Unit)  # not the Unit joined for its name
            if dialect == "sqlite":
                # The same scan, but the region's unit ids are listed once and each visit's
                # unit looked up in that list (`unit_id || ''` keeps the planner off the unit
                # index), instead of a correlated probe of the unit table per visit.
                conds.append((type_coerce(Visit.unit_id, String()) + "").in_(
                    select(unit.id).where(unit.region_id == f.region_id)))  # type: ignore[call-overload]
            else:
                conds.append(exists().where(unit.id == Visit.unit_id,
                                            unit.region_id == f.region_id))
        else:
            conds.append(Unit.region_id == f.region_id)  # type: ignore[arg-type]
    if f.method:
        if paging:
            # `method || ''` hides the method index from the planner: with it, SQLite fetched
            # all 330,000 visits of a method and sorted them for one page (1.3 s at scale 100);
            # the newest-first scan of the sort key stops after a page (a method is never rare
            # enough for the scan to read more than a few thousand rows).
            conds.append(Visit.method.concat("") == f.method)  # type: ignore[attr-defined]
        else:
            conds.append(Visit.method == f.method)  # type: ignore[arg-type]
    if f.cadre_id is not None:
        # IN, not EXISTS: the database reads the cadre's few visits through the cadre index
        # instead of probing every visit of the table.
        conds.append(Visit.id.in_(  # type: ignore[attr-defined]
            select(VisitCadre.visit_id).where(VisitCadre.cadre_id == f.cadre_id)))
    conds.extend(_confirm(search_words(f.search), dialect))
    return conds


def _confirm(words: list[str], dialect: str) -> list[ColumnElement[bool]]:
    """Each word occurs in the visit's own text or in one of its problems' descriptions."""
    out = []
    for w in words:
        in_problem = exists().where(
            Problem.visit_id == Visit.id,
            Problem.deleted_at.is_(None),  # type: ignore[union-attr]
            contains(Problem.description, w, dialect),
        )
        out.append(any_contains([Visit.content, Visit.talked_with, Visit.findings], w, dialect)
                   | in_problem)
    return out


_COLUMNS = (
    Visit.id, Visit.number, Visit.sort_key, Visit.visit_date, Unit.name, Region.name,
    Visit.method, Visit.students_met, Visit.teachers_met, Visit.parents_met, Visit.content,
    Visit.findings, Visit.reported_to_branch,
)


def visit_page(session: Session, *, filters: VisitFilter | None = None, before: int | None = None,
               limit: int = 200) -> list[VisitRow]:
    """Up to *limit* visits, newest first, with sort_key < *before* (None: from the newest)."""
    f = filters or VisitFilter()
    dialect = dialect_name(session)
    conds = _conditions(f, dialect, paging=True)

    def rows_select(extra: list[ColumnElement[bool]]) -> Select[Any]:
        return (select(*_COLUMNS)
                .join(Unit, Unit.id == Visit.unit_id)  # type: ignore[arg-type]
                .outerjoin(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
                .where(and_(*conds, *extra))
                .order_by(Visit.sort_key.desc()))  # type: ignore[attr-defined]

    rows = keyset_rows(session, rows_select, Visit.sort_key, fts_table="visit_fts",
                       match=fts_match(session, f.search), before=before, limit=limit)
    ids = [r[0] for r in rows]
    names = _cadre_names(session, ids)
    acts = _activities(session, ids)
    return [
        VisitRow(
            id=r[0], number=r[1], sort_key=int(r[2]), visit_date=r[3], unit_name=r[4] or "",
            region_name=r[5] or "", method=r[6], cadre_names="、".join(names.get(r[0], [])),
            activities=tuple(acts.get(r[0], [])), students_met=r[7], teachers_met=r[8],
            parents_met=r[9], summary=short(r[10] or r[11] or ""), reported_to_branch=r[12],
        )
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class VisitCount:
    """A count for the table's status line: exact, or "about n" when exactness would cost
    reading every one of too many matching rows (see ``visit_count_estimate``)."""

    n: int
    exact: bool


# Confirming a search match reads its row: about 1.2 µs each on the 2-core machine, so up to
# this many candidates are confirmed one by one within the search target (100 ms).
CONFIRM_LIMIT = 20_000
# Beyond it, the newest this-many candidates are confirmed and the ratio applied to the rest.
SAMPLE = 4_000


def visit_count_estimate(session: Session, filters: VisitFilter | None = None, *,
                         confirm_limit: int = CONFIRM_LIMIT) -> VisitCount:
    """Like ``visit_count``, but a search with more than *confirm_limit* index matches is
    counted as "about n": the index's match count times the share of its newest matches
    that pass the confirmation and the other filters.

    The exact count of a common term (食 in 216,000 of 800,000 visits) reads every matching
    row, 250-600 ms; the index alone answers in 6-30 ms. Without a search the count is exact.
    """
    f = filters or VisitFilter()
    match = fts_match(session, f.search)
    if match is None:
        return VisitCount(visit_count(session, f), True)
    candidates = fts_count(session, "visit_fts", match)
    if candidates <= confirm_limit:
        return VisitCount(visit_count(session, f), True)
    conds = _conditions(f, dialect_name(session), paging=True)
    sample = min(SAMPLE, candidates)
    passed = int(session.execute(
        select(func.count()).select_from(Visit).where(
            and_(*conds, Visit.sort_key.in_(  # type: ignore[attr-defined]
                fts_newest_subquery("visit_fts", match, sample))))
    ).scalar() or 0)
    return VisitCount(round(candidates * passed / sample), False)


# A region with more visits than this is counted by reading the whole table in order: the
# unit index would cost one random row read per visit, slower than the sequential scan once a
# region holds more than a few percent of the table (912 ms against 540 ms for a region with
# 272,000 of 800,000 visits); below it the index wins (a few ms).
REGION_SCAN_FROM = 20_000


def visit_count(session: Session, filters: VisitFilter | None = None) -> int:
    f = filters or VisitFilter()
    dialect = dialect_name(session)
    match = fts_match(session, f.search)
    if match is not None:
        # The search index's candidates drive the count, one row read each; the other filters
        # are only tested on those rows (as a page does), so the planner never starts from a
        # region's or a method's 300,000 visits to intersect them with the matches.
        conds = _conditions(f, dialect, paging=True)
        return count_rows(
            session,
            lambda extra: select(func.count()).select_from(Visit).where(and_(*conds, *extra)),
            Visit.sort_key, fts_table="visit_fts", match=match)
    conds = _conditions(replace(f, region_id=None), dialect, paging=False)
    if f.region_id is not None:
        if replace(f, region_id=None) == VisitFilter():
            # The region alone: counted from the index of live visits by unit
            # (ix_visit_live_unit) without reading a row.
            conds.append(Visit.unit_id.in_(  # type: ignore[attr-defined]
                select(Unit.id).where(Unit.region_id == f.region_id)))  # type: ignore[arg-type,call-overload]
        else:
            conds.append(_in_region(session, f.region_id, dialect))
    return int(session.execute(
        select(func.count()).select_from(Visit).where(and_(*conds))).scalar() or 0)


def _in_region(session: Session, region_id: uuid.UUID, dialect: str) -> ColumnElement[bool]:
    units = select(Unit.id).where(Unit.region_id == region_id)  # type: ignore[arg-type,call-overload]
    if dialect != "sqlite":
        return Visit.unit_id.in_(units)  # type: ignore[attr-defined]
    # How many live visits the region has: read from the index of live visits by unit alone
    # (ix_visit_live_unit, no rows), so it costs milliseconds even for a large region.
    indexed = session.execute(select(func.count()).select_from(Visit).where(
        Visit.deleted_at.is_(None),  # type: ignore[union-attr]
        Visit.unit_id.in_(units))).scalar() or 0  # type: ignore[attr-defined]
    if indexed <= REGION_SCAN_FROM:
        return Visit.unit_id.in_(units)  # type: ignore[attr-defined]
    # `unit_id || ''` hides the unit index, so SQLite scans the table in order and tests
    # each visit's unit against the region's few hundred unit ids held in memory.
    return (type_coerce(Visit.unit_id, String()) + "").in_(units)


def _by_visit(session: Session, col: Any) -> tuple[Any, Callable[[uuid.UUID], Any]]:
    """The visit id column to select and filter on, and how a page's id is keyed in it.

    On SQLite the ids are compared and returned as their stored 32-digit hex text: a page's
    two detail queries otherwise bind 400 and build some 500 UUID objects, a quarter of a
    page's time; elsewhere the column stays a UUID.
    """
    if dialect_name(session) == "sqlite":
        return type_coerce(col, String()), lambda v: v.hex
    return col, lambda v: v


def _cadre_names(session: Session, visit_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not visit_ids:
        return out
    col, key = _by_visit(session, VisitCadre.visit_id)
    by_key = {key(v): v for v in visit_ids}
    rows = session.execute(
        select(col, Cadre.name)
        .join(Cadre, Cadre.id == VisitCadre.cadre_id)  # type: ignore[arg-type]
        .where(col.in_(list(by_key)))
        .order_by(Cadre.name)
    )
    for vid, name in rows:
        out[by_key[vid]].append(name)
    return out


def _activities(session: Session, visit_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not visit_ids:
        return out
    col, key = _by_visit(session, VisitActivity.visit_id)
    by_key = {key(v): v for v in visit_ids}
    rows = session.execute(
        select(col, VisitActivity.activity).where(col.in_(list(by_key)))
    )
    for vid, act in rows:
        out[by_key[vid]].append(act)
    for acts in out.values():
        acts.sort(key=lambda a: _ACTIVITY_ORDER.get(a, len(_ACTIVITY_ORDER)))
    return out
