"""The ledger table on its own: widths, cell texts, alignment, pagination, tall rows."""

from __future__ import annotations

import io
import itertools
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from desktop.reports import Column, FormalDocument, TableStyle
from desktop.reports import page as P
from desktop.reports.table import (
    LedgerTable,
    cell_text,
    column_widths,
    is_number,
    natural_width,
)


def test_column_widths_fixed_and_weighted() -> None:
    cols = [Column("a", width_mm=20), Column("b", 1), Column("c", 3)]
    widths = column_widths(cols, 100 * mm)
    assert widths == pytest.approx([20 * mm, 20 * mm, 60 * mm])


def test_fit_columns_take_their_widest_text() -> None:
    rows = [["SZ-2026-00001", "很长的问题描述" * 5], ["SZ-2026-00002", "短"]]
    table = LedgerTable([Column("编号", fit=True), Column("描述")], rows)
    layout = table.layout(400)
    assert [len(r[0]) for r in layout.cells] == [1, 1]  # codes on one line
    assert layout.col_w[0] < 100
    assert sum(layout.col_w) == pytest.approx(400)


def test_fixed_widths_that_overflow_are_scaled_to_fit() -> None:
    cols = [Column("a", width_mm=80), Column("b", width_mm=120)]
    assert sum(column_widths(cols, 100 * mm)) == pytest.approx(100 * mm)


def test_cell_texts() -> None:
    assert cell_text(None) == ""
    assert cell_text(12345) == "12,345"
    assert cell_text(Decimal("1234.5")) == "1,234.5"
    assert cell_text(3.14159) == "3.14"
    assert cell_text(date(2026, 1, 5)) == "2026-01-05"
    assert cell_text(datetime(2026, 1, 5, 8, 30)) == "2026-01-05 08:30"
    assert cell_text("一\r\n二\t三") == "一\n二 三"


@pytest.mark.parametrize("text", ["12", "-3.5", "12,345", "99%", "1,234.50"])
def test_numbers(text: str) -> None:
    assert is_number(text)


@pytest.mark.parametrize("text", ["", "SZ-1", "12a", "一二", "1,23"])
def test_not_numbers(text: str) -> None:
    assert not is_number(text)


def test_numeric_columns_align_right_others_left() -> None:
    table = LedgerTable(["名称", "数量", Column("备注", align="center")],
                        [["甲", 1, "x"], ["乙", "2,000", "y"], ["丙", None, "z"]])
    layout = table.layout(400)
    assert layout.align == ["left", "right", "center"]


def test_split_hands_out_pages_of_whole_rows() -> None:
    rows = [[f"第{i}行", "内容" * (i % 5 + 1)] for i in range(200)]
    table = LedgerTable(["行", "内容"], rows, max_height=300)
    height = table.wrap(300, 300)[1]
    assert height > 300
    parts = []
    rest = table
    while True:
        _, h = rest.wrap(300, 300)
        if h <= 300:
            parts.append(rest)
            break
        first, rest = rest.split(300, 300)
        parts.append(first)
        assert first.wrap(300, 300)[1] <= 300
    covered = [(p._start, p._end) for p in parts]
    assert covered[0][0] == 0 and covered[-1][1] == 200
    assert all(a[1] == b[0] for a, b in itertools.pairwise(covered))


def test_nothing_fits_returns_no_split() -> None:
    table = LedgerTable(["行"], [["一"]] * 10)
    table.wrap(300, 500)
    assert table.split(300, 5) == []


def test_a_row_taller_than_a_page_is_cut_between_lines() -> None:
    long_text = "问题描述" * 400  # some 90 lines at 10.5 pt in 60 pt of width
    table = LedgerTable(["编号", "描述"], [["R1", long_text], ["R2", "短"]], max_height=200)
    layout = table.layout(120)
    assert len(layout.cells) > 3
    heights = [b - a for a, b in itertools.pairwise(layout.cum)]
    assert max(heights) + layout.header_h <= 200 + 1e-6
    assert "".join("".join(r[1]) for r in layout.cells[:-1]) == long_text


