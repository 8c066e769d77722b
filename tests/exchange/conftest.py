"""Three sites in temporary databases — school SX01 under county SX under city SZ — each with
its own key folder and outbox, paired along the tree (school ↔ county ↔ city)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.audit import SYSTEM
from db.campaign import SiteSetup, initialize_site
from db.engine import Database, open_database
from db.exchange import ImportReport, export_identity, export_package, import_package, pair
from db.models import Cadre, Problem, Region, Unit, Visit, VisitActivity, VisitCadre
from db.numbering import next_number, next_sort_key
from db.search import index_document, problem_document, visit_document

SCHOOL = SiteSetup(code="SX01", name="随县第一中学", level="school", parent_code="SX")
COUNTY = SiteSetup(code="SX", name="随县教育局", level="county", parent_code="SZ")
CITY = SiteSetup(code="SZ", name="随州市教育局", level="city")


@dataclass
class SiteEnv:
    code: str
    db: Database
    keys: Path
    outbox: Path

    def send(self, to: SiteEnv, **kw: object) -> Path:
        return export_package(self.db, to.code, self.outbox, key_dir=self.keys,
                              **kw).path  # type: ignore[arg-type]

    def receive(self, path: Path) -> ImportReport:
        return import_package(self.db, path)


@pytest.fixture(scope="session")
def bare_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with no site yet (migrating once per run saves time)."""
    path = tmp_path_factory.mktemp("exchange-template") / "bare.db"
    open_database(path).dispose()
    return path


def make_site(root: Path, template: Path, setup: SiteSetup) -> SiteEnv:
    folder = root / setup.code
    folder.mkdir(parents=True)
    shutil.copyfile(template, folder / "site.db")
    db = open_database(folder / "site.db")
    with db.transaction() as s:
        initialize_site(s, setup)
    return SiteEnv(setup.code, db, folder / "keys", folder / "outbox")


def pair_both(a: SiteEnv, b: SiteEnv) -> None:
    pair(a.db, export_identity(b.db, key_dir=b.keys))
    pair(b.db, export_identity(a.db, key_dir=a.keys))


@pytest.fixture
def sites(tmp_path: Path, bare_template: Path) -> Iterator[dict[str, SiteEnv]]:
    envs = {s.code: make_site(tmp_path, bare_template, s) for s in (SCHOOL, COUNTY, CITY)}
    pair_both(envs["SX01"], envs["SX"])
    pair_both(envs["SX"], envs["SZ"])
    yield envs
    for env in envs.values():
        env.db.dispose()


# -- data helpers ---------------------------------------------------------------------------

def add_unit_and_cadre(env: SiteEnv, unit_name: str = "随县实验小学",
                       cadre_name: str = "张三") -> tuple[uuid.UUID, uuid.UUID]:
    with env.db.transaction() as s:
        region = s.execute(select(Region).where(Region.code == "suixian")).scalar_one()
        unit = Unit(name=unit_name, kind="school", region_id=region.id, site=env.code)
        s.add(unit)
        s.flush()
        cadre = Cadre(name=cadre_name, tier="cadre", unit_id=unit.id, site=env.code)
        s.add(cadre)
        s.flush()
        return unit.id, cadre.id


def add_visit(env: SiteEnv, unit_id: uuid.UUID, cadre_id: uuid.UUID, *,
              problem_text: str = "学生宿舍热水供应时间太短", findings: str = "宿舍条件一般",
              day: date = date(2022, 6, 10)) -> tuple[uuid.UUID, uuid.UUID]:
    """A visit with one problem, indexed the way the services index them."""
    with env.db.transaction() as s:
        visit = Visit(number=next_number(s, env.code, "visit", day.year),
                      sort_key=next_sort_key(s, Visit, day), visit_date=day, unit_id=unit_id,
                      method="field_visit", content="走访宿舍和食堂", findings=findings,
                      site=env.code)
        s.add(visit)
        s.flush()
        s.add(VisitCadre(visit_id=visit.id, cadre_id=cadre_id))
        s.add(VisitActivity(visit_id=visit.id, activity="dormitory"))
        problem = Problem(number=next_number(s, env.code, "problem", day.year),
                          sort_key=next_sort_key(s, Problem, day), reported_on=day,
                          source_channel="visit", reporter_type="student", unit_id=unit_id,
                          area="canteen", category="management_service", description=problem_text,
                          visit_id=visit.id, site=env.code)
        s.add(problem)
        s.flush()
        conn = s.connection()
        index_document(conn, "problem_fts", problem.sort_key,
                       problem_document(problem.number, problem.description))
        index_document(conn, "visit_fts", visit.sort_key,
                       visit_document(visit.content, visit.talked_with, visit.findings,
                                      [problem.description]))
        return visit.id, problem.id


def digest(db: Database) -> str:
    """A digest of every row of every table (search index shadow tables included), after a
    checkpoint: equal digests mean the database content did not change."""
    assert db.path is not None
    with db.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    conn = sqlite3.connect(db.path)
    try:
        h = hashlib.sha256()
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for name in names:
            h.update(name.encode())
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                h.update(repr(row).encode())
        return h.hexdigest()
    finally:
        conn.close()


def search_visits(db: Database, term: str) -> list[int]:
    from db.search import match_expression

    with db.engine.connect() as c:
        return [r[0] for r in c.exec_driver_sql(
            "SELECT rowid FROM visit_fts WHERE visit_fts MATCH ?", (match_expression(term),))]


def search_problems(db: Database, term: str) -> list[int]:
    from db.search import match_expression

    with db.engine.connect() as c:
        return [r[0] for r in c.exec_driver_sql(
            "SELECT rowid FROM problem_fts WHERE problem_fts MATCH ?", (match_expression(term),))]


__all__ = ["SYSTEM"]


def edit_problem(env: SiteEnv, problem_id: uuid.UUID, *, when: object = None,
                 **changes: object) -> None:
    """Change a problem the way the services do: reindex it and its visit."""
    from db.models import utcnow
    from db.search import unindex_document

    with env.db.transaction() as s:
        p = s.get(Problem, problem_id)
        assert p is not None
        v = s.get(Visit, p.visit_id) if p.visit_id else None
        conn = s.connection()

        def visit_doc() -> str:
            assert v is not None
            texts = list(s.execute(select(Problem.description).where(
                Problem.visit_id == v.id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Problem.sort_key)).scalars())  # type: ignore[arg-type]
            return visit_document(v.content, v.talked_with, v.findings, texts)

        if p.deleted_at is None:
            unindex_document(conn, "problem_fts", p.sort_key,
                             problem_document(p.number, p.description))
        if v is not None and v.deleted_at is None:
            unindex_document(conn, "visit_fts", v.sort_key, visit_doc())
        for key, value in changes.items():
            setattr(p, key, value)
        p.updated_at = when or utcnow()  # type: ignore[assignment]
        s.flush()
        if p.deleted_at is None:
            index_document(conn, "problem_fts", p.sort_key,
                           problem_document(p.number, p.description))
        if v is not None and v.deleted_at is None:
            index_document(conn, "visit_fts", v.sort_key, visit_doc())
