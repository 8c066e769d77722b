"""Property-based tests: whatever a sheet holds — random values of any type under mangled
headers — the importer answers with clear errors, never an exception, and writes nothing."""

from __future__ import annotations

import re
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from db.engine import Database
from db.excel import ImportIssue, ImportRefused, apply_import, plan_import
from db.excel.cells import (
    header_key,
    parse_bool,
    parse_date,
    parse_int,
    phone_text,
    split_multi,
)
from db.excel.columns import KINDS
from db.excel.kinds import RULES
from db.excel.lookups import Lookups
from db.excel.reader import SheetRow, SheetRows
from db.excel.rowcheck import RowCheck, SheetContext
from tests.excel.conftest import CLERK, Org, fingerprint, write_sheet

_CJK = re.compile(r"[\u4e00-\u9fff]")
_FULL = str.maketrans("0123456789()", "０１２３４５６７８９（）")

texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30).map(
    lambda s: ILLEGAL_CHARACTERS_RE.sub("", s))
words = st.sampled_from([
    "张三", "李四", "王五", "王五（教育局机关）", "赵六", "曾都区第一中学", "实验小学", "随县",
    "明察暗访", "实地走访", "暗访食堂餐饮", "食堂", "家长", "是", "否", "党员干部", "2025-06-03",
    "2025年6月3日", "6月3日", "2025.13.40", "１２", "-3", "13912345678", "、", "（", "", " ",
])
cells = st.one_of(
    st.none(), texts, words, st.integers(-10**12, 10**12),
    st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
    st.dates(date(1900, 3, 1), date(2100, 1, 1)),
    st.datetimes(datetime(1900, 3, 1), datetime(2100, 1, 1)),
    st.text("0123456789-./年月日 ", max_size=12),
)


def _mangle(label: str, how: int) -> str:
    return [label, f" {label} ", f"{label}（必填）", f"*{label}", label.translate(_FULL),
            f"{label}:", label[:1], label + "X"][how % 8]


@st.composite
def sheets(draw: st.DrawFn) -> tuple[str, list[Any], list[list[Any]], str | None]:
    kind = draw(st.sampled_from(sorted(KINDS)))
    labels = [c.label if draw(st.booleans()) or not c.aliases else draw(st.sampled_from(
        c.aliases)) for c in KINDS[kind].columns]
    labels = [_mangle(lab, draw(st.integers(0, 7))) for lab in labels]
    labels = draw(st.permutations(labels))
    labels = labels[:draw(st.integers(0, len(labels)))]
    header: list[Any] = [*labels, *draw(st.lists(st.one_of(texts, st.none()), max_size=2))]
    rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(header) + 2), max_size=6))
    title = draw(st.one_of(st.none(), st.just("随州市教育局走访登记表"), texts))
    return kind, header, rows, title


def _clear(issue: ImportIssue) -> None:
    assert isinstance(issue, ImportIssue)
    assert _CJK.search(issue.message), issue
    assert issue.row >= 0 and str(issue)
    if issue.row and issue.sheet:
        assert issue.column, issue


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(sheet=sheets())
def test_any_sheet_gives_clear_errors_and_writes_nothing(db: Database, sheet: Any) -> None:
    kind, header, rows, title = sheet
    before = fingerprint(db)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_sheet(Path(tmp) / "x.xlsx", header, rows, title=title or None)
        plan = plan_import(db, kind, path)
        for issue in plan.errors:
            _clear(issue)
        if plan.errors:
            with pytest.raises(ImportRefused):
                apply_import(db, CLERK, plan)
    assert fingerprint(db) == before


@given(value=cells)
def test_parsers_never_raise(value: Any) -> None:
    for parse in (parse_date, parse_int, parse_bool):
        parsed, message = parse(value)
        assert (parsed is None) or message is None
        if message is not None:
            assert _CJK.search(message)
    assert all(isinstance(s, str) and s for s in split_multi(value))
    assert isinstance(phone_text(value), str)
    assert isinstance(header_key(value), str)


@given(d=st.dates(date(2000, 1, 1), date(2099, 12, 31)))
def test_every_date_form_reads_the_same(d: date) -> None:
    serial = (d - date(1899, 12, 30)).days
    forms = [d, datetime(d.year, d.month, d.day, 9, 30), serial, float(serial),
             f"{d.year}年{d.month}月{d.day}日", f"{d.year}/{d.month}/{d.day}",
             f"{d.year}-{d.month}-{d.day}", f"{d.year}.{d.month}.{d.day}",
             d.isoformat().translate(_FULL), d.strftime("%Y%m%d"), f"{d.isoformat()} 00:00:00"]
    for form in forms:
        assert parse_date(form) == (d, None), form


def test_parsers_examples() -> None:
    assert parse_int("１２") == (12, None) and parse_int("3人") == (3, None)
    assert parse_int(4.0) == (4, None) and parse_int("") == (None, None)
    assert parse_int(2.5)[1] and parse_int(True)[1]
    assert parse_date(date.today() + timedelta(days=1))[1] is None  # the rule is the service's
    assert "没有写年份" in (parse_date("6月3日")[1] or "")
    assert parse_bool("√") == (True, None) and parse_bool("否") == (False, None)
    assert split_multi("张三、李四,王五；赵六 孙七/周八") == ["张三", "李四", "王五", "赵六",
                                                              "孙七", "周八"]
    assert split_multi("王五（实验 小学）、张三") == ["王五（实验 小学）", "张三"]
    assert phone_text(13912345678.0) == "13912345678"
    assert phone_text("０７２２—１２３４") == "0722-1234"
    assert header_key(" 走访 日期（必填） ") == header_key("＊走访日期") == "走访日期"


