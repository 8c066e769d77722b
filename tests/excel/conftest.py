"""Fixtures for the Excel tests: a small organisation built through the services, sheets made
with openpyxl the way clerks make them, and a fingerprint of the database to prove that a
refused or repeated import writes nothing."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import event, func, select, text
from sqlmodel import SQLModel

from db.audit import Actor
from db.engine import Database
from db.models import Problem, Visit
from db.search import problem_document, visit_document
from db.services.org import BranchInput, UnitInput, create_branch, create_unit
from db.services.people import CadreInput, create_cadre
from tests.conftest import open_copy, region_id

ADMIN = Actor("admin", "admin", "管理员")
CLERK = Actor("clerk", "clerk", "录入员小王")


@dataclass(frozen=True)
class Org:
    zengdu: uuid.UUID
    suixian: uuid.UUID
    section: uuid.UUID  # 教育局机关 (曾都区)
    school: uuid.UUID  # 曾都区第一中学
    primary_zd: uuid.UUID  # 实验小学 in 曾都区
    primary_sx: uuid.UUID  # 实验小学 in 随县 (the same name)
    community: uuid.UUID  # 东城社区
    branch: uuid.UUID  # 机关第一党支部
    zhang: uuid.UUID  # 张三, 教育局机关, phone 13912345678
    li: uuid.UUID  # 李四, bureau leader
    wang_section: uuid.UUID  # 王五 of 教育局机关
    wang_school: uuid.UUID  # 王五 of 曾都区第一中学 (a namesake)
    retired: uuid.UUID  # 赵六, inactive


def _build(db: Database) -> Org:
    zengdu, suixian = region_id(db, "zengdu"), region_id(db, "suixian")

    def unit(name: str, kind: str, region: uuid.UUID = zengdu) -> uuid.UUID:
        return create_unit(db, ADMIN, UnitInput(name=name, kind=kind, region_id=region)).id

    section = unit("教育局机关", "bureau_section")
    school = unit("曾都区第一中学", "school")
    branch = create_branch(db, ADMIN, BranchInput("机关第一党支部", section)).id

    def cadre(name: str, tier: str, unit_id: uuid.UUID, phone: str = "",
              active: bool = True) -> uuid.UUID:
        return create_cadre(db, ADMIN, CadreInput(name, tier, unit_id, None, "科员", phone,
                                                  active=active)).id

    return Org(
        zengdu=zengdu, suixian=suixian, section=section, school=school,
        primary_zd=unit("实验小学", "school"), primary_sx=unit("实验小学", "school", suixian),
        community=unit("东城社区", "community"), branch=branch,
        zhang=cadre("张三", "cadre", section, "13912345678"),
        li=cadre("李四", "bureau_leader", section),
        wang_section=cadre("王五", "cadre", section), wang_school=cadre("王五", "cadre", school),
        retired=cadre("赵六", "cadre", section, active=False),
    )


@pytest.fixture(scope="session")
def org_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                 ) -> tuple[Path, Org]:
    path = tmp_path_factory.mktemp("excel") / "org.db"
    database = open_copy(template_db, path)
    org = _build(database)
    database.dispose()
    return path, org


def _no_fsync(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA synchronous=OFF")  # durability is the engine tests' business


@pytest.fixture
def db(org_template: tuple[Path, Org], tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "test.db"
    database = open_copy(org_template[0], path)
    event.listen(database.engine, "connect", _no_fsync)
    database.engine.dispose()
    yield database
    database.dispose()


@pytest.fixture
def org(org_template: tuple[Path, Org]) -> Org:
    return org_template[1]


def write_sheet(path: Path, header: Sequence[Any], rows: Sequence[Sequence[Any]], *,
                title: str | None = None, sheet: str = "Sheet1",
                formats: dict[int, str] | None = None) -> Path:
    """A sheet as a clerk makes it: optionally a merged title row above the header."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(header), 1))
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
        for col, fmt in (formats or {}).items():
            ws.cell(row=ws.max_row, column=col).number_format = fmt
    wb.save(path)
    return path


def fingerprint(db: Database) -> dict[str, object]:
    """Row counts, version sums, sequence counters and the search index of every table."""
    out: dict[str, object] = {}
    with db.engine.connect() as conn:
        for name, table in SQLModel.metadata.tables.items():
            cols = [func.count()]
            if "version" in table.c:
                cols.append(func.coalesce(func.sum(table.c.version), 0))
            if "last" in table.c:
                cols.append(func.coalesce(func.sum(table.c["last"]), 0))
            out[name] = tuple(conn.execute(select(*cols).select_from(table)).one())
        for fts in ("visit_fts", "problem_fts"):
            out[fts] = conn.execute(text(f"SELECT count(*), group_concat(hex(block)) "
                                         f"FROM {fts}_data")).one()
    return out


def _terms(conn: sqlite3.Connection, table: str) -> dict[int, list[str]]:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_v "
                 f"USING fts5vocab(main, '{table}', 'instance')")
    out: dict[int, list[str]] = {}
    for term, doc in conn.execute(f"SELECT term, doc FROM temp.{table}_v ORDER BY doc, offset"):
        out.setdefault(doc, []).append(term)
    conn.execute(f"DROP TABLE temp.{table}_v")
    return out


def _problem_texts(s: Any, visit_id: uuid.UUID) -> list[str]:
    return list(s.execute(
        select(Problem.description)
        .where(Problem.visit_id == visit_id, Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.sort_key)).scalars())  # type: ignore[arg-type]


def assert_index_matches(db: Database) -> None:
    """The search index holds exactly the documents of the live visits and problems, as
    ``db.search`` defines them."""
    with db.session() as s:
        visits = s.execute(select(Visit).where(Visit.deleted_at.is_(None))).scalars().all()
        problems = s.execute(select(Problem).where(Problem.deleted_at.is_(None))).scalars().all()
        expected = {
            "visit_fts": {v.sort_key: visit_document(v.content, v.talked_with, v.findings,
                                                     _problem_texts(s, v.id))
                          for v in visits},
            "problem_fts": {p.sort_key: problem_document(p.number, p.description)
                            for p in problems},
        }
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    fresh = sqlite3.connect(":memory:")
    try:
        for table, docs in expected.items():
            fresh.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, content='', "
                          "tokenize='unicode61 remove_diacritics 0')")
            fresh.executemany(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)", docs.items())
            assert _terms(conn, table) == _terms(fresh, table), table
    finally:
        conn.close()
        fresh.close()
