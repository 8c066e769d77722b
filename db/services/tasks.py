"""任务清单 and 效果清单: opening tasks for problems, progress notes, effects and the people's
evaluation. Close-out and reopening are in ``closeout``."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.audit import Actor, snapshot
from db.campaign import get_setting
from db.engine import Database
from db.errors import RuleError
from db.models import Cadre, Effect, Evaluation, Problem, Task, TaskProblem, TaskProgress, Unit
from db.numbering import next_number
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    refuse_if_closed,
    site_code,
    today,
    touch,
)
from db.services.permissions import require
from db.services.problems import served_by_live_task
from db.vocab import FOLLOWUP_METHODS, PROBLEM_STATUSES, RATINGS, REPORTER_TYPES, RESOLUTION_MODES
from db.workdays import add_workdays


@dataclass(frozen=True)
class TaskInput:
    problem_ids: tuple[uuid.UUID, ...]
    title: str
    resolution_mode: str  # vocab.RESOLUTION_MODES
    measures: str = ""
    responsible_unit_id: uuid.UUID | None = None
    responsible_person: str = ""
    lead_leader_id: uuid.UUID | None = None  # 领办领导, a cadre
    is_livelihood_project: bool = False  # 民生实事项目
    opened_on: date | None = None  # None: today
    deadline: date | None = None  # None: opened_on + the mode's default working days


@dataclass(frozen=True)
class TaskChanges:
    """The editable fields of an open task (its problems and opening date are fixed)."""

    title: str
    resolution_mode: str
    deadline: date | None
    measures: str = ""
    responsible_unit_id: uuid.UUID | None = None
    responsible_person: str = ""
    lead_leader_id: uuid.UUID | None = None
    is_livelihood_project: bool = False


@dataclass(frozen=True)
class ProgressInput:
    percent: int
    note: str = ""  # required when the percentage goes down
    noted_on: date | None = None  # None: today


@dataclass(frozen=True)
class EffectInput:
    completed_on: date | None
    result: str
    evidence_note: str = ""


@dataclass(frozen=True)
class EvaluationInput:
    rating: str  # vocab.RATINGS
    asked_count: int = 1
    respondent: str = ""  # who was asked: personal data, never published
    respondent_type: str = "public"  # vocab.REPORTER_TYPES
    method: str = "phone"  # vocab.FOLLOWUP_METHODS
    evaluated_on: date | None = None  # None: today
    note: str = ""


# -- shared helpers ------------------------------------------------------------------------


def default_deadline(s: Session, opened_on: date, mode: str) -> date:
    """opened_on + the mode's default number of working days (setting "deadline.<mode>")."""
    days = get_setting(s, f"deadline.{mode}")
    return add_workdays(s, opened_on, int(days if days is not None else 20))


def task_problems(s: Session, task_id: uuid.UUID) -> list[Problem]:
    return list(s.execute(
        select(Problem).join(TaskProblem, TaskProblem.problem_id == Problem.id)  # type: ignore[arg-type]
        .where(TaskProblem.task_id == task_id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.sort_key)  # type: ignore[arg-type]
    ).scalars())


def task_units(s: Session, task: Task) -> list[uuid.UUID | None]:
    """The units a task belongs to for permissions: its responsible unit, else its problems'."""
    if task.responsible_unit_id is not None:
        return [task.responsible_unit_id]
    return [p.unit_id for p in task_problems(s, task.id)] or [None]


def set_problem_status(s: Session, actor: Actor, problems: list[Problem], status: str,
                       why: str, *, action: str = "update", closed_on: date | None = None,
                       only_from: frozenset[str] | None = None) -> None:
    """Move the task's problems along with it, one audit entry per problem that changes."""
    for p in problems:
        if only_from is not None and p.status not in only_from:
            continue
        if p.status == status and p.closed_on == closed_on:
            continue
        before = snapshot(p)
        p.status, p.closed_on = status, closed_on
        touch(p)
        audit_change(s, actor, p, before,
                     f"问题 {p.number} {PROBLEM_STATUSES.label(status)}（{why}）", action=action)


def latest_evaluation(s: Session, task_id: uuid.UUID) -> Evaluation | None:
    return s.execute(
        select(Evaluation).where(Evaluation.task_id == task_id,
                                 Evaluation.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.created_at.desc())  # type: ignore[attr-defined]
    ).scalars().first()


