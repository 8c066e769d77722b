"""管理 → 立即备份… / 从备份恢复…, and the offer of a good backup when the database is damaged."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.audit import Actor
from db.backup import backup_sqlite, list_backups
from db.engine import Database, open_database
from db.models import Region
from db.paths import backup_dir
from desktop.ui.admin import backups
from desktop.ui.app import EXIT_DATABASE_ERROR, Startup
from desktop.ui.main_window import MainWindow
from tests.ui.admin.conftest import make_user


@pytest.fixture
def restarts(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    calls: list[bool] = []
    monkeypatch.setattr(backups, "restart_application", lambda: calls.append(True))
    return calls


def _regions(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM region").fetchone()[0])


def _add_region(db: Database) -> None:
    with db.transaction() as s:
        s.add(Region(code="new", name="新区", site="SZ"))


def test_backup_now_to_a_chosen_folder(qtbot: QtBot, db: Database, tmp_path: Path,
                                       boxes: list, window: MainWindow) -> None:
    folder = tmp_path / "U盘"
    dialog = backups.backup_now(window, folder)
    assert dialog is not None
    made = list_backups(folder, "test")
    assert len(made) == 1 and _regions(made[0]) == 5
    assert boxes[-1][:2] == ("information", "备份完成") and str(made[0]) in boxes[-1][2]


def test_restore_checks_keeps_a_copy_and_restarts(
        qtbot: QtBot, db: Database, tmp_path: Path, boxes: list, window: MainWindow,
        restarts: list[bool]) -> None:
    assert db.path is not None
    backup = backup_sqlite(db.path, tmp_path / "bk")
    _add_region(db)
    assert _regions(db.path) == 6
    backups.restore_from_backup(window, backup)
    assert boxes[0][0] == "question" and backup.name in boxes[0][2]
    assert boxes[-1][:2] == ("information", "恢复完成")
    assert restarts == [True]
    assert _regions(db.path) == 5
    kept = list_backups(backup_dir(), "test")
    assert len(kept) == 1 and "before-restore" in kept[0].name and _regions(kept[0]) == 6


def test_restore_refuses_a_damaged_or_foreign_file(
        qtbot: QtBot, db: Database, tmp_path: Path, boxes: list, window: MainWindow,
        restarts: list[bool]) -> None:
    assert db.path is not None
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    before = db.path.read_bytes()
    for bad in (foreign, text):
        assert backups.restore_from_backup(window, bad) is None
        assert boxes[-1][:2] == ("warning", "不能从该文件恢复")
        assert "未被修改" in boxes[-1][2] or "未做任何恢复" in boxes[-1][2]
    assert restarts == [] and db.path.read_bytes() == before


def test_backup_and_restore_are_for_administrators(
        qtbot: QtBot, db: Database, tmp_path: Path, boxes: list, admin: Actor,
        signed_in: Callable[[Actor], MainWindow], restarts: list[bool]) -> None:
    from db.backup import require_backup_rights
    from db.errors import PermissionDenied

    clerk = make_user(db, admin, "wang", "clerk")
    with pytest.raises(PermissionDenied) as refused:
        require_backup_rights(clerk)
    assert "无权备份和恢复数据库" in refused.value.message
    win = signed_in(clerk)
    assert not win.actions_["backup_now"].isVisible()
    assert backups.backup_now(win, tmp_path / "x") is None
    assert boxes[-1][1] == "无权操作" and not (tmp_path / "x").exists()
    assert backups.restore_from_backup(win, tmp_path / "y.db") is None
    assert restarts == []


def _corrupt(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[2 * page_size:2 * page_size + 16] = b"\x0d" + b"\xff" * 15
    path.write_bytes(bytes(data))


def test_damaged_database_at_start_offers_the_newest_good_backup(
        qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None, boxes: list,
        restarts: list[bool], monkeypatch: pytest.MonkeyPatch) -> None:
    assert db.path is not None
    older = backup_sqlite(db.path, backup_dir(), reason="auto")
    _add_region(db)
    newest = backup_sqlite(db.path, backup_dir(), reason="auto")
    broken = backup_dir() / (newest.name.replace("auto", "zzz-broken"))
    shutil.copyfile(newest, broken)
    _corrupt(broken)  # the newest file of all is damaged itself: skipped
    db.dispose()
    _corrupt(db.path)
    offered: list[str] = []

    def choose_restore(box: QMessageBox) -> int:
        offered.append(box.text())
        button = next(b for b in box.buttons()
                      if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    codes: list[int] = []
    Startup(window, db_path=db.path, quit_with=codes.append).run()
    assert codes == [0] and restarts == [True]
    assert "已损坏" in offered[0] and newest.name in offered[0] and older.name not in offered[0]
    assert boxes[-1][:2] == ("information", "恢复完成")
    restored = open_database(db.path)
    with restored.session() as s:
        assert s.execute(select(func.count()).select_from(Region)).scalar() == 6
    restored.dispose()
    assert list(backup_dir().glob("test-*-damaged.db.bak"))  # the damaged file is kept


def test_damaged_database_without_backup_says_so(
        qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None, boxes: list,
        restarts: list[bool]) -> None:
    assert db.path is not None
    db.dispose()
    _corrupt(db.path)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    codes: list[int] = []
    Startup(window, db_path=db.path, quit_with=codes.append).run()
    assert codes == [EXIT_DATABASE_ERROR] and restarts == []
    assert boxes[-1][:2] == ("critical", "数据库已损坏")
    assert "没有找到它的完好备份" in boxes[-1][2]


def test_backup_uses_the_folder_and_count_set_by_the_administrator(
        qtbot: QtBot, db: Database, tmp_path: Path, boxes: list, window: MainWindow,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from PySide6.QtWidgets import QFileDialog

    from db.models import Setting
    from db.services.settings import BACKUP_FOLDER_KEY, BACKUP_KEEP_KEY

    share = tmp_path / "网络共享"
    with db.transaction() as s:
        s.add(Setting(key=BACKUP_FOLDER_KEY, value=json.dumps(str(share)), site="SZ"))
        s.add(Setting(key=BACKUP_KEEP_KEY, value="2", site="SZ"))
    offered: list[str] = []

    def choose(parent: object, title: str, start: str) -> str:
        offered.append(start)
        return start

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    for _ in range(3):
        backups.backup_now(window)
    assert offered == [str(share)] * 3
    assert len(list_backups(share, "test")) == 2  # the newest 2 kept, as set
    assert "保留最新的 2 份备份" in boxes[-1][2]
