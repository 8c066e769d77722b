"""Benchmarks of trust (issue 7): signing in, the cost of the audit entry, the visit table on
PostgreSQL.

- Login (the argon2id check with its audit entry, ``authenticate``) under 0.5 s; the baseline
  is the bare ``PasswordHasher.verify``.
- A write with its audit entry ≤ 1.3 × the same write without it (a visit with a problem,
  ``record_visit``, on a copy of the scale-10 demo file, ``synchronous=FULL``).
- The visit table (first page + count, what the tab reads before showing anything) on
  PostgreSQL within 2 × its time on SQLite for the same scale-10 data. The demo is generated
  here (SQLite only) and copied with ``db.transfer`` into the server of ``MQ_BENCH_PG_URL`` (else
  ``MQ_TEST_PG_URL``; its ``public`` schema is dropped first: give a throw-away database,
  such as the one ``.ci/start-postgres.sh`` starts). Without a URL that part is skipped.

    uv run pytest benchmarks/test_bench_trust.py -m benchmark -s
    eval "$(.ci/start-postgres.sh)" && uv run pytest benchmarks/test_bench_trust.py -m benchmark -s
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from harness import Timing, measure, report, runs_from_env
from sqlalchemy import create_engine, select, text
from sqlmodel import Session

from db.audit import SYSTEM, verify_chain
from db.campaign import SiteSetup, initialize_site
from db.demo import generate
from db.engine import Database, open_database
from db.models import Cadre, Unit
from db.queries.visits import visit_count, visit_page
from db.services import accounts
from db.services.visits import FindingInput, VisitInput, record_visit

pytestmark = pytest.mark.benchmark

SCALE = float(os.environ.get("MQ_BENCH_TRUST_SCALE", "10"))
RUNS = runs_from_env(11)
LOGIN_TARGET = 0.5
AUDIT_RATIO_TARGET = 1.3
PG_RATIO_TARGET = 2.0
WRITES = 20  # visits per timed run of the audit comparison
PG_URL = os.environ.get("MQ_BENCH_PG_URL") or os.environ.get("MQ_TEST_PG_URL")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("trust") / "demo.db"
    started = time.perf_counter()
    counts = generate(path, scale=SCALE, seed=7)
    print(f"\nscale-{SCALE:g} demo: {counts} in {time.perf_counter() - started:.0f} s")
    return path


@pytest.fixture
def demo_copy(demo: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "copy.db"
    shutil.copyfile(demo, path)
    database = open_database(path)
    yield database
    database.dispose()


def test_login_under_half_a_second(tmp_path: Path) -> None:
    assert accounts.HASHER.type.name == "ID" and accounts.HASHER.memory_cost >= 64 * 1024
    database = open_database(tmp_path / "login.db")
    with database.transaction() as s:
        initialize_site(s, SiteSetup(code="SZ", name="随州市教育局", level="city"))
    user = accounts.create_first_admin(database, "admin", "系统管理员", "Admin-pass-2026")
    stored = user.password_hash
    login = measure("login (authenticate, with its audit entry)",
                    lambda: accounts.authenticate(database, "admin", "Admin-pass-2026"), RUNS)
    bare = measure("argon2id verify alone",
                   lambda: accounts.HASHER.verify(stored, "Admin-pass-2026"), RUNS)
    report(login, bare)
    print(f"    login median {login.median:.3f} s, slowest {max(login.runs):.3f} s, "
          f"CPU {login.cpu:.3f} s; target < {LOGIN_TARGET} s")
    database.dispose()
    load = os.getloadavg()[0] / (os.cpu_count() or 1)
    if login.median >= LOGIN_TARGET and load > 1.5:
        # Waiting for a core is not the check's cost: on a machine this busy, judge by the
        # CPU time the sign-in used (argon2 runs its two lanes on two threads).
        print(f"    wall clock over the target under load {load:.1f} per core; "
              f"judged by CPU time {login.cpu:.3f} s")
        assert login.cpu < LOGIN_TARGET
    else:
        assert login.median < LOGIN_TARGET


def _visit_input(db: Database, n: int) -> VisitInput:
    with db.session() as s:
        unit = s.execute(select(Unit.id).where(Unit.kind == "school").limit(1)).scalar_one()
        cadre = s.execute(select(Cadre.id).limit(1)).scalar_one()
    return VisitInput(
        visit_date=date(2022, 9, 1), cadre_ids=(cadre,), unit_id=unit, method="field_visit",
        activities=("canteen",), content=f"第 {n} 次走访：检查食堂", findings="食堂卫生有待改进",
        problems=(FindingInput("canteen", "management_service", "食堂饭菜价格偏高", False,
                               "parent", "王建国", "13912345678"),))


def _flush_only(session: Session, *_args: object, **_kwargs: object) -> None:
    """What is left of ``audit_create`` without the audit: the flush the service relies on."""
    session.flush()


def test_audit_entry_costs_at_most_30_percent(demo_copy: Database,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The commonest write, a visit with a problem found on it (``record_visit``, one
    transaction), with its two audit entries, and the same with ``audit_create`` reduced to
    the flush it also does (no snapshot, no entry): the same statements otherwise."""
    import db.services.visits as visits

    database = demo_copy
    data = _visit_input(database, 0)
    with database.session() as s:
        entries = s.execute(text("SELECT count(*) FROM audit_entry")).scalar()
    print(f"\naudit log of the demo before: {entries} entries")
    with_audit: list[float] = []
    without: list[float] = []
    cpu: dict[bool, list[float]] = {True: [], False: []}
    audited = (visits.audit_create,)
    for _ in range(RUNS):  # interleaved, so both sides see the same load of the machine
        for on, bucket in ((True, with_audit), (False, without)):
            monkeypatch.setattr(visits, "audit_create", audited[0] if on else _flush_only)
            c0, t0 = time.process_time(), time.perf_counter()
            for _ in range(WRITES):
                record_visit(database, SYSTEM, data)
            bucket.append(time.perf_counter() - t0)
            cpu[on].append(time.process_time() - c0)
    monkeypatch.setattr(visits, "audit_create", audited[0])
    with database.session() as s:
        assert verify_chain(s) == []
    subject = Timing(f"{WRITES} visits with their audit entries", statistics.median(with_audit),
                     statistics.median(cpu[True]), tuple(with_audit))
    baseline = Timing(f"the same {WRITES} visits without", statistics.median(without),
                      statistics.median(cpu[False]), tuple(without))
    ratio = report(subject, baseline)
    print(f"    target ratio ≤ {AUDIT_RATIO_TARGET}")
    assert ratio <= AUDIT_RATIO_TARGET


