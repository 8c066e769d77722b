"""The care register: services (grant, roles, fields, versions, audit) and queries (paging,
filters, counts, and the audit entry "view" that every reading of a record writes)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from db.audit import Actor
from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, RuleError, ValidationError
from db.models import AuditEntry, CareEntry, CareRecord, Region, Setting
from db.queries.care import (
    CareFilter,
    care_count,
    care_group_counts,
    care_page,
    care_record_detail,
)
from db.services import CadreInput, UnitInput, create_cadre, create_unit
from db.services.care import (
    CareEntryInput,
    CareRecordInput,
    add_care_entry,
    create_care_record,
    end_care_record,
    update_care_record,
)

ADMIN = Actor("admin", "admin", "管理员", can_view_care=True)
CLERK = Actor("clerk", "clerk", "录入员小王", can_view_care=True)
CLERK_NO_GRANT = Actor("clerk2", "clerk", "录入员小李")
VIEWER = Actor("viewer", "viewer", "查看者", can_view_care=True)
TODAY = date.today()


@dataclass(frozen=True)
class Org:
    school: uuid.UUID  # 曾都区
    other_school: uuid.UUID  # 随县
    cadre: uuid.UUID


@pytest.fixture
def org(db: Database) -> Org:
    with db.session() as s:
        regions = {r.code: r.id for r in s.execute(select(Region)).scalars()}
    school = create_unit(db, ADMIN, UnitInput("第一中学", "school", regions["zengdu"])).id
    other = create_unit(db, ADMIN, UnitInput("实验小学", "school", regions["suixian"])).id
    cadre = create_cadre(db, ADMIN, CadreInput("张三", "cadre", school)).id
    return Org(school, other, cadre)


def record_input(org: Org, **changes: object) -> CareRecordInput:
    base: dict[str, object] = dict(
        group="left_behind", person_name="王小明", unit_id=org.school, person_role="student",
        gender="男", birth_year=TODAY.year - 10, situation="父母在外务工，随祖父母生活",
        responsible_cadre_id=org.cadre)
    base.update(changes)
    return CareRecordInput(**base)  # type: ignore[arg-type]


def audit(db: Database, action: str | None = None) -> list[AuditEntry]:
    with db.session() as s:
        q = select(AuditEntry).where(AuditEntry.table_name.in_(["care_record", "care_entry"]))
        if action:
            q = q.where(AuditEntry.action == action)
        return list(s.execute(q.order_by(AuditEntry.seq)).scalars())


def count_rows(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (len(s.execute(select(CareRecord)).all()), len(s.execute(select(CareEntry)).all()),
                len(s.execute(select(AuditEntry)).all()))


# -- services: happy paths -------------------------------------------------------------------


def test_create_update_end_and_help_entry(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    assert record.person_name == "王小明" and record.active and record.site == "SZ"
    updated = update_care_record(db, CLERK, record.id,
                                 record_input(org, situation="祖父生病住院", gender="女"),
                                 expected_version=record.version)
    assert updated.version == record.version + 1 and updated.gender == "女"
    entry = add_care_entry(db, CLERK, CareEntryInput(record.id, TODAY, "送去学习用品", org.cadre))
    assert entry.record_id == record.id
    ended = end_care_record(db, CLERK, record.id, expected_version=updated.version)
    assert not ended.active
    actions = [(e.action, e.table_name) for e in audit(db)]
    assert actions == [("create", "care_record"), ("update", "care_record"),
                       ("create", "care_entry"), ("update", "care_record")]
    # Summaries name the group, never the child.
    assert all("王小明" not in e.summary for e in audit(db))
    before, after = json.loads(audit(db)[1].before), json.loads(audit(db)[1].after)
    assert before["situation"] != after["situation"]


def test_school_user_keeps_own_unit_only(db: Database, org: Org) -> None:
    school = Actor("s1", "school", "一中", unit_id=org.school, can_view_care=True)
    own = create_care_record(db, school, record_input(org))
    with pytest.raises(PermissionDenied, match="本单位"):
        create_care_record(db, school, record_input(org, unit_id=org.other_school))
    with pytest.raises(PermissionDenied, match="本单位"):
        update_care_record(db, school, own.id, record_input(org, unit_id=org.other_school),
                           expected_version=own.version)
    create_care_record(db, ADMIN, record_input(org, unit_id=org.other_school, person_name="李"))
    with db.session() as s:
        assert [r.person_name for r in care_page(s, school)] == ["王小明"]
        assert care_count(s, ADMIN) == 2


def test_the_setting_opens_the_register_to_everyone(db: Database, org: Org) -> None:
    with db.session() as s, pytest.raises(PermissionDenied):
        care_page(s, CLERK_NO_GRANT)
    with db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == "care.visible_by_default")
                        ).scalar_one()
        row.value = "true"
    create_care_record(db, CLERK_NO_GRANT, record_input(org))
    with db.session() as s:
        assert care_count(s, CLERK_NO_GRANT) == 1


# -- services: refusals ----------------------------------------------------------------------


def test_no_grant_can_neither_read_nor_write(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    before = count_rows(db)
    calls = [
        lambda: create_care_record(db, CLERK_NO_GRANT, record_input(org)),
        lambda: update_care_record(db, CLERK_NO_GRANT, record.id, record_input(org), 1),
        lambda: end_care_record(db, CLERK_NO_GRANT, record.id, 1),
        lambda: add_care_entry(db, CLERK_NO_GRANT, CareEntryInput(record.id, TODAY, "看望")),
        lambda: care_record_detail(db, CLERK_NO_GRANT, record.id),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as info:
            call()
        assert "联系管理员授权" in info.value.message and "录入员小李" in info.value.message
    with db.session() as s:
        for read in (care_page, care_count, care_group_counts):
            with pytest.raises(PermissionDenied):
                read(s, CLERK_NO_GRANT)  # type: ignore[operator]
    assert count_rows(db) == before


def test_no_grant_is_refused_before_validation(db: Database, org: Org) -> None:
    # Someone without the grant learns nothing about the input either.
    with pytest.raises(PermissionDenied):
        create_care_record(db, CLERK_NO_GRANT, record_input(org, person_name=""))


def test_viewer_reads_but_cannot_write(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    before = count_rows(db)
    for call in [
        lambda: create_care_record(db, VIEWER, record_input(org)),
        lambda: update_care_record(db, VIEWER, record.id, record_input(org), record.version),
        lambda: end_care_record(db, VIEWER, record.id, record.version),
        lambda: add_care_entry(db, VIEWER, CareEntryInput(record.id, TODAY, "看望")),
    ]:
        with pytest.raises(PermissionDenied, match="只能查看"):
            call()
    assert count_rows(db) == before
    assert care_record_detail(db, VIEWER, record.id).person_name == "王小明"


@pytest.mark.parametrize(("changes", "field"), [
    ({"group": ""}, "group"),
    ({"group": "orphan"}, "group"),
    ({"person_name": "  "}, "person_name"),
    ({"person_name": "名" * 51}, "person_name"),
    ({"person_role": "parent"}, "person_role"),
    ({"group": "disability", "person_role": "teacher"}, "person_role"),
    ({"gender": "未知"}, "gender"),
    ({"birth_year": 1900}, "birth_year"),
    ({"birth_year": TODAY.year + 1}, "birth_year"),
    ({"birth_year": TODAY.year - 40}, "birth_year"),  # a left-behind child is a minor
    ({"unit_id": None}, "unit_id"),
    ({"unit_id": uuid.uuid4()}, "unit_id"),
    ({"responsible_cadre_id": uuid.uuid4()}, "responsible_cadre_id"),
    ({"situation": "字" * 2001}, "situation"),
])
def test_bad_record_fields(db: Database, org: Org, changes: dict[str, object],
                           field: str) -> None:
    before = count_rows(db)
    with pytest.raises(ValidationError) as info:
        create_care_record(db, CLERK, record_input(org, **changes))
    assert [e.field for e in info.value.errors] == [field]
    assert all(e.message for e in info.value.errors)
    assert count_rows(db) == before


def test_hardship_teacher_of_any_age_is_fine(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(
        org, group="hardship", person_role="teacher", birth_year=1960, gender=""))
    assert record.person_role == "teacher"


@pytest.mark.parametrize(("entry", "field"), [
    (lambda r: CareEntryInput(r, TODAY + timedelta(days=1), "看望"), "helped_on"),
    (lambda r: CareEntryInput(r, None, "看望"), "helped_on"),
    (lambda r: CareEntryInput(r, date(1999, 1, 1), "看望"), "helped_on"),
    (lambda r: CareEntryInput(r, TODAY, " "), "help_given"),
    (lambda r: CareEntryInput(r, TODAY, "看望", uuid.uuid4()), "cadre_id"),
    (lambda r: CareEntryInput(None, TODAY, "看望"), "record_id"),
])
def test_bad_entry_fields(db: Database, org: Org, entry: object, field: str) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    before = count_rows(db)
    with pytest.raises(ValidationError) as info:
        add_care_entry(db, CLERK, entry(record.id))  # type: ignore[operator]
    assert info.value.for_field(field)
    assert count_rows(db) == before


def test_stale_update_and_missing_record(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    update_care_record(db, CLERK, record.id, record_input(org, situation="新"), record.version)
    with pytest.raises(ConflictError):
        update_care_record(db, CLERK, record.id, record_input(org), record.version)
    with pytest.raises(ConflictError):
        end_care_record(db, CLERK, record.id, record.version)
    with pytest.raises(NotFoundError):
        add_care_entry(db, CLERK, CareEntryInput(uuid.uuid4(), TODAY, "看望"))
    with pytest.raises(NotFoundError):
        care_record_detail(db, CLERK, uuid.uuid4())


def test_ended_record_takes_no_help_until_resumed(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    ended = end_care_record(db, CLERK, record.id, record.version)
    with pytest.raises(RuleError, match="已经结束"):
        add_care_entry(db, CLERK, CareEntryInput(record.id, TODAY, "看望"))
    with pytest.raises(RuleError):
        end_care_record(db, CLERK, record.id, ended.version)
    update_care_record(db, CLERK, record.id, record_input(org, active=True), ended.version)
    add_care_entry(db, CLERK, CareEntryInput(record.id, TODAY, "看望"))


# -- queries ---------------------------------------------------------------------------------


def test_viewing_writes_an_audit_view_entry(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    add_care_entry(db, CLERK, CareEntryInput(record.id, TODAY - timedelta(days=3), "送学习用品",
                                             org.cadre))
    add_care_entry(db, CLERK, CareEntryInput(record.id, TODAY, "谈心"))
    assert audit(db, "view") == []
    detail = care_record_detail(db, VIEWER, record.id)
    assert [e.help_given for e in detail.entries] == ["谈心", "送学习用品"]
    assert detail.entries[1].cadre_name == "张三" and detail.cadre_name == "张三"
    assert detail.unit_name == "第一中学" and detail.region_name == "曾都区"
    views = audit(db, "view")
    assert [(v.username, v.record_id) for v in views] == [("viewer", str(record.id))]
    assert "王小明" not in views[0].summary
    care_record_detail(db, ADMIN, record.id)
    assert len(audit(db, "view")) == 2


def test_page_filters_counts_and_keyset(db: Database, org: Org) -> None:
    ids = []
    for n in range(7):
        group = ("left_behind", "disability", "hardship")[n % 3]
        unit = org.school if n < 5 else org.other_school
        ids.append(create_care_record(db, CLERK, record_input(
            org, group=group, person_name=f"学生{n}", unit_id=unit,
            situation="听力障碍" if n == 4 else "家庭困难")).id)
    end_care_record(db, CLERK, ids[6], 1)
    add_care_entry(db, CLERK, CareEntryInput(ids[0], TODAY - timedelta(days=2), "看望"))
    add_care_entry(db, CLERK, CareEntryInput(ids[0], TODAY, "谈心"))
    with db.session() as s:
        pages, cursor = [], None
        while True:
            page = care_page(s, CLERK, before=cursor, limit=3)
            pages.append([r.person_name for r in page])
            if len(page) < 3:
                break
            cursor = page[-1].cursor
        assert pages == [["学生6", "学生5", "学生4"], ["学生3", "学生2", "学生1"], ["学生0"]]
        first = care_page(s, CLERK, CareFilter(search="学生0"))[0]
        assert (first.entries, first.last_helped_on) == (2, TODAY)
        assert first.unit_name == "第一中学" and first.cadre_name == "张三"

        def names(f: CareFilter) -> set[str]:
            return {r.person_name for r in care_page(s, CLERK, f)}

        assert names(CareFilter(group="disability")) == {"学生1", "学生4"}
        assert names(CareFilter(unit_id=org.other_school)) == {"学生5", "学生6"}
        with db.session() as s2:
            suixian = s2.execute(select(Region.id).where(Region.code == "suixian")).scalar_one()
        assert names(CareFilter(region_id=suixian)) == {"学生5", "学生6"}
        assert names(CareFilter(active=False)) == {"学生6"}
        assert names(CareFilter(search="听力")) == {"学生4"}
        assert care_count(s, CLERK, CareFilter(active=True)) == 6
        assert care_group_counts(s, CLERK) == {"disability": 2, "hardship": 2, "left_behind": 3}
        assert care_group_counts(s, CLERK, CareFilter(group="hardship", active=True)) == \
            {"disability": 2, "hardship": 2, "left_behind": 2}


def test_deleted_records_are_not_listed(db: Database, org: Org) -> None:
    record = create_care_record(db, CLERK, record_input(org))
    with db.transaction() as s:
        row = s.get(CareRecord, record.id)
        assert row is not None
        row.deleted_at = row.created_at
    with db.session() as s:
        assert care_page(s, CLERK) == [] and care_count(s, CLERK) == 0
    with pytest.raises(NotFoundError):
        care_record_detail(db, CLERK, record.id)


def test_input_is_frozen() -> None:
    data = CareRecordInput("hardship", "甲", None)
    assert replace(data, person_name="乙").person_name == "乙"
