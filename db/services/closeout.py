"""销号: closing a task out (and the problems it served), and reopening it.

A task is closed out only with an effect, a later evaluation that is not “不满意”, and a named
approver, by a leader (or an administrator). Closed items stay on record, read-only.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from db.audit import Actor, snapshot
from db.engine import Database
from db.errors import RuleError
from db.models import Evaluation, Task
from db.services._common import Errors, audit_change, check_version, get_live, today, touch
from db.services.permissions import require
from db.services.tasks import latest_evaluation, set_problem_status, task_effect, task_problems

REOPEN_REASON_MIN = 4


def close_out(db: Database, actor: Actor, task_id: uuid.UUID, approver: str,
              closed_on: date | None = None, *, expected_version: int | None = None,
              approver_user_id: uuid.UUID | None = None) -> Task:
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        require(actor, "close_out", unit_ids=[task.responsible_unit_id])
        if expected_version is not None:
            check_version(task, expected_version, "任务")
        if task.status == "closed":
            raise RuleError(f"任务 {task.number} 已于 {task.closed_on} 销号，无需重复销号。")
        effect = task_effect(s, task.id)
        if effect is None:
            raise RuleError(f"任务 {task.number} 还没有登记效果，不能销号。请先登记效果。")
        evaluated_after = s.execute(
            select(Evaluation.id).where(
                Evaluation.task_id == task.id, Evaluation.deleted_at.is_(None),  # type: ignore[union-attr]
                Evaluation.evaluated_on >= effect.completed_on)).first()
        if evaluated_after is None:
            raise RuleError(
                f"任务 {task.number} 在效果完成（{effect.completed_on.isoformat()}）之后"
                "还没有群众评价，不能销号。请先回访群众并登记评价。")
        latest = latest_evaluation(s, task.id)
        if latest is not None and latest.rating == "unsatisfied":
            raise RuleError(
                f"任务 {task.number} 最近一次群众评价为“不满意”，不能销号。"
                "请继续整改，重新登记效果并回访群众。")
        approver = (approver or "").strip()
        if not approver:
            raise RuleError("销号必须写明审批人，请填写审批人姓名。")
        e = Errors()
        closed_on = closed_on or today()
        e.day("closed_on", closed_on, "销号日期")
        if not e.has("closed_on") and closed_on < effect.completed_on:
            e.add("closed_on",
                  f"销号日期不能早于效果的完成日期（{effect.completed_on.isoformat()}）")
        if len(approver) > 50:
            e.add("approver", "审批人最多 50 个字，请只填写姓名")
        e.raise_if_any()
        before = snapshot(task)
        task.status, task.closed_on = "closed", closed_on
        task.approved_by, task.approved_by_user_id = approver, approver_user_id
        touch(task)
        audit_change(s, actor, task, before, f"任务 {task.number} 销号，审批人 {approver}",
                     action="close_out")
        set_problem_status(s, actor, task_problems(s, task.id), "closed",
                           f"任务 {task.number} 销号", action="close_out", closed_on=closed_on,
                           only_from=frozenset({"open", "in_progress", "resolved"}))
        return task


def reopen(db: Database, actor: Actor, task_id: uuid.UUID, reason: str, *,
           expected_version: int | None = None) -> Task:
    """Put a closed (or done) task back to work, with its problems; the reason is recorded."""
    with db.transaction() as s:
        task = get_live(s, Task, task_id, "任务")
        reason = (reason or "").strip()
        e = Errors()
        if len(reason) < REOPEN_REASON_MIN:
            e.add("reason", f"请填写重新打开的原因（至少 {REOPEN_REASON_MIN} 个字）")
        elif len(reason) > 400:
            e.add("reason", "重新打开的原因最多 400 个字，请精简")
        e.raise_if_any()
        require(actor, "reopen", unit_ids=[task.responsible_unit_id])
        if expected_version is not None:
            check_version(task, expected_version, "任务")
        if task.status == "open":
            raise RuleError(f"任务 {task.number} 正在办理中，无需重新打开。")
        before = snapshot(task)
        task.status, task.closed_on = "open", None
        task.approved_by, task.approved_by_user_id = "", None
        touch(task)
        audit_change(s, actor, task, before, f"重新打开任务 {task.number}，原因：{reason}",
                     action="reopen")
        set_problem_status(s, actor, task_problems(s, task.id), "in_progress",
                           f"任务 {task.number} 重新打开，原因：{reason}", action="reopen",
                           only_from=frozenset({"closed", "resolved"}))
        return task