def task_effect(s: Session, task_id: uuid.UUID) -> Effect | None:
    return s.execute(select(Effect).where(Effect.task_id == task_id,
                                          Effect.deleted_at.is_(None))  # type: ignore[union-attr]
                     ).scalars().first()


def _check_task_fields(s: Session, e: Errors, *, title: str, resolution_mode: str,
                       measures: str, responsible_unit_id: uuid.UUID | None,
                       responsible_person: str, lead_leader_id: uuid.UUID | None) -> str:
    text = e.text("title", title, "任务名称", max_len=200)
    e.code("resolution_mode", resolution_mode, RESOLUTION_MODES)
    e.text("measures", measures, "整改措施", max_len=5000, required=False)
    if responsible_unit_id is not None and find_live(s, Unit, responsible_unit_id) is None:
        e.add("responsible_unit_id", "所选责任单位不存在，请重新选择责任单位")
    e.text("responsible_person", responsible_person, "责任人", max_len=50, required=False)
    if lead_leader_id is not None:
        leader = find_live(s, Cadre, lead_leader_id)
        if leader is None:
            e.add("lead_leader_id", "所选领办领导不在干部名单中，请重新选择领办领导")
        elif not leader.active:
            e.add("lead_leader_id", f"“{leader.name}”已停用，不能担任领办领导，请重新选择")
    return text


# -- opening and editing tasks -------------------------------------------------------------


def _validate_open(s: Session, data: TaskInput) -> tuple[str, list[Problem], date]:
    e = Errors()
    title = _check_task_fields(
        s, e, title=data.title, resolution_mode=data.resolution_mode, measures=data.measures,
        responsible_unit_id=data.responsible_unit_id,
        responsible_person=data.responsible_person, lead_leader_id=data.lead_leader_id)
    problems: list[Problem] = []
    if not data.problem_ids:
        e.add("problem_ids", "请至少选择一条要办理的问题")
    elif len(set(data.problem_ids)) != len(data.problem_ids):
        e.add("problem_ids", "所选问题有重复，请去掉重复的问题")
    else:
        for problem_id in data.problem_ids:
            p = find_live(s, Problem, problem_id)
            if p is None:
                e.add("problem_ids", "所选问题中有已删除或不存在的问题，请刷新问题清单后重新选择")
                break
            if p.status == "closed":
                e.add("problem_ids", f"问题 {p.number} 已销号，不能再立项。"
                                     "如需继续办理，请先由领导“重新打开”原任务")
                break
            if p.status == "merged":
                e.add("problem_ids", f"问题 {p.number} 已合并到其他问题，请为合并后的问题立项")
                break
            task = served_by_live_task(s, p.id)
            if task is not None:
                e.add("problem_ids", f"问题 {p.number} 已由任务 {task.number} 办理，不能重复立项")
                break
            problems.append(p)
    opened_on = data.opened_on or today()
    e.day("opened_on", opened_on, "立项日期")
    latest_report = max((p.reported_on for p in problems), default=None)
    if latest_report is not None and not e.has("opened_on") and \
            not e.has("problem_ids") and opened_on < latest_report:
        e.add("opened_on", f"立项日期不能早于问题的反映日期（{latest_report.isoformat()}）")
    if data.deadline is not None:
        e.day("deadline", data.deadline, "办结时限", not_future=False)
        if not e.has("deadline") and not e.has("opened_on") and data.deadline < opened_on:
            e.add("deadline", "办结时限不能早于立项日期")
    e.raise_if_any()
    return title, problems, opened_on


