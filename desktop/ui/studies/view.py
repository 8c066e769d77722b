"""One monthly study as it was recorded: the summary figures, what changed since the previous
study, and the frozen lists — all read from the stored snapshot, never from the live lists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.queries.studies import Study, StudyChanges
from db.vocab_extra import FIXED, Vocabularies
from desktop.ui.studies.tables import (
    CHANGE_COLUMNS,
    CLOSED_COLUMNS,
    GAP_COLUMNS,
    RATE_COLUMNS,
    STEP_COLUMNS,
    TASK_COLUMNS,
    GapRow,
    closed_items,
    make_view,
    memory_model,
    problem_columns,
    rate_text,
    rates_rows,
    show_model,
)
from desktop.ui.table_model import Column


class Figure(QFrame):
    """A number with its caption underneath (and the previous study's, when there was one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel()
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)


# The figures, in grid order (key, columns per row is FIGURES_PER_ROW).
FIGURE_KEYS = (
    "problems", "with_task", "closed_problems", "overdue_problems", "strong",
    "tasks", "overdue_tasks", "effects", "closed_tasks", "evaluations",
    "response", "resolution", "satisfaction", "leaders", "gaps",
    "new_problems", "new_tasks", "closed_since", "newly_overdue", "reopened",
    "escalations", "chases", "supervisions", "criticisms", "criticised",
)
# The figures and tabs of the escalation ladder: a study recorded before the ladder was frozen
# with the lists shows "—" there (not recorded), never a misleading 0.
LADDER_FIGURES = ("escalations", "chases", "supervisions", "criticisms", "criticised")
LADDER_TABLES = ("escalations", "criticised")
FIGURES_PER_ROW = 5

# The tabs of the study, in order (key → table).
TABLE_KEYS = ("new_problems", "new_tasks", "closed", "newly_overdue", "overdue", "escalations",
              "criticised", "changes", "rates", "gaps", "problems", "tasks")


