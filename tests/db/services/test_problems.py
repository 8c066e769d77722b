"""Standalone problems, edits, the strongly-reported flag and merging duplicates."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, RuleError, ValidationError
from db.models import Problem
from db.numbering import day_base
from db.services import (
    ProblemInput,
    TaskInput,
    create_problem,
    delete_problem,
    mark_strongly_reported,
    merge_problem,
    open_task,
    record_visit,
    update_problem,
)
from tests.db.services.conftest import (
    A_WEEK_AGO,
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


def petition(org: Org, **changes: object) -> ProblemInput:
    base = ProblemInput(reported_on=A_WEEK_AGO, source_channel="petition",
                        reporter_type="parent", area="exams", category="fairness",
                        description="中考加分政策不透明", region_id=org.zengdu,
                        reporter_name="陈女士", reporter_phone="0722-7654321")
    return replace(base, **changes)  # type: ignore[arg-type]


def test_create_standalone_problem_with_region_only(db: Database, org: Org) -> None:
    p = create_problem(db, CLERK, petition(org))
    assert p.number == f"SZ-WT{A_WEEK_AGO.year}-00001" and p.sort_key == day_base(A_WEEK_AGO)
    assert (p.unit_id, p.region_id, p.visit_id, p.status) == (None, org.zengdu, None, "open")
    assert (p.source_channel, p.reporter_phone) == ("petition", "0722-7654321")
    assert search(db, "problem_fts", "加分") == [p.sort_key]
    [entry] = audit_entries(db, "problem", p.id)
    assert entry.action == "create"
    assert before_after(entry)[1]["description"] == "中考加分政策不透明"
    assert_index_matches(db)


def test_region_comes_from_unit(db: Database, org: Org) -> None:
    p = create_problem(db, CLERK, petition(org, unit_id=org.other_school, region_id=None,
                                           source_channel="online"))
    assert p.region_id == org.suixian
    with pytest.raises(ValidationError) as exc:
        create_problem(db, CLERK, petition(org, unit_id=org.other_school, region_id=org.zengdu))
    assert [e.field for e in exc.value.errors] == ["region_id"]
    assert "实验小学" in exc.value.errors[0].message


PROBLEM_CASES = [
    ({"reported_on": TODAY + timedelta(days=1)}, "reported_on", "反映日期不能晚于今天"),
    ({"reported_on": None}, "reported_on", "请填写反映日期"),
    ({"source_channel": "rumour"}, "source_channel", None),
    ({"reporter_type": ""}, "reporter_type", "请选择反映人类型"),
    ({"area": "moon"}, "area", None),
    ({"category": "x"}, "category", None),
    ({"description": "  "}, "description", "请填写问题描述"),
    ({"description": "字" * 2001}, "description", None),
    ({"unit_id": uuid.uuid4()}, "unit_id", None),
    ({"region_id": None}, "region_id", "没有涉及单位时请选择所属区域"),
    ({"region_id": uuid.uuid4()}, "region_id", None),
    ({"reporter_phone": "12345"}, "reporter_phone", None),
    ({"reporter_name": "名" * 51}, "reporter_name", None),
    ({"collected_by_id": uuid.uuid4()}, "collected_by_id", None),
]


@pytest.mark.parametrize("changes, field, message", PROBLEM_CASES)
def test_create_problem_validation(db: Database, org: Org, changes: dict[str, object],
                                   field: str, message: str | None) -> None:
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        create_problem(db, CLERK, petition(org, **changes))
    assert [e.field for e in exc.value.errors] == [field]
    if message:
        assert exc.value.errors[0].message == message
    assert fingerprint(db) == before


def test_create_problem_permissions(db: Database, org: Org) -> None:
    before = fingerprint(db)
    with pytest.raises(PermissionDenied):
        create_problem(db, VIEWER, petition(org))
    with pytest.raises(PermissionDenied):  # no unit: not the school's own record
        create_problem(db, org.school_actor(), petition(org))
    with pytest.raises(PermissionDenied):
        create_problem(db, org.school_actor(), petition(org, unit_id=org.other_school,
                                                        region_id=None))
    assert fingerprint(db) == before
    p = create_problem(db, org.school_actor(), petition(org, unit_id=org.school))
    assert p.unit_id == org.school


def test_update_problem_reindexes_problem_and_its_visit(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    p = saved.problems[0]
    updated = update_problem(db, CLERK, p.id, ProblemInput(
        reported_on=A_WEEK_AGO, source_channel="inspection", reporter_type="student",
        area="canteen", category="management_service", description="宿舍热水供应不足",
        unit_id=org.school), 1)
    assert updated.version == 2 and updated.visit_id == saved.visit.id
    assert search(db, "problem_fts", "价格") == [] and search(db, "visit_fts", "价格") == []
    assert search(db, "problem_fts", "热水") == [p.sort_key]
    assert search(db, "visit_fts", "热水") == [saved.visit.sort_key]
    old, new = before_after(audit_entries(db, "problem", p.id, "update")[0])
    assert (old["description"], new["description"]) == ("食堂饭菜价格偏高", "宿舍热水供应不足")
    assert_index_matches(db)


def test_update_problem_date_moves_sort_key(db: Database, org: Org) -> None:
    p = create_problem(db, CLERK, petition(org))
    earlier = A_WEEK_AGO - timedelta(days=3)
    updated = update_problem(db, CLERK, p.id, petition(org, reported_on=earlier), 1)
    assert updated.sort_key == day_base(earlier) and updated.version == 2
    assert updated.number == p.number  # numbers are identifiers: they never change
    assert search(db, "problem_fts", "加分") == [day_base(earlier)]
    assert_index_matches(db)


def test_update_problem_refusals(db: Database, org: Org) -> None:
    p = create_problem(db, CLERK, petition(org, unit_id=org.school, region_id=None))
    before = fingerprint(db)
    with pytest.raises(ConflictError):
        update_problem(db, CLERK, p.id, petition(org), 2)
    with pytest.raises(ValidationError):
        update_problem(db, CLERK, p.id, petition(org, description=""), 1)
    with pytest.raises(PermissionDenied):
        update_problem(db, VIEWER, p.id, petition(org), 1)
    with pytest.raises(PermissionDenied):  # moving its problem to another unit
        update_problem(db, org.school_actor(), p.id,
                       petition(org, unit_id=org.other_school, region_id=None), 1)
    with pytest.raises(PermissionDenied):  # another unit's problem
        update_problem(db, org.school_actor(org.other_school), p.id,
                       petition(org, unit_id=org.other_school, region_id=None), 1)
    with pytest.raises(NotFoundError):
        update_problem(db, CLERK, uuid.uuid4(), petition(org), 1)
    assert fingerprint(db) == before


def test_mark_strongly_reported(db: Database, org: Org) -> None:
    p = create_problem(db, CLERK, petition(org))
    with pytest.raises(PermissionDenied):
        mark_strongly_reported(db, VIEWER, p.id, 1)
    with pytest.raises(ConflictError):
        mark_strongly_reported(db, CLERK, p.id, 5)
    flagged = mark_strongly_reported(db, CLERK, p.id, 1)
    assert flagged.strongly_reported and flagged.version == 2
    old, new = before_after(audit_entries(db, "problem", p.id, "update")[0])
    assert (old["strongly_reported"], new["strongly_reported"]) == (False, True)
    cleared = mark_strongly_reported(db, CLERK, p.id, 2, strongly=False)
    assert not cleared.strongly_reported


def test_merge_duplicate(db: Database, org: Org) -> None:
    target = create_problem(db, CLERK, petition(org))
    dup = create_problem(db, CLERK, petition(org, source_channel="online"))
    merged = merge_problem(db, CLERK, dup.id, target.id, 1)
    assert merged.status == "merged" and merged.merged_into_id == target.id
    with db.session() as s:
        both = s.execute(select(Problem).where(Problem.id.in_([dup.id, target.id]))
                         ).scalars().all()
    assert len(both) == 2 and all(p.deleted_at is None for p in both)
    old, new = before_after(audit_entries(db, "problem", dup.id, "update")[0])
    assert (old["status"], new["status"]) == ("open", "merged")
    # A merged problem cannot get a task.
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        open_task(db, CLERK, TaskInput((dup.id,), "公开加分政策", "systemic"))
    assert "已合并" in exc.value.for_field("problem_ids")[0]
    assert fingerprint(db) == before


def test_merge_refusals(db: Database, org: Org) -> None:
    a = create_problem(db, CLERK, petition(org))
    b = create_problem(db, CLERK, petition(org))
    c = create_problem(db, CLERK, petition(org))
    merge_problem(db, CLERK, b.id, a.id, 1)
    before = fingerprint(db)
    with pytest.raises(RuleError, match="自己"):
        merge_problem(db, CLERK, a.id, a.id, 1)
    with pytest.raises(RuleError, match="已经合并过"):
        merge_problem(db, CLERK, b.id, c.id, 2)
    with pytest.raises(RuleError, match="本身已合并"):
        merge_problem(db, CLERK, c.id, b.id, 1)
    with pytest.raises(ConflictError):
        merge_problem(db, CLERK, c.id, a.id, 7)
    with pytest.raises(PermissionDenied):
        merge_problem(db, VIEWER, c.id, a.id, 1)
    with pytest.raises(NotFoundError):
        merge_problem(db, CLERK, uuid.uuid4(), a.id, 1)
    assert fingerprint(db) == before
    task = open_task(db, LEADER, TaskInput((c.id,), "公开加分政策", "systemic"))
    with pytest.raises(RuleError, match=task.number):
        merge_problem(db, CLERK, c.id, a.id, 2)


def test_delete_problem_tombstones_and_reindexes_its_visit(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    p = saved.problems[0]
    assert search(db, "visit_fts", "价格") == [saved.visit.sort_key]
    with pytest.raises(ConflictError):
        delete_problem(db, CLERK, p.id, 2)
    with pytest.raises(PermissionDenied):
        delete_problem(db, VIEWER, p.id, 1)
    with pytest.raises(PermissionDenied):
        delete_problem(db, org.school_actor(org.other_school), p.id, 1)
    deleted = delete_problem(db, CLERK, p.id, 1)
    assert deleted.deleted_at is not None
    assert search(db, "problem_fts", "价格") == [] and search(db, "visit_fts", "价格") == []
    # The visit's own words still find it.
    assert search(db, "visit_fts", "宿舍") == [saved.visit.sort_key]
    assert [e.action for e in audit_entries(db, "problem", p.id)] == ["create", "delete"]
    with pytest.raises(NotFoundError):
        delete_problem(db, CLERK, p.id, 2)
    assert_index_matches(db)


def test_delete_problem_refusals(db: Database, org: Org) -> None:
    a = create_problem(db, CLERK, petition(org))
    b = create_problem(db, CLERK, petition(org))
    c = create_problem(db, CLERK, petition(org))
    merge_problem(db, CLERK, b.id, a.id, 1)
    task = open_task(db, CLERK, TaskInput((c.id,), "公开加分政策", "systemic"))
    before = fingerprint(db)
    with pytest.raises(RuleError, match=b.number):
        delete_problem(db, CLERK, a.id, 1)
    with pytest.raises(RuleError, match=task.number):
        delete_problem(db, CLERK, c.id, 2)
    assert fingerprint(db) == before
    # The merged duplicate itself may go.
    assert delete_problem(db, CLERK, b.id, 2).deleted_at is not None
    assert_index_matches(db)
