"""Export and import of a big package (skipped by the default run: ``-m benchmark``).

``MQ_BENCH_VISITS`` sets the number of visits (default 100,000), each with one problem, a cadre
and an activity. Target: under 30 s for each of export and import. The test prints the
figures and their ratios to a baseline measured in the same run (writing the same rows and
index entries directly) instead of failing on a busy machine; it asserts correctness.
"""

from __future__ import annotations

import os
import time
import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import insert

from db.exchange import export_package, import_package
from db.models import Problem, Visit, VisitActivity, VisitCadre, utcnow
from db.numbering import DAY_SHIFT, day_base, format_number
from db.search import problem_document, visit_document
from tests.exchange.conftest import SiteEnv, search_problems, search_visits
from tests.exchange.test_flow import reference_down

N = int(os.environ.get("MQ_BENCH_VISITS", "100000"))


def bulk_visits(env: SiteEnv, unit_id: uuid.UUID, cadre_id: uuid.UUID, n: int) -> None:
    start = date(2022, 5, 15)
    now = utcnow()
    visits, problems, cadres, acts, vdocs, pdocs = [], [], [], [], [], []
    for i in range(n):
        d = start + timedelta(days=i % 200)
        vid, pid = uuid.uuid4(), uuid.uuid4()
        vkey = day_base(d) + i // 200
        content = f"第{i}次走访：查看宿舍、食堂，与师生交谈"
        desc = f"问题{i}：宿舍热水供应时间短，食堂菜价偏高"
        visits.append(dict(id=vid, created_at=now, updated_at=now, site=env.code, version=1,
                           number=format_number(env.code, "visit", 2022, i + 1), sort_key=vkey,
                           visit_date=d, unit_id=unit_id, method="field_visit", students_met=3,
                           teachers_met=2, parents_met=1, content=content,
                           talked_with="学生代表", findings="热水时间短",
                           reported_to_branch=True))
        problems.append(dict(id=pid, created_at=now, updated_at=now, site=env.code, version=1,
                             number=format_number(env.code, "problem", 2022, i + 1),
                             sort_key=vkey, reported_on=d, source_channel="visit",
                             reporter_type="student", reporter_name="", reporter_phone="",
                             unit_id=unit_id, area="canteen", category="management_service",
                             description=desc, strongly_reported=False, visit_id=vid,
                             status="open"))
        cadres.append(dict(visit_id=vid, cadre_id=cadre_id))
        acts.append(dict(visit_id=vid, activity="dormitory"))
        vdocs.append({"r": vkey, "b": visit_document(content, "学生代表", "热水时间短", [desc])})
        pdocs.append({"r": vkey, "b": problem_document(problems[-1]["number"], desc)})
    assert n // 200 < 1 << DAY_SHIFT
    with env.db.transaction() as s:
        for table, rows in ((Visit, visits), (Problem, problems), (VisitCadre, cadres),
                            (VisitActivity, acts)):
            for i in range(0, len(rows), 5000):
                s.execute(insert(table.__table__), rows[i:i + 5000])  # type: ignore[attr-defined]
        from sqlalchemy import text

        s.execute(text("INSERT INTO visit_fts(rowid, body) VALUES (:r, :b)"), vdocs)
        s.execute(text("INSERT INTO problem_fts(rowid, body) VALUES (:r, :b)"), pdocs)


@pytest.mark.benchmark
def test_big_package(sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    t0 = time.perf_counter()
    bulk_visits(school, unit_id, cadre_id, N)
    t_baseline = time.perf_counter() - t0  # the same rows written directly: the yardstick

    # Wall time is what the clerk waits; CPU time is the figure that does not depend on what
    # else the machine is doing (shared CI runners are often busy).
    t0, c0 = time.perf_counter(), time.process_time()
    result = export_package(school.db, "SX", school.outbox, key_dir=school.keys)
    t_export, c_export = time.perf_counter() - t0, time.process_time() - c0
    size = result.path.stat().st_size

    t0, c0 = time.perf_counter(), time.process_time()
    report = import_package(county.db, result.path)
    t_import, c_import = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    again = import_package(county.db, result.path)
    t_again, c_again = time.perf_counter() - t0, time.process_time() - c0

    print(f"\n{N} visits + {N} problems, package {size / 1e6:.1f} MB: "
          f"export {t_export:.1f} s (cpu {c_export:.1f}), import {t_import:.1f} s "
          f"(cpu {c_import:.1f}), re-import, a no-op, {t_again:.1f} s (cpu {c_again:.1f})")
    assert report.tables["visit"].new == N and report.tables["problem"].new == N
    assert again.nothing_to_do
    assert len(search_visits(county.db, "问题17：")) >= 1
    assert len(search_problems(county.db, "菜价偏高")) == N
    print(f"baseline (writing the same rows and index directly) {t_baseline:.1f} s; ratios "
          f"export {t_export / t_baseline:.2f}, import {t_import / t_baseline:.2f}, "
          f"re-import {t_again / t_baseline:.2f}; target 30 s each: "
          f"{'met' if max(t_export, t_import) < 30 else 'MISSED'}")
