"""Small things the three lists' widgets share: vocabulary labels in the interface language,
statuses shown as a symbol and a word (never colour alone), combo boxes, and the message box
that says what to do after a refusal. The red line under a field and the date box are in
desktop.ui.widgets, shared with the other tabs."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QMessageBox, QWidget

from db.errors import AppError, ConflictError, NotFoundError, PermissionDenied, RuleError
from db.vocab import ESCALATION_STAGES, PROBLEM_STATUSES, TASK_STATUSES, Vocabulary
from desktop.ui.i18n import current_language

# A symbol per status, so the state reads without colour (and in print or grey-scale).
PROBLEM_SYMBOLS = {"open": "○", "in_progress": "◔", "resolved": "◑", "closed": "✔",
                   "merged": "⇢"}
TASK_SYMBOLS = {"open": "◔", "done": "◑", "closed": "✔"}
OVERDUE_SYMBOL = "⚠"
# The escalation ladder, one distinct symbol a step (shape, not colour, tells them apart).
STAGE_SYMBOLS = {"due_soon": "◷", "overdue": OVERDUE_SYMBOL, "chase": "✉", "supervision": "⚑",
                 "criticism": "✖"}


def vocab_label(vocab: Vocabulary, code: str | None) -> str:
    return vocab.label(code, current_language()) if code else ""


def problem_status_text(code: str) -> str:
    return f"{PROBLEM_SYMBOLS.get(code, '·')} {vocab_label(PROBLEM_STATUSES, code)}"


def task_status_text(code: str) -> str:
    return f"{TASK_SYMBOLS.get(code, '·')} {vocab_label(TASK_STATUSES, code)}"


def stage_text(code: str) -> str:
    """"✉ 已催办"; "" for a task on time."""
    if not code:
        return ""
    return f"{STAGE_SYMBOLS.get(code, '·')} {vocab_label(ESCALATION_STAGES, code)}"


def counts_text(vocab: Vocabulary, symbols: dict[str, str], counts: dict[str, int]) -> str:
    """"○ 待办 12 · ◔ 办理中 30 · ✔ 已销号 80": every status, zero counts too."""
    return "  ·  ".join(f"{symbols.get(code, '')} {vocab_label(vocab, code)} {counts.get(code, 0)}"
                        for code in vocab.codes())


def fill_vocab_combo(combo: QComboBox, vocab: Vocabulary, *, blank: str | None = None) -> None:
    """(Re)fill *combo* with the vocabulary's labels, the code as item data; *blank* adds a
    first entry meaning "any" (data None). The chosen code survives a refill."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for term in vocab:
        combo.addItem(term.label(current_language()), term.code)
    index = combo.findData(current) if current is not None else (0 if blank else -1)
    combo.setCurrentIndex(index)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: Any) -> None:
    """Choose the entry whose data equals *value* (UUIDs too, which findData cannot match)."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
    combo.setCurrentIndex(0 if combo.count() and combo.itemData(0) is None else -1)


class SearchCombo(QComboBox):
    """A combo box one can type into: the list narrows to the entries containing the text.
    ``value()`` is the chosen entry's data, or None while the text matches none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self.model())
        completer = QCompleter(self._proxy, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)

    def set_items(self, items: Sequence[tuple[str, Any]], *, blank: str | None = None) -> None:
        keep = self.value()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for text, data in items:
            self.addItem(text, data)
        self.set_value(keep)
        self.blockSignals(False)

    def value(self) -> Any:
        index = self.findText(self.currentText())
        return self.itemData(index) if index >= 0 else None

    def uuid_value(self) -> uuid.UUID | None:
        value = self.value()
        return value if isinstance(value, uuid.UUID) else None

    def set_value(self, data: Any) -> None:
        for i in range(self.count()):
            if self.itemData(i) == data:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0 if self.count() and self.itemData(0) is None else -1)
        if self.currentIndex() < 0:
            self.setEditText("")


def show_app_error(parent: QWidget | None, error: AppError) -> None:
    """A refusal in a clear box: the service's own message (it says what happened and what to
    do) under a heading that names the kind of refusal.

    Each text is a literal in its own ``translate`` call: lupdate reads only literals, and a
    helper taking the text as a variable left these titles out of the catalogue (English in
    the Chinese interface)."""
    if isinstance(error, PermissionDenied):
        title = QCoreApplication.translate("ListsMessages", "Not permitted")
        hint = QCoreApplication.translate(
            "ListsMessages", "Ask a colleague whose role allows this, or the administrator.")
    elif isinstance(error, ConflictError):
        title = QCoreApplication.translate("ListsMessages", "Saved by someone else first")
        hint = QCoreApplication.translate(
            "ListsMessages", "Press F5 to reload the list, then make the change again.")
    elif isinstance(error, NotFoundError):
        title = QCoreApplication.translate("ListsMessages", "Record not found")
        hint = QCoreApplication.translate("ListsMessages", "Press F5 to reload the list.")
    elif isinstance(error, RuleError):
        title = QCoreApplication.translate("ListsMessages", "Not allowed by the campaign rules")
        hint = ""
    else:
        title = QCoreApplication.translate("ListsMessages", "Cannot save")
        hint = ""
    text = error.message if not hint else f"{error.message}\n\n{hint}"
    QMessageBox.warning(parent, title, text)
