"""The settings' font choice reaches the report fonts: Windows' own files when chosen and
present, the bundled ones otherwise."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.fonts import FontRole, font_path, report_font_path, set_report_font_source
from desktop.ui.app import apply_pc_settings
from desktop.ui.settings import FONT_SOURCE_KEY


@pytest.fixture
def windows_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "Windows" / "Fonts"
    folder.mkdir(parents=True)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    yield folder
    set_report_font_source("bundled")


def test_system_fonts_are_used_when_chosen_and_present(windows_fonts: Path,
                                                        settings: QSettings) -> None:
    shutil.copyfile(font_path(FontRole.FANGSONG), windows_fonts / "simfang.ttf")
    settings.setValue(FONT_SOURCE_KEY, "system")
    apply_pc_settings(settings)  # what the application does at start
    assert report_font_path(FontRole.FANGSONG) == windows_fonts / "simfang.ttf"
    # 黑体 is not on this PC: the bundled font stands in; the title font is always bundled.
    assert report_font_path(FontRole.HEI) == font_path(FontRole.HEI)
    assert report_font_path(FontRole.TITLE) == font_path(FontRole.TITLE)
    settings.setValue(FONT_SOURCE_KEY, "bundled")
    apply_pc_settings(settings)
    assert report_font_path(FontRole.FANGSONG) == font_path(FontRole.FANGSONG)
