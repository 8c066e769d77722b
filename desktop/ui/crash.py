"""What happens to an exception nobody caught: it is logged and shown, never just printed.

Errors the user can act on (``db.errors.AppError``) appear as a plain message in words. Anything
else is a bug: the crash dialog says so, shows the details, offers 复制详细信息 (to paste into
a message to support) and names the log file.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger("desktop.crash")

_showing = False  # an error inside the dialog must not open another dialog, forever


translate = QCoreApplication.translate


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details
        intro = QLabel(self.tr(
            "The program ran into an error it did not expect. What you saved before is safe; "
            "the last action may not have been completed.\n\n"
            "Please copy the details and send them to the person who supports this program."
        ))
        intro.setWordWrap(True)
        message = QLabel(summary)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 220)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(message)
        layout.addWidget(self.text)
        if log_path is not None:
            where = QLabel(self.tr("Log file: {path}").format(path=log_path))
            where.setWordWrap(True)
            layout.addWidget(where)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def format_details(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> str:
    from desktop.version import app_version  # tomllib: not needed before the first paint

    lines = [
        f"民情台账 {app_version()}",
        f"Python {sys.version.split()[0]} on {sys.platform}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def handle_exception(exc_type: type[BaseException], exc: BaseException,
                     tb: TracebackType | None) -> None:
    """The sys.excepthook of the GUI."""
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from db.errors import AppError  # db.errors imports nothing heavy
    from desktop.logs import setup_logging  # local: not needed before first paint

    # A crash before logging was set up is still written down; None when the log folder
    # cannot be written (then the dialog does not point at a file that is not there).
    written = setup_logging()
    known = isinstance(exc, AppError)
    if known:
        log.warning("%s: %s", exc_type.__name__, exc)
    else:
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
    app = QApplication.instance()
    if app is None or _showing:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _showing = True
    try:
        parent = QApplication.activeWindow()
        if known:
            QMessageBox.warning(parent, translate("CrashDialog", "Cannot do that"), str(exc))
        else:
            path: Path | None = written if written is not None and _has_handler() else None
            summary = f"{exc_type.__name__}: {exc}"
            CrashDialog(summary, format_details(exc_type, exc, tb), path, parent).exec()
    except Exception:  # the dialog itself failed: at least the console and the log have it
        sys.__excepthook__(exc_type, exc, tb)
    finally:
        _showing = False


def _has_handler() -> bool:
    import logging.handlers

    return any(isinstance(h, logging.handlers.RotatingFileHandler)
               for h in logging.getLogger().handlers)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    """An exception that ends a thread of our own (not a run_task worker: those hand theirs
    to the GUI thread) is logged; the console alone would lose it in the windowed program."""
    if args.exc_type is SystemExit:
        return
    log.error("uncaught exception in thread %s",
              args.thread.name if args.thread is not None else "?",
              exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))


def install_excepthook() -> None:
    sys.excepthook = handle_exception
    threading.excepthook = _thread_excepthook
