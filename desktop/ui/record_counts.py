"""The status bar's record counts: visits, problems and tasks not deleted, and the tasks due
this week or overdue (working days, db.queries.deadlines).

Plain COUNT queries. They belong in ``db/queries`` (statistics) once that package has a
home for them; they are here so the window does not wait for it. Imported after the first paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlmodel import Session

from db.models import Problem, Task, Visit


@dataclass(frozen=True)
class RecordCounts:
    visits: int
    problems: int
    tasks: int
    due_this_week: int = 0
    overdue: int = 0
    escalated: int = 0  # not closed, and chased, supervised or criticised


def record_counts(session: Session) -> RecordCounts:
    def count(model: type[Visit] | type[Problem] | type[Task]) -> int:
        query = select(func.count()).select_from(model).where(
            model.deleted_at.is_(None)  # type: ignore[union-attr]
        )
        return int(session.execute(query).scalar_one())

    from db.queries.deadlines import deadline_counts

    deadlines = deadline_counts(session)
    return RecordCounts(visits=count(Visit), problems=count(Problem), tasks=count(Task),
                        due_this_week=deadlines.due_this_week, overdue=deadlines.overdue,
                        escalated=deadlines.escalated)
