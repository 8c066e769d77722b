"""Test data for the read side, inserted as model rows (the services are written elsewhere).

Every query test runs on SQLite, and on PostgreSQL too when ``MQ_TEST_PG_URL`` names a server
(an administrator URL such as ``postgresql+psycopg://postgres@/postgres?host=/tmp/pg``): each
test gets a fresh database copied from a migrated template database.
"""

from __future__ import annotations

import itertools
import os
import shutil
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, select, text
from sqlmodel import Session

from db.campaign import initialize_site
from db.engine import Database, open_database
from db.models import (
    Assignment,
    Cadre,
    Evaluation,
    Problem,
    Region,
    Task,
    TaskProblem,
    Unit,
    Visit,
    VisitActivity,
    VisitCadre,
)
from db.numbering import next_sort_key
from db.search import index_document, problem_document, visit_document
from tests.conftest import TEST_SITE

PG_URL = os.environ.get("MQ_TEST_PG_URL", "")
PG_TEMPLATE = "mq_queries_template"
_pg_counter = itertools.count(1)


def _pg_admin(database: str = "postgres") -> str:
    return make_url(PG_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> str:
    """A migrated, initialised PostgreSQL database to copy for each test."""
    admin = create_engine(_pg_admin(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {PG_TEMPLATE} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {PG_TEMPLATE}"))
    database = open_database(url=_pg_admin(PG_TEMPLATE))
    with database.transaction() as s:
        initialize_site(s, TEST_SITE)
    database.dispose()
    admin.dispose()
    return PG_TEMPLATE


@pytest.fixture(params=["sqlite", *(["postgres"] if PG_URL else [])])
def db(request: pytest.FixtureRequest, template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh database with site SZ set up: SQLite always, PostgreSQL when configured."""
    if request.param == "sqlite":
        path = tmp_path / "test.db"
        shutil.copyfile(template_db, path)
        database = open_database(path)
        yield database
        database.dispose()
        return
    template = request.getfixturevalue("pg_template")
    name = f"mq_queries_{os.getpid()}_{next(_pg_counter)}"
    admin = create_engine(_pg_admin(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name} TEMPLATE {template}"))
    database = open_database(url=_pg_admin(name))
    try:
        yield database
    finally:
        database.dispose()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()

DELETED = datetime(2022, 12, 1, tzinfo=UTC)


@dataclass
class World:
    """A small organisation: regions by code, units and cadres by name."""

    regions: dict[str, uuid.UUID] = field(default_factory=dict)
    units: dict[str, uuid.UUID] = field(default_factory=dict)
    cadres: dict[str, uuid.UUID] = field(default_factory=dict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))  # type: ignore[type-arg]

    def unit(self, s: Session, name: str, kind: str, region: str = "zengdu") -> uuid.UUID:
        u = Unit(name=name, kind=kind, region_id=self.regions[region], site="SZ")
        s.add(u)
        s.flush()
        self.units[name] = u.id
        return u.id

    def cadre(self, s: Session, name: str, tier: str = "cadre", unit: str = "教育局机关",
              *, active: bool = True, deleted: bool = False) -> uuid.UUID:
        c = Cadre(name=name, tier=tier, unit_id=self.units[unit], active=active, site="SZ",
                  deleted_at=DELETED if deleted else None)
        s.add(c)
        s.flush()
        self.cadres[name] = c.id
        return c.id

    def assign(self, s: Session, cadre: str, unit: str, kind: str, *,
               ended_on: date | None = None, deleted: bool = False) -> uuid.UUID:
        a = Assignment(cadre_id=self.cadres[cadre], unit_id=self.units[unit], kind=kind,
                       started_on=date(2022, 5, 20), ended_on=ended_on, site="SZ",
                       deleted_at=DELETED if deleted else None)
        s.add(a)
        s.flush()
        return a.id

    def visit(self, s: Session, d: date, unit: str, cadres: Iterable[str] = (), *,
              method: str = "field_visit", activities: Iterable[str] = (), content: str = "",
              talked_with: str = "", findings: str = "", problems: Iterable[str] = (),
              students: int = 0, deleted: bool = False) -> Visit:
        n = next(self.counter)
        v = Visit(number=f"SZ-ZF{d.year}-{n:05d}", sort_key=next_sort_key(s, Visit, d),
                  visit_date=d, unit_id=self.units[unit], method=method, content=content,
                  talked_with=talked_with, findings=findings, students_met=students,
                  site="SZ", deleted_at=DELETED if deleted else None)
        s.add(v)
        s.flush()
        for c in cadres:
            s.add(VisitCadre(visit_id=v.id, cadre_id=self.cadres[c]))
        for a in activities:
            s.add(VisitActivity(visit_id=v.id, activity=a))
        texts = list(problems)
        for text_ in texts:
            self.problem(s, d, text_, unit=unit, visit=v, index=True)
        s.flush()
        index_document(s.connection(), "visit_fts", v.sort_key,
                       visit_document(content, talked_with, findings, texts))
        return v

    def problem(self, s: Session, d: date, description: str, *, unit: str | None = None,
                region: str | None = None, visit: Visit | None = None, status: str = "open",
                strongly: bool = False, area: str = "canteen", category: str = "welfare",
                channel: str = "visit", collected_by: str | None = None,
                deleted: bool = False, index: bool = True) -> Problem:
        n = next(self.counter)
        p = Problem(number=f"SZ-WT{d.year}-{n:05d}", sort_key=next_sort_key(s, Problem, d),
                    reported_on=d, source_channel=channel, reporter_type="parent",
                    reporter_name="王某", reporter_phone="13800000000",
                    unit_id=self.units[unit] if unit else None,
                    region_id=self.regions[region] if region else None,
                    area=area, category=category, description=description,
                    strongly_reported=strongly, status=status,
                    collected_by_id=self.cadres[collected_by] if collected_by else None,
                    visit_id=visit.id if visit else None, site="SZ",
                    deleted_at=DELETED if deleted else None)
        s.add(p)
        s.flush()
        if index:
            index_document(s.connection(), "problem_fts", p.sort_key,
                           problem_document(p.number, description))
        return p

    def task(self, s: Session, title: str, *, deadline: date, problems: Iterable[Problem] = (),
             leader: str | None = None, project: bool = False, status: str = "open",
             opened_on: date = date(2022, 6, 1), deleted: bool = False,
             ratings: Iterable[str] = ()) -> Task:
        n = next(self.counter)
        t = Task(number=f"SZ-RW{opened_on.year}-{n:05d}", title=title,
                 lead_leader_id=self.cadres[leader] if leader else None,
                 is_livelihood_project=project, resolution_mode="supervised",
                 opened_on=opened_on, deadline=deadline, status=status, site="SZ",
                 deleted_at=DELETED if deleted else None)
        s.add(t)
        s.flush()
        for p in problems:
            s.add(TaskProblem(task_id=t.id, problem_id=p.id))
        for r in ratings:
            s.add(Evaluation(task_id=t.id, evaluated_on=deadline, rating=r, site="SZ"))
        s.flush()
        return t


def make_world(s: Session) -> World:
    w = World()
    for r in s.execute(select(Region)).scalars():
        w.regions[r.code] = r.id
    w.unit(s, "教育局机关", "bureau_section")
    w.unit(s, "曾都一中", "school")
    w.unit(s, "随县实验小学", "school", "suixian")
    w.unit(s, "广水市幼儿园", "kindergarten", "guangshui")
    w.unit(s, "东关社区", "community")
    w.unit(s, "万和村", "village", "suixian")
    w.unit(s, "随州某企业", "enterprise")
    return w


@pytest.fixture
def world(db: Database) -> World:
    with db.transaction() as s:
        return make_world(s)
