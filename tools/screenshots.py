"""Render the main window, each tab and the small dialogs offscreen to PNG files.

    uv run python tools/screenshots.py OUTDIR [--db PATH] [--lang zh_CN|en]

Without ``--db`` a fresh database with the default site is made in a temporary folder. The
window's settings go to a temporary folder too, so the user's own are never touched. Look at
the PNGs: Chinese must not be boxes and nothing may be cut off.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--db", type=Path, help="database file to show (default: a fresh one)")
    parser.add_argument("--lang", default="zh_CN", choices=["zh_CN", "en"])
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="mq-shots-"))
    os.environ.setdefault("MQ_DATA_DIR", str(scratch / "data"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))

    from desktop.ui.app import create_application
    from desktop.ui.fonts import register_fonts
    from desktop.ui.main_window import MainWindow
    from desktop.ui.worker import set_synchronous

    app = create_application(args.lang)
    register_fonts()
    set_synchronous(True)  # counts arrive before the picture is taken

    from db.campaign import SiteSetup, initialize_site
    from db.engine import open_database

    path = args.db or scratch / "shots.db"
    database = open_database(path)
    if args.db is None:
        with database.transaction() as session:
            initialize_site(session, SiteSetup(code="SZ", name="随州市教育局", level="city"))

    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    _settle(app)
    _save(window, args.outdir / "window_opening.png")
    window.attach_database(database)
    _settle(app)
    for number, (key, _module, _cls) in enumerate(window_tabs()):
        window.tabs.setCurrentIndex(number)
        _settle(app)
        _save(window, args.outdir / f"window_{number + 1}_{key}.png")
        _save(window.pages[key], args.outdir / f"tab_{number + 1}_{key}.png")

    for key, menu in window.menus.items():
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        _settle(app)
        _save(menu, args.outdir / f"menu_{key}.png")
        menu.hide()

    from db.paths import data_dir
    from desktop.ui.about import about_html, help_html

    for name, title, html in [
        ("about", "about", about_html(str(data_dir()), database.location)),
        ("help", "help", help_html()),
    ]:
        box = QMessageBox(QMessageBox.Icon.Information, title, html,
                          QMessageBox.StandardButton.Ok, window)
        box.show()
        _settle(app)
        _save(box, args.outdir / f"dialog_{name}.png")
        box.hide()

    from desktop.progress import Progress
    from desktop.ui.crash import CrashDialog
    from desktop.ui.worker import ProgressDialog, Task

    progress_dialog = ProgressDialog("生成报表", window)
    progress_dialog.task = Task(lambda p: None, None, None, None, Progress())
    progress_dialog.task.progress.update("正在汇总问题清单（第 3 页，共 8 页）……", 0.375)
    progress_dialog.poll()
    progress_dialog.show()
    _settle(app)
    _save(progress_dialog, args.outdir / "dialog_progress.png")
    progress_dialog.task.done = True
    progress_dialog.hide()

    try:
        raise RuntimeError("示例错误：张喆的记录无法显示")
    except RuntimeError as exc:
        from desktop.ui.crash import format_details

        details = format_details(type(exc), exc, exc.__traceback__)
        crash = CrashDialog(f"RuntimeError: {exc}", details, data_dir() / "logs" / "minqing.log",
                            window)
    crash.show()
    _settle(app)
    _save(crash, args.outdir / "dialog_crash.png")
    crash.hide()

    window.close()
    database.dispose()
    return 0


def window_tabs() -> list[tuple[str, str, str]]:
    from desktop.ui.main_window import TABS

    return TABS


if __name__ == "__main__":
    sys.exit(main())
