"""A spreadsheet dropped on the main window opens the Excel import for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

from desktop.ui.excel.kinds import is_sheet


def dropped_sheet(mime: QMimeData | None) -> Path | None:
    """The one local spreadsheet file a drag carries, else None (text, several files...)."""
    if mime is None or not mime.hasUrls():
        return None
    urls = [u for u in mime.urls() if u.isLocalFile()]
    if len(urls) != 1:
        return None
    path = Path(urls[0].toLocalFile())
    return path if is_sheet(path) else None


class SheetDropFilter(QObject):
    """Installed on the window (which must ``setAcceptDrops(True)``): accepts a drag carrying
    one spreadsheet and hands the dropped file to *on_drop*."""

    def __init__(self, window: QWidget, on_drop: Callable[[Path], None]) -> None:
        super().__init__(window)
        self._on_drop = on_drop
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(
                event, QDragEnterEvent | QDragMoveEvent):
            if dropped_sheet(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            path = dropped_sheet(event.mimeData())
            if path is not None:
                event.acceptProposedAction()
                self._on_drop(path)
                return True
        return super().eventFilter(watched, event)
