"""Small pieces the personnel widgets share: the vocabulary language, a type-to-find combo box,
the colours of done/missing marks, and a list-backed table model."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QTableView, QWidget

from db.vocab import Vocabulary
from desktop.ui.i18n import current_language
from desktop.ui.table_model import Column, PagedTableModel

Row = TypeVar("Row")

# Done / missing: always a sign and a word besides the colour (colour-blind safe); both
# colours keep a contrast ratio above 4.5:1 on white.
DONE_COLOUR = "#1b6e20"
MISSING_COLOUR = "#b3261e"
ERROR_COLOUR = "#b3261e"
MUTED_COLOUR = "#555555"


def vocab_lang() -> str:
    """"zh" or "en": the language vocabulary labels are shown in."""
    return "zh" if current_language().startswith("zh") else "en"


def label(vocab: Vocabulary, code: str | None) -> str:
    return vocab.label(code, vocab_lang())


class SearchCombo(QComboBox):
    """A combo box one can type into: the list narrows to the entries containing the text.

    ``value()`` is the data of the chosen entry, or None while the text matches none. Typing
    keeps working while the popup is open, so a clerk never needs the mouse.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model())
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer = QCompleter(self._proxy, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated[str].connect(self._chosen)  # type: ignore[index]

    def set_items(self, items: Sequence[tuple[str, Any]], *, blank: str | None = None) -> None:
        """Replace the entries (text, data); *blank* adds a first entry with data None."""
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for text, data in items:
            self.addItem(text, data)
        self.blockSignals(False)
        self.set_value(keep)

    def _chosen(self, text: str) -> None:
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)

    def value(self) -> Any:
        index = self.findText(self.currentText())
        if index < 0:
            return None
        return self.itemData(index)

    def set_value(self, data: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == data:
                self.setCurrentIndex(i)
                return
        if data is None:
            self.setCurrentIndex(-1)
            self.setEditText("")


def fit_columns(view: QTableView, columns: Sequence[Column[Any]]) -> None:
    """Each column as wide as declared, but never narrower than its (translated) header."""
    metrics = view.horizontalHeader().fontMetrics()
    for i, column in enumerate(columns):
        if column.width:
            header = metrics.horizontalAdvance(column.title()) + 24  # padding and sort arrow
            view.setColumnWidth(i, max(column.width, header))


def select_data(combo: QComboBox, value: Any) -> None:
    """Choose the entry whose data equals *value* (a UUID too, which findData cannot match);
    the first entry when none does."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
    combo.setCurrentIndex(0 if combo.count() else -1)


def list_model(columns: Sequence[Column[Row]], rows: Callable[[], Sequence[Row]],
               parent: Any = None) -> PagedTableModel[Row]:
    """A PagedTableModel over a short list read in one page (assignments, pairings).

    The same lazy model as the big tables, so it behaves (and is tested) the same way.
    """

    def fetch(_cursor: Any, _limit: int) -> tuple[Sequence[Row], None]:
        return list(rows()), None

    return PagedTableModel(columns, fetch, parent=parent)


def fetch_all(model: PagedTableModel[Any]) -> None:
    """Load every page now (short lists shown without a scroll-driven fetch)."""
    while model.canFetchMore():
        model.fetchMore()


def uuid_or_none(value: Any) -> uuid.UUID | None:
    return value if isinstance(value, uuid.UUID) else None
