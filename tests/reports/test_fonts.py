"""Font registration and per-character fallback."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.fonts import FontRole
from desktop.reports.fonts import (
    FONT_NAMES,
    char_widths,
    covered,
    font_name,
    register_fonts,
    split_runs,
)

FANG = FONT_NAMES[FontRole.FANGSONG]
SONG = FONT_NAMES[FontRole.SONG]


def test_every_role_registers_a_truetype_font() -> None:
    register_fonts()
    for role in FontRole:
        assert isinstance(pdfmetrics.getFont(font_name(role)), TTFont)


def test_fandolfang_lacks_rare_name_characters_that_noto_serif_has() -> None:
    for ch in "堃喆昇祎":
        assert ch not in covered(FontRole.FANGSONG)
        assert ch in covered(FontRole.SONG)
    assert "张" in covered(FontRole.FANGSONG)


def test_split_runs_falls_back_for_missing_characters() -> None:
    assert split_runs("张堃", FontRole.FANGSONG) == [(FANG, "张"), (SONG, "堃")]
    assert split_runs("张堃同志喆昇", "fangsong") == [
        (FANG, "张"), (SONG, "堃"), (FANG, "同志"), (SONG, "喆昇"),
    ]
    assert split_runs("走访学校", FontRole.FANGSONG) == [(FANG, "走访学校")]
    assert split_runs("", FontRole.FANGSONG) == []


def test_the_fallback_role_is_one_run() -> None:
    assert split_runs("张堃", FontRole.SONG) == [(SONG, "张堃")]


@pytest.mark.parametrize("role", [FontRole.TITLE, FontRole.KAI, FontRole.HEI])
def test_other_roles_fall_back_too(role: FontRole) -> None:
    runs = split_runs("王喆", role)
    assert "".join(text for _, text in runs) == "王喆"
    if "喆" not in covered(role):
        assert runs[-1] == (SONG, "喆")


def test_widths_measure_the_font_that_draws_the_character() -> None:
    widths = char_widths(FontRole.FANGSONG, 16.0)
    assert widths["张"] == pytest.approx(16.0)
    song = pdfmetrics.getFont(SONG)
    assert widths["堃"] == pytest.approx(song.stringWidth("堃", 16.0))
    assert widths.text_width("张堃") == pytest.approx(widths["张"] + widths["堃"])
    tracked = char_widths(FontRole.FANGSONG, 16.0, -0.25)
    assert tracked["张"] == pytest.approx(15.75)
