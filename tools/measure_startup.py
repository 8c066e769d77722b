"""Measure process start → first paint: a bare PySide6 window vs our main window.

    uv run python tools/measure_startup.py [--rounds 7] [--db DEMO.db]

Each round starts three child processes, interleaved so that machine load hits all alike:
``bare`` (QApplication + one empty QTableView), ``ours`` (``run_gui``'s steps up to the main
window's first paint) and ``ours+db`` (the same, continuing with the visit log as the current
tab until the database is open and the tabs are built — "ready" —, then until the real visit
table has painted its first rows — "real_rows"). "rows" is when rows were first painted in the
visit log's place: the first-rows preview's (read with plain sqlite3 before the database is
open, desktop.ui.visits.preview), or the real table's when no preview came first. A child
prints when each has happened; the parent takes the time from just before starting the
process. Medians and ratios to ``bare`` are reported,
with the child's resident memory at that moment (peak, ru_maxrss). Offscreen platform;
settings and data in a temporary folder. Without ``--db`` a small database is made once; the
benchmark ``benchmarks/test_bench_startup.py`` passes the scale-100 demo.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT = 120.0  # seconds

COMMON = """
    import resource, sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    def report(what):
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(what, round(rss, 1), flush=True)
"""

BARE = COMMON + """
    from PySide6.QtWidgets import QApplication, QTableView
    app = QApplication(sys.argv[:1])
    view = QTableView()
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: (report("painted"), app.quit()))
            return False
    spy = FirstPaint()
    view.installEventFilter(spy)
    view.resize(1200, 780)
    view.show()
    app.exec()
"""

OURS = COMMON + """
    from pathlib import Path
    from PySide6.QtCore import QSettings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {scratch!r})
    from desktop.ui.app import Startup, create_application
    from desktop.ui.main_window import MainWindow
    app = create_application("zh_CN")
    window = MainWindow()
    window.tabs.setCurrentIndex(1)  # the visit log: its table is what the clerk waits for
    with_db = {with_db!r}
    class RowsPainted(QObject):
        # A visit table's viewport painting with rows: the first-rows preview's or the real one's.
        def __init__(self, mark, model, then=None):
            super().__init__()
            self.mark, self.model, self.then = mark, model, then
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and self.model.rowCount() > 0:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, lambda: report_rows(self.mark, self.then))
            return False
    seen = set()
    def report_rows(mark, then):
        if mark not in seen:
            seen.add(mark)
            report(mark)
        if "rows" not in seen:  # the real table painted before any preview: same moment
            seen.add("rows")
            report("rows")
        if then is not None:
            then()
    spies = []
    def watch(table, mark, then=None):
        spy = RowsPainted(mark, table.model(), then)
        spies.append(spy)
        table.viewport().installEventFilter(spy)
        table.viewport().update()
    def preview_shown():
        from PySide6.QtWidgets import QTableView
        watch(window.tabs.widget(1).findChild(QTableView, "visitPreviewTable"), "rows")
    window.preview_shown.connect(preview_shown)
    def attached():
        report("ready")
        watch(window.pages["visits"].body.table, "real_rows", app.quit)
    def painted():
        report("painted")
        if not with_db:
            app.quit()
            return
        startup = Startup(window, db_path=Path({db!r}))
        window.database_attached.connect(attached)
        startup.run()
    window.first_painted.connect(painted)
    window.show()
    app.exec()
"""


def run_child(code: str, scratch: Path) -> dict[str, tuple[float, float]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MQ_DATA_DIR=str(scratch / "data"),
               PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    marks: dict[str, tuple[float, float]] = {}
    assert child.stdout is not None
    # A child that never reports (a mark that cannot happen) must not hang the measurement.
    timer = threading.Timer(CHILD_TIMEOUT, child.kill)
    timer.start()
    for line in child.stdout:
        what, rss = line.split()
        marks[what] = (time.perf_counter() - start, float(rss))
    assert child.stderr is not None
    errors = child.stderr.read()
    timer.cancel()
    if child.wait() != 0:
        raise RuntimeError(f"child failed ({child.returncode}): {errors[-2000:]}")
    return marks


@dataclass(frozen=True)
class Mark:
    label: str
    seconds: float  # median from process start
    ratio: float  # to the bare window's first paint
    rss_mb: float  # median peak resident memory at that moment


def measure(rounds: int, db: Path | None = None) -> list[Mark]:
    """Medians of *rounds* interleaved rounds: bare first paint, ours, ours with *db*."""
    scratch = Path(tempfile.mkdtemp(prefix="mq-startup-"))
    if db is None:
        sys.path.insert(0, str(ROOT))
        from db.demo import generate

        db = scratch / "measure.db"
        generate(db, scale=0.2)  # the visit table needs rows to paint
    # A first run makes (or migrates) the database and warms the file cache, so that the
    # rounds measure opening, not creating.
    run_child(OURS.format(scratch=str(scratch), with_db=True, db=str(db)), scratch)
    kinds = {
        "bare": BARE,
        "ours": OURS.format(scratch=str(scratch), with_db=False, db=str(db)),
        "ours+db": OURS.format(scratch=str(scratch), with_db=True, db=str(db)),
    }
    results: dict[str, list[dict[str, tuple[float, float]]]] = {k: [] for k in kinds}
    for _ in range(rounds):
        for kind, code in kinds.items():
            results[kind].append(run_child(code, scratch))

    def median(kind: str, mark: str, field: int) -> float:
        return statistics.median(r[mark][field] for r in results[kind])

    bare = median("bare", "painted", 0)
    rows = [("bare QTableView, first paint", "bare", "painted"),
            ("our main window, first paint", "ours", "painted"),
            ("database open and tabs built", "ours+db", "ready"),
            ("visit table, first rows painted", "ours+db", "rows"),
            ("visit table, real tab's rows painted", "ours+db", "real_rows")]
    return [Mark(label, median(kind, mark, 0), median(kind, mark, 0) / bare,
                 median(kind, mark, 1)) for label, kind, mark in rows]


def print_marks(marks: list[Mark], rounds: int) -> None:
    print(f"{rounds} rounds, medians (offscreen; load average {os.getloadavg()[0]:.1f})")
    for mark in marks:
        print(f"  {mark.label:40s} {mark.seconds:6.3f} s  {mark.ratio:5.2f} × bare  "
              f"{mark.rss_mb:6.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first-paint timing")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--db", type=Path, help="an existing database (default: a new one)")
    args = parser.parse_args(argv)
    print_marks(measure(args.rounds, args.db), args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
