"""The bundled fonts: files, outlines, coverage, and that Qt draws Chinese with them."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont
from PySide6.QtGui import QColor, QFontDatabase, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel

from desktop.fonts import (
    FALLBACK_ROLE,
    FONTS,
    UI_ROLE,
    FontRole,
    font_path,
    licence_paths,
)
from desktop.ui.fonts import register_fonts, role_font

COMMON = "张食堂"
RARE = "堃喆昇祎"  # name characters outside GB2312


@pytest.fixture(scope="module")
def cmaps() -> dict[FontRole, set[int]]:
    result = {}
    for role in FontRole:
        font = TTFont(font_path(role), lazy=True)
        result[role] = set(font.getBestCmap())
        font.close()
    return result


@pytest.mark.parametrize("role", list(FontRole))
def test_file_exists_with_truetype_outlines(role: FontRole) -> None:
    path = font_path(role)
    assert path.is_file(), path
    font = TTFont(path, lazy=True)
    try:
        assert "glyf" in font, f"{path.name} has no TrueType outlines (reportlab needs them)"
        names = font["name"]
        # The typographic family (name 16) when there is one, as Qt and matplotlib read it.
        assert (names.getDebugName(16) or names.getDebugName(1)) == FONTS[role].family
    finally:
        font.close()


@pytest.mark.parametrize("role", list(FontRole))
def test_licence_files_are_bundled(role: FontRole) -> None:
    for path in licence_paths(role):
        assert path.is_file(), path
        assert path.stat().st_size > 500


@pytest.mark.parametrize("role", list(FontRole))
def test_every_face_has_common_characters(role: FontRole, cmaps: dict) -> None:
    missing = [ch for ch in COMMON if ord(ch) not in cmaps[role]]
    assert not missing, f"{role}: {missing}"


def test_fallback_has_the_rare_name_characters(cmaps: dict) -> None:
    assert FALLBACK_ROLE == FontRole.SONG
    missing = [ch for ch in RARE if ord(ch) not in cmaps[FALLBACK_ROLE]]
    assert not missing


def test_qt_knows_every_family_after_registration() -> None:
    registered = register_fonts()
    families = set(QFontDatabase.families())
    for role, font in FONTS.items():
        assert font.family in registered[role]
        assert font.family in families


def test_application_font_is_the_sans_role(qapp: QApplication) -> None:
    assert qapp.font().families()[0] == FONTS[UI_ROLE].family


@pytest.mark.parametrize("role", list(FontRole))
def test_qt_finds_the_glyphs(role: FontRole) -> None:
    metrics = QFontMetrics(role_font(role, 12))
    for ch in COMMON:
        assert metrics.inFontUcs4(ord(ch)), (role, ch)
    if role in (FALLBACK_ROLE, UI_ROLE):
        for ch in RARE:
            assert metrics.inFontUcs4(ord(ch)), (role, ch)


def _render(text: str) -> QImage:
    label = QLabel(text)
    label.setFont(role_font(UI_ROLE, 20))
    label.resize(40, 40)
    image = QImage(label.size(), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    label.render(image)
    return image


def test_chinese_label_is_not_drawn_as_boxes() -> None:
    """Missing glyphs are all drawn as the same box: real hanzi differ from it and each other."""
    box = _render("\ue000")  # private use area: no font has it
    images = {ch: _render(ch) for ch in COMMON + RARE}
    blank = _render("")
    for ch, image in images.items():
        assert image != blank, f"{ch} drew nothing"
        assert image != box, f"{ch} drawn as a box"
    distinct = {bytes(image.constBits()) for image in images.values()}
    assert len(distinct) == len(images)
