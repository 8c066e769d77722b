"""Printing a generated PDF through a QPrinter: each page rendered by QtPdf at the printer's
resolution and painted at its real size.

The printer is set to full-page mode, so the painter's origin is the corner of the sheet and
an A4 page lands on A4 paper at 1:1: the GB/T 9704 margins stay what they are in the PDF (they
are far wider than any printer's unprintable border). A page on other paper is scaled to fit.
Landscape pages of our reports are A4 sheets turned a quarter (``/Rotate 90``, shown upright on
screen); on portrait paper they are turned back, so the table's head lies along the binding
edge as the standard wants.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QTransform
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.progress import Progress

# Enough for sharp text; 600 dpi would need 140 MB per A4 page image.
MAX_DPI = 300


class PrintError(Exception):
    """The printer could not be started (no printer, or the output file cannot be written)."""


def page_range(printer: QPrinter, page_count: int) -> range:
    """The pages (0-based) the print dialog asked for: all, or "from … to …"."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(printer.fromPage(), 1)
        last = min(printer.toPage() or page_count, page_count)
        return range(first - 1, last)
    return range(page_count)


def prepare_printer(printer: QPrinter) -> None:
    """Full-page mode and a resolution we can afford to render at (before the dialog)."""
    printer.setFullPage(True)
    printer.setResolution(min(printer.resolution(), MAX_DPI))


def print_pdf(pdf: Path, printer: QPrinter, progress: Progress | None = None) -> int:
    """Print the pages of *pdf* the printer asks for; returns the number printed.

    May run on a worker thread: it opens its own QPdfDocument and touches no widget.
    """
    progress = progress or Progress()
    document = QPdfDocument()
    error = document.load(str(pdf))
    if error != QPdfDocument.Error.None_:
        raise PrintError(str(pdf))
    try:
        pages = page_range(printer, document.pageCount())
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(printer.printerName() or printer.outputFileName())
        try:
            dpi = printer.resolution()
            sheet = printer.pageLayout().fullRectPixels(dpi)
            for done, index in enumerate(pages):
                progress.check()
                progress.update(None, done / max(len(pages), 1))
                if done:
                    printer.newPage()
                _paint_page(painter, document, index, dpi,
                            QRectF(0, 0, sheet.width(), sheet.height()))
        finally:
            painter.end()
        return len(pages)
    finally:
        document.close()


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, dpi: int,
                sheet: QRectF) -> None:
    size = document.pagePointSize(index)  # as shown: a turned page is wider than high
    width, height = size.width() * dpi / 72.0, size.height() * dpi / 72.0
    turn = (width > height) != (sheet.width() > sheet.height())
    if turn:
        width, height = height, width
    scale = min(sheet.width() / width, sheet.height() / height, 1.0)
    width, height = width * scale, height * scale
    render = QSize(round(height), round(width)) if turn else QSize(round(width), round(height))
    image = document.render(index, render)
    if turn:
        # Back to the sheet the page was drawn on: a quarter turn anticlockwise undoes /Rotate 90.
        image = image.transformed(QTransform().rotate(-90))
    origin = QPointF((sheet.width() - width) / 2, (sheet.height() - height) / 2) \
        if scale < 1.0 else QPointF(0, 0)
    painter.drawImage(QRectF(origin, QRectF(0, 0, width, height).size()), image)
