"""五个一批: the five batches of results. The first two come from the lists (read-only here);
the other three are write-ups entered, edited and deleted on their own pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QItemSelectionModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
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
from db.services.outcomes import (
    WRITEUP_BATCHES,
    AttachmentRow,
    OutcomeRow,
    ProjectRow,
    SolvedProblemRow,
    batch_counts,
    delete_outcome,
    list_outcomes,
    projects_page,
    solved_page,
)
from db.services.permissions import allowed
from db.vocab import AREAS, OUTCOME_BATCHES
from db.vocab_extra import FIXED, Vocabularies, load_vocabularies
from desktop.ui.lists.common import show_app_error, vocab_label
from desktop.ui.lists.queries import Choice, unit_choices
from desktop.ui.outcomes.dialog import OutcomeDialog
from desktop.ui.studies.printing import ReportPrinter, report_kind
from desktop.ui.studies.tables import make_view, memory_model, show_model
from desktop.ui.studies.view import Figure
from desktop.ui.table_model import RIGHT, Column, PagedTableModel

CTX = "OutcomeColumns"
REPORT_KEY = "five-batches"
# The role that may enter write-ups (db.services.outcomes.OUTCOME_ACTION); greys the buttons.
WRITE_ACTION = "task.edit"


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


PROJECT_COLUMNS: list[Column[ProjectRow]] = [
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Task"), lambda r: r.number, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Practical project"), lambda r: r.title, CTX,
           width=320),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Lead leader"), lambda r: r.lead_leader, CTX,
           width=80),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Responsible unit"),
           lambda r: r.responsible_unit, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Opened on"), lambda r: _day(r.opened_on), CTX,
           width=95),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Closed on"), lambda r: _day(r.closed_on), CTX,
           width=95),
]

def solved_columns(vocabs: Vocabularies = FIXED) -> list[Column[SolvedProblemRow]]:
    """*vocabs* labels the bureau's added areas."""
    areas = vocabs.extend(AREAS)
    return [
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Problem"), lambda r: r.number, CTX,
               width=150),
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Closed on"), lambda r: _day(r.closed_on),
               CTX, width=95),
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Region"), lambda r: r.region, CTX, width=90),
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Unit"), lambda r: r.unit, CTX, width=150),
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Area"), lambda r: vocab_label(areas, r.area),
               CTX, width=60),
        Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Description"), lambda r: r.description,
               CTX, width=380),
    ]

WRITEUP_COLUMNS: list[Column[OutcomeRow]] = [
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Written on"), lambda r: _day(r.written_on), CTX,
           width=95),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Title"), lambda r: r.title, CTX, width=300),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Unit"), lambda r: r.unit, CTX, width=150),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Author"), lambda r: r.author, CTX, width=80),
    Column(QT_TRANSLATE_NOOP("OutcomeColumns", "Attachments"), lambda r: len(r.attachments)
           or "", CTX, RIGHT, width=60),
]


def _paged(db: Database, columns: Sequence[Column[Any]], page: Any, key: Any,
           parent: Any) -> PagedTableModel[Any]:
    """A lazy model over a keyset-paged query (*key* gives a row's cursor)."""

    def fetch(cursor: Any, limit: int) -> tuple[Sequence[Any], Any]:
        with db.session() as s:
            rows = page(s, cursor, limit)
        return rows, (key(rows[-1]) if rows else None)

    return PagedTableModel(columns, fetch, parent=parent)


