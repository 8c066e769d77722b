"""催办通知: a notice to the responsible unit and the lead leader of an overdue task, one per page
(one task, or every task overdue today).

Overdue is measured today, in working days (db.queries.deadlines), since a notice is sent now.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from db.engine import Database
from db.errors import NotFoundError, RuleError
from db.models import Problem, Task, TaskProblem
from db.queries.deadlines import STEP_STAGES, TaskDeadline, task_deadlines
from db.workdays import WorkCalendar
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    cn_date,
    org_name,
    parse_uuid,
    stage_text,
    today,
    write_document,
)
from desktop.reports.layout import FormalDocument

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["chase-notice"].title
REPLY_WORKDAYS = 5  # the unit answers within this many working days


def overdue_tasks(s: Session, task: str | None, on: date) -> list[TaskDeadline]:
    """The task asked for (it must be overdue), or every task overdue on *on*, most overdue
    first."""
    cal = WorkCalendar.from_session(s)
    late = [t for t in task_deadlines(s, today=on, calendar=cal) if t.overdue]
    if task is None or not task.strip():
        if not late:
            raise NotFoundError(f"截至{cn_date(on)}没有逾期未办结的任务，无需催办。")
        return sorted(late, key=lambda t: (t.workdays_left, t.number))
    raw = task.strip()
    wanted = parse_uuid(raw)
    row = s.execute(select(Task.id, Task.number, Task.status, Task.deadline).where(
        Task.deleted_at.is_(None),  # type: ignore[union-attr]
        (Task.id == wanted) if wanted else (Task.number == raw))).first()
    if row is None:
        raise NotFoundError(f"找不到任务“{raw}”。请用 --task 给出任务编号（如 SZ-RW2022-00001）。")
    found = [t for t in late if t.id == row[0]]
    if not found:
        state = "已销号" if row[2] == "closed" else f"期限为{row[3].isoformat()}，尚未逾期"
        raise RuleError(f"任务 {row[1]} {state}，无需催办。"
                        "不带 --task 可为全部逾期任务生成催办通知。")
    return found


def _problems(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    out: dict[uuid.UUID, list[str]] = defaultdict(list)
    for chunk in range(0, len(ids), 500):
        for tid, number in s.execute(
                select(TaskProblem.task_id, Problem.number)
                .join(Problem, Problem.id == TaskProblem.problem_id)  # type: ignore[arg-type]
                .where(TaskProblem.task_id.in_(ids[chunk:chunk + 500]))  # type: ignore[attr-defined]
                .order_by(Problem.number)):
            out[tid].append(number)
    return out


def write(doc: FormalDocument, tasks: list[TaskDeadline], progress_of: dict[uuid.UUID, int],
          problems: dict[uuid.UUID, list[str]], on: date, reply_by: date, org: str) -> None:
    for i, t in enumerate(tasks):
        if i:
            doc.page_break()
        late = -t.workdays_left
        doc.heading1(f"催办通知（{t.number}）")
        to = "、".join(x for x in (t.responsible_unit, f"{t.lead_leader}同志" if t.lead_leader
                                   else "") if x) or "责任单位"
        doc.paragraph(f"{to}：", indent=False)  # 主送机关, flush left
        serving = "、".join(problems.get(t.id, [])) or "无"
        doc.paragraph(
            f"你单位负责办理的任务“{t.title}”（任务编号{t.number}，对应问题{serving}），"
            f"办理期限为{cn_date(t.deadline)}。截至{cn_date(on)}，该任务已逾期{late}个工作日，"
            f"目前办理进度为{progress_of.get(t.id, 0)}%，尚未销号。")
        if t.stage in STEP_STAGES:  # a step already taken: this notice goes further
            doc.paragraph(f"该任务此前已进入“{stage_text(t.stage)}”程序，至今仍未办结，"
                          "现再次督促办理。")
        doc.paragraph(
            f"请于{cn_date(reply_by)}前办结，并将办理结果、群众评价和佐证材料报送{org}；"
            "确有困难不能按期办结的，请在上述期限内书面说明原因、整改措施和计划完成时间。")
        doc.paragraph("特此通知。")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在查找逾期任务", None)
    on = today()
    with database.session() as s:
        tasks = overdue_tasks(s, params.task_id, on)
        ids = [t.id for t in tasks]
        progress_of = {tid: int(p or 0) for tid, p in s.execute(
            select(Task.id, Task.progress_pct).where(Task.id.in_(ids)))}  # type: ignore[attr-defined]
        problems = _problems(s, ids)
        reply_by = WorkCalendar.from_session(s).add_workdays(on, REPLY_WORKDAYS)
        org = org_name(s)
    progress.check()
    title = TITLE if len(tasks) > 1 else f"关于督促办理{tasks[0].number}号任务的通知"
    doc = FormalDocument(out, title, org, on, subject=TITLE)
    write(doc, tasks, progress_of, problems, on, reply_by, org)
    write_document(doc, out, progress)
