"""The main window over the test database: title, tabs, actions, status bar, state, language."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database, open_database
from db.models import Setting
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import PLACEHOLDER_ACTIONS, MainWindow
from desktop.ui.table_model import Column, PagedTableModel
from desktop.ui.tabs.base import TabPage
from desktop.ui.tabs.charts import ChartsTab
from desktop.ui.tabs.lists import ListsTab
from desktop.ui.tabs.personnel import PersonnelTab
from desktop.ui.tabs.visits import VisitsTab

ZH_TABS = ["人员与联系点", "走访日志", "三个清单", "进度图表"]
EN_TABS = ["Personnel and contact points", "Visit log", "Three lists", "Progress charts"]


def plain(text: str) -> str:
    """A menu text without its mnemonic: "文件(&F)" → "文件"."""
    return re.sub(r"\(&\w\)|&", "", text).rstrip("…")


def tab_texts(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_title_has_the_organisation_name(qtbot: QtBot, db: Database, settings: QSettings,
                                         sync_worker: None) -> None:
    with db.transaction() as session:
        row = session.execute(select(Setting).where(Setting.key == "org.name")).scalar_one()
        row.value = json.dumps("广水市教育局", ensure_ascii=False)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert window.windowTitle() == "民情台账"  # before the database is open
    window.attach_database(db)
    assert window.windowTitle() == "广水市教育局 — 民情台账"
    window.attach_database(db, demo=True)
    assert window.windowTitle() == "广水市教育局 — 民情台账 ［演示数据］"


def test_four_tabs_with_their_chinese_names(window: MainWindow) -> None:
    assert tab_texts(window) == ZH_TABS
    # Only the tab on screen is built when the database is attached; the others when first
    # shown, so that the clerk's tab does not wait for the charts' and lists' libraries.
    built = [isinstance(window.tabs.widget(i), TabPage) for i in range(4)]
    assert built.count(True) == 1 and built[window.tabs.currentIndex()]
    for i in range(4):
        window.tabs.setCurrentIndex(i)
        assert window.tabs.currentIndex() == i
    pages = [window.tabs.widget(i) for i in range(4)]
    assert [type(p) for p in pages] == [PersonnelTab, VisitsTab, ListsTab, ChartsTab]
    for page in pages:
        assert isinstance(page, TabPage)
        assert page.database is window.database
        page.refresh()
    assert [p.heading.text() for p in pages] == ZH_TABS  # each tab names itself too
    lists = pages[2]
    assert [lists.body.tabs.tabText(i) for i in range(lists.body.tabs.count())] == [
        "问题清单", "任务清单", "效果清单", "局党组专题研究", "五个一批"]


def test_menus(window: MainWindow) -> None:
    titles = [plain(a.text()) for a in window.menuBar().actions() if a.isVisible()]
    admin = ["管理"] if not window.menus["admin"].isEmpty() else []
    assert titles == ["文件", "编辑", "视图", "报表", "数据交换", "设置", *admin, "帮助"]
    file_items = [plain(a.text()) for a in window.menus["file"].actions() if not a.isSeparator()]
    assert file_items == ["新建记录", "保存", "打印", "退出"]
    edit_items = [plain(a.text()) for a in window.menus["edit"].actions()]
    assert edit_items == ["查找", "复制", "删除"]
    help_items = [plain(a.text()) for a in window.menus["help"].actions() if not a.isSeparator()]
    assert help_items == ["帮助", "关于"]


@pytest.mark.parametrize(("key", "shortcut"), [
    ("new", "Ctrl+N"), ("save", "Ctrl+S"), ("print", "Ctrl+P"), ("quit", "Ctrl+Q"),
    ("find", "Ctrl+F"), ("copy", "Ctrl+C"), ("delete", "Del"), ("refresh", "F5"),
    ("help", "F1"),
])
def test_shortcuts(window: MainWindow, key: str, shortcut: str) -> None:
    assert QKeySequence(shortcut) in window.actions_[key].shortcuts()


def test_placeholders_are_disabled_and_say_why_until_provided(qtbot: QtBot,
                                                            settings: QSettings) -> None:
    window = MainWindow(settings=settings)  # no database yet: no feature is installed
    qtbot.addWidget(window)
    for key in PLACEHOLDER_ACTIONS:
        action = window.actions_[key]
        assert not action.isEnabled()
        assert "后续版本" in action.toolTip()
    assert not window.menus["admin"].menuAction().isVisible()  # empty menus stay hidden
    calls: list[str] = []
    window.provide("settings", lambda: calls.append("settings"))
    assert not window.actions_["settings"].isEnabled()  # still no database
    assert "后续版本" not in window.actions_["settings"].toolTip()
    window.retranslate()
    assert "后续版本" not in window.actions_["settings"].toolTip()
    added = window.add_action("admin", "audit_log", lambda: window.tr("&Print…"),
                              lambda: calls.append("audit"))
    assert window.menus["admin"].menuAction().isVisible()
    assert plain(added.text()) == "打印"
    install_translators("en")
    try:
        # feature texts follow the language (LanguageChange is a posted event)
        qtbot.waitUntil(lambda: plain(added.text()) == "Print")
    finally:
        install_translators("zh_CN")
    qtbot.waitUntil(lambda: plain(added.text()) == "打印")
    added.trigger()
    window.actions_["settings"].trigger()
    assert calls == ["audit"]  # a disabled action does not fire


def test_provided_placeholders_are_enabled_with_a_database(window: MainWindow) -> None:
    for key in PLACEHOLDER_ACTIONS:
        assert window.actions_[key].isEnabled() == (key in window._provided), key


def test_toolbar(window: MainWindow) -> None:
    toolbar = [plain(a.iconText()) for a in window.toolbar.actions() if not a.isSeparator()]
    assert toolbar == ["新建记录", "保存", "打印", "查找", "刷新", "生成报表", "导出数据包"]


def enabled(window: MainWindow) -> set[str]:
    keys = ("new", "save", "print", "find", "delete")
    return {key for key in keys if window.actions_[key].isEnabled()}


def test_commands_follow_the_current_tab(window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)  # personnel: new cadre, find
    assert enabled(window) == {"new", "find"}
    window.tabs.setCurrentIndex(1)  # visit log: new, save, find; delete needs a selection
    assert enabled(window) == {"new", "save", "find"}
    window.tabs.setCurrentIndex(3)  # charts: nothing to create or delete
    assert "new" not in enabled(window) and "delete" not in enabled(window)
    assert window.actions_["refresh"].isEnabled()
    assert window.actions_["copy"].isEnabled()


def test_status_bar_shows_location_and_counts(window: MainWindow, db: Database) -> None:
    assert window.location_label.text() == f"数据库：{db.location}"
    assert window.counts_label.text() == "走访 0 次 · 问题 0 个 · 任务 0 项"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(path, scale=0.02, seed=1)
    return path


def test_counts_match_the_database(qtbot: QtBot, demo_db: Path, settings: QSettings) -> None:
    """Counted on a worker thread after the window is up; deleted rows do not count."""
    with sqlite3.connect(demo_db) as conn:
        expected = [
            conn.execute(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
            for table in ("visit", "problem", "task")
        ]
    assert all(expected)
    database = open_database(demo_db)
    try:
        window = MainWindow(settings=settings)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.counts_updated, timeout=10_000):
            window.attach_database(database)
        assert window.counts is not None
        counts = window.counts
        assert [counts.visits, counts.problems, counts.tasks] == expected
        assert window.counts_label.text() == (
            f"走访 {expected[0]} 次 · 问题 {expected[1]} 个 · 任务 {expected[2]} 项"
        )
    finally:
        database.dispose()


def test_geometry_and_tab_are_remembered(qtbot: QtBot, db: Database, settings: QSettings,
                                         sync_worker: None) -> None:
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.attach_database(db)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 540)  # within the offscreen screen (800 × 600), which Qt clamps to
    first.tabs.setCurrentIndex(2)
    qtbot.wait(10)
    size = (first.width(), first.height())  # the tabs' content may set a larger minimum
    assert size[1] == 540
    first.close()
    assert settings.value("mainwindow/geometry") is not None
    # A new QSettings object reads what the first window wrote to the INI file.
    reread = QSettings(settings.format(), settings.scope(), settings.organizationName(),
                       settings.applicationName())
    assert Path(reread.fileName()).is_file()
    second = MainWindow(settings=reread)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    assert second.tabs.currentIndex() == 2


def test_default_size_without_saved_state(qtbot: QtBot, settings: QSettings) -> None:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1200, 780)


def test_switching_to_english_and_back(window: MainWindow, qtbot: QtBot) -> None:
    install_translators("en")
    # Qt posts LanguageChange to each window; it arrives with the next events.
    qtbot.waitUntil(lambda: tab_texts(window) == EN_TABS)
    assert window.windowTitle() == "随州市教育局 — Minqing Ledger"
    assert plain(window.menus["file"].title()) == "File"
    assert window.pages["visits"].heading.text() == "Visit log"
    assert window.counts_label.text() == "Visits 0 · Problems 0 · Tasks 0"
    assert window.actions_["lang_en"].isChecked()
    window.actions_["lang_zh_CN"].trigger()  # the 视图 → 语言 menu
    qtbot.waitUntil(lambda: tab_texts(window) == ZH_TABS)
    assert window.pages["visits"].heading.text() == "走访日志"


def test_window_built_in_english(qtbot: QtBot, settings: QSettings) -> None:
    install_translators("en")
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    assert tab_texts(window) == EN_TABS


def test_ctrl_c_copies_the_focused_table(window: MainWindow, qtbot: QtBot) -> None:
    rows = [("第一中学", 3), ("第二中学", 5)]
    columns = [Column("Name", lambda r: r[0]), Column("Visits", lambda r: r[1])]
    model = PagedTableModel(columns, lambda cursor, limit: (rows, None), row_id=lambda r: r[0])
    view = QTableView(window.pages["personnel"])
    view.setModel(model)
    model.fetchMore(QModelIndex())
    window.pages["personnel"].layout_.addWidget(view)
    view.show()
    view.selectAll()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    window.actions_["copy"].trigger()
    assert QApplication.clipboard().text() == "Name\tVisits\r\n第一中学\t3\r\n第二中学\t5\r\n"


# The About box and F1 (the manual at the current tab's chapter): tests/ui/test_help.py.


def test_status_bar_due_and_overdue_open_the_task_list(qtbot: QtBot, db: Database,
                                                      settings: QSettings,
                                                      sync_worker: None) -> None:
    from datetime import date

    from sqlalchemy import select

    from db.audit import SYSTEM
    from db.models import Region
    from db.services import (
        ProblemInput,
        TaskInput,
        UnitInput,
        create_problem,
        create_unit,
        open_task,
    )

    with db.session() as s:
        region = s.execute(select(Region)).scalars().first()
        assert region is not None
    unit = create_unit(db, SYSTEM, UnitInput(name="随州市实验小学", kind="school",
                                             region_id=region.id))
    problem = create_problem(db, SYSTEM, ProblemInput(
        reported_on=date(2022, 6, 1), source_channel="petition", reporter_type="parent",
        unit_id=unit.id, area="canteen", category="management_service",
        description="家长反映食堂饭菜分量不足"))
    open_task(db, SYSTEM, TaskInput(problem_ids=(problem.id,), title="整改食堂供餐",
                                    resolution_mode="supervised", opened_on=date(2022, 6, 2),
                                    deadline=date(2022, 6, 30)))
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.attach_database(db)
    assert window.counts is not None and window.counts.overdue == 1
    assert window.overdue_button.text() == "⚠ 逾期：1"
    window.overdue_button.click()
    assert window.tabs.currentWidget() is window.pages["lists"]
