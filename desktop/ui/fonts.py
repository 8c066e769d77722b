"""Registering the bundled fonts with Qt, so Chinese renders on a PC without CJK fonts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop.fonts import FALLBACK_ROLE, FONTS, UI_ROLE, FontRole, font_path

log = logging.getLogger(__name__)

_registered: dict[FontRole, list[str]] = {}


def register_fonts(roles: list[FontRole] | None = None) -> dict[FontRole, list[str]]:
    """Add the bundled font files (all roles by default) to the application's font database.

    Returns role → family names Qt read from each file. Registering twice is harmless.
    Needs a QGuiApplication.
    """
    for role in roles or list(FontRole):
        if role in _registered:
            continue
        path = font_path(role)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            # A missing or broken file must not stop the program: Qt falls back to whatever
            # the system has, and the log says why Chinese may look wrong.
            log.warning("could not load font %s (%s)", path, role)
            continue
        _registered[role] = QFontDatabase.applicationFontFamilies(font_id)
    return dict(_registered)


def role_font(role: FontRole, point_size: float | None = None) -> QFont:
    """A QFont for a role, falling back to Noto Serif SC for characters the face lacks."""
    font = QFont()
    families = [FONTS[role].family]
    if role != FALLBACK_ROLE:
        families.append(FONTS[FALLBACK_ROLE].family)
    font.setFamilies(families)
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def apply_ui_font(app: QApplication) -> None:
    """Register the interface (黑) font and make it the application font.

    Only this one file is loaded before the first paint; the others follow later
    (``register_fonts()``) because nothing on the first screen needs them.
    """
    register_fonts([UI_ROLE])
    font = role_font(UI_ROLE, app.font().pointSizeF())
    app.setFont(font)
