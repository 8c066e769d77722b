"""Templates: the layout a clerk sees, and the round trip template → filled rows → database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from db.engine import Database
from db.excel import apply_import, plan_import, spec_for, write_template
from db.excel.columns import KINDS
from db.models import Assignment, Cadre, Problem, Unit, Visit, VisitActivity, VisitCadre
from tests.excel.conftest import CLERK, Org

YESTERDAY = date.today() - timedelta(days=1)


def _fill(path: Path, rows: list[dict[str, object]]) -> None:
    """Type rows into a template under its header, by header label (as a clerk would)."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    labels = [c.value for c in ws[1]]
    for r, row in enumerate(rows, start=2):
        for label, value in row.items():
            ws.cell(row=r, column=labels.index(label) + 1, value=value)
    wb.save(path)


def test_template_layout(tmp_path: Path, db: Database) -> None:
    for kind, spec in KINDS.items():
        with db.session() as s:
            path = write_template(kind, tmp_path / f"{kind}.xlsx", s)
        wb = load_workbook(path)
        assert wb.sheetnames == [spec.title, "说明", "选项列表"]
        ws = wb[spec.title]
        assert [c.value for c in ws[1]] == [c.label for c in spec.template_columns]
        assert all(c.font.bold for c in ws[1])
        assert ws.freeze_panes == "A2"
        assert wb["选项列表"].sheet_state == "hidden"
        guide = [row for row in wb["说明"].iter_rows(values_only=True)]
        for c in spec.template_columns:
            assert c.label in [row[0] for row in guide]
        labels, example = guide[-2], guide[-1]  # the example row under its header
        assert list(labels[:len(spec.template_columns)]) == [
            c.label for c in spec.template_columns]
        assert any(example)
        validated = {str(dv.sqref).split(":")[0].rstrip("0123456789")
                     for dv in ws.data_validations.dataValidation}
        for i, c in enumerate(spec.template_columns):
            letter = chr(65 + i)
            if c.vocab is not None or c.ref is not None:
                assert letter in validated, (kind, c.label)


def test_vocabulary_dropdown_lists_chinese_labels(tmp_path: Path) -> None:
    path = write_template("visits", tmp_path / "v.xlsx")  # no session: vocabularies only
    wb = load_workbook(path)
    lists = wb["选项列表"]
    columns = {lists.cell(row=1, column=c).value: c for c in range(1, lists.max_column + 1)}
    method_col = columns["走访方式"]
    values = [lists.cell(row=r, column=method_col).value for r in range(2, 7)]
    assert values == ["实地走访", "蹲点体验", "交流谈心", "调研座谈", "明察暗访"]
    assert "参加干部" not in columns  # the names come only with a session
    dv = next(dv for dv in wb["走访登记"].data_validations.dataValidation
              if "'选项列表'" in dv.formula1 and f"${chr(64 + method_col)}$" in dv.formula1)
    assert dv.showErrorMessage


def test_round_trip_every_kind(tmp_path: Path, db: Database, org: Org) -> None:
    day = YESTERDAY.isoformat()
    filled = {
        "units": [{"单位名称": "新建小学", "单位类型": "中小学校", "所属区域": "随县",
                   "地址": "随县某镇"}],
        "cadres": [{"姓名": "孙七", "所在单位": "曾都区第一中学", "人员层级": "党组织书记",
                    "职务": "书记", "联系电话": "13800001111", "性别": "女"}],
        "assignments": [{"干部": "张三", "联系单位": "东城社区", "联系类型": "双报到社区",
                         "开始日期": day}],
        "visits": [{"走访日期": day, "参加干部": "张三、李四", "走访单位": "曾都区第一中学",
                    "走访方式": "明察暗访", "活动内容": "暗访食堂餐饮、走访学生宿舍",
                    "走访学生人数": 12, "走访内容": "暗访食堂", "发现的情况": "食堂饭菜偏贵",
                    "已向党组织报告": "是"}],
        "problems": [{"反映日期": day, "来源渠道": "信访上访", "反映人类型": "家长",
                      "涉及单位": "曾都区第一中学", "问题领域": "食堂",
                      "问题类别": "管理服务类（食宿交通）", "问题描述": "食堂饭菜价格偏高",
                      "群众反映强烈": "是", "收集干部": "李四"}],
    }
    for kind, rows in filled.items():
        with db.session() as s:
            path = write_template(kind, tmp_path / f"{kind}.xlsx", s)
        _fill(path, rows)
        plan = plan_import(db, kind, path)
        assert plan.errors == [], [str(e) for e in plan.errors]
        assert len(plan.to_add) == 1, kind
        result = apply_import(db, CLERK, plan)
        assert result.added == 1, spec_for(kind).title

    with db.session() as s:
        unit = s.execute(select(Unit).where(Unit.name == "新建小学")).scalar_one()
        assert (unit.kind, unit.region_id, unit.address) == ("school", org.suixian, "随县某镇")
        cadre = s.execute(select(Cadre).where(Cadre.name == "孙七")).scalar_one()
        assert (cadre.tier, cadre.unit_id, cadre.phone, cadre.gender, cadre.name_initials) == (
            "branch_secretary", org.school, "13800001111", "女", "sq")
        a = s.execute(select(Assignment).where(Assignment.cadre_id == org.zhang)).scalar_one()
        assert (a.kind, a.unit_id, a.started_on) == ("community", org.community, YESTERDAY)
        v = s.execute(select(Visit)).scalar_one()
        assert (v.method, v.unit_id, v.students_met, v.reported_to_branch) == (
            "inspection", org.school, 12, True)
        assert v.number == f"SZ-ZF{YESTERDAY.year}-00001"
        assert set(s.execute(select(VisitCadre.cadre_id)).scalars()) == {org.zhang, org.li}
        assert set(s.execute(select(VisitActivity.activity)).scalars()) == {
            "canteen", "dormitory"}
        p = s.execute(select(Problem)).scalar_one()
        assert (p.source_channel, p.reporter_type, p.area, p.category, p.strongly_reported,
                p.collected_by_id, p.region_id, p.status) == (
            "petition", "parent", "canteen", "management_service", True, org.li, org.zengdu,
            "open")
        assert p.number == f"SZ-WT{YESTERDAY.year}-00001"
