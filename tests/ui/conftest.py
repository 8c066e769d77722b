"""UI test fixtures: private QSettings, bundled fonts, Chinese translations, a window over ``db``.

The offscreen platform says it cannot propagate size hints, raise windows or grab the keyboard;
those notes are about the platform, not our code, so they do not fail the UI tests (any other
Qt warning still does, per ``qt_log_level_fail``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.ui import worker
from desktop.ui.crash import CrashDialog
from desktop.ui.fonts import apply_ui_font, register_fonts
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import app_settings

OFFSCREEN_NOTES = [
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    "This plugin does not support grabbing the keyboard",
]

UI_DIR = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if UI_DIR in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOTES))


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings go to a temporary folder, never the user's own."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def _chinese_ui(qapp: QApplication) -> Iterator[None]:
    """Every UI test starts in the default language with the bundled fonts registered."""
    apply_ui_font(qapp)
    register_fonts()
    install_translators("zh_CN")
    yield
    install_translators("zh_CN")


@pytest.fixture(autouse=True)
def _keep_excepthook() -> Iterator[None]:
    """Code under test may install the GUI excepthook; give pytest-qt its own back."""
    saved = sys.excepthook
    yield
    sys.excepthook = saved


@pytest.fixture(autouse=True)
def crash_dialogs(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[list[CrashDialog]]:
    """A crash dialog never blocks a test: it is recorded instead of shown modally.

    A test that expects one asks for this fixture by name and clears the list; any other
    test that makes one fails.
    """
    shown: list[CrashDialog] = []

    def record(dialog: CrashDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", record)
    yield shown
    if shown:
        details = shown[0].details
        shown.clear()
        pytest.fail(f"unexpected crash dialog in {request.node.name}:\n{details}")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """QMessageBox.warning answered at once, its title and text recorded (the lists' tests
    also record QMessageBox.information: tests/ui/lists/conftest.py)."""
    shown: list[tuple[str, str]] = []

    def fake(_parent: object, title: str, text: str, *_a: object, **_k: object) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


@pytest.fixture
def sync_worker() -> Iterator[None]:
    """Background tasks run inline, so results are there when the call returns."""
    worker.set_synchronous(True)
    yield
    worker.set_synchronous(False)


@pytest.fixture
def settings() -> QSettings:
    return app_settings()


@pytest.fixture
def window(qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None) -> MainWindow:
    """The main window shown over the test database."""
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.attach_database(db)
    return win
