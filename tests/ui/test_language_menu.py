"""The language chosen from 视图 → 语言 is kept for the next start, under the same key as the
settings dialog's choice (which the start reads)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.i18n import current_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import LANGUAGE_KEY, app_settings, stored_text
from desktop.ui.settings_dialog.pc_pages import LanguagePage


def test_the_menu_choice_is_kept_for_the_next_start(window: MainWindow, qtbot: QtBot) -> None:
    assert stored_text(app_settings(), LANGUAGE_KEY) == ""  # nothing chosen yet
    window.actions_["lang_en"].trigger()
    assert current_language() == "en"
    # Another QSettings over the same file — what the next start reads (desktop.ui.app).
    assert stored_text(app_settings(), LANGUAGE_KEY) == "en"
    page = LanguagePage()
    qtbot.addWidget(page)
    page.load_pc(app_settings())
    assert page.chosen() == "en"  # the settings dialog shows the same choice

    window.actions_["lang_zh_CN"].trigger()
    assert current_language() == "zh_CN"
    assert stored_text(app_settings(), LANGUAGE_KEY) == "zh_CN"
