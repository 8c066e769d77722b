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
from tests.excel.conftest import CLERK, fingerprint, write_sheet

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
