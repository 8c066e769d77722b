"""Installing translations: ours (``resources/i18n/minqing_<lang>.qm``) and Qt's own.

English is the source language, so "en" installs nothing (Qt's own strings are English too).
Switching language at run time removes the previous translators; widgets retranslate on
``QEvent.LanguageChange``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.resources import resources_dir

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
CATALOG = "minqing"

_installed: list[QTranslator] = []
_current = "en"


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def qm_path(lang: str) -> Path:
    return i18n_dir() / f"{CATALOG}_{lang}.qm"


def qt_translations_dir() -> Path:
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def current_language() -> str:
    return _current


def install_translators(lang: str = DEFAULT_LANGUAGE) -> str:
    """Make ``lang`` the interface language; returns the language actually installed."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if lang != "en":
        # Qt's own (dialog buttons, context menus), then ours: the last installed is asked first.
        candidates = [
            (qt_translations_dir(), f"qtbase_{lang}"),
            (i18n_dir(), f"{CATALOG}_{lang}"),
        ]
        for folder, name in candidates:
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("translation %s not found in %s", name, folder)
    # Dates and numbers in widgets (QDateEdit, spin boxes) follow the interface language.
    QLocale.setDefault(QLocale("en_US" if lang == "en" else lang))
    _current = lang
    return lang
