"""Fixtures for the service tests: actors of every role, a small organisation built through the
services themselves, and a fingerprint of the whole database to prove refusals write nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select, text
from sqlmodel import SQLModel

from db.audit import Actor
from db.engine import Database, make_engine, sqlite_url
from db.models import AuditEntry, Problem, Visit
from db.search import match_expression
from db.services import (
    BranchInput,
    CadreInput,
    FindingInput,
    UnitInput,
    VisitInput,
    create_branch,
    create_cadre,
    create_unit,
)
from db.services._search import problem_doc, visit_doc
from tests.conftest import open_copy, region_id

ADMIN = Actor("admin", "admin", "管理员")
CLERK = Actor("clerk", "clerk", "录入员小王")
LEADER = Actor("leader", "leader", "李局长")
VIEWER = Actor("viewer", "viewer", "查看者")

TODAY = date.today()
A_WEEK_AGO = TODAY - timedelta(days=7)


@dataclass
class Org:
    zengdu: uuid.UUID
    suixian: uuid.UUID
    school: uuid.UUID  # 曾都区 第一中学
    other_school: uuid.UUID  # 随县 实验小学
    kindergarten: uuid.UUID
    community: uuid.UUID
    village: uuid.UUID
    enterprise: uuid.UUID
    section: uuid.UUID  # 机关科室
    branch: uuid.UUID  # 机关第一党支部
    branch2: uuid.UUID
    community_branch: uuid.UUID
    zhang: uuid.UUID  # cadre 张三
    li: uuid.UUID  # cadre 李四 (bureau leader)
    retired: uuid.UUID  # an inactive cadre

    def school_actor(self, unit: uuid.UUID | None = None) -> Actor:
        return Actor("school1", "school", "一中", unit_id=unit or self.school)


def _build_org(db: Database) -> Org:
    zengdu, suixian = region_id(db, "zengdu"), region_id(db, "suixian")

    def unit(name: str, kind: str, region: uuid.UUID = zengdu) -> uuid.UUID:
        return create_unit(db, ADMIN, UnitInput(name=name, kind=kind, region_id=region)).id

    section = unit("办公室", "bureau_section")
    community = unit("东城社区", "community")
    branch = create_branch(db, ADMIN, BranchInput("机关第一党支部", section)).id
    branch2 = create_branch(db, ADMIN, BranchInput("机关第二党支部", section)).id
    community_branch = create_branch(db, ADMIN, BranchInput("东城社区党支部", community)).id
    zhang = create_cadre(db, ADMIN, CadreInput("张三", "cadre", section, branch, "科员",
                                               "13912345678")).id
    li = create_cadre(db, ADMIN, CadreInput("李四", "bureau_leader", section, branch,
                                            "副局长")).id
    retired = create_cadre(db, ADMIN, CadreInput("王五", "cadre", section, active=False)).id
    return Org(
        zengdu=zengdu, suixian=suixian,
        school=unit("第一中学", "school"), other_school=unit("实验小学", "school", suixian),
        kindergarten=unit("机关幼儿园", "kindergarten"), community=community,
        village=unit("新农村", "village", suixian), enterprise=unit("随州某企业", "enterprise"),
        section=section, branch=branch, branch2=branch2, community_branch=community_branch,
        zhang=zhang, li=li, retired=retired,
    )


@pytest.fixture(scope="session")
def org_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Path, Org]:
    """The shared template database plus a small organisation, built once through the
    services themselves (so building it is also a test of them)."""
    path = tmp_path_factory.mktemp("services") / "org.db"
    database = open_copy(template_db, path)
    org = _build_org(database)
    database.dispose()
    return path, org


def _no_fsync(dbapi_conn: Any, _record: Any) -> None:
    # These tests make hundreds of small transactions and prove nothing about durability
    # (the engine's own tests do), so skip the fsync of synchronous=FULL.
    dbapi_conn.execute("PRAGMA synchronous=OFF")


@pytest.fixture
def db(org_template: tuple[Path, Org], tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the organisation template (overrides the suite-wide fixture)."""
    path = tmp_path / "test.db"
    shutil.copyfile(org_template[0], path)
    # The template was opened (probed, migrated) by open_database once; a copy of it needs
    # only the engine, which saves the migration check that dominates a test's set-up.
    engine = make_engine(sqlite_url(path))
    event.listen(engine, "connect", _no_fsync)
    database = Database(engine, path)
    yield database
    database.dispose()


