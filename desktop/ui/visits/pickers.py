"""Type-ahead pickers: a unit or a cadre by part of the name or the pinyin initials.

``TypeAheadEdit`` is a line edit with a QCompleter whose list we filter ourselves (the name
anywhere, the initials from the start), because QCompleter's own filter matches one string
only. The completer is attached with ``setWidget`` rather than ``setCompleter`` so that picking
a row does not paste its text: the picker decides what the field shows.

Keys while the list is open go to the list: ↑/↓ move, Enter or Tab picks, Esc closes. The
completer hands those keys to the line edit first; the edit ignores them then, so Enter picks
a name instead of saving the form.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.visits.lookups import CadreChoice, UnitChoice

ChoiceIdRole = Qt.ItemDataRole.UserRole + 1
MAX_SHOWN = 60  # rows in the list; typing more narrows it, nobody scrolls through hundreds

_AnyIndex = QModelIndex | QPersistentModelIndex
_POPUP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
               Qt.Key.Key_Backtab)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True, slots=True)
class Choice:
    """One pickable record: ``label`` fills the field once chosen, ``detail`` helps tell
    namesakes apart in the list (the region of a unit, the unit and post of a cadre)."""

    id: uuid.UUID
    name: str
    label: str
    detail: str = ""
    initials: str = ""

    def rank(self, query: str) -> int | None:
        """How well the query matches (lower is better), or None when it does not."""
        name = self.name.lower()
        if name == query:
            return 0
        if name.startswith(query):
            return 1
        if self.initials and self.initials.startswith(query):
            return 2
        if query in name:
            return 3
        if self.initials and query in self.initials:
            return 4
        return None


def cadre_choice(c: CadreChoice) -> Choice:
    detail = "·".join(part for part in (c.unit_name, c.position) if part)
    return Choice(c.id, c.name, c.name, detail, c.initials)


def unit_choice(u: UnitChoice) -> Choice:
    return Choice(u.id, u.name, f"{u.name}（{u.region_name}）", u.region_name)


class ChoiceModel(QAbstractListModel):
    """All choices, and the ones matching the text typed so far (the rows shown)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[Choice] = []
        self._shown: list[Choice] = []

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.beginResetModel()
        self._all = list(choices)
        self._shown = []
        self.endResetModel()

    def choices(self) -> list[Choice]:
        return list(self._all)

    def matches(self, text: str) -> list[Choice]:
        query = text.strip().lower()
        if not query:
            return self._all[:MAX_SHOWN]
        ranked = [(r, i, c) for i, c in enumerate(self._all)
                  if (r := c.rank(query)) is not None]
        ranked.sort(key=lambda t: (t[0], t[1]))
        return [c for _r, _i, c in ranked[:MAX_SHOWN]]

    def set_query(self, text: str) -> int:
        self.beginResetModel()
        self._shown = self.matches(text)
        self.endResetModel()
        return len(self._shown)

    def find(self, choice_id: Any) -> Choice | None:
        return next((c for c in self._all if c.id == choice_id), None)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        choice = self._shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return f"{choice.name}　{choice.detail}" if choice.detail else choice.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.label
        if role == ChoiceIdRole:
            return choice.id
        return None


class TypeAheadEdit(QLineEdit):
    """A line edit offering matching choices as the user types; emits ``picked(Choice)``."""

    picked = Signal(object)
    backspace_on_empty = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = ChoiceModel(self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(10)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._activated)
        self.completer_.popup().setMinimumWidth(260)
        self.textEdited.connect(self.show_matches)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.choices.set_choices(choices)

    def popup_visible(self) -> bool:
        return self.completer_.popup().isVisible()

    def show_matches(self, text: str | None = None) -> None:
        """Open the list on the choices matching *text* (the field's text by default), the
        best one highlighted so that Enter takes it."""
        text = self.text() if text is None else text
        if not text.strip() and not self.hasFocus():
            self.completer_.popup().hide()
            return
        if self.choices.set_query(text) == 0:
            self.completer_.popup().hide()
            return
        self.completer_.complete()
        popup = self.completer_.popup()
        popup.setCurrentIndex(self.completer_.completionModel().index(0, 0))

    def best_match(self) -> Choice | None:
        """The one choice the text means: an exact name or label, or the only match."""
        text = self.text().strip()
        if not text:
            return None
        for choice in self.choices.choices():
            if text in (choice.name, choice.label):
                return choice
        found = self.choices.matches(text)
        return found[0] if len(found) == 1 else None

    def _activated(self, index: QModelIndex) -> None:
        choice = self.choices.find(index.data(ChoiceIdRole))
        if choice is not None:
            self.picked.emit(choice)

    def enter_with_text(self) -> bool:
        """Enter with the list closed and text typed; True when the key was used up here."""
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.popup_visible() and key in _POPUP_KEYS:
            event.ignore()  # the completer acts on it
            return
        if key == Qt.Key.Key_Down and not self.popup_visible():
            self.show_matches()
            return
        if key == Qt.Key.Key_Backspace and not self.text():
            self.backspace_on_empty.emit()
            return
        if key in _ENTER and event.modifiers() == Qt.KeyboardModifier.NoModifier \
                and self.text().strip() and self.enter_with_text():
            return
        super().keyPressEvent(event)


