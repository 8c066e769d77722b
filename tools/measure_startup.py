"""Measure process start → first paint: a bare PySide6 window vs our main window.

    uv run python tools/measure_startup.py [--rounds 7]

Each round starts three child processes, interleaved so that machine load hits all alike:
``bare`` (QApplication + one empty QTableView), ``ours`` (``run_gui``'s steps up to the main
window's first paint) and ``ours+db`` (the same, continuing until the database is open and the
tabs are built). A child prints when its window has painted; the parent takes the time from
just before starting the process. Medians and ratios to ``bare`` are reported, with the child's
peak memory (ru_maxrss) at that moment. Offscreen platform; settings and data in a temporary
folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

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
    with_db = {with_db!r}
    def painted():
        report("painted")
        if not with_db:
            app.quit()
            return
        startup = Startup(window, db_path=Path({db!r}))
        window.database_attached.connect(lambda: (report("ready"), app.quit()))
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
    for line in child.stdout:
        what, rss = line.split()
        marks[what] = (time.perf_counter() - start, float(rss))
    assert child.stderr is not None
    errors = child.stderr.read()
    if child.wait() != 0:
        raise RuntimeError(f"child failed ({child.returncode}): {errors[-2000:]}")
    return marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="first-paint timing")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="mq-startup-"))
    db = scratch / "measure.db"
    # Make (and migrate) the database once, so "ours+db" measures opening, not creating.
    run_child(OURS.format(scratch=str(scratch), with_db=True, db=str(db)), scratch)
    kinds = {
        "bare": BARE,
        "ours": OURS.format(scratch=str(scratch), with_db=False, db=str(db)),
        "ours+db": OURS.format(scratch=str(scratch), with_db=True, db=str(db)),
    }
    results: dict[str, list[dict[str, tuple[float, float]]]] = {k: [] for k in kinds}
    for _ in range(args.rounds):
        for kind, code in kinds.items():
            results[kind].append(run_child(code, scratch))

    def median(kind: str, mark: str, field: int) -> float:
        return statistics.median(r[mark][field] for r in results[kind])

    bare = median("bare", "painted", 0)
    print(f"{args.rounds} rounds, medians (offscreen; load average {os.getloadavg()[0]:.1f})")
    rows = [("bare QTableView, first paint", "bare", "painted"),
            ("our main window, first paint", "ours", "painted"),
            ("our main window, database open and tabs built", "ours+db", "ready")]
    for label, kind, mark in rows:
        seconds = median(kind, mark, 0)
        print(f"  {label:48s} {seconds:6.3f} s  {seconds / bare:5.2f} × bare  "
              f"{median(kind, mark, 1):6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
