"""A connection to the PostgreSQL server lost mid-session: the clerk gets a message in words and
trying again works — never the crash dialog. Needs a server (MQ_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from db.audit import SYSTEM
from db.engine import CONNECTION_LOST, Database
from db.errors import DatabaseUnavailableError
from desktop.ui.admin.audit_viewer import AuditLogDialog
from desktop.ui.crash import CrashDialog, handle_exception
from tests.conftest import PG_URL, _fresh_pg_database, needs_pg

pytestmark = needs_pg


@pytest.fixture
def pg_db() -> Iterator[Database]:
    database = _fresh_pg_database()
    yield database
    database.dispose()


def _cut_connections() -> None:
    assert PG_URL is not None
    killer = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with killer.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
    killer.dispose()


def test_lost_connection_is_a_message_and_retry_works(
        qtbot: QtBot, pg_db: Database, boxes: list, crash_dialogs: list[CrashDialog]) -> None:
    dialog = AuditLogDialog(pg_db, SYSTEM)
    qtbot.addWidget(dialog)
    dialog.show()
    shown = dialog.model.rowCount()
    assert shown >= 1
    # The viewer reads in the middle of its session: a connection checked out and cut.
    session = pg_db.session()
    session.execute(text("SELECT 1"))
    _cut_connections()
    with pytest.raises(DatabaseUnavailableError) as lost:
        session.execute(text("SELECT 1"))
    session.close()
    # What the GUI does with it when nobody catches it: the message, not the crash dialog.
    handle_exception(type(lost.value), lost.value, lost.value.__traceback__)
    assert boxes == [("warning", "无法完成操作", CONNECTION_LOST)]
    assert crash_dialogs == []
    # Trying again (F5 / the filter) just works: dead pooled connections are replaced.
    dialog.apply_filters()
    assert dialog.model.rowCount() == shown
