"""Statistics for charts and reports: problem counts and the three rates, visit counts.

One function per subject with a ``by=`` dimension instead of a copy per grouping. Everything is
aggregated in SQL. Tombstoned rows never count, and neither do merged problems (合并): they are
counted through the problem they were merged into.

The three rates of any group:
- response rate (响应率): problems that got a task / all problems;
- resolution rate (解决率): problems closed out / all problems;
- satisfaction rate (满意率): 满意 + 基本满意 evaluations / all evaluations, over the evaluations
  of the tasks serving the group's problems (each evaluation counted once per group).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    exists,
    extract,
    func,
    literal,
    select,
)
from sqlmodel import Session

from db.campaign import campaign_phases, current_campaign
from db.models import (
    Campaign,
    Evaluation,
    Phase,
    Problem,
    Region,
    Task,
    TaskProblem,
    Unit,
    Visit,
)
from db.vocab import METHODS, PHASES, Vocabulary
from db.vocab_extra import vocabulary

PROBLEM_DIMENSIONS = ("total", "region", "unit", "category", "area", "source_channel", "month",
                      "phase")
VISIT_DIMENSIONS = ("month", "method", "region", "unit")
NOT_SET = "未填写"
OUTSIDE_PHASES = "活动阶段外"
WATCHED_TASK_STATUSES = ("open", "done")


@dataclass(frozen=True, slots=True)
class StatsFilter:
    """Optional narrowing of the statistics; dates are problem report dates / visit dates."""

    date_from: date | None = None
    date_to: date | None = None
    region_id: uuid.UUID | None = None
    unit_id: uuid.UUID | None = None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class ProblemStats:
    """One group's counts. ``key`` is the code, id (as text), "YYYY-MM", or None (not set)."""

    key: str | None
    label: str
    total: int = 0
    with_task: int = 0
    resolved: int = 0  # an effect recorded (已见效) or closed out
    closed: int = 0  # 已销号
    overdue: int = 0  # not closed, served by an unfinished task past its deadline
    strongly_reported: int = 0
    satisfied: int = 0
    basic: int = 0
    unsatisfied: int = 0

    @property
    def rated(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied

    @property
    def response_rate(self) -> float | None:
        return _rate(self.with_task, self.total)

    @property
    def resolution_rate(self) -> float | None:
        return _rate(self.closed, self.total)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied + self.basic, self.rated)


@dataclass(frozen=True, slots=True)
class VisitStats:
    keys: tuple[str | None, ...]  # one per dimension of ``by``
    labels: tuple[str, ...]
    visits: int
    students_met: int
    teachers_met: int
    parents_met: int


# ---- problems ------------------------------------------------------------------------------

def _problem_region() -> ColumnElement[Any]:
    return func.coalesce(Problem.region_id, Unit.region_id)


def _month_cols(col: Any) -> list[ColumnElement[Any]]:
    return [cast(extract("year", col), Integer).label("y"),
            cast(extract("month", col), Integer).label("m")]


def _problem_keys(by: str) -> list[ColumnElement[Any]]:
    if by == "total":
        return [literal("all").label("k")]
    if by == "region":
        return [_problem_region().label("k")]
    if by == "unit":
        return [Problem.unit_id.label("k")]  # type: ignore[attr-defined]
    if by in ("category", "area", "source_channel"):
        return [getattr(Problem, by).label("k")]
    if by == "month":
        return _month_cols(Problem.reported_on)
    if by == "phase":
        return [Phase.code.label("k")]  # type: ignore[attr-defined]
    raise ValueError(f"unknown dimension {by!r}; use one of {PROBLEM_DIMENSIONS}")


def _problem_from(q: Select[Any], by: str, f: StatsFilter, campaign: Campaign | None
                  ) -> Select[Any]:
    q = q.select_from(Problem).outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
    if by == "phase":
        on = and_(Phase.deleted_at.is_(None),  # type: ignore[union-attr]
                  Phase.campaign_id == (campaign.id if campaign else None),
                  Problem.reported_on >= Phase.starts_on,  # type: ignore[operator]
                  Problem.reported_on <= Phase.ends_on)  # type: ignore[operator]
        q = q.outerjoin(Phase, on)
    conds: list[ColumnElement[bool]] = [
        Problem.deleted_at.is_(None),  # type: ignore[union-attr]
        Problem.status != "merged",  # type: ignore[arg-type]
    ]
    if f.date_from is not None:
        conds.append(Problem.reported_on >= f.date_from)  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(Problem.reported_on <= f.date_to)  # type: ignore[arg-type]
    if f.region_id is not None:
        conds.append(_problem_region() == f.region_id)
    if f.unit_id is not None:
        conds.append(Problem.unit_id == f.unit_id)  # type: ignore[arg-type]
    return q.where(*conds)


def _has_task() -> ColumnElement[bool]:
    return exists().where(TaskProblem.problem_id == Problem.id, Task.id == TaskProblem.task_id,
                          Task.deleted_at.is_(None))  # type: ignore[union-attr]


