"""延期与督办: extending a task's deadline, and the escalation ladder of a late task.

An extension needs a reason and an approver whose role may approve (leader or administrator,
db.services.permissions): either the signed-in user, or another user account named as the
approver. The ladder runs in order, in working days (db.workdays):
due soon → overdue (both follow from the deadline) → chase notice (催办, once the deadline has
passed) → supervision (督办, a named supervisor, after the chase notice went unanswered for the
set working days) → public criticism (通报, in the monthly study, after the same under
supervision). Each step is a TaskStep row, written once; the task carries its latest stage.
Closed-out tasks are read-only: nothing here touches them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.audit import Actor, snapshot
from db.campaign import get_setting
from db.engine import Database
from db.errors import PermissionDenied, RuleError
from db.models import Cadre, Task, TaskStep, User
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
from db.services.permissions import allowed, require
from db.services.tasks import task_units
from db.vocab import ESCALATION_STAGES, ROLES, TASK_STEP_KINDS
from db.workdays import WorkCalendar

REASON_MIN = 4
REASON_MAX = 500
# The stored stages in ladder order ("" = no step taken yet).
LADDER = ("", "chase", "supervision", "criticism")
# Each stage: the stage it follows and the setting giving the working days to wait after it.
WAIT_SETTING = {
    "supervision": "escalation.supervision_after_workdays",
    "criticism": "escalation.criticism_after_workdays",
}


@dataclass(frozen=True)
class ExtensionInput:
    new_deadline: date | None
    reason: str
    approver_user_id: uuid.UUID | None = None  # None: the signed-in user approves it
    approved_on: date | None = None  # None: today


@dataclass(frozen=True)
class EscalationInput:
    kind: str  # "chase", "supervision" or "criticism" (vocab.TASK_STEP_KINDS)
    taken_on: date | None = None  # None: today
    reason: str = ""  # what the notice says; required for supervision and criticism
    supervisor_id: uuid.UUID | None = None  # supervision: the named supervisor (a cadre)


def approver_users(session: Session) -> list[User]:
    """Active user accounts whose role may approve an extension (for the approver picker)."""
    users = session.execute(
        select(User).where(User.deleted_at.is_(None), User.active.is_(True))  # type: ignore[union-attr, attr-defined]
        .order_by(User.display_name)).scalars().all()
    return [u for u in users if allowed(Actor(u.username, u.role), "approve")]


def _setting_days(s: Session, key: str) -> int:
    value = get_setting(s, key)
    return int(value) if isinstance(value, int) and value >= 0 else 0


def _actor_user_id(s: Session, actor: Actor) -> uuid.UUID | None:
    return s.execute(select(User.id).where(User.username == actor.username,
                                           User.deleted_at.is_(None))  # type: ignore[union-attr]
                     ).scalar()


def _approver(s: Session, e: Errors, actor: Actor, user_id: uuid.UUID | None
              ) -> tuple[str, uuid.UUID | None, str]:
    """(name, user id, role) of the approver, or a field error / refusal."""
    if user_id is None:
        if not allowed(actor, "approve"):
            raise PermissionDenied(
                f"延期须经领导或管理员审批，您的角色（{ROLES.label(actor.role)}）不能自行审批。"
                "请在“审批人”中选择批准延期的领导。")
        return actor.name[:50], _actor_user_id(s, actor), actor.role
    user = find_live(s, User, user_id)
    if user is None or not user.active:
        e.add("approver_user_id", "所选审批人的账号不存在或已停用，请重新选择审批人")
        return "", None, ""
    if not allowed(Actor(user.username, user.role), "approve"):
        e.add("approver_user_id",
              f"“{user.display_name}”的角色是{ROLES.label(user.role)}，不能审批延期。"
              "延期须由领导或管理员审批，请另选审批人")
    return user.display_name[:50], user.id, user.role


def extend_deadline(db: Database, actor: Actor, task_id: uuid.UUID, data: ExtensionInput,
                    expected_version: int | None = None) -> TaskStep:
    """Move the task's deadline later, with the reason and the approver on record."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        e = Errors()
        approved_on = data.approved_on or today()
        e.day("approved_on", approved_on, "审批日期")
        e.day("new_deadline", data.new_deadline, "延期后的办结时限", not_future=False)
        if data.new_deadline is not None and not e.has("new_deadline") and \
                data.new_deadline <= task.deadline:
            e.add("new_deadline", f"延期后的办结时限必须晚于现在的办结时限"
                                  f"（{task.deadline.isoformat()}），请重新选择日期")
        reason = e.text("reason", data.reason, "延期原因", max_len=REASON_MAX,
                        min_len=REASON_MIN)
        require(actor, "task.edit", unit_ids=task_units(s, task))
        name, user_id, role = _approver(s, e, actor, data.approver_user_id)
        e.raise_if_any()
        refuse_if_closed(task.status, "任务")
        if expected_version is not None:
            check_version(task, expected_version, "任务")
        assert data.new_deadline is not None
        cal = WorkCalendar.from_session(s)
        old = task.deadline
        days = cal.workdays_between(old, data.new_deadline)
        step = TaskStep(task_id=task.id, kind="extension", taken_on=approved_on, by_name=name,
                        by_user_id=user_id, by_role=role, reason=reason, old_deadline=old,
                        new_deadline=data.new_deadline, site=site_code(s))
        s.add(step)
        audit_create(s, actor, step, f"任务 {task.number} 延期申请获批，审批人 {name}")
        before = snapshot(task)
        task.deadline = data.new_deadline
        touch(task)
        audit_change(s, actor, task, before,
                     f"任务 {task.number} 办结时限由 {old.isoformat()} 延至 "
                     f"{data.new_deadline.isoformat()}（{days} 个工作日），原因：{reason}；"
                     f"审批人：{name}", action="extend")
        return step


