"""The visit table's columns: headers, cell texts, widths — shared by the real table
(desktop.ui.visits.table) and the first-rows preview shown before the database is open
(desktop.ui.visits.preview), so both show the same cells. Qt and db.vocab only: no SQLAlchemy.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP

from db.vocab import ACTIVITIES, METHODS
from desktop.ui.table_model import CENTER, Column
from desktop.ui.visits.common import lang

CONTEXT = "VisitTable"  # literal in each QT_TRANSLATE_NOOP below: lupdate reads no variables


class VisitLine(Protocol):
    """What a row of the visit table shows: db.queries.visits.VisitRow, or
    db.queries.first_page.FirstPageRow in the preview."""

    @property
    def number(self) -> str: ...
    @property
    def visit_date(self) -> date: ...
    @property
    def unit_name(self) -> str: ...
    @property
    def region_name(self) -> str: ...
    @property
    def method(self) -> str: ...
    @property
    def cadre_names(self) -> str: ...
    @property
    def activities(self) -> tuple[str, ...]: ...
    @property
    def students_met(self) -> int: ...
    @property
    def teachers_met(self) -> int: ...
    @property
    def parents_met(self) -> int: ...
    @property
    def summary(self) -> str: ...


def _counts(row: VisitLine) -> str:
    return f"{row.students_met}/{row.teachers_met}/{row.parents_met}"


def _activities(row: VisitLine) -> str:
    return "、".join(ACTIVITIES.label(code, lang()) for code in row.activities)


COLUMNS: list[Column[VisitLine]] = [
    Column(QT_TRANSLATE_NOOP("VisitTable", "Number"), lambda r: r.number, CONTEXT, width=128),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Date"), lambda r: r.visit_date.isoformat(), CONTEXT,
           sort_key=lambda r: r.visit_date, width=88),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Unit"), lambda r: r.unit_name, CONTEXT, width=140),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Region"), lambda r: r.region_name, CONTEXT, width=70),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Cadres"), lambda r: r.cadre_names, CONTEXT,
           tooltip=lambda r: r.cadre_names, width=110),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Method"), lambda r: METHODS.label(r.method, lang()),
           CONTEXT, width=70),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Activities"), _activities, CONTEXT,
           tooltip=_activities, width=120),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Students/teachers/parents"), _counts, CONTEXT,
           alignment=CENTER, sort_key=lambda r: r.students_met + r.teachers_met + r.parents_met,
           width=90),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Summary"), lambda r: r.summary, CONTEXT,
           tooltip=lambda r: r.summary, width=320),
]
