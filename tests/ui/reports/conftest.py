"""A small demo database (with stored monthly studies) for the report UI tests, made once, and
the main window over a fresh copy of it for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from db.demo import generate
from db.engine import Database
from desktop.ui.main_window import MainWindow
from tests.conftest import open_copy

SCALE = 0.05  # a few hundred visits and three stored studies: every kind has something to print


@pytest.fixture(scope="session")
def report_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report_ui_demo") / "demo.db"
    generate(path, scale=SCALE, seed=1)
    return path


@pytest.fixture
def demo_db(report_demo: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_copy(report_demo, tmp_path / "demo.db")
    yield database
    database.dispose()


@pytest.fixture
def report_window(qtbot: QtBot, demo_db: Database, settings: QSettings) -> MainWindow:
    """The main window over the demo copy (features installed); the worker is left as it is,
    so a test chooses synchronous or real background generation."""
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.attach_database(demo_db)
    return win


@pytest.fixture
def report_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Generated reports go to a private temporary folder, so a test sees exactly its own."""
    import tempfile

    folder = tmp_path / "reports-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
