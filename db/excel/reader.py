"""Reading spreadsheets (.xlsx, .xls, .ods) with python-calamine and finding their data.

Clerks' own sheets put a merged title row (or several) above the header, order the columns as
they like and name them in their own words. So the header is the row, among the first ten, that
matches the most known headers of the kind; every sheet with such a row is read, and the rows
below it become ``SheetRow``s with the row numbers Excel shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from db.excel.cells import header_key, is_blank
from db.excel.columns import KindSpec, spec_for
from db.excel.issues import ImportIssue

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".xlsb")
HEADER_SCAN_ROWS = 10
# A header must match at least this many known headers: fewer is a title, a note or the
# 说明 sheet of a template (one column name per row), not a table.
MIN_HEADER_MATCHES = 2
INSTRUCTION_SHEETS = frozenset({"说明", "填表说明", "使用说明", "选项列表"})


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]  # from A1; empty cells are ""
    hidden: bool = False


class SheetRow(NamedTuple):
    """One data row (a named tuple: made 100,000 times, three times faster than a frozen
    dataclass)."""

    sheet: str
    number: int  # as Excel shows it
    values: tuple[Any, ...]  # one per ``spec.import_columns``; None where the sheet lacks it


@dataclass
class SheetRows:
    name: str
    header_row: int  # as Excel shows it
    headers: dict[str, str]  # column key → the header as written in the file
    rows: list[SheetRow] = field(default_factory=list)


@dataclass
class ReadResult:
    sheets: list[SheetRows] = field(default_factory=list)
    issues: list[ImportIssue] = field(default_factory=list)


def read_workbook(path: Path) -> tuple[list[RawSheet], list[ImportIssue]]:
    """Every sheet's cells, or an issue saying why the file cannot be read (never raises)."""
    path = Path(path)
    if not path.is_file():
        return [], [ImportIssue("", 0, "", f"找不到文件“{path}”，请检查文件位置")]
    if path.suffix.lower() not in SUFFIXES:
        return [], [ImportIssue(
            "", 0, "", f"不支持“{path.suffix or '无扩展名'}”格式的文件，请另存为 Excel 工作簿"
                       "（.xlsx）、Excel 97-2003 工作簿（.xls）或 ODS 表格（.ods）后再导入")]
    try:
        from python_calamine import CalamineWorkbook

        with CalamineWorkbook.from_path(str(path)) as wb:
            sheets = []
            for meta in wb.sheets_metadata:
                if "WorkSheet" not in str(meta.typ):
                    continue  # chart sheets and macro sheets hold no rows
                sheet = wb.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False)
                hidden = "Visible" not in str(meta.visible) or "Hidden" in str(meta.visible)
                sheets.append(RawSheet(meta.name, rows, hidden))
            return sheets, []
    except Exception as exc:  # calamine raises several types; all mean "cannot read it"
        name = type(exc).__name__
        if "Password" in name or "password" in str(exc).lower():
            why = "文件设置了打开密码，请在 Excel 或 WPS 中取消密码后另存再导入"
        else:
            why = ("文件已损坏或不是表格文件，请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入"
                   f"（详细信息：{name}）")
        return [], [ImportIssue("", 0, "", f"无法读取文件“{path.name}”：{why}")]


def header_map(row: Sequence[Any], spec: KindSpec) -> dict[str, tuple[int, str]]:
    """Column key → (index, header as written) for the cells of *row* that name a column.
    When two cells name the same column, the first one counts."""
    lookup: dict[str, str] = {}
    for column in spec.columns:
        for text in column.headers:
            lookup.setdefault(header_key(text), column.key)
    found: dict[str, tuple[int, str]] = {}
    for i, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        key = lookup.get(header_key(cell))
        if key is not None and key not in found:
            found[key] = (i, cell.strip())
    return found


def find_header(rows: list[list[Any]], spec: KindSpec) -> tuple[int, dict[str, tuple[int, str]]]:
    """The index of the header row (the first of the best-matching rows among the first ten)
    and its column map; (-1, {}) when no row matches enough headers."""
    best, best_map = -1, dict[str, tuple[int, str]]()
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = header_map(row, spec)
        if len(found) > len(best_map):
            best, best_map = i, found
    if len(best_map) < MIN_HEADER_MATCHES:
        return -1, {}
    return best, best_map


def sheet_rows(raw: RawSheet, spec: KindSpec) -> SheetRows | None:
    """The data of one sheet, or None if it has no header of this kind."""
    index, found = find_header(raw.rows, spec)
    if index < 0:
        return None
    columns = spec.import_columns
    positions = [found[c.key][0] if c.key in found else -1 for c in columns]
    result = SheetRows(raw.name, index + 1, {k: v[1] for k, v in found.items()})
    width = max((len(r) for r in raw.rows), default=0)
    # A column the sheet lacks reads the None put one past the sheet's last column.
    get = itemgetter(*(p if p >= 0 else width for p in positions))
    need = max(p if p >= 0 else width for p in positions) + 1
    append = result.rows.append
    for n, row in enumerate(raw.rows[index + 1:], start=index + 2):
        if len(row) < need:  # calamine's rows are as wide as the sheet: only then padded
            row = [*row, *([None] * (need - len(row)))]
        values = get(row)
        if not isinstance(values, tuple):
            values = (values,)
        if not any(values) and all(is_blank(v) for v in values):
            continue  # blank rows (and rows with only unknown columns) are skipped
        append(SheetRow(raw.name, n, values))
    return result


def read_rows(path: Path, kind: str) -> ReadResult:
    """The rows of every sheet of *path* that holds a table of *kind* (never raises)."""
    spec = spec_for(kind)
    raw_sheets, issues = read_workbook(path)
    result = ReadResult(issues=issues)
    if issues:
        return result
    for raw in raw_sheets:
        if raw.hidden or raw.name.strip() in INSTRUCTION_SHEETS:
            continue
        found = sheet_rows(raw, spec)
        if found is not None:
            result.sheets.append(found)
    if not result.sheets:
        names = "、".join(c.label for c in spec.import_columns if c.required)
        result.issues.append(ImportIssue(
            "", 0, "", f"文件中找不到{spec.title}的表头。表格的第一行（或标题行下方一行）"
                       f"应是列名，如“{names}”。可以先导出导入模板，照模板填写"))
    return result