def test_natural_width_chooses_orientation() -> None:
    style = TableStyle()
    narrow = [["一", "二"]] * 5
    assert natural_width(["甲", "乙"], narrow, style) < P.BLOCK_WIDTH
    wide_cols = [Column(f"第{i}列") for i in range(8)]
    wide = [["较长的单元格文字内容" * 2] * 8] * 5
    assert natural_width(wide_cols, wide, style) > P.BLOCK_WIDTH


def build(**table_kw: object) -> PdfReader:
    buf = io.BytesIO()
    doc = FormalDocument(buf, "测试", "随州市教育局", date(2026, 1, 2))
    doc.paragraph("正文。")
    doc.table(**table_kw)
    doc.build()
    return PdfReader(io.BytesIO(buf.getvalue()))


def test_a_narrow_table_stays_portrait_and_repeats_its_header() -> None:
    rows = [[f"N{i:03d}", "内容" * 3] for i in range(120)]
    reader = build(columns=["序号标记", "内容说明"], rows=rows)
    assert all(p.get("/Rotate", 0) == 0 for p in reader.pages)
    texts = [p.extract_text() for p in reader.pages]
    table_pages = [t for t in texts if "N0" in t or "N1" in t]
    assert len(table_pages) >= 2
    assert all("序号标记" in t for t in table_pages)


def test_orientation_can_be_forced_and_empty_tables_draw_a_header() -> None:
    reader = build(columns=["甲", "乙"], rows=[], orientation="landscape", title="空表")
    rotated = [p for p in reader.pages if p.get("/Rotate", 0) == 90]
    assert len(rotated) == 1
    text = rotated[0].extract_text()
    assert "甲" in text and "空表" in text


def test_consecutive_breaks_make_no_blank_page() -> None:
    buf = io.BytesIO()
    doc = FormalDocument(buf, "测试", "随州市教育局", date(2026, 1, 2))
    doc.paragraph("正文。")
    doc.page_break()
    doc.page_break()
    doc.table(["甲", "乙"], [["1", "2"]], orientation="landscape")
    doc.page_break()
    doc.paragraph("结尾。")
    pages = doc.build()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert pages == len(reader.pages) == 3
    assert [p.get("/Rotate", 0) for p in reader.pages] == [0, 90, 0]
    assert "结尾" in reader.pages[2].extract_text()


def test_a_first_row_taller_than_a_page_does_not_stall_the_layout() -> None:
    rows = [["R1", "很长的问题描述，" * 600], ["R2", "短"]]
    reader = build(columns=["编号", "描述"], rows=rows, orientation="landscape",
                   title="表1 超长行")
    texts = [p.extract_text() for p in reader.pages]
    # Without the page numbers and the repeated header, the cut row reads on unbroken.
    text = re.sub(r"\s+", "", re.sub(r"— \d+ —", "", "".join(texts))).replace("编号描述", "")
    assert "R2" in text
    assert text.count("很长的问题描述") == 600
    # The title stays with the start of the table.
    assert "超长行" in texts[1] and "R1" in texts[1]


def test_progress_reports_pages_and_table_share_and_cancels(tmp_path: Path) -> None:
    from desktop.progress import Cancelled, Progress

    rows = [[f"N{i:03d}", "内容" * 20] for i in range(300)]
    seen: list[tuple[str, float | None]] = []
    buf = io.BytesIO()
    doc = FormalDocument(buf, "测试", "随州市教育局", date(2026, 1, 2))
    doc.table(["序号", "内容"], rows)
    pages = doc.build(Progress(lambda text, fraction: seen.append((text, fraction))))
    assert any(text == f"正在生成第 {pages} 页" for text, _ in seen)
    fractions = [f for _, f in seen if f is not None]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0

    stop = Progress()
    stop.cancel()
    target = tmp_path / "cancelled.pdf"
    path_doc = FormalDocument(target, "测试", "随州市教育局", date(2026, 1, 2))
    path_doc.table(["序号", "内容"], rows)
    with pytest.raises(Cancelled):
        path_doc.build(stop)
    assert not target.exists()
