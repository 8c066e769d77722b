"""The preview of a generated report: its pages as they will print, then Print or Save as….

It owns the temporary PDF: closing the preview removes it (a saved copy is the clerk's own).
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QStandardPaths, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.reports.generate import discard
from desktop.ui.reports.printing import PrintError, prepare_printer, print_pdf
from desktop.ui.settings import app_settings
from desktop.ui.worker import ProgressDialog

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0


class ReportPreview(QDialog):
    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("Preview: {title}").format(title=title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.pdf = pdf
        self.title = title
        self.last_printed = 0
        self._closed = False

        self.document = QPdfDocument(self)
        self.document.load(str(pdf))
        self.view = QPdfView()
        self.view.setObjectName("reportPdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("printReport")
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(self.tr("&Save as…"))
        self.save_button.setObjectName("saveReport")
        self.save_button.clicked.connect(self.save_as)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        self.previous_button = self._tool(
            "◀", self.tr("Previous page (Page Up)"), self.previous_page,
            QKeySequence.StandardKey.MoveToPreviousPage)
        self.page_label = QLabel()
        self.page_label.setObjectName("pageLabel")
        self.next_button = self._tool("▶", self.tr("Next page (Page Down)"), self.next_page,
                                      QKeySequence.StandardKey.MoveToNextPage)
        self.zoom_out_button = self._tool("－", self.tr("Zoom out (Ctrl+-)"), self.zoom_out,
                                          QKeySequence.StandardKey.ZoomOut)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("400%"))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool("＋", self.tr("Zoom in (Ctrl++)"), self.zoom_in,
                                         QKeySequence.StandardKey.ZoomIn)
        self.fit_width_button = QPushButton(self.tr("Fit &width"))
        self.fit_width_button.clicked.connect(self.fit_width)
        self.fit_page_button = QPushButton(self.tr("Whole &page"))
        self.fit_page_button.clicked.connect(self.fit_page)

        bar = QHBoxLayout()
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addSpacing(24)
        for widget in (self.previous_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(24)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_width_button, self.fit_page_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._update_page_label)
        self.view.zoomFactorChanged.connect(self._update_zoom_label)
        self.view.zoomModeChanged.connect(self._update_zoom_label)
        self._update_page_label()
        self._update_zoom_label()
        self.resize(900, 1000)
        settings = app_settings()
        geometry = settings.value("reports/preview_geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _tool(self, text: str, tip: str, slot: object,
              key: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setShortcut(QKeySequence(key))
        button.clicked.connect(slot)
        return button

    # -- pages and zoom -----------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, index: int) -> None:
        index = max(0, min(index, self.page_count() - 1))
        self.view.pageNavigator().jump(index, QPointF(), self.view.pageNavigator().currentZoom())
        self._update_page_label()

    @Slot()
    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    @Slot()
    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    @Slot()
    def _update_page_label(self) -> None:
        count = self.page_count()
        self.page_label.setText(self.tr("Page {n} of {m}").format(
            n=self.current_page() + 1 if count else 0, m=count))
        self.previous_button.setEnabled(self.current_page() > 0)
        self.next_button.setEnabled(self.current_page() < count - 1)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(factor, ZOOM_MAX)))
        self._update_zoom_label()

    @Slot()
    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    @Slot()
    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    @Slot()
    def _update_zoom_label(self) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{round(self.view.zoomFactor() * 100)}%")
        elif self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            self.zoom_label.setText(self.tr("Width"))
        else:
            self.zoom_label.setText(self.tr("Page"))

    # -- print and save -----------------------------------------------------------------------

    @Slot()
    def print_report(self) -> None:
        """The system print dialog, then the pages to the chosen printer (off the GUI thread)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        printer.setDocName(self.title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print on *printer* as set up (tests give one writing a PDF file)."""
        prepare_printer(printer)
        progress = ProgressDialog(self.tr("Printing {title}").format(title=self.title), self)
        pdf = self.pdf
        progress.start(lambda p: print_pdf(pdf, printer, p), self._printed,
                       on_error=self._print_failed, on_cancelled=self._print_cancelled)

    def _printed(self, pages: int) -> None:
        self.last_printed = pages
        self.status(self.tr("Sent {n} pages to the printer.").format(n=pages))

    def _print_cancelled(self) -> None:
        self.status(self.tr("Printing cancelled; the pages already sent may still print."))

    def _print_failed(self, exc: BaseException) -> None:
        log.warning("printing %s failed: %r", self.pdf, exc)
        reason = str(exc) if isinstance(exc, PrintError) else type(exc).__name__
        QMessageBox.warning(self, self.tr("Cannot print"), self.tr(
            "The report could not be sent to the printer ({reason}). Check that the printer is "
            "switched on and chosen in the print dialog, then try again; or save the report as a "
            "PDF file and print that.").format(reason=reason))

    def status(self, text: str) -> None:
        self.setWindowTitle(self.tr("Preview: {title}").format(title=self.title) + " — " + text)

    def default_save_path(self) -> str:
        settings = app_settings()
        folder = settings.value("reports/save_dir") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(str(folder)) / self.pdf.name)

    @Slot()
    def save_as(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), self.default_save_path(),
            self.tr("PDF files (*.pdf)"))
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Copy the generated PDF to *path* (".pdf" added when missing); False on failure,
        after saying why."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            shutil.copyfile(self.pdf, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr(
                "The report could not be saved to {path} ({reason}). Nothing was written there; "
                "the report is still open here. Choose another folder (for example 文档) and "
                "save again.").format(path=path, reason=exc.strerror or exc))
            return False
        settings = app_settings()
        settings.setValue("reports/save_dir", str(path.parent))
        self.status(self.tr("Saved to {path}").format(path=path))
        return True

    # -- closing ------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._clean_up()
        super().closeEvent(event)

    def done(self, result: int) -> None:  # Esc and the close button end here too
        self._clean_up()
        super().done(result)

    def _clean_up(self) -> None:
        if self._closed:
            return
        self._closed = True
        app_settings().setValue("reports/preview_geometry", self.saveGeometry())
        self.document.close()  # Windows cannot remove a file that is still open
        discard(self.pdf)
