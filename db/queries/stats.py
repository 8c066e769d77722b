"""Statistics for charts and reports: problem counts and the three rates, visit counts.

One function per subject with a ``by=`` dimension instead of a copy per grouping. Visits are
aggregated in SQL; problems are counted from plain scans of problems, tasks and evaluations,
joined by id here (``_task_facts``: quicker than SQLite probing the tasks of every problem at
random). Tombstoned rows never count, and neither do merged problems (合并): they are
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
    String,
    and_,
    case,
    cast,
    exists,
    extract,
    func,
    literal,
    select,
    type_coerce,
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
from db.vocab_extra import EXTENSIBLE, vocabulary

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
    # The English label where the group has one of its own (a term the bureau added with an
    # English name); "" where ``label`` serves both languages or the caller translates ``key``.
    label_en: str = ""

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


def _key_of(by: str, row: Sequence[Any]) -> str | None:
    if by == "month":
        y, m = row[0], row[1]
        return None if y is None else f"{int(y):04d}-{int(m):02d}"
    k = row[0]
    return None if k is None else str(k)


def _raw_keys(by: str) -> list[ColumnElement[Any]]:
    """The group keys as stored: ids as their text, not a UUID object made for every row."""
    if by == "region":
        return [type_coerce(_problem_region(), String).label("k")]
    if by == "unit":
        return [type_coerce(Problem.unit_id, String).label("k")]
    return _problem_keys(by)


def _task_facts(session: Session, today: date
                ) -> tuple[dict[str, list[str]], dict[str, int], dict[str, list[tuple[str, str]]]]:
    """Each problem's live tasks, whether each live task is late, and each live task's live
    evaluations (rating, id) — all keyed by the ids as stored.

    Read as three plain scans and joined here: SQLite probing the tasks of each of 200,000
    problems through the indexes reads pages at random and costs more (scale 100)."""
    def raw(col: Any) -> ColumnElement[Any]:
        return type_coerce(col, String)

    conn = session.connection()  # Core rows: no ORM processing of 500,000 plain tuples
    late: dict[str, int] = dict(iter(conn.execute(
        select(raw(Task.id), and_(Task.status.in_(WATCHED_TASK_STATUSES),  # type: ignore[attr-defined]
                                  Task.deadline < today))  # type: ignore[arg-type]
        .where(Task.deleted_at.is_(None)))))  # type: ignore[union-attr]
    tasks_of: dict[str, list[str]] = {}
    for pid, tid in conn.execute(select(raw(TaskProblem.problem_id), raw(TaskProblem.task_id))):
        if tid in late:
            found = tasks_of.get(pid)
            if found is None:
                tasks_of[pid] = [tid]
            else:
                found.append(tid)
    evaluations: dict[str, list[tuple[str, str]]] = {}
    for tid, rating, eid in conn.execute(
            select(raw(Evaluation.task_id), Evaluation.rating, raw(Evaluation.id))
            .where(Evaluation.deleted_at.is_(None))):  # type: ignore[union-attr]
        if tid in late:  # a tombstoned task's evaluations never count
            evaluations.setdefault(tid, []).append((rating, eid))
    return tasks_of, late, evaluations


def _few(session: Session, f: StatsFilter) -> bool:
    """Whether the problems within *f* are under a third of all: then SQLite probing just their
    tasks through the indexes is quicker than reading every task (a region at scale 100)."""
    if f == StatsFilter():
        return False
    among = _problem_from(select(Problem.id), "total", f, None).subquery()
    chosen = session.execute(select(func.count()).select_from(among)).scalar_one()
    every = session.execute(select(func.count()).select_from(Problem)).scalar_one()
    return chosen * 3 < every


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


def _counted_in_sql(session: Session, by: str, f: StatsFilter, campaign: Campaign | None,
                    today: date) -> tuple[dict[str | None, list[int]],
                                          dict[str | None, dict[str, int]]]:
    """The counts and ratings of the few problems within *f*, aggregated in SQL."""
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
    return counts, ratings


def _group_key(by: str, raw: Any) -> str | None:
    if by in ("region", "unit"):  # SQLite gives the stored hex, PostgreSQL a UUID
        return None if raw is None else str(raw if isinstance(raw, uuid.UUID) else uuid.UUID(raw))
    return _key_of(by, raw if by == "month" else (raw,))


def problem_stats(session: Session, by: str = "total", filters: StatsFilter | None = None, *,
                  today: date | None = None, campaign: Campaign | None = None
                  ) -> list[ProblemStats]:
    """Problem counts and rates grouped by *by* (one of PROBLEM_DIMENSIONS).

    Regions, categories, areas, source channels and phases are all listed, with zeros where
    nothing was reported, so charts compare like with like; units and months only where there
    are problems. ``phase`` groups by the phases of *campaign* (default: the current one).
    """
    return problem_stats_by(session, (by,), filters, today=today, campaign=campaign)[0]


def problem_stats_by(session: Session, dimensions: Sequence[str],
                     filters: StatsFilter | None = None, *, today: date | None = None,
                     campaign: Campaign | None = None) -> list[list[ProblemStats]]:
    """``problem_stats`` for each of *dimensions*, reading the tasks and evaluations once."""
    f = filters or StatsFilter()
    today = today or date.today()
    if "phase" in dimensions and campaign is None:
        campaign = current_campaign(session)
    if _few(session, f):
        return [_problem_stats(session, by, campaign,
                               _counted_in_sql(session, by, f, campaign, today))
                for by in dimensions]
    facts = _task_facts(session, today)
    return [_problem_stats(session, by, campaign, counted) for by, counted in zip(
        dimensions, _counted_here(session, dimensions, f, campaign, facts), strict=True)]


Counted = tuple[dict[str | None, list[int]], dict[str | None, dict[str, int]]]


def _counted_here(session: Session, dimensions: Sequence[str], f: StatsFilter,
                  campaign: Campaign | None,
                  facts: tuple[dict[str, list[str]], dict[str, int],
                               dict[str, list[tuple[str, str]]]]
                  ) -> list[Counted]:
    """The counts and ratings of the problems within *f* for each of *dimensions*, from one
    scan of the problems and the task facts (a phase joins the phases: a scan of its own)."""
    keys = [[k.label(f"k{i}_{j}") for j, k in enumerate(_raw_keys(by))]
            for i, by in enumerate(dimensions)]
    slots: list[tuple[int, int]] = []  # each dimension's first column and width in a row
    at = 1
    for ks in keys:
        slots.append((at, len(ks)))
        at += len(ks)
    by = "phase" if "phase" in dimensions else "total"
    if by == "phase" and len(dimensions) > 1:  # the phase join would repeat rows for others
        return [_counted_here(session, (d,), f, campaign, facts)[0] for d in dimensions]
    q = _problem_from(select(type_coerce(Problem.id, String), *(k for ks in keys for k in ks),
                             Problem.status, Problem.strongly_reported), by, f, campaign)
    tasks_of, late, evaluations = facts
    found: list[dict[Any, list[int]]] = [{} for _ in dimensions]
    rated: list[dict[Any, dict[str, set[str]]]] = [{} for _ in dimensions]
    for row in session.connection().execute(q):
        pid, status, strongly = row[0], row[at], row[at + 1]
        tids = tasks_of.get(pid)
        served = bool(tids)  # by a live task
        late_open = served and status != "closed" and any(late[t] for t in tids)
        resolved, closed = status in ("resolved", "closed"), status == "closed"
        rated_here = [(rating, eid) for t in tids for rating, eid in evaluations.get(t, ())] \
            if tids else ()
        for (start, width), counts, ratings in zip(slots, found, rated, strict=True):
            raw = row[start] if width == 1 else tuple(row[start:start + width])
            c = counts.get(raw)
            if c is None:
                c = counts[raw] = [0] * 6  # total, served, resolved, closed, overdue, strong
            c[0] += 1
            c[1] += served
            c[2] += resolved
            c[3] += closed
            c[4] += late_open
            c[5] += bool(strongly)
            for rating, eid in rated_here:
                ratings.setdefault(raw, {}).setdefault(rating, set()).add(eid)
    return [({_group_key(d, raw): c for raw, c in counts.items()},
             {_group_key(d, raw): {rating: len(ids) for rating, ids in r.items()}
              for raw, r in ratings.items()})
            for d, counts, ratings in zip(dimensions, found, rated, strict=True)]


def _problem_stats(session: Session, by: str, campaign: Campaign | None, counted: Counted
                   ) -> list[ProblemStats]:
    """The groups in display order with their counts and ratings."""
    counts, ratings = counted
    terms = vocabulary(session, by) if by in EXTENSIBLE else None
    order = _problem_groups(session, by, campaign, set(counts) | set(ratings), terms)
    out = []
    for key, label in order:
        c = counts.get(key, [0] * 6)
        r = ratings.get(key, {})
        label_en = terms.label(key, "en") if terms is not None and key in terms else ""
        out.append(ProblemStats(key, label, *c, satisfied=r.get("satisfied", 0),
                                basic=r.get("basic", 0), unsatisfied=r.get("unsatisfied", 0),
                                label_en=label_en))
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
                    found: set[str | None], terms: Vocabulary | None = None
                    ) -> list[tuple[str | None, str]]:
    """The groups to report, in display order, with their labels (*terms*: the extensible
    vocabulary of *by* with the bureau's additions, when the caller has read it)."""
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
        return _vocab_groups(terms or vocabulary(session, by), found)
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
