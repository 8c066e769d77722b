"""Recording, editing and deleting visits: rows, links, problems, numbers, audit and search."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, RuleError, ValidationError
from db.models import Problem, Visit, VisitActivity, VisitCadre
from db.numbering import day_base
from db.services import (
    FindingInput,
    TaskInput,
    delete_visit,
    open_task,
    record_visit,
    update_visit,
)
from tests.db.services.conftest import (
    A_WEEK_AGO,
    CLERK,
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


def links(db: Database, visit_id: uuid.UUID) -> tuple[list[uuid.UUID], list[str]]:
    with db.session() as s:
        cadres = s.execute(select(VisitCadre.cadre_id).where(VisitCadre.visit_id == visit_id)
                           ).scalars().all()
        acts = s.execute(select(VisitActivity.activity)
                         .where(VisitActivity.visit_id == visit_id)).scalars().all()
    return sorted(cadres), sorted(acts)


def test_record_visit_writes_visit_links_problems_numbers_and_audit(db: Database,
                                                                    org: Org) -> None:
    data = visit_input(org, cadre_ids=(org.zhang, org.li), problems=(
        FindingInput("canteen", "management_service", "食堂饭菜价格偏高", True, "student",
                     "小明", "13800001111"),
        FindingInput("safety", "risk", "宿舍消防通道堵塞", reporter_type="teacher"),
    ))
    saved = record_visit(db, CLERK, data)
    v = saved.visit
    year = A_WEEK_AGO.year
    assert v.number == f"SZ-ZF{year}-00001" and v.site == "SZ" and v.version == 1
    assert v.sort_key == day_base(A_WEEK_AGO)
    assert (v.students_met, v.teachers_met, v.parents_met) == (12, 3, 2)
    assert links(db, v.id) == (sorted([org.zhang, org.li]), ["canteen", "dormitory"])

    p1, p2 = saved.problems
    assert [p1.number, p2.number] == [f"SZ-WT{year}-00001", f"SZ-WT{year}-00002"]
    assert p2.sort_key == p1.sort_key + 1 == day_base(A_WEEK_AGO) + 1
    for p in (p1, p2):
        assert p.visit_id == v.id and p.unit_id == org.school and p.region_id == org.zengdu
        assert p.source_channel == "inspection" and p.collected_by_id == org.zhang
        assert p.reported_on == A_WEEK_AGO and p.status == "open" and p.site == "SZ"
    assert p1.strongly_reported and not p2.strongly_reported
    assert (p1.reporter_name, p1.reporter_phone, p2.reporter_type) == ("小明", "13800001111",
                                                                       "teacher")

    [entry] = audit_entries(db, "visit", v.id)
    after = before_after(entry)[1]
    assert entry.action == "create" and entry.username == "clerk"
    assert sorted(after["cadre_ids"]) == sorted([str(org.zhang), str(org.li)])  # type: ignore[arg-type]
    assert after["activities"] == ["canteen", "dormitory"]
    assert len(audit_entries(db, "problem", action="create")) == 2

    # The next visit on the same day sorts after it and gets the next number.
    again = record_visit(db, CLERK, visit_input(org, problems=()))
    assert again.visit.sort_key == v.sort_key + 1
    assert again.visit.number == f"SZ-ZF{year}-00002"
    assert_index_matches(db)


def test_channel_follows_method(db: Database, org: Org) -> None:
    expected = {"field_visit": "visit", "sit_in": "visit", "heart_talk": "heart_talk",
                "forum": "forum", "inspection": "inspection"}
    for method, channel in expected.items():
        saved = record_visit(db, CLERK, visit_input(org, method=method))
        assert saved.problems[0].source_channel == channel


def test_search_finds_visit_by_finding_description(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org, content="了解课后服务", findings="",
                                                talked_with="家长", problems=(
        FindingInput("canteen", "management_service", "食堂饭菜价格偏高"),)))
    assert search(db, "visit_fts", "食堂") == [saved.visit.sort_key]
    assert search(db, "visit_fts", "课后") == [saved.visit.sort_key]
    assert search(db, "problem_fts", "食堂") == [saved.problems[0].sort_key]
    assert search(db, "problem_fts", saved.problems[0].number) == [saved.problems[0].sort_key]
    assert search(db, "visit_fts", "宿舍") == []


VALIDATION_CASES = [
    ({"visit_date": TODAY + timedelta(days=1)}, "visit_date", "走访日期不能晚于今天"),
    ({"visit_date": date(1999, 12, 31)}, "visit_date", "走访日期不能早于 2000 年，请检查年份"),
    ({"visit_date": None}, "visit_date", "请填写走访日期"),
    ({"cadre_ids": ()}, "cadre_ids", "请至少选择一名参加走访的干部"),
    ({"cadre_ids": "dup"}, "cadre_ids", "参加走访的干部有重复，请去掉重复的人"),
    ({"cadre_ids": (uuid.uuid4(),)}, "cadre_ids", None),
    ({"cadre_ids": "retired"}, "cadre_ids", None),
    ({"unit_id": None}, "unit_id", "请选择走访单位"),
    ({"unit_id": uuid.uuid4()}, "unit_id", None),
    ({"method": "telepathy"}, "method", None),
    ({"method": ""}, "method", "请选择走访方式"),
    ({"activities": ("canteen", "karaoke")}, "activities", None),
    ({"students_met": -1}, "students_met", "走访学生人数不能小于 0"),
    ({"teachers_met": 1.5}, "teachers_met", "走访教师人数必须是整数"),
    ({"parents_met": -3}, "parents_met", None),
    ({"talked_with": "人" * 501}, "talked_with", None),
    ({"content": "字" * 5001}, "content", None),
    ({"findings": "字" * 5001}, "findings", None),
]


@pytest.mark.parametrize("changes, field, message", VALIDATION_CASES)
def test_record_visit_validation(db: Database, org: Org, changes: dict[str, object],
                                 field: str, message: str | None) -> None:
    if changes.get("cadre_ids") == "dup":
        changes = {"cadre_ids": (org.zhang, org.zhang)}
    if changes.get("cadre_ids") == "retired":
        changes = {"cadre_ids": (org.zhang, org.retired)}
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        record_visit(db, CLERK, visit_input(org, **changes))
    assert [e.field for e in exc.value.errors] == [field]
    if message is not None:
        assert exc.value.errors[0].message == message
    if changes.get("cadre_ids") == (org.zhang, org.retired):
        assert "王五" in exc.value.errors[0].message and "停用" in exc.value.errors[0].message
    assert fingerprint(db) == before


def test_finding_validation_names_each_finding(db: Database, org: Org) -> None:
    before = fingerprint(db)
    bad = FindingInput("weather", "gossip", " ", reporter_type="alien", reporter_name="名" * 51,
                       reporter_phone="110")
    good = FindingInput("canteen", "management_service", "食堂")
    with pytest.raises(ValidationError) as exc:
        record_visit(db, CLERK, visit_input(org, problems=(good, bad)))
    err = exc.value
    assert {e.field for e in err.errors} == {
        "problems[1].area", "problems[1].category", "problems[1].description",
        "problems[1].reporter_type", "problems[1].reporter_name", "problems[1].reporter_phone"}
    assert err.for_field("problems[1].description") == ["请填写第 2 条问题的问题描述"]
    assert err.for_field("problems[1].area") == [
        "第 2 条问题的问题领域“weather”不在可选范围内，请从列表中选择"]
    assert "第 2 条问题的反映人电话格式不对" in err.for_field("problems[1].reporter_phone")[0]
    assert fingerprint(db) == before


def test_all_errors_at_once(db: Database, org: Org) -> None:
    with pytest.raises(ValidationError) as exc:
        record_visit(db, CLERK, visit_input(org, visit_date=None, cadre_ids=(), unit_id=None,
                                            method="x", students_met=-1))
    assert {e.field for e in exc.value.errors} == {"visit_date", "cadre_ids", "unit_id",
                                                   "method", "students_met"}
    assert exc.value.message.startswith("输入有误，未保存：")


def test_record_visit_permissions(db: Database, org: Org) -> None:
    before = fingerprint(db)
    with pytest.raises(PermissionDenied):
        record_visit(db, VIEWER, visit_input(org))
    with pytest.raises(PermissionDenied) as exc:
        record_visit(db, org.school_actor(), visit_input(org, unit_id=org.other_school))
    assert "本单位" in exc.value.message
    assert fingerprint(db) == before
    saved = record_visit(db, org.school_actor(), visit_input(org))
    assert saved.visit.unit_id == org.school


def test_update_visit_reindexes_old_word_gone_new_word_found(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org, content="查看操场", findings="跑道破损"))
    key = saved.visit.sort_key
    assert search(db, "visit_fts", "跑道") == [key]
    updated = update_visit(db, CLERK, saved.visit.id, visit_input(
        org, content="查看图书馆", findings="图书陈旧", cadre_ids=(org.li,),
        activities=("classroom",), problems=()), 1)
    assert updated.visit.version == 2 and updated.problems == []
    assert search(db, "visit_fts", "跑道") == []
    assert search(db, "visit_fts", "操场") == []
    assert search(db, "visit_fts", "图书") == [key]
    # The finding's description is still part of the visit's document.
    assert search(db, "visit_fts", "食堂") == [key]
    assert links(db, saved.visit.id) == ([org.li], ["classroom"])
    entry = audit_entries(db, "visit", saved.visit.id, "update")[0]
    old, new = before_after(entry)
    assert (old["findings"], new["findings"]) == ("跑道破损", "图书陈旧")
    assert old["cadre_ids"] == [str(org.zhang)] and new["cadre_ids"] == [str(org.li)]
    assert_index_matches(db)


def test_update_visit_date_moves_sort_key_and_problems(db: Database, org: Org) -> None:
    other = record_visit(db, CLERK, visit_input(org, visit_date=A_WEEK_AGO - timedelta(days=1),
                                                problems=()))
    saved = record_visit(db, CLERK, visit_input(org, problems=(
        FindingInput("canteen", "management_service", "食堂饭菜价格偏高"),
        FindingInput("safety", "risk", "楼梯扶手松动"))))
    new_date = A_WEEK_AGO - timedelta(days=1)
    updated = update_visit(db, CLERK, saved.visit.id, visit_input(
        org, visit_date=new_date, unit_id=org.other_school, method="forum", problems=()), 1)
    assert updated.visit.sort_key == other.visit.sort_key + 1
    with db.session() as s:
        moved = s.execute(select(Problem).where(Problem.visit_id == saved.visit.id)
                          .order_by(Problem.sort_key)).scalars().all()
    assert [p.description for p in moved] == ["食堂饭菜价格偏高", "楼梯扶手松动"]
    assert all(p.reported_on == new_date and p.unit_id == org.other_school for p in moved)
    assert all(p.source_channel == "forum" and p.region_id == org.suixian for p in moved)
    assert moved[0].sort_key == day_base(new_date) and moved[1].sort_key == day_base(new_date) + 1
    assert all(p.version == 2 for p in moved)  # one update each, not one per step
    assert search(db, "visit_fts", "扶手") == [updated.visit.sort_key]
    assert search(db, "problem_fts", "扶手") == [moved[1].sort_key]
    assert len(audit_entries(db, "problem", moved[0].id, "update")) == 1
    assert_index_matches(db)


def test_update_visit_adds_new_findings(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    updated = update_visit(db, CLERK, saved.visit.id, visit_input(org, problems=(
        FindingInput("care", "health", "留守儿童心理辅导不足"),)), 1)
    [added] = updated.problems
    assert added.visit_id == saved.visit.id and added.sort_key == saved.problems[0].sort_key + 1
    assert search(db, "visit_fts", "心理") == [saved.visit.sort_key]
    assert search(db, "visit_fts", "食堂") == [saved.visit.sort_key]
    assert_index_matches(db)


def test_update_visit_refusals(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    before = fingerprint(db)
    with pytest.raises(ValidationError):
        update_visit(db, CLERK, saved.visit.id, visit_input(org, method="x"), 1)
    with pytest.raises(ConflictError):
        update_visit(db, CLERK, saved.visit.id, visit_input(org, content="新内容"), 2)
    with pytest.raises(PermissionDenied):
        update_visit(db, VIEWER, saved.visit.id, visit_input(org), 1)
    # A school user may not move its visit to another unit, nor edit another unit's visit.
    with pytest.raises(PermissionDenied):
        update_visit(db, org.school_actor(), saved.visit.id,
                     visit_input(org, unit_id=org.other_school), 1)
    with pytest.raises(PermissionDenied):
        update_visit(db, org.school_actor(org.other_school), saved.visit.id,
                     visit_input(org, unit_id=org.other_school), 1)
    with pytest.raises(NotFoundError):
        update_visit(db, CLERK, uuid.uuid4(), visit_input(org), 1)
    assert fingerprint(db) == before


def test_delete_visit_tombstones_and_unindexes(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    keep = record_visit(db, CLERK, visit_input(org, problems=()))
    with pytest.raises(ConflictError):
        delete_visit(db, CLERK, saved.visit.id, 2)
    with pytest.raises(PermissionDenied):
        delete_visit(db, VIEWER, saved.visit.id, 1)
    deleted = delete_visit(db, CLERK, saved.visit.id, 1)
    assert deleted.deleted_at is not None
    with db.session() as s:
        assert s.execute(select(func.count()).select_from(Visit)).scalar() == 2
        problem = s.get(Problem, saved.problems[0].id)
    assert problem is not None and problem.deleted_at is not None
    assert search(db, "visit_fts", "食堂") == [keep.visit.sort_key]
    assert search(db, "problem_fts", "食堂") == []
    assert [e.action for e in audit_entries(db, "visit", saved.visit.id)] == ["create", "delete"]
    assert [e.action for e in audit_entries(db, "problem", problem.id)] == ["create", "delete"]
    with pytest.raises(NotFoundError):
        delete_visit(db, CLERK, saved.visit.id, 2)
    with pytest.raises(NotFoundError):
        update_visit(db, CLERK, saved.visit.id, visit_input(org), 2)
    assert_index_matches(db)


def test_delete_visit_refused_when_a_problem_is_in_work(db: Database, org: Org) -> None:
    saved = record_visit(db, CLERK, visit_input(org))
    open_task(db, CLERK, TaskInput((saved.problems[0].id,), "降低饭菜价格", "supervised"))
    before = fingerprint(db)
    with pytest.raises(RuleError) as exc:
        delete_visit(db, CLERK, saved.visit.id, 1)
    assert saved.problems[0].number in exc.value.message
    assert fingerprint(db) == before


def test_index_check_detects_stray_tokens(db: Database, org: Org) -> None:
    """The helper the other tests rely on can fail: a document removed with the wrong text
    leaves tokens behind, and the check sees them."""
    from db.search import index_document, spaced, unindex_document

    saved = record_visit(db, CLERK, visit_input(org))
    assert_index_matches(db)
    with db.transaction() as s:
        unindex_document(s.connection(), "visit_fts", saved.visit.sort_key, spaced("别的文字"))
        index_document(s.connection(), "visit_fts", saved.visit.sort_key, spaced("别的文字"))
    with pytest.raises(AssertionError):
        assert_index_matches(db)


def test_failure_after_writes_leaves_nothing(db: Database, org: Org,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure at the very end (after the rows, numbers, audit and problem index entries were
    written) rolls everything back, the search index included."""
    from db.services import visits as visits_module

    def broken(*_args: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(visits_module, "index_visit", broken)
    before = fingerprint(db)
    with pytest.raises(OSError):
        record_visit(db, CLERK, visit_input(org))
    assert fingerprint(db) == before
    assert search(db, "problem_fts", "食堂") == []


def test_the_audit_log_finds_a_record_by_its_number(db: Database, org: Org) -> None:
    """管理 → 审计日志's record filter takes the number the lists show (any case), as well as
    an id or its beginning."""
    from db.audit import AuditFilter, audit_count, audit_page
    from tests.db.services.conftest import ADMIN

    saved = record_visit(db, CLERK, visit_input(org))
    record_visit(db, CLERK, visit_input(org, content="另一次走访"))
    visit, problem = saved.visit, saved.problems[0]
    with db.session() as s:
        rows, _ = audit_page(s, ADMIN, AuditFilter(record_id=visit.number.lower()))
        assert {r.record_id for r in rows} == {str(visit.id)}
        rows, _ = audit_page(s, ADMIN, AuditFilter(record_id=f" {problem.number} "))
        assert {r.record_id for r in rows} == {str(problem.id)}
        assert audit_count(s, ADMIN, AuditFilter(record_id=str(visit.id)[:8])) == 1
        assert audit_count(s, ADMIN, AuditFilter(record_id="SZ-ZF1999-00001")) == 0
