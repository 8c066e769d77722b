"""Opening tasks, progress notes, effects and evaluations."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, RuleError, ValidationError
from db.models import Effect, Problem, Task, TaskProblem
from db.services import (
    EffectInput,
    EvaluationInput,
    ProgressInput,
    TaskChanges,
    TaskInput,
    add_progress,
    open_task,
    record_effect,
    record_evaluation,
    record_visit,
    update_task,
)
from db.services.visits import FindingInput
from db.workdays import add_workdays
from tests.db.services.conftest import (
    A_WEEK_AGO,
    CLERK,
    LEADER,
    TODAY,
    VIEWER,
    Org,
    audit_entries,
    before_after,
    fingerprint,
    visit_input,
)

OPENED = A_WEEK_AGO + timedelta(days=1)
DONE = A_WEEK_AGO + timedelta(days=3)


def problems_of_visit(db: Database, org: Org, n: int = 2, unit: uuid.UUID | None = None,
                      on: date = A_WEEK_AGO) -> list[uuid.UUID]:
    findings = tuple(FindingInput("canteen", "management_service", f"食堂问题{i}")
                     for i in range(n))
    saved = record_visit(db, CLERK, visit_input(org, unit_id=unit or org.school,
                                                problems=findings, visit_date=on))
    return [p.id for p in saved.problems]


def task_input(ids: list[uuid.UUID], **changes: object) -> TaskInput:
    base = TaskInput(tuple(ids), "整改学校食堂", "supervised", measures="约谈食堂承包方",
                     responsible_person="王校长", is_livelihood_project=True, opened_on=OPENED)
    return replace(base, **changes)  # type: ignore[arg-type]


def statuses(db: Database, ids: list[uuid.UUID]) -> list[str]:
    with db.session() as s:
        return [s.get(Problem, i).status for i in ids]  # type: ignore[union-attr]


def get_task(db: Database, task_id: uuid.UUID) -> Task:
    with db.session() as s:
        task = s.get(Task, task_id)
    assert task is not None
    return task


# -- open_task -----------------------------------------------------------------------------


def test_open_task_for_two_problems(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org)
    task = open_task(db, CLERK, task_input(ids, responsible_unit_id=org.school,
                                           lead_leader_id=org.li))
    assert task.number == f"SZ-RW{OPENED.year}-00001" and task.status == "open"
    assert task.is_livelihood_project and task.lead_leader_id == org.li
    with db.session() as s:
        assert add_workdays(s, OPENED, 20) == task.deadline  # deadline.supervised = 20
        linked = s.execute(select(TaskProblem.problem_id).where(TaskProblem.task_id == task.id)
                           ).scalars().all()
    assert sorted(linked) == sorted(ids)
    assert statuses(db, ids) == ["in_progress", "in_progress"]
    [entry] = audit_entries(db, "task", task.id)
    assert entry.action == "create"
    assert sorted(before_after(entry)[1]["problem_ids"]) == sorted(map(str, ids))  # type: ignore[arg-type]
    old, new = before_after(audit_entries(db, "problem", ids[0], "update")[0])
    assert (old["status"], new["status"]) == ("open", "in_progress")


@pytest.mark.parametrize("mode, days", [("on_site", 5), ("supervised", 20), ("systemic", 60)])
def test_default_deadline_per_mode(db: Database, org: Org, mode: str, days: int) -> None:
    ids = problems_of_visit(db, org, 1, on=date(2022, 5, 30))
    task = open_task(db, CLERK, task_input(ids, resolution_mode=mode, opened_on=date(2022, 6, 1)))
    with db.session() as s:
        assert task.deadline == add_workdays(s, date(2022, 6, 1), days)
    # Working days, not calendar days: weekends (and holidays) are skipped.
    assert (task.deadline - date(2022, 6, 1)).days > days


def test_explicit_deadline_and_today_default(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org, 2)
    task = open_task(db, CLERK, task_input(ids[:1], opened_on=None, deadline=TODAY))
    assert (task.opened_on, task.deadline) == (TODAY, TODAY)


def test_open_task_refuses_problems_already_served(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org)
    first = open_task(db, CLERK, task_input(ids[:1]))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        open_task(db, CLERK, task_input(ids))
    assert first.number in exc.value.for_field("problem_ids")[0]
    assert fingerprint(db) == before


TASK_CASES = [
    ({"problem_ids": ()}, "problem_ids", "请至少选择一条要办理的问题"),
    ({"problem_ids": "dup"}, "problem_ids", "所选问题有重复，请去掉重复的问题"),
    ({"problem_ids": (uuid.uuid4(),)}, "problem_ids", None),
    ({"title": " "}, "title", "请填写任务名称"),
    ({"title": "题" * 201}, "title", None),
    ({"resolution_mode": "magic"}, "resolution_mode", None),
    ({"responsible_unit_id": uuid.uuid4()}, "responsible_unit_id", None),
    ({"responsible_person": "人" * 51}, "responsible_person", None),
    ({"lead_leader_id": uuid.uuid4()}, "lead_leader_id", None),
    ({"lead_leader_id": "retired"}, "lead_leader_id", None),
    ({"opened_on": TODAY + timedelta(days=1)}, "opened_on", "立项日期不能晚于今天"),
    ({"opened_on": A_WEEK_AGO - timedelta(days=1)}, "opened_on",
     f"立项日期不能早于问题的反映日期（{A_WEEK_AGO.isoformat()}）"),
    ({"deadline": OPENED - timedelta(days=1)}, "deadline", "办结时限不能早于立项日期"),
    ({"measures": "措" * 5001}, "measures", None),
]


@pytest.mark.parametrize("changes, field, message", TASK_CASES)
def test_open_task_validation(db: Database, org: Org, changes: dict[str, object], field: str,
                              message: str | None) -> None:
    ids = problems_of_visit(db, org, 1)
    if changes.get("problem_ids") == "dup":
        changes = {"problem_ids": (ids[0], ids[0])}
    if changes.get("lead_leader_id") == "retired":
        changes = {"lead_leader_id": org.retired}
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        open_task(db, CLERK, task_input(ids, **changes))
    assert [e.field for e in exc.value.errors] == [field]
    if message:
        assert exc.value.errors[0].message == message
    assert fingerprint(db) == before


def test_open_task_permissions(db: Database, org: Org) -> None:
    own = problems_of_visit(db, org, 2)
    other = problems_of_visit(db, org, 1, unit=org.other_school)
    school = org.school_actor()
    before = fingerprint(db)
    with pytest.raises(PermissionDenied):
        open_task(db, VIEWER, task_input(own))
    with pytest.raises(PermissionDenied):  # another unit's problem
        open_task(db, school, task_input(own[:1] + other))
    with pytest.raises(PermissionDenied):  # another unit made responsible
        open_task(db, school, task_input(own, responsible_unit_id=org.other_school))
    assert fingerprint(db) == before
    assert open_task(db, school, task_input(own, responsible_unit_id=org.school)).status == "open"


def test_update_task(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org, 1)
    task = open_task(db, CLERK, task_input(ids))
    # An edit may bring the deadline forward; pushing it back is an extension (escalation.py).
    changes = TaskChanges("整改食堂并公示价格", "systemic", OPENED + timedelta(days=10),
                          responsible_unit_id=org.school, lead_leader_id=org.li)
    before = fingerprint(db)
    with pytest.raises(ValidationError) as later:
        update_task(db, CLERK, task.id, replace(changes, deadline=task.deadline
                                                + timedelta(days=1)), 1)
    assert [e.field for e in later.value.errors] == ["deadline"]
    assert "延期" in later.value.errors[0].message
    assert fingerprint(db) == before
    updated = update_task(db, CLERK, task.id, changes, 1)
    assert (updated.title, updated.resolution_mode, updated.version) == \
        ("整改食堂并公示价格", "systemic", 2)
    old, new = before_after(audit_entries(db, "task", task.id, "update")[0])
    assert (old["title"], new["title"]) == ("整改学校食堂", "整改食堂并公示价格")
    before = fingerprint(db)
    with pytest.raises(ConflictError):
        update_task(db, CLERK, task.id, changes, 1)
    with pytest.raises(ValidationError) as exc:
        update_task(db, CLERK, task.id, replace(changes, deadline=OPENED - timedelta(days=1),
                                                title=""), 2)
    assert {e.field for e in exc.value.errors} == {"deadline", "title"}
    with pytest.raises(ValidationError):
        update_task(db, CLERK, task.id, replace(changes, deadline=None), 2)
    with pytest.raises(PermissionDenied):
        update_task(db, VIEWER, task.id, changes, 2)
    with pytest.raises(PermissionDenied):
        update_task(db, org.school_actor(org.other_school), task.id, changes, 2)
    with pytest.raises(NotFoundError):
        update_task(db, CLERK, uuid.uuid4(), changes, 2)
    assert fingerprint(db) == before


# -- progress ------------------------------------------------------------------------------


def test_progress_sets_latest_percent(db: Database, org: Org) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    p1 = add_progress(db, CLERK, task.id, ProgressInput(40, "已约谈承包方", OPENED))
    assert p1.author == "录入员小王" and p1.site == "SZ"
    assert get_task(db, task.id).progress_pct == 40
    add_progress(db, CLERK, task.id, ProgressInput(70, "", OPENED + timedelta(days=2)))
    assert get_task(db, task.id).progress_pct == 70
    # A note dated earlier than the latest one does not change the current percentage.
    add_progress(db, CLERK, task.id, ProgressInput(80, "补录", OPENED + timedelta(days=1)))
    assert get_task(db, task.id).progress_pct == 70
    # Going down is allowed with a reason.
    add_progress(db, CLERK, task.id, ProgressInput(50, "承包方反悔，重新协商"))
    assert get_task(db, task.id).progress_pct == 50
    entries = audit_entries(db, "task", task.id, "update")
    assert [before_after(e)[1]["progress_pct"] for e in entries] == [40, 70, 50]
    assert len(audit_entries(db, "task_progress")) == 4


@pytest.mark.parametrize("data, field", [
    (ProgressInput(101, "x"), "percent"),
    (ProgressInput(-1, "x"), "percent"),
    (ProgressInput(30), "note"),  # below the current 40 % without a reason
    (ProgressInput(50, "x", TODAY + timedelta(days=1)), "noted_on"),
    (ProgressInput(50, "x", OPENED - timedelta(days=1)), "noted_on"),
])
def test_progress_validation(db: Database, org: Org, data: ProgressInput, field: str) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    add_progress(db, CLERK, task.id, ProgressInput(40, "开始", OPENED))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        add_progress(db, CLERK, task.id, data)
    assert [e.field for e in exc.value.errors] == [field]
    if field == "note":
        assert "40%" in exc.value.errors[0].message
    assert fingerprint(db) == before


def test_progress_permissions(db: Database, org: Org) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    before = fingerprint(db)
    with pytest.raises(PermissionDenied):
        add_progress(db, VIEWER, task.id, ProgressInput(10, "x"))
    with pytest.raises(PermissionDenied):
        add_progress(db, org.school_actor(org.other_school), task.id, ProgressInput(10, "x"))
    with pytest.raises(NotFoundError):
        add_progress(db, CLERK, uuid.uuid4(), ProgressInput(10, "x"))
    assert fingerprint(db) == before
    add_progress(db, org.school_actor(), task.id, ProgressInput(10, "本校已整改一半"))


# -- effect and evaluation -----------------------------------------------------------------


def test_effect_marks_task_done_and_problems_resolved(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org)
    task = open_task(db, CLERK, task_input(ids))
    effect = record_effect(db, CLERK, task.id, EffectInput(DONE, "饭菜价格下调 15%", "价目表照片"))
    assert get_task(db, task.id).status == "done"
    assert statuses(db, ids) == ["resolved", "resolved"]
    assert [e.action for e in audit_entries(db, "effect", effect.id)] == ["create"]
    old, new = before_after(audit_entries(db, "task", task.id, "update")[0])
    assert (old["status"], new["status"]) == ("open", "done")
    # A second call updates the one effect.
    again = record_effect(db, CLERK, task.id, EffectInput(DONE, "饭菜价格下调 20%"), 1)
    assert again.id == effect.id and again.version == 2
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(Effect)).scalar() == 1
    old, new = before_after(audit_entries(db, "effect", effect.id, "update")[0])
    assert (old["result"], new["result"]) == ("饭菜价格下调 15%", "饭菜价格下调 20%")
    with pytest.raises(ConflictError):
        record_effect(db, CLERK, task.id, EffectInput(DONE, "x"), 1)


@pytest.mark.parametrize("data, field", [
    (EffectInput(None, "x"), "completed_on"),
    (EffectInput(TODAY + timedelta(days=1), "x"), "completed_on"),
    (EffectInput(OPENED - timedelta(days=1), "x"), "completed_on"),
    (EffectInput(DONE, ""), "result"),
    (EffectInput(DONE, "x", "证" * 501), "evidence_note"),
])
def test_effect_validation(db: Database, org: Org, data: EffectInput, field: str) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        record_effect(db, CLERK, task.id, data)
    assert [e.field for e in exc.value.errors] == [field]
    assert fingerprint(db) == before


def test_effect_permissions(db: Database, org: Org) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    before = fingerprint(db)
    for actor in (VIEWER, org.school_actor(org.other_school)):
        with pytest.raises(PermissionDenied):
            record_effect(db, actor, task.id, EffectInput(DONE, "x"))
    assert fingerprint(db) == before


def test_evaluation_needs_an_effect(db: Database, org: Org) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    before = fingerprint(db)
    with pytest.raises(RuleError, match="请先登记效果"):
        record_evaluation(db, CLERK, task.id, EvaluationInput("satisfied"))
    assert fingerprint(db) == before


@pytest.mark.parametrize("data, field", [
    (EvaluationInput("happy"), "rating"),
    (EvaluationInput("satisfied", asked_count=0), "asked_count"),
    (EvaluationInput("satisfied", respondent_type="ghost"), "respondent_type"),
    (EvaluationInput("satisfied", method="pigeon"), "method"),
    (EvaluationInput("satisfied", respondent="人" * 101), "respondent"),
    (EvaluationInput("satisfied", evaluated_on=DONE - timedelta(days=1)), "evaluated_on"),
    (EvaluationInput("satisfied", evaluated_on=TODAY + timedelta(days=1)), "evaluated_on"),
])
def test_evaluation_validation(db: Database, org: Org, data: EvaluationInput,
                               field: str) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    record_effect(db, CLERK, task.id, EffectInput(DONE, "已整改"))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        record_evaluation(db, CLERK, task.id, data)
    assert [e.field for e in exc.value.errors] == [field]
    assert fingerprint(db) == before


def test_unsatisfied_sends_task_back_and_effect_stays(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org)
    task = open_task(db, CLERK, task_input(ids))
    effect = record_effect(db, CLERK, task.id, EffectInput(DONE, "已整改"))
    ev = record_evaluation(db, CLERK, task.id, EvaluationInput(
        "unsatisfied", asked_count=12, respondent="家长代表", respondent_type="parent"))
    assert (ev.rating, ev.asked_count, ev.evaluated_on, ev.site) == \
        ("unsatisfied", 12, TODAY, "SZ")
    assert get_task(db, task.id).status == "open"
    assert statuses(db, ids) == ["in_progress", "in_progress"]
    with db.session() as s:
        assert s.get(Effect, effect.id) is not None
    assert "不满意" in audit_entries(db, "evaluation", ev.id)[0].summary
    # Re-recording the effect puts it back to done; a satisfied rating keeps it there.
    record_effect(db, CLERK, task.id, EffectInput(DONE + timedelta(days=1), "再次整改"))
    assert get_task(db, task.id).status == "done"
    record_evaluation(db, CLERK, task.id, EvaluationInput("basic"))
    assert get_task(db, task.id).status == "done"
    assert statuses(db, ids) == ["resolved", "resolved"]


def test_evaluation_permissions(db: Database, org: Org) -> None:
    task = open_task(db, CLERK, task_input(problems_of_visit(db, org, 1)))
    record_effect(db, CLERK, task.id, EffectInput(DONE, "已整改"))
    before = fingerprint(db)
    for actor in (VIEWER, org.school_actor(org.other_school)):
        with pytest.raises(PermissionDenied):
            record_evaluation(db, actor, task.id, EvaluationInput("satisfied"))
    assert fingerprint(db) == before
    record_evaluation(db, LEADER, task.id, EvaluationInput("satisfied"))
