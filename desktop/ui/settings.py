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
