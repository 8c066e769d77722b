"""Chinese working days: official holidays, swapped working days, and uncovered years."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select

from db.engine import Database
from db.models import Setting
from db.workdays import WorkCalendar, add_workdays, is_workday, workdays_between


def _set(db: Database, key: str, value: object) -> None:
    with db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == key)).scalar_one()
        row.value = json.dumps(value)


def test_national_day_2022_with_swapped_weekend() -> None:
    cal = WorkCalendar()
    # 2022-10-01..07 off; Saturday 8 and Sunday 9 October were worked (调休).
    assert all(not cal.is_workday(date(2022, 10, d)) for d in range(1, 8))
    assert cal.is_workday(date(2022, 10, 8)) and cal.is_workday(date(2022, 10, 9))
    assert cal.is_workday(date(2022, 9, 30))
    # Friday 30 Sep + 1 working day is Saturday 8 Oct, not Monday 3 Oct.
    assert cal.add_workdays(date(2022, 9, 30), 1) == date(2022, 10, 8)
    assert cal.add_workdays(date(2022, 9, 30), 3) == date(2022, 10, 10)
    assert cal.workdays_between(date(2022, 9, 30), date(2022, 10, 10)) == 3
    assert cal.workdays_between(date(2022, 10, 10), date(2022, 9, 30)) == -3
    assert cal.add_workdays(date(2022, 10, 8), -1) == date(2022, 9, 30)


def test_spring_festival_2023() -> None:
    cal = WorkCalendar()
    assert not any(cal.is_workday(date(2023, 1, d)) for d in range(21, 28))
    assert cal.is_workday(date(2023, 1, 28)) and cal.is_workday(date(2023, 1, 29))
    # Friday 20 January + 1 is Saturday 28 January.
    assert cal.add_workdays(date(2023, 1, 20), 1) == date(2023, 1, 28)
    assert cal.workdays_between(date(2023, 1, 20), date(2023, 1, 31)) == 4  # 28, 29, 30, 31


def test_span_across_years_matches_day_by_day_count() -> None:
    cal = WorkCalendar()
    a, b = date(2022, 11, 15), date(2023, 3, 2)
    by_hand = sum(cal.is_workday(a + timedelta(i)) for i in range(1, (b - a).days + 1))
    assert cal.workdays_between(a, b) == by_hand
    assert cal.add_workdays(a, by_hand) <= b
    assert cal.workdays_between(a, a) == 0
    assert cal.add_workdays(a, 0) == a


def test_uncovered_year_uses_weekends_and_settings(db: Database) -> None:
    # 2031-10-01 is a Wednesday; 2031-10-04 a Saturday.
    with db.session() as s:
        assert is_workday(s, date(2031, 10, 1))
        assert not is_workday(s, date(2031, 10, 4))
    _set(db, "calendar.extra_holidays", ["2031-10-01", "2031-10-02", "not a date"])
    _set(db, "calendar.extra_workdays", ["2031-10-04"])
    with db.session() as s:
        assert not is_workday(s, date(2031, 10, 1))
        assert is_workday(s, date(2031, 10, 4))
        # Tuesday 30 Sep + 1 → Friday 3 Oct (1st, 2nd off); + 2 → Saturday 4 Oct (worked).
        assert add_workdays(s, date(2031, 9, 30), 1) == date(2031, 10, 3)
        assert add_workdays(s, date(2031, 9, 30), 2) == date(2031, 10, 4)
        assert workdays_between(s, date(2031, 9, 30), date(2031, 10, 6)) == 3
        cal = WorkCalendar.from_session(s)
    assert is_workday(cal, date(2031, 10, 4))


def test_settings_override_covered_years_too() -> None:
    cal = WorkCalendar(extra_holidays=["2022-06-06"], extra_workdays=["2022-10-03"])
    assert not cal.is_workday(date(2022, 6, 6))
    assert cal.is_workday(date(2022, 10, 3))
