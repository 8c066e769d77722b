"""Import templates: a data sheet with a bold frozen header row and drop-downs, a 说明 sheet
(what each column means, allowed values, date formats, an example) and a hidden sheet holding
the drop-down lists (Excel limits a list typed into a validation to 255 characters)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from sqlmodel import Session

from db.excel.cells import DATE_FORMATS_HINT
from db.excel.columns import (
    BOOL,
    DATE,
    INT,
    MULTI,
    PHONE,
    REF_BRANCH,
    REF_CADRE,
    REF_REGION,
    REF_UNIT,
    Column,
    column_vocab,
    spec_for,
)
from db.excel.lookups import Lookups
from db.excel.xlsx_writer import column_letter
from db.vocab_extra import FIXED

LISTS_SHEET = "选项列表"
VALIDATION_ROWS = 5000  # drop-downs on this many rows below the header
_TYPE_NAMES = {DATE: "日期", INT: "整数", BOOL: "是/否", MULTI: "可填多项", PHONE: "电话号码"}


def _allowed(column: Column, lookups: Lookups | None) -> list[str]:
    """The values a drop-down offers for *column* (empty: no drop-down)."""
    vocab = column_vocab(column, lookups.vocabs if lookups is not None else FIXED)
    if vocab is not None:
        return vocab.labels()
    if column.type == BOOL:
        return ["是", "否"]
    if lookups is None:
        return []
    if column.ref == REF_REGION:
        return lookups.region_names()
    if column.ref == REF_UNIT:
        return lookups.unit_names()
    if column.ref == REF_CADRE:
        return lookups.cadre_labels()
    if column.ref == REF_BRANCH:
        return lookups.branch_names()
    return []


def write_template(kind: str, path: Path, session: Session | None = None) -> Path:
    """Write the import template of *kind*; with a *session*, the unit, region and cadre
    columns get drop-downs of the stored names and the vocabulary drop-downs the terms the
    bureau added in the settings."""
    spec = spec_for(kind)
    lookups = Lookups(session) if session is not None else None
    columns = spec.template_columns
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = spec.title
    guide = wb.create_sheet("说明")
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"

    required_fill = PatternFill("solid", fgColor="FCE4D6")
    for i, c in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=i, value=c.label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        if c.required:
            cell.fill = required_fill
        letter = column_letter(i - 1)
        ws.column_dimensions[letter].width = c.width + 2
        if c.type == DATE:
            for r in range(2, 202):  # pre-formatted, so a typed date shows as 2022-06-03
                ws.cell(row=r, column=i).number_format = "yyyy-mm-dd"
        if c.type == PHONE:
            for r in range(2, 202):  # text, so Excel keeps a phone's leading zero
                ws.cell(row=r, column=i).number_format = "@"
        values = _allowed(c, lookups)
        if values:
            lists.cell(row=1, column=i, value=c.label)
            for r, v in enumerate(values, start=2):
                lists.cell(row=r, column=i, value=v)
            ref = f"'{LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True)
            # Several values go in one cell of a multi column, and a name may be new: the
            # drop-down helps, the importer judges.
            strict = c.type != MULTI and c.ref is None
            dv.showErrorMessage = strict
            dv.errorTitle = "填写有误"
            dv.error = f"请从下拉列表中选择{c.label}"
            dv.promptTitle = c.label
            dv.prompt = (c.help or c.label)[:250]
            dv.showInputMessage = True
            dv.add(f"{letter}2:{letter}{VALIDATION_ROWS + 1}")
            ws.add_data_validation(dv)
    ws.freeze_panes = "A2"

    guide.append([f"{spec.title}导入模板：填写说明"])
    guide["A1"].font = Font(bold=True, size=14)
    guide.append(["在“" + spec.title + "”工作表第 2 行起每行填写一条" + spec.noun
                  + "；标题行可以保留，列的顺序可以调整；带底色的列必须填写。"])
    guide.append([f"日期：{DATE_FORMATS_HINT}，也可直接使用 Excel 日期；必须写年份。"])
    guide.append(["多项：同一格填多项时用顿号（、）、逗号、分号、斜杠或空格分开。"])
    guide.append(["同一文件重复导入不会重复登记：已有的记录会被识别并跳过。"])
    guide.append([])
    header = ["列名", "是否必填", "类型", "说明", "可填写的值", "示例"]
    guide.append(header)
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for c in columns:
        vocab = column_vocab(c, lookups.vocabs if lookups is not None else FIXED)
        allowed = "、".join(vocab.labels()) if vocab is not None else (
            "是、否" if c.type == BOOL else "")
        if not allowed and c.ref:
            allowed = {REF_REGION: "已有区域名称", REF_UNIT: "已有单位名称",
                       REF_CADRE: "已有干部姓名", REF_BRANCH: "已有党支部名称"}[c.ref]
        also = f"（列名也可写作：{'、'.join(c.aliases)}）" if c.aliases else ""
        guide.append([c.label, "必填" if c.required else "选填", _TYPE_NAMES.get(c.type, "文字"),
                      c.help + also, allowed, c.example])
    for letter, width in zip("ABCDEF", (16, 10, 10, 60, 50, 24), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=8):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    # The example as a row, the way it looks in the data sheet (this sheet is never imported).
    guide.append([])
    guide.append([f"示例（在“{spec.title}”工作表中的一行）："])
    guide.append([c.label for c in columns])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    guide.append([c.example for c in columns])
    path = Path(path)
    wb.save(path)
    return path
