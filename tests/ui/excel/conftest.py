"""The Excel tests' small organisation (units, cadres) under the window's database, and a
window with only the data-exchange features installed (the others are not under test here)."""

import pytest

from tests.excel.conftest import db, org, org_template

__all__ = ["db", "org", "org_template"]

EXCHANGE_FEATURES = ["desktop.ui.exchange.feature", "desktop.ui.excel.feature"]


@pytest.fixture(autouse=True)
def _only_exchange_features(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.ui.main_window.FEATURES", EXCHANGE_FEATURES)
