"""Platypus flowables for formal documents: text on the line grid, the signature, figures.

They draw through ``pdftext.TextWriter`` (font fallback, one text block per flowable) and break
lines with ``linebreak.break_lines`` (避头尾), rather than reportlab's Paragraph, whose Chinese
wrapping knows neither rule and whose fonts have no per-character fallback.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypeAlias

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desktop.fonts import FontRole
from desktop.reports.fonts import ascent_descent, char_widths
from desktop.reports.linebreak import break_lines
from desktop.reports.page import BODY_LEADING, BODY_TRACKING, SIZE_3, SIZE_4
from desktop.reports.pdftext import TextWriter

Align = Literal["justify", "left", "center", "right"]
# One laid-out line: text, its x offset (first-line indent), whether it ends its paragraph.
_Line = tuple[str, float, bool]


def baseline_offset(role: FontRole | str, size: float, pitch: float) -> float:
    """Distance from the top of a line of the given pitch down to its baseline, so that the
    glyphs' em box sits in the middle of the line."""
    asc, desc = ascent_descent(role)
    return pitch / 2 + (asc + desc) / 2 * size


class TextBlock(Flowable):
    """A paragraph, heading or title: text broken into lines on a fixed line pitch.

    The first line is indented by ``indent`` points; ``justify`` spreads every line but the last
    to the full width (two-sided alignment, as Chinese body text is set). The block splits
    between lines across pages unless ``splittable`` is false (headings, titles).
    """

    def __init__(
        self,
        text: str,
        role: FontRole | str,
        size: float,
        *,
        leading: float,
        tracking: float = 0.0,
        indent: float = 0.0,
        align: Align = "justify",
        space_before: float = 0.0,
        space_after: float = 0.0,
        keep_with_next: bool = False,
        splittable: bool = True,
        _lines: list[_Line] | None = None,
        _width: float | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.role = role
        self.size = size
        self.leading = leading
        self.tracking = tracking
        self.indent = indent
        self.align = align
        self.space_before = space_before
        self.space_after = space_after
        self.keepWithNext = keep_with_next
        self.splittable = splittable
        self._lines = _lines
        self._width = _width

    def _layout(self, width: float) -> list[_Line]:
        if self._lines is None or self._width != width:
            widths = char_widths(self.role, self.size, self.tracking)
            lines: list[_Line] = []
            for para in self.text.split("\n"):
                broken = break_lines(para, width, widths, indent=self.indent)
                for i, text in enumerate(broken):
                    lines.append((text, self.indent if i == 0 else 0.0, i == len(broken) - 1))
            self._lines, self._width = lines, width
        return self._lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._layout(availWidth)
        self.width = availWidth
        self.height = self.space_before + len(lines) * self.leading + self.space_after
        return self.width, self.height

    def _copy(self, lines: list[_Line], space_before: float, space_after: float) -> TextBlock:
        return TextBlock(
            self.text, self.role, self.size, leading=self.leading, tracking=self.tracking,
            indent=self.indent, align=self.align, space_before=space_before,
            space_after=space_after, keep_with_next=False, splittable=True,
            _lines=lines, _width=self._width,
        )

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if not self.splittable:
            return []
        lines = self._layout(availWidth)
        n = int((availHeight - self.space_before) / self.leading + 1e-6)
        if n <= 0 or n >= len(lines):
            return []
        return [
            self._copy(lines[:n], self.space_before, 0.0),
            self._copy(lines[n:], 0.0, self.space_after),
        ]

    def draw(self) -> None:
        widths = char_widths(self.role, self.size, self.tracking)
        down = baseline_offset(self.role, self.size, self.leading)
        top = self.height - self.space_before
        with TextWriter(self.canv) as out:
            for i, (text, indent, last) in enumerate(self._lines or []):
                shown = text.rstrip(" \u3000")
                if not shown:
                    continue
                y = top - i * self.leading - down
                natural = widths.text_width(shown) - self.tracking  # no space after the last
                room = self.width - indent
                x = indent
                char_space = self.tracking
                if self.align == "center":
                    x += (room - natural) / 2
                elif self.align == "right":
                    x += room - natural
                elif self.align == "justify" and not last and len(shown) > 1:
                    char_space += (room - natural) / (len(shown) - 1)
                out.line(x, y, shown, self.role, self.size, char_space)


def format_date(value: date | str) -> str:
    """成文日期 in Arabic numerals, months and days without a leading zero (GB/T 9704 7.3.5.1)."""
    if isinstance(value, date):
        return f"{value.year}年{value.month}月{value.day}日"
    return value


class Signature(Flowable):
    """The issuing organisation and date under the body, for documents without a seal
    (GB/T 9704 7.3.5.2): one blank line, the organisation two characters in from the right, the
    date on the next line starting two characters to the right of the organisation; if the date
    is the longer, the date sits two characters in and the organisation moves left with it."""

    role = FontRole.FANGSONG
    size = SIZE_3

    def __init__(self, org: str, date_text: str, leading: float = BODY_LEADING) -> None:
        super().__init__()
        self.org = org
        self.date_text = date_text
        self.leading = leading

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = 3 * self.leading
        return self.width, self.height

    def positions(self, width: float) -> tuple[float, float]:
        """x of the organisation and of the date within a line of the given width."""
        widths = char_widths(self.role, self.size, BODY_TRACKING)
        char = self.size + BODY_TRACKING
        org_w = widths.text_width(self.org) - BODY_TRACKING
        date_w = widths.text_width(self.date_text) - BODY_TRACKING
        org_x = width - 2 * char - org_w
        date_x = org_x + 2 * char
        if date_x + date_w > width - 2 * char:
            date_x = width - 2 * char - date_w
            org_x = min(org_x, date_x - 2 * char)
        return org_x, date_x

    def draw(self) -> None:
        org_x, date_x = self.positions(self.width)
        down = baseline_offset(self.role, self.size, self.leading)
        with TextWriter(self.canv) as out:
            out.line(org_x, 2 * self.leading - down, self.org, self.role, self.size, BODY_TRACKING)
            out.line(date_x, self.leading - down, self.date_text, self.role, self.size,
                     BODY_TRACKING)


# What a figure may be drawn from: a reportlab Drawing, a matplotlib Figure, or a function
# that draws on the canvas into a box of the given width and height (origin bottom left).
DrawFunction = Callable[[Canvas, float, float], None]
FigureContent: TypeAlias = Any  # Drawing | DrawFunction | matplotlib.figure.Figure


class FigureBlock(Flowable):
    """A vector figure, centred, with its caption centred below it; never split.

    The figure is scaled down (keeping its proportions) to the frame's width and to
    ``max_height`` so that it always fits on an empty page.
    """

    caption_role = FontRole.HEI
    caption_size = SIZE_4
    gap = 6.0

    def __init__(
        self, content: FigureContent, caption: str, width: float, height: float,
        max_height: float,
    ) -> None:
        super().__init__()
        self.content = content
        self.caption = caption
        self.fig_width = width
        self.fig_height = height
        self.max_height = max_height
        self.keepWithNext = False

    def _caption_lines(self, width: float) -> list[str]:
        if not self.caption:
            return []
        return break_lines(self.caption, width, char_widths(self.caption_role, self.caption_size))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lines = self._caption_lines(availWidth)
        caption_h = len(lines) * self.caption_size * 1.5 + (self.gap if lines else 0.0)
        scale = min(1.0, availWidth / self.fig_width,
                    (self.max_height - caption_h) / self.fig_height)
        self.scale = scale
        self.width = availWidth
        self.caption_h = caption_h
        self.height = self.fig_height * scale + caption_h
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        w, h = self.fig_width * self.scale, self.fig_height * self.scale
        x0 = (self.width - w) / 2
        canv.saveState()
        canv.translate(x0, self.caption_h)
        if isinstance(self.content, Drawing):
            canv.scale(self.scale, self.scale)
            renderPDF.draw(self.content, canv, 0, 0)
        elif callable(self.content):
            self.content(canv, w, h)
        else:  # a matplotlib Figure
            from desktop.reports.mplpdf import draw_figure

            draw_figure(self.content, canv, w, h)
        canv.restoreState()
        pitch = self.caption_size * 1.5
        down = baseline_offset(self.caption_role, self.caption_size, pitch)
        widths = char_widths(self.caption_role, self.caption_size)
        with TextWriter(canv) as out:
            for i, line in enumerate(self._caption_lines(self.width)):
                x = (self.width - widths.text_width(line)) / 2
                y = self.caption_h - self.gap - i * pitch - down
                out.line(x, y, line, self.caption_role, self.caption_size)
