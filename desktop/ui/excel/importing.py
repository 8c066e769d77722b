"""An Excel import from the GUI: recognise the kind, a dry run in the background, the preview,
and — only once the clerk confirms — the write, in the background and in one transaction.

The same flow serves the menu and a file dropped on the window. Every step after the first is
non-blocking (dialogs are opened, not exec'd), so the window keeps painting and a test can
drive each step."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop.progress import Progress
from desktop.ui.excel.choose import KindDialog
from desktop.ui.excel.kinds import guess_kind, is_sheet
from desktop.ui.excel.messages import show_message
from desktop.ui.excel.preview import ImportPreviewDialog
from desktop.ui.worker import ProgressDialog

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database
    from db.excel import ImportPlan, ImportResult


class ExcelImport(QObject):
    """One import, from choosing the file to the result message.

    Signals say where it ended, for the window (refresh) and the tests."""

    previewed = Signal(object)  # the ImportPlan, when the preview opens
    imported = Signal(object)  # the ImportResult, after the write
    finished = Signal()  # any end: written, cancelled, refused

    def __init__(self, database: Database, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.parent_widget = parent
        self.plan: ImportPlan | None = None
        self.preview: ImportPreviewDialog | None = None
        self.progress: ProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.question: KindDialog | None = None
        self.question_path: Path | None = None

    # -- starting -----------------------------------------------------------------------------

    def choose_and_start(self) -> None:
        """The menu entry: ask for the kind (or recognition), then the file."""
        dialog = KindDialog(self.tr("Import from Excel"),
                            self.tr("What does the file hold? The kind can usually be "
                                    "recognised from the header row."),
                            recognise=True, parent=self.parent_widget)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.finished.emit()
            return
        kind = dialog.kind()
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Import from Excel"), "",
            self.tr("Spreadsheets (*.xlsx *.xls *.ods *.xlsm *.xlsb)"))
        if not path:
            self.finished.emit()
            return
        self.start(Path(path), kind)

    def start(self, path: Path, kind: str | None = None) -> None:
        """Check *path* in the background (recognising its kind when *kind* is None)."""
        if not is_sheet(path):
            self._refuse(self.tr("“{name}” is not a spreadsheet. Save it in Excel or WPS as an "
                                 "Excel workbook (.xlsx) and import that.").format(
                name=path.name))
            return
        database = self.database

        def check(progress: Progress) -> ImportPlan | None:
            from db.excel import plan_import

            found = kind
            if found is None:
                progress.update(self.tr("Recognising the kind of records…"), None)
                found = guess_kind(path)
                if found is None:
                    return None
            return plan_import(database, found, path, progress)

        def done(plan: ImportPlan | None) -> None:
            if plan is None:
                self._ask_kind(path)
            else:
                self._show_preview(plan)

        self.progress = ProgressDialog(self.tr("Checking the file"), self.parent_widget)
        self.progress.start(check, done, on_error=self._failed, on_cancelled=self.finished.emit)

    def _ask_kind(self, path: Path) -> None:
        dialog = KindDialog(
            self.tr("Import from Excel"),
            self.tr("The kind of records in “{name}” could not be recognised from its header "
                    "row. What does it hold?").format(name=path.name),
            parent=self.parent_widget)
        dialog.setObjectName("excelKindQuestion")
        self.question, self.question_path = dialog, path
        dialog.accepted.connect(self._kind_chosen)
        dialog.rejected.connect(self.finished.emit)
        dialog.open()

    def _kind_chosen(self) -> None:
        if self.question is not None and self.question_path is not None:
            self.start(self.question_path, self.question.kind())

    # -- preview and confirm ------------------------------------------------------------------

    def _show_preview(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.preview = ImportPreviewDialog(plan, self.parent_widget)
        self.preview.accepted.connect(self.apply)
        self.preview.rejected.connect(self.finished.emit)
        self.preview.open()
        self.previewed.emit(plan)

    def apply(self) -> None:
        """Write the previewed plan (the clerk clicked 导入)."""
        plan = self.plan
        if plan is None or plan.errors:
            return
        database, actor = self.database, self.actor

        def write(progress: Progress) -> ImportResult:
            from db.excel import apply_import

            return apply_import(database, actor, plan, progress)

        self.progress = ProgressDialog(self.tr("Importing"), self.parent_widget)
        self.progress.start(write, self._written, on_error=self._failed)

    def _written(self, result: ImportResult) -> None:
        self.message = show_message(self.parent_widget, self.tr("Import finished"),
                                    result.summary())
        self.imported.emit(result)
        self.finished.emit()

    # -- refusals -----------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        from db.errors import AppError

        if not isinstance(exc, AppError):
            self.finished.emit()
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: the crash dialog
            return
        self._refuse(exc.message)

    def _refuse(self, text: str) -> None:
        self.message = show_message(self.parent_widget, self.tr("Not imported"), text,
                                    warning=True)
        self.finished.emit()