def _last_step(s: Session, task_id: uuid.UUID, kind: str) -> TaskStep | None:
    return s.execute(
        select(TaskStep).where(TaskStep.task_id == task_id, TaskStep.kind == kind,
                               TaskStep.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(TaskStep.taken_on.desc(), TaskStep.created_at.desc())  # type: ignore[attr-defined]
    ).scalars().first()


def earliest_day(s: Session, task: Task, kind: str,
                 calendar: WorkCalendar | None = None) -> date | None:
    """The first day the step *kind* may be taken on *task*, by the ladder's order; None when
    the previous step is missing."""
    cal = calendar or WorkCalendar.from_session(s)
    if kind == "chase":
        return cal.add_workdays(task.deadline, 1)  # the first working day past the deadline
    previous = LADDER[LADDER.index(kind) - 1]
    step = _last_step(s, task.id, previous)
    if step is None:
        return None
    return cal.add_workdays(step.taken_on, max(1, _setting_days(s, WAIT_SETTING[kind])))


def escalate(db: Database, actor: Actor, task_id: uuid.UUID, data: EscalationInput,
             expected_version: int | None = None) -> TaskStep:
    """Take the next step of the ladder on a late task: chase, supervise or criticise."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        kind = data.kind
        if kind not in LADDER[1:]:
            raise ValueError(f"unknown escalation step {kind!r}")
        label = TASK_STEP_KINDS.label(kind)
        e = Errors()
        taken_on = data.taken_on or today()
        e.day("taken_on", taken_on, f"{label}日期")
        reason = e.text("reason", data.reason, f"{label}事由", max_len=REASON_MAX,
                        required=kind != "chase", min_len=REASON_MIN if kind != "chase" else 0)
        supervisor: Cadre | None = None
        if kind == "supervision":
            supervisor = find_live(s, Cadre, data.supervisor_id)
            if data.supervisor_id is None:
                e.add("supervisor_id", "请选择督办人（负责督办的领导）")
            elif supervisor is None:
                e.add("supervisor_id", "所选督办人不在干部名单中，请重新选择")
            elif not supervisor.active:
                e.add("supervisor_id", f"“{supervisor.name}”已停用，不能担任督办人，请重新选择")
        e.raise_if_any()
        # A chase notice is office work (clerks issue it); supervision and public criticism
        # are decisions of a leader.
        require(actor, "task.edit" if kind == "chase" else "approve",
                unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        if expected_version is not None:
            check_version(task, expected_version, "任务")
        _check_order(s, task, kind, taken_on)
        step = TaskStep(task_id=task.id, kind=kind, taken_on=taken_on, by_name=actor.name[:50],
                        by_user_id=_actor_user_id(s, actor), by_role=actor.role, reason=reason,
                        supervisor_id=supervisor.id if supervisor else None,
                        supervisor_name=supervisor.name if supervisor else "",
                        site=site_code(s))
        s.add(step)
        who = f"，督办人 {supervisor.name}" if supervisor else ""
        audit_create(s, actor, step, f"任务 {task.number} {label}{who}")
        before = snapshot(task)
        task.escalation, task.escalated_on = kind, taken_on
        touch(task)
        audit_change(s, actor, task, before,
                     f"任务 {task.number} {ESCALATION_STAGES.label(kind)}（{taken_on.isoformat()}"
                     f"，{actor.name}{who}）", action="escalate")
        return step


def _check_order(s: Session, task: Task, kind: str, taken_on: date) -> None:
    """The ladder's order, in working days; a RuleError saying what comes first."""
    label = TASK_STEP_KINDS.label(kind)
    stage = task.escalation if task.escalation in LADDER else ""
    if LADDER.index(stage) >= LADDER.index(kind):
        raise RuleError(f"任务 {task.number} 当前为“{ESCALATION_STAGES.label(stage)}”，"
                        f"不能再次{label}。")
    if kind == "chase":
        if taken_on <= task.deadline:
            raise RuleError(
                f"任务 {task.number} 的办结时限是 {task.deadline.isoformat()}，到"
                f" {taken_on.isoformat()} 尚未逾期，不能催办。逾期后才能发催办通知。")
        return
    previous = LADDER[LADDER.index(kind) - 1]
    if stage != previous:
        raise RuleError(f"任务 {task.number} 还没有{TASK_STEP_KINDS.label(previous)}，"
                        f"不能直接{label}。请按“催办 → 督办 → 通报”的顺序办理。")
    first = earliest_day(s, task, kind)
    assert first is not None
    if taken_on < first:
        step = _last_step(s, task.id, previous)
        assert step is not None
        days = max(1, _setting_days(s, WAIT_SETTING[kind]))
        raise RuleError(
            f"任务 {task.number} 于 {step.taken_on.isoformat()} {TASK_STEP_KINDS.label(previous)}，"
            f"须满 {days} 个工作日仍未办结才能{label}，最早 {first.isoformat()}。")


def task_steps(session: Session, task_id: uuid.UUID) -> list[TaskStep]:
    """A task's extensions and escalation steps, oldest first."""
    return list(session.execute(
        select(TaskStep).where(TaskStep.task_id == task_id,
                               TaskStep.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(TaskStep.taken_on, TaskStep.created_at)  # type: ignore[arg-type]
    ).scalars())
