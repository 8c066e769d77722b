"""The migrations and the models agree, and a new database is made by the migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import db.models  # noqa: F401
from db import migrate
from db.engine import Database, open_database
from db.search import SEARCH_TABLES, is_search_table


def test_models_and_migrations_agree(db: Database) -> None:
    def include(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
        return not (type_ == "table" and is_search_table(name))

    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include}
        )
        diff = compare_metadata(ctx, SQLModel.metadata)
    assert diff == [], f"models differ from migrations: {diff}"


def test_new_database_is_at_head_with_search_tables(tmp_path: Path) -> None:
    database = open_database(tmp_path / "new.db")
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        tables = set(inspect(conn).get_table_names())
    database.dispose()
    assert set(SEARCH_TABLES) <= tables
    assert set(SQLModel.metadata.tables) <= tables


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    database = open_database(tmp_path / "round.db")
    from alembic import command

    with database.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) is None
        assert not (set(inspect(conn).get_table_names()) & set(SQLModel.metadata.tables))
    migrate.upgrade(database.engine)
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    database.dispose()


def test_an_older_database_is_backed_up_then_migrated(tmp_path: Path) -> None:
    from sqlalchemy import create_engine

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0001")  # as the first release left it
    engine.dispose()
    database = open_database(path, backup_dir=tmp_path / "backups")
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision() != "0001"
        indexes = {i["name"] for i in inspect(conn).get_indexes("visit")}
    database.dispose()
    assert {"ix_visit_live_unit", "ix_visit_live_method"} <= indexes
    copies = list((tmp_path / "backups").glob("old-*-before-migration.db"))
    assert len(copies) == 1
    with create_engine(f"sqlite:///{copies[0]}").connect() as conn:
        assert migrate.current_revision(conn) == "0001"


def test_a_0003_database_gets_the_live_visit_keys_index(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import Connection, create_engine

    path = tmp_path / "v3.db"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0003")

    def keys_index(conn: Connection) -> str | None:
        return conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_visit_live_keys'")).scalar()

    with engine.connect() as conn:
        assert keys_index(conn) is None
    engine.dispose()
    database = open_database(path, backup_dir=tmp_path / "backups")
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        sql = keys_index(conn)
    # Partial (live visits only) and holding every column the nine-ones count reads.
    assert sql is not None and "WHERE deleted_at IS NULL" in sql
    assert "(id, sort_key, visit_date, unit_id, deleted_at)" in sql
    with database.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0003")
    with database.engine.connect() as conn:
        assert keys_index(conn) is None
    database.dispose()


def test_0005_drops_unused_visit_indexes_and_clusters_the_link_tables(tmp_path: Path) -> None:
    """0005 keeps every link row, drops the indexes no query reads, and on SQLite makes
    visit_cadre / visit_activity WITHOUT ROWID tables; its downgrade restores 0004's shape."""
    from alembic import command
    from sqlalchemy import Connection

    from db.demo import generate

    path = tmp_path / "demo.db"
    generate(path, scale=0.05)
    database = open_database(path)

    def shape(conn: Connection) -> tuple[dict[str, str], set[str], list[tuple[str, ...]]]:
        tables = {name: sql for name, sql in conn.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE name IN ('visit_cadre', 'visit_activity')"
        ))}
        indexes = {i["name"] for t in ("visit", "visit_cadre", "visit_activity")
                   for i in inspect(conn).get_indexes(t)}
        links = sorted(tuple(r) for r in conn.execute(text(
            "SELECT 'c', visit_id, cadre_id FROM visit_cadre "
            "UNION ALL SELECT 'a', visit_id, activity FROM visit_activity")))
        return tables, indexes, links

    with database.engine.connect() as conn:
        head_tables, head_indexes, head_links = shape(conn)
    with database.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0004")
    with database.engine.connect() as conn:
        old_tables, old_indexes, old_links = shape(conn)
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    migrate.upgrade(database.engine)
    with database.engine.connect() as conn:
        again = shape(conn)
        assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
    database.dispose()

    assert len(head_links) > 1000 and head_links == old_links == again[2]
    assert all(sql.endswith("WITHOUT ROWID") for sql in head_tables.values())
    assert not any("WITHOUT ROWID" in sql for sql in old_tables.values())
    dropped = {"ix_visit_method", "ix_visit_unit_id", "ix_visit_activity_activity"}
    assert dropped <= old_indexes and not dropped & head_indexes
    assert head_indexes == old_indexes - dropped == again[1]
    assert "ix_visit_cadre_cadre_id" in head_indexes


def test_revisions_read_from_file_names_agree_with_alembic() -> None:
    scripts = migrate.script_directory()
    assert migrate.known_revisions() == {s.revision for s in scripts.walk_revisions()}
    assert migrate.head_revision() == scripts.get_current_head()


def test_a_database_at_head_opens_without_alembic(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "head.db"
    open_database(path).dispose()

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("migrated a database already at head")

    monkeypatch.setattr(migrate, "upgrade", refuse)
    database = open_database(path)
    with database.session() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            migrate.head_revision()
    database.dispose()