class WriteupPage(QWidget):
    """One batch of write-ups: New / Edit / Delete, the table, and the chosen one's text and
    files beside it."""

    def __init__(self, batch: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.batch = batch
        self.rows: list[OutcomeRow] = []
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for name in ("newWriteup", "editWriteup", "deleteWriteup"):
            button = QPushButton()
            button.setObjectName(name)
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.view = make_view(f"writeups_{batch}")
        self.text = QPlainTextEdit()
        self.text.setObjectName("writeupText")
        self.text.setReadOnly(True)
        self.files = QListWidget()
        self.files.setObjectName("writeupFiles")
        self.files.setMaximumHeight(100)
        self.files_label = QLabel()
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.text, 1)
        side_layout.addWidget(self.files_label)
        side_layout.addWidget(self.files)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setSizes([700, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

    def set_rows(self, rows: list[OutcomeRow]) -> None:
        keep = self.selected()
        self.rows = rows
        show_model(self.view, memory_model(WRITEUP_COLUMNS, rows, self))
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_selected())
        if keep is not None:
            self.select(keep.id)
        self.show_selected()

    def selected(self) -> OutcomeRow | None:
        selection = self.view.selectionModel()
        rows = selection.selectedRows() if selection is not None else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, outcome_id: Any) -> None:
        model = self.view.model()
        for number, row in enumerate(self.rows):
            if row.id == outcome_id:
                while model.rowCount() <= number and model.canFetchMore():
                    model.fetchMore()
                self.view.selectionModel().select(
                    model.index(number, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                return

    def show_selected(self) -> None:
        row = self.selected()
        self.text.setPlainText(row.body if row else "")
        self.files.clear()
        for a in row.attachments if row else ():
            item = QListWidgetItem(f"📎 {a.file_name}  ({a.size / 1024:.0f} KB)")
            item.setData(Qt.ItemDataRole.UserRole, a)
            item.setToolTip(str(a.path))
            self.files.addItem(item)


class OutcomesWidget(QWidget):
    """The five-batches sub-tab. ``data_changed`` fires after a write-up is saved or deleted."""

    data_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = database
        self.actor = actor
        self.current_dialog: QWidget | None = None
        self.units: list[Choice] = []
        self.counts: dict[str, int] = {}
        self.figures: dict[str, Figure] = {}
        grid = QGridLayout()
        grid.setSpacing(4)
        for n, code in enumerate(OUTCOME_BATCHES.codes()):
            figure = Figure()
            figure.setObjectName(f"batch_{code}")
            self.figures[code] = figure
            grid.addWidget(figure, 0, n)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printCompendium")
        self.print_button.clicked.connect(self.print_compendium)
        self.printer = ReportPrinter(self, database, REPORT_KEY)
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.hint, 1)
        hint_row.addWidget(self.print_button)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("batchTabs")
        self.projects_view: QTableView = make_view("batch_projects")
        self.solved_view: QTableView = make_view("batch_problems")
        self.tabs.addTab(self.projects_view, "")
        self.tabs.addTab(self.solved_view, "")
        self.pages: dict[str, WriteupPage] = {}
        for code in WRITEUP_BATCHES:
            page = WriteupPage(code)
            page.buttons["newWriteup"].clicked.connect(self.new_writeup)
            page.buttons["editWriteup"].clicked.connect(self.edit_writeup)
            page.buttons["deleteWriteup"].clicked.connect(self.delete_writeup)
            page.files.itemDoubleClicked.connect(self._open_file)
            page.view.doubleClicked.connect(lambda _i: self.edit_writeup())
            self.pages[code] = page
            self.tabs.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addLayout(hint_row)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.refresh()

    # -- texts ----------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.hint.setText(self.tr(
            "Practical projects and solved problems are counted from the lists (closed out); "
            "experiences, mechanisms and stories are write-ups entered here, ready for the "
            "compendium."))
        for n, code in enumerate(OUTCOME_BATCHES.codes()):
            self.tabs.setTabText(n, f"{vocab_label(OUTCOME_BATCHES, code)} "
                                    f"({self.counts.get(code, 0)})")
            self.figures[code].set(str(self.counts.get(code, 0)),
                                   vocab_label(OUTCOME_BATCHES, code))
        self.print_button.setText(self.tr("Print the compendium…"))
        has_report = report_kind(REPORT_KEY) is not None
        self.print_button.setEnabled(has_report)
        self.print_button.setToolTip("" if has_report else self.tr(
            "The five batches compendium is not available in this version."))
        may = allowed(self.actor, WRITE_ACTION)
        no_right = "" if may else self.tr(
            "Your role may not enter write-ups: a clerk, a leader or the administrator does.")
        for page in self.pages.values():
            page.buttons["newWriteup"].setText(self.tr("New write-up (Ctrl+N)"))
            page.buttons["editWriteup"].setText(self.tr("Edit"))
            page.buttons["deleteWriteup"].setText(self.tr("Delete"))
            page.files_label.setText(self.tr("Attachments (double-click to open):"))
            for button in page.buttons.values():
                button.setToolTip(no_right)
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        db = self.db
        with db.session() as s:
            self.counts = batch_counts(s)
            self.units = unit_choices(s)
            writeups = {code: list_outcomes(s, code) for code in WRITEUP_BATCHES}
            vocabs = load_vocabularies(s)
        show_model(self.projects_view, _paged(db, PROJECT_COLUMNS, projects_page,
                                              lambda r: r.number, self))
        show_model(self.solved_view, _paged(db, solved_columns(vocabs), solved_page,
                                            lambda r: r.sort_key, self))
        for code, page in self.pages.items():
            page.set_rows(writeups[code])
            page.view.selectionModel().selectionChanged.connect(
                lambda *_a: self._update_actions())
        self.retranslate()

    def current_page(self) -> WriteupPage | None:
        page = self.tabs.currentWidget()
        return page if isinstance(page, WriteupPage) else None

    def _update_actions(self) -> None:
        may = allowed(self.actor, WRITE_ACTION)
        for page in self.pages.values():
            chosen = page.selected() is not None
            page.buttons["newWriteup"].setEnabled(may)
            page.buttons["editWriteup"].setEnabled(may and chosen)
            page.buttons["deleteWriteup"].setEnabled(may and chosen)

    # -- actions --------------------------------------------------------------------------------

    def _open_dialog(self, dialog: OutcomeDialog) -> None:
        self.current_dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, outcome: Any) -> None:
        self.refresh()
        page = self.pages.get(outcome.batch)
        if page is not None:
            self.tabs.setCurrentWidget(page)
            page.select(outcome.id)
        self.data_changed.emit()

    def new_writeup(self) -> None:
        page = self.current_page()
        batch = page.batch if page is not None else WRITEUP_BATCHES[0]
        if page is None:
            self.tabs.setCurrentWidget(self.pages[batch])
        self._open_dialog(OutcomeDialog(self.db, self.actor, self.units, batch, parent=self))

    def edit_writeup(self) -> None:
        page = self.current_page()
        row = page.selected() if page is not None else None
        if row is not None:
            self._open_dialog(OutcomeDialog(self.db, self.actor, self.units, row.batch, row,
                                            self))

    def delete_writeup(self) -> None:
        page = self.current_page()
        row = page.selected() if page is not None else None
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the write-up"),
            self.tr("Delete “{title}”? It stays on record in the history.").format(
                title=row.title))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_outcome(self.db, self.actor, row.id, row.version)
        except AppError as error:
            show_app_error(self, error)
            return
        self.refresh()
        self.data_changed.emit()

    def print_compendium(self) -> None:
        """The five batches as a compendium: the two batches from the lists and the write-ups."""
        from desktop.reports.catalog import ReportParams

        self.printer.print(ReportParams(), f"五个一批_{date.today().isoformat()}.pdf")
        if self.printer.shown is not None:
            self.current_dialog = self.printer.shown

    def _open_file(self, item: QListWidgetItem) -> None:
        attachment = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(attachment, AttachmentRow):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachment.path)))
