"""Due soon and overdue tasks, counted in Chinese working days."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from db.engine import Database
from db.models import Setting
from db.queries.deadlines import deadline_counts, deadline_summary, task_deadlines
from tests.db.queries.conftest import World

# Thursday 29 September 2022, just before the National Day holiday.
TODAY = date(2022, 9, 29)


def test_deadlines_around_national_day(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.cadre(s, "局长", "bureau_leader")
        world.task(s, "今天到期", deadline=TODAY, leader="局长")
        world.task(s, "节后第一天", deadline=date(2022, 10, 8))  # Sat, worked: 2 left (30, 8)
        world.task(s, "节后第四天", deadline=date(2022, 10, 11))  # 30, 8, 9, 10, 11: 5 left
        world.task(s, "节后第五天", deadline=date(2022, 10, 12))  # 6 left: not soon
        world.task(s, "昨天到期", deadline=date(2022, 9, 28), status="done")
        world.task(s, "上周到期", deadline=date(2022, 9, 20))
        world.task(s, "已销号", deadline=date(2022, 9, 1), status="closed")
        world.task(s, "已删除", deadline=date(2022, 9, 1), deleted=True)
    with db.session() as s:
        tasks = {t.title: t for t in task_deadlines(s, today=TODAY)}
        summary = deadline_summary(s, today=TODAY)
    assert set(tasks) == {"今天到期", "节后第一天", "节后第四天", "节后第五天", "昨天到期",
                          "上周到期"}
    assert tasks["今天到期"].workdays_left == 0 and tasks["今天到期"].due_soon
    assert tasks["今天到期"].lead_leader == "局长"
    assert tasks["节后第一天"].workdays_left == 2
    assert tasks["节后第四天"].workdays_left == 5 and tasks["节后第四天"].due_soon
    assert tasks["节后第五天"].workdays_left == 6 and not tasks["节后第五天"].due_soon
    assert tasks["昨天到期"].overdue and tasks["昨天到期"].workdays_left == -1
    assert not tasks["昨天到期"].due_soon
    assert tasks["上周到期"].workdays_left == -7  # 21–23 and 26–29 September
    assert "逾期" in tasks["上周到期"].text
    assert [t.title for t in summary.overdue] == ["上周到期", "昨天到期"]
    assert [t.title for t in summary.due_soon] == ["今天到期", "节后第一天", "节后第四天"]
    assert summary.due_this_week == 1  # only today's; Sunday is 2 October
    assert summary.watched == 6
    assert summary.text == "本周到期 1 项 · 即将到期 3 项 · 逾期 2 项"
    with db.session() as s:
        counts = deadline_counts(s, today=TODAY)
    assert (counts.due_this_week, counts.overdue, counts.escalated) == (
        summary.due_this_week, summary.overdue_count, summary.escalated_count) == (1, 2, 0)


def test_due_soon_days_comes_from_settings(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.task(s, "节后第一天", deadline=date(2022, 10, 8))
        row = s.execute(select(Setting).where(Setting.key == "deadline.due_soon_days")
                        ).scalar_one()
        row.value = json.dumps(1)
    with db.session() as s:
        summary = deadline_summary(s, today=TODAY)
    assert summary.due_soon == () and summary.overdue == ()
    assert summary.due_this_week == 0


def test_uncovered_year_uses_the_administrators_holidays(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.task(s, "2031年任务", deadline=date(2031, 10, 3), opened_on=date(2031, 9, 1))
        row = s.execute(select(Setting).where(Setting.key == "calendar.extra_holidays")
                        ).scalar_one()
        row.value = json.dumps(["2031-10-01", "2031-10-02"])
    with db.session() as s:
        (task,) = task_deadlines(s, today=date(2031, 9, 30))
    # Tuesday 30 Sep → Friday 3 Oct: Wednesday and Thursday are the entered holidays.
    assert task.workdays_left == 1 and task.due_soon and not task.overdue
