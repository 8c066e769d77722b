"""The party group's monthly studies (局党组每月专题研究) of the demo: the three lists frozen on the
last Friday of the campaign's final months, so the monthly report has something to print and
something to compare with.

Written like a clerk would record them (``freeze_lists``, the service's own snapshot), but with
ids and times drawn from the seed, and without an audit entry each: the demo's one audit entry
records the whole generation.

A snapshot is the whole three lists, so its cost grows with the scale (about 0.2 s a study at
scale 1, 2.3 s at scale 10): above scale 2 the demo gets only the latest study, so that
generation stays within its targets (scale 10 about +2 s, scale 100 an estimated +25 s).
"""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlmodel import Session

from db.models import Problem, StudySession
from db.queries.studies import dump_snapshot
from db.services.studies import default_title, freeze_lists
from db.workdays import WorkCalendar

FEW_STUDIES_ABOVE_SCALE = 2  # above it, one study instead of three


def _last_friday(year: int, month: int) -> date:
    d = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - 4) % 7)


def study_days(scale: float, last: date) -> list[date]:
    """The study days: the last Friday of each of the three months up to *last* (the last day
    with data), the latest only above FEW_STUDIES_ABOVE_SCALE."""
    months = [(last.year, last.month)]
    for _ in range(2):
        y, m = months[0]
        months.insert(0, (y - 1, 12) if m == 1 else (y, m - 1))
    days = [min(_last_friday(y, m), last) for y, m in months]
    return days[-1:] if scale > FEW_STUDIES_ABOVE_SCALE else days


NOTES = (
    "各领办领导要对照问题清单逐项过堂，逾期任务由责任单位说明原因，限期办结。",
    "对群众反映强烈的问题实行台账管理、挂图作战，办结一件、销号一件、公示一件。",
    "巩固提升阶段要把解决个性问题与建章立制结合起来，形成长效机制。",
)


def write_studies(session: Session, rng: random.Random, site: str, scale: float) -> int:
    """Store the demo's studies; returns how many."""
    last = session.execute(select(func.max(Problem.reported_on))).scalar()
    if last is None:
        return 0
    cal = WorkCalendar.from_session(session)
    days = study_days(scale, last)
    for i, held_on in enumerate(days):
        made_at = datetime(held_on.year, held_on.month, held_on.day, 8, 30, tzinfo=UTC)
        snapshot = dump_snapshot(freeze_lists(session, held_on, calendar=cal,
                                              made_at=made_at.isoformat()))
        session.add(StudySession(
            id=uuid.UUID(int=rng.getrandbits(128), version=4), held_on=held_on,
            title=default_title(held_on), note=NOTES[i % len(NOTES)], snapshot=snapshot,
            site=site, created_at=made_at, updated_at=made_at))
        session.flush()
    return len(days)