# Per column of a visits sheet: cells the row check accepts (in their several forms), and
# cells it refuses or must look at alone.
_VISIT_CELLS: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {
    "visit_date": (("2025-06-03", "2025年6月3日", date(2025, 6, 4), datetime(2025, 6, 5), 45812,
                    45812.0), (True, "6月3日", "2025-02-30", "", None)),
    "cadres": (("张三", "李四", "张三、李四", "李四,张三", "王五（教育局机关）"),
               ("王五", "赵六", "张三、张三", "钱八", "", None)),
    "unit": (("曾都区第一中学", "东城社区", " 曾都区第一中学 "),
             ("实验小学", "不存在的学校", 1, "", " ", None)),
    "region": (("曾都区", "", None), ("随县", "火星")),
    "method": (("实地走访", "明察暗访", "inspection"), ("骑马走访", "", None)),
    "activities": (("暗访食堂餐饮", "暗访食堂、宿舍", "走进班级（支部）、体验课堂教学", "", None),
                   ("飞行",)),
    "students_met": ((0, 1, 1.0, "１２", "3人", "", None), (True, -1, 2.5, "三")),
    "teachers_met": ((0, 1, 1.0, "", None), (False,)),
    "parents_met": ((2, 2.0, "2", "", None), ("两",)),
    "content": (("检查食堂", "  两边有空格  ", "", None), ("x" * 5001, 12)),
    "talked_with": (("学生、家长", "", None), ("y" * 501, date(2025, 6, 3))),
    "findings": (("食堂饭菜价格偏高", "", None), (3.5,)),
    "reported_to_branch": (("是", "否", True, False, 1, 0, 1.0, "", None), ("也许", 2)),
}


@st.composite
def visit_rows(draw: st.DrawFn) -> dict[str, Any]:
    """A row the row check accepts, with none, one or a few cells replaced by one it refuses
    (or must look at alone) or by anything at all."""
    row = {k: draw(st.sampled_from(good)) for k, (good, _) in _VISIT_CELLS.items()}
    for key in draw(st.lists(st.sampled_from(sorted(_VISIT_CELLS)), max_size=2)):
        row[key] = draw(st.one_of(st.sampled_from(_VISIT_CELLS[key][1]), cells))
    return row


def _visit_sheet(rows: list[dict[str, Any]]) -> SheetRows:
    return SheetRows("走访", 1, {}, [
        SheetRow("走访", i + 2, tuple(r[c.key] for c in RULES["visits"].spec.import_columns))
        for i, r in enumerate(rows)])


def test_the_column_check_accepts_every_good_form(db: Database, org: Org) -> None:
    """Each form of a good cell, in rows otherwise good: none left to the row check."""
    first = {k: good[0] for k, (good, _) in _VISIT_CELLS.items()}
    rows = [first | {k: cell} for k, (good, _) in _VISIT_CELLS.items() for cell in good]
    check = RULES["visits"].check_sheet
    assert check is not None
    with db.session() as s:
        found = check(SheetContext(RULES["visits"].spec, _visit_sheet(rows), Lookups(s)),
                      _visit_sheet(rows).rows)
    assert None not in found
    assert {f[0]["reported_to_branch"] for f in found if f} == {True, False}


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(visit_rows(), min_size=1, max_size=12))
def test_the_column_check_of_visits_agrees_with_the_row_check(db: Database, org: Org,
                                                              rows: list[dict[str, Any]]) -> None:
    """Visits are checked a column at a time (``check_sheet``), falling back to the row check
    (which words every message) for the rows it leaves: whatever the cells, a row it accepts
    has exactly the values and key the row check gives; it leaves no row the row check accepts
    unless a text cell is not text; and its parsed cells, remembered, serve the row check."""
    rules, sheet = RULES["visits"], _visit_sheet(rows)
    spec = rules.spec
    assert rules.check_sheet is not None
    with db.session() as s:
        lookups = Lookups(s)
        by_row, shared = SheetContext(spec, sheet, lookups), SheetContext(spec, sheet, lookups)
        by_column = rules.check_sheet(shared, sheet.rows)

        def row_check(ctx: SheetContext, row: SheetRow) -> tuple[Any, list[str]]:
            rc = RowCheck(ctx, row)
            values = rules.check(rc)
            ok = values is not None and rc.ok
            return ((values, rules.key(values)) if ok else None), [str(i) for i in rc.issues()]

        for row, fast in zip(sheet.rows, by_column, strict=True):
            slow, issues = row_check(by_row, row)
            assert row_check(shared, row) == (slow, issues)
            if fast is not None:
                assert fast == slow
            elif slow is not None:
                texts = [row.values[spec.import_columns.index(spec.column(k))]
                         for k in ("content", "talked_with", "findings")]
                assert any(t is not None and not isinstance(t, str) for t in texts), row