def _copy_to_server(source: Path, url: str) -> Database:
    """The SQLite demo into a fresh schema on the server, as ``main.py copy-to-server`` does."""
    from db.transfer import copy_to_server

    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    admin.dispose()
    started = time.perf_counter()
    report = copy_to_server(source, url)
    # What autovacuum does on a live server soon after such a load: statistics, and the
    # visibility map that lets a count read the partial index of live visits alone.
    vacuum = create_engine(url, isolation_level="AUTOCOMMIT")
    with vacuum.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))
    vacuum.dispose()
    print(f"\ncopied {report.total} rows to the server in {time.perf_counter() - started:.0f} s")
    return open_database(url=url)


def _first_rows(database: Database) -> None:
    with database.session() as s:
        assert len(visit_page(s)) == 200
        assert visit_count(s) > 0


def test_visit_table_on_postgresql_within_twice_sqlite(demo_copy: Database) -> None:
    if PG_URL is None:
        pytest.skip("no PostgreSQL server: set MQ_BENCH_PG_URL or MQ_TEST_PG_URL "
                    "(eval \"$(.ci/start-postgres.sh)\") to measure the server side")
    assert demo_copy.path is not None
    server = _copy_to_server(demo_copy.path, PG_URL)
    try:
        with demo_copy.session() as s, server.session() as p:
            assert visit_count(s) == visit_count(p)
            assert [r.id for r in visit_page(s)] == [r.id for r in visit_page(p)]
        _first_rows(server)  # warm both: connections, caches
        _first_rows(demo_copy)
        pg = measure("visit table on PostgreSQL (first page + count)",
                     lambda: _first_rows(server), RUNS)
        lite = measure("the same on SQLite", lambda: _first_rows(demo_copy), RUNS)
        ratio = report(pg, lite)
        print(f"    PostgreSQL {pg.median * 1000:.1f} ms, SQLite {lite.median * 1000:.1f} ms; "
              f"target ratio ≤ {PG_RATIO_TARGET}")
        assert ratio <= PG_RATIO_TARGET
    finally:
        server.dispose()
