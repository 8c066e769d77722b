"""Chinese working days (工作日): deadlines and "days left" count these, not calendar days.

The ``chinese_calendar`` package knows the State Council's official holidays and the swapped
working days (调休, e.g. Saturday 2022-10-08 after National Day) for the years it covers. For
other years a day is a working day unless it is a weekend, and the administrator enters that
year's holidays and swapped days in the settings ``calendar.extra_holidays`` and
``calendar.extra_workdays`` (lists of ISO dates). Those two lists win in every year, covered or
not: an administrator who typed a date meant it (a local closure, a late government change).

A ``WorkCalendar`` reads the settings once; build one per screen or report and pass it around,
so loops over thousands of tasks do not touch the database.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from typing import Any

import chinese_calendar
from sqlmodel import Session

from db.campaign import get_setting


def _dates(values: Any) -> frozenset[date]:
    """The valid ISO dates in a setting's list; anything else is skipped, not fatal."""
    found: set[date] = set()
    if not isinstance(values, list | tuple):
        return frozenset()
    for value in values:
        try:
            found.add(date.fromisoformat(str(value).strip()))
        except ValueError:
            continue
    return frozenset(found)


class WorkCalendar:
    """Which days are working days, with answers cached per year."""

    def __init__(self, extra_holidays: Any = (), extra_workdays: Any = ()) -> None:
        self.extra_holidays = _dates(list(extra_holidays))
        self.extra_workdays = _dates(list(extra_workdays))
        # year → cumulative working days: _cum[y][i] = working days among the first i days.
        self._cum: dict[int, list[int]] = {}
        # (a, b) → answer: a screen asks about thousands of tasks from the same today, whose
        # deadlines fall on a few hundred days.
        self._between: dict[tuple[date, date], int] = {}

    @classmethod
    def from_session(cls, session: Session) -> WorkCalendar:
        return cls(get_setting(session, "calendar.extra_holidays") or [],
                   get_setting(session, "calendar.extra_workdays") or [])

    def is_workday(self, d: date) -> bool:
        if d in self.extra_workdays:
            return True
        if d in self.extra_holidays:
            return False
        try:
            return bool(chinese_calendar.is_workday(d))
        except NotImplementedError:  # a year the package does not cover
            return d.weekday() < 5

    def _year(self, year: int) -> list[int]:
        cum = self._cum.get(year)
        if cum is None:
            first = date(year, 1, 1)
            days = (date(year + 1, 1, 1) - first).days
            flags = (self.is_workday(first + timedelta(i)) for i in range(days))
            cum = [0, *itertools.accumulate(int(f) for f in flags)]
            self._cum[year] = cum
        return cum

    def _upto(self, d: date, base_year: int) -> int:
        """Working days from base_year-01-01 through *d* inclusive (d.year ≥ base_year)."""
        total = sum(self._year(y)[-1] for y in range(base_year, d.year))
        return total + self._year(d.year)[d.timetuple().tm_yday]

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in (a, b] when b ≥ a; minus those in (b, a] when b < a."""
        known = self._between.get((a, b))
        if known is not None:
            return known
        if b < a:
            answer = -self.workdays_between(b, a)
        else:
            answer = self._upto(b, a.year) - self._upto(a, a.year)
        self._between[(a, b)] = answer
        return answer

    def add_workdays(self, start: date, n: int) -> date:
        """The day *n* working days after *start* (before it when n < 0); n = 0 gives start."""
        step = timedelta(days=1 if n >= 0 else -1)
        d = start
        left = abs(n)
        while left:
            d += step
            if self.is_workday(d):
                left -= 1
        return d


def calendar_of(session_or_calendar: Session | WorkCalendar) -> WorkCalendar:
    if isinstance(session_or_calendar, WorkCalendar):
        return session_or_calendar
    return WorkCalendar.from_session(session_or_calendar)


def is_workday(session_or_calendar: Session | WorkCalendar, d: date) -> bool:
    return calendar_of(session_or_calendar).is_workday(d)


def add_workdays(session_or_calendar: Session | WorkCalendar, start: date, n: int) -> date:
    return calendar_of(session_or_calendar).add_workdays(start, n)


def workdays_between(session_or_calendar: Session | WorkCalendar, a: date, b: date) -> int:
    return calendar_of(session_or_calendar).workdays_between(a, b)


__all__ = ["WorkCalendar", "add_workdays", "calendar_of", "is_workday", "workdays_between"]
