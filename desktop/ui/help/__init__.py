"""The help window: the user manual (docs/manual, Markdown) shown inside the app, one chapter at
a time, opened by F1 at the chapter about the current tab.

The chapters are the same files ``main.py report manual`` prints, so what the clerk reads on
screen and on paper never differ.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.kinds.manual import IMAGE_LINE, Chapter, chapters, manual_dir

# The chapter about each tab of the main window (keys of main_window.TABS, and "studies",
# see desktop.ui.about.current_tab_key).
TAB_CHAPTERS = {
    "personnel": "03-personnel",
    "visits": "04-visits",
    "lists": "05-lists",
    "charts": "06-charts",
    "studies": "07-monthly-study",  # the 局党组专题研究 page inside the three lists
}
FIRST_CHAPTER = "01-install"


# Screenshots are 1,280 pixels wide; shown at this width they fit the window's default size
# without a horizontal scroll bar and stay readable.
IMAGE_WIDTH = 720


def with_captions(text: str) -> str:
    """The chapter with each screenshot's caption (its alt text) printed under it, as the
    printed manual does; a text browser shows no alt text."""
    lines = []
    for line in text.splitlines():
        lines.append(line)
        match = IMAGE_LINE.match(line.strip())
        if match is not None:
            lines += ["", f"*{match.group('caption')}*"]
    return "\n".join(lines)


class ManualBrowser(QTextBrowser):
    """A text browser that shows the manual's screenshots at a readable, fitting width."""

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource.value and name.isLocalFile():
            image = QImage(name.toLocalFile())
            if not image.isNull() and image.width() > IMAGE_WIDTH:
                return image.scaledToWidth(IMAGE_WIDTH,
                                           mode=Qt.TransformationMode.SmoothTransformation)
            return image
        return super().loadResource(kind, name)


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None, source: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Minqing Ledger — User manual"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setModal(False)
        self.source = source or manual_dir()
        self.chapters: list[Chapter] = chapters(self.source)

        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        for chapter in self.chapters:
            item = QListWidgetItem(chapter.title)
            item.setData(Qt.ItemDataRole.UserRole, chapter.key)
            self.contents.addItem(item)
        self.contents.setMinimumWidth(200)
        self.browser = ManualBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(self.source)])
        self.browser.document().setDocumentMargin(14)

        self.find_edit = QLineEdit()
        self.find_edit.setObjectName("helpFind")
        self.find_edit.setPlaceholderText(self.tr("Find in this chapter (Enter: next)"))
        self.find_edit.returnPressed.connect(self.find_next)
        self.find_label = QLabel()
        self.print_button = QPushButton(self.tr("&Print the manual…"))
        self.print_button.setObjectName("printManual")
        self.print_button.setToolTip(self.tr("The whole manual in the formal report layout, "
                                             "with a preview before printing"))
        self.print_button.clicked.connect(self.print_manual)
        self.print_button.setVisible(self._reports() is not None)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.find_edit, 1)
        top.addWidget(self.find_label)
        top.addStretch(0)
        top.addWidget(self.print_button)
        top.addWidget(close)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.find_edit.setFocus)

        self.contents.currentRowChanged.connect(self._show_row)
        self.resize(1040, 760)
        self.current_key = ""
        self.show_chapter(FIRST_CHAPTER)

    # -- chapters -----------------------------------------------------------------------------

    def show_chapter(self, key: str) -> None:
        """Show the chapter *key* (a file name without ".md"); the first one if unknown."""
        keys = [c.key for c in self.chapters]
        row = keys.index(key) if key in keys else 0
        if self.contents.currentRow() == row:
            self._show_row(row)
        else:
            self.contents.setCurrentRow(row)

    def show_tab(self, tab_key: str | None) -> None:
        self.show_chapter(TAB_CHAPTERS.get(tab_key or "", FIRST_CHAPTER))

    @Slot(int)
    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.chapters):
            return
        chapter = self.chapters[row]
        self.current_key = chapter.key
        document = self.browser.document()
        document.setBaseUrl(QUrl.fromLocalFile(str(self.source) + "/"))
        self.browser.setMarkdown(with_captions(chapter.text()))
        self.browser.verticalScrollBar().setValue(0)
        self.find_label.clear()

    # -- finding and printing -----------------------------------------------------------------

    @Slot()
    def find_next(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            return
        if self.browser.find(text):
            self.find_label.clear()
            return
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)  # wrap around
        found = self.browser.find(text)
        self.find_label.setText("" if found else self.tr("Not in this chapter"))

    def _reports(self) -> Any:
        return getattr(self.parent(), "reports_feature", None)

    @Slot()
    def print_manual(self) -> None:
        from desktop.reports.catalog import ReportParams

        feature = self._reports()
        if feature is not None:
            feature.generate("manual", ReportParams())


def help_window(parent: QWidget) -> HelpWindow:
    """The window's one help window (made on first use, kept while the window lives)."""
    window = getattr(parent, "_help_window", None)
    if not isinstance(window, HelpWindow):
        window = HelpWindow(parent)
        parent._help_window = window  # type: ignore[attr-defined]
    return window
