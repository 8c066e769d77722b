"""The settings dialog, installed over the window's "settings" placeholder action.

Imports nothing heavy at module level (``install`` runs when the database is attached; the
dialog's modules load SQLAlchemy-using services only when it is first opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def open_settings(window: MainWindow) -> None:
    from desktop.ui.settings_dialog.dialog import SettingsDialog

    if window.database is None or window.actor is None:
        return
    dialog = SettingsDialog(window.database, window.actor, window.settings, window)
    if dialog.exec() == dialog.DialogCode.Accepted and dialog.saved_changes:
        from db.campaign import get_setting

        with window.database.session() as session:
            window.org_name = str(get_setting(session, "org.name") or "") or None
        window.retranslate()  # the title carries the organisation's name
        window.refresh()


def make_setup_file(window: MainWindow) -> None:
    from desktop.ui.settings_dialog.setup_file_dialog import SetupFileDialog

    if window.database is None or window.actor is None:
        return
    SetupFileDialog(window.database, window.actor, window).exec()


def install(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    window.provide("settings", lambda: open_settings(window))
    window.add_action(
        "exchange", "setup_file",
        lambda: QCoreApplication.translate("SettingsMenu", "Make a setup file for a new site…"),
        lambda: make_setup_file(window))
