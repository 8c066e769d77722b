"""The linked details beside each list: a problem's tasks and effect, a task's problems,
progress notes, effect and evaluations; double-click (or Enter) on a linked item jumps to it.
And the history dialog: a record's audit entries, newest first."""

from __future__ import annotations

import html
import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.queries.paging import short
from db.vocab import (
    AUDIT_ACTIONS,
    ESCALATION_STAGES,
    FOLLOWUP_METHODS,
    PROBLEM_STATUSES,
    RATINGS,
    REPORTER_TYPES,
    RESOLUTION_MODES,
    TASK_STATUSES,
    Vocabulary,
)
from db.vocab_extra import EXTENSIBLE, FIXED, Vocabularies
from desktop.ui.lists.common import (
    problem_status_text,
    stage_text,
    task_status_text,
    vocab_label,
)
from desktop.ui.lists.queries import HistoryEntry, ProblemDetail, StepInfo, TaskDetail
from desktop.ui.table_model import Column, PagedTableModel

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _e(text: str) -> str:
    return html.escape(text or "")


def _tag(tag: str, text: str) -> str:
    """*text* escaped inside an HTML element. (tr() must stay outside f-strings: lupdate
    does not look into them, and the string would never be translated.)"""
    return f"<{tag}>{_e(text)}</{tag}>"


