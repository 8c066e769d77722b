"""Saving charts to PNG, SVG and PDF with the fonts inside; a chart in a formal report."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.charts.export import export_figure
from desktop.charts.problems import build_problems_by_area, chart_problems_by_area
from desktop.reports import FormalDocument
from tests.charts.conftest import TODAY, Campaign


@pytest.fixture
def chart(campaign: Campaign):  # type: ignore[no-untyped-def]
    with campaign.db.session() as s:
        return chart_problems_by_area(build_problems_by_area(s, today=TODAY))


def _fonts(reader: PdfReader) -> list[tuple[str, set[str]]]:
    """(BaseFont, font file keys of its descriptor) of every font on every page."""
    out = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():  # type: ignore[index]
            font = ref.get_object()
            for desc_font in [font, *[d.get_object() for d in font.get("/DescendantFonts", [])]]:
                desc = desc_font.get("/FontDescriptor")
                if desc is not None:
                    keys = {k for k in desc.get_object() if k.startswith("/FontFile")}
                    out.append((str(desc_font["/BaseFont"]), keys))
    return out


def test_png(chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = export_figure(chart, tmp_path / "图表.png", dpi=100)
    with Image.open(path) as im:
        w, h = chart.get_size_inches()
        assert im.size == (round(w * 100), round(h * 100))


def test_pdf_embeds_truetype(chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = export_figure(chart, tmp_path / "chart.PDF")
    reader = PdfReader(path)
    fonts = _fonts(reader)
    assert any("NotoSansSC" in name and "/FontFile2" in keys for name, keys in fonts), fonts
    text = reader.pages[0].extract_text()
    assert "问题数量（按领域）" in text and "食堂" in text


def test_svg_draws_text_as_outlines(chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    svg = export_figure(chart, tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert "<text" not in svg  # no font needed where it is opened
    assert "<path" in svg


def test_unknown_extension(chart, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="PNG、SVG 或 PDF"):
        export_figure(chart, tmp_path / "chart.jpg")


def test_chart_in_a_formal_report(chart) -> None:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    doc = FormalDocument(buf, "问题清单分析", "随州市教育局", date(2022, 9, 15))
    doc.figure(chart, "图1 问题数量（按领域）")
    doc.build()
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    text = "".join(p.extract_text() for p in reader.pages)
    for needle in ("问题数量（按领域）", "食堂", "资助", "已销号", "共 2"):
        assert needle in text, needle
