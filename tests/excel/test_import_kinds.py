"""Units, cadres, assignments and problems: duplicates recognised, updates planned and applied,
the services' rules applied to every row."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, update

from db.audit import Actor
from db.engine import Database
from db.errors import ConflictError, PermissionDenied
from db.excel import apply_import, plan_import
from db.models import AuditEntry, Cadre, Problem, Unit
from tests.excel.conftest import CLERK, Org, assert_index_matches, fingerprint, write_sheet


def test_units_duplicates_and_updates(db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "u.xlsx", ["单位名称（必填）", "类型", "区域", "地址"], [
        ["曾都区第一中学", "中小学校", "曾都区", "青年路1号"],  # stored: address added
        ["实验小学", "school", "随县", ""],  # stored, nothing new
        ["新  农村", "乡村振兴村", "suixian", ""],  # new (the region by its code)
        ["新农村", "乡村振兴村", "随县", ""],  # the same as the row above
        ["某单位", "学校", "曾都区", ""],  # not a unit type
        ["某单位", "企业", "", ""],  # no region
    ])
    plan = plan_import(db, "units", path)
    assert [(e.row, e.column) for e in plan.errors] == [(6, "类型"), (7, "区域")]
    assert "请填写以下之一：机关科室、直属单位" in plan.errors[0].message
    assert "请填写所属区域，可填：曾都区、随县" in plan.errors[1].message


def test_units_apply(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "u.xlsx", ["单位名称", "单位类型", "所属区域", "地址"], [
        ["曾都区第一中学", "中小学校", "曾都区", "青年路1号"],
        ["实验小学", "中小学校", "随县", ""],
        ["新农村", "乡村振兴村", "随县", ""],
    ])
    plan = plan_import(db, "units", path)
    assert [c.changes for c in plan.to_change] == [{"address": ("", "青年路1号")}]
    assert [r.row for r in plan.to_add] == [4] and [d.row for d in plan.duplicates] == [3]
    result = apply_import(db, CLERK, plan)
    assert (result.added, result.changed, result.skipped) == (1, 1, 1)
    with db.session() as s:
        school = s.get(Unit, org.school)
        assert school is not None and (school.address, school.version) == ("青年路1号", 2)
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == "import")).scalar_one()
    updates = json.loads(entry.after)["updates"]
    assert updates == [{"id": str(org.school), "row": 2, "before": {"address": ""},
                        "after": {"address": "青年路1号"}}]
    before = fingerprint(db)
    assert plan_import(db, "units", path).is_noop
    apply_import(db, CLERK, plan_import(db, "units", path))
    assert fingerprint(db) == before


def test_cadres_by_name_and_unit_or_phone(db: Database, org: Org, tmp_path: Path) -> None:
    header = ["姓名", "单位", "区域", "层级", "职务", "手机号", "性别", "党支部"]
    path = write_sheet(tmp_path / "c.xlsx", header, [
        ["张三", "教育局机关", "", "党员干部", "副科长", "", "", "机关第一党支部"],  # update
        ["张三", "曾都区第一中学", "", "党员干部", "", "１３９１２３４５６７８", "", ""],  # moved
        ["李四", "教育局机关", "", "局领导班子成员", "", "", "", ""],  # stored, unchanged
        ["周九", "教育局机关", "", "党员干部", "", "13912345678", "", ""],  # phone taken
        ["吴十", "教育局机关", "", "党员干部", "", "12345", "男的", "无此支部"],
        ["郑一", "东城社区", "", "党员干部", "", "0722-1234567", "男", ""],  # new
    ])
    plan = plan_import(db, "cadres", path)
    errors = {(e.row, e.column): e.message for e in plan.errors}
    assert set(errors) == {(5, "手机号"), (6, "手机号"), (6, "性别"), (6, "党支部")}
    assert errors[(5, "手机号")] == "与第 3 行的“张三”联系电话相同，请检查"
    assert "11 位手机号" in errors[(6, "手机号")]
    # Row 2 (name+unit) and row 3 (name+phone, another unit: moved) both are 张三.
    changes = {c.row: c.changes for c in plan.to_change}
    assert changes[2] == {"position": ("科员", "副科长"), "branch_id": (None, org.branch)}
    assert changes[3] == {"unit_id": (org.section, org.school)}


def test_cadre_update_applies_with_version_check(db: Database, org: Org, tmp_path: Path
                                                 ) -> None:
    path = write_sheet(tmp_path / "c.xlsx", ["姓名", "所在单位", "人员层级", "职务"], [
        ["张三", "教育局机关", "党组织书记", "书记"], ["钱二", "东城社区", "党员干部", ""]])
    plan = plan_import(db, "cadres", path)
    assert len(plan.to_change) == 1 and len(plan.to_add) == 1
    with db.transaction() as s:  # another clerk saves 张三 meanwhile
        s.execute(update(Cadre).where(Cadre.id == org.zhang).values(version=Cadre.version + 1))
    before = fingerprint(db)
    with pytest.raises(ConflictError):
        apply_import(db, CLERK, plan)
    assert fingerprint(db) == before
    result = apply_import(db, CLERK, plan_import(db, "cadres", path))
    assert (result.added, result.changed) == (1, 1)
    with db.session() as s:
        zhang = s.get(Cadre, org.zhang)
        assert zhang is not None and (zhang.tier, zhang.position) == ("branch_secretary", "书记")
        assert s.execute(select(Cadre.name_initials).where(Cadre.name == "钱二")).scalar() == "qe"


def test_assignments(db: Database, org: Org, tmp_path: Path) -> None:
    header = ["干部", "联系单位", "所属区域", "联系类型", "开始日期", "结束日期", "备注"]
    path = write_sheet(tmp_path / "a.xlsx", header, [
        ["张三", "东城社区", "", "双报到社区", "2025-05-20", "", ""],
        ["王五（教育局机关）", "实验小学", "随县", "基层联系点", date(2025, 5, 20), "", "x"],
        ["李四", "曾都区第一中学", "", "双报到社区", "2025-05-20", "", ""],  # not a community
        ["李四", "东城社区", "", "双报到社区", "2025-05-20", "2025-05-01", ""],  # ends before
    ])
    plan = plan_import(db, "assignments", path)
    errors = {(e.row, e.column): e.message for e in plan.errors}
    assert set(errors) == {(4, "联系单位"), (5, "结束日期")}
    assert "联系单位必须是“社区/小区党支部”" in errors[(4, "联系单位")]
    assert errors[(5, "结束日期")] == "结束日期不能早于开始日期"
    ok = write_sheet(tmp_path / "ok.xlsx", header, [
        ["张三", "东城社区", "", "双报到社区", "2025-05-20", "", ""],
        ["王五（教育局机关）", "实验小学", "随县", "基层联系点", date(2025, 5, 20), "", "x"]])
    assert apply_import(db, CLERK, plan_import(db, "assignments", ok)).added == 2
    ended = write_sheet(tmp_path / "end.xlsx", header, [
        ["张三", "东城社区", "", "双报到社区", "2025-05-20", "2025-12-31", ""]])
    plan = plan_import(db, "assignments", ended)
    assert [c.changes for c in plan.to_change] == [{"ended_on": (None, date(2025, 12, 31))}]


def test_problems(db: Database, org: Org, tmp_path: Path) -> None:
    header = ["日期", "来源", "反映人身份", "反映人", "电话", "涉及单位", "所属区域", "领域",
              "类别", "问题描述", "反映强烈", "收集人"]
    rows = [
        ["2025-06-03", "信访", "家长", "王某", 13800000000, "曾都区第一中学", "", "食堂",
         "管理服务类", "食堂饭菜价格偏高", "是", "张三"],
        ["2025-06-03", "线上", "群众", "", "", "", "随县", "招考", "社会公平类（招生考试）",
         "招生信息公开不及时", "", ""],
        ["2025-06-04", "线下", "学生", "", "", "", "", "安全", "风险隐患类", "校门口交通拥堵",
         "", ""],  # neither unit nor region
        ["2025-06-04", "线下", "学生", "", "", "曾都区第一中学", "随县", "安全", "风险隐患类",
         "x", "也许", ""],  # the unit is not in 随县; not yes/no
    ]
    path = write_sheet(tmp_path / "p.xlsx", header, rows)
    plan = plan_import(db, "problems", path)
    errors = {(e.row, e.column): e.message for e in plan.errors}
    assert set(errors) == {(4, "所属区域"), (5, "涉及单位"), (5, "反映强烈")}
    assert errors[(4, "所属区域")] == "没有涉及单位时请填写所属区域"
    assert "“随县”没有名为“曾都区第一中学”的单位" in errors[(5, "涉及单位")]
    good = write_sheet(tmp_path / "good.xlsx", header, rows[:2])
    result = apply_import(db, CLERK, plan_import(db, "problems", good))
    assert result.added == 2 and result.numbers == ["SZ-WT2025-00001", "SZ-WT2025-00002"]
    with db.session() as s:
        p1, p2 = s.execute(select(Problem).order_by(Problem.sort_key)).scalars()
    assert (p1.source_channel, p1.reporter_phone, p1.strongly_reported, p1.collected_by_id,
            p1.category) == ("petition", "13800000000", True, org.zhang, "management_service")
    assert (p2.unit_id, p2.region_id, p2.category) == (None, org.suixian, "fairness")
    assert p2.sort_key == p1.sort_key + 1
    assert_index_matches(db)
    assert plan_import(db, "problems", good).is_noop


def test_permissions_are_the_services(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "u.xlsx", ["单位名称", "单位类型", "所属区域"],
                       [["新学校", "中小学校", "曾都区"]])
    before = fingerprint(db)
    with pytest.raises(PermissionDenied):
        apply_import(db, Actor("v", "viewer"), plan_import(db, "units", path))
    visits = write_sheet(tmp_path / "v.xlsx", ["走访日期", "参加干部", "走访单位", "走访方式"],
                         [["2025-06-03", "张三", "曾都区第一中学", "实地走访"],
                          ["2025-06-03", "张三", "东城社区", "实地走访"]])
    school_user = Actor("s", "school", "一中", unit_id=org.school)
    with pytest.raises(PermissionDenied):  # one row is another unit's
        apply_import(db, school_user, plan_import(db, "visits", visits))
    assert fingerprint(db) == before
