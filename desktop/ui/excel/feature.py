"""The Excel entries of the 数据交换 menu — save a template, import a sheet, export this table —
and dropping a spreadsheet on the window.

They sit in the Data exchange menu rather than File: like the packages, Excel files are how the
ledger's data goes to and comes from other offices (File holds the record commands: new, save,
print). Installed by MainWindow (``FEATURES``) once the database is attached."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.progress import Progress
from desktop.ui.excel.choose import KindDialog
from desktop.ui.excel.drop import SheetDropFilter
from desktop.ui.excel.importing import ExcelImport
from desktop.ui.excel.kinds import kind_name
from desktop.ui.excel.messages import show_message
from desktop.ui.excel.table_export import TableExport, describe, export_view, write_export
from desktop.ui.worker import ProgressDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def documents_dir() -> Path:
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


class ExcelFeature(QObject):
    """The slots of the Excel entries, for one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current_import: ExcelImport | None = None
        self.progress: ProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.drop_filter = SheetDropFilter(window, self.import_file)

    # -- import -------------------------------------------------------------------------------

    def _new_import(self) -> ExcelImport:
        window = self.window
        assert window.database is not None and window.actor is not None
        if self.current_import is not None:
            self.current_import.deleteLater()
        flow = ExcelImport(window.database, window.actor, window)
        flow.imported.connect(window.refresh)
        self.current_import = flow
        return flow

    def import_from_menu(self) -> None:
        self._new_import().choose_and_start()

    def import_file(self, path: Path) -> None:
        """A file dropped on the window: its kind is recognised from the headers."""
        self._new_import().start(path)

    # -- template -----------------------------------------------------------------------------

    def save_template(self) -> None:
        dialog = KindDialog(self.tr("Save an import template"),
                            self.tr("Which records will the template be filled with?"),
                            parent=self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.kind() is None:
            return
        kind = dialog.kind()
        assert kind is not None
        suggested = documents_dir() / self.tr("{kind} import template.xlsx").format(
            kind=kind_name(kind))
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save an import template"),
                                              str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.write_template(kind, Path(path))

    def write_template(self, kind: str, path: Path) -> None:
        database = self.window.database
        assert database is not None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")

        def write(_progress: Progress) -> Path:
            from db.excel import write_template

            # With the stored regions, units and cadres as drop-downs.
            with database.session() as session:
                return write_template(kind, path, session)

        def done(written: Path) -> None:
            self.message = show_message(
                self.window, self.tr("Template saved"),
                self.tr("The template was saved as {path}. Fill in one record per row below "
                        "the header; the sheet 说明 explains each column.").format(
                    path=written))

        self.progress = ProgressDialog(self.tr("Saving the template"), self.window)
        self.progress.start(write, done, on_error=self._failed)

    # -- export -------------------------------------------------------------------------------

    def export_table(self) -> None:
        page = self.window.current_page()
        view = export_view(page) if page is not None else None
        if view is None:
            self.message = show_message(
                self.window, self.tr("Export to Excel"),
                self.tr("This tab shows no table to export. Open the visit log, the three lists "
                        "or the personnel tab and choose the table first."), warning=True)
            return
        export = describe(view, self.window.tabs.tabText(self.window.tabs.currentIndex()))
        suggested = documents_dir() / f"{export.title}-{date.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export to Excel"),
                                              str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.write_export(export, Path(path))

    def write_export(self, export: TableExport, path: Path) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        total = export.model.total()

        def write(progress: Progress) -> int:
            progress.update(self.tr("Writing {title}…").format(title=export.title), 0.0)
            return write_export(export, path, progress, total)

        def done(count: int) -> None:
            self.message = show_message(
                self.window, self.tr("Export finished"),
                self.tr("{count} rows of “{title}” were written to {path}, with the table's "
                        "filters and column order.").format(
                    count=count, title=export.title, path=path))

        self.progress = ProgressDialog(self.tr("Export to Excel"), self.window)
        self.progress.start(write, done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        from db.errors import AppError

        if isinstance(exc, OSError):
            text = self.tr("The file could not be written: {reason}. Choose another folder or "
                           "close the file in Excel and try again.").format(
                reason=exc.strerror or exc)
        elif isinstance(exc, AppError):
            text = exc.message
        else:
            import sys

            sys.excepthook(type(exc), exc, exc.__traceback__)
            return
        self.message = show_message(self.window, self.tr("Not done"), text, warning=True)


def install(window: MainWindow) -> None:
    feature = ExcelFeature(window)
    window.excel = feature  # type: ignore[attr-defined]  # the tests reach the slots here
    window.menus["exchange"].addSeparator()
    window.add_action(
        "exchange", "excel_template",
        lambda: QCoreApplication.translate("ExcelMenu", "Save an Excel &template…"),
        feature.save_template)
    window.add_action(
        "exchange", "excel_import",
        lambda: QCoreApplication.translate("ExcelMenu", "Import from E&xcel…"),
        feature.import_from_menu)
    window.add_action(
        "exchange", "excel_export",
        lambda: QCoreApplication.translate("ExcelMenu", "Export this table to Exce&l…"),
        feature.export_table)
