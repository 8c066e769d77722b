"""The formal document (GB/T 9704-2012 layout) that every printed report is built with.

    doc = FormalDocument(path, "关于……情况的报告", "××市教育局", date(2026, 11, 26))
    doc.heading1("一、总体情况")
    doc.paragraph("……")
    doc.table(["编号", "单位", ...], rows, title="表1 问题清单")
    doc.figure(fig, "图1 各区县走访次数")
    doc.build()

Body text sits on a grid of 22 lines of 28 characters; tables too wide for the portrait text
block go on landscape pages (turned sheets, see ``page``) and come back to portrait after.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)

from desktop.fonts import FontRole
from desktop.progress import Progress
from desktop.reports import page as P
from desktop.reports.flowables import (
    FigureBlock,
    FigureContent,
    Signature,
    TextBlock,
    format_date,
)
from desktop.reports.fonts import char_widths, font_name, register_fonts
from desktop.reports.pdftext import TextWriter
from desktop.reports.table import Column, LedgerTable, TableStyle, as_column, natural_width

Orientation = Literal["auto", "portrait", "landscape"]
PORTRAIT, LANDSCAPE = "portrait", "landscape"

# One character of body text (16 pt less the grid's tracking): indents are counted in these.
BODY_CHAR = P.SIZE_3 + P.BODY_TRACKING
TITLE_LEADING = P.SIZE_2 * 1.5


def page_number_text(number: int) -> str:
    return f"— {number} —"


def page_number_x(number: int) -> float:
    """x of the page number's left edge: one character (4号) in from the text block's outside
    edge, right on odd pages and left on even pages (GB/T 9704 7.5)."""
    text = page_number_text(number)
    if number % 2:
        width = char_widths(FontRole.SONG, P.SIZE_4).text_width(text)
        return P.LEFT_MARGIN + P.BLOCK_WIDTH - P.SIZE_4 - width
    return P.LEFT_MARGIN + P.SIZE_4


def _draw_page_number(canv: Canvas) -> None:
    number = canv.getPageNumber()
    with TextWriter(canv) as out:
        out.line(page_number_x(number), P.PAGE_NUMBER_BASELINE, page_number_text(number),
                 FontRole.SONG, P.SIZE_4)


def _page_begins(canv: Canvas, doc: BaseDocTemplate) -> None:
    """Tell the progress object (if any) about the new page; stop here if cancelled."""
    progress = getattr(doc, "progress", None)
    if progress is not None:
        progress.check()
        progress.update(f"正在生成第 {canv.getPageNumber()} 页", getattr(doc, "fraction", None))


def _on_portrait_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    _page_begins(canv, doc)
    _draw_page_number(canv)


def _on_landscape_page(canv: Canvas, doc: BaseDocTemplate) -> None:
    # The page number stays where it is on a portrait page; everything after it is drawn on
    # the sheet turned a quarter (landscape (X, Y) → portrait (W − Y, X)); /Rotate 90 shows
    # the page upright in viewers.
    _page_begins(canv, doc)
    _draw_page_number(canv)
    canv.transform(0, 1, -1, 0, P.PAGE_WIDTH, 0)


class _DocTemplate(BaseDocTemplate):
    # Read by the page callbacks and by LedgerTable.draw: where to report progress, and the
    # share of the current long table drawn so far (None outside tables).
    progress: Progress | None = None
    fraction: float | None = None

    def __init__(self, target: str | BinaryIO, **kw: object) -> None:
        super().__init__(target, pagesize=(P.PAGE_WIDTH, P.PAGE_HEIGHT), **kw)
        portrait = PageTemplate(
            id=PORTRAIT,
            frames=[Frame(P.LEFT_MARGIN, P.BOTTOM_MARGIN, P.BLOCK_WIDTH, P.BLOCK_HEIGHT,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                          id="body")],
            onPage=_on_portrait_page,
            pagesize=(P.PAGE_WIDTH, P.PAGE_HEIGHT),
        )
        landscape = PageTemplate(
            id=LANDSCAPE,
            frames=[Frame(P.LANDSCAPE_LEFT, P.LANDSCAPE_BOTTOM, P.LANDSCAPE_BLOCK_WIDTH,
                          P.LANDSCAPE_BLOCK_HEIGHT, leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0, id="wide")],
            onPage=_on_landscape_page,
            # reportlab writes the MediaBox of a page with /Rotate 90 as (height, width), so
            # the turned page is given as landscape to come out as A4 portrait.
            pagesize=(P.PAGE_HEIGHT, P.PAGE_WIDTH),
        )
        portrait.rotation = 0  # read by BaseDocTemplate.handle_pageEnd
        landscape.rotation = 90
        self.addPageTemplates([portrait, landscape])


@contextlib.contextmanager
def _plain_streams() -> Iterator[None]:
    """Write compressed streams without the ASCII85 layer for this build.

    ASCII85 only matters for 7-bit transports; it makes streams a quarter larger, and with
    reportlab's C accelerator absent its pure-Python encoder was about a fifth of the time
    of a long table.
    """
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


class _NeedSpace(CondPageBreak):
    """Start a new page unless the measured height is left on this one.

    Used instead of platypus' keepWithNext, which moves a heading and everything after it to
    the next page whenever the whole lot does not fit, leaving most of a page empty before a
    long paragraph or table; here a heading needs only its first lines of text after it.
    """

    def __init__(self, measure: Callable[[float], float]) -> None:
        super().__init__(0)
        self._measure = measure

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.height = self._measure(availWidth)
        return super().wrap(availWidth, availHeight)


@dataclass
class _Break:
    template: str | None  # the page template after the break; None keeps the current one
    explicit: bool  # asked for by page_break(), not implied by a landscape table


class FormalDocument:
    """A formal report: title, headings, body, tables, figures, the organisation and date.

    Add content in reading order, then call ``build()`` once. ``path`` may be a file path or
    a binary file object.
    """

    def __init__(self, path: str | Path | BinaryIO, title: str, org: str,
                 date_: date | str, *, subject: str = "") -> None:
        self.path = path
        self.title = title
        self.org = org
        self.date_text = format_date(date_)
        self.subject = subject
        self._items: list[Flowable | _Break] = []
        self.page_count = 0

    # --- content ---------------------------------------------------------------------------

    def heading1(self, text: str) -> None:
        """一级标题: 黑体 三号, indented two characters, never last on a page (it needs room for
        a second-level heading and a line after it)."""
        self._heading(text, FontRole.HEI, follow=3)

    def heading2(self, text: str) -> None:
        """二级标题: 楷体 三号, indented two characters, never last on a page."""
        self._heading(text, FontRole.KAI, follow=2)

    def paragraph(self, text: str, *, indent: bool = True) -> None:
        """Body text: 仿宋 三号, first line indented two characters, justified. Each line of a
        multi-line string is a paragraph of its own. ``indent=False`` sets it flush left (the
        主送机关 line of a notice, GB/T 9704 7.3.2)."""
        for para in text.split("\n"):
            if para.strip():
                self._items.append(TextBlock(
                    para.strip(), FontRole.FANGSONG, P.SIZE_3, leading=P.BODY_LEADING,
                    tracking=P.BODY_TRACKING, indent=2 * BODY_CHAR if indent else 0.0,
                ))

    def figure(self, content: FigureContent, caption: str = "", *,
               width_mm: float | None = None, height_mm: float | None = None) -> None:
        """A vector figure with its caption below, centred.

        ``content`` is a matplotlib ``Figure`` (drawn as vectors through ``mplpdf``; its size
        is the figure's own unless given), a reportlab ``Drawing``, or a function
        ``draw(canvas, width, height)`` drawing into a box with its origin at the bottom left
        (then ``width_mm`` and ``height_mm`` are required).
        """
        width, height = _figure_size(content, width_mm, height_mm)
        self._items.append(FigureBlock(content, caption, width, height, P.BLOCK_HEIGHT))
        self._items.append(Spacer(1, P.BODY_LEADING / 2))

    def table(self, columns: Sequence[Column | str], rows: Sequence[Sequence[object]], *,
              title: str = "", orientation: Orientation = "auto",
              style: TableStyle | None = None, keep_together: bool = False) -> None:
        """A table with its header repeated on every page and no row split across pages.

        ``orientation="auto"`` puts the table on landscape pages when its natural width (see
        ``table.natural_width``) exceeds the portrait text block (156 mm). ``keep_together``
        moves a short table to the next page rather than leave its first rows at the foot of
        this one (a table longer than a page starts where it is).
        """
        cols = [as_column(c) for c in columns]
        style = style or TableStyle()
        if orientation == "auto":
            landscape = natural_width(cols, rows, style) > P.BLOCK_WIDTH
        else:
            landscape = orientation == LANDSCAPE
        if landscape:
            self._items.append(_Break(LANDSCAPE, explicit=False))
        height = P.LANDSCAPE_BLOCK_HEIGHT if landscape else P.BLOCK_HEIGHT
        width = P.LANDSCAPE_BLOCK_WIDTH if landscape else P.BLOCK_WIDTH
        caption = TextBlock(title, FontRole.HEI, P.SIZE_4, leading=P.SIZE_4 * 2,
                            align="center", splittable=False) if title else None
        # Rows taller than a page are cut to fit under the header and the title.
        room = height - (caption.wrap(width, height)[1] if caption else 0.0)
        table = LedgerTable(cols, rows, style, max_height=room)

        def start_height(width: float) -> float:  # the title, the header and the first row
            above = caption.wrap(width, height)[1] if caption else 0.0
            body = table.wrap(width, height)[1] if keep_together else table.start_height(width)
            # Never more than a whole page: an empty page must always be enough.
            return min(above + body, height)

        self._items.append(_NeedSpace(start_height))
        if caption:
            self._items.append(caption)
        self._items.append(table)
        if landscape:
            self._items.append(_Break(PORTRAIT, explicit=False))
        else:
            self._items.append(Spacer(1, P.BODY_LEADING / 2))

    def page_break(self) -> None:
        self._items.append(_Break(None, explicit=True))

    # --- output ----------------------------------------------------------------------------

    def _heading(self, text: str, role: FontRole, follow: int) -> None:
        block = TextBlock(
            text, role, P.SIZE_3, leading=P.BODY_LEADING, tracking=P.BODY_TRACKING,
            indent=2 * BODY_CHAR, splittable=False,
        )
        self._items.append(_NeedSpace(lambda width: min(
            block.wrap(width, P.BLOCK_HEIGHT)[1] + follow * P.BODY_LEADING, P.BLOCK_HEIGHT)))
        self._items.append(block)

    def _title(self) -> TextBlock:
        # The title in 2号 on a 1.5 pitch, padded so that the body after it starts on the
        # line grid, with one blank line between.
        lines = len(TextBlock(self.title, FontRole.TITLE, P.SIZE_2, leading=TITLE_LEADING)
                    ._layout(P.BLOCK_WIDTH))
        used = lines * TITLE_LEADING
        padded = math.ceil(used / P.BODY_LEADING - 1e-6) * P.BODY_LEADING + P.BODY_LEADING
        return TextBlock(self.title, FontRole.TITLE, P.SIZE_2, leading=TITLE_LEADING,
                         align="center", space_after=padded - used, splittable=False)

    def _story(self) -> list[Flowable]:
        story: list[Flowable] = [self._title()]
        current = PORTRAIT
        pending: _Break | None = None
        for item in self._items:
            if isinstance(item, _Break):
                if pending is None:
                    pending = _Break(item.template, item.explicit)
                else:  # consecutive breaks make one: the last template asked for wins
                    pending.template = item.template or pending.template
                    pending.explicit = pending.explicit or item.explicit
                continue
            if pending is not None:
                target = pending.template or current
                if target != current:
                    story.append(NextPageTemplate(target))
                    current = target
                story.append(PageBreak())
                pending = None
            story.append(item)
        if pending is not None and pending.explicit:
            if current != PORTRAIT:
                story.append(NextPageTemplate(PORTRAIT))
            story.append(PageBreak())
        # A landscape table at the very end keeps the signature on its last page.
        story.append(Signature(self.org, self.date_text))
        return story

    def build(self, progress: Progress | None = None) -> int:
        """Write the PDF; returns the number of pages.

        With a ``progress`` object, each page reports "正在生成第 n 页" (with the share of a
        long table drawn so far as the fraction) and checks for cancellation: ``Cancelled``
        propagates, and nothing is written (reportlab writes the file only at the end).
        """
        register_fonts()
        target = str(self.path) if isinstance(self.path, Path) else self.path
        doc = _DocTemplate(
            target, title=self.title, author=self.org, subject=self.subject,
            creator="民情台账", initialFontName=font_name(FontRole.SONG),
        )
        doc.progress = progress
        with _plain_streams():
            doc.build(self._story())
        self.page_count = doc.page
        return self.page_count


def _figure_size(content: FigureContent, width_mm: float | None,
                 height_mm: float | None) -> tuple[float, float]:
    """The figure's natural size in points."""
    if width_mm is not None and height_mm is not None:
        return width_mm * mm, height_mm * mm
    width = getattr(content, "width", None)
    height = getattr(content, "height", None)
    if isinstance(width, int | float) and isinstance(height, int | float):  # a Drawing
        return float(width), float(height)
    get_size = getattr(content, "get_size_inches", None)
    if get_size is not None:  # a matplotlib Figure
        w_in, h_in = get_size()
        return w_in * 72.0, h_in * 72.0
    raise ValueError("a figure drawn by a function needs width_mm and height_mm")
