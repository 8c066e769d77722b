"""PagedTableModel: a valid Qt model, lazy keyset paging, roles, reset, copying as TSV."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.ui.table_model import (
    PAGE_SIZE,
    RIGHT,
    Column,
    PagedTableModel,
    RowIdRole,
    RowRole,
    SortKeyRole,
    copy_rows_as_tsv,
    rows_as_tsv,
)

TOTAL = 10_000


@dataclass(frozen=True)
class Row:
    id: int
    day: date
    name: str
    amount: int


ROWS = [
    Row(i, date(2022, 5, 15) + timedelta(days=i % 200), f"学校{i:05d}", i * 3)
    for i in range(TOTAL)
]
KEYS = [row.id for row in ROWS]


class Fetcher:
    """A keyset fetcher over synthetic rows that records every call."""

    def __init__(self, rows: Sequence[Row] = ROWS, keys: Sequence[int] = KEYS) -> None:
        self.rows = rows
        self.keys = keys
        self.calls: list[tuple[int | None, int]] = []

    def __call__(self, cursor: int | None, limit: int) -> tuple[list[Row], int | None]:
        self.calls.append((cursor, limit))
        start = 0 if cursor is None else bisect.bisect_right(self.keys, cursor)
        page = list(self.rows[start:start + limit])
        return page, (page[-1].id if page else None)


COLUMNS = [
    Column("Date", lambda r: r.day.isoformat(), sort_key=lambda r: r.day),
    Column("Name", lambda r: r.name),
    Column("Amount", lambda r: r.amount, alignment=RIGHT),
]


def make_model(fetcher: Fetcher | None = None) -> tuple[PagedTableModel[Row], Fetcher]:
    fetcher = fetcher or Fetcher()
    return PagedTableModel(COLUMNS, fetcher, count=lambda: len(fetcher.rows)), fetcher


def test_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    """Over 10,000 rows, with the tester watching while pages arrive."""
    model, _ = make_model()
    qtmodeltester.check(model)  # the tester stays attached and checks every change after this
    for _ in range(4):
        model.fetchMore(QModelIndex())
    assert PAGE_SIZE < model.rowCount() < TOTAL


def test_reset_under_the_model_tester(qtmodeltester: ModelTester) -> None:
    """Filters change while the tester watches: the reset and the pages after it are valid."""
    model, _ = make_model()
    qtmodeltester.check(model)
    model.fetchMore(QModelIndex())
    even = [row for row in ROWS if row.id % 2 == 0]
    model.reset(Fetcher(even, [row.id for row in even]), count=lambda: len(even))
    assert model.rowCount() == 0
    model.fetchMore(QModelIndex())
    assert model.rowCount() == PAGE_SIZE


def test_fully_loaded_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model, _ = make_model(Fetcher(ROWS[:1000], KEYS[:1000]))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert model.rowCount() == 1000


def test_empty_source_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model, _ = make_model(Fetcher([], []))
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())
    assert model.total() == 0


def test_pages_follow_keyset_cursors_never_offsets() -> None:
    model, fetcher = make_model()
    for _ in range(3):
        model.fetchMore(QModelIndex())
    assert fetcher.calls == [(None, PAGE_SIZE), (199, PAGE_SIZE), (399, PAGE_SIZE)]
    assert model.rowCount() == 3 * PAGE_SIZE
    assert model.data(model.index(400, 1)) == "学校00400"


def test_last_short_page_ends_fetching() -> None:
    rows = ROWS[:450]
    model, fetcher = make_model(Fetcher(rows, KEYS[:450]))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert len(fetcher.calls) == 3  # 200 + 200 + 50: the short page says it was the last


def test_view_fetches_only_what_is_scrolled_to(qtbot: QtBot) -> None:
    model, _ = make_model()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.wait(20)
    assert model.pages_fetched == 1
    assert model.rowCount() == PAGE_SIZE
    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.pages_fetched == 2)
    qtbot.wait(50)
    assert model.pages_fetched == 2  # one more page, not the other 48
    assert model.total() == TOTAL  # the count is known without loading the rows


def test_roles() -> None:
    model, _ = make_model()
    model.fetchMore(QModelIndex())
    index = model.index(5, 0)
    assert model.data(index) == "2022-05-20"
    assert model.data(index, SortKeyRole) == date(2022, 5, 20)
    assert model.data(index, RowIdRole) == 5
    assert model.data(index, RowRole) is ROWS[5]
    assert model.data(model.index(5, 2), SortKeyRole) == 15  # defaults to the value
    assert model.data(model.index(5, 2), Qt.ItemDataRole.TextAlignmentRole) == int(RIGHT.value)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(0, Qt.Orientation.Vertical) == 1
    assert model.find_row(7) == 7
    assert model.find_row(9_999) is None  # not loaded yet


def test_reset_forgets_rows_and_uses_the_new_fetcher() -> None:
    model, _ = make_model()
    model.fetchMore(QModelIndex())
    even = [row for row in ROWS if row.id % 2 == 0]
    filtered = Fetcher(even, [row.id for row in even])
    model.reset(filtered, count=lambda: len(even))
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.data(model.index(1, 1)) == "学校00002"
    assert model.total() == TOTAL // 2


def test_replace_and_remove_row_signal_partial_changes(qtbot: QtBot) -> None:
    model, _ = make_model()
    model.fetchMore(QModelIndex())
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.replace_row(3, Row(3, date(2022, 6, 1), "改名学校", 0))
    assert blocker.args[0].row() == 3
    assert model.data(model.index(3, 1)) == "改名学校"
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_row(3)
    assert model.data(model.index(3, 1)) == "学校00004"


@pytest.fixture
def view(qtbot: QtBot) -> QTableView:
    rows = [
        Row(1, date(2022, 6, 1), "第一中学", 10),
        Row(2, date(2022, 6, 2), "含\t制表符", 20),
        Row(3, date(2022, 6, 3), '两行\n"引号"', 30),
        Row(4, date(2022, 6, 4), "第四小学", 40),
    ]
    model, _ = make_model(Fetcher(rows, [r.id for r in rows]))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    model.fetchMore(QModelIndex())
    return view


def _select(view: QTableView, *rows: int) -> None:
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0), flags)


def test_copy_selected_rows_as_tsv_with_header(view: QTableView) -> None:
    _select(view, 3, 0)
    text = copy_rows_as_tsv(view)
    assert text == (
        "Date\tName\tAmount\r\n"
        "2022-06-01\t第一中学\t10\r\n"
        "2022-06-04\t第四小学\t40\r\n"
    )
    assert QApplication.clipboard().text() == text


def test_tsv_quotes_cells_with_tabs_newlines_and_quotes(view: QTableView) -> None:
    _select(view, 1, 2)
    lines = rows_as_tsv(view).split("\r\n")
    assert lines[1] == '2022-06-02\t"含\t制表符"\t20'
    assert lines[2] == '2022-06-03\t"两行\n""引号"""\t30'


def test_tsv_follows_visible_columns_in_visual_order(view: QTableView) -> None:
    view.horizontalHeader().moveSection(2, 0)  # Amount first
    view.setColumnHidden(0, True)  # no Date
    _select(view, 0)
    assert rows_as_tsv(view) == "Amount\tName\r\n10\t第一中学\r\n"


def test_nothing_selected_copies_nothing(view: QTableView) -> None:
    QApplication.clipboard().setText("before")
    assert copy_rows_as_tsv(view) == ""
    assert QApplication.clipboard().text() == "before"