class DetailsPanel(QWidget):
    """What is linked to the selected row. ``jump`` carries ("problem" | "task", id)."""

    jump = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links_label = QLabel()
        self.links = QListWidget()
        self.links.setObjectName("linkedItems")
        self.links.setMaximumHeight(130)
        self.text = QTextBrowser()
        self.text.setObjectName("detailsText")
        self.text.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.links_label)
        layout.addWidget(self.links)
        layout.addWidget(self.text, 1)
        self.links.itemActivated.connect(self._activated)
        self.links.itemDoubleClicked.connect(self._activated)
        self.show_nothing()

    def _activated(self, item: QListWidgetItem) -> None:
        self.jump.emit(item.data(KIND_ROLE), item.data(ID_ROLE))

    def _link(self, kind: str, record_id: uuid.UUID, text: str) -> None:
        item = QListWidgetItem(("→ " if kind == "task" else "← ") + text)
        item.setData(KIND_ROLE, kind)
        item.setData(ID_ROLE, record_id)
        item.setToolTip(self.tr("Double-click or press Enter to go there"))
        self.links.addItem(item)

    def show_nothing(self) -> None:
        self.links.clear()
        self.links_label.setText(self.tr("Linked items"))
        self.text.setHtml(_tag("p", self.tr("Select a row to see what is linked to it.")))
        self.links.setVisible(False)

    def show_problem(self, p: ProblemDetail) -> None:
        self.links.clear()
        self.links_label.setText(self.tr("Tasks for this problem (double-click to open)"))
        for t in p.tasks:
            self._link("task", t.id, f"{t.number}  {task_status_text(t.status)}  "
                                     f"{t.progress_pct}%  {short(t.title, 30)}")
        if p.merged_into is not None:
            self._link("problem", p.merged_into.id, self.tr("merged into {number}").format(
                number=p.merged_into.number))
        for m in p.merged_from:
            self._link("problem", m.id, self.tr("duplicate {number} merged here").format(
                number=m.number))
        rows = [
            (self.tr("Status"), problem_status_text(p.status)),
            (self.tr("Reported on"), p.reported_on.isoformat()),
            (self.tr("Source channel"), vocab_label(p.vocabs.source_channel, p.source_channel)),
            (self.tr("Unit"), p.unit_name or "—"), (self.tr("Region"), p.region_name or "—"),
            (self.tr("Area"), vocab_label(p.vocabs.area, p.area)),
            (self.tr("Category"), vocab_label(p.vocabs.category, p.category)),
            (self.tr("Strongly reported"), "★" if p.strongly_reported else "—"),
            (self.tr("Collected by"), p.collected_by or "—"),
        ]
        parts = [f"<h3>{_e(p.number)}</h3>", self._table(rows),
                 f"<p>{_e(p.description)}</p>"]
        if not p.tasks:
            parts.append(_tag("p", self.tr("No task yet: select it and open a task.")))
        if p.effect is not None:
            heading = self.tr("Effect ({number})").format(number=p.effect_task_number)
            parts.append(f"<h4>{_e(heading)}</h4>"
                         f"<p>{_e(p.effect.completed_on.isoformat())}：{_e(p.effect.result)}</p>")
        self.text.setHtml("".join(parts))
        self.links.setVisible(self.links.count() > 0)

    def show_task(self, t: TaskDetail) -> None:
        self.links.clear()
        self.links_label.setText(self.tr("Problems served (double-click to open)"))
        for p in t.problems:
            self._link("problem", p.id, f"{p.number}  {problem_status_text(p.status)}  "
                                        f"{short(p.description, 30)}")
        rows = [
            (self.tr("Status"), task_status_text(t.status)),
            (self.tr("Resolution mode"), vocab_label(RESOLUTION_MODES, t.resolution_mode)),
            (self.tr("Responsible unit"), t.responsible_unit or "—"),
            (self.tr("Responsible person"), t.responsible_person or "—"),
            (self.tr("Lead leader"), t.lead_leader or "—"),
            (self.tr("Livelihood project"), "✓" if t.is_livelihood_project else "—"),
            (self.tr("Opened on"), t.opened_on.isoformat()),
            (self.tr("Deadline"), t.deadline.isoformat()),
            (self.tr("Escalation"), stage_text(t.stage) or "—"),
            (self.tr("Progress"), f"{t.progress_pct}%"),
        ]
        if t.status == "closed":
            rows.append((self.tr("Closed out"), f"{t.closed_on}  {t.approved_by}"))
        parts = [f"<h3>{_e(t.number)} {_e(t.title)}</h3>", self._table(rows)]
        if t.measures:
            measures = self.tr("Measures")
            parts.append(f"<p><b>{_e(measures)}</b>：{_e(t.measures)}</p>")
        if t.steps:
            parts.append(_tag("h4", self.tr("Deadline and escalation")))
            parts.append("<ul>" + "".join(_tag("li", self._step_line(g)) for g in t.steps)
                         + "</ul>")
        parts.append(_tag("h4", self.tr("Progress notes")))
        if t.progress:
            parts.append("<ul>" + "".join(
                f"<li>{g.noted_on.isoformat()} {g.percent}% {_e(g.note)} "
                f"<i>{_e(g.author)}</i></li>" for g in t.progress) + "</ul>")
        else:
            parts.append("<p>—</p>")
        parts.append(_tag("h4", self.tr("Effect")))
        if t.effect is not None:
            evidence = self.tr("Evidence")
            files = self.tr("{n} evidence files").format(n=t.evidence_count)
            parts.append(f"<p>{t.effect.completed_on.isoformat()}：{_e(t.effect.result)}"
                         + (f"<br>{_e(evidence)}：{_e(t.effect.evidence_note)}"
                            if t.effect.evidence_note else "")
                         + f"<br>{_e(files)}</p>")
        else:
            parts.append(_tag("p", self.tr("No effect recorded yet.")))
        parts.append(_tag("h4", self.tr("Evaluations")))
        if t.evaluations:
            asked = self.tr("{n} asked")
            parts.append("<ul>" + "".join(
                f"<li>{v.evaluated_on.isoformat()} <b>{_e(vocab_label(RATINGS, v.rating))}</b> "
                f"{_e(vocab_label(FOLLOWUP_METHODS, v.method))} · "
                f"{_e(asked.format(n=v.asked_count))} {_e(v.note)}</li>"
                for v in t.evaluations) + "</ul>")
        else:
            parts.append(_tag("p", self.tr("Nobody asked yet.")))
        self.text.setHtml("".join(parts))
        self.links.setVisible(self.links.count() > 0)

    def _step_line(self, g: StepInfo) -> str:
        """One extension or escalation step in words (plain text; the caller escapes it)."""
        day = g.taken_on.isoformat()
        if g.kind == "extension":
            line = self.tr("{day} deadline extended {old} → {new}, approved by {who}").format(
                day=day, old=g.old_deadline.isoformat() if g.old_deadline else "",
                new=g.new_deadline.isoformat() if g.new_deadline else "", who=g.by_name)
        elif g.kind == "chase":
            line = self.tr("{day} ✉ chase notice issued by {who}").format(day=day, who=g.by_name)
        elif g.kind == "supervision":
            line = self.tr("{day} ⚑ under supervision of {supervisor} (decided by {who})").format(
                day=day, supervisor=g.supervisor_name, who=g.by_name)
        else:
            line = self.tr("{day} ✖ listed for public criticism by {who}").format(
                day=day, who=g.by_name)
        return self.tr("{step}: {reason}").format(step=line, reason=g.reason) if g.reason \
            else line

    @staticmethod
    def _table(rows: Sequence[tuple[str, str]]) -> str:
        return "<table cellspacing='2'>" + "".join(
            f"<tr><td style='color:#555'>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in rows
        ) + "</table>"


CTX = "ListColumns"

