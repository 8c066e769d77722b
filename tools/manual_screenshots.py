"""Make the screenshots of the user manual (docs/manual/images) from the demo database.

    uv run python tools/manual_screenshots.py [OUTDIR] [--db DEMO.db] [--scale 1]

OUTDIR defaults to docs/manual/images. Without ``--db`` a demo database is generated in a
temporary folder (``--scale`` as for ``main.py demo``; the test run uses a small one). The
window's settings and data folder go to a temporary folder, so the user's own are never
touched. The files written are exactly the images the manual refers to (``SHOTS``), so the
manual can never show a stale or missing picture: the test suite runs this script and compares.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

# File name → what it shows. The manual's chapters refer to these names under images/.
SHOTS = {
    "window-personnel.png": "the main window on the personnel tab",
    "window-visits.png": "the main window on the visit log",
    "window-lists.png": "the main window on the three lists",
    "window-charts.png": "the main window on the progress charts",
    "report-dialog.png": "the report dialog (monthly study report chosen)",
    "report-preview.png": "the preview of a generated report",
    "help-window.png": "the help window (F1 on the visit log)",
}
PREVIEW_KIND = "monthly-study"
# Where a clerk's demo database is (db.paths.demo_db_path on Windows): the status bar shows
# this instead of the temporary file the pictures are taken from.
SHOWN_LOCATION = r"C:\Users\办公室\AppData\Local\MinqingTaizhang\demo\demo.db"


def _settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def _save(widget: QWidget, path: Path) -> None:
    if not widget.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


def make_demo(path: Path, scale: float) -> None:
    from db.demo import generate

    generate(path, scale=scale, seed=1)


def take(outdir: Path, db_path: Path, shot: Callable[[str], None] | None = None) -> list[Path]:
    """Write every screenshot of SHOTS into *outdir*; returns their paths."""
    from desktop.ui.fonts import register_fonts
    from desktop.ui.main_window import MainWindow
    from desktop.ui.worker import set_synchronous

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    register_fonts()
    set_synchronous(True)  # counts, charts and the report are there before the picture

    from db.engine import open_database

    database = open_database(db_path)
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    _settle(app)
    window.attach_database(database, demo=True)
    _settle(app)
    window.location_label.setText(window.tr("Database: {location}").format(
        location=SHOWN_LOCATION))
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        assert name in SHOTS, name
        _settle(app)
        _save(widget, outdir / name)
        written.append(outdir / name)
        if shot is not None:
            shot(name)

    for number, key in enumerate(["personnel", "visits", "lists", "charts"]):
        window.tabs.setCurrentIndex(number)
        _settle(app)
        save(window, f"window-{key}.png")

    from desktop.reports.catalog import REPORTS
    from desktop.ui.reports.choices import load_choices
    from desktop.ui.reports.dialog import ReportDialog

    kind = PREVIEW_KIND if PREVIEW_KIND in REPORTS else next(iter(REPORTS))
    with database.session() as session:
        choices = load_choices(session)
    dialog = ReportDialog(choices, kind, window)
    dialog.show()
    save(dialog, "report-dialog.png")
    params = dialog.params()
    dialog.close()

    feature = window.reports_feature  # type: ignore[attr-defined]
    feature.generate(kind, params)
    _settle(app)
    if not feature.previews:
        raise RuntimeError(f"the report {kind} was not made")
    preview = feature.previews[-1]
    preview.resize(1000, 800)
    preview.fit_width()
    _settle(app, 20)
    save(preview, "report-preview.png")
    preview.close()

    window.tabs.setCurrentIndex(1)
    window.show_help()
    help_window = window._help_window  # type: ignore[attr-defined]
    help_window.resize(1100, 760)
    _settle(app, 10)
    save(help_window, "help-window.png")
    help_window.close()

    window.close()
    database.dispose()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path, nargs="?", default=ROOT / "docs" / "manual" / "images")
    parser.add_argument("--db", type=Path, help="the demo database (default: make one)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="size of the demo made without --db (default 1)")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="mq-manual-shots-"))
    os.environ["MQ_DATA_DIR"] = str(scratch / "data")

    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch))
    db_path = args.db
    if db_path is None:
        db_path = scratch / "demo.db"
        make_demo(db_path, args.scale)

    from desktop.ui.app import create_application

    create_application("zh_CN")
    take(args.outdir, db_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
