"""Deadline extensions and the escalation ladder (db.services.escalation), on a task whose
deadline is the Friday before National Day 2022: the ladder counts Chinese working days, so the
holiday (10-01 … 10-07) does not count and the swapped Saturday and Sunday (10-08, 10-09) do."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from db.audit import SYSTEM, Actor
from db.engine import Database
from db.errors import PermissionDenied, RuleError, ValidationError
from db.models import Task, TaskStep
from db.queries.deadlines import deadline_summary, escalation_steps, task_deadlines
from db.services import (
    EffectInput,
    EvaluationInput,
    ProblemInput,
    TaskInput,
    UserInput,
    close_out,
    create_problem,
    create_user,
    open_task,
    record_effect,
    record_evaluation,
)
from db.services.escalation import (
    EscalationInput,
    ExtensionInput,
    approver_users,
    earliest_day,
    escalate,
    extend_deadline,
    task_steps,
)
from tests.db.services.conftest import (
    ADMIN,
    CLERK,
    LEADER,
    VIEWER,
    Org,
    audit_entries,
    before_after,
    fingerprint,
)

DEADLINE = date(2022, 9, 30)  # Friday; 10-01 … 10-07 holiday, 10-08 and 10-09 worked


def late_task(db: Database, org: Org) -> Task:
    problem = create_problem(db, CLERK, ProblemInput(
        reported_on=date(2022, 9, 1), source_channel="petition", reporter_type="parent",
        area="canteen", category="management_service", description="食堂饭菜价格偏高",
        unit_id=org.school))
    return open_task(db, CLERK, TaskInput(
        problem_ids=(problem.id,), title="整改食堂价格", resolution_mode="supervised",
        responsible_unit_id=org.school, opened_on=date(2022, 9, 5), deadline=DEADLINE))


def task(db: Database, task_id: uuid.UUID) -> Task:
    with db.session() as s:
        row = s.get(Task, task_id)
    assert row is not None
    return row


def steps(db: Database, task_id: uuid.UUID) -> list[TaskStep]:
    with db.session() as s:
        return task_steps(s, task_id)


def extension(**changes: object) -> ExtensionInput:
    base: dict[str, object] = dict(new_deadline=date(2022, 10, 21),
                                   reason="需等待区财政拨款到位", approved_on=date(2022, 9, 28))
    base.update(changes)
    return ExtensionInput(**base)  # type: ignore[arg-type]


def leader_account(db: Database, role: str = "leader", username: str = "wangju") -> uuid.UUID:
    return create_user(db, SYSTEM, UserInput(username, "王局长" if role == "leader" else "小刘",
                                            role, "密码Secret123")).id


# -- extension ------------------------------------------------------------------------------


def test_leader_extends_the_deadline_with_reason_on_record(db: Database, org: Org) -> None:
    t = late_task(db, org)
    step = extend_deadline(db, LEADER, t.id, extension(), expected_version=t.version)
    assert task(db, t.id).deadline == date(2022, 10, 21)
    assert (step.kind, step.old_deadline, step.new_deadline, step.by_name, step.by_role,
            step.reason) == ("extension", DEADLINE, date(2022, 10, 21), "李局长", "leader",
                             "需等待区财政拨款到位")
    # The task's history names old → new, the working days, the reason and the approver.
    (entry,) = audit_entries(db, "task", t.id, "extend")
    old, new = before_after(entry)
    assert (old["deadline"], new["deadline"]) == ("2022-09-30", "2022-10-21")
    # After the holiday week: 10-08 and 10-09 (swapped), then two weeks of five: 12.
    assert "2022-09-30 延至 2022-10-21（12 个工作日）" in entry.summary
    assert "需等待区财政拨款到位" in entry.summary and "审批人：李局长" in entry.summary
    assert audit_entries(db, "task_step", step.id, "create")


def test_clerk_records_the_approval_of_a_leader_account(db: Database, org: Org) -> None:
    t = late_task(db, org)
    leader = leader_account(db)
    clerk_account = leader_account(db, "clerk", "xiaoliu")
    with db.session() as s:
        assert [u.id for u in approver_users(s)] == [leader]  # clerks never approve
    step = extend_deadline(db, CLERK, t.id, extension(approver_user_id=leader))
    assert (step.by_name, step.by_user_id, step.by_role) == ("王局长", leader, "leader")

    # Wrong approver role: a clerk's account cannot approve; nothing is written.
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        extend_deadline(db, CLERK, t.id, extension(new_deadline=date(2022, 10, 28),
                                                   approver_user_id=clerk_account))
    (error,) = exc.value.errors
    assert error.field == "approver_user_id"
    assert "录入员" in error.message and "领导或管理员" in error.message
    assert fingerprint(db) == before


def test_extension_refusals_write_nothing(db: Database, org: Org) -> None:
    t = late_task(db, org)
    before = fingerprint(db)
    # Without a reason (or a token one).
    for reason in ("", "  ", "延期"):
        with pytest.raises(ValidationError) as exc:
            extend_deadline(db, LEADER, t.id, extension(reason=reason))
        assert [e.field for e in exc.value.errors] == ["reason"]
        assert "延期原因" in exc.value.errors[0].message
    # Not later than now.
    with pytest.raises(ValidationError) as exc:
        extend_deadline(db, LEADER, t.id, extension(new_deadline=DEADLINE))
    assert "必须晚于现在的办结时限（2022-09-30）" in exc.value.errors[0].message
    # A clerk approving it himself: wrong role.
    with pytest.raises(PermissionDenied) as denied:
        extend_deadline(db, CLERK, t.id, extension())
    assert "录入员" in denied.value.message and "审批人" in denied.value.message
    # A viewer may not even ask.
    with pytest.raises(PermissionDenied):
        extend_deadline(db, VIEWER, t.id, extension())
    # A school user of another school neither.
    with pytest.raises(PermissionDenied):
        extend_deadline(db, Actor("s2", "school", "实验小学", unit_id=org.other_school), t.id,
                        extension())
    assert fingerprint(db) == before


def test_no_extension_of_a_closed_task(db: Database, org: Org) -> None:
    t = late_task(db, org)
    record_effect(db, CLERK, t.id, EffectInput(date(2022, 9, 20), "价格已下调"))
    record_evaluation(db, CLERK, t.id, EvaluationInput("satisfied", evaluated_on=date(2022, 9,
                                                                                      21)))
    close_out(db, LEADER, t.id, "李局长", date(2022, 9, 22))
    before = fingerprint(db)
    with pytest.raises(RuleError) as exc:
        extend_deadline(db, LEADER, t.id, extension())
    assert "已销号，不能修改" in exc.value.message
    with pytest.raises(RuleError):
        escalate(db, CLERK, t.id, EscalationInput("chase", date(2022, 10, 8)))
    assert fingerprint(db) == before


# -- the ladder -------------------------------------------------------------------------------


def test_ladder_in_order_and_in_working_days(db: Database, org: Org) -> None:
    t = late_task(db, org)
    before = fingerprint(db)
    # Not overdue on its deadline day: no chase notice yet.
    with pytest.raises(RuleError) as exc:
        escalate(db, CLERK, t.id, EscalationInput("chase", DEADLINE))
    assert "尚未逾期" in exc.value.message
    # Steps cannot be skipped.
    with pytest.raises(RuleError) as exc:
        escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 20), "久拖不办",
                                                   org.li))
    assert "还没有催办" in exc.value.message and "催办 → 督办 → 通报" in exc.value.message
    assert fingerprint(db) == before

    with db.session() as s:
        row = s.get(Task, t.id)
        assert row is not None
        assert earliest_day(s, row, "chase") == date(2022, 10, 8)  # first working day after
    chase = escalate(db, CLERK, t.id, EscalationInput("chase", date(2022, 10, 8)))
    assert (chase.by_name, chase.taken_on) == ("录入员小王", date(2022, 10, 8))
    assert (task(db, t.id).escalation, task(db, t.id).escalated_on) == \
        ("chase", date(2022, 10, 8))
    with pytest.raises(RuleError) as exc:
        escalate(db, CLERK, t.id, EscalationInput("chase", date(2022, 10, 9)))
    assert "当前为“已催办”，不能再次催办" in exc.value.message

    # Supervision: 3 working days after the chase (10-09 Sunday worked, 10-10, 10-11).
    before = fingerprint(db)
    with pytest.raises(RuleError) as exc:
        escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 10),
                                                   "久拖不办", org.li))
    assert "须满 3 个工作日" in exc.value.message and "最早 2022-10-11" in exc.value.message
    with pytest.raises(ValidationError) as verr:
        escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 11), "久拖不办"))
    assert [e.field for e in verr.value.errors] == ["supervisor_id"]
    with pytest.raises(ValidationError) as verr:
        escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 11), "",
                                                   org.li))
    assert [e.field for e in verr.value.errors] == ["reason"]
    with pytest.raises(ValidationError):  # an inactive cadre cannot supervise
        escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 11),
                                                   "久拖不办", org.retired))
    with pytest.raises(PermissionDenied):  # supervision is a leader's decision
        escalate(db, CLERK, t.id, EscalationInput("supervision", date(2022, 10, 11),
                                                  "久拖不办", org.li))
    assert fingerprint(db) == before
    supervision = escalate(db, LEADER, t.id, EscalationInput(
        "supervision", date(2022, 10, 11), "催办后仍未整改", org.li))
    assert (supervision.supervisor_id, supervision.supervisor_name) == (org.li, "李四")

    # Criticism: 5 working days under supervision (10-12 … 10-18).
    with pytest.raises(RuleError) as exc:
        escalate(db, LEADER, t.id, EscalationInput("criticism", date(2022, 10, 17), "督办无果"))
    assert "最早 2022-10-18" in exc.value.message
    escalate(db, LEADER, t.id, EscalationInput("criticism", date(2022, 10, 18), "督办无果"))
    assert task(db, t.id).escalation == "criticism"
    with pytest.raises(RuleError):
        escalate(db, LEADER, t.id, EscalationInput("criticism", date(2022, 10, 20), "再次通报"))
    assert [g.kind for g in steps(db, t.id)] == ["chase", "supervision", "criticism"]
    assert len(audit_entries(db, "task", t.id, "escalate")) == 3

    # The deadline queries see the ladder: a step taken outranks "overdue".
    with db.session() as s:
        (row,) = [d for d in task_deadlines(s, today=date(2022, 10, 20)) if d.id == t.id]
        summary = deadline_summary(s, today=date(2022, 10, 20))
    assert (row.overdue, row.stage) == (True, "criticism")
    assert summary.escalated_count == 1 and summary.overdue_count == 1
    # What the monthly study lists: the steps of a period, with their task.
    with db.session() as s:
        october = escalation_steps(s, date_from=date(2022, 10, 10), date_to=date(2022, 10, 31))
        criticised = escalation_steps(s, kinds=("criticism",))
    assert [(g.kind, g.taken_on, g.supervisor_name) for g in october] == [
        ("supervision", date(2022, 10, 11), "李四"), ("criticism", date(2022, 10, 18), "")]
    assert [(g.task_number, g.responsible_unit, g.reason) for g in criticised] == \
        [(t.number, "第一中学", "督办无果")]


def test_settings_change_the_waiting_days(db: Database, org: Org) -> None:
    from db.models import Setting

    with db.transaction() as s:
        row = s.execute(select(Setting).where(
            Setting.key == "escalation.supervision_after_workdays")).scalar_one()
        row.value = "1"
    t = late_task(db, org)
    escalate(db, CLERK, t.id, EscalationInput("chase", date(2022, 10, 8)))
    step = escalate(db, LEADER, t.id, EscalationInput("supervision", date(2022, 10, 9),
                                                      "久拖不办", org.li))
    assert step.taken_on == date(2022, 10, 9)  # the swapped Sunday is one working day


def test_stage_of_due_soon_and_overdue_tasks(db: Database, org: Org) -> None:
    t = late_task(db, org)
    with db.session() as s:
        stages = {day: next(d.stage for d in task_deadlines(s, today=day) if d.id == t.id)
                  for day in (date(2022, 9, 20), date(2022, 9, 26), date(2022, 10, 8))}
    # 09-20: 8 working days left (on time); 09-26: 4 left (due soon); 10-08: overdue.
    assert stages == {date(2022, 9, 20): "", date(2022, 9, 26): "due_soon",
                      date(2022, 10, 8): "overdue"}


def test_admin_may_approve_and_escalate(db: Database, org: Org) -> None:
    t = late_task(db, org)
    escalate(db, ADMIN, t.id, EscalationInput("chase", date(2022, 10, 10), "请尽快办理"))
    step = extend_deadline(db, ADMIN, t.id, extension(approved_on=date(2022, 10, 10)))
    assert step.by_role == "admin"
    # An extension keeps the steps on record: the chase notice was issued.
    assert task(db, t.id).escalation == "chase"
