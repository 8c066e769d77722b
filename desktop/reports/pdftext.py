"""A lean writer of PDF text operators for the bundled TrueType fonts.

``canvas.drawString`` costs tens of microseconds a line here: reportlab's accelerator extension
(the separate ``rl_accel`` package) is not installed, so its number formatting, string escaping
and per-string subset splitting all run in pure Python. A table of 20,000 rows draws a couple
of hundred thousand lines, so reports write the text operators themselves: one BT … ET block
per flowable, absolute positions with Tm, each character encoded through a per-document cache
of reportlab's own subset assignment (``splitString`` is still what assigns a character to a
subset, so the fonts reportlab embeds are exactly the characters used), and hex strings, which
need no escaping.

All text passes through ``fonts.split_runs``, so characters the role's font lacks are drawn
with the fallback font.
"""

from __future__ import annotations

import math
from weakref import WeakKeyDictionary

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from desktop.fonts import FontRole
from desktop.reports.fonts import split_runs

# Per document, per font: char → (subset's PDF resource name, code byte).
_Encoding = dict[str, tuple[str, int]]
_encodings: WeakKeyDictionary[object, dict[str, _Encoding]] = WeakKeyDictionary()


def _encoding(font_name: str, doc: object) -> _Encoding:
    per_doc = _encodings.get(doc)
    if per_doc is None:
        per_doc = _encodings[doc] = {}
    enc = per_doc.get(font_name)
    if enc is None:
        enc = per_doc[font_name] = {}
    return enc


def _assign(font_name: str, doc: object, enc: _Encoding, ch: str) -> tuple[str, int]:
    """Let reportlab assign the character to a subset of this document, and remember it."""
    font = pdfmetrics.getFont(font_name)
    ((subset, code),) = font.splitString(ch, doc)
    entry = (font.getSubsetInternalName(subset, doc), code[0])
    enc[ch] = entry
    return entry


class TextWriter:
    """Collects text operators for one canvas and hands them over in one piece.

    Use as a context manager (or call ``close``); draw with ``line``. Text colour is whatever
    fill colour the canvas has when the writer is closed.
    """

    def __init__(self, canv: Canvas) -> None:
        self.canv = canv
        self._doc = canv._doc
        self._ops: list[str] = ["BT"]
        self._tf: tuple[str, float] | None = None
        self._tc = 0.0

    def __enter__(self) -> TextWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if len(self._ops) > 1:
            self._ops.append("ET")
            self.canv.addLiteral("\n".join(self._ops))
        self._ops = ["BT"]
        self._tf = None
        self._tc = 0.0

    def line(
        self,
        x: float,
        y: float,
        text: str,
        role: FontRole | str,
        size: float,
        char_space: float = 0.0,
        angle: float = 0.0,
    ) -> None:
        """Draw text with its baseline starting at (x, y), rotated by angle degrees."""
        if not text:
            return
        ops = self._ops
        if angle:
            a = math.radians(angle)
            c, s = math.cos(a), math.sin(a)
            ops.append(f"{c:.5f} {s:.5f} {-s:.5f} {c:.5f} {x:.3f} {y:.3f} Tm")
        else:
            ops.append(f"1 0 0 1 {x:.3f} {y:.3f} Tm")
        if char_space != self._tc:
            ops.append(f"{char_space:.4f} Tc")
            self._tc = char_space
        doc = self._doc
        for font_name, run in split_runs(text, role):
            enc = _encoding(font_name, doc)
            current: str | None = None
            codes: list[int] = []
            for ch in run:
                entry = enc.get(ch)
                if entry is None:
                    entry = _assign(font_name, doc, enc, ch)
                name, code = entry
                if name != current:
                    if codes:
                        ops.append(f"<{bytes(codes).hex()}> Tj")
                        codes = []
                    if self._tf != (name, size):
                        ops.append(f"{name} {size:g} Tf")
                        self._tf = (name, size)
                    current = name
                codes.append(code)
            if codes:
                ops.append(f"<{bytes(codes).hex()}> Tj")
