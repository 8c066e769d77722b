"""Test configuration: offscreen Qt, a private data folder, a fresh migrated database per test.

Migrating takes a moment, so the suite migrates one template file per run and each test gets a
copy of it. ``MQ_TEST_PG_URL`` (set by .ci/run) adds PostgreSQL runs of the database tests.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import select

from db.campaign import SiteSetup, initialize_site
from db.engine import Database, open_database
from db.models import Region

TEST_SITE = SiteSetup(code="SZ", name="随州市教育局", level="city")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user data folder."""
    monkeypatch.setenv("MQ_DATA_DIR", str(tmp_path / "data"))


def open_copy(source: Path, dest: Path) -> Database:
    """A database opened on a copy of *source*: each test starts from the same prepared state
    without building it again."""
    shutil.copyfile(source, dest)
    return open_database(dest)


def region_id(db: Database, code: str) -> uuid.UUID:
    """The id of a default region by its code ("zengdu", "suixian", ...)."""
    with db.session() as s:
        return s.execute(select(Region.id).where(Region.code == code)).scalar_one()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = open_database(path)
    with db.transaction() as s:
        initialize_site(s, TEST_SITE)
    db.dispose()
    return path


@pytest.fixture
def db(template_db: Path, tmp_path: Path) -> Iterator[Database]:
    """A fresh, migrated database with this site set up (code SZ, city level)."""
    database = open_copy(template_db, tmp_path / "test.db")
    yield database
    database.dispose()


PG_URL = os.environ.get("MQ_TEST_PG_URL")
# In CI (.ci/run starts a PostgreSQL server and sets MQ_TEST_PG_URL) a missing server fails the
# tests that need it instead of skipping them, as ``require_tool`` does for programs.
PG_REQUIRED = bool(os.environ.get("CI"))
BACKENDS = ["sqlite", "postgresql"] if PG_URL or PG_REQUIRED else ["sqlite"]
needs_pg = pytest.mark.skipif(
    PG_URL is None and not PG_REQUIRED,
    reason="needs a PostgreSQL server: set MQ_TEST_PG_URL (.ci/start-postgres.sh)")


def empty_pg_server() -> str:
    """PG_URL, its public schema emptied (every table of an earlier test dropped)."""
    from sqlalchemy import create_engine, text

    assert PG_URL is not None, "MQ_TEST_PG_URL is not set (.ci/start-postgres.sh sets it)"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    admin.dispose()
    return PG_URL


def _fresh_pg_database() -> Database:
    database = open_database(url=empty_pg_server())
    with database.transaction() as s:
        initialize_site(s, TEST_SITE)
    return database


@pytest.fixture(params=BACKENDS)
def any_db(request: pytest.FixtureRequest, template_db: Path, tmp_path: Path
           ) -> Iterator[Database]:
    """The same as ``db``, once per back end: SQLite always, PostgreSQL when MQ_TEST_PG_URL is
    set (.ci/run starts a server and sets it)."""
    if request.param == "sqlite":
        database = open_copy(template_db, tmp_path / "test.db")
    else:
        database = _fresh_pg_database()
    yield database
    database.dispose()


def require_tool(*names: str, package: str) -> str:
    """The path of an external program a test needs (LibreOffice, pdftoppm).

    On a developer's machine without it the test is skipped with the package to install; in CI
    (``CI`` set, where .ci/run installs every such package) a missing tool fails the test, so
    a skip can never hide a failure there.
    """
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"needs {names[0]} (apt-get install {package})"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)
