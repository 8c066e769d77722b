"""The 三个清单 tab with its two further sub-tabs: the window's commands, refresh and a language
change work on every sub-tab, and the list pages keep working beside them."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.outcomes.dialog import OutcomeDialog
from desktop.ui.studies.widget import NewStudyDialog
from desktop.ui.tabs.base import Command
from desktop.ui.tabs.lists import ListsTab


def test_sub_tabs_commands_refresh_and_language(qtbot: QtBot, window: MainWindow) -> None:
    tab = window.pages["lists"]
    assert isinstance(tab, ListsTab)
    window.tabs.setCurrentWidget(tab)
    tabs = tab.body.tabs

    assert tab.body.rates.isVisible()  # under a list: the rates of its filter
    tabs.setCurrentIndex(tab.studies_index)
    assert not tab.body.rates.isVisible()  # no list here, so no list filter's rates
    assert tab.commands() == {Command.NEW}  # no list search on this page
    assert not window.actions_["find"].isEnabled()
    window.refresh()  # F5 on the sub-tab: no list page is looked up by its index
    window.actions_["new"].trigger()
    assert isinstance(tab.studies.current_dialog, NewStudyDialog)
    tab.studies.current_dialog.reject()

    tabs.setCurrentIndex(tab.outcomes_index)
    window.actions_["new"].trigger()
    dialog = tab.outcomes.current_dialog
    assert isinstance(dialog, OutcomeDialog)
    assert dialog.batch.currentData() == "experiences"  # the first write-up batch
    dialog.reject()

    install_translators("en")
    try:  # LanguageChange is a posted event
        qtbot.waitUntil(lambda: [tabs.tabText(i) for i in range(tabs.count())][3:]
                        == ["Monthly study", "Five batches"])
        assert tab.publish_button.text() == "Publish the lists…"
        assert tab.outcomes.tabs.tabText(2).startswith("Practices worth sharing")
        assert tab.studies.new_button.text() == "Record a study…"
    finally:
        install_translators("zh_CN")
    qtbot.waitUntil(lambda: tabs.tabText(tab.outcomes_index) == "五个一批")

    # Back on a list page, the lists' own commands and selection work as before.
    tabs.setCurrentIndex(0)
    assert tab.body.rates.isVisible()
    assert tab.commands() == {Command.NEW, Command.FIND}
    assert window.actions_["find"].isEnabled()
    window.actions_["find"].trigger()  # the list page's own search (no error on the way)
    window.refresh()
