"""Two offices in temporary databases, each with its own window: the city (the ``db`` fixture,
site SZ) and a county (SX). Both windows use the per-test data folder's key folder, where each
site's key file has its own name. Only the data-exchange features are installed (the others
are not under test here)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.paths import data_dir
from desktop.ui.main_window import MainWindow
from tests.exchange.conftest import COUNTY, SiteEnv, bare_template, make_site

__all__ = ["bare_template"]

EXCHANGE_FEATURES = ["desktop.ui.exchange.feature", "desktop.ui.excel.feature"]


@pytest.fixture(autouse=True)
def _only_exchange_features(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.ui.main_window.FEATURES", EXCHANGE_FEATURES)


@pytest.fixture
def city(db: Database, tmp_path: Path) -> SiteEnv:
    return SiteEnv("SZ", db, data_dir() / "keys", tmp_path / "city-out")


@pytest.fixture
def county(tmp_path: Path, bare_template: Path) -> Iterator[SiteEnv]:
    env = make_site(tmp_path / "sites", bare_template, COUNTY)
    env.keys = data_dir() / "keys"  # the GUI signs with the data folder's keys
    yield env
    env.db.dispose()


@pytest.fixture
def county_window(qtbot: QtBot, county: SiteEnv, settings: QSettings,
                  sync_worker: None) -> MainWindow:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.attach_database(county.db)
    return win