class ChoiceEdit(TypeAheadEdit):
    """Picks one record (a unit, a cadre): the field shows its label once chosen; typing
    again forgets it. ``chosen_changed`` carries the Choice or None."""

    chosen_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chosen: Choice | None = None
        self.picked.connect(self.set_chosen)
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self.resolve)

    @property
    def chosen(self) -> Choice | None:
        return self._chosen

    @property
    def chosen_id(self) -> uuid.UUID | None:
        return self._chosen.id if self._chosen else None

    def set_chosen(self, choice: Choice | None) -> None:
        self._chosen = choice
        self.setText(choice.label if choice else "")
        self.setCursorPosition(0)
        self.completer_.popup().hide()
        self.chosen_changed.emit(choice)

    def select_id(self, choice_id: uuid.UUID | None) -> None:
        self.set_chosen(self.choices.find(choice_id) if choice_id else None)

    def _typed(self, _text: str) -> None:
        if self._chosen is not None:
            self._chosen = None
            self.chosen_changed.emit(None)

    def resolve(self) -> None:
        """Leaving the field with a name typed but not picked: take it if it is unambiguous."""
        if self._chosen is None:
            match = self.best_match()
            if match is not None:
                self.set_chosen(match)

    def unresolved(self) -> bool:
        """Text typed that names no record (the form says so next to the field)."""
        return self._chosen is None and bool(self.text().strip())

    def enter_with_text(self) -> bool:
        self.resolve()
        return False  # Enter goes on to the form (which saves)


class FlowLayout(QLayout):
    """Lays the chips out left to right, wrapping to the next line when the row is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line = max(line, hint.height())
        return y + line - rect.y()


class _CadreInput(TypeAheadEdit):
    """The picker's field: Enter with the list closed but a name typed adds that cadre if
    the name is unambiguous, else reopens the list. It never lets Enter save the form with a
    half-typed name in the field."""

    def __init__(self, picker: CadrePicker) -> None:
        super().__init__(picker)
        self.picker = picker

    def enter_with_text(self) -> bool:
        match = self.best_match()
        if match is not None:
            self.picker.add(match)
        else:
            self.show_matches()
        return True


class CadrePicker(QWidget):
    """Several cadres: type part of a name or the initials, Enter adds the highlighted one as
    a chip. A chip's ✕ removes it; Backspace in the empty field removes the last one."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = _CadreInput(self)
        self.edit.setObjectName("cadreInput")
        self.chip_box = QWidget()
        self.chip_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.chip_layout = FlowLayout(self.chip_box)
        self.chips: list[tuple[Choice, QToolButton]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.chip_box)
        layout.addWidget(self.edit)
        self.chip_box.hide()
        self.setFocusProxy(self.edit)
        self.edit.picked.connect(self.add)
        self.edit.backspace_on_empty.connect(self.remove_last)

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.edit.set_choices(choices)

    def cadre_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(choice.id for choice, _chip in self.chips)

    def names(self) -> list[str]:
        return [choice.name for choice, _chip in self.chips]

    def add(self, choice: Choice) -> None:
        self.edit.clear()
        self.edit.completer_.popup().hide()
        if choice.id in self.cadre_ids():
            return
        chip = QToolButton()
        chip.setObjectName("cadreChip")
        chip.setText(f"{choice.name} ✕")
        chip.setToolTip(self.tr("{name}, {detail} — click to remove").format(
            name=choice.name, detail=choice.detail))
        chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Backspace removes by keyboard
        chip.setStyleSheet(
            "QToolButton#cadreChip { border: 1px solid #9bb4d6; border-radius: 9px;"
            " background: #e8f0fb; padding: 1px 8px; }"
            "QToolButton#cadreChip:hover { background: #d3e2f7; }")
        chip.clicked.connect(lambda _checked=False, c=choice: self.remove(c.id))
        self.chips.append((choice, chip))
        self.chip_layout.addWidget(chip)
        self.chip_box.show()
        self.chip_box.updateGeometry()
        self.changed.emit()

    def remove(self, cadre_id: uuid.UUID) -> None:
        for number, (choice, chip) in enumerate(self.chips):
            if choice.id == cadre_id:
                del self.chips[number]
                self.chip_layout.removeWidget(chip)
                chip.deleteLater()
                break
        self.chip_box.setVisible(bool(self.chips))
        self.chip_box.updateGeometry()
        self.changed.emit()

    def remove_last(self) -> None:
        if self.chips:
            self.remove(self.chips[-1][0].id)

    def set_cadres(self, choices: Sequence[Choice]) -> None:
        self.clear()
        for choice in choices:
            self.add(choice)

    def clear(self) -> None:
        for choice, _chip in list(self.chips):
            self.remove(choice.id)
        self.edit.clear()
