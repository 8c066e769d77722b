"""Cadres (with pinyin initials and phone checks) and assignments."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from db.models import Assignment, Cadre
from db.services import (
    AssignmentInput,
    CadreInput,
    add_assignment,
    change_assignment,
    create_cadre,
    end_assignment,
    name_initials,
    update_cadre,
)
from db.services.people import normalize_phone
from tests.db.services.conftest import (
    CLERK,
    LEADER,
    VIEWER,
    Org,
    audit_entries,
    before_after,
    fingerprint,
)


@pytest.mark.parametrize("name, initials", [
    ("张三", "zs"), ("曾国藩", "zgf"), ("单田芳", "stf"), ("解缙", "xj"), ("仇英", "qy"),
    ("区志明", "ozm"), ("朴槿惠", "pjh"), ("查良镛", "zly"), ("翟天临", "ztl"),
    ("尉迟恭", "ycg"), ("欧阳修", "oyx"), ("李长江", "lcj"), ("阿依古丽·买买提", "ayglmmt"),
    ("Tom 李", "toml"), ("曾", "z"),
])
def test_name_initials(name: str, initials: str) -> None:
    assert name_initials(name) == initials


@pytest.mark.parametrize("phone, ok", [
    ("13912345678", "13912345678"), ("139 1234 5678", "13912345678"),
    ("0722-1234567", "0722-1234567"), ("027-87654321", "027-87654321"), ("", ""),
    ("12912345678", None), ("1391234567", None), ("139123456789", None), ("0722-12345", None),
    ("abc", None), ("722-1234567", None),
])
def test_phone_formats(phone: str, ok: str | None) -> None:
    assert normalize_phone(phone) == ok


def test_create_cadre_keeps_initials_and_audits(db: Database, org: Org) -> None:
    cadre = create_cadre(db, CLERK, CadreInput(" 曾小明 ", "unit_leader", org.school, org.branch,
                                               "校长", "0722-1234567", "男"))
    with db.session() as s:
        stored = s.get(Cadre, cadre.id)
    assert stored is not None
    assert (stored.name, stored.name_initials, stored.phone, stored.site) == \
        ("曾小明", "zxm", "0722-1234567", "SZ")
    [entry] = audit_entries(db, "cadre", cadre.id)
    assert entry.action == "create" and before_after(entry)[1]["name_initials"] == "zxm"


def test_cadre_validation_every_field(db: Database, org: Org) -> None:
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        create_cadre(db, CLERK, CadreInput("", "boss", None, uuid.uuid4(), "p" * 101,
                                           "12345", "未知"))
    err = exc.value
    assert {e.field for e in err.errors} == {"name", "tier", "unit_id", "branch_id",
                                             "position", "phone", "gender"}
    assert err.for_field("name") == ["请填写姓名"]
    assert "联系电话格式不对" in err.for_field("phone")[0]
    assert "人员层级" in err.for_field("tier")[0]
    with pytest.raises(ValidationError) as exc:
        create_cadre(db, CLERK, CadreInput("赵六", "cadre", uuid.uuid4()))
    assert [e.field for e in exc.value.errors] == ["unit_id"]
    assert fingerprint(db) == before


def test_cadre_permissions(db: Database, org: Org) -> None:
    before = fingerprint(db)
    for actor in (VIEWER, LEADER, org.school_actor()):
        with pytest.raises(PermissionDenied):
            create_cadre(db, actor, CadreInput("赵六", "cadre", org.school))
    assert fingerprint(db) == before


def test_update_cadre_renames_initials_and_conflicts(db: Database, org: Org) -> None:
    cadre = update_cadre(db, CLERK, org.zhang,
                         CadreInput("单雄信", "cadre", org.section, None, "", "", active=False), 1)
    assert cadre.name_initials == "sxx" and not cadre.active and cadre.version == 2
    old, new = before_after(audit_entries(db, "cadre", org.zhang, "update")[0])
    assert (old["name_initials"], new["name_initials"]) == ("zs", "sxx")
    assert (old["phone"], new["phone"]) == ("13912345678", "")
    with pytest.raises(ConflictError):
        update_cadre(db, CLERK, org.zhang, CadreInput("张三", "cadre", org.section), 1)
    with pytest.raises(NotFoundError):
        update_cadre(db, CLERK, uuid.uuid4(), CadreInput("张三", "cadre", org.section), 1)


@pytest.mark.parametrize("kind, unit_attr, ok", [
    ("community", "community", True), ("community", "school", False),
    ("village", "village", True), ("village", "community", False),
    ("weak_school", "school", True), ("weak_school", "kindergarten", True),
    ("weak_school", "enterprise", False), ("enterprise", "enterprise", True),
    ("enterprise", "village", False), ("contact_point", "school", True),
    ("hardship_group", "kindergarten", True),
])
def test_assignment_unit_kind_must_fit(db: Database, org: Org, kind: str, unit_attr: str,
                                       ok: bool) -> None:
    data = AssignmentInput(org.zhang, getattr(org, unit_attr), kind, date(2022, 6, 1))
    if ok:
        assert add_assignment(db, CLERK, data).kind == kind
    else:
        with pytest.raises(ValidationError) as exc:
            add_assignment(db, CLERK, data)
        assert [e.field for e in exc.value.errors] == ["unit_id"]
        assert "联系单位必须是" in exc.value.errors[0].message


def test_assignment_refusals(db: Database, org: Org) -> None:
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        add_assignment(db, CLERK, AssignmentInput(uuid.uuid4(), uuid.uuid4(), "friend", None,
                                                  note="n" * 501))
    assert {e.field for e in exc.value.errors} == {"cadre_id", "unit_id", "kind", "started_on",
                                                   "note"}
    with pytest.raises(ValidationError) as exc:
        add_assignment(db, CLERK, AssignmentInput(None, None, "village", date(2022, 6, 1),
                                                  date(2022, 5, 31)))
    assert {e.field for e in exc.value.errors} == {"cadre_id", "unit_id", "ended_on"}
    assert exc.value.for_field("ended_on") == ["结束日期不能早于开始日期"]
    with pytest.raises(PermissionDenied):
        add_assignment(db, VIEWER, AssignmentInput(org.zhang, org.school, "contact_point",
                                                   date(2022, 6, 1)))
    assert fingerprint(db) == before


def test_change_and_end_assignment(db: Database, org: Org) -> None:
    a = add_assignment(db, CLERK, AssignmentInput(org.li, org.school, "contact_point",
                                                  date(2022, 6, 1)))
    changed = change_assignment(db, CLERK, a.id, AssignmentInput(
        org.li, org.kindergarten, "weak_school", date(2022, 6, 2)), 1)
    assert (changed.kind, changed.unit_id, changed.version) == ("weak_school", org.kindergarten, 2)
    with pytest.raises(ConflictError):
        end_assignment(db, CLERK, a.id, date(2022, 12, 31), 1)
    with pytest.raises(ValidationError) as exc:
        end_assignment(db, CLERK, a.id, date(2022, 6, 1), 2)
    assert "不能早于开始日期" in exc.value.for_field("ended_on")[0]
    with pytest.raises(ValidationError):
        end_assignment(db, CLERK, a.id, None, 2)
    with pytest.raises(PermissionDenied):
        end_assignment(db, LEADER, a.id, date(2022, 12, 31), 2)
    ended = end_assignment(db, CLERK, a.id, date(2022, 12, 31), 2)
    assert ended.ended_on == date(2022, 12, 31)
    with db.session() as s:
        stored = s.get(Assignment, a.id)
    assert stored is not None and stored.ended_on == date(2022, 12, 31) and stored.version == 3
    actions = [e.action for e in audit_entries(db, "assignment", a.id)]
    assert actions == ["create", "update", "update"]
    old, new = before_after(audit_entries(db, "assignment", a.id)[-1])
    assert (old["ended_on"], new["ended_on"]) == (None, "2022-12-31")
