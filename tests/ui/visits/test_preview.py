"""The first rows before the database is open: the window shows the newest visits, read with
plain sqlite3, in the visit log's place, with the real table's cells; the real tab replaces
them; a file that cannot be read that way, or a server, gives no preview."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QPoint, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from db.engine import open_database
from db.queries.first_page import first_page
from desktop.ui.app import EXIT_DATABASE_ERROR, Startup
from desktop.ui.main_window import MainWindow
from desktop.ui.tabs.visits import VisitsTab
from desktop.ui.visits.preview import PREVIEW_ROWS, TABLE_AT_SETTING, VisitsPreview


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(path, scale=0.02, seed=1)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    return path


def cells(model: QAbstractItemModel, rows: int) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(rows)]


def headers(model: QAbstractItemModel) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def shown_window(qtbot: QtBot, settings: QSettings) -> MainWindow:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_preview_rows_then_the_real_tab_with_the_same_cells(
        qtbot: QtBot, qtmodeltester: object, settings: QSettings, demo: Path) -> None:
    window = shown_window(qtbot, settings)
    rows = first_page(demo, PREVIEW_ROWS)
    assert rows is not None and len(rows) == PREVIEW_ROWS
    with qtbot.waitSignal(window.preview_shown, timeout=1000):
        window.show_visits_preview(rows)
    preview = window.tabs.currentWidget()
    assert isinstance(preview, VisitsPreview)
    assert window.pages["visits"] is preview  # nothing to build before the database
    assert preview.note.text() == "正在打开数据库…"
    table = preview.findChild(QTableView, "visitPreviewTable")
    assert table is not None and table.isVisible()
    qtmodeltester.check(preview.model)  # type: ignore[attr-defined]
    assert preview.model.rowCount() == PREVIEW_ROWS
    seen = cells(preview.model, PREVIEW_ROWS)
    assert seen[0][0] == rows[0].number and seen[0][1] == rows[0].visit_date.isoformat()
    preview_headers = headers(preview.model)
    assert preview_headers[:3] == ["编号", "日期", "单位"]
    window.grab().save(str(demo.parent / "preview.png"))  # looked at while writing

    # The real tab is built in its place; its first page is read on a worker thread, and the
    # preview lies over it meanwhile, so the tab is never empty.
    database = open_database(demo, check="none", create=False)
    try:
        window.attach_database(database)
        page = window.pages["visits"]
        assert isinstance(page, VisitsTab)
        assert window.tabs.currentWidget() is page
        real = page.body.model
        assert page.body.loading and real.rowCount() == 0  # its answer comes through the loop
        assert preview.parent() is page and preview.isVisible()
        assert preview.geometry() == page.rect()
        window.grab().save(str(demo.parent / "covered.png"))
        qtbot.waitUntil(lambda: real.rowCount() > 0 and not isValid(preview), timeout=10_000)
        assert headers(real) == preview_headers
        assert cells(real, PREVIEW_ROWS) == seen
        assert page.body.table.isVisible()
    finally:
        database.dispose()


def test_the_next_preview_puts_its_table_where_the_real_one_was(
        qtbot: QtBot, settings: QSettings, demo: Path) -> None:
    """The real tab remembers where its table sits (beside the entry form, under the
    filters); the next start's preview puts its table there, so the rows do not jump."""
    window = shown_window(qtbot, settings)
    rows = first_page(demo, PREVIEW_ROWS)
    assert rows is not None
    database = open_database(demo, check="none", create=False)
    try:
        window.attach_database(database)
        page = window.pages["visits"]
        assert isinstance(page, VisitsTab)
        qtbot.waitUntil(lambda: page.body.model.rowCount() > 0, timeout=10_000)
        real_at = page.body.table.mapTo(page, QPoint(0, 0))
        qtbot.waitUntil(lambda: settings.value(TABLE_AT_SETTING) == real_at, timeout=2000)
        assert real_at.x() > 300 and real_at.y() > 40  # the form beside, the filters above
        preview = VisitsPreview(rows)
        qtbot.addWidget(preview)
        preview.setGeometry(page.geometry())
        preview.show()
        qtbot.waitExposed(preview)
        assert preview.table.mapTo(preview, QPoint(0, 0)) == real_at
        assert preview.note.isVisible() and preview.note.x() < real_at.x()
    finally:
        database.dispose()


def test_preview_comes_too_late_for_an_attached_window(
        qtbot: QtBot, settings: QSettings, demo: Path, sync_worker: None) -> None:
    window = shown_window(qtbot, settings)
    database = open_database(demo, check="none", create=False)
    try:
        window.attach_database(database)
        rows = first_page(demo)
        assert rows
        with qtbot.assertNotEmitted(window.preview_shown):
            window.show_visits_preview(rows)
        assert isinstance(window.pages["visits"], VisitsTab)
    finally:
        database.dispose()


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def critical(_parent: object, title: str, text: str, *args: object) -> object:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def start(qtbot: QtBot, settings: QSettings, **where: object) -> tuple[Startup, list[str]]:
    """Startup.run with tasks inline; what the window showed, in order."""
    window = shown_window(qtbot, settings)
    events: list[str] = []
    window.preview_shown.connect(lambda: events.append("preview"))
    window.database_attached.connect(lambda: events.append("attached"))
    codes: list[int] = []
    startup = Startup(window, quit_with=codes.append, **where)  # type: ignore[arg-type]
    startup.run()
    events.extend(f"exit {code}" for code in codes)
    return startup, events


def test_startup_shows_the_preview_before_the_tabs(
        qtbot: QtBot, settings: QSettings, demo: Path, boxes: list, sync_worker: None) -> None:
    startup, events = start(qtbot, settings, db_path=demo)
    try:
        assert events == ["preview", "attached"]
        page = startup.window.pages["visits"]
        assert isinstance(page, VisitsTab) and startup.window.tabs.currentWidget() is page
        assert page.body.model.rowCount() > 0
        qtbot.waitUntil(lambda: not startup.window.findChildren(VisitsPreview))
        assert boxes == []
    finally:
        startup.close()


def test_a_server_gets_no_preview(qtbot: QtBot, settings: QSettings, demo: Path, boxes: list,
                                  sync_worker: None) -> None:
    # A URL is what a server is opened with; SQLite through a URL stands in for one here.
    startup, events = start(qtbot, settings, db_url=f"sqlite:///{demo}")
    try:
        assert events == ["attached"]
    finally:
        startup.close()


def _garbage(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 an Excel file" * 100)


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:16] = b"not SQLite here!"  # the header: nothing in the file can be read
    path.write_bytes(bytes(data))


def _other_schema(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE visit (id TEXT PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO visit VALUES ('a', '走访')")
    conn.close()


@pytest.mark.parametrize("spoil", [_garbage, _damaged, _other_schema])
def test_an_unreadable_file_gets_no_preview_and_the_open_explains(
        qtbot: QtBot, settings: QSettings, demo: Path, boxes: list, sync_worker: None,
        spoil: Callable[[Path], None]) -> None:
    spoil(demo)
    startup, events = start(qtbot, settings, db_path=demo)
    assert events == [f"exit {EXIT_DATABASE_ERROR}"]
    assert boxes and boxes[0][0] == "无法打开数据库"
    assert isinstance(startup.window.pages["visits"], QLabel)  # still the placeholder
