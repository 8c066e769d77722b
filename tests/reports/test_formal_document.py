"""A whole formal document read back: page size, fonts, text, page numbers, the line grid,
margins, and a long landscape table whose rows never split."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.reports import Column, FormalDocument
from desktop.reports import page as P
from desktop.reports.layout import BODY_CHAR
from desktop.reports.linebreak import NO_LINE_START
from tests.conftest import require_tool
from tests.reports.pdfprobe import Placement, placements

TITLE = "关于张堃等同志下基层察民情解民忧暖民心实践活动开展情况的报告"
ORG = "随州市教育局"
H1 = "一、总体情况"
H2 = "（一）走访开展情况"
H1B = "二、下一步工作"
# Pure hanzi and full-width punctuation, so that full lines hold exactly 28 characters.
BODY = (
    "今年以来，市教育局认真贯彻落实市委关于开展实践活动的部署要求，组织全系统党员干部深入学校、"
    "社区和村组，走访群众，收集问题建议，了解到的问题主要集中在校园安全、食堂管理、课后服务、"
    "师资建设等方面。各单位对照问题清单逐项整改，建立台账，明确责任人和完成时限，做到件件有着落、"
    "事事有回音。"
)
RARE = "张堃、王喆、李昇、赵祎四位同志带队走访了曾都区第一中学。"
HEADER = ["编号", "姓名", "问题描述", "所在单位", "责任科室", "办理状态", "数量"]
ROWS_N = 40


def row(i: int) -> list[object]:
    # Every row carries its marker in several cells; some rows are tall enough that pages
    # must end between rows.
    tall = 8 if i % 7 == 3 else 1
    filler = "校园周边交通秩序混乱，家长接送车辆占道，学生上下学存在安全隐患。" * tall
    return [
        f"R{i:03d}",
        ["张堃", "王喆", "李昇", "赵祎"][i % 4],
        f"R{i:03d}A{filler}R{i:03d}Z",
        f"曾都区第{i}中学R{i:03d}U",
        "基础教育科",
        "整改中",
        i * 1000 + 7,
    ]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("formal") / "report.pdf"
    doc = FormalDocument(path, TITLE, ORG, date(2026, 11, 6))
    doc.heading1(H1)
    doc.paragraph(BODY)
    doc.heading2(H2)
    doc.paragraph(RARE)
    for _ in range(12):
        doc.paragraph(BODY)
    columns = [Column(HEADER[0], width_mm=16), "姓名", Column("问题描述", 4), "所在单位",
               "责任科室", "办理状态", "数量"]
    doc.table(columns, [row(i) for i in range(ROWS_N)], title="表1 问题清单")
    doc.heading1(H1B)
    doc.paragraph(BODY)
    pages = doc.build()
    assert pages == doc.page_count
    return path


@pytest.fixture(scope="module")
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


@pytest.fixture(scope="module")
def texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() for p in reader.pages]


def landscape_pages(reader: PdfReader) -> list[int]:
    return [i for i, p in enumerate(reader.pages) if p.get("/Rotate", 0) == 90]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_every_page_is_a4_and_tables_are_on_turned_pages(reader: PdfReader) -> None:
    assert len(reader.pages) >= 6
    for p in reader.pages:
        assert float(p.mediabox.width) == pytest.approx(595.28, abs=0.01)
        assert float(p.mediabox.height) == pytest.approx(841.89, abs=0.01)
        assert p.get("/Rotate", 0) in (0, 90)
    wide = landscape_pages(reader)
    assert len(wide) >= 2, "40 rows, some of them tall, need several landscape pages"
    assert wide == list(range(wide[0], wide[-1] + 1))
    assert reader.pages[0].get("/Rotate", 0) == 0
    assert reader.pages[-1].get("/Rotate", 0) == 0


def test_fonts_are_embedded_subsets(reader: PdfReader) -> None:
    seen = set()
    for p in reader.pages:
        for ref in p["/Resources"]["/Font"].values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            assert re.fullmatch(r"/[A-Z]{6}\+[\w-]+", name), name
            assert "/FontFile2" in font["/FontDescriptor"], name
            seen.add(name.split("+")[1])
    assert {"FandolFang-Regular", "NotoSerifSC-Regular", "NotoSansSC-Regular"} <= seen
    assert any("LXGW" in s or "WenKai" in s for s in seen), seen


def test_title_headings_body_and_signature_are_text(texts: list[str]) -> None:
    everything = squash("".join(texts))
    for needle in (TITLE, H1, H2, H1B, squash(BODY), ORG, "2026年11月6日"):
        assert squash(needle) in everything, needle
    assert squash(TITLE) in squash(texts[0])
    assert ORG in texts[-1] and "2026年11月6日" in texts[-1]


def test_rare_characters_are_text_in_the_fallback_font(reader: PdfReader,
                                                       texts: list[str]) -> None:
    everything = "".join(texts)
    for ch in "堃喆昇祎":
        assert ch in everything
    fonts_of: dict[str, set[str]] = {}

    def visit(text: str, cm: object, tm: object, font: dict | None, size: float) -> None:
        if font:
            for ch in text:
                fonts_of.setdefault(ch, set()).add(str(font.get("/BaseFont")))

    for p in reader.pages:
        p.extract_text(visitor_text=visit)
    for ch in "堃喆昇祎":
        assert fonts_of[ch] and all("NotoSerifSC-Regular" in f for f in fonts_of[ch]), ch
    assert any("FandolFang" in f for f in fonts_of["张"])


def test_page_numbers_sit_outside_bottom(reader: PdfReader, texts: list[str]) -> None:
    for i, p in enumerate(reader.pages, start=1):
        assert f"— {i} —" in texts[i - 1]
        found: list[tuple[float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], font: object, size: float,
                  found: list[tuple[float, float]] = found, i: int = i) -> None:
            if text.strip() == f"— {i} —":
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y))

        p.extract_text(visitor_text=visit)
        assert len(found) == 1, (i, found)
        x, y = found[0]
        assert y == pytest.approx(P.PAGE_NUMBER_BASELINE, abs=0.5)
        middle = P.LEFT_MARGIN + P.BLOCK_WIDTH / 2
        if i % 2:
            assert x > middle, "odd pages: on the right"
        else:
            assert x == pytest.approx(P.LEFT_MARGIN + P.SIZE_4, abs=0.5), "even: one em in"
        # The right edge on odd pages: one character (14 pt) in from the block's edge.
        below = [b for b in placements(reader, i - 1) if b.y1 < P.BOTTOM_MARGIN]
        right = max(b.x1 for b in below)
        left = min(b.x0 for b in below)
        if i % 2:
            assert right == pytest.approx(P.LEFT_MARGIN + P.BLOCK_WIDTH - P.SIZE_4, abs=0.5)
        else:
            assert left == pytest.approx(P.LEFT_MARGIN + P.SIZE_4, abs=0.5)
        # The dashes' top is 7 mm under the text block (GB/T 9704 7.5).
        assert all(b.size == P.SIZE_4 for b in below)


def inside_block(b: Placement, tol: float = 0.5) -> bool:
    return (b.x0 >= P.LEFT_MARGIN - tol and b.x1 <= P.LEFT_MARGIN + P.BLOCK_WIDTH + tol
            and b.y0 >= P.BOTTOM_MARGIN - tol and b.y1 <= P.BOTTOM_MARGIN + P.BLOCK_HEIGHT + tol)


def test_all_text_lies_in_the_text_block(reader: PdfReader) -> None:
    # The landscape block is the portrait block turned, so one rectangle serves every page.
    for i in range(len(reader.pages)):
        boxes = [b for b in placements(reader, i) if b.y1 >= P.BOTTOM_MARGIN]
        assert boxes
        outside = [b for b in boxes if not inside_block(b)]
        assert not outside, (i + 1, outside[:3])


def test_body_grid_holds_22_lines_of_28_characters(reader: PdfReader, texts: list[str]) -> None:
    # Page 2 is all body text.
    body = [b for b in placements(reader, 1) if b.size == P.SIZE_3]
    baselines = sorted({round(b.origin[1], 3) for b in body}, reverse=True)
    assert len(baselines) == P.LINES_PER_PAGE
    for a, b in itertools.pairwise(baselines):
        assert a - b == pytest.approx(P.BLOCK_HEIGHT / 22, abs=0.01)
    lines = [squash(line) for line in texts[1].splitlines() if "—" not in line]
    assert max(len(line) for line in lines) == P.CHARS_PER_LINE
    # A full line of 28 characters spans the block's width (justified).
    lefts = [b.x0 for b in body]
    rights = [b.x1 for b in body]
    assert min(lefts) == pytest.approx(P.LEFT_MARGIN, abs=0.5)
    assert max(rights) == pytest.approx(P.LEFT_MARGIN + P.BLOCK_WIDTH, abs=0.6)


def test_first_line_indent_is_two_characters(reader: PdfReader) -> None:
    starts = {round(b.origin[0], 1) for b in placements(reader, 1) if b.size == P.SIZE_3}
    assert round(P.LEFT_MARGIN + 2 * BODY_CHAR, 1) in starts


def test_table_rows_never_split_and_header_repeats(reader: PdfReader,
                                                   texts: list[str]) -> None:
    wide = landscape_pages(reader)
    page_of: dict[str, set[int]] = {}
    for i in wide:
        for marker in re.findall(r"R\d{3}[AZU]?", texts[i]):
            page_of.setdefault(marker, set()).add(i)
        # The header row on every table page.
        flat = squash(texts[i])
        assert all(h in flat for h in HEADER), i
    for n in range(ROWS_N):
        pages = [page_of.get(f"R{n:03d}{s}") for s in ("", "A", "Z", "U")]
        assert all(p is not None and len(p) == 1 for p in pages), (n, pages)
        assert len(set.union(*pages)) == 1, (n, pages)  # all of the row on one page
    # The rows run in order across the pages.
    firsts = [min(page_of[f"R{n:03d}"]) for n in range(ROWS_N)]
    assert firsts == sorted(firsts)
    # A tall row made at least one page end early, so pages do break between rows.
    assert len({min(page_of[f"R{n:03d}"]) for n in range(ROWS_N)}) == len(wide)


def test_numbers_are_right_aligned(reader: PdfReader, texts: list[str]) -> None:
    # On the turned page the table's right edge is at page y = 260 mm (the top of the portrait
    # block); the number column's cells end there, less the cell padding (3 pt).
    first = landscape_pages(reader)[0]
    rows_here = len(re.findall(r"R\d{3}(?![AZU\d])", texts[first]))
    edge = P.BOTTOM_MARGIN + P.BLOCK_HEIGHT - 3.0
    ends = [b for b in placements(reader, first) if abs(b.y1 - edge) < 0.3 and b.size == 10.5]
    assert rows_here >= 2
    assert len(ends) >= rows_here


def test_signature_is_right_aligned(reader: PdfReader, texts: list[str]) -> None:
    last = len(reader.pages) - 1
    boxes = [b for b in placements(reader, last) if b.size == P.SIZE_3]
    lowest = min(round(b.origin[1], 1) for b in boxes)
    date_boxes = [b for b in boxes if round(b.origin[1], 1) == lowest]
    right = P.LEFT_MARGIN + P.BLOCK_WIDTH
    assert max(b.x1 for b in date_boxes) <= right - 2 * BODY_CHAR + 0.5
    assert max(b.x1 for b in date_boxes) >= right - 3 * BODY_CHAR


@pytest.mark.parametrize("page", [1, 2])
def test_rendered_pages_keep_ink_inside_the_margins(pdf: Path, tmp_path: Path,
                                                    page: int) -> None:
    require_tool("pdftoppm", package="poppler-utils")
    from PIL import Image, ImageOps

    dpi = 60
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page),
                    str(pdf), str(tmp_path / "p")], check=True)
    (png,) = tmp_path.glob("p*.png")
    img = ImageOps.invert(Image.open(png).convert("L"))
    px = dpi / 72.0
    w = img.size[0]
    # Above the page number: everything within the text block (two pixels of slack).
    top_band = img.crop((0, 0, w, round((P.PAGE_HEIGHT - P.BOTTOM_MARGIN) * px) + 2))
    left, top, right, _bottom = top_band.point(lambda v: 255 if v > 60 else 0).getbbox()
    assert left >= P.LEFT_MARGIN * px - 2
    assert right <= (P.LEFT_MARGIN + P.BLOCK_WIDTH) * px + 2
    assert top >= P.TOP_MARGIN * px - 2


def test_no_rendered_line_starts_with_closing_punctuation(reader: PdfReader,
                                                          texts: list[str]) -> None:
    for i, text in enumerate(texts):
        if reader.pages[i].get("/Rotate", 0):
            continue  # table cells come out merged across columns there
        for line in text.splitlines():
            line = line.strip()
            if re.fullmatch(r"— \d+ —", line):
                continue  # the page number
            assert not line or line[0] not in NO_LINE_START, (i + 1, line)


def lines_of_hanzi(n: int) -> str:
    """A paragraph of exactly n grid lines (the first is indented two characters)."""
    return "学" * (n * P.CHARS_PER_LINE - 2)


@pytest.mark.parametrize(("lines_before", "heading_page"), [(18, 2), (14, 1)])
def test_a_heading_is_never_last_on_its_page(lines_before: int, heading_page: int) -> None:
    buf = io.BytesIO()
    doc = FormalDocument(buf, "标题", ORG, date(2026, 1, 2))  # the title takes 3 grid lines
    doc.paragraph(lines_of_hanzi(lines_before))
    doc.heading1("二、下一步工作")
    doc.paragraph(lines_of_hanzi(6))
    doc.build()
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages]
    assert "二、下一步工作" in texts[heading_page - 1]
    if heading_page == 2:
        # Only one line was left: the heading went over, and that line stayed empty.
        first = [line for line in texts[0].splitlines() if line.strip() and "—" not in line]
        assert len(first) == 1 + lines_before
