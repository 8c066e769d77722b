"""The three lists' columns, declared once, and their lazy models over keyset-paged queries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db.engine import Database
from db.queries.problems import ProblemFilter, ProblemRow, problem_count, problem_page
from db.vocab import ESCALATION_STAGES, RATINGS, RESOLUTION_MODES
from db.vocab_extra import FIXED, Vocabularies, load_vocabularies
from desktop.ui.lists.common import (
    OVERDUE_SYMBOL,
    problem_status_text,
    stage_text,
    task_status_text,
    vocab_label,
)
from desktop.ui.lists.queries import (
    EffectRow,
    TaskFilter,
    TaskRow,
    effect_count,
    effect_page,
    task_count,
    task_page,
)
from desktop.ui.table_model import CENTER, RIGHT, Column, PagedTableModel

CTX = "ListColumns"
STRONG = QT_TRANSLATE_NOOP("ListColumns", "Strongly reported by the people")
OVERDUE = QT_TRANSLATE_NOOP("ListColumns", "Overdue")
STAGE_TIP = QT_TRANSLATE_NOOP(
    "ListColumns", "Due soon → overdue → chase notice → supervision → public criticism")


def _t(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _strong(row: ProblemRow) -> str:
    return "★" if row.strongly_reported else ""


@dataclass(frozen=True, slots=True)
class ShownProblem(ProblemRow):
    """A problem row with the vocabularies of the list it is shown in: areas, categories and
    channels the bureau added are labelled from them (read once per load of the list, not
    per row)."""

    vocabs: Vocabularies = FIXED


_PROBLEM_FIELDS = tuple(f.name for f in fields(ProblemRow))


def _shown(rows: Sequence[ProblemRow], vocabs: Vocabularies) -> list[ShownProblem]:
    return [ShownProblem(*(getattr(r, name) for name in _PROBLEM_FIELDS), vocabs=vocabs)
            for r in rows]


def _label(row: ProblemRow, name: str, code: str) -> str:
    vocabs = row.vocabs if isinstance(row, ShownProblem) else FIXED
    return vocab_label(vocabs[name], code)


PROBLEM_COLUMNS: list[Column[ProblemRow]] = [
    Column(QT_TRANSLATE_NOOP("ListColumns", "Number"), lambda r: r.number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Status"), lambda r: problem_status_text(r.status), CTX,
           width=90),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Reported on"), lambda r: _day(r.reported_on), CTX,
           sort_key=lambda r: r.reported_on, width=95),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Strongly reported"), _strong, CTX, CENTER,
           tooltip=lambda r: _t(STRONG) if r.strongly_reported else "", width=40),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Description"), lambda r: r.summary, CTX, width=320),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Source"),
           lambda r: _label(r, "source_channel", r.source_channel), CTX, width=80),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Unit"), lambda r: r.unit_name, CTX, width=140),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Region"), lambda r: r.region_name, CTX, width=90),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Area"),
           lambda r: _label(r, "area", r.area), CTX, width=60),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Category"),
           lambda r: _label(r, "category", r.category), CTX, width=150),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Tasks"), lambda r: "、".join(r.task_numbers), CTX,
           width=140),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Collected by"),
           lambda r: r.collected_by, CTX, width=70),
]


STAGE_RANK = {code: n for n, code in enumerate(ESCALATION_STAGES.codes(), start=1)}


def _deadline_text(row: TaskRow, today: date) -> str:
    if row.status != "closed" and row.deadline < today:
        return f"{OVERDUE_SYMBOL} {row.deadline.isoformat()}"
    return row.deadline.isoformat()


def task_columns(today: Callable[[], date]) -> list[Column[TaskRow]]:
    return [
        Column(QT_TRANSLATE_NOOP("ListColumns", "Number"), lambda r: r.number, CTX, width=150),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Status"),
               lambda r: task_status_text(r.status), CTX,
               width=120),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Title"), lambda r: r.title, CTX, width=300),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Progress"),
               lambda r: f"{r.progress_pct}%", CTX, RIGHT,
               sort_key=lambda r: r.progress_pct, width=60),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Deadline"),
               lambda r: _deadline_text(r, today()), CTX,
               sort_key=lambda r: r.deadline, width=110,
               tooltip=lambda r: (_t(OVERDUE) if r.status != "closed"
                                  and r.deadline < today() else "")),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Escalation"), lambda r: stage_text(r.stage), CTX,
               sort_key=lambda r: STAGE_RANK.get(r.stage, 0), width=130,
               tooltip=lambda r: _t(STAGE_TIP) if r.stage else ""),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Resolution mode"),
               lambda r: vocab_label(RESOLUTION_MODES, r.resolution_mode), CTX, width=80),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Responsible unit"),
               lambda r: r.responsible_unit, CTX,
               width=130),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Responsible person"),
               lambda r: r.responsible_person,
               CTX, width=70),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Lead leader"),
               lambda r: r.lead_leader, CTX, width=70),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Livelihood project"),
               lambda r: "✓" if r.is_livelihood_project else "", CTX, CENTER, width=40),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Opened on"), lambda r: _day(r.opened_on), CTX,
               sort_key=lambda r: r.opened_on, width=95),
        Column(QT_TRANSLATE_NOOP("ListColumns", "Problems"),
               lambda r: "、".join(r.problem_numbers), CTX,
               width=150),
    ]


EFFECT_COLUMNS: list[Column[EffectRow]] = [
    Column(QT_TRANSLATE_NOOP("ListColumns", "Task"), lambda r: r.task_number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Status"),
           lambda r: task_status_text(r.task_status), CTX,
           width=120),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Title"), lambda r: r.task_title, CTX, width=260),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Completed on"), lambda r: _day(r.completed_on), CTX,
           sort_key=lambda r: r.completed_on, width=95),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Result"), lambda r: r.result, CTX, width=260),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Rating"),
           lambda r: vocab_label(RATINGS, r.latest_rating),
           CTX, width=80),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Evidence"), lambda r: r.evidence_note, CTX, width=120),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Responsible unit"), lambda r: r.responsible_unit, CTX,
           width=130),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Approver"), lambda r: r.approved_by, CTX, width=70),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Closed on"),
           lambda r: _day(r.closed_on), CTX, width=95),
]


def problem_fetcher(db: Database, f: ProblemFilter
                    ) -> tuple[Callable[[Any, int], tuple[Sequence[ProblemRow], Any]],
                               Callable[[], int]]:
    """The pages of the problem list under *f*. The vocabularies are read with the first page
    (after a refresh, so a term added in the settings meanwhile is labelled) and kept for the
    following ones."""
    loaded: list[Vocabularies] = []

    def fetch(cursor: Any, limit: int) -> tuple[Sequence[ProblemRow], Any]:
        with db.session() as s:
            if not loaded:
                loaded.append(load_vocabularies(s))
            rows = problem_page(s, filters=f, before=cursor, limit=limit)
        return _shown(rows, loaded[0]), (rows[-1].sort_key if rows else None)

    def count() -> int:
        with db.session() as s:
            return problem_count(s, f)

    return fetch, count


def task_fetcher(db: Database, f: TaskFilter
                 ) -> tuple[Callable[[Any, int], tuple[Sequence[TaskRow], Any]],
                            Callable[[], int]]:
    def fetch(cursor: Any, limit: int) -> tuple[Sequence[TaskRow], Any]:
        with db.session() as s:
            rows = task_page(s, filters=f, after=cursor, limit=limit)
        return rows, ((rows[-1].opened_on, rows[-1].number) if rows else None)

    def count() -> int:
        with db.session() as s:
            return task_count(s, f)

    return fetch, count


def effect_fetcher(db: Database, f: TaskFilter
                   ) -> tuple[Callable[[Any, int], tuple[Sequence[EffectRow], Any]],
                              Callable[[], int]]:
    def fetch(cursor: Any, limit: int) -> tuple[Sequence[EffectRow], Any]:
        with db.session() as s:
            rows = effect_page(s, filters=f, after=cursor, limit=limit)
        return rows, ((rows[-1].completed_on, rows[-1].task_number) if rows else None)

    def count() -> int:
        with db.session() as s:
            return effect_count(s, f)

    return fetch, count


def make_model(columns: Sequence[Column[Any]], fetcher: tuple[Any, Any],
               parent: Any = None) -> PagedTableModel[Any]:
    fetch, count = fetcher
    return PagedTableModel(columns, fetch, count, parent=parent)