def _overdue(today: date) -> ColumnElement[bool]:
    late_task = exists().where(
        TaskProblem.problem_id == Problem.id, Task.id == TaskProblem.task_id,
        Task.deleted_at.is_(None),  # type: ignore[union-attr]
        Task.status.in_(WATCHED_TASK_STATUSES),  # type: ignore[attr-defined]
        Task.deadline < today,  # type: ignore[arg-type]
    )
    return and_(Problem.status != "closed", late_task)  # type: ignore[arg-type]


def _count_if(cond: ColumnElement[bool]) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _key_of(by: str, row: Sequence[Any]) -> str | None:
    if by == "month":
        y, m = row[0], row[1]
        return None if y is None else f"{int(y):04d}-{int(m):02d}"
    k = row[0]
    return None if k is None else str(k)


def problem_stats(session: Session, by: str = "total", filters: StatsFilter | None = None, *,
                  today: date | None = None, campaign: Campaign | None = None
                  ) -> list[ProblemStats]:
    """Problem counts and rates grouped by *by* (one of PROBLEM_DIMENSIONS).

    Regions, categories, areas, source channels and phases are all listed, with zeros where
    nothing was reported, so charts compare like with like; units and months only where there
    are problems. ``phase`` groups by the phases of *campaign* (default: the current one).
    """
    f = filters or StatsFilter()
    today = today or date.today()
    if by == "phase" and campaign is None:
        campaign = current_campaign(session)
    keys = _problem_keys(by)
    agg = select(
        *keys,
        func.count(),
        _count_if(_has_task()),
        _count_if(Problem.status.in_(("resolved", "closed"))),  # type: ignore[attr-defined]
        _count_if(Problem.status == "closed"),  # type: ignore[arg-type]
        _count_if(_overdue(today)),
        _count_if(Problem.strongly_reported.is_(True)),  # type: ignore[attr-defined]
    )
    agg = _problem_from(agg, by, f, campaign).group_by(*keys)
    n = len(keys)
    counts: dict[str | None, list[int]] = {}
    for row in session.execute(agg):
        counts[_key_of(by, row)] = [int(v) for v in row[n:]]

    rq = select(*keys, Evaluation.rating, func.count(func.distinct(Evaluation.id)))
    rq = (_problem_from(rq, by, f, campaign)
          .join(TaskProblem, TaskProblem.problem_id == Problem.id)  # type: ignore[arg-type]
          .join(Task, and_(Task.id == TaskProblem.task_id,
                           Task.deleted_at.is_(None)))  # type: ignore[union-attr]
          .join(Evaluation, and_(Evaluation.task_id == Task.id,
                                 Evaluation.deleted_at.is_(None)))  # type: ignore[union-attr]
          .group_by(*keys, Evaluation.rating))
    ratings: dict[str | None, dict[str, int]] = {}
    for row in session.execute(rq):
        ratings.setdefault(_key_of(by, row), {})[row[n]] = int(row[n + 1])

    order = _problem_groups(session, by, campaign, set(counts) | set(ratings))
    out = []
    for key, label in order:
        c = counts.get(key, [0] * 6)
        r = ratings.get(key, {})
        out.append(ProblemStats(key, label, *c, satisfied=r.get("satisfied", 0),
                                basic=r.get("basic", 0), unsatisfied=r.get("unsatisfied", 0)))
    return out


def problem_totals(session: Session, filters: StatsFilter | None = None, *,
                   today: date | None = None) -> ProblemStats:
    """The counts and rates of all problems (within the filters)."""
    return problem_stats(session, "total", filters, today=today)[0]


def _vocab_groups(vocab: Vocabulary, found: set[str | None]) -> list[tuple[str | None, str]]:
    groups: list[tuple[str | None, str]] = [(code, vocab.label(code)) for code in vocab.codes()]
    extra = sorted(k for k in found if k is not None and k not in vocab)
    groups += [(k, k) for k in extra]  # a code no vocabulary knows (e.g. from a newer version)
    if None in found:
        groups.append((None, NOT_SET))
    return groups


def _named_groups(session: Session, model: Any, order: Sequence[Any], found: set[str | None],
                  *, everything: bool) -> list[tuple[str | None, str]]:
    q = select(model.id, model.name).order_by(*order)
    if not everything:
        ids = [uuid.UUID(k) for k in found if k is not None]
        q = q.where(model.id.in_(ids))
    else:
        q = q.where(model.deleted_at.is_(None))
    groups: list[tuple[str | None, str]] = [(str(i), name) for i, name in session.execute(q)]
    known = {k for k, _ in groups}
    groups += [(k, k) for k in sorted(k for k in found if k is not None and k not in known)]
    if None in found:
        groups.append((None, NOT_SET))
    return groups