@pytest.fixture
def org(org_template: tuple[Path, Org]) -> Org:
    return org_template[1]


def visit_input(org: Org, **changes: object) -> VisitInput:
    base: dict[str, object] = dict(
        visit_date=A_WEEK_AGO, cadre_ids=(org.zhang,), unit_id=org.school,
        method="inspection", activities=("canteen", "dormitory"), students_met=12,
        teachers_met=3, parents_met=2, content="暗访学校食堂和宿舍", talked_with="学生、食堂员工",
        findings="食堂卫生有待改进",
        problems=(FindingInput("canteen", "management_service", "食堂饭菜价格偏高", True,
                               "student"),),
    )
    base.update(changes)
    return VisitInput(**base)  # type: ignore[arg-type]


def _fingerprint_sql() -> str:
    parts = []
    for name, table in SQLModel.metadata.tables.items():
        total = next((f"coalesce(sum({c}), 0)" for c in ("version", "last", "seq")
                      if c in table.c), "0")
        parts.append(f"SELECT '{name}', count(*), {total}, NULL FROM {name}")
    for fts in ("visit_fts", "problem_fts"):
        parts.append(f"SELECT '{fts}', count(*), 0, group_concat(hex(block)) FROM {fts}_data")
    return " UNION ALL ".join(parts)


def fingerprint(db: Database) -> dict[str, object]:
    """Row counts and version sums of every table, sequence counters and the search index:
    equal before and after a refused call means the call wrote nothing."""
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        return {row[0]: row[1:] for row in conn.execute(_fingerprint_sql())}
    finally:
        conn.close()


def audit_entries(db: Database, table: str, record_id: uuid.UUID | None = None,
                  action: str | None = None) -> list[AuditEntry]:
    with db.session() as s:
        q = select(AuditEntry).where(AuditEntry.table_name == table)
        if record_id is not None:
            q = q.where(AuditEntry.record_id == str(record_id))
        if action is not None:
            q = q.where(AuditEntry.action == action)
        return list(s.execute(q.order_by(AuditEntry.seq)).scalars())  # type: ignore[arg-type]


def before_after(entry: AuditEntry) -> tuple[dict[str, object], dict[str, object]]:
    return (json.loads(entry.before) if entry.before else {},
            json.loads(entry.after) if entry.after else {})


def _terms_by_row(conn: sqlite3.Connection, schema: str, table: str) -> dict[int, list[str]]:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_v "
                 f"USING fts5vocab({schema}, '{table}', 'instance')")
    out: dict[int, list[str]] = {}
    for term, doc in conn.execute(f"SELECT term, doc FROM temp.{table}_v ORDER BY doc, offset"):
        out.setdefault(doc, []).append(term)
    conn.execute(f"DROP TABLE temp.{table}_v")
    return out


def assert_index_matches(db: Database) -> None:
    """The search index holds exactly the documents of the live visits and problems.

    The index is contentless, so a document removed with the wrong text leaves stray tokens;
    fts5vocab lists the tokens per row, compared here with a fresh index of the expected text.
    """
    with db.session() as s:
        visits = s.execute(select(Visit).where(Visit.deleted_at.is_(None))).scalars().all()
        problems = s.execute(select(Problem).where(Problem.deleted_at.is_(None))).scalars().all()
        expected = {
            "visit_fts": {v.sort_key: visit_doc(s, v) for v in visits},
            "problem_fts": {p.sort_key: problem_doc(p) for p in problems},
        }
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    fresh = sqlite3.connect(":memory:")
    try:
        for table, docs in expected.items():
            fresh.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, content='', "
                          "tokenize='unicode61 remove_diacritics 0')")
            fresh.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)", docs.items())
            assert _terms_by_row(conn, "main", table) == _terms_by_row(fresh, "main", table), \
                table
    finally:
        conn.close()
        fresh.close()


def search(db: Database, table: str, term: str) -> list[int]:
    expr = match_expression(term)
    with db.session() as s:
        return list(s.execute(text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q"),
                              {"q": expr}).scalars())
