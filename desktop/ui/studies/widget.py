"""局党组专题研究: the list of stored monthly studies, recording a new one (in the background),
opening one exactly as it was stored, and printing its report."""

from __future__ import annotations

import sys
import uuid
from typing import Any

from PySide6.QtCore import QDate, QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ValidationError
from db.queries.studies import (
    Study,
    StudyChanges,
    StudyRow,
    list_studies,
    load_study,
    study_changes,
)
from db.services.permissions import OWN_UNIT_ROLES, allowed
from db.services.studies import STUDY_ACTION, StudyInput, create_study, default_title
from db.vocab_extra import load_vocabularies
from desktop.progress import Progress
from desktop.ui.lists.common import show_app_error
from desktop.ui.lists.form_base import FormDialog
from desktop.ui.studies.printing import ReportPrinter, report_kind
from desktop.ui.studies.tables import STUDY_COLUMNS, make_view, memory_model, show_model
from desktop.ui.studies.view import StudyView
from desktop.ui.widgets import DateEdit
from desktop.ui.worker import ProgressDialog

REPORT_KEY = "monthly-study"


def may_record(actor: Actor) -> bool:
    """Whether the actor's role may record a study (the service decides; this greys the button).
    A study covers every unit, so the unit-confined roles may not."""
    return allowed(actor, STUDY_ACTION) and actor.role not in OWN_UNIT_ROLES


