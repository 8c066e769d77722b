"""Reports in the app: the Reports menu → the kind and its parameters → generated in the
background with a progress bar and Cancel → the preview → Print or Save as….

``install`` is the feature entry of the main window (``FEATURES``): it takes over the "make a
report" placeholder and adds one menu entry per report kind. Heavy imports (the report kinds,
reportlab, QtPdf) happen only here, after the first paint.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtWidgets import QDialog, QMessageBox

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams
    from desktop.ui.main_window import MainWindow
    from desktop.ui.reports.preview import ReportPreview
    from desktop.ui.worker import ProgressDialog

log = logging.getLogger(__name__)


class ReportsFeature(QObject):
    """Runs the report flow for one main window; keeps the open previews alive."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.previews: list[ReportPreview] = []
        self.dialog: QDialog | None = None
        self.progress: ProgressDialog | None = None  # of the report being made (or last made)
        self._swept = False
        # Closing the main window closes the previews first, so their temporary files go too.
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            for preview in list(self.previews):
                preview.close()
        return False

    @Slot()
    def choose(self, kind: str | None = None) -> None:
        """The report dialog (with *kind* chosen), then generate what the clerk picked."""
        from desktop.ui.reports.choices import load_choices
        from desktop.ui.reports.dialog import ReportDialog

        database = self.window.database
        if database is None:
            return
        with database.session() as session:
            choices = load_choices(session)
        settings = self.window.settings
        if kind is None:  # from the toolbar: the kind made last time
            kind = str(settings.value("reports/last_kind", "") or "") or None
        dialog = ReportDialog(choices, kind, self.window)
        self.dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.current_kind()
            params = dialog.params()
        finally:
            self.dialog = None
            dialog.deleteLater()
        if chosen is not None:
            settings.setValue("reports/last_kind", chosen.key)
            self.generate(chosen.key, params)

    def generate(self, key: str, params: ReportParams) -> None:
        """Write the report off the GUI thread; the preview opens when it is done."""
        from desktop.reports.catalog import REPORTS
        from desktop.ui.reports.generate import generate
        from desktop.ui.worker import ProgressDialog

        database = self.window.database
        if database is None:
            return
        if not self._swept:  # once per session: what a crash or a power cut left behind
            from desktop.ui.reports.generate import sweep_stale

            sweep_stale()
            self._swept = True
        title = REPORTS[key].title
        self.progress = ProgressDialog(self.tr("Making {title}").format(title=title), self.window)
        self.progress.start(
            lambda progress: generate(database, key, params, progress),
            lambda pdf: self.show_preview(pdf, title),
            on_error=lambda exc: self.failed(title, exc),
            on_cancelled=lambda: self.cancelled(title),
        )

    def show_preview(self, pdf: Path, title: str) -> ReportPreview:
        from desktop.ui.reports.preview import ReportPreview

        preview = ReportPreview(pdf, title, self.window)
        self.previews.append(preview)
        preview.destroyed.connect(lambda: self.previews.remove(preview)
                                  if preview in self.previews else None)
        preview.show()
        return preview

    def cancelled(self, title: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("{title}: cancelled; no file was made.").format(title=title), 10_000)

    def failed(self, title: str, exc: BaseException) -> None:
        """Say in words what went wrong: a clerk's error as it is; anything else is logged
        with its traceback and summarised (the traceback never reaches the clerk)."""
        from db.errors import AppError

        if isinstance(exc, AppError):
            reason = exc.message
        else:
            from desktop.logs import setup_logging

            where = setup_logging()  # as the crash handler does: the details must be kept
            log.error("report %s failed", title, exc_info=(type(exc), exc, exc.__traceback__))
            reason = self.tr(
                "the program met an error it did not expect ({error}). The details are in the "
                "log file {path}; please send it to the person who supports the program"
            ).format(error=type(exc).__name__, path=where or "—")
        QMessageBox.warning(self.window, self.tr("Report not made"), self.tr(
            "The report “{title}” was not made: {reason}.\n\nNo file was written and no data "
            "was changed. You can try again, perhaps with other choices.").format(
                title=title, reason=reason.rstrip("。.")))


def install(window: MainWindow) -> None:
    from desktop.reports.catalog import REPORTS

    feature = ReportsFeature(window)
    window.reports_feature = feature  # type: ignore[attr-defined]
    window.provide("reports", lambda: feature.choose())
    menu = window.menus["reports"]
    if REPORTS:
        menu.addSeparator()
    for kind in REPORTS.values():
        window.add_action(
            "reports", f"report_{kind.key}",
            # The titles are Chinese whatever the interface language: the reports are.
            lambda kind=kind: f"{kind.title}…",
            lambda _checked=False, key=kind.key: feature.choose(key),
        )