def open_task(db: Database, actor: Actor, data: TaskInput) -> Task:
    """A task for one or more problems; the problems go to "in progress"."""
    with db.transaction() as s:
        title, problems, opened_on = _validate_open(s, data)
        require(actor, "task.open",
                unit_ids=[p.unit_id for p in problems]
                + ([data.responsible_unit_id] if data.responsible_unit_id else []))
        site = site_code(s)
        deadline = data.deadline or default_deadline(s, opened_on, data.resolution_mode)
        number = next_number(s, site, "task", opened_on.year)
        task = Task(number=number, title=title, measures=data.measures.strip(),
                    responsible_unit_id=data.responsible_unit_id,
                    responsible_person=data.responsible_person.strip(),
                    lead_leader_id=data.lead_leader_id,
                    is_livelihood_project=data.is_livelihood_project,
                    resolution_mode=data.resolution_mode, opened_on=opened_on,
                    deadline=deadline, status="open", site=site)
        s.add(task)
        s.flush()
        for p in problems:
            s.add(TaskProblem(task_id=task.id, problem_id=p.id))
        audit_create(s, actor, task, f"立项任务 {number}：{title}",
                     extra={"problem_ids": [str(p.id) for p in problems]})
        set_problem_status(s, actor, problems, "in_progress", f"立项任务 {number}")
        return task


def update_task(db: Database, actor: Actor, task_id: uuid.UUID, data: TaskChanges,
                expected_version: int) -> Task:
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        e = Errors()
        title = _check_task_fields(
            s, e, title=data.title, resolution_mode=data.resolution_mode,
            measures=data.measures, responsible_unit_id=data.responsible_unit_id,
            responsible_person=data.responsible_person, lead_leader_id=data.lead_leader_id)
        e.day("deadline", data.deadline, "办结时限", not_future=False)
        if data.deadline is not None and not e.has("deadline") and \
                data.deadline < task.opened_on:
            e.add("deadline", f"办结时限不能早于立项日期（{task.opened_on.isoformat()}）")
        elif data.deadline is not None and not e.has("deadline") and \
                data.deadline > task.deadline:
            # A later deadline is an extension: it needs a reason and a leader's approval.
            e.add("deadline", f"办结时限不能在修改任务时推后（现为 {task.deadline.isoformat()}）。"
                              "如需延期，请使用“延期”，写明原因并由领导审批")
        e.raise_if_any()
        units = task_units(s, task)
        if data.responsible_unit_id is not None:
            units.append(data.responsible_unit_id)
        require(actor, "task.edit", unit_ids=units)
        refuse_if_closed(task.status, "任务")
        check_version(task, expected_version, "任务")
        before = snapshot(task)
        task.title, task.resolution_mode = title, data.resolution_mode
        task.deadline = data.deadline  # type: ignore[assignment]
        task.measures, task.responsible_unit_id = data.measures.strip(), data.responsible_unit_id
        task.responsible_person = data.responsible_person.strip()
        task.lead_leader_id = data.lead_leader_id
        task.is_livelihood_project = data.is_livelihood_project
        touch(task)
        audit_change(s, actor, task, before, f"修改任务 {task.number}")
        return task


# -- progress, effect, evaluation ----------------------------------------------------------


