"""The monthly study's tables: columns over the frozen snapshot rows, declared once, and a lazy
model over rows already in memory (a snapshot is read whole; the view still pages through it,
so a study of tens of thousands of problems opens at once)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QTableView

from db.queries.studies import (
    QuotaGap,
    SnapshotProblem,
    SnapshotRates,
    SnapshotStep,
    SnapshotTask,
    StatusChange,
    StudyRow,
)
from db.vocab import (
    AREAS,
    CATEGORIES,
    PROBLEM_STATUSES,
    RESOLUTION_MODES,
    TASK_STATUSES,
    TASK_STEP_KINDS,
    TIERS,
)
from db.vocab_extra import FIXED, Vocabularies
from desktop.ui.lists.common import (
    OVERDUE_SYMBOL,
    PROBLEM_SYMBOLS,
    STAGE_SYMBOLS,
    TASK_SYMBOLS,
    problem_status_text,
    stage_text,
    task_status_text,
    vocab_label,
)
from desktop.ui.table_model import CENTER, RIGHT, Column, PagedTableModel
from desktop.ui.widgets import setup_record_table

Row = TypeVar("Row")
CTX = "StudyColumns"


def memory_model(columns: Sequence[Column[Row]], rows: Sequence[Row], parent: Any = None,
                 *, row_id: Any = None) -> PagedTableModel[Row]:
    """A PagedTableModel paging through *rows* (held in memory) 200 at a time."""
    items = list(rows)

    def fetch(cursor: int | None, limit: int) -> tuple[Sequence[Row], int | None]:
        start = cursor or 0
        page = items[start:start + limit]
        end = start + len(page)
        return page, (end if end < len(items) else None)

    kwargs: dict[str, Any] = {"parent": parent}
    if row_id is not None:
        kwargs["row_id"] = row_id
    return PagedTableModel(columns, fetch, lambda: len(items), **kwargs)


def make_view(name: str, *, single: bool = True) -> QTableView:
    view = QTableView()
    setup_record_table(view, name, QAbstractItemView.SelectionMode.SingleSelection if single
                       else QAbstractItemView.SelectionMode.ExtendedSelection)
    return view


def show_model(view: QTableView, model: PagedTableModel[Any]) -> None:
    """Put *model* in *view*, columns as wide as declared but never narrower than the header."""
    old_selection = view.selectionModel()
    view.setModel(model)
    if old_selection is not None:
        old_selection.deleteLater()  # the view does not delete the one it replaces
    metrics = view.horizontalHeader().fontMetrics()
    for i, column in enumerate(model.columns):
        if column.width:
            view.setColumnWidth(i, max(column.width, metrics.horizontalAdvance(column.title())
                                       + 24))
    if model.canFetchMore():
        model.fetchMore()


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def _pct(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def rate_text(rate: float | None) -> str:
    return _pct(rate)


STUDY_COLUMNS: list[Column[StudyRow]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Held on"), lambda r: _day(r.held_on), CTX,
           width=95),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Title"), lambda r: r.title, CTX, width=260),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Site"), lambda r: r.site, CTX, width=50),
]

def problem_columns(vocabs: Vocabularies = FIXED) -> list[Column[SnapshotProblem]]:
    """The frozen problems' columns; *vocabs* labels the bureau's added areas and categories
    (a snapshot keeps codes, labelled with the terms as they are now)."""
    areas, categories = vocabs.extend(AREAS), vocabs.extend(CATEGORIES)
    return [
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Number"), lambda r: r.number, CTX, width=150),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Status then"),
               lambda r: problem_status_text(r.status), CTX, width=90),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Reported on"), lambda r: _day(r.reported_on),
               CTX, width=95),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Strongly reported"),
               lambda r: "★" if r.strongly_reported else "", CTX, CENTER, width=40),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Region"), lambda r: r.region, CTX, width=90),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Unit"), lambda r: r.unit, CTX, width=150),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Area"), lambda r: vocab_label(areas, r.area),
               CTX, width=60),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Category"),
               lambda r: vocab_label(categories, r.category), CTX, width=150),
        Column(QT_TRANSLATE_NOOP("StudyColumns", "Closed on"), lambda r: _day(r.closed_on), CTX,
               width=95),
    ]




def _deadline(r: SnapshotTask) -> str:
    return f"{OVERDUE_SYMBOL} {r.deadline.isoformat()}" if r.overdue else r.deadline.isoformat()


def _stage(r: SnapshotTask) -> str:
    """The ladder stage then: the step taken (催办, 督办, 通报), else overdue; none once closed."""
    if r.status == "closed":
        return ""
    return stage_text(r.escalation or ("overdue" if r.overdue else ""))


TASK_COLUMNS: list[Column[SnapshotTask]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Number"), lambda r: r.number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Status then"),
           lambda r: task_status_text(r.status), CTX, width=90),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Title"), lambda r: r.title, CTX, width=260),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Progress"), lambda r: f"{r.progress_pct}%", CTX,
           RIGHT, width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Deadline"), _deadline, CTX, width=110),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Working days overdue"),
           lambda r: r.workdays_overdue or "", CTX, RIGHT, width=70),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Escalation then"), _stage, CTX, width=95),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Resolution mode"),
           lambda r: vocab_label(RESOLUTION_MODES, r.resolution_mode), CTX, width=80),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Lead leader"), lambda r: r.lead_leader, CTX,
           width=80),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Livelihood project"),
           lambda r: "✓" if r.is_livelihood_project else "", CTX, CENTER, width=40),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Opened on"), lambda r: _day(r.opened_on), CTX,
           width=95),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Closed on"), lambda r: _day(r.closed_on), CTX,
           width=95),
]


def _step(r: SnapshotStep) -> str:
    return f"{STAGE_SYMBOLS.get(r.kind, '·')} {vocab_label(TASK_STEP_KINDS, r.kind)}"


STEP_COLUMNS: list[Column[SnapshotStep]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Taken on"), lambda r: _day(r.taken_on), CTX,
           width=95),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Step"), _step, CTX, width=70),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Number"), lambda r: r.task_number, CTX,
           width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Title"), lambda r: r.task_title, CTX, width=240),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Responsible unit"), lambda r: r.responsible_unit,
           CTX, width=130),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Issued by"), lambda r: r.by_name, CTX, width=80),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Supervisor"), lambda r: r.supervisor, CTX,
           width=80),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Reason"), lambda r: r.reason, CTX, width=300),
]


@dataclass(frozen=True, slots=True)
class ClosedItem:
    """A problem or a task closed out since the previous study, in one table."""

    id: uuid.UUID
    kind: str  # "problem" or "task"
    number: str
    what: str  # a task's title; a problem's unit (the snapshot keeps no description)
    closed_on: date | None


def closed_items(problems: Sequence[SnapshotProblem],
                 tasks: Sequence[SnapshotTask]) -> list[ClosedItem]:
    items = [ClosedItem(t.id, "task", t.number, t.title, t.closed_on) for t in tasks]
    items += [ClosedItem(p.id, "problem", p.number, " · ".join(x for x in (p.region, p.unit)
                                                               if x), p.closed_on)
              for p in problems]
    return items


def _kind(kind: str) -> str:
    return QCoreApplication.translate(
        CTX, "Task" if kind == "task" else "Problem")


KIND_TEXTS = (QT_TRANSLATE_NOOP("StudyColumns", "Task"),
              QT_TRANSLATE_NOOP("StudyColumns", "Problem"))

CLOSED_COLUMNS: list[Column[ClosedItem]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Kind"), lambda r: _kind(r.kind), CTX, width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Number"), lambda r: r.number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Task title / unit"), lambda r: r.what, CTX,
           width=320),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Closed on"), lambda r: _day(r.closed_on), CTX,
           width=95),
]


def _status(kind: str, code: str) -> str:
    if kind == "task":
        return f"{TASK_SYMBOLS.get(code, '·')} {vocab_label(TASK_STATUSES, code)}"
    return f"{PROBLEM_SYMBOLS.get(code, '·')} {vocab_label(PROBLEM_STATUSES, code)}"


CHANGE_COLUMNS: list[Column[StatusChange]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Kind"), lambda r: _kind(r.kind), CTX, width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Number"), lambda r: r.number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "At the previous study"),
           lambda r: _status(r.kind, r.before), CTX, width=130),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "At this study"),
           lambda r: _status(r.kind, r.after), CTX, width=130),
]


@dataclass(frozen=True, slots=True)
class RatesRow:
    """One group's rates at this study beside the previous one's."""

    key: str
    now: SnapshotRates
    then: SnapshotRates | None


def _then(r: RatesRow, name: str) -> float | None:
    return getattr(r.then, name) if r.then is not None else None


def _arrow(r: RatesRow, name: str) -> str:
    now = getattr(r.now, name)
    before = _then(r, name)
    if r.then is None:
        return _pct(now)
    return f"{_pct(before)} → {_pct(now)}"


RATE_COLUMNS: list[Column[RatesRow]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Region"), lambda r: r.now.label, CTX, width=110),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Problems"), lambda r: r.now.total, CTX, RIGHT,
           width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "With a task"), lambda r: r.now.with_task, CTX,
           RIGHT, width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Closed out"), lambda r: r.now.closed, CTX, RIGHT,
           width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Overdue"), lambda r: r.now.overdue, CTX, RIGHT,
           width=60),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Response rate (then → now)"),
           lambda r: _arrow(r, "response_rate"), CTX, RIGHT, width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Resolution rate (then → now)"),
           lambda r: _arrow(r, "resolution_rate"), CTX, RIGHT, width=150),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Satisfaction rate (then → now)"),
           lambda r: _arrow(r, "satisfaction_rate"), CTX, RIGHT, width=150),
]


def rates_rows(total_now: SnapshotRates, total_then: SnapshotRates | None,
               now: Sequence[SnapshotRates], then: Sequence[SnapshotRates]) -> list[RatesRow]:
    before = {r.key: r for r in then}
    rows = [RatesRow("all", total_now, total_then)]
    rows += [RatesRow(str(r.key), r, before.get(r.key)) for r in now]
    return rows


@dataclass(frozen=True, slots=True)
class GapRow:
    gap: QuotaGap
    met: bool  # a gap of the previous study, met by now

    @property
    def id(self) -> tuple[uuid.UUID, str, bool]:
        return (self.gap.cadre_id, self.gap.code, self.met)


def _gap_state(r: GapRow) -> str:
    return QCoreApplication.translate(CTX, "✔ met since" if r.met else "⚠ open")


GAP_STATES = (QT_TRANSLATE_NOOP("StudyColumns", "✔ met since"),
              QT_TRANSLATE_NOOP("StudyColumns", "⚠ open"))

GAP_COLUMNS: list[Column[GapRow]] = [
    Column(QT_TRANSLATE_NOOP("StudyColumns", "State"), _gap_state, CTX, width=90),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Leader"), lambda r: r.gap.name, CTX, width=80),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Tier"), lambda r: vocab_label(TIERS, r.gap.tier),
           CTX, width=120),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Unit"), lambda r: r.gap.unit, CTX, width=140),
    Column(QT_TRANSLATE_NOOP("StudyColumns", "Quota"), lambda r: r.gap.text, CTX, width=380),
]
