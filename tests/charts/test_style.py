"""The house style: fonts registered once, no global state changed, the glyph guard works."""

from __future__ import annotations

import itertools

import matplotlib
import pytest
from matplotlib import font_manager

from desktop.charts.style import (
    FAMILY,
    GREYS,
    house_style,
    new_figure,
    register_fonts,
    text_colour,
)
from desktop.fonts import FONTS
from tests.charts.helpers import render, texts


def test_bundled_fonts_registered_once() -> None:
    register_fonts()
    names = [f.name for f in font_manager.fontManager.ttflist]
    for font in FONTS.values():
        assert font.family in names
    before = len(font_manager.fontManager.ttflist)
    register_fonts()  # again: nothing added
    assert len(font_manager.fontManager.ttflist) == before
    assert font_manager.findfont(FAMILY[0], fallback_to_default=False).endswith(
        "NotoSansSC-Regular.ttf")


def test_style_is_a_context() -> None:
    before = dict(matplotlib.rcParams)
    with house_style():
        assert matplotlib.rcParams["font.family"] == FAMILY
    assert dict(matplotlib.rcParams) == before


def test_missing_glyph_fails() -> None:
    """The autouse guard (conftest) turns matplotlib's missing-glyph warning into an error."""
    with house_style():
        fig = new_figure()
        fig.add_subplot().set_title("\U0001f600")  # no emoji in Noto Sans SC
    with pytest.raises(UserWarning, match="missing"):
        render(fig)


def test_rare_name_characters_render() -> None:
    with house_style():
        fig = new_figure()
        fig.add_subplot().set_title("张堃 李喆 王昇 赵祎")
    assert "张堃 李喆 王昇 赵祎" in texts(fig)


def test_greys_are_distinct_and_labels_readable() -> None:
    levels = [int(g[1:3], 16) for g in GREYS]
    assert levels == sorted(levels)
    assert min(b - a for a, b in itertools.pairwise(levels)) >= 0x19
    assert text_colour(GREYS[0]) == "#ffffff" and text_colour(GREYS[-1]) == "#000000"