def add_progress(db: Database, actor: Actor, task_id: uuid.UUID,
                 data: ProgressInput) -> TaskProgress:
    """A progress note; the task's percentage becomes the latest note's."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        e = Errors()
        noted_on = data.noted_on or today()
        e.day("noted_on", noted_on, "进展日期")
        if not e.has("noted_on") and noted_on < task.opened_on:
            e.add("noted_on", f"进展日期不能早于任务立项日期（{task.opened_on.isoformat()}）")
        e.count("percent", data.percent, "完成进度")
        if not e.has("percent") and data.percent > 100:
            e.add("percent", "完成进度不能超过 100%")
        note = e.text("note", data.note, "进展情况", max_len=5000, required=False)
        if not e.has("percent") and data.percent < task.progress_pct and not note:
            e.add("note", f"完成进度低于当前的 {task.progress_pct}%，请在进展情况中说明原因")
        e.raise_if_any()
        require(actor, "task.progress", unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        progress = TaskProgress(task_id=task.id, noted_on=noted_on, note=note,
                                percent=data.percent, author=actor.name[:50],
                                site=site_code(s))
        s.add(progress)
        audit_create(s, actor, progress, f"任务 {task.number} 进展 {data.percent}%")
        latest = s.execute(
            select(TaskProgress.percent).where(TaskProgress.task_id == task.id,
                                               TaskProgress.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(TaskProgress.noted_on.desc(), TaskProgress.created_at.desc())  # type: ignore[attr-defined]
        ).scalars().first()
        if latest is not None and latest != task.progress_pct:
            before = snapshot(task)
            task.progress_pct = latest
            touch(task)
            audit_change(s, actor, task, before, f"任务 {task.number} 完成进度 {latest}%")
        return progress


def record_effect(db: Database, actor: Actor, task_id: uuid.UUID, data: EffectInput,
                  expected_version: int | None = None) -> Effect:
    """The effect of a task (one per task: a second call updates it). The task becomes
    "done" and its problems "resolved"; *expected_version* guards an update of the effect."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        e = Errors()
        e.day("completed_on", data.completed_on, "完成日期")
        if data.completed_on is not None and not e.has("completed_on") and \
                data.completed_on < task.opened_on:
            e.add("completed_on", f"完成日期不能早于任务立项日期（{task.opened_on.isoformat()}）")
        result = e.text("result", data.result, "办理成效", max_len=5000)
        evidence = e.text("evidence_note", data.evidence_note, "佐证材料说明", max_len=500,
                          required=False)
        e.raise_if_any()
        require(actor, "effect.record", unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        effect = task_effect(s, task.id)
        if effect is None:
            effect = Effect(task_id=task.id, completed_on=data.completed_on,  # type: ignore[arg-type]
                            result=result, evidence_note=evidence, site=site_code(s))
            s.add(effect)
            audit_create(s, actor, effect, f"登记任务 {task.number} 的效果")
        else:
            if expected_version is not None:
                check_version(effect, expected_version, "效果")
            before = snapshot(effect)
            effect.completed_on = data.completed_on  # type: ignore[assignment]
            effect.result, effect.evidence_note = result, evidence
            touch(effect)
            audit_change(s, actor, effect, before, f"修改任务 {task.number} 的效果")
        if task.status != "done":
            before = snapshot(task)
            task.status = "done"
            touch(task)
            audit_change(s, actor, task, before, f"任务 {task.number} 已完成，待销号")
        set_problem_status(s, actor, task_problems(s, task.id), "resolved",
                           f"任务 {task.number} 已见效", only_from=frozenset({"in_progress"}))
        return effect


def record_evaluation(db: Database, actor: Actor, task_id: uuid.UUID,
                      data: EvaluationInput) -> Evaluation:
    """The people's evaluation of a task's effect. “不满意” on a done task sends it back to
    work (the effect stays on record; a new effect and evaluation are needed)."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        effect = task_effect(s, task.id)
        e = Errors()
        evaluated_on = data.evaluated_on or today()
        e.day("evaluated_on", evaluated_on, "回访日期")
        if effect is not None and not e.has("evaluated_on") and \
                evaluated_on < effect.completed_on:
            e.add("evaluated_on",
                  f"回访日期不能早于效果的完成日期（{effect.completed_on.isoformat()}）")
        e.code("rating", data.rating, RATINGS)
        e.count("asked_count", data.asked_count, "回访人数", minimum=1)
        respondent = e.text("respondent", data.respondent, "回访对象", max_len=100,
                            required=False)
        e.code("respondent_type", data.respondent_type, REPORTER_TYPES)
        e.code("method", data.method, FOLLOWUP_METHODS)
        note = e.text("note", data.note, "评价意见", max_len=500, required=False)
        e.raise_if_any()
        require(actor, "evaluation.record", unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        if effect is None:
            raise RuleError(f"任务 {task.number} 还没有登记效果，请先登记效果，再请群众评价。")
        evaluation = Evaluation(task_id=task.id, evaluated_on=evaluated_on,
                                respondent=respondent, respondent_type=data.respondent_type,
                                method=data.method, rating=data.rating,
                                asked_count=data.asked_count, note=note, site=site_code(s))
        s.add(evaluation)
        audit_create(s, actor, evaluation,
                     f"任务 {task.number} 群众评价：{RATINGS.label(data.rating)}")
        if data.rating == "unsatisfied" and task.status == "done":
            before = snapshot(task)
            task.status = "open"
            touch(task)
            audit_change(s, actor, task, before, f"任务 {task.number} 群众不满意，退回办理")
            set_problem_status(s, actor, task_problems(s, task.id), "in_progress",
                               f"任务 {task.number} 群众不满意，退回办理",
                               only_from=frozenset({"resolved"}))
        return evaluation
