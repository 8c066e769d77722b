"""The areas, categories and source channels a bureau added in the settings, in Excel: the
template's drop-downs and guide offer them, an import by label stores their codes, an export
writes their labels and reads back as nothing new."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from sqlalchemy import select

from db.engine import Database
from db.excel import apply_import, export_kind, plan_import, write_template
from db.models import Problem
from tests.added_terms import AREA, CATEGORY, CHANNEL, add_terms
from tests.excel.conftest import CLERK, Org, fingerprint, write_sheet

HEADER = ["日期", "来源", "反映人身份", "涉及单位", "领域", "类别", "问题描述"]
# The category by its short form (without the bracketed part), as clerks write it.
ROW = ["2025-06-03", "12345热线", "家长", "曾都区第一中学", "心理健康", "家校共育类",
       "学生心理辅导老师不足"]


def test_template_drop_downs_offer_added_terms(db: Database, tmp_path: Path) -> None:
    add_terms(db)
    with db.session() as s:
        path = write_template("problems", tmp_path / "problems.xlsx", s)
    wb = load_workbook(path)
    lists = wb["选项列表"]
    columns = {lists.cell(row=1, column=c).value: c for c in range(1, lists.max_column + 1)}
    for header, term in (("问题领域", AREA), ("问题类别", CATEGORY), ("来源渠道", CHANNEL)):
        col = columns[header]
        values = [lists.cell(row=r, column=col).value for r in range(2, lists.max_row + 1)]
        values = [v for v in values if v]
        assert values[-1] == term.zh, header  # after the fixed terms
        letter = chr(64 + col)
        # The drop-down's range reaches the added term (the list is not cut at the fixed ones).
        dv = next(dv for dv in wb["问题清单"].data_validations.dataValidation
                  if f"'选项列表'!${letter}$" in dv.formula1)
        assert dv.formula1.endswith(f"${letter}${len(values) + 1}"), dv.formula1
    guide = {row[0]: row[4] for row in wb["说明"].iter_rows(values_only=True) if row and row[0]}
    assert "心理健康" in guide["问题领域"] and "12345热线" in guide["来源渠道"]


def test_import_by_label_stores_the_added_codes(db: Database, org: Org, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "p.xlsx", HEADER, [ROW])
    # Before the bureau adds them, the labels are refused, each with the choices listed.
    plan = plan_import(db, "problems", path)
    errors = {e.column: e.message for e in plan.errors}
    assert set(errors) == {"来源", "领域", "类别"}
    assert "心理健康" in errors["领域"] and "食堂" in errors["领域"]
    before = fingerprint(db)
    add_terms(db)
    assert fingerprint(db) != before
    plan = plan_import(db, "problems", path)
    assert plan.errors == [], [str(e) for e in plan.errors]
    result = apply_import(db, CLERK, plan)
    assert result.added == 1
    with db.session() as s:
        p = s.execute(select(Problem)).scalar_one()
    assert (p.source_channel, p.area, p.category, p.unit_id) == ("x_1", "x_1", "x_1", org.school)

    # The export writes the bureau's labels, and reading it back adds nothing.
    out = tmp_path / "out.xlsx"
    with db.session() as s:
        assert export_kind(s, "problems", out) == 1
    ws = load_workbook(out, read_only=True).worksheets[0]
    header, row = list(ws.iter_rows(max_row=2, values_only=True))
    exported = dict(zip(header, row, strict=True))
    assert (exported["来源渠道"], exported["问题领域"], exported["问题类别"]) == (
        CHANNEL.zh, AREA.zh, CATEGORY.zh)
    again = plan_import(db, "problems", out)
    assert again.errors == [] and again.is_noop
