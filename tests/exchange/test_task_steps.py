"""A task's escalation stage (task columns of migration 0003) and its extension and escalation
steps (task_step) travel up with the task; the approver's account id stays local."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.audit import SYSTEM
from db.models import Region, Task, TaskStep
from db.services import ProblemInput, TaskInput, create_problem, open_task
from db.services.escalation import EscalationInput, ExtensionInput, escalate, extend_deadline

from .conftest import SiteEnv


def test_steps_and_stage_reach_the_city(sites: dict[str, SiteEnv]) -> None:
    county, city = sites["SX"], sites["SZ"]
    with county.db.session() as s:
        suixian = s.execute(select(Region.id).where(Region.code == "suixian")).scalar_one()
    problem = create_problem(county.db, SYSTEM, ProblemInput(
        reported_on=date(2022, 9, 1), source_channel="petition", reporter_type="parent",
        area="canteen", category="welfare", description="食堂饭菜偏咸", region_id=suixian))
    task = open_task(county.db, SYSTEM, TaskInput(
        problem_ids=(problem.id,), title="整改食堂", resolution_mode="supervised",
        opened_on=date(2022, 9, 5), deadline=date(2022, 9, 30)))
    escalate(county.db, SYSTEM, task.id, EscalationInput("chase", date(2022, 10, 8)))
    extend_deadline(county.db, SYSTEM, task.id, ExtensionInput(
        date(2022, 10, 21), "等待财政拨款到位", approved_on=date(2022, 10, 9)))

    report = city.receive(county.send(city))
    assert report.tables["task_step"].new == 2
    with city.db.session() as s:
        arrived = s.get(Task, task.id)
        steps = s.execute(select(TaskStep).where(TaskStep.task_id == task.id)
                          .order_by(TaskStep.taken_on)).scalars().all()
    assert arrived is not None
    assert (arrived.escalation, arrived.escalated_on, arrived.deadline) == \
        ("chase", date(2022, 10, 8), date(2022, 10, 21))
    assert [(g.kind, g.by_name, g.old_deadline, g.new_deadline, g.reason) for g in steps] == [
        ("chase", "系统", None, None, ""),
        ("extension", "系统", date(2022, 9, 30), date(2022, 10, 21), "等待财政拨款到位"),
    ]
    assert all(g.by_user_id is None for g in steps)  # accounts never travel

    # Importing the same package again changes nothing.
    again = city.receive(county.send(city, full=True))
    with city.db.session() as s:
        assert len(s.execute(select(TaskStep)).scalars().all()) == 2
    assert again.nothing_to_do