class NewStudyDialog(FormDialog):
    """The day of the study, an optional title and the party group's opinion; saving freezes the
    lists in the background (a large bureau's lists take a few seconds)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.progress_dialog: ProgressDialog | None = None
        self.setWindowTitle(self.tr("Record a monthly study"))
        self.set_intro(self.tr(
            "The three lists are frozen as they stand on the day of the study. The stored copy "
            "never changes afterwards, whatever is edited later."))
        self.held_on = DateEdit()
        self.held_on.setDate(QDate.currentDate())
        self.held_on.dateChanged.connect(self._date_changed)
        self.title = QLineEdit()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.add_field("held_on", self.tr("Day of the study"), self.held_on)
        self.add_field("title", self.tr("Title"), self.title)
        self.add_field("note", self.tr("Opinion of the party group"), self.note)
        self._date_changed()

    def _date_changed(self) -> None:
        # The service's default title, shown as the placeholder so the clerk sees what it will be.
        self.title.setPlaceholderText(default_title(self.held_on.date().toPython()))

    def study_input(self) -> StudyInput:
        return StudyInput(held_on=self.held_on.date().toPython(), title=self.title.text(),
                          note=self.note.toPlainText())

    def save(self) -> None:
        """Freeze the lists off the GUI thread; field errors and refusals come back here."""
        self.clear_errors()
        data = self.study_input()
        db, actor = self.db, self.actor

        # Worded here, on the GUI thread: the worker touches no widget.
        text = self.tr("Freezing the three lists as of {day}…").format(
            day=data.held_on.isoformat() if data.held_on else "")

        def work(progress: Progress) -> Any:
            progress.update(text, None)
            return create_study(db, actor, data)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                self.show_field_errors(exc)
            elif isinstance(exc, AppError):
                show_app_error(self, exc)
            else:  # a bug: the crash dialog and the log
                sys.excepthook(type(exc), exc, exc.__traceback__)

        self.save_button.setEnabled(False)
        dialog = ProgressDialog(self.tr("Recording the study"), self)
        self.progress_dialog = dialog
        dialog.finished.connect(lambda _r: self.save_button.setEnabled(True))
        dialog.start(work, self._done, on_error=failed)

    def _done(self, study: Any) -> None:
        self.saved.emit(study)
        self.accept()


class StudiesWidget(QWidget):
    """The monthly study sub-tab: studies on the left, the chosen one on the right."""

    data_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = database
        self.actor = actor
        self.current_dialog: QWidget | None = None  # the open dialog, for tests
        self.rows: list[StudyRow] = []
        self.new_button = QPushButton()
        self.new_button.setObjectName("newStudy")
        self.new_button.clicked.connect(self.new_study)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printStudy")
        self.print_button.clicked.connect(self.print_report)
        self.printer = ReportPrinter(self, database, REPORT_KEY)
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        self.list_view = make_view("studyList")
        self.view = StudyView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([300, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.refresh()

    # -- texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("Record a study…"))
        self.print_button.setText(self.tr("Print the study report…"))
        if not may_record(self.actor):
            self.new_button.setToolTip(self.tr(
                "Your role may not record studies: a leader, a clerk or the administrator does."))
        self.count_label.setText(self.tr("{n} studies stored").format(n=len(self.rows)))
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the list -------------------------------------------------------------------------------

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Reload the list of studies; keep (or move to *select*) the chosen one."""
        keep = select or self.selected_id()
        with self.db.session() as s:
            self.rows = list_studies(s)
        show_model(self.list_view, memory_model(STUDY_COLUMNS, self.rows, self))
        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count_label.setText(self.tr("{n} studies stored").format(n=len(self.rows)))
        ids = [r.id for r in self.rows]
        if keep in ids:
            self.select(keep)
        elif self.rows:
            self.select(self.rows[0].id)
        else:
            self.view.show_nothing()
        self._update_actions()

    def selected_id(self) -> uuid.UUID | None:
        selection = self.list_view.selectionModel()
        model = self.list_view.model()
        if selection is None or model is None:
            return None
        rows = selection.selectedRows()
        return self.rows[rows[0].row()].id if rows else None

    def select(self, study_id: uuid.UUID) -> None:
        model = self.list_view.model()
        for number, row in enumerate(self.rows):
            if row.id == study_id:
                while model.rowCount() <= number and model.canFetchMore():
                    model.fetchMore()
                index = model.index(number, 0)
                self.list_view.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.list_view.setCurrentIndex(index)
                return

    def _selection_changed(self, *_args: Any) -> None:
        self.open_study(self.selected_id())

    def open_study(self, study_id: uuid.UUID | None) -> None:
        """Show the stored study: its snapshot and the changes, both from stored snapshots."""
        if study_id is None:
            self.view.show_nothing()
            self._update_actions()
            return
        try:
            with self.db.session() as s:
                study: Study = load_study(s, study_id)
                changes: StudyChanges = study_changes(s, study_id)
                vocabs = load_vocabularies(s)
        except AppError as error:
            self.view.show_nothing()
            show_app_error(self, error)
            return
        self.view.show_study(study, changes, vocabs)
        self._update_actions()

    def _update_actions(self) -> None:
        self.new_button.setEnabled(may_record(self.actor))
        has_report = _report_kind() is not None
        self.print_button.setEnabled(has_report and self.view.study is not None)
        self.print_button.setToolTip(
            "" if has_report else self.tr("The monthly study report is not available in this "
                                          "version."))

    # -- recording ------------------------------------------------------------------------------

    def new_study(self) -> None:
        dialog = NewStudyDialog(self.db, self.actor, self)
        self.current_dialog = dialog
        dialog.saved.connect(self._recorded)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _recorded(self, study: Any) -> None:
        self.refresh(select=study.id)
        self.data_changed.emit()

    # -- the report -----------------------------------------------------------------------------

    def print_report(self) -> None:
        """The monthly study report of the chosen study (not necessarily the latest)."""
        study = self.view.study
        if study is None:
            return
        from desktop.reports.catalog import ReportParams

        self.printer.print(ReportParams(study_id=str(study.row.id)),
                           f"局党组专题研究_{study.row.held_on.isoformat()}.pdf")
        if self.printer.shown is not None:
            self.current_dialog = self.printer.shown


def _report_kind() -> Any:
    return report_kind(REPORT_KEY)
