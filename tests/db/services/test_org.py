"""Units, party branches and branch pairings."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from db.engine import Database
from db.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from db.models import BranchPairingMember, Unit
from db.services import (
    BranchInput,
    PairingInput,
    UnitInput,
    create_branch,
    create_pairing,
    create_unit,
    pairing_mode,
    update_branch,
    update_unit,
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


def test_create_unit_writes_row_site_and_audit(db: Database, org: Org) -> None:
    unit = create_unit(db, CLERK, UnitInput(" 第二中学 ", "school", org.zengdu,
                                            parent_id=org.section, address="青年路 1 号"))
    with db.session() as s:
        stored = s.get(Unit, unit.id)
    assert stored is not None
    assert (stored.name, stored.kind, stored.site, stored.version) == \
        ("第二中学", "school", "SZ", 1)
    [entry] = audit_entries(db, "unit", unit.id)
    assert entry.action == "create" and entry.username == "clerk" and entry.site == "SZ"
    assert before_after(entry)[1]["name"] == "第二中学"


def test_unit_validation_reports_every_bad_field(db: Database, org: Org) -> None:
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        create_unit(db, ADMIN, UnitInput("", "castle", None, parent_id=uuid.uuid4(),
                                         address="x" * 201, sort_order=-1))
    err = exc.value
    assert {e.field for e in err.errors} == {"name", "kind", "region_id", "parent_id",
                                             "address", "sort_order"}
    assert err.for_field("name") == ["请填写单位名称"]
    assert "单位类型" in err.for_field("kind")[0]
    assert "地址" in err.for_field("address")[0]
    assert fingerprint(db) == before


def test_unit_unknown_region_and_duplicate_name(db: Database, org: Org) -> None:
    with pytest.raises(ValidationError) as exc:
        create_unit(db, ADMIN, UnitInput("x", "school", uuid.uuid4()))
    assert [e.field for e in exc.value.errors] == ["region_id"]
    with pytest.raises(ValidationError) as exc:
        create_unit(db, ADMIN, UnitInput("第一中学", "school", org.zengdu))
    assert "已有名为“第一中学”的单位" in exc.value.for_field("name")[0]
    # The same name in another region is a different school.
    assert create_unit(db, ADMIN, UnitInput("第一中学", "school", org.suixian)).name == "第一中学"


def test_unit_permissions(db: Database, org: Org) -> None:
    before = fingerprint(db)
    for actor in (VIEWER, LEADER, org.school_actor()):
        with pytest.raises(PermissionDenied) as exc:
            create_unit(db, actor, UnitInput("新学校", "school", org.zengdu))
        assert "无权维护单位" in exc.value.message
    assert fingerprint(db) == before


def test_update_unit_audits_before_after_and_checks_version(db: Database, org: Org) -> None:
    unit = update_unit(db, CLERK, org.school, UnitInput("随州市第一中学", "school", org.zengdu), 1)
    assert unit.version == 2
    entry = audit_entries(db, "unit", org.school, "update")[0]
    old, new = before_after(entry)
    assert (old["name"], new["name"]) == ("第一中学", "随州市第一中学")
    assert (old["version"], new["version"]) == (1, 2)
    before = fingerprint(db)
    with pytest.raises(ConflictError):
        update_unit(db, CLERK, org.school, UnitInput("另一个名字", "school", org.zengdu), 1)
    assert fingerprint(db) == before


def test_update_unit_refuses_parent_loop_and_missing_unit(db: Database, org: Org) -> None:
    child = create_unit(db, ADMIN, UnitInput("分校", "school", org.zengdu, parent_id=org.school))
    with pytest.raises(ValidationError) as exc:
        update_unit(db, ADMIN, org.school,
                    UnitInput("第一中学", "school", org.zengdu, parent_id=child.id), 1)
    assert "下级单位" in exc.value.for_field("parent_id")[0]
    with pytest.raises(ValidationError):
        update_unit(db, ADMIN, org.school,
                    UnitInput("第一中学", "school", org.zengdu, parent_id=org.school), 1)
    with pytest.raises(NotFoundError):
        update_unit(db, ADMIN, uuid.uuid4(), UnitInput("x", "school", org.zengdu), 1)


def test_branch_create_update_and_refusals(db: Database, org: Org) -> None:
    branch = create_branch(db, CLERK, BranchInput("机关第三党支部", org.section))
    assert branch.site == "SZ"
    with pytest.raises(ValidationError) as exc:
        create_branch(db, CLERK, BranchInput("机关第一党支部", uuid.uuid4()))
    assert {e.field for e in exc.value.errors} == {"name", "unit_id"}
    with pytest.raises(ValidationError) as exc:
        create_branch(db, CLERK, BranchInput(" ", None))
    assert exc.value.for_field("name") == ["请填写党支部名称"]
    with pytest.raises(PermissionDenied):
        create_branch(db, VIEWER, BranchInput("另一个支部", org.section))
    renamed = update_branch(db, CLERK, branch.id, BranchInput("机关第四党支部", org.section), 1)
    assert renamed.name == "机关第四党支部" and renamed.version == 2
    old, new = before_after(audit_entries(db, "party_branch", branch.id, "update")[0])
    assert (old["name"], new["name"]) == ("机关第三党支部", "机关第四党支部")
    # Keeping its own name is not a clash.
    update_branch(db, CLERK, branch.id, BranchInput("机关第四党支部", org.school), 2)
    with pytest.raises(ConflictError):
        update_branch(db, CLERK, branch.id, BranchInput("机关第五党支部", org.section), 2)


def test_pairing_one_plus_one_and_n_plus_one(db: Database, org: Org) -> None:
    one = create_pairing(db, CLERK, PairingInput(org.community, (org.branch,), date(2022, 6, 1)))
    assert one.mode == "1+1" and len(one.members) == 1
    branch3 = create_branch(db, CLERK, BranchInput("机关第三党支部", org.section)).id
    many = create_pairing(db, CLERK, PairingInput(org.community, (org.branch2, branch3),
                                                  date(2022, 6, 1), note="共建"))
    assert many.mode == "N+1"
    assert pairing_mode(3) == "N+1" and pairing_mode(1) == "1+1"
    with db.session() as s:
        members = s.execute(select(BranchPairingMember.branch_id).where(
            BranchPairingMember.pairing_id == many.pairing.id)).scalars().all()
    assert set(members) == {org.branch2, branch3}
    # An ended pairing does not stop the same branch from pairing again.
    ended = create_pairing(db, CLERK, PairingInput(org.community, (branch3,), date(2022, 1, 1),
                                                   ended_on=date(2022, 5, 31)))
    assert ended.pairing.ended_on == date(2022, 5, 31)
    entry = audit_entries(db, "branch_pairing", many.pairing.id)[0]
    assert "N+1" in entry.summary
    assert len(audit_entries(db, "branch_pairing_member")) == 4


def test_pairing_refusals(db: Database, org: Org) -> None:
    create_pairing(db, CLERK, PairingInput(org.community, (org.branch,), date(2022, 6, 1)))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        create_pairing(db, CLERK, PairingInput(org.school, (), None, note="x" * 501))
    err = exc.value
    assert {e.field for e in err.errors} == {"community_unit_id", "branch_ids", "started_on",
                                             "note"}
    assert "社区/小区党支部" in err.for_field("community_unit_id")[0]
    cases = [
        (PairingInput(None, (org.branch,), date(2022, 6, 1)), "community_unit_id"),
        (PairingInput(uuid.uuid4(), (org.branch,), date(2022, 6, 1)), "community_unit_id"),
        (PairingInput(org.community, (org.branch, org.branch), date(2022, 6, 1)), "branch_ids"),
        (PairingInput(org.community, (uuid.uuid4(),), date(2022, 6, 1)), "branch_ids"),
        (PairingInput(org.community, (org.community_branch,), date(2022, 6, 1)), "branch_ids"),
        (PairingInput(org.community, (org.branch2,), date(2022, 6, 1), ended_on=date(2022, 5, 1)),
         "ended_on"),
        (PairingInput(org.community, (org.branch2, org.branch), date(2022, 7, 1)), "branch_ids"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as exc:
            create_pairing(db, CLERK, data)
        assert [e.field for e in exc.value.errors] == [field], data
    with pytest.raises(PermissionDenied):
        create_pairing(db, LEADER, PairingInput(org.community, (org.branch2,), date(2022, 6, 1)))
    assert fingerprint(db) == before


def test_concurrent_save_between_read_and_write_is_a_conflict(
        db: Database, org: Org, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another clerk saves after this service checked the version but before it wrote: the
    version column makes the UPDATE miss, and the clerk gets a ConflictError, not a lost save."""
    import sqlite3

    from db.services import org as org_module

    real_check = org_module.check_version

    def check_then_other_clerk_saves(record: object, expected: int, label: str) -> None:
        real_check(record, expected, label)  # type: ignore[arg-type]
        assert db.path is not None
        other = sqlite3.connect(db.path)
        other.execute("UPDATE unit SET name = '别人改的', version = version + 1 WHERE id = ?",
                      (org.school.hex,))
        other.commit()
        other.close()

    monkeypatch.setattr(org_module, "check_version", check_then_other_clerk_saves)
    with pytest.raises(ConflictError):
        update_unit(db, CLERK, org.school, UnitInput("我改的", "school", org.zengdu), 1)
    with db.session() as s:
        stored = s.get(Unit, org.school)
    assert stored is not None and (stored.name, stored.version) == ("别人改的", 2)
    assert audit_entries(db, "unit", org.school, "update") == []
