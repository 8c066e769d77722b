"""Task deadlines in working days: what is due soon, what is overdue (for the status bar too).

A task is watched until it is closed out (status open or done). "Working days left" is counted
with the Chinese calendar (db.workdays): from *today* to the deadline, 0 on the day itself.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlmodel import Session

from db.campaign import get_setting
from db.models import Cadre, Task, Unit
from db.workdays import WorkCalendar

WATCHED_STATUSES = ("open", "done")


@dataclass(frozen=True, slots=True)
class TaskDeadline:
    id: uuid.UUID
    number: str
    title: str
    status: str  # vocab.TASK_STATUSES
    deadline: date
    responsible_unit: str
    lead_leader: str
    workdays_left: int  # negative when overdue: working days since the deadline
    overdue: bool  # deadline < today
    due_soon: bool  # not overdue, and at most due_soon_days working days left

    @property
    def text(self) -> str:
        """One line for a tooltip or report, in Chinese."""
        if self.overdue:
            return f"已逾期 {-self.workdays_left} 个工作日（期限 {self.deadline.isoformat()}）"
        if self.workdays_left == 0:
            return f"今天到期（{self.deadline.isoformat()}）"
        return f"剩余 {self.workdays_left} 个工作日（期限 {self.deadline.isoformat()}）"


@dataclass(frozen=True, slots=True)
class DeadlineSummary:
    """Counts for the status bar, and the two lists behind them (each sorted by deadline)."""

    today: date
    watched: int  # tasks not yet closed out
    due_this_week: int  # deadline between today and this Sunday
    due_soon: tuple[TaskDeadline, ...]
    overdue: tuple[TaskDeadline, ...]

    @property
    def overdue_count(self) -> int:
        return len(self.overdue)

    @property
    def due_soon_count(self) -> int:
        return len(self.due_soon)

    @property
    def text(self) -> str:
        return f"本周到期 {self.due_this_week} 项 · 即将到期 {len(self.due_soon)} 项 · " \
               f"逾期 {len(self.overdue)} 项"


def task_deadlines(session: Session, *, today: date | None = None,
                   calendar: WorkCalendar | None = None) -> list[TaskDeadline]:
    """Every task not closed out, with its working days left, sorted by deadline."""
    today = today or date.today()
    cal = calendar or WorkCalendar.from_session(session)
    soon = int(get_setting(session, "deadline.due_soon_days") or 0)
    rows = session.execute(
        select(Task.id, Task.number, Task.title, Task.status, Task.deadline, Unit.name,
               Cadre.name)
        .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
        .outerjoin(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
        .where(Task.deleted_at.is_(None),  # type: ignore[union-attr]
               Task.status.in_(WATCHED_STATUSES))  # type: ignore[attr-defined]
        .order_by(Task.deadline, Task.number)
    )
    out = []
    for tid, number, title, status, deadline, unit_name, leader in rows:
        left = cal.workdays_between(today, deadline)
        overdue = deadline < today
        out.append(TaskDeadline(tid, number, title, status, deadline, unit_name or "",
                                leader or "", left, overdue, not overdue and left <= soon))
    return out


def deadline_summary(session: Session, *, today: date | None = None,
                     calendar: WorkCalendar | None = None) -> DeadlineSummary:
    today = today or date.today()
    tasks = task_deadlines(session, today=today, calendar=calendar)
    sunday = today + timedelta(days=6 - today.weekday())
    return DeadlineSummary(
        today=today,
        watched=len(tasks),
        due_this_week=sum(today <= t.deadline <= sunday for t in tasks),
        due_soon=tuple(t for t in tasks if t.due_soon),
        overdue=tuple(t for t in tasks if t.overdue),
    )