# The fields a history line names, in words (the audit log stores column names).
FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("HistoryFields", "status"),
    "title": QT_TRANSLATE_NOOP("HistoryFields", "title"),
    "measures": QT_TRANSLATE_NOOP("HistoryFields", "measures"),
    "deadline": QT_TRANSLATE_NOOP("HistoryFields", "deadline"),
    "progress_pct": QT_TRANSLATE_NOOP("HistoryFields", "progress"),
    "resolution_mode": QT_TRANSLATE_NOOP("HistoryFields", "resolution mode"),
    "responsible_unit_id": QT_TRANSLATE_NOOP("HistoryFields", "responsible unit"),
    "responsible_person": QT_TRANSLATE_NOOP("HistoryFields", "responsible person"),
    "lead_leader_id": QT_TRANSLATE_NOOP("HistoryFields", "lead leader"),
    "is_livelihood_project": QT_TRANSLATE_NOOP("HistoryFields", "livelihood project"),
    "closed_on": QT_TRANSLATE_NOOP("HistoryFields", "closed on"),
    "approved_by": QT_TRANSLATE_NOOP("HistoryFields", "approver"),
    "description": QT_TRANSLATE_NOOP("HistoryFields", "description"),
    "reported_on": QT_TRANSLATE_NOOP("HistoryFields", "reported on"),
    "source_channel": QT_TRANSLATE_NOOP("HistoryFields", "source channel"),
    "reporter_type": QT_TRANSLATE_NOOP("HistoryFields", "raised by"),
    "reporter_name": QT_TRANSLATE_NOOP("HistoryFields", "reporter's name"),
    "reporter_phone": QT_TRANSLATE_NOOP("HistoryFields", "reporter's phone"),
    "unit_id": QT_TRANSLATE_NOOP("HistoryFields", "unit"),
    "region_id": QT_TRANSLATE_NOOP("HistoryFields", "region"),
    "area": QT_TRANSLATE_NOOP("HistoryFields", "area"),
    "category": QT_TRANSLATE_NOOP("HistoryFields", "category"),
    "strongly_reported": QT_TRANSLATE_NOOP("HistoryFields", "strongly reported"),
    "collected_by_id": QT_TRANSLATE_NOOP("HistoryFields", "collected by"),
    "merged_into_id": QT_TRANSLATE_NOOP("HistoryFields", "merged into"),
    "result": QT_TRANSLATE_NOOP("HistoryFields", "result"),
    "completed_on": QT_TRANSLATE_NOOP("HistoryFields", "completed on"),
    "evidence_note": QT_TRANSLATE_NOOP("HistoryFields", "evidence"),
    "escalation": QT_TRANSLATE_NOOP("HistoryFields", "escalation"),
    "escalated_on": QT_TRANSLATE_NOOP("HistoryFields", "escalated on"),
}
# Code fields with a fixed vocabulary; "area", "category" and "source_channel" are labelled
# from the entry's vocabularies (EXTENSIBLE), which hold the bureau's additions.
CODE_FIELDS: dict[str, Vocabulary] = {
    "reporter_type": REPORTER_TYPES, "resolution_mode": RESOLUTION_MODES,
}


def _value(table: str, key: str, value: str, vocabs: Vocabularies = FIXED) -> str:
    """A stored value as a clerk reads it: labels for codes, no raw ids."""
    if not value:
        return "∅"
    if key == "status":
        return vocab_label(TASK_STATUSES if table == "task" else PROBLEM_STATUSES, value)
    if key == "escalation":
        return vocab_label(ESCALATION_STAGES, value)
    if key in EXTENSIBLE:
        return vocab_label(vocabs[key], value)
    if key in CODE_FIELDS:
        return vocab_label(CODE_FIELDS[key], value)
    if key.endswith("_id"):
        return "…"  # a link to another record changed; its name is in the summary
    return value


def change_lines(h: HistoryEntry) -> list[str]:
    return [f"{QCoreApplication.translate('HistoryFields', FIELD_LABELS.get(k, k))}: "
            f"{_value(h.table_name, k, b, h.vocabs)} → {_value(h.table_name, k, a, h.vocabs)}"
            for k, b, a in h.changes]


HISTORY_COLUMNS: list[Column[HistoryEntry]] = [
    Column(QT_TRANSLATE_NOOP("ListColumns", "When"),
           lambda h: h.at.astimezone().strftime("%Y-%m-%d %H:%M"), CTX, width=130),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Who"), lambda h: h.username, CTX, width=80),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Action"),
           lambda h: vocab_label(AUDIT_ACTIONS, h.action), CTX,
           width=70),
    Column(QT_TRANSLATE_NOOP("ListColumns", "What"), lambda h: h.summary, CTX, width=260),
    Column(QT_TRANSLATE_NOOP("ListColumns", "Changes"),
           lambda h: "；".join(change_lines(h)), CTX, width=300,
           tooltip=lambda h: "\n".join(change_lines(h))),
]


class HistoryDialog(QDialog):
    def __init__(self, title: str, entries: Sequence[HistoryEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of {what}").format(what=title))
        rows = list(entries)

        def fetch(_cursor: Any, _limit: int) -> tuple[list[HistoryEntry], None]:
            return rows, None

        self.model: PagedTableModel[HistoryEntry] = PagedTableModel(
            HISTORY_COLUMNS, fetch, lambda: len(rows), row_id=lambda h: h.at, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        while self.model.canFetchMore():
            self.model.fetchMore()
        for i, column in enumerate(HISTORY_COLUMNS):
            if column.width:
                self.view.setColumnWidth(i, column.width)
        self.empty = QLabel(self.tr("No changes recorded for this item."))
        self.empty.setVisible(not rows)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(900, 400)
