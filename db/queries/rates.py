"""The three rates (三率) of any region, unit, lead leader and period.

- response rate (响应率): problems that got a task within the set time — the campaign setting
  ``rates.response_workdays``, counted in working days (db.workdays) from the report to the
  opening of the first task — over all problems;
- resolution rate (解决率): problems closed out (已销号) over all problems;
- satisfaction rate (满意率): 满意 + 基本满意 evaluations over all evaluations of the tasks
  serving those problems (each evaluation counted once).

"All problems" are the live problems reported in the period, merged duplicates left out (they
count through the problem they were merged into), as in db.queries.stats — whose resolution and
satisfaction rates these equal for the same region, unit and period. A lead leader or a
responsible unit narrows the problems to those served by that leader's (unit's) tasks, and the
evaluations to those tasks.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select
from sqlmodel import Session

from db.campaign import get_setting
from db.models import Evaluation, Problem, Task, TaskProblem, Unit
from db.workdays import WorkCalendar

DEFAULT_RESPONSE_WORKDAYS = 5
SATISFIED = ("satisfied", "basic")


@dataclass(frozen=True, slots=True)
class RateFilter:
    """Which problems the rates are of; every field narrows (AND). Dates are report dates."""

    region_id: uuid.UUID | None = None  # the problem's region (or its unit's)
    unit_id: uuid.UUID | None = None  # the unit the problem concerns
    lead_leader_id: uuid.UUID | None = None  # served by a task this cadre leads (领办)
    responsible_unit_id: uuid.UUID | None = None  # served by a task of this responsible unit
    date_from: date | None = None
    date_to: date | None = None


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class ThreeRates:
    problems: int  # the denominator of the first two rates
    responded: int  # a task opened within response_workdays working days of the report
    with_task: int  # a task opened at all
    closed: int  # closed out
    rated: int  # evaluations
    satisfied: int  # 满意 + 基本满意 among them
    response_workdays: int  # the set time used

    @property
    def response_rate(self) -> float | None:
        return _rate(self.responded, self.problems)

    @property
    def resolution_rate(self) -> float | None:
        return _rate(self.closed, self.problems)

    @property
    def satisfaction_rate(self) -> float | None:
        return _rate(self.satisfied, self.rated)


def percent(rate: float | None) -> str:
    """"87.5%", or "—" when there is nothing to divide by."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def response_workdays(session: Session) -> int:
    value = get_setting(session, "rates.response_workdays")
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    return DEFAULT_RESPONSE_WORKDAYS


def _task_conds(f: RateFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Task.deleted_at.is_(None)]  # type: ignore[union-attr]
    if f.lead_leader_id is not None:
        conds.append(Task.lead_leader_id == f.lead_leader_id)  # type: ignore[arg-type]
    if f.responsible_unit_id is not None:
        conds.append(Task.responsible_unit_id == f.responsible_unit_id)  # type: ignore[arg-type]
    return conds


def _problem_conds(f: RateFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [
        Problem.deleted_at.is_(None),  # type: ignore[union-attr]
        Problem.status != "merged",  # type: ignore[arg-type]
    ]
    if f.date_from is not None:
        conds.append(Problem.reported_on >= f.date_from)  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(Problem.reported_on <= f.date_to)  # type: ignore[arg-type]
    if f.region_id is not None:
        conds.append(func.coalesce(Problem.region_id, Unit.region_id) == f.region_id)
    if f.unit_id is not None:
        conds.append(Problem.unit_id == f.unit_id)  # type: ignore[arg-type]
    if f.lead_leader_id is not None or f.responsible_unit_id is not None:
        conds.append(exists().where(TaskProblem.problem_id == Problem.id,
                                    Task.id == TaskProblem.task_id, *_task_conds(f)))
    return conds


def three_rates(session: Session, filters: RateFilter | None = None, *,
                calendar: WorkCalendar | None = None) -> ThreeRates:
    """The three rates of the problems *filters* selects."""
    f = filters or RateFilter()
    cal = calendar or WorkCalendar.from_session(session)
    within = response_workdays(session)
    first_task = (select(TaskProblem.problem_id.label("pid"),  # type: ignore[attr-defined]
                         func.min(Task.opened_on).label("opened"))
                  .join(Task, Task.id == TaskProblem.task_id)  # type: ignore[arg-type]
                  .where(*_task_conds(f))
                  .group_by(TaskProblem.problem_id).subquery())
    # Grouped by (report day, first task day): a few thousand pairs at most, so the working
    # days are counted per pair, not per problem.
    rows = session.execute(
        select(Problem.reported_on, first_task.c.opened, func.count(),
               func.coalesce(func.sum(case((Problem.status == "closed", 1), else_=0)), 0))
        .select_from(Problem)
        .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
        .outerjoin(first_task, first_task.c.pid == Problem.id)
        .where(*_problem_conds(f))
        .group_by(Problem.reported_on, first_task.c.opened)).all()
    problems = with_task = responded = closed = 0
    for reported_on, opened, n, n_closed in rows:
        problems += int(n)
        closed += int(n_closed)
        if opened is not None:
            with_task += int(n)
            # A task opened before the report was typed in (a back-dated report) is on time.
            if cal.workdays_between(reported_on, opened) <= within:
                responded += int(n)
    rated, satisfied = _ratings(session, f)
    return ThreeRates(problems=problems, responded=responded, with_task=with_task,
                      closed=closed, rated=rated, satisfied=satisfied,
                      response_workdays=within)


def _ratings(session: Session, f: RateFilter) -> tuple[int, int]:
    problem_ids = (select(Problem.id).select_from(Problem)
                   .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
                   .where(*_problem_conds(f)))
    tasks = (select(TaskProblem.task_id)
             .join(Task, Task.id == TaskProblem.task_id)  # type: ignore[arg-type]
             .where(TaskProblem.problem_id.in_(problem_ids), *_task_conds(f)))  # type: ignore[attr-defined]
    q: Any = (select(Evaluation.rating, func.count())
              .where(Evaluation.deleted_at.is_(None),  # type: ignore[union-attr]
                     Evaluation.task_id.in_(tasks))  # type: ignore[attr-defined]
              .group_by(Evaluation.rating))
    counts = {rating: int(n) for rating, n in session.execute(q)}
    return sum(counts.values()), sum(counts.get(r, 0) for r in SATISFIED)


def leader_rates(session: Session, leader_id: uuid.UUID, *, date_from: date | None = None,
                 date_to: date | None = None) -> ThreeRates:
    """The rates of the problems a cadre leads the tasks for (a leader's detail)."""
    return three_rates(session, RateFilter(lead_leader_id=leader_id, date_from=date_from,
                                           date_to=date_to))


__all__ = ["RateFilter", "ThreeRates", "leader_rates", "percent", "response_workdays",
           "three_rates"]

