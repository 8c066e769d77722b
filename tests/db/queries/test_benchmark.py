"""Timings of the read side on a generated database (run with ``-m benchmark -s``).

``MQ_BENCH_VISITS`` visits (default 100,000) by 400 cadres over 2,000 units, generated with Core
inserts and indexed for search. Each figure is a median, printed next to a baseline measured in
the same run (a bare keyset SELECT of 200 visit rows), so ratios can be compared across machines.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from db.engine import open_database
from db.queries import (
    VisitFilter,
    checklists,
    not_gone_down,
    problem_stats,
    visit_count,
    visit_page,
    visit_stats,
)
from tests.db.queries.bench_data import RARE, generate

pytestmark = pytest.mark.benchmark


def _median(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def test_read_side_timings(template_db: Path, tmp_path: Path) -> None:
    n = int(os.environ.get("MQ_BENCH_VISITS", "100000"))
    path = tmp_path / "bench.db"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    t0 = time.perf_counter()
    info = generate(database, n)
    lines = [f"generated {info['visits']} visits in {time.perf_counter() - t0:.1f} s"]
    with database.session() as s:
        base, _ = _median(lambda: s.execute(text(
            "SELECT id, number, sort_key FROM visit WHERE deleted_at IS NULL "
            "ORDER BY sort_key DESC LIMIT 200")).all(), 7)
        lines.append(f"baseline, bare keyset select of 200 rows: {base * 1000:.2f} ms")

        def report(label: str, fn: Callable[[], Any], runs: int = 5) -> Any:
            t, result = _median(fn, runs)
            lines.append(f"{label}: {t * 1000:.1f} ms ({t / base:.0f}× baseline)")
            return result

        page = report("first page + count", lambda: (visit_page(s), visit_count(s)))
        assert len(page[0]) == 200 and page[1] == info["visits"]
        deep = s.execute(text("SELECT sort_key FROM visit ORDER BY sort_key LIMIT 1 OFFSET 500")
                         ).scalar()
        assert len(report("page deep in the table", lambda: visit_page(s, before=deep))) == 200
        for term in ("食堂", "食", RARE):
            f = VisitFilter(search=term)
            report(f"first page + count, search {term}",
                   lambda f=f: (visit_page(s, filters=f), visit_count(s, f)))
        f = VisitFilter(search="食堂", region_id=info["region"],  # type: ignore[arg-type]
                        method="forum")
        report("first page + count, 食堂 + region + method",
               lambda: (visit_page(s, filters=f), visit_count(s, f)))
        f2 = VisitFilter(region_id=info["region"])  # type: ignore[arg-type]
        report("first page, one region", lambda: visit_page(s, filters=f2))
        f3 = VisitFilter(cadre_id=info["cadre"])  # type: ignore[arg-type]
        report("first page + count, one cadre",
               lambda: (visit_page(s, filters=f3), visit_count(s, f3)))
        july = {"date_from": date(2022, 7, 1), "date_to": date(2022, 7, 31)}
        lists = report("nine ones of all 400 cadres, one month", lambda: checklists(s, **july),
                       1)
        assert len(lists) == 400
        report("nine ones of all 400 cadres, all time", lambda: checklists(s), 1)
        assert len(report("who has not gone down", lambda: not_gone_down(s), 3)) == 10
        report("visits by month × method", lambda: visit_stats(s), 3)
        report("problems by region", lambda: problem_stats(s, "region"), 3)
    database.dispose()
    print("\n" + "\n".join(lines))
