"""The keyboard as a user has it: keys go to the open popup (a completer's list, a combo's
list) if there is one, else to the widget that has the focus."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

NO_MOD = Qt.KeyboardModifier.NoModifier


def target() -> QWidget:
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Key by key: the first key may open a popup that takes the next ones. QTest cannot
    make keys for Chinese characters, so those are sent as key events carrying the text,
    the way a Chinese input method's committed characters arrive."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(target(), char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            widget = target()
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, NO_MOD, char))


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MOD,
          times: int = 1) -> None:
    for _ in range(times):
        widget = target()
        qtbot.keyPress(widget, key, modifier)
        if widget.isVisible():  # Enter may close a popup: no release for a hidden window
            qtbot.keyRelease(widget, key, modifier)


def tab(qtbot: QtBot, times: int = 1) -> None:
    press(qtbot, Qt.Key.Key_Tab, times=times)


def focus_on(qtbot: QtBot, widget: QWidget) -> None:
    """Click-free focus change, as a mouse click on the field would do. (Offscreen, a closed
    popup can leave the window inactive, where setFocus would not take effect.)"""
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    assert QApplication.focusWidget() is widget
