"""What every tab has: a heading, a ``refresh()``, and the window commands it supports.

The main window owns the menus and toolbar; a tab says which commands it handles
(``commands()``) and does them (``run_command()``). Actions whose command the current tab does
not handle are disabled, so Ctrl+N on a read-only tab does nothing rather than the wrong thing.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class Command(Enum):
    NEW = "new"  # Ctrl+N
    SAVE = "save"  # Ctrl+S
    PRINT = "print"  # Ctrl+P
    FIND = "find"  # Ctrl+F
    DELETE = "delete"  # Del
    COPY = "copy"  # Ctrl+C (besides the generic "copy the focused table's selected rows")


class TabPage(QWidget):
    """Base of the four tabs: construct with the open Database and the Actor the user works as;
    ``refresh()`` reloads."""

    # Emitted after the tab changed stored data, so the window can update its counts.
    data_changed = Signal()
    # Emitted when the set of commands the tab can run now changes (e.g. a row was selected).
    commands_changed = Signal()

    # Emitted with a short message for the window's status bar ("已保存走访 …").
    status_message = Signal(str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.heading = QLabel()
        self.heading.setObjectName("tabHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.heading)

    def set_body(self, body: QWidget) -> None:
        """Put the tab's content under the heading, in a scroll area: a dense form and table
        need about 1,150 pixels, and on a smaller screen (1024 × 768 office PCs, projectors)
        the window must still fit — the content then scrolls instead of forcing the width."""
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(body)
        self.layout_.addWidget(area, 1)

    # -- to override --------------------------------------------------------------------------

    def heading_text(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text again (called on construction and language change)."""
        self.heading.setText(self.heading_text())

    def refresh(self) -> None:
        """Reload what the tab shows from the database (F5, or after a change elsewhere)."""

    def commands(self) -> set[Command]:
        return set()

    def confirm_discard(self) -> bool:
        """Before the tab is left or the window closed: may unsaved input be dropped?
        (A tab with a form asks the user: save, discard or stay.)"""
        return True

    def run_command(self, command: Command) -> None:
        raise NotImplementedError(command)

    # -- plumbing -----------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
