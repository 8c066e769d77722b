"""Migration 0003 (the escalation stage on tasks, the task_step table) upgrades a 0002 database
that holds data: nothing is lost, old tasks start on no step, and the services work on it."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect

from db import migrate
from db.audit import Actor
from db.campaign import initialize_site
from db.engine import open_database
from db.models import Task
from db.services import ProblemInput, TaskInput, create_problem, open_task
from db.services.escalation import EscalationInput, escalate, task_steps
from tests.conftest import TEST_SITE, region_id

CLERK = Actor("clerk", "clerk", "录入员")


def test_0002_database_with_tasks_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database = open_database(path)
    with database.transaction() as s:
        initialize_site(s, TEST_SITE)
    problem = create_problem(database, CLERK, ProblemInput(
        reported_on=date(2022, 9, 1), source_channel="petition", reporter_type="parent",
        area="canteen", category="welfare", description="食堂饭菜偏咸",
        region_id=region_id(database, "zengdu")))
    task = open_task(database, CLERK, TaskInput(
        problem_ids=(problem.id,), title="整改食堂", resolution_mode="supervised",
        opened_on=date(2022, 9, 5), deadline=date(2022, 9, 30)))
    with database.engine.begin() as conn:  # back to what the previous release wrote
        command.downgrade(migrate.alembic_config(conn), "0002")
    database.dispose()

    raw = sqlite3.connect(path)
    assert "escalation" not in {r[1] for r in raw.execute("PRAGMA table_info(task)")}
    assert not raw.execute("SELECT name FROM sqlite_master WHERE name = 'task_step'").fetchall()
    before = raw.execute("SELECT id, number, title, deadline, version FROM task").fetchall()
    raw.close()

    database = open_database(path, backup_dir=tmp_path / "backups")
    with database.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()  # 0003 and later
        columns = {c["name"]: c for c in inspect(conn).get_columns("task")}
        assert "task_step" in inspect(conn).get_table_names()
    assert {"escalation", "escalated_on"} <= set(columns)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT id, number, title, deadline, version FROM task").fetchall() == \
        before
    assert raw.execute("SELECT escalation, escalated_on FROM task").fetchall() == [("", None)]
    raw.close()
    with database.session() as s:
        loaded = s.get(Task, task.id)
        assert loaded is not None and (loaded.escalation, loaded.escalated_on) == ("", None)
    # The services work on the upgraded file.
    escalate(database, CLERK, task.id, EscalationInput("chase", date(2022, 10, 8)))
    with database.session() as s:
        assert [g.kind for g in task_steps(s, task.id)] == ["chase"]
    database.dispose()
    # The file as it was before the upgrade is kept.
    (copy,) = (tmp_path / "backups").glob("old-*-before-migration.db")
    with create_engine(f"sqlite:///{copy}").connect() as conn:
        assert migrate.current_revision(conn) == "0002"


def test_rows_written_without_the_new_columns_get_no_step(tmp_path: Path) -> None:
    """Bulk writers that list their columns (the demo database) need no change."""
    database = open_database(tmp_path / "new.db")
    with database.transaction() as s:
        initialize_site(s, TEST_SITE)
    database.dispose()
    raw = sqlite3.connect(tmp_path / "new.db")
    raw.execute(
        "INSERT INTO task (id, created_at, updated_at, site, version, number, title, measures,"
        " responsible_person, is_livelihood_project, resolution_mode, opened_on, deadline,"
        " status, progress_pct, approved_by) VALUES ('00000000000000000000000000000001',"
        " '2022-09-05 00:00:00', '2022-09-05 00:00:00', 'SZ', 1, 'SZ-RW2022-00001', 't', '',"
        " '', 0, 'supervised', '2022-09-05', '2022-09-30', 'open', 0, '')")
    raw.commit()
    assert raw.execute("SELECT escalation FROM task").fetchall() == [("",)]
    raw.close()
