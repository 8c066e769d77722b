"""Benchmark: export and import of an exchange package holding 100,000 visits.

A school (SX01) holds ``MQ_BENCH_VISITS`` visits (default 100,000), each with a cadre, an
activity and one problem, written in bulk with their search documents (the helper of
``tests/exchange/test_benchmark.py``). It exports a package for its county (SX); the county
imports it into a fresh copy of its database each run — verified, compared, written in one
transaction with its search index — and then once more, which must write nothing.

Baselines, measured in the same run:

- export: reading the same tables with plain ``sqlite3`` and writing them as JSON lines into a
  deflated zip — the floor of any package, without the checks, the signature or the selection;
- import: bare ``sqlite3.executemany`` of the same rows (visits, problems, their cadres and
  activities, both search indexes' documents) into a fresh copy of the receiving database, with
  its indexes and the import's page cache — the floor of writing them.

Target (ISSUE 6): under 30 s for each of export and import; the test fails above it.

    uv run pytest benchmarks/test_bench_exchange.py -m benchmark -s
    MQ_BENCH_VISITS=20000 MQ_BENCH_RUNS=3 uv run pytest benchmarks/test_bench_exchange.py \
        -m benchmark -s
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "benchmarks"):  # `import db`, `import harness`, with or without conftest
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from harness import measure, report, runs_from_env  # noqa: E402

VISITS = int(os.environ.get("MQ_BENCH_VISITS", "100000"))
RUNS = 1
SECONDS_TARGET = 30.0
TABLES = ("visit", "visit_cadre", "visit_activity", "problem")


def _school_with_visits(root: Path, n: int) -> tuple[dict, Path]:
    """The three paired sites with *n* visits at the school; the county's database file as it
    was before any import (checkpointed, so a file copy is the whole database)."""
    from db.engine import open_database
    from tests.exchange.conftest import CITY, COUNTY, SCHOOL, make_site, pair_both
    from tests.exchange.test_benchmark import bulk_visits
    from tests.exchange.test_flow import reference_down

    template = root / "bare.db"
    open_database(template).dispose()
    sites = {s.code: make_site(root, template, s) for s in (SCHOOL, COUNTY, CITY)}
    pair_both(sites["SX01"], sites["SX"])
    pair_both(sites["SX"], sites["SZ"])
    unit_id, cadre_id = reference_down(sites)
    bulk_visits(sites["SX01"], unit_id, cadre_id, n)
    county = sites["SX"]
    with county.db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    county.db.dispose()
    snapshot = root / "county-before.db"
    shutil.copyfile(county.db.path, snapshot)  # type: ignore[arg-type]
    return sites, snapshot


def _fresh_copy(snapshot: Path, path: Path) -> Path:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    shutil.copyfile(snapshot, path)
    return path


def _bare_export(school_db: Path, out: Path) -> None:
    """The same tables read with sqlite3 and written as JSON lines into a deflated zip."""
    conn = sqlite3.connect(school_db)
    try:
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for table in TABLES:
                cur = conn.execute(f"SELECT * FROM {table}")
                names = [d[0] for d in cur.description]
                zf.writestr(f"{table}.jsonl", "".join(
                    json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
                    for row in cur))
    finally:
        conn.close()


def _bare_import(school_db: Path, target: Path) -> None:
    """The same rows and search documents, read beforehand, written with bare executemany."""
    from db.search import problem_document, visit_document

    src = sqlite3.connect(school_db)
    try:
        rows = {t: src.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}
        vdocs = [(key, visit_document(c, t, f, [d])) for key, c, t, f, d in src.execute(
            "SELECT v.sort_key, v.content, v.talked_with, v.findings, p.description "
            "FROM visit v JOIN problem p ON p.visit_id = v.id")]
        pdocs = [(key, problem_document(num, d)) for key, num, d in src.execute(
            "SELECT sort_key, number, description FROM problem")]
    finally:
        src.close()
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA cache_size=-262144")
        conn.execute("BEGIN")
        for table in TABLES:
            marks = ",".join("?" * len(rows[table][0]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows[table])
        conn.executemany("INSERT INTO visit_fts(rowid, body) VALUES (?, ?)", sorted(vdocs))
        conn.executemany("INSERT INTO problem_fts(rowid, body) VALUES (?, ?)", sorted(pdocs))
        conn.execute("COMMIT")
    finally:
        conn.close()


@pytest.mark.benchmark
def test_export_and_import_100k_visits(tmp_path: Path) -> None:
    from db.engine import open_database
    from db.exchange import export_package, import_package
    from tests.exchange.conftest import search_problems, search_visits

    runs = runs_from_env(RUNS)
    sites, snapshot = _school_with_visits(tmp_path, VISITS)
    school = sites["SX01"]
    try:
        packages: list[Path] = []
        exported = measure(f"export of a package of {VISITS:,} visits and problems", lambda: (
            packages.append(export_package(school.db, "SX", school.outbox, key_dir=school.keys,
                                           full=True).path)), runs)
        package = packages[-1]
        print(f"\n    package {package.stat().st_size / 1e6:.1f} MB")
        with school.db.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        school_file = Path(school.db.path)  # type: ignore[arg-type]
        bare = measure("sqlite3 SELECT + JSON lines + zip of the same tables",
                       lambda: _bare_export(school_file, tmp_path / "bare.zip"), runs)
        report(exported, bare)

        target = tmp_path / "county-run.db"
        reports = []

        def import_once() -> None:
            db = open_database(_fresh_copy(snapshot, target))
            try:
                reports.append(import_package(db, package))
            finally:
                db.dispose()

        imported = measure(f"import of the package ({VISITS:,} visits, verified, merged, "
                           "indexed)", import_once, runs)
        floor = measure("bare executemany of the same rows and documents",
                        lambda: _bare_import(school_file, _fresh_copy(snapshot, target)), runs)
        report(imported, floor)

        db = open_database(_fresh_copy(snapshot, target))
        try:
            import_package(db, package)
            again = measure("re-import of the same package (writes nothing)",
                            lambda: reports.append(import_package(db, package)))
            print(f"{again.name}: {again.median:.2f} s (cpu {again.cpu:.2f} s)")
            assert reports[-1].nothing_to_do
            assert len(search_problems(db, "菜价偏高")) == VISITS
            assert len(search_visits(db, "问题17：")) >= 1
        finally:
            db.dispose()
        first = reports[0]
        assert first.tables["visit"].new == VISITS and first.tables["problem"].new == VISITS
        print(f"    target: under {SECONDS_TARGET:.0f} s each")
        assert exported.median < SECONDS_TARGET, exported
        assert imported.median < SECONDS_TARGET, imported
    finally:
        for env in sites.values():
            env.db.dispose()
