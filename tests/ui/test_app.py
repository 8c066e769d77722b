"""Start-up: what is imported before the first paint, database errors in words, crash dialog."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from db.backup import list_backups
from db.engine import Database
from db.errors import RuleError
from db.paths import backup_dir
from desktop import version
from desktop.logs import setup_logging
from desktop.ui import crash
from desktop.ui.app import EXIT_BUG, EXIT_DATABASE_ERROR, Startup
from desktop.ui.crash import CrashDialog, handle_exception
from desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlmodel", "sqlalchemy", "alembic", "matplotlib", "reportlab", "openpyxl", "db.engine")


def run_python(code: str, tmp_path: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MQ_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def test_the_window_modules_import_nothing_heavy(tmp_path: Path) -> None:
    result = run_python(f"""
        import sys
        import desktop.ui.app, desktop.ui.main_window, desktop.ui.worker, desktop.ui.table_model
        heavy = [m for m in sys.modules if m.split(".")[0] in {HEAVY!r} or m in {HEAVY!r}]
        print(heavy)
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


# A child process running run_gui, with QMessageBox.critical answered by printing, and the
# window closing itself once the database is shown. Settings go to the temporary folder.
GUI_SCRIPT = """
    import sys
    from pathlib import Path
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QMessageBox
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {settings!r})
    def answer(parent, title, text, *args):
        print("BOX", title, text, flush=True)
        return QMessageBox.StandardButton.Ok
    QMessageBox.critical = answer
    import desktop.ui.main_window as mw
    attach = mw.MainWindow.attach_database
    def attach_then_close(self, *args, **kwargs):
        attach(self, *args, **kwargs)
        print("TITLE", self.windowTitle(), flush=True)
        QTimer.singleShot(0, self.close)
    mw.MainWindow.attach_database = attach_then_close
    from desktop.ui.app import run_gui
    sys.exit(run_gui(db_path=Path({path!r})))
"""


