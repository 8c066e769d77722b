"""Small things the visit log's widgets share: the interface language for vocabulary labels
and combo boxes filled from a vocabulary. The red line that says what is wrong with a field
and the date box are in desktop.ui.widgets, shared with the other tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from db.vocab import Vocabulary
from desktop.ui.i18n import current_language


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
