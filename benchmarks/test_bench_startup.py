"""Benchmark: start-up on the scale-100 demo (about 800,000 visits), against a bare window.

Child processes, interleaved round by round (``tools/measure_startup.py``): a bare PySide6
window with one empty table, our main window, and our main window opening the demo database
with the visit log on screen. Targets (the issue on the desktop at scale 100):

- first paint of the main window ≤ 1.5 × the bare window's first paint;
- the visit table's first rows painted ≤ 5 × the bare window's first paint — the first-rows
  preview's (plain sqlite3 while SQLAlchemy is imported, desktop.ui.visits.preview) or the real
  table's, whichever is on screen first; the real tab's own first rows are printed beside;
- resident memory (peak) under 250 MB once the real tab's rows are painted.

Byte code is compiled first, as an installed application has it; a checkout run with
PYTHONDONTWRITEBYTECODE would otherwise compile every module at every start.

    MQ_BENCH_DB=/tmp/mq_bench uv run pytest benchmarks/test_bench_startup.py -m benchmark -s
    MQ_BENCH_RUNS=9 ...   # rounds (default 7)
"""

from __future__ import annotations

import compileall
import os
import sys
import sysconfig
from pathlib import Path

import pytest
from harness import bench_db_path, runs_from_env

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from measure_startup import measure, print_marks  # noqa: E402

pytestmark = pytest.mark.benchmark

SCALE = float(os.environ.get("MQ_BENCH_SCALE", "100"))


def test_first_paint_first_rows_and_memory(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = bench_db_path(tmp_path_factory, SCALE)
    for folder in (Path(sysconfig.get_paths()["purelib"]), ROOT / "db", ROOT / "desktop"):
        compileall.compile_dir(folder, quiet=1, workers=2)
    rounds = runs_from_env(7)
    marks = {mark.label: mark for mark in measure(rounds, db)}
    print(f"\n    database: {db} ({db.stat().st_size / 2**20:,.0f} MB)")
    print_marks(list(marks.values()), rounds)
    first_paint = marks["our main window, first paint"]
    rows = marks["visit table, first rows painted"]
    real_rows = marks["visit table, real tab's rows painted"]
    assert first_paint.ratio <= 1.5
    assert rows.ratio <= 5
    assert rows.seconds <= real_rows.seconds
    assert real_rows.rss_mb < 250
