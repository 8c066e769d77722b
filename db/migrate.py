"""Schema migrations (Alembic). A new database is made by running them, never by create_all."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Alembic is imported only to migrate: 0.2-0.6 s a clerk need not wait
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# Every migration is versions/NNNN_what.py with revision "NNNN" (new_revision names them so;
# tests/db/test_migrations.py checks the names against Alembic's own reading).
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> set[str]:
    """The revisions of the migration files, read from their names (without Alembic)."""
    return {m.group(1) for p in (MIGRATIONS_DIR / "versions").iterdir()
            if (m := _REVISION_FILE.match(p.name))}


def head_revision() -> str:
    known = known_revisions()
    assert known, "no migrations found"
    return max(known)


def current_revision(connection: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def new_revision(message: str) -> None:
    """Write a new migration by comparing the models with a database at the current head."""
    import tempfile

    from alembic import command
    from sqlalchemy import create_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{tmp}/head.db")
        upgrade(engine)
        number = len(known_revisions()) + 1
        with engine.begin() as conn:
            command.revision(alembic_config(conn), message=message, autogenerate=True,
                             rev_id=f"{number:04d}")
        engine.dispose()


if __name__ == "__main__":
    import sys

    if len(sys.argv) != 2:
        sys.exit('usage: python -m db.migrate "what changed"')
    new_revision(sys.argv[1])
