"""A fresh data folder, the application started: the wizard appears after the first paint and
its result is opened — the new database signed in as its administrator, or the demo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from db.backup import list_backups
from db.engine import Database
from db.paths import default_db_path, demo_db_path
from db.services import accounts
from desktop.ui.app import Startup
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import DATABASE_PATH_KEY
from tests.ui.wizard.test_wizard import fill_admin, fill_site, type_into


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=8,
                                                          parallelism=1))


def start(qtbot: QtBot, settings: QSettings) -> tuple[Startup, list[int]]:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    codes: list[int] = []
    startup = Startup(window, quit_with=codes.append)
    startup.run()
    return startup, codes


def test_a_new_installation_goes_through_the_wizard(qtbot: QtBot, settings: QSettings,
                                                    sync_worker: None, tmp_path: Path) -> None:
    startup, codes = start(qtbot, settings)
    try:
        wizard = startup.wizard
        assert wizard is not None and wizard.isVisible()
        assert startup.window.database is None  # nothing opened or made yet
        wizard.next()
        fill_site(qtbot, wizard)
        wizard.next()
        wizard.next()
        fill_admin(qtbot, wizard)
        wizard.next()
        type_into(qtbot, wizard.backup_page.folder, str(tmp_path / "backups-elsewhere"))
        wizard.next()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        window = startup.window
        assert codes == [] and startup.wizard is None
        assert window.database is not None and default_db_path().is_file()
        # The administrator who just chose the password is not asked for it again.
        assert window.actor is not None and window.actor.username == "wangli"
        assert window.windowTitle() == "随县教育局 — 民情台账"
        # The day's backup went to the folder chosen in the wizard.
        assert len(list_backups(tmp_path / "backups-elsewhere", "minqing")) == 1
    finally:
        startup.close()


def test_cancelling_the_wizard_quits_without_a_database(qtbot: QtBot, settings: QSettings,
                                                        sync_worker: None) -> None:
    startup, codes = start(qtbot, settings)
    wizard = startup.wizard
    assert wizard is not None
    wizard.next()
    fill_site(qtbot, wizard)
    wizard.reject()
    assert codes == [0]
    assert not default_db_path().exists()
    assert startup.window.database is None


def test_the_demo_path_opens_the_demo_data(qtbot: QtBot, settings: QSettings,
                                           sync_worker: None) -> None:
    startup, codes = start(qtbot, settings)
    try:
        wizard = startup.wizard
        assert wizard is not None
        wizard.start_page.open_demo.setChecked(True)
        wizard.next()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        window = startup.window
        assert codes == []
        assert window.demo and window.database is not None
        assert window.database.path == demo_db_path().resolve()
        assert "演示数据" in window.windowTitle()
        assert not default_db_path().exists()  # the next start shows the wizard again
    finally:
        startup.close()


def test_a_database_chosen_in_the_settings_skips_the_wizard(
        qtbot: QtBot, settings: QSettings, sync_worker: None, db: Database,
        tmp_path: Path) -> None:
    assert db.path is not None
    db.dispose()
    elsewhere = tmp_path / "shared" / "ledger.db"
    elsewhere.parent.mkdir()
    shutil.copyfile(db.path, elsewhere)
    settings.setValue(DATABASE_PATH_KEY, str(elsewhere))
    startup, codes = start(qtbot, settings)
    try:
        assert startup.wizard is None and codes == []
        assert startup.window.database is not None
        assert startup.window.database.path == elsewhere.resolve()
    finally:
        startup.close()


def test_an_existing_database_is_opened_without_the_wizard(
        qtbot: QtBot, settings: QSettings, sync_worker: None, db: Database) -> None:
    assert db.path is not None
    db.dispose()
    shutil.copyfile(db.path, default_db_path())
    startup, codes = start(qtbot, settings)
    try:
        assert startup.wizard is None and codes == []
        assert startup.window.database is not None
    finally:
        startup.close()


def test_a_database_chosen_in_the_settings_that_is_gone_is_not_recreated(
        qtbot: QtBot, settings: QSettings, sync_worker: None, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The network drive is not connected today: say so, and do not make an empty database in
    its place (the clerk would type into it and the real data would drift apart)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.app import EXIT_DATABASE_ERROR

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda _p, title, text, *_a: shown.append(f"{title}：{text}"))
    gone = tmp_path / "network-drive" / "ledger.db"
    settings.setValue(DATABASE_PATH_KEY, str(gone))
    startup, codes = start(qtbot, settings)
    assert codes == [EXIT_DATABASE_ERROR] and startup.wizard is None
    assert "找不到设置中选择的数据库" in shown[0] and "数据没有丢失" in shown[0]
    assert not gone.exists() and not default_db_path().exists()
