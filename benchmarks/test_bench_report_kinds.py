"""Benchmark: the full three-lists report (``main.py report three-lists``) on the scale-10 demo
(about 20,000 problems, 15,000 tasks, 14,000 effects), and the monthly study report on the
scale-1 demo.

Baseline, measured in the same run: the floor of merely drawing the same rows' text (every cell
of the three lists, as the report prints it) with bare ``canvas.drawString`` lines on landscape
pages, no wrapping and no grid. Target: the report, reading the database included, within
5 × that floor; peak memory < 600 MB. The monthly study report on the scale-1 demo: < 5 s.

    uv run pytest benchmarks/test_bench_report_kinds.py -m benchmark -s
    (MQ_BENCH_REPORT_SCALE sets the demo's scale, default 10)
"""

from __future__ import annotations

import io
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "benchmarks"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from harness import report, runs_from_env  # noqa: E402
from test_bench_report_table import interleaved  # noqa: E402

RATIO_TARGET = 5.0
MEMORY_TARGET_MIB = 600
STUDY_TARGET_S = 5.0


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.demo import generate

    scale = float(os.environ.get("MQ_BENCH_REPORT_SCALE", "10"))
    path = tmp_path_factory.mktemp("bench_kinds") / "demo.db"
    generate(path, scale=scale)
    return path


def render_floor(rows: list[tuple[object, ...]]) -> int:
    """Each row's cells as bare drawString lines at fixed x, one line per cell."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from desktop.fonts import FontRole
    from desktop.reports.fonts import font_name
    from desktop.reports.layout import _plain_streams
    from desktop.reports.table import cell_text

    name = font_name(FontRole.FANGSONG)
    buf = io.BytesIO()
    with _plain_streams():
        canv = Canvas(buf, pagesize=landscape(A4))
        canv.setFont(name, 10.5)
        y = 520.0
        for row in rows:
            x = 99.0
            for cell in row:
                canv.drawString(x, y, cell_text(cell))
                x += 68.0
            y -= 14.0
            if y < 80:
                canv.showPage()
                canv.setFont(name, 10.5)
                y = 520.0
        canv.save()
    return len(buf.getvalue())


@pytest.mark.benchmark
def test_bench_three_lists_report(demo: Path, tmp_path: Path) -> None:
    from db.engine import open_database
    from desktop.reports.catalog import build_report
    from desktop.reports.fonts import register_fonts
    from desktop.reports.kinds.three_lists import read_lists

    register_fonts()
    database = open_database(demo, create=False)
    try:
        with database.session() as s:
            lists = read_lists(s, None)
        rows = [*lists.problems, *lists.tasks, *lists.effects]
        out = tmp_path / "three-lists.pdf"
        render_floor(rows[:500])  # warm up fonts and width caches
        build_report(database, "three-lists", out)

        subject, floor = interleaved(
            f"three-lists report, {len(lists.problems):,} problems, {len(lists.tasks):,} tasks,"
            f" {len(lists.effects):,} effects (database read included)",
            lambda: build_report(database, "three-lists", out),
            "bare drawString floor of the same rows", lambda: render_floor(rows),
            runs_from_env(1))
        print()
        ratio = report(subject, floor)
        tracemalloc.start()
        build_report(database, "three-lists", out)
        _, traced = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        # (The process's max RSS would include the demo's generation in the fixture: the
        # traced allocations of one build are what the report itself needs.)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"    cpu ratio {subject.cpu / floor.cpu:.2f}; target <= {RATIO_TARGET:g}; "
              f"PDF {out.stat().st_size / 1e6:.1f} MB; peak traced {traced / 2**20:.0f} MiB "
              f"(target < {MEMORY_TARGET_MIB}); process max RSS {rss:.0f} MiB")
        assert ratio <= RATIO_TARGET
        assert traced / 2**20 < MEMORY_TARGET_MIB
    finally:
        database.dispose()


@pytest.mark.benchmark
def test_bench_monthly_study_at_scale_one(tmp_path: Path) -> None:
    from db.demo import generate
    from db.engine import open_database
    from desktop.reports.catalog import build_report

    path = tmp_path / "demo1.db"
    generate(path, scale=1)
    database = open_database(path, create=False)
    try:
        timings = []
        for _ in range(2):  # the first in the process imports matplotlib and the charts
            t0, c0 = time.perf_counter(), time.process_time()
            build_report(database, "monthly-study", tmp_path / "study.pdf")
            timings.append((time.perf_counter() - t0, time.process_time() - c0))
        (wall, cpu), (warm, warm_cpu) = timings
        print(f"\nmonthly-study report at scale 1: first {wall:.2f} s wall ({cpu:.2f} s cpu, "
              f"imports included), again {warm:.2f} s ({warm_cpu:.2f} s cpu); target < "
              f"{STUDY_TARGET_S:g} s; load average {os.getloadavg()[0]:.1f}")
        assert cpu < STUDY_TARGET_S and warm < STUDY_TARGET_S
    finally:
        database.dispose()
