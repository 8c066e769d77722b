"""The demo's escalation steps: chase notices, supervision and public criticism on late tasks,
in the ladder's order and waiting times, each task carrying its highest step — and the monthly
studies of the demo showing them."""

from __future__ import annotations

import sqlite3
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.audit import Actor
from db.demo import generate
from db.demo.lists import AS_OF
from db.engine import open_database
from db.errors import RuleError
from db.models import Task
from db.queries.studies import list_studies, load_study, study_changes
from db.services.escalation import EscalationInput, escalate
from db.workdays import WorkCalendar

LADDER = ("chase", "supervision", "criticism")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo_escalation") / "demo.db"
    generate(path, scale=1, seed=3)
    return path


def test_steps_follow_the_ladder(demo: Path) -> None:
    cal = WorkCalendar()
    with sqlite3.connect(f"file:{demo}?mode=ro", uri=True) as conn:
        tasks = {r[0]: r[1:] for r in conn.execute(
            "SELECT id, deadline, status, closed_on, escalation, escalated_on FROM task")}
        steps: dict[str, list[tuple[str, date, str, str, str]]] = defaultdict(list)
        for tid, kind, day, by_role, reason, supervisor in conn.execute(
                "SELECT task_id, kind, taken_on, by_role, reason, supervisor_name FROM task_step "
                "ORDER BY taken_on"):
            steps[tid].append((kind, date.fromisoformat(day), by_role, reason, supervisor))
        users = dict(conn.execute("SELECT id, role FROM app_user"))
        (orphans,) = conn.execute(
            "SELECT count(*) FROM task_step WHERE by_user_id NOT IN (SELECT id FROM app_user)"
        ).fetchone()
    kinds = [g[0] for found in steps.values() for g in found]
    # A few on every rung, far fewer than the late tasks.
    assert 30 <= kinds.count("chase") <= 200
    assert 0 < kinds.count("criticism") < kinds.count("supervision") < kinds.count("chase")
    assert orphans == 0 and set(users.values()) >= {"clerk", "leader"}
    for tid, found in steps.items():
        deadline, status, closed_on, stage, stage_on = tasks[tid]
        deadline = date.fromisoformat(deadline)
        assert [g[0] for g in found] == list(LADDER[:len(found)]), tid  # in order, no gaps
        assert (stage, stage_on) == (found[-1][0], found[-1][1].isoformat())
        chase = found[0][1]
        assert deadline < chase <= AS_OF
        if status == "closed":
            assert found[-1][1] < date.fromisoformat(closed_on)
        for (kind, day, role, reason, supervisor), previous in zip(found[1:], found,
                                                                      strict=False):
            wait = 3 if kind == "supervision" else 5
            assert day >= cal.add_workdays(previous[1], wait), (tid, kind)
            assert role == "leader" and len(reason) >= 4
            assert bool(supervisor) == (kind == "supervision")
        assert found[0][2] == "clerk"
    assert {t[3] for tid, t in tasks.items() if tid not in steps} == {""}


def test_the_services_continue_from_the_demo_steps(demo: Path, tmp_path: Path) -> None:
    """A chased demo task cannot be chased again; the leader may supervise it next."""
    with sqlite3.connect(f"file:{demo}?mode=ro", uri=True) as conn:
        (number,) = conn.execute(
            "SELECT number FROM task WHERE escalation = 'chase' AND status != 'closed' "
            "ORDER BY number LIMIT 1").fetchone()
        (leader,) = conn.execute(
            "SELECT id FROM cadre WHERE tier = 'bureau_leader' ORDER BY id LIMIT 1").fetchone()
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo.read_bytes())
    database = open_database(copy, create=False)
    try:
        with database.session() as s:
            task = s.execute(select(Task).where(Task.number == number)).scalar_one()
            task_id = task.id
        with pytest.raises(RuleError, match="不能再次催办"):
            escalate(database, Actor("clerk", "clerk", "录入员"), task_id,
                     EscalationInput("chase", AS_OF))
        step = escalate(database, Actor("leader", "leader", "局领导"), task_id,
                        EscalationInput("supervision", date.today(), "久拖不办，列入督办",
                                        supervisor_id=uuid.UUID(leader)))
        assert step.kind == "supervision"
    finally:
        database.dispose()


def test_the_demo_studies_show_the_escalations(demo: Path) -> None:
    database = open_database(demo, create=False)
    try:
        with database.session() as s:
            rows = list_studies(s)
            latest = load_study(s, rows[0].id).snapshot
            changes = study_changes(s, rows[0].id)
    finally:
        database.dispose()
    assert latest.escalations is not None and latest.has_ladder
    assert changes.previous is not None and changes.escalations
    assert all(changes.previous.held_on < g.taken_on <= rows[0].held_on
               for g in changes.escalations)
    assert {t.escalation for t in latest.tasks} <= {"", *LADDER}
    assert changes.criticised and all(t.escalation == "criticism" and t.status != "closed"
                                      for t in changes.criticised)
