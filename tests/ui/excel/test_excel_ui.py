"""The Excel entries driven through the window: templates, importing a clerk's sheet (preview,
errors row by row, nothing written until confirmed, a second import a no-op), a dropped file,
and exporting the visit table with its filter and column order."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.audit import Actor
from db.engine import Database
from db.models import Visit
from db.services.visits import VisitInput, record_visit
from desktop.ui.excel.choose import KindDialog
from desktop.ui.excel.feature import ExcelFeature
from desktop.ui.excel.kinds import guess_kind
from desktop.ui.excel.preview import ImportPreviewDialog
from desktop.ui.excel.table_export import describe, export_view
from desktop.ui.main_window import MainWindow
from desktop.ui.visits import VisitLogWidget
from tests.excel.conftest import ADMIN, Org, fingerprint, write_sheet

# A clerk's own sheet: a merged title, headers not the template's, mixed date styles.
HEADER = ["时间", "单位", "走访人员", "方式", "学生人数", "主要内容"]
GOOD: list[list[Any]] = [
    [datetime(2025, 6, 3), "曾都区第一中学", "张三、李四", "明察暗访", 3, "检查食堂"],
    ["2025年6月5日", "东城社区", "李四", "交流谈心", "２", "走访家庭"],
]
BAD: list[list[Any]] = [
    ["2025/13/40", "曾都区第一中学", "张三", "实地走访", 1, "日期错"],
    ["2025-06-07", "不存在的学校", "张三", "实地走访", 1, "单位错"],
    ["2025-06-08", "东城社区", "张三", "打电话", "很多", "方式和人数错"],
]


def feature(window: MainWindow) -> ExcelFeature:
    return window.excel  # type: ignore[attr-defined, no-any-return]


def visits(db: Database) -> int:
    with db.session() as s:
        return s.execute(select(func.count()).select_from(Visit)).scalar_one()


def preview_of(window: MainWindow) -> ImportPreviewDialog:
    flow = feature(window).current_import
    assert flow is not None and flow.preview is not None
    return flow.preview


def test_menu_entries_are_in_the_exchange_menu(window: MainWindow) -> None:
    texts = [a.text() for a in window.menus["exchange"].actions()]
    assert "保存 Excel 导入模板(&T)…" in texts
    assert "从 Excel 导入(&X)…" in texts
    assert "把当前表格导出为 Excel(&L)…" in texts


def test_template_is_saved_and_reads_back(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "模板"
    feature(window).write_template("cadres", path)
    written = tmp_path / "模板.xlsx"
    wb = openpyxl.load_workbook(written)
    ws = wb["干部名单"]
    assert [c.value for c in ws[1]][:3] == ["姓名", "所在单位", "所属区域"]
    assert "说明" in wb.sheetnames
    # The stored units are offered as a drop-down.
    lists = wb["选项列表"]
    assert "曾都区第一中学" in [c.value for c in lists["B"]]
    assert written.name in feature(window).message.text()  # type: ignore[union-attr]
    assert guess_kind(written) == "cadres"


def test_bad_rows_are_listed_and_nothing_is_written(
        window: MainWindow, db: Database, org: Org, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path / "走访.xlsx", HEADER, GOOD + BAD, title="2025年6月走访登记")
    before = fingerprint(db)
    feature(window).import_file(sheet)  # recognised as visits from the headers
    dialog = preview_of(window)
    assert dialog.plan.kind == "visits"
    assert dialog.added.text() == "2" and dialog.error_count.text() == str(
        len(dialog.plan.errors))
    assert not dialog.import_button.isEnabled()
    issues = dialog.issues
    rows = [[issues.index(r, c).data() for c in range(5)] for r in range(issues.rowCount())]
    by_row = {int(r[1]): r for r in rows}
    assert set(by_row) == {5, 6, 7}  # Excel's numbers: title row 1, header row 2
    assert by_row[5][0] == "Sheet1" and by_row[5][2] == "时间" and by_row[5][4] == "2025/13/40"
    assert by_row[6][2] == "单位" and "不存在的学校" in by_row[6][4]
    assert any(r[1] == "7" and r[2] == "方式" and r[4] == "打电话" for r in rows)
    assert any(r[1] == "7" and r[2] == "学生人数" and r[4] == "很多" for r in rows)
    assert all("\u4e00" <= r[3][0] <= "\u9fff" or r[3][0] in "“请" for r in rows)  # Chinese
    copied = dialog.copy_errors()
    assert copied.startswith("工作表\t行\t列") and "打电话" in copied
    assert QApplication.clipboard().text() == copied
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.reject()
    assert fingerprint(db) == before


def test_confirm_writes_and_a_second_import_adds_nothing(
        window: MainWindow, db: Database, org: Org, tmp_path: Path, qtbot: QtBot) -> None:
    sheet = write_sheet(tmp_path / "走访.xlsx", HEADER, GOOD, title="2025年6月走访登记")
    feature(window).import_file(sheet)
    dialog = preview_of(window)
    assert visits(db) == 0  # the dry run wrote nothing
    assert not dialog.exported_warning.isVisibleTo(dialog)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(feature(window).current_import.imported) as done:  # type: ignore
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].added == 2
    assert visits(db) == 2
    message = feature(window).current_import.message  # type: ignore[union-attr]
    assert message is not None and "新增走访记录 2 条" in message.text()
    message.close()

    before = fingerprint(db)
    feature(window).import_file(sheet)
    again = preview_of(window)
    assert again.added.text() == "0" and again.skipped.text() == "2"
    assert not again.import_button.isEnabled()
    assert "已" in again.verdict.text()
    notes = again.issues
    assert notes.rowCount() == 2 and notes.headerData(3, Qt.Orientation.Horizontal) == "处理情况"
    assert [notes.index(r, 1).data() for r in range(2)] == ["3", "4"]
    assert all("已存在" in notes.index(r, 3).data() for r in range(2))
    again.reject()
    assert fingerprint(db) == before


def test_unrecognised_file_asks_for_the_kind(
        window: MainWindow, db: Database, org: Org, tmp_path: Path) -> None:
    sheet = write_sheet(tmp_path / "杂表.xlsx", ["甲", "乙"], [["1", "2"]])
    feature(window).import_file(sheet)
    question = window.findChild(KindDialog, "excelKindQuestion")
    assert question is not None and "杂表.xlsx" in question.prompt.text()
    question.choose("visits")
    question.accept()
    dialog = preview_of(window)
    assert dialog.plan.kind == "visits" and dialog.plan.errors  # no visit headers: said so
    assert "表头" in dialog.issues.index(0, 3).data()


def test_a_text_file_is_refused_in_chinese(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "名单.txt"
    path.write_text("x", encoding="utf-8")
    feature(window).import_file(path)
    box = feature(window).current_import.message  # type: ignore[union-attr]
    assert isinstance(box, QMessageBox) and "不是表格文件" in box.text()


def drop(window: MainWindow, path: Path) -> bool:
    """Drag *path* over the window and drop it, as the platform does; whether it was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    at = QPoint(window.width() // 2, window.height() // 2)
    enter = QDragEnterEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    return bool(event.isAccepted())


def test_dropping_a_sheet_on_the_window_opens_the_import(
        window: MainWindow, db: Database, org: Org, tmp_path: Path) -> None:
    assert window.acceptDrops()
    sheet = write_sheet(tmp_path / "走访.xlsx", HEADER, GOOD)
    assert drop(window, sheet)
    dialog = preview_of(window)
    assert dialog.plan.path == sheet and len(dialog.plan.to_add) == 2
    assert visits(db) == 0


def test_dropping_something_else_is_ignored(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "照片.png"
    other.write_bytes(b"png")
    assert not drop(window, other)
    assert feature(window).current_import is None


@pytest.fixture
def some_visits(db: Database, org: Org) -> None:
    for day, method in [(1, "field_visit"), (2, "heart_talk"), (3, "field_visit"),
                        (4, "field_visit")]:
        record_visit(db, ADMIN, VisitInput(
            visit_date=date(2025, 5, day), unit_id=org.school, method=method,
            cadre_ids=(org.zhang,), content=f"第{day}次走访"))


def test_export_of_the_visit_table_keeps_filter_and_column_order(
        window: MainWindow, db: Database, org: Org, some_visits: None, tmp_path: Path,
        qtbot: QtBot) -> None:
    window.tabs.setCurrentWidget(window.pages["visits"])
    widget = window.pages["visits"].findChild(VisitLogWidget)
    assert widget is not None
    widget.refresh()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 4)
    widget.filters.method.setCurrentIndex(widget.filters.method.findData("field_visit"))
    widget.filters.apply_now()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3)
    header = widget.table.horizontalHeader()
    header.moveSection(header.visualIndex(2), 0)  # 单位 first
    header.hideSection(7)  # 学生/教师/家长 hidden
    export = describe(widget.table, "走访记录")
    out = tmp_path / "走访.xlsx"
    feature(window).write_export(export, out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(export.headers)
    assert rows[0][:3] == ("单位", "编号", "日期") and len(rows[0]) == 8
    assert [r[0] for r in rows[1:]] == ["曾都区第一中学"] * 3
    assert [r[2] for r in rows[1:]] == [datetime(2025, 5, d) for d in (4, 3, 1)]
    assert [r[7] for r in rows[1:]] == ["第4次走访", "第3次走访", "第1次走访"]
    assert ws.column_dimensions["C"].width >= 10
    message = feature(window).message
    assert message is not None and "3" in message.text()
    message.close()

    # Importing such an export would store the visits again: the preview says so.
    feature(window).import_file(out)
    dialog = preview_of(window)
    assert dialog.exported_warning.isVisibleTo(dialog)
    assert "编号" in dialog.exported_warning.text() and "3 条" in dialog.exported_warning.text()


def test_an_update_is_previewed_with_the_fields_it_changes(
        window: MainWindow, db: Database, org: Org, tmp_path: Path, qtbot: QtBot) -> None:
    sheet = write_sheet(tmp_path / "干部.xlsx", ["姓名", "所在单位", "人员层级", "职务"],
                        [["张三", "教育局机关", "党员干部", "科长"],
                         ["钱七", "曾都区第一中学", "党员干部", "教师"]])
    feature(window).import_file(sheet)
    dialog = preview_of(window)
    assert dialog.plan.kind == "cadres"
    assert (dialog.added.text(), dialog.changed.text()) == ("1", "1")
    notes = dialog.issues
    assert notes.rowCount() == 1
    assert [notes.index(0, c).data() for c in (1, 2, 3)] == ["2", "职务", "将更新“张三”"]
    with qtbot.waitSignal(feature(window).current_import.imported) as done:  # type: ignore
        dialog.accept()
    assert (done.args[0].added, done.args[0].changed) == (1, 1)


def test_the_lists_tab_exports_the_problem_list(window: MainWindow, tmp_path: Path) -> None:
    window.tabs.setCurrentWidget(window.pages["lists"])
    page = window.current_page()
    assert page is not None
    view = export_view(page)
    assert view is not None and view.objectName() == "problemsTable"
    export = describe(view, "三个清单")
    assert export.title == "问题清单"
    out = tmp_path / "问题.xlsx"
    feature(window).write_export(export, out)
    ws = openpyxl.load_workbook(out).active
    assert ws is not None and ws.title == "问题清单"
    assert list(next(ws.iter_rows(values_only=True))) == export.headers


def test_a_tab_without_a_table_says_so(window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.pages["charts"])
    feature(window).export_table()
    box = feature(window).message
    assert box is not None and "没有可导出的表格" in box.text()


def test_a_viewer_cannot_import(qtbot: QtBot, db: Database, org: Org, settings: Any,
                                sync_worker: None, tmp_path: Path) -> None:
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.attach_database(db, actor=Actor("guest", "viewer", "访客"))
    sheet = write_sheet(tmp_path / "走访.xlsx", HEADER, GOOD)
    before = fingerprint(db)
    feature(win).import_file(sheet)
    dialog = preview_of(win)
    dialog.accept()  # the service refuses, whatever the window allowed
    box = feature(win).current_import.message  # type: ignore[union-attr]
    assert box is not None and "无权" in box.text()
    assert fingerprint(db) == before


def test_the_import_runs_in_the_background(qtbot: QtBot, db: Database, org: Org,
                                           settings: Any, tmp_path: Path) -> None:
    """With a real thread pool: the check and the write run off the GUI thread behind a
    progress dialog, and the flow still ends in the preview and the result."""
    import threading

    from desktop.ui.excel import importing

    threads: list[threading.Thread] = []
    real_guess = importing.guess_kind

    def guess(path: Path) -> str | None:
        threads.append(threading.current_thread())
        return real_guess(path)

    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.attach_database(db)
    sheet = write_sheet(tmp_path / "走访.xlsx", HEADER, GOOD)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(importing, "guess_kind", guess)
        feature(win).import_file(sheet)
        flow = feature(win).current_import
        assert flow is not None
        qtbot.waitUntil(lambda: flow.preview is not None, timeout=20_000)
    assert threads and threads[0] is not threading.main_thread()
    with qtbot.waitSignal(flow.imported, timeout=20_000):
        flow.preview.accept()  # type: ignore[union-attr]
    assert visits(db) == 2
    qtbot.waitUntil(lambda: not flow.progress.isVisible())  # type: ignore[union-attr]
    assert QThreadPool.globalInstance().waitForDone(10_000)  # the refresh it started, too
