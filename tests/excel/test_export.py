"""Exports: typed cells any spreadsheet reads, and each kind re-importing as a no-op."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from db.engine import Database
from db.excel import ExportColumn, apply_import, export_kind, export_rows, plan_import
from db.excel.columns import KINDS
from tests.conftest import require_tool
from tests.excel.conftest import CLERK, Org, fingerprint, write_sheet


def test_export_rows_typed_cells(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    rows = [[date(2022, 6, 3), 12, "张三", 1.5, None, datetime(2022, 6, 3, 8, 30), True],
            [date(2022, 6, 4), 0, "  前后有空格 ", -2.0, "", None, False],
            [None, None, "<&>\x01", None, None, None, None]]
    n = export_rows(path, ["日期", "人数", ExportColumn("姓名", 30), "分数", "空", "时间", "是"],
                    rows, sheet_name="走访/统计")
    assert n == 3
    wb = load_workbook(path)
    ws = wb.active
    assert ws is not None and ws.title == "走访_统计" and ws.freeze_panes == "A2"
    assert [c.value for c in ws[1]] == ["日期", "人数", "姓名", "分数", "空", "时间", "是"]
    assert ws[1][0].font.b
    a2 = ws["A2"]
    assert a2.value == datetime(2022, 6, 3) and a2.number_format == "yyyy\\-mm\\-dd"
    assert (ws["B2"].value, ws["C2"].value, ws["D2"].value, ws["F2"].value) == (
        12, "张三", 1.5, datetime(2022, 6, 3, 8, 30))
    assert (ws["C3"].value, ws["E3"].value, ws["G3"].value) == ("  前后有空格 ", None, False)
    assert ws["C4"].value == "<&>"  # control characters are not allowed in xlsx
    assert ws.column_dimensions["C"].width == 30
    assert ws.column_dimensions["A"].width >= 10
    cal = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert cal[1][:4] == [date(2022, 6, 3), 12.0, "张三", 1.5]


def test_export_is_readable_by_libreoffice(tmp_path: Path) -> None:
    exe = require_tool("soffice", "libreoffice", package="libreoffice-calc-nogui")
    path = tmp_path / "t.xlsx"
    export_rows(path, ["日期", "单位"], [[date(2022, 6, 3), "第一中学"]])
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir",
                    str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines() == [
        '"日期","单位"', '2022-06-03,"第一中学"']  # text quoted, the date formatted


def _fill_everything(db: Database, tmp_path: Path) -> None:
    sheets = {
        "units": (["单位名称", "单位类型", "所属区域", "地址"],
                  [["新农村", "乡村振兴村", "随县", "某镇"]]),
        "cadres": (["姓名", "所在单位", "人员层级", "职务", "联系电话", "所在党支部"],
                   [["孙七", "曾都区第一中学", "党组织书记", "书记", "0722-1234567",
                     "机关第一党支部"]]),
        "assignments": (["干部", "联系单位", "所属区域", "联系类型", "开始日期", "备注"],
                        [["王五（曾都区第一中学）", "实验小学", "随县", "基层联系点",
                          "2025-05-20", "每月一次"], ["张三", "新农村", "", "帮扶乡村振兴村",
                                                      "2025-05-21", ""]]),
        "visits": (["走访日期", "参加干部", "走访单位", "所属区域", "走访方式", "活动内容",
                    "走访学生人数", "走访内容", "交流对象", "发现的情况", "已向党组织报告"],
                   [["2025-06-03", "王五（教育局机关）、张三", "实验小学", "曾都区", "明察暗访",
                     "走访学生宿舍、暗访食堂餐饮", 3, "暗访", "学生", "食堂偏贵", "是"],
                    ["2025-06-03", "李四", "东城社区", "", "交流谈心", "", "", "谈心", "", "",
                     ""]]),
        "problems": (["反映日期", "来源渠道", "反映人类型", "反映人姓名", "反映人电话", "涉及单位",
                      "所属区域", "问题领域", "问题类别", "问题描述", "群众反映强烈", "收集干部"],
                     [["2025-06-03", "线上", "群众", "", "", "", "随县", "招考", "社会公平类",
                       "招生信息公开不及时", "", ""],
                      ["2025-06-04", "走访", "家长", "王某", "13800000000", "实验小学", "随县",
                       "食堂", "管理服务类", "食堂饭菜偏贵", "是", "王五（曾都区第一中学）"]]),
    }
    for kind, (header, rows) in sheets.items():
        path = write_sheet(tmp_path / f"in-{kind}.xlsx", header, rows)
        plan = plan_import(db, kind, path)
        assert plan.errors == [], [str(e) for e in plan.errors]
        apply_import(db, CLERK, plan)


def test_export_then_import_is_a_noop(db: Database, org: Org, tmp_path: Path) -> None:
    _fill_everything(db, tmp_path)
    before = fingerprint(db)
    for kind, spec in KINDS.items():
        path = tmp_path / f"out-{kind}.xlsx"
        with db.session() as s:
            count = export_kind(s, kind, path)
        assert count > 0
        wb = load_workbook(path, read_only=True)
        header = next(wb.worksheets[0].iter_rows(max_row=1, values_only=True))
        assert list(header) == [c.label for c in spec.columns]
        plan = plan_import(db, kind, path)
        assert plan.errors == [], (kind, [str(e) for e in plan.errors])
        assert plan.is_noop, (kind, plan.to_add, plan.to_change)
        assert len(plan.duplicates) == count
        apply_import(db, CLERK, plan)
    assert fingerprint(db) == before


def test_export_filters_and_personal_data(db: Database, org: Org, tmp_path: Path) -> None:
    _fill_everything(db, tmp_path)
    path = tmp_path / "p.xlsx"
    with db.session() as s:
        assert export_kind(s, "problems", path, {"date_from": date(2025, 6, 4)},
                           personal=False) == 1
        assert export_kind(s, "visits", tmp_path / "v.xlsx", {"unit_id": org.community}) == 1
    ws = load_workbook(path).active
    assert ws is not None
    row = {h.value: c.value for h, c in zip(ws[1], ws[2], strict=True)}
    assert (row["问题描述"], row["反映人姓名"], row["反映人电话"]) == ("食堂饭菜偏贵", None, None)
    assert row["问题编号"] == "SZ-WT2025-00002" and row["收集干部"] == "王五（曾都区第一中学）"
