"""F1 opens the manual at the current tab's chapter; the help window shows the manual's text
and screenshots; the About box names the version, licences and the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.fonts import FONTS, licences_dir
from desktop.reports.kinds.manual import chapters, image_references, manual_dir
from desktop.ui.about import LIBRARIES, AboutDialog, library_version
from desktop.ui.help import IMAGE_WIDTH, TAB_CHAPTERS, HelpWindow
from desktop.ui.main_window import TABS, MainWindow
from desktop.version import app_version


@pytest.mark.parametrize("number", range(len(TABS)))
def test_f1_on_each_tab_opens_the_help_at_that_tabs_chapter(
        qtbot: QtBot, window: MainWindow, number: int) -> None:
    key = TABS[number][0]
    window.tabs.setCurrentIndex(number)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window.tabs, Qt.Key.Key_F1)
    help_window = getattr(window, "_help_window", None)
    assert isinstance(help_window, HelpWindow)
    qtbot.waitExposed(help_window)
    chapter = next(c for c in chapters() if c.key == TAB_CHAPTERS[key])
    assert help_window.current_key == chapter.key
    assert help_window.contents.currentItem().text() == chapter.title
    shown = help_window.browser.toPlainText()
    assert shown.startswith(chapter.title)
    # The chapter names the tab it is about, as the window titles it.
    assert window.tabs.tabText(number) in shown
    help_window.close()


def test_f1_again_on_another_tab_reuses_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(0)
    window.actions_["help"].trigger()
    first = window._help_window  # type: ignore[attr-defined]
    window.tabs.setCurrentIndex(2)
    window.actions_["help"].trigger()
    assert window._help_window is first  # type: ignore[attr-defined]
    assert first.current_key == TAB_CHAPTERS["lists"]
    first.close()


def test_f1_on_the_monthly_studies_opens_their_chapter(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(2)
    page = window.tabs.currentWidget()
    page.body.tabs.setCurrentIndex(page.studies_index)  # type: ignore[attr-defined]
    window.actions_["help"].trigger()
    help_window = window._help_window  # type: ignore[attr-defined]
    assert help_window.current_key == "07-monthly-study"
    assert "专题研究" in help_window.contents.currentItem().text()
    page.body.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
    window.actions_["help"].trigger()
    assert help_window.current_key == "05-lists"
    help_window.close()


def test_help_window_shows_every_chapter_with_its_screenshots(qtbot: QtBot) -> None:
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show()
    found_images = 0
    for row, chapter in enumerate(help_window.chapters):
        help_window.contents.setCurrentRow(row)
        assert help_window.current_key == chapter.key
        html = help_window.browser.toHtml()
        for ref in image_references(chapter.text()):
            assert ref in html
            url = help_window.browser.document().baseUrl().resolved(QUrl(ref))
            image = help_window.browser.loadResource(
                QTextDocument.ResourceType.ImageResource.value, url)
            assert isinstance(image, QImage) and not image.isNull(), ref
            assert image.width() <= IMAGE_WIDTH
            found_images += 1
    assert found_images >= 5
    assert [c.key for c in help_window.chapters] == sorted(p.stem for p in
                                                          manual_dir().glob("*.md"))


def test_find_in_the_chapter(qtbot: QtBot) -> None:
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show_chapter("04-visits")
    help_window.find_edit.setText("拼音首字母")
    help_window.find_next()
    assert help_window.browser.textCursor().selectedText() == "拼音首字母"
    assert help_window.find_label.text() == ""
    help_window.find_edit.setText("不会出现的字词组合")
    help_window.find_next()
    assert help_window.find_label.text() == "本章中没有找到"


def test_the_help_window_prints_the_manual_through_the_reports(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.actions_["help"].trigger()
    help_window = window._help_window  # type: ignore[attr-defined]
    assert help_window.print_button.isVisible()
    asked: list[str] = []
    monkeypatch.setattr(window.reports_feature, "generate",  # type: ignore[attr-defined]
                        lambda key, params: asked.append(key))
    help_window.print_button.click()
    assert asked == ["manual"]
    help_window.close()


def test_about_box_names_version_licences_libraries_and_data_folder(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.actions_["about"].trigger()
    dialogs = [w for w in QApplication.topLevelWidgets()
               if isinstance(w, AboutDialog) and w.isVisible()]
    assert len(dialogs) == 1
    about = dialogs[0]
    assert about.windowTitle() == "关于民情台账"
    text = about.text.toPlainText()
    html = about.text.toHtml()
    assert f"版本： {app_version()}" in text
    assert str(tmp_path / "data") in text and window.database.location in text  # type: ignore[union-attr]
    for font in FONTS.values():
        assert font.family in text and font.licence in text
        for name in font.licence_files:
            assert (licences_dir() / name).is_file()
            assert QUrl.fromLocalFile(str(licences_dir() / name)).toString() in html
    for distribution, name, licence in LIBRARIES:
        assert name in text and licence in text
        assert library_version(distribution) in text
    assert library_version("PySide6-Essentials") == "6.11.3"
    assert library_version("PySide6-Essentials") in text
    about.close()
