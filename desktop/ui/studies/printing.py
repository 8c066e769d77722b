"""Printing one report kind from a screen (the monthly study, the five-batches compendium): in
the application's report preview when it has one, else straight to a PDF the clerk names.
Either way the report is made in the background."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from db.engine import Database
from db.errors import AppError
from desktop.progress import Progress
from desktop.ui.lists.common import show_app_error
from desktop.ui.worker import ProgressDialog

log = logging.getLogger(__name__)


def report_kind(key: str) -> Any:
    """The report kind *key*, when this build has it (the reports package fills the catalogue;
    without it the screens show their print button disabled)."""
    try:
        from desktop.reports.catalog import REPORTS
    except ImportError:
        log.exception("the report catalogue cannot be loaded")
        return None
    return REPORTS.get(key)


class ReportPrinter(QObject):
    """Makes report *key* for a screen; ``shown`` is the preview dialog last opened (tests)."""

    def __init__(self, parent: QWidget, db: Database, key: str) -> None:
        super().__init__(parent)
        self.screen = parent
        self.db = db
        self.key = key
        self.shown: QWidget | None = None

    def print(self, params: Any, suggested_name: str) -> None:
        kind = report_kind(self.key)
        if kind is None:
            return
        db, key = self.db, self.key
        try:
            from desktop.ui.reports.generate import generate
            from desktop.ui.reports.preview import ReportPreview
        except ImportError:
            self._save(params, suggested_name)
            return

        def work(progress: Progress) -> Path:
            return generate(db, key, params, progress)

        def show(pdf: Path) -> None:
            preview = ReportPreview(pdf, kind.title, self.screen)
            self.shown = preview
            preview.open()

        ProgressDialog(self.tr("Making the report"), self.screen).start(
            work, show, on_error=self._failed)

    def _save(self, params: Any, suggested_name: str) -> None:
        from desktop.reports.catalog import build_report

        path, _ = QFileDialog.getSaveFileName(
            self.screen, self.tr("Save the report"), str(Path.home() / suggested_name),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return
        db, key, out = self.db, self.key, Path(path)

        def work(progress: Progress) -> Path:
            build_report(db, key, out, params, progress)
            return out

        def done(pdf: Path) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(pdf)))

        ProgressDialog(self.tr("Making the report"), self.screen).start(
            work, done, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            show_app_error(self.screen, exc)
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)
