"""A lean table flowable for long ledgers: header repeated on every page, rows never split.

reportlab's LongTable of Paragraph cells takes about 12 × the time of merely drawing the text
and over half a gigabyte for 20,000 rows. This table lays every row out once (lines broken with
the 避头尾 breaker over cached character widths), keeps the rows' running heights, and hands
platypus one page of rows at a time by bisecting those sums; the text of a page goes out as one
block of PDF text operators and the grid as one path.

A row is never split across pages. The one exception is a row taller than a whole page (a
description of some 40 lines): it is cut between lines, because the alternative is to lose text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import accumulate
from typing import Literal

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop.fonts import FontRole
from desktop.reports.flowables import baseline_offset
from desktop.reports.fonts import CharWidths, char_widths
from desktop.reports.linebreak import break_lines
from desktop.reports.page import SIZE_5
from desktop.reports.pdftext import TextWriter

CellAlign = Literal["left", "center", "right"]

_NUMBER = re.compile(r"[+\-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[%‰]?")


@dataclass(frozen=True)
class Column:
    """A table column: its header, its width and how its cells align.

    ``width_mm`` fixes the width; ``fit`` makes the column as wide as its widest text (header
    and the first 200 rows, at most a third of the table) so that codes, names and numbers stay
    on one line; otherwise the column gets ``weight`` shares of what those columns leave.
    ``align`` None means right for a column of numbers, left otherwise.
    """

    title: str
    weight: float = 1.0
    width_mm: float | None = None
    align: CellAlign | None = None
    fit: bool = False


@dataclass(frozen=True)
class TableStyle:
    role: FontRole = FontRole.FANGSONG
    size: float = SIZE_5
    header_role: FontRole = FontRole.HEI
    header_size: float = SIZE_5
    pitch: float = 1.35  # line pitch, in units of the size
    pad_x: float = 3.0
    pad_y: float = 3.0
    grid_width: float = 0.5
    header_gray: float | None = 0.9  # background of the header row; None for none


def cell_text(value: object) -> str:
    """What a cell shows: '' for None, dates as 2026-11-26, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, Decimal | int):
        return f"{value:,}" if not isinstance(value, bool) else str(value)
    text = str(value)
    if "\r" in text or "\t" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return text


def is_number(text: str) -> bool:
    return _NUMBER.fullmatch(text) is not None


def as_column(col: Column | str) -> Column:
    return col if isinstance(col, Column) else Column(col)


def column_widths(columns: Sequence[Column], total: float) -> list[float]:
    """Widths in points: fixed columns as given (scaled down if they alone overflow), the rest
    shared by weight."""
    fixed = sum(c.width_mm * mm for c in columns if c.width_mm is not None)
    weights = sum(c.weight for c in columns if c.width_mm is None)
    scale = 1.0
    if fixed > total or (weights == 0 and fixed > 0):
        scale = total / fixed
    rest = max(0.0, total - fixed * scale)
    return [
        c.width_mm * mm * scale if c.width_mm is not None else rest * c.weight / weights
        for c in columns
    ]


def _fitted(columns: Sequence[Column], rows: Sequence[Sequence[object]], style: TableStyle,
            total: float, sample: int = 200) -> list[Column]:
    """The columns with ``fit`` ones turned into fixed widths measured from their texts."""
    if not any(c.fit and c.width_mm is None for c in columns):
        return list(columns)
    body = char_widths(style.role, style.size)
    head = char_widths(style.header_role, style.header_size)
    out: list[Column] = []
    for j, col in enumerate(columns):
        if col.fit and col.width_mm is None:
            want = head.text_width(col.title)
            for row in rows[:sample]:
                if j < len(row):
                    want = max(want, body.text_width(cell_text(row[j])))
            width = min(want + 2 * style.pad_x + 0.5, total / 3)
            col = Column(col.title, col.weight, width / mm, col.align)
        out.append(col)
    return out


