"""The problem list (问题清单) as the UI's lazy table sees it: filtered, searched, paged.

Rows carry no reporter name or phone: those are personal data, read only where needed.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlmodel import Session

from db.models import Cadre, Problem, Region, Task, TaskProblem, Unit
from db.numbering import day_base
from db.queries.paging import (
    any_contains,
    count_rows,
    dialect_name,
    fts_match,
    keyset_rows,
    search_words,
    short,
)


@dataclass(frozen=True, slots=True)
class ProblemFilter:
    """What the problem table is narrowed to; fields combine (AND).

    ``status`` is one vocab.PROBLEM_STATUSES code or a tuple of them.
    """

    status: str | tuple[str, ...] | None = None
    region_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None
    area: str | None = None
    category: str | None = None
    source_channel: str | None = None
    strongly_reported: bool | None = None
    date_from: date | None = None  # reported_on, inclusive
    date_to: date | None = None
    search: str = ""


@dataclass(frozen=True, slots=True)
class ProblemRow:
    id: uuid.UUID
    number: str
    sort_key: int
    reported_on: date
    source_channel: str
    reporter_type: str
    unit_name: str
    region_name: str
    area: str
    category: str
    summary: str  # the description, cut short
    strongly_reported: bool
    status: str
    collected_by: str  # the cadre's name, or ""
    task_numbers: tuple[str, ...]  # the tasks serving it (not tombstoned)


# A problem's region is its own, or else its unit's.
def _region_of_problem() -> ColumnElement[Any]:
    return func.coalesce(Problem.region_id, Unit.region_id)


def _conditions(f: ProblemFilter, dialect: str) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Problem.deleted_at.is_(None)]  # type: ignore[union-attr]
    if isinstance(f.status, str):
        conds.append(Problem.status == f.status)  # type: ignore[arg-type]
    elif f.status:
        conds.append(Problem.status.in_(f.status))  # type: ignore[attr-defined]
    if f.region_id is not None:
        conds.append(_region_of_problem() == f.region_id)
    if f.unit_id is not None:
        conds.append(Problem.unit_id == f.unit_id)  # type: ignore[arg-type]
    if f.area:
        conds.append(Problem.area == f.area)  # type: ignore[arg-type]
    if f.category:
        conds.append(Problem.category == f.category)  # type: ignore[arg-type]
    if f.source_channel:
        conds.append(Problem.source_channel == f.source_channel)  # type: ignore[arg-type]
    if f.strongly_reported is not None:
        conds.append(Problem.strongly_reported.is_(f.strongly_reported))  # type: ignore[attr-defined]
    if f.date_from is not None:  # the key bounds: see db.queries.visits
        conds.append(Problem.reported_on >= f.date_from)  # type: ignore[arg-type]
        conds.append(Problem.sort_key >= day_base(f.date_from))  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(Problem.reported_on <= f.date_to)  # type: ignore[arg-type]
        conds.append(Problem.sort_key < day_base(f.date_to + timedelta(days=1)))  # type: ignore[arg-type]
    for w in search_words(f.search):
        conds.append(any_contains([Problem.number, Problem.description], w, dialect))
    return conds


_COLUMNS = (
    Problem.id, Problem.number, Problem.sort_key, Problem.reported_on, Problem.source_channel,
    Problem.reporter_type, Unit.name, Region.name, Problem.area, Problem.category,
    Problem.description, Problem.strongly_reported, Problem.status, Cadre.name,
)


def problem_page(session: Session, *, filters: ProblemFilter | None = None,
                 before: int | None = None, limit: int = 200) -> list[ProblemRow]:
    """Up to *limit* problems, newest first, with sort_key < *before*."""
    f = filters or ProblemFilter()
    conds = _conditions(f, dialect_name(session))

    def rows_select(extra: list[ColumnElement[bool]]) -> Select[Any]:
        return (select(*_COLUMNS)
                .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
                .outerjoin(Region, Region.id == _region_of_problem())  # type: ignore[arg-type]
                .outerjoin(Cadre, Cadre.id == Problem.collected_by_id)  # type: ignore[arg-type]
                .where(and_(*conds, *extra))
                .order_by(Problem.sort_key.desc()))  # type: ignore[attr-defined]

    rows = keyset_rows(session, rows_select, Problem.sort_key, fts_table="problem_fts",
                       match=fts_match(session, f.search), before=before, limit=limit)
    tasks = _task_numbers(session, [r[0] for r in rows])
    return [
        ProblemRow(
            id=r[0], number=r[1], sort_key=int(r[2]), reported_on=r[3], source_channel=r[4],
            reporter_type=r[5], unit_name=r[6] or "", region_name=r[7] or "", area=r[8],
            category=r[9], summary=short(r[10] or ""), strongly_reported=bool(r[11]),
            status=r[12], collected_by=r[13] or "", task_numbers=tuple(tasks.get(r[0], [])),
        )
        for r in rows
    ]


def problem_count(session: Session, filters: ProblemFilter | None = None) -> int:
    f = filters or ProblemFilter()
    conds = _conditions(f, dialect_name(session))

    def count_select(extra: list[ColumnElement[bool]]) -> Select[Any]:
        q = select(func.count()).select_from(Problem)
        if f.region_id is not None:
            q = q.outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
        return q.where(and_(*conds, *extra))

    return count_rows(session, count_select, Problem.sort_key, fts_table="problem_fts",
                      match=fts_match(session, f.search))


def _task_numbers(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    if not ids:
        return out
    rows = session.execute(
        select(TaskProblem.problem_id, Task.number)
        .join(Task, Task.id == TaskProblem.task_id)  # type: ignore[arg-type]
        .where(TaskProblem.problem_id.in_(ids),  # type: ignore[attr-defined]
               Task.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Task.number)
    )
    for pid, number in rows:
        out[pid].append(number)
    return out
