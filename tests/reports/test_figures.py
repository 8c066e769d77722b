"""Figures: matplotlib figures drawn as vectors, reportlab Drawings, drawing functions."""

from __future__ import annotations

import io
from datetime import date

import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.pdfgen.canvas import Canvas

from desktop.fonts import FontRole
from desktop.reports import FormalDocument
from desktop.reports.fonts import font_name
from desktop.reports.layout import _figure_size
from desktop.reports.mplpdf import role_for


def bar_chart() -> Figure:
    fig = Figure(figsize=(6, 3.5))
    ax = fig.add_subplot()
    ax.bar(["曾都区", "广水市", "随县"], [120, 95, 143], color="#c0392b", alpha=0.8,
           label="走访次数")
    ax.plot([0, 1, 2], [100, 80, 130], "o--", color="navy", label="目标")
    ax.set_title("各区县走访次数（张堃）")
    ax.set_ylabel("次数")
    ax.legend()
    return fig


def build(add: object) -> PdfReader:
    buf = io.BytesIO()
    doc = FormalDocument(buf, "图表", "随州市教育局", date(2026, 1, 2))
    add(doc)  # type: ignore[operator]
    doc.build()
    return PdfReader(io.BytesIO(buf.getvalue()))


def test_matplotlib_figure_is_vectors_with_real_text() -> None:
    reader = build(lambda doc: doc.figure(bar_chart(), "图1 各区县走访次数"))
    page = reader.pages[0]
    text = page.extract_text()
    for needle in ("各区县走访次数（张堃）", "曾都区", "广水市", "次数", "图1 各区县走访次数"):
        assert needle in text, needle
    assert "/XObject" not in page["/Resources"], "no raster images, no embedded pages"
    content = page.get_contents().get_data()
    assert b" re f" in content or b" f\n" in content or b" f" in content  # filled bars
    assert b" c" in content or b" l" in content


def test_reportlab_drawing_and_draw_function() -> None:
    drawing = Drawing(200, 80)
    drawing.add(Rect(0, 0, 200, 80, fillColor=None))
    calls: list[tuple[float, float]] = []

    def draw(canv: Canvas, width: float, height: float) -> None:
        calls.append((width, height))
        canv.rect(0, 0, width, height)

    def add(doc: FormalDocument) -> None:
        doc.figure(drawing, "图2 示意")
        doc.figure(draw, "图3 框图", width_mm=60, height_mm=30)

    reader = build(add)
    assert "图2 示意" in reader.pages[0].extract_text()
    assert calls and calls[0][0] == pytest.approx(60 / 25.4 * 72)


def test_a_draw_function_needs_a_size() -> None:
    with pytest.raises(ValueError):
        _figure_size(lambda c, w, h: None, None, None)


def test_too_large_figures_are_scaled_to_the_block() -> None:
    fig = Figure(figsize=(12, 16))  # 864 × 1152 pt
    fig.add_subplot().plot([1, 2, 3])
    reader = build(lambda doc: doc.figure(fig, "大图"))
    # Too tall for what the title leaves on page 1: the figure, scaled to the whole block,
    # fills page 2 and the signature follows on page 3.
    assert len(reader.pages) == 3
    assert "大图" in reader.pages[1].extract_text()


def test_font_roles_for_matplotlib_families() -> None:
    from matplotlib.font_manager import FontProperties

    assert role_for(FontProperties(family=["sans-serif"])) is FontRole.HEI
    assert role_for(FontProperties(family=["serif"])) is FontRole.SONG
    assert role_for(FontProperties(family=["FandolFang"])) is FontRole.FANGSONG
    assert font_name(FontRole.HEI)
