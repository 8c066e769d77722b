"""The 进度图表 tab: every chart draws from the database, filters redraw, charts export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from db.audit import SYSTEM
from db.engine import Database
from desktop.charts.catalog import CHARTS
from desktop.ui.tabs.charts import ChartsTab


@pytest.fixture
def tab(qtbot: QtBot, db: Database, sync_worker: None) -> ChartsTab:
    page = ChartsTab(db, SYSTEM)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def test_every_chart_draws(tab: ChartsTab, qtbot: QtBot) -> None:
    assert tab.chart_list.count() == len(CHARTS)
    assert tab.chart_list.item(0).text() == CHARTS[0].zh
    for row in range(len(CHARTS)):
        if row:  # the first chart is drawn when the tab opens
            tab.figure = None
            tab.chart_list.setCurrentRow(row)
        qtbot.waitUntil(lambda: tab.figure is not None)
        assert tab.canvas.figure is tab.figure
        # An empty database: each chart says so in Chinese instead of failing.
        texts = [t.get_text() for t in tab.figure.findobj(lambda a: hasattr(a, "get_text"))]
        assert "暂无数据" in texts, CHARTS[row].key


def test_region_and_phase_filters_redraw(tab: ChartsTab, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: tab.figure is not None)
    tab.region.setCurrentIndex(2)
    tab.figure = None
    qtbot.waitUntil(lambda: tab.figure is not None, timeout=3000)
    assert tab.filters().region_id == tab.region.currentData()
    tab.phase.setCurrentIndex(tab.phase.findData("rollout"))
    span = tab.filters()
    assert (span.date_from.isoformat(), span.date_to.isoformat()) == ("2022-06-01", "2022-06-30")
    assert tab.phase.currentText() == "全面开展"


def test_export_writes_the_chosen_format(tab: ChartsTab, qtbot: QtBot, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    qtbot.waitUntil(lambda: tab.figure is not None)
    target = tmp_path / "chart.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    with qtbot.waitSignal(tab.status_message):
        tab.export_chart()
    assert target.read_text(encoding="utf-8").startswith("<?xml")
