"""Copying a SQLite database onto an empty PostgreSQL server (``main.py copy-to-server``):
every row arrives as it was, the audit chain verifies there and goes on, a server that already
holds data is refused with nothing written."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, func, select, text
from sqlmodel import SQLModel

from db.audit import SYSTEM, verify_chain
from db.demo import generate
from db.engine import Database, open_database
from db.queries.visits import VisitFilter, visit_count, visit_page
from db.services.org import UnitInput, create_unit
from db.transfer import TransferRefused, copy_to_server
from desktop.cli import main as cli
from tests.conftest import empty_pg_server, needs_pg


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo with a unit under another and a merged problem, each pointing at a row
    that sorts after it (so copying in key order meets the reference before its target)."""
    path = tmp_path_factory.mktemp("transfer") / "office.db"
    generate(path, scale=0.05)
    conn = sqlite3.connect(path)
    with conn:
        first, last = conn.execute("SELECT min(id), max(id) FROM unit").fetchone()
        conn.execute("UPDATE unit SET parent_id = ? WHERE id = ?", (last, first))
        first, last = conn.execute(
            "SELECT min(id), max(id) FROM problem WHERE status != 'merged'").fetchone()
        conn.execute("UPDATE problem SET status = 'merged', merged_into_id = ? WHERE id = ?",
                     (last, first))
    conn.close()
    return path


@pytest.fixture
def server() -> str:
    """PG_URL with an empty public schema."""
    return empty_pg_server()


def _rows(database: Database, table: Table) -> list[dict[str, Any]]:
    with database.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(
            select(table).order_by(*table.primary_key.columns))]


@needs_pg
def test_every_row_arrives_and_the_audit_chain_goes_on(demo_file: Path, server: str) -> None:
    report = copy_to_server(demo_file, server)
    source, target = open_database(demo_file, create=False), open_database(url=server)
    try:
        assert report.rows["visit"] > 300 and report.rows["audit_entry"] > 0
        for table in SQLModel.metadata.sorted_tables:
            assert _rows(target, table) == _rows(source, table), table.name
        with target.session() as s:
            assert verify_chain(s) == []
            everything = VisitFilter()
            assert visit_count(s, everything) == report.rows["visit"]
            assert len(visit_page(s, filters=everything, limit=50)) == 50
        # The server numbers the next audit entry after the copied ones; the chain holds.
        unit = create_unit(target, SYSTEM, UnitInput(name="服务器上新建的学校", kind="school",
                                                     region_id=_some_region(target)))
        with target.session() as s:
            assert verify_chain(s) == []
            assert s.execute(text("SELECT count(*) FROM audit_entry")).scalar_one() \
                == report.rows["audit_entry"] + 1
        assert unit.id is not None
    finally:
        source.dispose()
        target.dispose()


def _some_region(database: Database) -> Any:
    with database.engine.connect() as conn:
        return conn.execute(text("SELECT id FROM region ORDER BY sort_order")).scalars().first()


@needs_pg
def test_a_server_that_holds_data_is_refused_unchanged(demo_file: Path, server: str) -> None:
    copy_to_server(demo_file, server)
    target = open_database(url=server)
    try:
        before = {t.name: len(_rows(target, t)) for t in SQLModel.metadata.sorted_tables}
        with pytest.raises(TransferRefused, match="服务器上的数据库已有数据"):
            copy_to_server(demo_file, server)
        after = {t.name: len(_rows(target, t)) for t in SQLModel.metadata.sorted_tables}
    finally:
        target.dispose()
    assert after == before


@needs_pg
def test_a_copy_stopped_half_way_leaves_the_server_without_data(demo_file: Path,
                                                               server: str) -> None:
    """Cancel in the window raises from the progress callback between tables: the one
    transaction on the server is rolled back."""
    calls = 0

    class Stop(Exception):
        pass

    def progress(_text: str, _fraction: float | None) -> None:
        nonlocal calls
        calls += 1
        if calls == 12:  # some tables written already
            raise Stop

    with pytest.raises(Stop):
        copy_to_server(demo_file, server, progress)
    target = open_database(url=server)
    try:
        assert all(not _rows(target, t) for t in SQLModel.metadata.sorted_tables)
    finally:
        target.dispose()
    assert copy_to_server(demo_file, server).rows["visit"] > 300  # and it can be done again


@needs_pg
def test_the_command_line(demo_file: Path, server: str,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["copy-to-server", "--db", str(demo_file), "--to-url", server]) == 0
    out = capsys.readouterr().out
    assert "审计日志校验通过" in out
    assert cli(["copy-to-server", "--db", str(demo_file), "--to-url", server]) == 1
    assert "服务器上的数据库已有数据" in capsys.readouterr().err
    target = open_database(url=server)
    try:
        with target.engine.connect() as conn:
            visits = conn.execute(select(func.count()).select_from(
                SQLModel.metadata.tables["visit"])).scalar_one()
    finally:
        target.dispose()
    assert visits == sqlite3.connect(demo_file).execute("SELECT count(*) FROM visit").fetchone()[0]


def test_a_missing_file_is_refused_before_the_server_is_touched(tmp_path: Path) -> None:
    with pytest.raises(TransferRefused, match="不存在"):
        copy_to_server(tmp_path / "nothing.db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert cli(["copy-to-server", "--db", str(tmp_path / "nothing.db"),
                "--to-url", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 1