def test_run_gui_opens_the_database_after_the_window(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    result = run_python(GUI_SCRIPT.format(settings=str(tmp_path), path=str(path)), tmp_path)
    assert result.returncode == 0, result.stderr
    assert "TITLE 随州市教育局 — 民情台账" in result.stdout
    assert path.is_file()
    assert (tmp_path / "data" / "logs" / "minqing.log").is_file()


def test_run_gui_explains_a_bad_file_and_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这不是数据库", encoding="utf-8")
    result = run_python(GUI_SCRIPT.format(settings=str(tmp_path), path=str(path)), tmp_path)
    assert result.returncode == EXIT_DATABASE_ERROR
    assert "BOX 无法打开数据库" in result.stdout
    assert "不是民情台账的数据库文件" in result.stdout
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == "这不是数据库"  # untouched


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []

    def fake(kind: str) -> Callable[..., object]:
        def show(parent: object, title: str, text: str, *args: object) -> object:
            shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    monkeypatch.setattr(QMessageBox, "critical", fake("critical"))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning"))
    return shown


def start(qtbot: QtBot, settings: QSettings, path: Path) -> tuple[Startup, list[int]]:
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    codes: list[int] = []
    startup = Startup(window, db_path=path, quit_with=codes.append)
    startup.run()
    return startup, codes


def test_not_a_database(qtbot: QtBot, settings: QSettings, tmp_path: Path, boxes: list,
                        sync_worker: None) -> None:
    path = tmp_path / "table.xlsx.db"
    path.write_bytes(b"PK\x03\x04 an Excel file")
    startup, codes = start(qtbot, settings, path)
    assert codes == [EXIT_DATABASE_ERROR]
    assert boxes[0][:2] == ("critical", "无法打开数据库")
    assert "不是民情台账的数据库文件" in boxes[0][2]
    assert startup.database is None


def test_newer_schema(qtbot: QtBot, settings: QSettings, db: Database, boxes: list,
                      sync_worker: None) -> None:
    assert db.path is not None
    db.dispose()
    with sqlite3.connect(db.path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    _, codes = start(qtbot, settings, db.path)
    assert codes == [EXIT_DATABASE_ERROR]
    assert "更新版本" in boxes[0][2]


def test_corrupt_database(qtbot: QtBot, settings: QSettings, db: Database, boxes: list,
                          sync_worker: None) -> None:
    assert db.path is not None
    db.dispose()
    data = bytearray(db.path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[2 * page_size:2 * page_size + 16] = b"\x0d" + b"\xff" * 15  # page 3's b-tree header
    db.path.write_bytes(bytes(data))
    before = db.path.read_bytes()
    startup, codes = start(qtbot, settings, db.path)
    assert codes == [EXIT_DATABASE_ERROR]
    # Header and schema are sound, so the file opens; the whole-file check that runs once the
    # window is usable finds the damaged page, and nothing is attached, backed up or written.
    assert boxes[0][:2] == ("critical", "数据库已损坏")
    assert "已损坏" in boxes[0][2] and "恢复备份" in boxes[0][2]
    assert startup.database is None and startup.window.database is None
    assert not backup_dir().exists() or not any(backup_dir().iterdir())
    assert db.path.read_bytes() == before


def test_unexpected_failure_while_opening_is_a_bug(
    qtbot: QtBot, settings: QSettings, tmp_path: Path, boxes: list, sync_worker: None,
    crash_dialogs: list[CrashDialog], monkeypatch: pytest.MonkeyPatch,
) -> None:
    import db.engine

    def broken(*args: object, **kwargs: object) -> None:
        raise UnicodeDecodeError("utf-8", b"\xc4", 0, 1, "invalid continuation byte")

    monkeypatch.setattr(db.engine, "open_database", broken)
    _, codes = start(qtbot, settings, tmp_path / "x.db")
    assert codes == [EXIT_BUG]
    assert boxes == []
    assert "UnicodeDecodeError" in crash_dialogs[0].details
    crash_dialogs.clear()


def test_good_database_is_attached(qtbot: QtBot, settings: QSettings, db: Database,
                                   boxes: list, sync_worker: None) -> None:
    assert db.path is not None
    startup, codes = start(qtbot, settings, db.path)
    try:
        assert codes == [] and boxes == []
        assert startup.window.database is startup.database
        assert startup.window.windowTitle() == "随州市教育局 — 民情台账"
        # The file passed the background check, so the day's backup was made.
        assert len(list_backups(backup_dir(), db.path.stem)) == 1
    finally:
        startup.close()


def test_known_errors_show_a_plain_message(qtbot: QtBot, boxes: list) -> None:
    try:
        raise RuleError("没有群众评价，不能销号。")
    except RuleError as exc:
        handle_exception(type(exc), exc, exc.__traceback__)
    assert boxes == [("warning", "无法完成操作", "没有群众评价，不能销号。")]


def test_bugs_show_the_crash_dialog_and_are_logged(
    qtbot: QtBot, tmp_path: Path, crash_dialogs: list[CrashDialog]
) -> None:
    log_path = setup_logging()
    assert log_path == tmp_path / "data" / "logs" / "minqing.log"
    dialogs = crash_dialogs
    try:
        raise ZeroDivisionError("除数为零")
    except ZeroDivisionError as exc:
        handle_exception(type(exc), exc, exc.__traceback__)
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "程序出错"
    assert "Traceback" in dialog.details and "除数为零" in dialog.details
    assert version.app_version() in dialog.details
    assert dialog.copy_button.text() == "复制详细信息"
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.details
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "ZeroDivisionError: 除数为零" in logged
    assert not crash._showing
    crash_dialogs.clear()


def test_install_excepthook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    crash.install_excepthook()
    assert sys.excepthook is handle_exception
    # An exception that ends a thread of our own is written to the log, not lost.
    log_path = setup_logging()
    assert log_path is not None

    def work() -> None:
        raise KeyError("线程中的错误")

    thread = threading.Thread(target=work, name="mq-test-thread")
    thread.start()
    thread.join()
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_path.read_text(encoding="utf-8")
    assert "uncaught exception in thread mq-test-thread" in logged and "线程中的错误" in logged


def test_a_crash_when_the_log_cannot_be_written_still_shows_the_dialog(
        qtbot: QtBot, tmp_path: Path, crash_dialogs: list[CrashDialog]) -> None:
    """A full or read-only data folder: the dialog with its details still appears, and does
    not point at a log file that could not be written."""
    import logging.handlers

    root = logging.getLogger()
    saved = root.handlers[:]
    for handler in saved:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "logs").write_text("a file where the log folder should be")
    try:
        try:
            raise ValueError("磁盘只读")
        except ValueError as exc:
            handle_exception(type(exc), exc, exc.__traceback__)
        [dialog] = crash_dialogs
        qtbot.addWidget(dialog)
        assert "磁盘只读" in dialog.details and dialog.copy_button.text() == "复制详细信息"
        labels = [w.text() for w in dialog.findChildren(QLabel)]
        assert not any("日志文件" in text for text in labels)
        assert any("此前已保存的数据不受影响" in text for text in labels)
    finally:
        crash_dialogs.clear()
        for handler in saved:
            if handler not in root.handlers:
                root.addHandler(handler)


def test_version_comes_from_pyproject() -> None:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as fh:
        expected = tomllib.load(fh)["project"]["version"]
    assert version.app_version() == expected


def test_version_falls_back_when_frozen_without_pyproject(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(version, "SOURCE_ROOT", tmp_path / "nowhere")
    version.app_version.cache_clear()
    try:
        assert version.app_version() == version.UNKNOWN_VERSION
        (tmp_path / "pyproject.toml").write_text('[project]\nversion = "2.3.4"\n')
        version.app_version.cache_clear()
        assert version.app_version() == "2.3.4"
    finally:
        version.app_version.cache_clear()


def test_a_database_with_accounts_asks_who_signs_in(
        qtbot: QtBot, settings: QSettings, db: Database, boxes: list, sync_worker: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.audit import Actor
    from db.services.accounts import create_first_admin
    from desktop.ui.login import LoginDialog

    create_first_admin(db, "wangli", "王丽", "Suizhou2022")
    clerk = Actor("wangli", "admin", "王丽")
    asked: list[object] = []

    def login(database: Database, parent: object = None) -> Actor:
        asked.append(database)
        return clerk

    monkeypatch.setattr(LoginDialog, "login", staticmethod(login))
    assert db.path is not None
    startup, codes = start(qtbot, settings, db.path)
    try:
        assert len(asked) == 1 and codes == []
        assert startup.window.actor is clerk
    finally:
        startup.close()


def test_cancelling_the_sign_in_closes_the_app(
        qtbot: QtBot, settings: QSettings, db: Database, boxes: list, sync_worker: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from db.services.accounts import create_first_admin
    from desktop.ui.login import LoginDialog

    create_first_admin(db, "wangli", "王丽", "Suizhou2022")
    monkeypatch.setattr(LoginDialog, "login", staticmethod(lambda *a, **k: None))
    assert db.path is not None
    startup, codes = start(qtbot, settings, db.path)
    try:
        assert codes == [0]
        assert startup.window.actor is None  # no tabs were built for nobody
    finally:
        startup.close()


def test_without_accounts_the_pc_user_works_directly(
        qtbot: QtBot, settings: QSettings, db: Database, boxes: list, sync_worker: None) -> None:
    assert db.path is not None
    startup, codes = start(qtbot, settings, db.path)
    try:
        assert codes == []
        assert startup.window.actor is not None and startup.window.actor.username == "local"
    finally:
        startup.close()
