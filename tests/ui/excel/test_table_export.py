"""Exporting a table streams its rows from the fetcher (the view never loads them), with the
columns as the header shows them and typed cells; and the import preview's error model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from db.excel import ImportIssue
from desktop.progress import Progress
from desktop.ui.excel.preview import IssueModel
from desktop.ui.excel.table_export import cell_value, describe, write_export
from desktop.ui.table_model import Column, PagedTableModel


@dataclass(frozen=True)
class Item:
    id: int
    day: date
    name: str
    amount: int
    done: bool


ITEMS = [Item(n, date(2025, 1, n), f"第{n}项", n * 10, n % 2 == 0) for n in range(1, 8)]
COLUMNS: list[Column[Item]] = [
    Column("Date", lambda r: r.day.isoformat(), sort_key=lambda r: r.day),
    Column("Name", lambda r: r.name),
    Column("Amount", lambda r: r.amount),
    Column("Done", lambda r: r.done),
]


def fetch(cursor: Any, limit: int) -> tuple[list[Item], Any]:
    start = cursor or 0
    rows = ITEMS[start:start + limit]
    return rows, start + len(rows)


def test_iter_all_rows_reads_every_page_without_loading_the_model(qtbot: QtBot) -> None:
    model: PagedTableModel[Item] = PagedTableModel(COLUMNS, fetch, lambda: len(ITEMS),
                                                   page_size=2)
    model.fetchMore()
    assert model.rowCount() == 2
    assert [r.id for r in model.iter_all_rows(page_size=3)] == [1, 2, 3, 4, 5, 6, 7]
    assert model.rowCount() == 2  # nothing added to what the view holds


def test_export_writes_typed_cells_in_the_header_order(qtbot: QtBot, tmp_path: Path) -> None:
    model: PagedTableModel[Item] = PagedTableModel(COLUMNS, fetch, lambda: len(ITEMS),
                                                   page_size=2)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    header = view.horizontalHeader()
    header.moveSection(1, 0)  # Name first
    header.hideSection(3)  # Done hidden
    export = describe(view, "清单")
    assert export.headers == ["Name", "Date", "Amount"] and export.title == "清单"
    out = tmp_path / "清单.xlsx"
    assert write_export(export, out, Progress(), len(ITEMS)) == 7
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))  # type: ignore
    assert rows[0] == ("Name", "Date", "Amount")
    assert rows[1][0] == "第1项" and rows[1][1].date() == date(2025, 1, 1) and rows[1][2] == 10
    assert len(rows) == 8
    assert cell_value(COLUMNS[3], ITEMS[1]) == "是"


def test_issue_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = IssueModel([ImportIssue("Sheet1", 3, "日期", "不是有效的日期", "2025/13/40"),
                        ImportIssue("", 0, "", "找不到表头")])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "3" and model.index(1, 1).data() == ""
    assert model.headerData(3, Qt.Orientation.Horizontal) == "问题及改正方法"
