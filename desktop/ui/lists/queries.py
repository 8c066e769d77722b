"""Reads the three lists need that db.queries does not offer (yet): task and effect pages
(keyset-paged), counts per status, one problem or task in full for the linked details, the
choices for pickers and filters, and a record's audit history.

Qt-free on purpose, so the lead can move these into db.queries unchanged. Results are frozen
dataclasses, usable after the session is closed.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, tuple_
from sqlalchemy.orm import aliased
from sqlmodel import Session

from db.audit import Actor
from db.models import (
    Attachment,
    AuditEntry,
    Cadre,
    Effect,
    Evaluation,
    Problem,
    Region,
    Task,
    TaskProblem,
    TaskProgress,
    TaskStep,
    Unit,
)
from db.queries.deadlines import STEP_STAGES, WATCHED_STATUSES, ladder_stage, task_deadlines
from db.queries.paging import any_contains, dialect_name, search_words, short
from db.queries.problems import ProblemFilter, problem_count
from db.services.permissions import masked_contacts
from db.vocab import LEADERSHIP_TIERS
from db.vocab_extra import FIXED, Vocabularies, load_vocabularies
from db.workdays import WorkCalendar

# -- filters -------------------------------------------------------------------------------

DUE_ALL, DUE_OVERDUE, DUE_SOON = "", "overdue", "due_soon"
DUE_ESCALATED = "escalated"  # any step taken: chased, supervised or criticised
# What the "due" filter offers, in ladder order: the deadline's two, then the steps taken.
DUE_CHOICES = (DUE_ALL, DUE_SOON, DUE_OVERDUE, *STEP_STAGES, DUE_ESCALATED)


@dataclass(frozen=True, slots=True)
class TaskFilter:
    """What the task and effect tables are narrowed to; fields combine (AND).

    ``due`` is "overdue" or "due_soon" (db.queries.deadlines), a step of the escalation ladder
    ("chase", "supervision", "criticism" as the task's current stage), "escalated" (any step
    taken), or "" for any; only tasks not yet closed out are ever due. The date range is
    the task's opening date on the task list and the completion date on the effect list.
    """

    status: str | None = None  # vocab.TASK_STATUSES
    region_id: uuid.UUID | None = None  # the responsible unit's region
    responsible_unit_id: uuid.UUID | None = None
    resolution_mode: str | None = None
    lead_leader_id: uuid.UUID | None = None
    livelihood_only: bool = False
    due: str = DUE_ALL
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    today: date | None = None  # for "due": None means the real today


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: uuid.UUID
    number: str
    title: str
    status: str  # vocab.TASK_STATUSES
    resolution_mode: str
    responsible_unit: str
    responsible_person: str
    lead_leader: str
    is_livelihood_project: bool
    opened_on: date
    deadline: date
    progress_pct: int
    closed_on: date | None
    problem_numbers: tuple[str, ...]
    stage: str = ""  # vocab.ESCALATION_STAGES, "" on time (as of the filter's today)
    escalation: str = ""  # the step taken, as stored


@dataclass(frozen=True, slots=True)
class EffectRow:
    id: uuid.UUID
    task_id: uuid.UUID
    task_number: str
    task_title: str
    task_status: str  # vocab.TASK_STATUSES: the effect is closed out with its task
    completed_on: date
    result: str  # cut short
    evidence_note: str
    responsible_unit: str
    latest_rating: str  # vocab.RATINGS, "" when nobody was asked yet
    approved_by: str
    closed_on: date | None


def _due_ids(session: Session, due: str, today: date | None) -> list[uuid.UUID]:
    rows = task_deadlines(session, today=today)
    if due == DUE_OVERDUE:
        return [t.id for t in rows if t.overdue]
    return [t.id for t in rows if t.due_soon]


def _task_conditions(session: Session, f: TaskFilter, *, effect_dates: bool,
                     with_status: bool = True) -> list[ColumnElement[bool]]:
    dialect = dialect_name(session)
    conds: list[ColumnElement[bool]] = [Task.deleted_at.is_(None)]  # type: ignore[union-attr]
    if with_status and f.status:
        conds.append(Task.status == f.status)  # type: ignore[arg-type]
    if f.region_id is not None:
        conds.append(Unit.region_id == f.region_id)  # type: ignore[arg-type]
    if f.responsible_unit_id is not None:
        conds.append(Task.responsible_unit_id == f.responsible_unit_id)  # type: ignore[arg-type]
    if f.resolution_mode:
        conds.append(Task.resolution_mode == f.resolution_mode)  # type: ignore[arg-type]
    if f.lead_leader_id is not None:
        conds.append(Task.lead_leader_id == f.lead_leader_id)  # type: ignore[arg-type]
    if f.livelihood_only:
        conds.append(Task.is_livelihood_project.is_(True))  # type: ignore[attr-defined]
    if f.due in (DUE_OVERDUE, DUE_SOON):
        conds.append(Task.id.in_(_due_ids(session, f.due, f.today)))  # type: ignore[attr-defined]
    elif f.due:
        conds.append(Task.status.in_(WATCHED_STATUSES))  # type: ignore[attr-defined]
        if f.due == DUE_ESCALATED:
            conds.append(Task.escalation.in_(STEP_STAGES))  # type: ignore[attr-defined]
        else:
            conds.append(Task.escalation == f.due)  # type: ignore[arg-type]
    day_col: Any = Effect.completed_on if effect_dates else Task.opened_on
    if f.date_from is not None:
        conds.append(day_col >= f.date_from)
    if f.date_to is not None:
        conds.append(day_col <= f.date_to)
    for w in search_words(f.search):
        cols: list[Any] = [Task.number, Task.title, Task.measures, Task.responsible_person]
        if effect_dates:
            cols.append(Effect.result)
        conds.append(any_contains(cols, w, dialect))
    return conds


# -- the task list ---------------------------------------------------------------------------

TaskCursor = tuple[date, str]  # (opened_on, number) of the last row shown


def _task_select(columns: Sequence[Any]) -> Select[Any]:
    leader = aliased(Cadre)
    return (select(*columns)
            .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
            .outerjoin(leader, leader.id == Task.lead_leader_id)  # type: ignore[arg-type]
            .add_columns(leader.name))


def task_page(session: Session, *, filters: TaskFilter | None = None,
              after: TaskCursor | None = None, limit: int = 200) -> list[TaskRow]:
    """Up to *limit* tasks, newest opened first (then by number, descending), after *after*."""
    f = filters or TaskFilter()
    conds = _task_conditions(session, f, effect_dates=False)
    if after is not None:
        conds.append(tuple_(Task.opened_on, Task.number) < tuple_(*after))
    q = (_task_select([Task.id, Task.number, Task.title, Task.status, Task.resolution_mode,
                       Unit.name, Task.responsible_person, Task.is_livelihood_project,
                       Task.opened_on, Task.deadline, Task.progress_pct, Task.closed_on,
                       Task.escalation])
         .where(and_(*conds))
         .order_by(Task.opened_on.desc(), Task.number.desc())  # type: ignore[attr-defined]
         .limit(limit))
    rows = session.execute(q).all()
    problems = _problem_numbers(session, [r[0] for r in rows])
    stage = _stager(session, f.today)
    return [
        TaskRow(id=r[0], number=r[1], title=r[2], status=r[3], resolution_mode=r[4],
                responsible_unit=r[5] or "", responsible_person=r[6] or "",
                lead_leader=r[13] or "", is_livelihood_project=bool(r[7]), opened_on=r[8],
                deadline=r[9], progress_pct=int(r[10] or 0), closed_on=r[11],
                problem_numbers=tuple(problems.get(r[0], [])),
                stage=stage(r[3], r[12] or "", r[9]), escalation=r[12] or "")
        for r in rows
    ]


def _stager(session: Session, today: date | None) -> Any:
    """stage(status, escalation, deadline) with the calendar and settings read once."""
    from db.campaign import get_setting

    day = today or date.today()
    cal = WorkCalendar.from_session(session)
    soon = int(get_setting(session, "deadline.due_soon_days") or 0)

    def stage(status: str, escalation: str, deadline: date) -> str:
        overdue = deadline < day
        due_soon = not overdue and cal.workdays_between(day, deadline) <= soon
        return ladder_stage(status, escalation, overdue, due_soon)

    return stage


def task_count(session: Session, filters: TaskFilter | None = None) -> int:
    f = filters or TaskFilter()
    q = (select(func.count()).select_from(Task)
         .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
         .where(and_(*_task_conditions(session, f, effect_dates=False))))
    return int(session.execute(q).scalar() or 0)


def task_status_counts(session: Session, filters: TaskFilter | None = None) -> dict[str, int]:
    """Tasks per status under every other filter (the status filter itself is ignored)."""
    f = filters or TaskFilter()
    q = (select(Task.status, func.count()).select_from(Task)
         .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
         .where(and_(*_task_conditions(session, f, effect_dates=False, with_status=False)))
         .group_by(Task.status))
    return {status: int(n) for status, n in session.execute(q)}


def problem_status_counts(session: Session, filters: ProblemFilter | None,
                          statuses: Sequence[str]) -> dict[str, int]:
    """Problems per status under every other filter, one db.queries count each."""
    f = filters or ProblemFilter()
    out = {}
    for status in statuses:
        narrowed = ProblemFilter(
            status=status, region_id=f.region_id, unit_id=f.unit_id, area=f.area,
            category=f.category, source_channel=f.source_channel,
            strongly_reported=f.strongly_reported, date_from=f.date_from, date_to=f.date_to,
            search=f.search)
        out[status] = problem_count(session, narrowed)
    return out


def _problem_numbers(session: Session, task_ids: Sequence[uuid.UUID]
                     ) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = {}
    if not task_ids:
        return out
    rows = session.execute(
        select(TaskProblem.task_id, Problem.number)
        .join(Problem, Problem.id == TaskProblem.problem_id)  # type: ignore[arg-type]
        .where(TaskProblem.task_id.in_(task_ids),  # type: ignore[attr-defined]
               Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.number))
    for tid, number in rows:
        out.setdefault(tid, []).append(number)
    return out


# -- the effect list -------------------------------------------------------------------------

EffectCursor = tuple[date, str]  # (completed_on, task number) of the last row shown


def _latest_ratings(session: Session, task_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    out: dict[uuid.UUID, str] = {}
    if not task_ids:
        return out
    rows = session.execute(
        select(Evaluation.task_id, Evaluation.rating)
        .where(Evaluation.task_id.in_(task_ids),  # type: ignore[attr-defined]
               Evaluation.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Evaluation.evaluated_on, Evaluation.created_at))  # type: ignore[arg-type]
    for tid, rating in rows:
        out[tid] = rating  # the last one wins: the latest evaluation
    return out


def _effect_where(session: Session, f: TaskFilter) -> list[ColumnElement[bool]]:
    return [Effect.deleted_at.is_(None),  # type: ignore[union-attr]
            *_task_conditions(session, f, effect_dates=True)]


def effect_page(session: Session, *, filters: TaskFilter | None = None,
                after: EffectCursor | None = None, limit: int = 200) -> list[EffectRow]:
    """Up to *limit* effects, latest completed first (then by task number), after *after*."""
    f = filters or TaskFilter()
    conds = _effect_where(session, f)
    if after is not None:
        conds.append(tuple_(Effect.completed_on, Task.number) < tuple_(*after))
    q = (select(Effect.id, Effect.task_id, Task.number, Task.title, Task.status,
                Effect.completed_on, Effect.result, Effect.evidence_note, Unit.name,
                Task.approved_by, Task.closed_on)
         .join(Task, Task.id == Effect.task_id)  # type: ignore[arg-type]
         .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
         .where(and_(*conds))
         .order_by(Effect.completed_on.desc(), Task.number.desc())  # type: ignore[attr-defined]
         .limit(limit))
    rows = session.execute(q).all()
    ratings = _latest_ratings(session, [r[1] for r in rows])
    return [
        EffectRow(id=r[0], task_id=r[1], task_number=r[2], task_title=r[3], task_status=r[4],
                  completed_on=r[5], result=short(r[6] or ""), evidence_note=r[7] or "",
                  responsible_unit=r[8] or "", latest_rating=ratings.get(r[1], ""),
                  approved_by=r[9] or "", closed_on=r[10])
        for r in rows
    ]


def _effect_count_select(session: Session, conds: list[ColumnElement[bool]]) -> Select[Any]:
    return (select(func.count()).select_from(Effect)
            .join(Task, Task.id == Effect.task_id)  # type: ignore[arg-type]
            .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
            .where(and_(*conds)))


def effect_count(session: Session, filters: TaskFilter | None = None) -> int:
    f = filters or TaskFilter()
    return int(session.execute(_effect_count_select(session, _effect_where(session, f)))
               .scalar() or 0)


def effect_status_counts(session: Session, filters: TaskFilter | None = None) -> dict[str, int]:
    """Effects per task status (done = awaiting close-out, closed, open = sent back)."""
    f = filters or TaskFilter()
    conds = [Effect.deleted_at.is_(None),  # type: ignore[union-attr]
             *_task_conditions(session, f, effect_dates=True, with_status=False)]
    q = _effect_count_select(session, conds).add_columns(Task.status).group_by(Task.status)
    return {status: int(n) for n, status in session.execute(q)}


# -- one problem or task in full -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkedTask:
    id: uuid.UUID
    number: str
    title: str
    status: str
    deadline: date
    progress_pct: int


@dataclass(frozen=True, slots=True)
class LinkedProblem:
    id: uuid.UUID
    number: str
    description: str
    status: str
    strongly_reported: bool


@dataclass(frozen=True, slots=True)
class EffectInfo:
    id: uuid.UUID
    version: int
    completed_on: date
    result: str
    evidence_note: str


@dataclass(frozen=True, slots=True)
class ProgressInfo:
    noted_on: date
    percent: int
    note: str
    author: str


@dataclass(frozen=True, slots=True)
class StepInfo:
    """An extension or escalation step of a task (db.models.TaskStep)."""

    kind: str  # vocab.TASK_STEP_KINDS
    taken_on: date
    by_name: str
    reason: str
    old_deadline: date | None
    new_deadline: date | None
    supervisor_name: str


@dataclass(frozen=True, slots=True)
class EvaluationInfo:
    evaluated_on: date
    rating: str
    method: str
    respondent: str
    respondent_type: str
    asked_count: int
    note: str


@dataclass(frozen=True, slots=True)
class ProblemDetail:
    """One live problem with what the edit form and the linked panel show."""

    id: uuid.UUID
    number: str
    version: int
    status: str
    reported_on: date
    source_channel: str
    reporter_type: str
    reporter_name: str
    reporter_phone: str
    unit_id: uuid.UUID | None
    unit_name: str
    region_id: uuid.UUID | None
    region_name: str
    area: str
    category: str
    description: str
    strongly_reported: bool
    collected_by_id: uuid.UUID | None
    collected_by: str
    merged_into: LinkedProblem | None
    merged_from: tuple[LinkedProblem, ...]
    tasks: tuple[LinkedTask, ...]
    effect: EffectInfo | None  # the effect of its (latest) task
    effect_task_number: str
    vocabs: Vocabularies = FIXED  # to label the bureau's added areas, categories, channels


@dataclass(frozen=True, slots=True)
class TaskDetail:
    id: uuid.UUID
    number: str
    version: int
    status: str
    title: str
    measures: str
    resolution_mode: str
    responsible_unit_id: uuid.UUID | None
    responsible_unit: str
    responsible_person: str
    lead_leader_id: uuid.UUID | None
    lead_leader: str
    is_livelihood_project: bool
    opened_on: date
    deadline: date
    progress_pct: int
    closed_on: date | None
    approved_by: str
    problems: tuple[LinkedProblem, ...]
    progress: tuple[ProgressInfo, ...]  # newest first
    effect: EffectInfo | None
    evaluations: tuple[EvaluationInfo, ...]  # newest first
    escalation: str = ""  # the step taken, as stored
    stage: str = ""  # vocab.ESCALATION_STAGES as of today, "" on time
    steps: tuple[StepInfo, ...] = ()  # extensions and escalation steps, oldest first
    evidence_count: int = 0  # live evidence files of the effect


def _linked_problem(p: Problem) -> LinkedProblem:
    return LinkedProblem(p.id, p.number, p.description, p.status, p.strongly_reported)


def _effect_info(session: Session, task_id: uuid.UUID) -> EffectInfo | None:
    e = session.execute(select(Effect).where(
        Effect.task_id == task_id, Effect.deleted_at.is_(None))).scalars().first()  # type: ignore[union-attr]
    if e is None:
        return None
    return EffectInfo(e.id, e.version, e.completed_on, e.result, e.evidence_note)


def _name(session: Session, model: Any, record_id: uuid.UUID | None) -> str:
    if record_id is None:
        return ""
    record = session.get(model, record_id)
    return record.name if record is not None else ""


def problem_detail(session: Session, problem_id: uuid.UUID,
                   actor: Actor | None = None) -> ProblemDetail | None:
    """*actor* given: the reporter's name and phone masked unless the actor's role needs them
    (db.services.permissions.masked_contacts)."""
    p = session.get(Problem, problem_id)
    if p is None or p.deleted_at is not None:
        return None
    contacts = {"reporter_name": p.reporter_name, "reporter_phone": p.reporter_phone}
    if actor is not None:
        contacts = masked_contacts(actor, p.unit_id, "problem", contacts)
    tasks = session.execute(
        select(Task).join(TaskProblem, TaskProblem.task_id == Task.id)  # type: ignore[arg-type]
        .where(TaskProblem.problem_id == p.id, Task.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Task.opened_on.desc(), Task.number.desc())).scalars().all()  # type: ignore[attr-defined]
    effect = _effect_info(session, tasks[0].id) if tasks else None
    into = session.get(Problem, p.merged_into_id) if p.merged_into_id else None
    merged_from = session.execute(select(Problem).where(
        Problem.merged_into_id == p.id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.number)).scalars().all()
    region_id = p.region_id
    if region_id is None and p.unit_id is not None:
        unit = session.get(Unit, p.unit_id)
        region_id = unit.region_id if unit else None
    return ProblemDetail(
        id=p.id, number=p.number, version=p.version, status=p.status,
        reported_on=p.reported_on, source_channel=p.source_channel,
        reporter_type=p.reporter_type, reporter_name=contacts["reporter_name"],
        reporter_phone=contacts["reporter_phone"], unit_id=p.unit_id,
        unit_name=_name(session, Unit, p.unit_id), region_id=region_id,
        region_name=_name(session, Region, region_id), area=p.area, category=p.category,
        description=p.description, strongly_reported=p.strongly_reported,
        collected_by_id=p.collected_by_id,
        collected_by=_name(session, Cadre, p.collected_by_id),
        merged_into=_linked_problem(into) if into is not None else None,
        merged_from=tuple(_linked_problem(m) for m in merged_from),
        tasks=tuple(LinkedTask(t.id, t.number, t.title, t.status, t.deadline, t.progress_pct)
                    for t in tasks),
        effect=effect, effect_task_number=tasks[0].number if tasks and effect else "",
        vocabs=load_vocabularies(session),
    )


def task_detail(session: Session, task_id: uuid.UUID) -> TaskDetail | None:
    t = session.get(Task, task_id)
    if t is None or t.deleted_at is not None:
        return None
    problems = session.execute(
        select(Problem).join(TaskProblem, TaskProblem.problem_id == Problem.id)  # type: ignore[arg-type]
        .where(TaskProblem.task_id == t.id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.sort_key)).scalars().all()  # type: ignore[arg-type]
    progress = session.execute(select(TaskProgress).where(
        TaskProgress.task_id == t.id, TaskProgress.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(TaskProgress.noted_on.desc(), TaskProgress.created_at.desc())  # type: ignore[attr-defined]
    ).scalars().all()
    evaluations = session.execute(select(Evaluation).where(
        Evaluation.task_id == t.id, Evaluation.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.created_at.desc())  # type: ignore[attr-defined]
    ).scalars().all()
    steps = session.execute(select(TaskStep).where(
        TaskStep.task_id == t.id, TaskStep.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(TaskStep.taken_on, TaskStep.created_at)).scalars().all()  # type: ignore[arg-type]
    effect = _effect_info(session, t.id)
    evidence = 0
    if effect is not None:
        evidence = int(session.execute(select(func.count()).select_from(Attachment).where(
            Attachment.owner_kind == "effect", Attachment.owner_id == effect.id,
            Attachment.deleted_at.is_(None))).scalar() or 0)  # type: ignore[union-attr]
    return TaskDetail(
        id=t.id, number=t.number, version=t.version, status=t.status, title=t.title,
        measures=t.measures, resolution_mode=t.resolution_mode,
        responsible_unit_id=t.responsible_unit_id,
        responsible_unit=_name(session, Unit, t.responsible_unit_id),
        responsible_person=t.responsible_person, lead_leader_id=t.lead_leader_id,
        lead_leader=_name(session, Cadre, t.lead_leader_id),
        is_livelihood_project=t.is_livelihood_project, opened_on=t.opened_on,
        deadline=t.deadline, progress_pct=t.progress_pct, closed_on=t.closed_on,
        approved_by=t.approved_by,
        problems=tuple(_linked_problem(p) for p in problems),
        progress=tuple(ProgressInfo(g.noted_on, g.percent, g.note, g.author) for g in progress),
        effect=effect,
        evaluations=tuple(EvaluationInfo(v.evaluated_on, v.rating, v.method, v.respondent,
                                         v.respondent_type, v.asked_count, v.note)
                          for v in evaluations),
        escalation=t.escalation or "",
        stage=_stager(session, None)(t.status, t.escalation or "", t.deadline),
        steps=tuple(StepInfo(g.kind, g.taken_on, g.by_name, g.reason, g.old_deadline,
                             g.new_deadline, g.supervisor_name) for g in steps),
        evidence_count=evidence,
    )


def problems_brief(session: Session, ids: Sequence[uuid.UUID]) -> list[LinkedProblem]:
    """The named problems (live ones), oldest first: what a new task will serve."""
    if not ids:
        return []
    rows = session.execute(select(Problem).where(
        Problem.id.in_(ids), Problem.deleted_at.is_(None))  # type: ignore[attr-defined, union-attr]
        .order_by(Problem.sort_key)).scalars().all()  # type: ignore[arg-type]
    return [_linked_problem(p) for p in rows]


def find_problem_by_number(session: Session, number: str) -> LinkedProblem | None:
    p = session.execute(select(Problem).where(
        Problem.number == number.strip(), Problem.deleted_at.is_(None))  # type: ignore[union-attr]
    ).scalars().first()
    return _linked_problem(p) if p is not None else None


# -- choices for pickers and filters ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Choice:
    id: uuid.UUID
    name: str
    detail: str = ""  # the region of a unit, the unit of a cadre
    region_id: uuid.UUID | None = None


def region_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(Region.id, Region.name)
                           .where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
                           .order_by(Region.sort_order, Region.name))
    return [Choice(r[0], r[1]) for r in rows]


def unit_choices(session: Session) -> list[Choice]:
    rows = session.execute(
        select(Unit.id, Unit.name, Region.name, Unit.region_id)
        .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
        .where(Unit.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Unit.sort_order, Unit.name))
    return [Choice(r[0], r[1], r[2] or "", r[3]) for r in rows]


def cadre_choices(session: Session, *, leaders_only: bool = False) -> list[Choice]:
    """Active cadres; *leaders_only*: the leadership tiers that lead tasks (领办领导)."""
    conds: list[Any] = [Cadre.deleted_at.is_(None), Cadre.active.is_(True)]  # type: ignore[union-attr, attr-defined]
    if leaders_only:
        conds.append(or_(Cadre.tier.in_(LEADERSHIP_TIERS),  # type: ignore[attr-defined]
                         Cadre.tier == "branch_secretary"))
    rows = session.execute(
        select(Cadre.id, Cadre.name, Unit.name)
        .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
        .where(*conds).order_by(Cadre.name_initials, Cadre.name))
    return [Choice(r[0], r[1], r[2] or "") for r in rows]


# -- history ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    at: datetime
    username: str
    table_name: str
    action: str  # vocab.AUDIT_ACTIONS
    summary: str
    changes: tuple[tuple[str, str, str], ...]  # (field, before, after)
    vocabs: Vocabularies = FIXED  # to label the bureau's added areas, categories, channels


def record_history(session: Session, record_id: uuid.UUID, limit: int = 500
                   ) -> list[HistoryEntry]:
    """The audit entries of one record, newest first, with what changed."""
    rows = session.execute(
        select(AuditEntry).where(AuditEntry.record_id == str(record_id))
        .order_by(AuditEntry.seq.desc()).limit(limit)).scalars().all()  # type: ignore[union-attr]
    vocabs = load_vocabularies(session)
    out = []
    for entry in rows:
        before = json.loads(entry.before) if entry.before else {}
        after = json.loads(entry.after) if entry.after else {}
        skip = {"updated_at", "created_at", "version", "id", "site", "sort_key"}
        changes = tuple(
            (key, _text(before.get(key)), _text(after.get(key)))
            for key in sorted(set(before) | set(after))
            if key not in skip and before.get(key) != after.get(key) and key in before)
        out.append(HistoryEntry(entry.at, entry.username, entry.table_name, entry.action,
                                entry.summary, changes, vocabs))
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    return str(value)
