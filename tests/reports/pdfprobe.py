"""Reading back what a PDF draws where: a small interpreter of the text and matrix operators.

pypdf's text visitor reports one position for text it has merged from several operators, so
margin checks need their own pass: every Tj/TJ string becomes a box in page space, computed from
the text matrix, the CTM, the font's /Widths and the character spacing.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def mult(m: Matrix, n: Matrix) -> Matrix:
    """m × n in PDF's row-vector convention (apply m first, then n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class Placement:
    """One drawn string: its ink box in page space (approximate vertically: 0.88/-0.12 em)."""

    x0: float
    y0: float
    x1: float
    y1: float
    origin: tuple[float, float]
    size: float
    font: str
    glyphs: int


def placements(reader: PdfReader, index: int) -> list[Placement]:
    page = reader.pages[index]
    fonts = page["/Resources"]["/Font"].get_object()
    content = ContentStream(page.get_contents(), reader)
    ctm, stack = IDENTITY, []
    tm = tlm = IDENTITY
    tc = 0.0
    font = None
    size = 0.0
    out: list[Placement] = []
    for operands, op in content.operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = mult(tuple(map(float, operands)), ctm)
        elif op == b"BT":
            tm = tlm = IDENTITY
        elif op == b"Tm":
            tm = tlm = tuple(map(float, operands))
        elif op == b"Td":
            tm = tlm = mult((1, 0, 0, 1, float(operands[0]), float(operands[1])), tlm)
        elif op == b"Tf":
            font = fonts[operands[0]].get_object()
            size = float(operands[1])
        elif op == b"Tc":
            tc = float(operands[0])
        elif op in (b"Tj", b"TJ"):
            assert font is not None
            data = operands[0]
            if op == b"TJ":
                data = b"".join(bytes(x.original_bytes) for x in data
                                if hasattr(x, "original_bytes"))
            raw = bytes(data.original_bytes) if hasattr(data, "original_bytes") else bytes(data)
            first = int(font.get("/FirstChar", 0))
            widths = [float(w) for w in font.get("/Widths", [])]
            advance = 0.0
            for code in raw:
                k = code - first
                w = widths[k] if 0 <= k < len(widths) else 1000.0
                advance += w / 1000.0 * size + tc
            full = mult(tm, ctm)
            corners = [apply(full, x, y) for x in (0.0, advance - tc)
                       for y in (-0.12 * size, 0.88 * size)]
            xs = [p[0] for p in corners]
            ys = [p[1] for p in corners]
            out.append(Placement(min(xs), min(ys), max(xs), max(ys), apply(full, 0.0, 0.0),
                                 size, str(font.get("/BaseFont")), len(raw)))
            tm = mult((1, 0, 0, 1, advance, 0), tm)
    return out


def page_texts(reader: PdfReader) -> list[str]:
    return [p.extract_text() for p in reader.pages]