class StudyView(QWidget):
    """Shows one ``Study`` with its ``StudyChanges``; ``show_nothing()`` while none is chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.study: Study | None = None
        self.changes: StudyChanges | None = None
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.figures: dict[str, Figure] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for n, key in enumerate(FIGURE_KEYS):
            figure = Figure()
            figure.setObjectName(f"figure_{key}")
            self.figures[key] = figure
            grid.addWidget(figure, n // FIGURES_PER_ROW, n % FIGURES_PER_ROW)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("studyTables")
        self.views: dict[str, QTableView] = {}
        for key in TABLE_KEYS:
            view = make_view(f"study_{key}")
            self.views[key] = view
            self.tabs.addTab(view, "")
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.info)
        body.addWidget(self.note)
        body.addLayout(grid)
        body.addWidget(self.tabs, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.body, 1)
        self.retranslate()
        self.show_nothing()

    # -- texts ----------------------------------------------------------------------------------

    def _tab_titles(self) -> dict[str, str]:
        c = self.changes
        n: dict[str, int | str] = {}
        if c is not None:
            n = {"new_problems": len(c.new_problems), "new_tasks": len(c.new_tasks),
                 "closed": len(c.closed_problems) + len(c.closed_tasks),
                 "newly_overdue": len(c.newly_overdue), "overdue": len(c.overdue),
                 "changes": len(c.status_changes), "rates": len(c.by_region_now) + 1,
                 "gaps": len(c.quota_gaps_now)}
            ladder = c.escalations is not None
            n["escalations"] = len(c.escalations or ()) if ladder else "—"
            n["criticised"] = len(c.criticised) if ladder else "—"
        if self.study is not None:
            n["problems"] = len(self.study.snapshot.problems)
            n["tasks"] = len(self.study.snapshot.tasks)
        names = {
            "new_problems": self.tr("New problems"), "new_tasks": self.tr("New tasks"),
            "closed": self.tr("Closed out"), "newly_overdue": self.tr("Newly overdue"),
            "overdue": self.tr("Overdue (督办/通报)"),
            "escalations": self.tr("Escalations since"),
            "criticised": self.tr("Listed for public criticism"),
            "changes": self.tr("Status changes"),
            "rates": self.tr("The three rates"), "gaps": self.tr("Quota gaps"),
            "problems": self.tr("Problem list then"), "tasks": self.tr("Task list then"),
        }
        return {k: (f"{v} ({n[k]})" if k in n else v) for k, v in names.items()}

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Choose a study on the left, or record a new one."))
        for number, key in enumerate(TABLE_KEYS):
            self.tabs.setTabText(number, self._tab_titles()[key])
        if self.study is not None and self.changes is not None:
            self._show_texts()
        for view in self.views.values():
            model = view.model()
            if model is not None and model.columnCount():
                model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                             model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- showing --------------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.study = None
        self.changes = None
        self.body.hide()
        self.empty.show()

    def show_study(self, study: Study, changes: StudyChanges,
                   vocabs: Vocabularies = FIXED) -> None:
        """*vocabs*: the bureau's added terms, to label the frozen codes."""
        problem_columns_ = problem_columns(vocabs)
        self.study = study
        self.changes = changes
        s = study.snapshot
        c = changes
        tables: dict[str, tuple[Sequence[Column[Any]], Sequence[Any], Callable[[Any], Any] | None]]
        tables = {
            "new_problems": (problem_columns_, c.new_problems, None),
            "new_tasks": (TASK_COLUMNS, c.new_tasks, None),
            "closed": (CLOSED_COLUMNS, closed_items(c.closed_problems, c.closed_tasks), None),
            "newly_overdue": (TASK_COLUMNS, c.newly_overdue, None),
            "overdue": (TASK_COLUMNS, sorted(c.overdue, key=lambda t: -t.workdays_overdue),
                        None),
            "escalations": (STEP_COLUMNS, c.escalations or (), None),
            "criticised": (TASK_COLUMNS, sorted(c.criticised,
                                                key=lambda t: -t.workdays_overdue), None),
            "changes": (CHANGE_COLUMNS, c.status_changes, None),
            "rates": (RATE_COLUMNS, rates_rows(c.rates_now, c.rates_then, c.by_region_now,
                                               c.by_region_then), lambda r: r.key),
            "gaps": (GAP_COLUMNS, [GapRow(g, False) for g in c.quota_gaps_now]
                     + [GapRow(g, True) for g in c.quota_gaps_met], lambda r: r.id),
            "problems": (problem_columns_, s.problems, None),
            "tasks": (TASK_COLUMNS, s.tasks, None),
        }
        for key, (columns, rows, row_id) in tables.items():
            show_model(self.views[key], memory_model(columns, rows, self, row_id=row_id))
        self._show_texts()
        for number, key in enumerate(TABLE_KEYS):
            self.tabs.setTabText(number, self._tab_titles()[key])
        self.empty.hide()
        self.body.show()

    def _show_texts(self) -> None:
        study, c = self.study, self.changes
        assert study is not None and c is not None
        s = study.snapshot
        row = study.row
        self.title.setText(row.title)
        previous = (self.tr("previous study: {day} “{title}”").format(
            day=c.previous.held_on.isoformat(), title=c.previous.title)
            if c.previous is not None else
            self.tr("the first study: everything counts as new"))
        self.info.setText(self.tr(
            "Held on {day} · lists frozen at {made} (UTC) · {previous}").format(
            day=row.held_on.isoformat(), made=s.made_at[:19].replace("T", " "),
            previous=previous))
        self.note.setText(self.tr("Opinion of the study: {note}").format(note=row.note)
                          if row.note else "")
        self.note.setVisible(bool(row.note))
        t, e = s.totals, s.effect_summary
        then = c.rates_then

        def rate(name: str) -> str:
            now = rate_text(getattr(t, name))
            return now if then is None else f"{rate_text(getattr(then, name))} → {now}"

        figures = {
            "problems": (t.total, self.tr("Problems")),
            "with_task": (t.with_task, self.tr("With a task")),
            "closed_problems": (t.closed, self.tr("Problems closed out")),
            "overdue_problems": (t.overdue, self.tr("Problems with an overdue task")),
            "strong": (t.strongly_reported, self.tr("Strongly reported")),
            "tasks": (len(s.tasks), self.tr("Tasks")),
            "overdue_tasks": (len(s.overdue_tasks), self.tr("Tasks overdue")),
            "effects": (e.effects, self.tr("Effects recorded")),
            "closed_tasks": (e.closed_tasks, self.tr("Tasks closed out")),
            "evaluations": (e.evaluations, self.tr("Follow-up ratings")),
            "response": (rate("response_rate"), self.tr("Response rate")),
            "resolution": (rate("resolution_rate"), self.tr("Resolution rate")),
            "satisfaction": (rate("satisfaction_rate"), self.tr("Satisfaction rate")),
            "leaders": (s.leaders_checked, self.tr("Leaders' quotas checked")),
            "gaps": (len(s.quota_gaps), self.tr("Quota gaps")),
            "new_problems": (len(c.new_problems), self.tr("New problems since")),
            "new_tasks": (len(c.new_tasks), self.tr("New tasks since")),
            "closed_since": (len(c.closed_problems) + len(c.closed_tasks),
                             self.tr("Closed out since (problems + tasks)")),
            "newly_overdue": (len(c.newly_overdue), self.tr("Newly overdue tasks")),
            "reopened": (len(c.reopened_problems) + len(c.reopened_tasks),
                         self.tr("Reopened since")),
        }
        steps = c.escalations
        ladder: dict[str, tuple[object, str]] = {
            "escalations": (len(steps or ()), self.tr("Escalation steps since")),
            "chases": (sum(g.kind == "chase" for g in steps or ()),
                       self.tr("Chase notices since (催办)")),
            "supervisions": (sum(g.kind == "supervision" for g in steps or ()),
                             self.tr("Supervisions since (督办)")),
            "criticisms": (sum(g.kind == "criticism" for g in steps or ()),
                           self.tr("Public criticisms since (通报)")),
            "criticised": (len(c.criticised), self.tr("Tasks listed for public criticism")),
        }
        not_recorded = self.tr("This study was recorded before escalation steps were frozen "
                               "with the lists: it shows none, which does not mean there were "
                               "none.")
        for key, (value, caption) in ladder.items():
            figures[key] = ("—", caption) if steps is None else (value, caption)
        for key, (value, caption) in figures.items():
            self.figures[key].set(str(value), caption)
            self.figures[key].setToolTip(not_recorded if steps is None and key in LADDER_FIGURES
                                         else "")
        for key in LADDER_TABLES:
            self.tabs.setTabToolTip(TABLE_KEYS.index(key),
                                    not_recorded if steps is None else "")

    # -- for tests and the report -------------------------------------------------------------

    def shown_text(self) -> list[str]:
        """Every text the study shows: labels, figures, tab titles and every table cell."""
        out = [self.title.text(), self.info.text(), self.note.text()]
        out += [f"{f.value.text()} {f.caption.text()}" for f in self.figures.values()]
        out += [self.tabs.tabText(i) for i in range(self.tabs.count())]
        for key, view in self.views.items():
            model = view.model()
            if model is None:
                continue
            while model.canFetchMore():
                model.fetchMore()
            for r in range(model.rowCount()):
                out.append(key + ":" + "\t".join(
                    str(model.index(r, c).data()) for c in range(model.columnCount())))
        return out
