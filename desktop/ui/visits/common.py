"""Small things the visit log's widgets share: the interface language for vocabulary labels,
combo boxes filled from a vocabulary, and the red line that says what is wrong with a field."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDateEdit, QLabel, QWidget

from db.vocab import Vocabulary
from desktop.ui.i18n import current_language

ERROR_STYLE = "color: #c0392b;"  # readable red on the default light background


def lang() -> str:
    """The language vocabulary labels are shown in ("zh_CN" → Chinese)."""
    return current_language()


def fill_vocab_combo(combo: QComboBox, vocab: Vocabulary, *, keep: bool = True) -> None:
    """(Re)fill *combo* with the vocabulary's labels, the code as item data; the selected code
    survives a refill (a language switch)."""
    current = combo.currentData() if keep else None
    combo.blockSignals(True)
    combo.clear()
    for term in vocab:
        combo.addItem(term.label(lang()), term.code)
    combo.setCurrentIndex(combo.findData(current) if current is not None else -1)
    combo.blockSignals(False)


def select_code(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(combo.findData(code) if code else -1)


def combo_code(combo: QComboBox) -> str:
    data = combo.currentData()
    return str(data) if data is not None and combo.currentIndex() >= 0 else ""


class ErrorLabel(QLabel):
    """Says in words what is wrong with the field above it; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        text = "；".join(m for m in messages if m)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_messages([])


class DateEdit(QDateEdit):
    """A date box that Tab leaves at once. QDateEdit's Tab walks year → month → day first,
    which makes the date three stops in the form; ←/→ still move between the parts and
    typing a complete part moves on by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next)
