"""Test configuration: offscreen Qt, a private data folder, a fresh migrated database per test.

Migrating takes a moment, so the suite migrates one template file per run and each test gets a
copy of it. ``MQ_TEST_PG_URL`` (set by .ci/run) adds PostgreSQL runs of the database tests.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from db.campaign import SiteSetup, initialize_site  # noqa: E402
from db.engine import Database, open_database  # noqa: E402

TEST_SITE = SiteSetup(code="SZ", name="随州市教育局", level="city")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user data folder."""
    monkeypatch.setenv("MQ_DATA_DIR", str(tmp_path / "data"))


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
    path = tmp_path / "test.db"
    shutil.copyfile(template_db, path)
    database = open_database(path)
    yield database
    database.dispose()
