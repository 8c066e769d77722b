"""The base of the personnel dialogs: fields with their messages beside them, checks as you
type, Enter saves, Esc cancels, and nothing typed is lost when a save is refused.

A subclass adds its fields with ``add_field(name, label, widget)`` where *name* is the attribute
of the service's input dataclass, so a FieldError lands next to the right field. It implements
``check()`` (quick checks while typing, field → message) and ``save()`` (call the service).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import AppError, ConflictError, ValidationError
from desktop.ui.personnel.common import ERROR_COLOUR


class ErrorLabel(QLabel):
    """A message under a field: a warning sign and words, in red, hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def set_message(self, message: str | None) -> None:
        self.setText(f"⚠ {message}" if message else "")
        self.setVisible(bool(message))


class OptionalDate(QWidget):
    """A date that may be absent: a check box enables the date edit (e.g. “ended on”)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(text)
        self.edit = date_edit()
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        return edit_date(self.edit)

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value))


def edit_date(edit: QDateEdit) -> date:
    """The date shown in a date edit, as a Python date."""
    value: date = edit.date().toPython()  # type: ignore[assignment]
    return value


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    return edit


class FormDialog(QDialog):
    """A dialog of labelled fields with a Save and a Cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._touched: set[str] = set()
        self._tried = False  # after the first save attempt every field's message shows
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    # -- building --------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel()
        column.addWidget(error)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        self.fields[name] = widget
        self.errors[name] = error
        self._watch(name, widget)
        return widget

    def _watch(self, name: str, widget: QWidget) -> None:
        def changed(*_args: object) -> None:
            if not self.isVisible():
                return  # the form being filled in before it opens, not the clerk typing
            self._touched.add(name)
            self.revalidate()

        signal: Callable[..., object] | None = None
        if isinstance(widget, QLineEdit):
            signal = widget.textChanged.connect
        elif isinstance(widget, QComboBox):
            signal = widget.currentTextChanged.connect
        elif isinstance(widget, QDateEdit):
            signal = widget.dateChanged.connect
        elif isinstance(widget, QPlainTextEdit):
            signal = widget.textChanged.connect
        elif isinstance(widget, QSpinBox):
            signal = widget.valueChanged.connect
        elif isinstance(widget, OptionalDate):
            widget.check.toggled.connect(changed)
            signal = widget.edit.dateChanged.connect
        if signal is not None:
            signal(changed)

    # -- to override -----------------------------------------------------------------------

    def check(self) -> dict[str, str]:
        """Quick checks while typing (field → message); the service has the last word."""
        return {}

    def save(self) -> None:
        """Call the service; raise what it raises."""
        raise NotImplementedError

    def reload(self) -> None:
        """Put the stored record back into the form (after a conflict); edits override it."""

    # -- validation ------------------------------------------------------------------------

    def revalidate(self) -> dict[str, str]:
        found = self.check()
        for name, error in self.errors.items():
            shown = self._tried or name in self._touched
            error.set_message(found.get(name) if shown else None)
        return found

    def show_messages(self, messages: dict[str, str], general: str = "") -> None:
        """Put each message next to its field; messages for unknown fields go at the bottom."""
        extra = [m for f, m in messages.items() if f not in self.errors]
        for name, error in self.errors.items():
            error.set_message(messages.get(name))
        self.general_error.set_message("；".join([*([general] if general else []), *extra]))
        first = next((f for f in self.fields if f in messages), None)
        if first is not None:
            self.fields[first].setFocus()

    def try_save(self) -> None:
        """Save if the checks pass; on any refusal keep every field as typed."""
        self._tried = True
        local = self.revalidate()
        if local:
            self.show_messages(local)
            return
        try:
            self.save()
        except ValidationError as exc:
            messages: dict[str, str] = {}
            for err in exc.errors:
                messages.setdefault(err.field, err.message)
            self.show_messages(messages)
            return
        except ConflictError as exc:
            self.general_error.set_message(exc.message)
            self._offer_reload(exc.message)
            return
        except AppError as exc:
            self.show_messages({}, exc.message)
            return
        self.accept()

    def _offer_reload(self, message: str) -> None:
        answer = QMessageBox.question(
            self, self.windowTitle(),
            message + "\n\n" + self.tr(
                "Load the record as it is saved now? Choose No to keep your input in the form."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.reload()
            self.general_error.set_message(self.tr(
                "The form now shows the record as saved by the other user; make your change "
                "again and save."))
