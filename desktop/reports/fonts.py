"""The bundled fonts, registered with reportlab, and per-character font fallback.

reportlab draws a character that its font lacks as nothing at all (FandolFang silently drops 堃),
so every string drawn in a report goes through ``split_runs``: runs of the role's own font, and
runs of the fallback font (Noto Serif SC, which has the rare name characters) for the rest.

Widths are measured per character once per (role, size, tracking) and kept in a dict, because
``pdfmetrics.stringWidth`` per string is far too slow for tables of 20,000 rows.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.fonts import FALLBACK_ROLE, FontRole, report_font_path

# The names the fonts are registered under with reportlab (and so appear in the PDF as
# "ABCDEF+<PostScript name>" subsets).
FONT_NAMES: dict[FontRole, str] = {
    FontRole.SONG: "MQ-Song",
    FontRole.FANGSONG: "MQ-FangSong",
    FontRole.HEI: "MQ-Hei",
    FontRole.KAI: "MQ-Kai",
    FontRole.TITLE: "MQ-Title",
}

Run = tuple[str, str]  # (reportlab font name, text)


def _font_path(role: FontRole) -> Path:
    # One seam to the shared font registry (desktop/fonts.py), so tests may point elsewhere;
    # it honours the settings' choice of Windows system fonts (report_font_path).
    return report_font_path(role)


@cache
def _registered(role: FontRole) -> TTFont:
    """Register the role's font with reportlab on first use and return it."""
    name = FONT_NAMES[role]
    try:
        font = pdfmetrics.getFont(name)
    except KeyError:
        font = None
    if not isinstance(font, TTFont):
        path = _font_path(role)
        if not path.is_file():
            raise FileNotFoundError(f"bundled font for role {role!s} missing: {path}")
        font = TTFont(name, str(path))
        pdfmetrics.registerFont(font)
    return font


def register_fonts() -> None:
    """Register every role's font with reportlab (idempotent, cheap after the first call)."""
    for role in FontRole:
        _registered(role)


def font_name(role: FontRole | str) -> str:
    """The reportlab font name of a role, registering it if needed."""
    role = FontRole(role)
    _registered(role)
    return FONT_NAMES[role]


@cache
def covered(role: FontRole | str) -> frozenset[str]:
    """The characters the role's font has a glyph for (from its cmap, read once)."""
    face = _registered(FontRole(role)).face
    return frozenset(map(chr, face.charToGlyph))


# role → (characters its font covers, its font name, the fallback font name); split_runs is
# called for every line drawn, so it avoids even the enum conversion on the hot path.
_run_info: dict[str, tuple[frozenset[str], str, str | None]] = {}


def _role_info(role: FontRole | str) -> tuple[frozenset[str], str, str | None]:
    info = _run_info.get(role)
    if info is None:
        role = FontRole(role)
        fallback = None if role is FALLBACK_ROLE else font_name(FALLBACK_ROLE)
        info = _run_info[role] = (covered(role), font_name(role), fallback)
    return info


def split_runs(text: str, role: FontRole | str) -> list[Run]:
    """Split text into runs of the role's font and the fallback font.

    Characters the role's font lacks are drawn with the fallback font (宋, Noto Serif SC); for the
    fallback role itself there is a single run. Empty text gives no runs.
    """
    own, main, fallback = _role_info(role)
    if fallback is None or own.issuperset(text):
        return [(main, text)] if text else []
    runs: list[Run] = []
    start = 0
    in_own = text[0] in own
    for i, ch in enumerate(text):
        here = ch in own
        if here != in_own:
            runs.append((main if in_own else fallback, text[start:i]))
            start, in_own = i, here
    runs.append((main if in_own else fallback, text[start:]))
    return runs


class CharWidths(dict[str, float]):
    """char → advance width in points for a role at a size, filled on demand.

    ``tracking`` is extra space added after every character (the PDF Tc operator), used to fit
    exactly 28 characters of 三号 仿宋 on a 156 mm line.
    """

    def __init__(self, role: FontRole, size: float, tracking: float = 0.0) -> None:
        super().__init__()
        self.role = role
        self.size = size
        self.tracking = tracking
        self._own = covered(role)
        self._own_face = _registered(role).face
        self._fallback_face = _registered(FALLBACK_ROLE).face

    def __missing__(self, ch: str) -> float:
        face = self._own_face if ch in self._own else self._fallback_face
        width = face.charWidths.get(ord(ch), face.defaultWidth) * self.size / 1000.0
        width += self.tracking
        self[ch] = width
        return width

    def text_width(self, text: str) -> float:
        return sum(map(self.__getitem__, text))


@cache
def char_widths(role: FontRole | str, size: float, tracking: float = 0.0) -> CharWidths:
    """The shared width table for a role, size and tracking."""
    return CharWidths(FontRole(role), size, tracking)


def text_width(text: str, role: FontRole | str, size: float) -> float:
    return char_widths(role, size).text_width(text)


def ascent_descent(role: FontRole | str) -> tuple[float, float]:
    """The role font's ascent and (negative) descent in units of the font size."""
    face = _registered(FontRole(role)).face
    return face.ascent / 1000.0, face.descent / 1000.0