def natural_width(columns: Sequence[Column | str], rows: Sequence[Sequence[object]],
                  style: TableStyle, sample: int = 200) -> float:
    """The width the table would like: each column's widest single-line text among the header
    and the first rows, capped at 12 characters for wrapping columns, plus padding. Used to
    choose landscape pages."""
    body = char_widths(style.role, style.size)
    head = char_widths(style.header_role, style.header_size)
    cap = 12 * style.size
    total = 0.0
    for j, col in enumerate(map(as_column, columns)):
        if col.width_mm is not None:
            total += col.width_mm * mm
            continue
        limit = float("inf") if col.fit else cap
        want = min(head.text_width(col.title), limit)
        for row in rows[:sample]:
            if j < len(row):
                want = max(want, min(body.text_width(cell_text(row[j])), limit))
        total += want + 2 * style.pad_x
    return total


def _lines(text: str, width: float, widths: CharWidths) -> list[str]:
    if "\n" not in text:
        return break_lines(text, width, widths)
    out: list[str] = []
    for para in text.split("\n"):
        out.extend(break_lines(para, width, widths))
    return out


class _Layout:
    """Every row laid out for one table width: lines per cell, row heights, running sums."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[object]],
                 style: TableStyle, width: float, max_height: float) -> None:
        self.style = style
        self.col_w = column_widths(_fitted(columns, rows, style, width), width)
        self.col_x = [0.0, *accumulate(self.col_w)]
        self.width = self.col_x[-1]
        inner = [max(1.0, w - 2 * style.pad_x) for w in self.col_w]
        self.pitch = style.size * style.pitch
        self.head_pitch = style.header_size * style.pitch
        head_widths = char_widths(style.header_role, style.header_size)
        self.header = [_lines(c.title, w, head_widths) for c, w in zip(columns, inner, strict=True)]
        self.header_h = max(map(len, self.header)) * self.head_pitch + 2 * style.pad_y
        self.align = self._alignments(columns, rows)

        widths = char_widths(style.role, style.size)
        ncols = len(columns)
        pitch, pad2 = self.pitch, 2 * style.pad_y
        # A row must fit on a page under the header; taller rows are cut between lines.
        most = max(1, int((max_height - self.header_h - pad2) / pitch + 1e-6))
        cells: list[list[list[str]]] = []
        heights: list[float] = []
        for row in rows:
            texts = [cell_text(v) for v in row[:ncols]]
            texts.extend([""] * (ncols - len(texts)))
            laid = [_lines(t, w, widths) for t, w in zip(texts, inner, strict=True)]
            n = max(map(len, laid))
            if n <= most:
                cells.append(laid)
                heights.append(n * pitch + pad2)
                continue
            for k in range(0, n, most):
                cells.append([c[k:k + most] for c in laid])
                heights.append(min(most, n - k) * pitch + pad2)
        self.cells = cells
        self.cum = [0.0, *accumulate(heights)]

    def _alignments(self, columns: Sequence[Column], rows: Sequence[Sequence[object]],
                    sample: int = 200) -> list[CellAlign]:
        """Right for columns whose sampled non-empty cells are all numbers, else left."""
        out: list[CellAlign] = []
        for j, col in enumerate(columns):
            if col.align is not None:
                out.append(col.align)
                continue
            seen = [cell_text(r[j]) for r in rows[:sample] if j < len(r)]
            seen = [t for t in seen if t]
            out.append("right" if seen and all(map(is_number, seen)) else "left")
        return out


class LedgerTable(Flowable):
    """A table of many rows, paginated by platypus one page at a time.

    ``max_height`` is the height of a whole frame (so that the rare row taller than a page can
    be cut to fit); the document passes its text block's height.
    """

    def __init__(self, columns: Sequence[Column | str], rows: Sequence[Sequence[object]],
                 style: TableStyle | None = None, *, max_height: float = 156 * mm) -> None:
        super().__init__()
        self.columns = [as_column(c) for c in columns]
        if not self.columns:
            raise ValueError("a table needs at least one column")
        self.rows = rows
        self.style = style or TableStyle()
        self.max_height = max_height
        self._layout: _Layout | None = None
        self._start = 0
        self._end: int | None = None

    def _slice(self, start: int, end: int) -> LedgerTable:
        part = LedgerTable.__new__(LedgerTable)
        Flowable.__init__(part)
        part.columns, part.rows, part.style = self.columns, self.rows, self.style
        part.max_height = self.max_height
        part._layout, part._start, part._end = self._layout, start, end
        return part

    def layout(self, width: float) -> _Layout:
        if self._layout is None or abs(self._layout.width - width) > 1e-6:
            self._layout = _Layout(self.columns, self.rows, self.style, width, self.max_height)
        return self._layout

    def start_height(self, width: float) -> float:
        """The height of the header and the first row: what a page must have to start on."""
        lay = self.layout(width)
        return lay.header_h + lay.cum[min(self._start + 1, len(lay.cells))] - lay.cum[self._start]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        lay = self.layout(availWidth)
        end = len(lay.cells) if self._end is None else self._end
        self._end = end
        self.width = lay.width
        self.height = lay.header_h + lay.cum[end] - lay.cum[self._start]
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lay = self.layout(availWidth)
        start = self._start
        end = len(lay.cells) if self._end is None else self._end
        room = availHeight - lay.header_h
        if room <= 0:
            return []
        stop = min(end, bisect_right(lay.cum, lay.cum[start] + room + 1e-6) - 1)
        if stop <= start or stop >= end:
            return []
        return [self._slice(start, stop), self._slice(stop, end)]

    def draw(self) -> None:
        lay = self.layout(self.width)
        st = lay.style
        canv = self.canv
        start, end = self._start, self._end if self._end is not None else len(lay.cells)
        top = self.height
        body_top = top - lay.header_h
        ncols = len(lay.col_w)

        if st.header_gray is not None:
            canv.saveState()
            canv.setFillGray(st.header_gray)
            canv.rect(0, body_top, lay.width, lay.header_h, stroke=0, fill=1)
            canv.restoreState()

        base0 = lay.cum[start]
        with TextWriter(canv) as out:
            head_widths = char_widths(st.header_role, st.header_size)
            down = baseline_offset(st.header_role, st.header_size, lay.head_pitch)
            inner_h = lay.header_h - 2 * st.pad_y
            for j in range(ncols):
                lines = lay.header[j]
                y0 = top - st.pad_y - (inner_h - len(lines) * lay.head_pitch) / 2 - down
                for i, text in enumerate(lines):
                    x = lay.col_x[j] + (lay.col_w[j] - head_widths.text_width(text)) / 2
                    out.line(x, y0 - i * lay.head_pitch, text, st.header_role, st.header_size)

            widths = char_widths(st.role, st.size)
            down = baseline_offset(st.role, st.size, lay.pitch)
            pitch, pad_x, pad_y, role, size = lay.pitch, st.pad_x, st.pad_y, st.role, st.size
            col_x, col_w, align = lay.col_x, lay.col_w, lay.align
            cum, cells = lay.cum, lay.cells
            line = out.line
            for r in range(start, end):
                row_top = body_top - (cum[r] - base0)
                inner_h = cum[r + 1] - cum[r] - 2 * pad_y
                row = cells[r]
                for j in range(ncols):
                    lines = row[j]
                    if len(lines) == 1 and not lines[0]:
                        continue
                    y = row_top - pad_y - (inner_h - len(lines) * pitch) / 2 - down
                    a = align[j]
                    for text in lines:
                        if a == "left":
                            x = col_x[j] + pad_x
                        else:
                            shown = text.rstrip()
                            w = widths.text_width(shown)
                            if a == "right":
                                x = col_x[j] + col_w[j] - pad_x - w
                            else:
                                x = col_x[j] + (col_w[j] - w) / 2
                        line(x, y, text, role, size)
                        y -= pitch

        # The grid: one path, every row boundary and column edge.
        bottom = top - self.height
        ops = ["q", f"{st.grid_width:.2f} w 0 G"]
        ops.append(f"0 {top:.3f} m {lay.width:.3f} {top:.3f} l")
        ops.append(f"0 {body_top:.3f} m {lay.width:.3f} {body_top:.3f} l")
        for r in range(start + 1, end + 1):
            y = body_top - (cum[r] - base0)
            ops.append(f"0 {y:.3f} m {lay.width:.3f} {y:.3f} l")
        for x in col_x:
            ops.append(f"{x:.3f} {top:.3f} m {x:.3f} {bottom:.3f} l")
        ops.append("S Q")
        canv.addLiteral("\n".join(ops))

        # Progress through the document template (set by FormalDocument.build).
        doc = getattr(canv, "_doctemplate", None)
        progress = getattr(doc, "progress", None)
        if progress is not None:
            total = len(lay.cells)
            done = end / total if total else 1.0
            doc.fraction = None if end >= total else done
            progress.update(None, done)
