"""销号 and reopening; closed items are read-only; the whole flow from visit to close-out."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from db.audit import verify_chain
from db.engine import Database
from db.errors import ConflictError, PermissionDenied, RuleError, ValidationError
from db.models import Problem, Task
from db.services import (
    EffectInput,
    EvaluationInput,
    ProgressInput,
    TaskChanges,
    TaskInput,
    add_progress,
    close_out,
    delete_problem,
    mark_strongly_reported,
    merge_problem,
    open_task,
    record_effect,
    record_evaluation,
    record_visit,
    reopen,
    update_problem,
    update_task,
    update_visit,
)
from db.services.problems import ProblemInput
from tests.db.services.conftest import (
    A_WEEK_AGO,
    ADMIN,
    CLERK,
    LEADER,
    TODAY,
    VIEWER,
    Org,
    assert_index_matches,
    audit_entries,
    before_after,
    fingerprint,
    search,
    visit_input,
)
from tests.db.services.test_tasks import DONE, OPENED, problems_of_visit, statuses, task_input


def get(db: Database, model: type[Task] | type[Problem], record_id: uuid.UUID) -> Task | Problem:
    with db.session() as s:
        record = s.get(model, record_id)
    assert record is not None
    return record


def done_task(db: Database, org: Org, rating: str = "satisfied") -> tuple[Task, list[uuid.UUID]]:
    ids = problems_of_visit(db, org)
    task = open_task(db, CLERK, task_input(ids, responsible_unit_id=org.school))
    record_effect(db, CLERK, task.id, EffectInput(DONE, "价格下调"))
    record_evaluation(db, CLERK, task.id, EvaluationInput(rating, asked_count=10))
    return task, ids


def closed_task(db: Database, org: Org) -> tuple[Task, list[uuid.UUID]]:
    task, ids = done_task(db, org)
    return close_out(db, LEADER, task.id, "李局长", TODAY), ids


def test_close_out_closes_task_and_problems(db: Database, org: Org) -> None:
    task, ids = done_task(db, org)
    closed = close_out(db, LEADER, task.id, " 李局长 ", TODAY)
    assert (closed.status, closed.closed_on, closed.approved_by) == ("closed", TODAY, "李局长")
    assert closed.approved_by_user_id is None
    for pid in ids:
        p = get(db, Problem, pid)
        assert (p.status, p.closed_on) == ("closed", TODAY)  # type: ignore[union-attr]
    [entry] = audit_entries(db, "task", task.id, "close_out")
    old, new = before_after(entry)
    assert (old["status"], new["status"]) == ("done", "closed") and "李局长" in entry.summary
    assert len(audit_entries(db, "problem", action="close_out")) == 2
    # An administrator may close out too; the default date is today.
    task2, _ = done_task(db, org)
    assert close_out(db, ADMIN, task2.id, "张主任").closed_on == TODAY


def test_close_out_refusals(db: Database, org: Org) -> None:
    ids = problems_of_visit(db, org)
    task = open_task(db, CLERK, task_input(ids))
    before = fingerprint(db)
    with pytest.raises(RuleError, match="还没有登记效果"):
        close_out(db, LEADER, task.id, "李局长", TODAY)
    assert fingerprint(db) == before
    record_effect(db, CLERK, task.id, EffectInput(DONE, "价格下调"))
    with pytest.raises(RuleError, match="还没有群众评价"):
        close_out(db, LEADER, task.id, "李局长", TODAY)
    record_evaluation(db, CLERK, task.id, EvaluationInput("satisfied", evaluated_on=DONE))
    # The effect is re-dated after the evaluation: the evaluation no longer counts.
    record_effect(db, CLERK, task.id, EffectInput(DONE + timedelta(days=1), "价格下调"))
    with pytest.raises(RuleError, match="之后还没有群众评价"):
        close_out(db, LEADER, task.id, "李局长", TODAY)
    record_evaluation(db, CLERK, task.id, EvaluationInput("unsatisfied"))
    with pytest.raises(RuleError, match="不满意"):
        close_out(db, LEADER, task.id, "李局长", TODAY)
    record_evaluation(db, CLERK, task.id, EvaluationInput("satisfied"))
    before = fingerprint(db)
    with pytest.raises(RuleError, match="审批人"):
        close_out(db, LEADER, task.id, "  ", TODAY)
    for actor in (CLERK, VIEWER, org.school_actor()):
        with pytest.raises(PermissionDenied, match="销号"):
            close_out(db, actor, task.id, "李局长", TODAY)
    with pytest.raises(ValidationError) as exc:
        close_out(db, LEADER, task.id, "李局长", DONE)
    assert "不能早于效果的完成日期" in exc.value.for_field("closed_on")[0]
    with pytest.raises(ValidationError):
        close_out(db, LEADER, task.id, "李局长", TODAY + timedelta(days=1))
    with pytest.raises(ConflictError):
        close_out(db, LEADER, task.id, "李局长", TODAY, expected_version=1)
    assert fingerprint(db) == before
    close_out(db, LEADER, task.id, "李局长", TODAY)
    with pytest.raises(RuleError, match="无需重复销号"):
        close_out(db, LEADER, task.id, "李局长", TODAY)


def test_closed_items_are_read_only(db: Database, org: Org) -> None:
    task, ids = closed_task(db, org)
    spare = problems_of_visit(db, org, 1)[0]
    p = get(db, Problem, ids[0])
    before = fingerprint(db)
    refusals = [
        lambda: update_task(db, CLERK, task.id, TaskChanges("x", "on_site", TODAY), task.version),
        lambda: add_progress(db, CLERK, task.id, ProgressInput(100, "补充")),
        lambda: record_effect(db, CLERK, task.id, EffectInput(DONE, "改写")),
        lambda: record_evaluation(db, CLERK, task.id, EvaluationInput("satisfied")),
        lambda: update_problem(db, CLERK, p.id, ProblemInput(
            A_WEEK_AGO, "visit", "student", "canteen", "management_service", "改写",
            unit_id=org.school), p.version),
        lambda: mark_strongly_reported(db, CLERK, p.id, p.version, False),
        lambda: merge_problem(db, CLERK, p.id, spare, p.version),
        lambda: delete_problem(db, CLERK, p.id, p.version),
        lambda: update_visit(db, CLERK, p.visit_id, visit_input(  # type: ignore[arg-type]
            org, visit_date=A_WEEK_AGO - timedelta(days=1), problems=()), 1),
    ]
    for refuse in refusals:
        with pytest.raises(RuleError, match="重新打开"):
            refuse()
    assert fingerprint(db) == before
    # Editing the visit's words (not its date or unit) is still allowed.
    update_visit(db, CLERK, p.visit_id, visit_input(org, content="补记", problems=()), 1)  # type: ignore[arg-type]


def test_reopen(db: Database, org: Org) -> None:
    task, ids = closed_task(db, org)
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        reopen(db, LEADER, task.id, "错了")
    assert exc.value.for_field("reason") == ["请填写重新打开的原因（至少 4 个字）"]
    for actor in (CLERK, VIEWER, org.school_actor()):
        with pytest.raises(PermissionDenied):
            reopen(db, actor, task.id, "群众再次反映")
    with pytest.raises(ConflictError):
        reopen(db, LEADER, task.id, "群众再次反映", expected_version=1)
    assert fingerprint(db) == before
    reopened = reopen(db, LEADER, task.id, "群众再次反映价格反弹")
    assert (reopened.status, reopened.closed_on, reopened.approved_by) == ("open", None, "")
    assert statuses(db, ids) == ["in_progress", "in_progress"]
    assert all(get(db, Problem, i).closed_on is None for i in ids)  # type: ignore[union-attr]
    [entry] = audit_entries(db, "task", task.id, "reopen")
    old, new = before_after(entry)
    assert (old["status"], new["status"]) == ("closed", "open")
    assert "群众再次反映价格反弹" in entry.summary
    assert len(audit_entries(db, "problem", action="reopen")) == 2
    with pytest.raises(RuleError, match="无需重新打开"):
        reopen(db, LEADER, task.id, "再来一次")


def test_whole_flow(db: Database, org: Org) -> None:
    # A visit finds a problem in the canteen...
    saved = record_visit(db, CLERK, visit_input(org, cadre_ids=(org.zhang, org.li)))
    [problem] = saved.problems
    assert search(db, "visit_fts", "食堂") == [saved.visit.sort_key]
    # ...a task is opened, progresses, has an effect and the people are asked...
    task = open_task(db, CLERK, TaskInput((problem.id,), "食堂饭菜降价", "on_site",
                                          responsible_unit_id=org.school, lead_leader_id=org.li,
                                          opened_on=OPENED))
    add_progress(db, org.school_actor(), task.id, ProgressInput(60, "已与承包方协商", OPENED))
    add_progress(db, org.school_actor(), task.id, ProgressInput(100, "新价目表已公示", DONE))
    record_effect(db, org.school_actor(), task.id, EffectInput(DONE, "饭菜均价下调 2 元",
                                                               "价目表照片 3 张"))
    assert statuses(db, [problem.id]) == ["resolved"]
    record_evaluation(db, CLERK, task.id, EvaluationInput("satisfied", asked_count=30,
                                                          respondent_type="student",
                                                          method="survey"))
    # ...a leader closes it out and the problem is closed with it...
    closed = close_out(db, LEADER, task.id, "李四", TODAY)
    assert closed.status == "closed" and get(db, Task, task.id).progress_pct == 100
    assert statuses(db, [problem.id]) == ["closed"]
    # ...it is reopened when the prices creep back, and closed again.
    reopen(db, LEADER, task.id, "价格又上涨了")
    assert statuses(db, [problem.id]) == ["in_progress"]
    again = close_out(db, LEADER, task.id, "李四", TODAY)
    assert again.status == "closed" and statuses(db, [problem.id]) == ["closed"]
    actions = [e.action for e in audit_entries(db, "task", task.id)]
    assert actions == ["create", "update", "update", "update", "close_out", "reopen",
                       "close_out"]
    with db.session() as s:
        assert verify_chain(s) == []
    assert_index_matches(db)