def _problem_groups(session: Session, by: str, campaign: Campaign | None,
                    found: set[str | None]) -> list[tuple[str | None, str]]:
    """The groups to report, in display order, with their labels."""
    if by == "total":
        return [("all", "合计")]
    if by == "region":
        return _named_groups(session, Region, [Region.sort_order, Region.name], found,
                             everything=True)
    if by == "unit":
        return _named_groups(session, Unit, [Unit.sort_order, Unit.name], found,
                             everything=False)
    if by in ("category", "area", "source_channel"):
        # With the bureau's additions: an added term is a group with its label, counted or not.
        return _vocab_groups(vocabulary(session, by), found)
    if by == "month":
        groups: list[tuple[str | None, str]] = [(k, k) for k in sorted(k for k in found if k)]
        return groups + ([(None, NOT_SET)] if None in found else [])
    # phase
    codes = [p.code for p in campaign_phases(session, campaign)] if campaign else []
    groups = [(c, PHASES.label(c)) for c in codes]
    groups += [(k, PHASES.label(k)) for k in sorted(k for k in found if k and k not in codes)]
    return groups + ([(None, OUTSIDE_PHASES)] if None in found else [])


# ---- visits --------------------------------------------------------------------------------

def _visit_keys(by: Sequence[str]) -> list[ColumnElement[Any]]:
    cols: list[ColumnElement[Any]] = []
    for i, dim in enumerate(by):
        if dim == "month":
            # Grouped by day in SQL and rolled up into months here: a few hundred groups,
            # and no per-row date formatting (slow on SQLite, spelled differently elsewhere).
            cols.append(Visit.visit_date.label(f"k{i}"))  # type: ignore[attr-defined]
        elif dim == "method":
            cols.append(Visit.method.label(f"k{i}"))  # type: ignore[attr-defined]
        elif dim == "region":
            cols.append(Unit.region_id.label(f"k{i}"))  # type: ignore[attr-defined]
        elif dim == "unit":
            cols.append(Visit.unit_id.label(f"k{i}"))  # type: ignore[attr-defined]
        else:
            raise ValueError(f"unknown dimension {dim!r}; use those of {VISIT_DIMENSIONS}")
    return cols


def visit_stats(session: Session, by: Sequence[str] = ("month", "method"),
                filters: StatsFilter | None = None) -> list[VisitStats]:
    """Visit counts (and people met) grouped by one or more of VISIT_DIMENSIONS.

    Groups with no visits are left out; rows come sorted by the dimensions in display order
    (months ascending, methods and regions in their usual order).
    """
    f = filters or StatsFilter()
    by = tuple(by)
    keys = _visit_keys(by)
    q = select(*keys, func.count(), func.coalesce(func.sum(Visit.students_met), 0),
               func.coalesce(func.sum(Visit.teachers_met), 0),
               func.coalesce(func.sum(Visit.parents_met), 0))
    q = q.select_from(Visit)
    if "region" in by or f.region_id is not None:  # otherwise the join only slows the scan
        q = q.join(Unit, Unit.id == Visit.unit_id)  # type: ignore[arg-type]
    conds: list[ColumnElement[bool]] = [Visit.deleted_at.is_(None)]  # type: ignore[union-attr]
    if f.date_from is not None:
        conds.append(Visit.visit_date >= f.date_from)  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(Visit.visit_date <= f.date_to)  # type: ignore[arg-type]
    if f.region_id is not None:
        conds.append(Unit.region_id == f.region_id)  # type: ignore[arg-type]
    if f.unit_id is not None:
        conds.append(Visit.unit_id == f.unit_id)  # type: ignore[arg-type]
    rows = session.execute(q.where(*conds).group_by(*keys)).all()

    merged: dict[tuple[str | None, ...], list[int]] = {}
    n = len(by)
    for row in rows:
        ks = tuple(
            (None if row[j] is None else f"{row[j].year:04d}-{row[j].month:02d}")
            if dim == "month" else (None if row[j] is None else str(row[j]))
            for j, dim in enumerate(by)
        )
        sums = merged.setdefault(ks, [0, 0, 0, 0])
        for j, v in enumerate(row[n:]):
            sums[j] += int(v)
    parsed = list(merged.items())

    labels: list[dict[str | None, str]] = []
    ranks: list[dict[str | None, int]] = []
    for j, dim in enumerate(by):
        found = {ks[j] for ks, _ in parsed}
        if dim == "month":
            groups = [(k, k or NOT_SET) for k in sorted(found, key=lambda k: k or "")]
        elif dim == "method":
            groups = _vocab_groups(METHODS, found)
        elif dim == "region":
            groups = _named_groups(session, Region, [Region.sort_order, Region.name], found,
                                   everything=False)
        else:
            groups = _named_groups(session, Unit, [Unit.sort_order, Unit.name], found,
                                   everything=False)
        labels.append(dict(groups))
        ranks.append({k: n for n, (k, _) in enumerate(groups)})
    parsed.sort(key=lambda p: tuple(ranks[j][p[0][j]] for j in range(len(by))))
    return [VisitStats(ks, tuple(labels[j][ks[j]] for j in range(len(by))), *vals)
            for ks, vals in parsed]
