"""三个清单: the problem, task and effect lists with their filters, counts, linked details and
the flows (open a task, progress, effect, follow-up, close-out, reopen), as the tab's body."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError
from db.services import mark_strongly_reported
from db.vocab import PROBLEM_STATUSES, TASK_STATUSES
from db.vocab_extra import load_vocabularies
from desktop.ui.lists.common import (
    PROBLEM_SYMBOLS,
    TASK_SYMBOLS,
    counts_text,
    show_app_error,
)
from desktop.ui.lists.details import DetailsPanel, HistoryDialog
from desktop.ui.lists.dialogs import (
    Choices,
    CloseOutDialog,
    EffectDialog,
    EvaluationDialog,
    MergeDialog,
    ProblemDialog,
    ProgressDialog,
    ReopenDialog,
    TaskDialog,
)
from desktop.ui.lists.escalation import EscalationDialog, ExtensionDialog, next_step
from desktop.ui.lists.evidence import EvidenceDialog
from desktop.ui.lists.filters import FilterBar
from desktop.ui.lists.form_base import FormDialog
from desktop.ui.lists.queries import (
    DUE_ESCALATED,
    DUE_OVERDUE,
    DUE_SOON,
    ProblemDetail,
    TaskDetail,
    cadre_choices,
    effect_status_counts,
    problem_detail,
    problem_status_counts,
    problems_brief,
    record_history,
    region_choices,
    task_detail,
    task_status_counts,
    unit_choices,
)
from desktop.ui.lists.rates import RatesPanel, rate_filter
from desktop.ui.lists.tables import (
    EFFECT_COLUMNS,
    PROBLEM_COLUMNS,
    effect_fetcher,
    make_model,
    problem_fetcher,
    task_columns,
    task_fetcher,
)
from desktop.ui.table_model import PagedTableModel
from desktop.ui.widgets import remember_columns

PROBLEMS, TASKS, EFFECTS = 0, 1, 2
MAX_JUMP_PAGES = 50  # how far a jump scrolls the (one-day) list looking for its record


class ListPage(QWidget):
    """One sub-list: actions, filters, per-status counts, the table and the linked details."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.actions_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.filters = FilterBar(kind)
        self.counts = QLabel()
        self.counts.setObjectName("statusCounts")
        self.total = QLabel()
        self.view = QTableView()
        self.view.setObjectName(f"{kind}Table")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        mode = QAbstractItemView.SelectionMode.ExtendedSelection if kind == "problems" else \
            QAbstractItemView.SelectionMode.SingleSelection
        self.view.setSelectionMode(mode)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.details = DetailsPanel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        counts_row = QHBoxLayout()
        counts_row.addWidget(self.counts, 1)
        counts_row.addWidget(self.total)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.actions_row)
        layout.addWidget(self.filters)
        layout.addLayout(counts_row)
        layout.addWidget(splitter, 1)
        self.model: PagedTableModel[Any] | None = None

    def add_button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.actions_row.addWidget(button)
        self.buttons[name] = button
        return button

    def finish_buttons(self) -> None:
        self.actions_row.addStretch(1)

    def set_model(self, model: PagedTableModel[Any]) -> None:
        self.model = model
        self.view.setModel(model)
        # As wide as declared, but never narrower than the (translated) header.
        metrics = self.view.horizontalHeader().fontMetrics()
        for i, column in enumerate(model.columns):
            if column.width:
                header = metrics.horizontalAdvance(column.title()) + 16
                self.view.setColumnWidth(i, max(column.width, header))
        remember_columns(self.view, self.view.objectName())

    def selected_rows(self) -> list[int]:
        selection = self.view.selectionModel()
        if selection is None:
            return []
        return sorted({i.row() for i in selection.selectedRows()})

    def selected_ids(self) -> list[Any]:
        assert self.model is not None
        return [self.model.row_id(r) for r in self.selected_rows()]

    def select_row(self, number: int) -> None:
        assert self.model is not None
        self.view.selectionModel().select(
            self.model.index(number, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.setCurrentIndex(self.model.index(number, 0))
        self.view.scrollTo(self.model.index(number, 0))


class ThreeListsWidget(QWidget):
    """The tab body. ``data_changed`` fires after any save (the window updates its counts)."""

    data_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = database
        self.actor = actor
        self.choices = Choices()
        self.current_dialog: QWidget | None = None  # the open dialog, for tests
        self.problem: ProblemDetail | None = None  # the selected problem, in full
        self.task: TaskDetail | None = None  # the selected task (or the effect's task)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("threeLists")
        self.pages = [ListPage("problems"), ListPage("tasks"), ListPage("effects")]
        for page in self.pages:
            self.tabs.addTab(page, "")
        self.rates = RatesPanel()
        self._rates_scope: Any = None  # the RateFilter the panel shows
        self.rates.setObjectName("threeRates")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.rates)
        self._build_actions()
        self.pages[PROBLEMS].set_model(make_model(
            PROBLEM_COLUMNS, problem_fetcher(self.db, self.pages[PROBLEMS].filters
                                             .problem_filter()), self))
        self.pages[TASKS].set_model(make_model(
            task_columns(date.today), task_fetcher(self.db, self.pages[TASKS].filters
                                                   .task_filter()), self))
        self.pages[EFFECTS].set_model(make_model(
            EFFECT_COLUMNS, effect_fetcher(self.db, self.pages[EFFECTS].filters.task_filter()),
            self))
        for number, page in enumerate(self.pages):
            page.filters.changed.connect(lambda n=number: self.reload(n))
            page.view.selectionModel().selectionChanged.connect(
                lambda *_a, n=number: self._selection_changed(n))
            page.view.doubleClicked.connect(lambda _i, n=number: self._double_clicked(n))
            page.details.jump.connect(self.jump_to)
        self.tabs.currentChanged.connect(self._selection_changed)
        self.tabs.currentChanged.connect(self.update_rates)
        self.retranslate()
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        p, t, e = self.pages
        p.add_button("newProblem", self.new_problem)
        p.add_button("editProblem", self.edit_problem)
        p.add_button("strongProblem", self.toggle_strong)
        p.add_button("mergeProblem", self.merge_problem)
        p.add_button("openTask", self.open_task)
        p.add_button("problemHistory", self.show_history)
        t.add_button("newTask", self.open_task)
        t.add_button("editTask", self.edit_task)
        t.add_button("addProgress", self.add_progress)
        t.add_button("extendDeadline", self.extend_deadline)
        t.add_button("escalate", self.escalate)
        for page in (t, e):
            page.add_button("recordEffect", self.record_effect)
            page.add_button("evidence", self.show_evidence)
            page.add_button("followUp", self.follow_up)
            page.add_button("closeOut", self.close_out)
            page.add_button("reopen", self.reopen)
            page.add_button("taskHistory", self.show_history)
        for page in self.pages:
            page.finish_buttons()

    def retranslate(self) -> None:
        """Set every visible text again (on construction and on a language change)."""
        names = (self.tr("Problem list"), self.tr("Task list"), self.tr("Effect list"))
        for number, name in enumerate(names):
            self.tabs.setTabText(number, name)
        texts = {
            "newProblem": self.tr("New problem (Ctrl+N)"), "editProblem": self.tr("Edit"),
            "strongProblem": self.tr("★ Strongly reported"),
            "mergeProblem": self.tr("Merge duplicate…"),
            "openTask": self.tr("Open task for selected"), "problemHistory": self.tr("History"),
            "newTask": self.tr("New task (Ctrl+N)"), "editTask": self.tr("Edit"),
            "addProgress": self.tr("Add progress"), "recordEffect": self.tr("Record effect"),
            "followUp": self.tr("Follow-up (回访)"), "closeOut": self.tr("Close out (销号)"),
            "reopen": self.tr("Reopen…"), "taskHistory": self.tr("History"),
            "extendDeadline": self.tr("Extend deadline…"), "escalate": self.tr("Chase notice…"),
            "evidence": self.tr("Evidence files…"),
        }
        for page in self.pages:
            for name, button in page.buttons.items():
                button.setText(texts[name])
            if page.model is not None:
                page.model.headerDataChanged.emit(
                    Qt.Orientation.Horizontal, 0, page.model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.pages[PROBLEMS].model is not None:
                self.refresh()  # counts, vocabulary labels and details in the new language
        super().changeEvent(event)

    # -- public API -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload pickers, every list and its counts (F5, or after a change elsewhere)."""
        self._rates_scope = None
        with self.db.session() as s:
            self.choices = Choices(regions=region_choices(s), units=unit_choices(s),
                                   cadres=cadre_choices(s),
                                   leaders=cadre_choices(s, leaders_only=True),
                                   vocabs=load_vocabularies(s))
        for number, page in enumerate(self.pages):
            page.filters.set_choices(self.choices)
            self.reload(number)
        # The task and effect lists share the "selected task": the visible list decides.
        self._selection_changed(self.tabs.currentIndex())

    def reload(self, number: int) -> None:
        page = self.pages[number]
        keep = page.selected_ids()
        assert page.model is not None
        with self.db.session() as s:
            if number == PROBLEMS:
                f = page.filters.problem_filter()
                page.model.reset(*problem_fetcher(self.db, f))
                counts = problem_status_counts(s, f, PROBLEM_STATUSES.codes())
                page.counts.setText(counts_text(PROBLEM_STATUSES, PROBLEM_SYMBOLS, counts))
            else:
                tf = page.filters.task_filter()
                fetcher = task_fetcher if number == TASKS else effect_fetcher
                page.model.reset(*fetcher(self.db, tf))
                counts = (task_status_counts if number == TASKS else effect_status_counts)(s, tf)
                page.counts.setText(counts_text(TASK_STATUSES, TASK_SYMBOLS, counts))
        page.total.setText(self.tr("{n} shown by the filter").format(n=page.model.total()))
        if number == self.tabs.currentIndex():
            self.update_rates()
        if page.model.canFetchMore():
            page.model.fetchMore()
        for record_id in keep[:1]:
            row = page.model.find_row(record_id)
            if row is not None:
                page.select_row(row)
        self._selection_changed(number)

    def new_item(self) -> None:
        """Ctrl+N: a new problem on the problem list, a new task on the others."""
        if self.tabs.currentIndex() == PROBLEMS:
            self.new_problem()
        else:
            self.open_task()

    def focus_search(self) -> None:
        page = self.list_page()
        if page is None:
            return
        search = page.filters.search
        search.setFocus()
        search.selectAll()

    def show_overdue(self) -> None:
        self._show_due(DUE_OVERDUE)

    def show_due_soon(self) -> None:
        self._show_due(DUE_SOON)

    def show_escalated(self) -> None:
        self._show_due(DUE_ESCALATED)

    def list_page(self, number: int | None = None) -> ListPage | None:
        """The list page at sub-tab *number* (default: the current one); None for the further
        sub-tabs the lists tab adds after the three lists (the monthly study, five batches)."""
        index = self.tabs.currentIndex() if number is None else number
        return self.pages[index] if 0 <= index < len(self.pages) else None

    def update_rates(self, *_args: object) -> None:
        """The three rates of what the visible list is filtered to; hidden under a sub-tab
        that is not one of the lists (its filter would not be the one shown)."""
        from db.queries.rates import three_rates

        page = self.list_page()
        self.rates.setVisible(page is not None)
        if page is None:
            return
        f = rate_filter(page.filters.problem_filter() if page.kind == "problems" else
                        page.filters.task_filter())
        # Most filter changes (text, status, area...) leave the rates' scope alone; they are
        # counted again only when it changes, or after a save (refresh() forgets the scope).
        if f == self._rates_scope:
            return
        with self.db.session() as s:
            self.rates.show_rates(three_rates(s, f))
        self._rates_scope = f

    def _show_due(self, due: str) -> None:
        self.tabs.setCurrentIndex(TASKS)
        bar = self.pages[TASKS].filters
        bar.blockSignals(True)
        bar.reset()
        bar.due.setCurrentIndex(bar.due.findData(due))
        bar.blockSignals(False)
        bar.apply_now()

    # -- selection and the linked details -------------------------------------------------------

    def _selection_changed(self, number: int) -> None:
        if self.list_page(number) is None:
            return  # a further sub-tab: no list selection to follow
        page = self.pages[number]
        ids = page.selected_ids()
        assert page.model is not None
        with self.db.session() as s:
            if number == PROBLEMS:
                self.problem = problem_detail(s, ids[0], self.actor) if len(ids) == 1 else None
                if self.problem is not None:
                    page.details.show_problem(self.problem)
                else:
                    page.details.show_nothing()
            else:
                task_id = ids[0] if ids else None
                if number == EFFECTS and ids:
                    task_id = page.model.row(page.selected_rows()[0]).task_id
                self.task = task_detail(s, task_id) if task_id else None
                if self.task is not None:
                    page.details.show_task(self.task)
                else:
                    page.details.show_nothing()
        self._update_actions()

    def _update_actions(self) -> None:
        p, t, e = self.pages
        read_only = self.tr("Closed out items are read-only; reopen the task first to change "
                            "it.")
        problem = self.problem if p.selected_rows() else None
        closed = problem is not None and problem.status == "closed"
        merged = problem is not None and problem.status == "merged"
        tip = read_only if closed else (self.tr("This problem was merged into another one.")
                                        if merged else "")
        for name in ("editProblem", "strongProblem", "mergeProblem"):
            p.buttons[name].setEnabled(problem is not None and not closed and not merged)
            p.buttons[name].setToolTip(tip)
        if problem is not None:
            p.buttons["strongProblem"].setText(
                self.tr("Clear ★ strongly reported") if problem.strongly_reported
                else self.tr("★ Strongly reported"))
        p.buttons["problemHistory"].setEnabled(problem is not None)
        p.buttons["openTask"].setEnabled(bool(p.selected_rows()) and not closed)
        p.buttons["openTask"].setToolTip(read_only if closed else "")
        task = self.task
        for page in (t, e):
            has = task is not None and bool(page.selected_rows())
            done_or_closed = has and task is not None and task.status in ("done", "closed")
            is_closed = has and task is not None and task.status == "closed"
            for name in ("editTask", "addProgress", "recordEffect", "followUp", "closeOut",
                         "extendDeadline", "escalate"):
                if name in page.buttons:
                    page.buttons[name].setEnabled(has and not is_closed)
                    page.buttons[name].setToolTip(read_only if is_closed else "")
            page.buttons["reopen"].setEnabled(done_or_closed)
            page.buttons["taskHistory"].setEnabled(has)
            has_effect = has and task is not None and task.effect is not None
            page.buttons["evidence"].setEnabled(has_effect)
            page.buttons["evidence"].setToolTip(
                "" if has_effect or not has else self.tr("Record the effect first."))
        self._update_escalate_button()

    def _update_escalate_button(self) -> None:
        """The button names the next step of the ladder; at the top it is disabled."""
        button = self.pages[TASKS].buttons["escalate"]
        step = next_step(self.task) if self.task is not None else "chase"
        texts = {"chase": self.tr("Chase notice…"), "supervision": self.tr("Supervise…"),
                 "criticism": self.tr("Public criticism…")}
        button.setText(texts.get(step or "criticism", texts["criticism"]))
        if step is None and button.isEnabled():
            button.setEnabled(False)
            button.setToolTip(self.tr("Already listed for public criticism: the top of the "
                                      "ladder."))

    def _double_clicked(self, number: int) -> None:
        """Jump to the linked item: a problem's task, a task's effect, an effect's task."""
        if number == PROBLEMS and self.problem is not None and self.problem.tasks:
            self.jump_to("task", self.problem.tasks[0].id)
        elif number == TASKS and self.task is not None:
            if self.task.effect is not None:
                self.jump_to("effect", self.task.id)
            elif self.task.problems:
                self.jump_to("problem", self.task.problems[0].id)
        elif number == EFFECTS and self.task is not None:
            self.jump_to("task", self.task.id)

    def jump_to(self, kind: str, record_id: uuid.UUID) -> None:
        """Show one record in its list: that day's rows only, the record selected."""
        target: uuid.UUID | None
        with self.db.session() as s:
            if kind == "problem":
                p = problem_detail(s, record_id, self.actor)
                number, day, target = PROBLEMS, (p.reported_on if p else None), record_id
            else:
                t = task_detail(s, record_id)
                number = TASKS if kind == "task" else EFFECTS
                day = None
                if t is not None:
                    day = t.opened_on if kind == "task" else (t.effect.completed_on
                                                              if t.effect else None)
                target = record_id if kind == "task" else (t.effect.id if t and t.effect
                                                           else None)
        if day is None or target is None:
            return
        page = self.pages[number]
        self.tabs.setCurrentIndex(number)
        bar = page.filters
        bar.blockSignals(True)
        bar.reset()
        bar.set_day(day)
        bar.blockSignals(False)
        self.reload(number)
        assert page.model is not None
        for _ in range(MAX_JUMP_PAGES):
            row = page.model.find_row(target)
            if row is not None:
                page.select_row(row)
                page.view.setFocus()
                return
            if not page.model.canFetchMore():
                return
            page.model.fetchMore()

    # -- dialogs --------------------------------------------------------------------------------

    def _open(self, dialog: FormDialog, *, select: str | None = None) -> None:
        """Show *dialog* (window-modal, not blocking); after a save, reload and reselect."""
        self.current_dialog = dialog

        def saved(result: Any) -> None:
            self.after_save(select, getattr(result, "id", None))

        dialog.saved.connect(saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def after_save(self, select: str | None = None, record_id: Any = None) -> None:
        self.refresh()
        self.data_changed.emit()
        if select is not None and record_id is not None:
            self.jump_to(select, record_id)

    def new_problem(self) -> None:
        self.tabs.setCurrentIndex(PROBLEMS)
        self._open(ProblemDialog(self.db, self.actor, self.choices, parent=self),
                   select="problem")

    def edit_problem(self) -> None:
        if self.problem is not None:
            self._open(ProblemDialog(self.db, self.actor, self.choices, self.problem, self),
                       select="problem")

    def merge_problem(self) -> None:
        if self.problem is not None:
            self._open(MergeDialog(self.db, self.actor, self.problem, self), select="problem")

    def toggle_strong(self) -> None:
        p = self.problem
        if p is None:
            return
        try:
            mark_strongly_reported(self.db, self.actor, p.id, p.version,
                                   strongly=not p.strongly_reported)
        except AppError as error:
            show_app_error(self, error)
            return
        self.after_save("problem", p.id)

    def open_task(self) -> None:
        ids = self.pages[PROBLEMS].selected_ids() if self.tabs.currentIndex() == PROBLEMS else []
        with self.db.session() as s:
            problems = problems_brief(s, ids)
        self._open(TaskDialog(self.db, self.actor, self.choices, problems, parent=self),
                   select="task")

    def edit_task(self) -> None:
        if self.task is not None:
            self._open(TaskDialog(self.db, self.actor, self.choices, [], self.task, self),
                       select="task")

    def add_progress(self) -> None:
        if self.task is not None:
            self._open(ProgressDialog(self.db, self.actor, self.task, self))

    def record_effect(self) -> None:
        if self.task is not None:
            dialog = EffectDialog(self.db, self.actor, self.task, self)
            self._open(dialog)

    def follow_up(self) -> None:
        task = self.task
        if task is None:
            return
        dialog = EvaluationDialog(self.db, self.actor, task, self)
        dialog.saved.connect(lambda _result: self._after_rating(task, dialog.rating_code()))
        self._open(dialog)

    def _after_rating(self, before: TaskDetail, rating: str) -> None:
        if rating != "unsatisfied" or before.status != "done":
            return
        QMessageBox.information(
            self, self.tr("Sent back to work"),
            self.tr("The people are not satisfied, so task {number} is back “in progress” and "
                    "its problems too. Keep working on it, record a new effect and ask again "
                    "before closing it out.").format(number=before.number))

    def extend_deadline(self) -> None:
        if self.task is not None:
            self._open(ExtensionDialog(self.db, self.actor, self.task, self), select="task")

    def escalate(self) -> None:
        task = self.task
        if task is None:
            return
        step = next_step(task)
        if step is not None:
            self._open(EscalationDialog(self.db, self.actor, self.choices, task, step, self),
                       select="task")

    def show_evidence(self) -> None:
        task = self.task
        if task is None or task.effect is None:
            return
        dialog = EvidenceDialog(self.db, self.actor, task.effect.id, task.number,
                                read_only=task.status == "closed", parent=self)
        self.current_dialog = dialog
        dialog.box.changed.connect(self.data_changed)
        dialog.finished.connect(lambda _r: self.after_save())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def close_out(self) -> None:
        if self.task is not None:
            self._open(CloseOutDialog(self.db, self.actor, self.task, self))

    def reopen(self) -> None:
        if self.task is not None:
            self._open(ReopenDialog(self.db, self.actor, self.task, self))

    def show_history(self) -> None:
        if self.tabs.currentIndex() == PROBLEMS:
            if self.problem is None:
                return
            record_id, title = self.problem.id, self.problem.number
        else:
            if self.task is None:
                return
            record_id, title = self.task.id, self.task.number
        with self.db.session() as s:
            entries = record_history(s, record_id)
        dialog = HistoryDialog(title, entries, self)
        self.current_dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
