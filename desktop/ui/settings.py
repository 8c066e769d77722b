"""The application's QSettings, always in INI format.

INI rather than the Windows registry: one file per user that can be copied, inspected and
(in tests) redirected with ``QSettings.setPath(IniFormat, UserScope, folder)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "MinqingTaizhang"
APPLICATION = "MinqingTaizhang"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


# Per-PC choices made in the settings dialog, read at the next start (desktop.ui.app).
LANGUAGE_KEY = "ui/language"
DATABASE_URL_KEY = "database/url"  # a PostgreSQL server; empty: the local file
DATABASE_PATH_KEY = "database/path"  # another local file; empty: the data folder's
FONT_SOURCE_KEY = "fonts/source"  # "bundled" or "system" (desktop.fonts.FONT_SOURCES)


def stored_text(settings: QSettings, key: str) -> str:
    value = settings.value(key, "")
    return value.strip() if isinstance(value, str) else ""
