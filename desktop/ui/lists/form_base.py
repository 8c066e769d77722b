"""The frame every list dialog shares: labelled fields with a red line under each, Save and
Cancel, one service call on save. A failed save keeps every typed character: field errors go
next to their fields, refusals into a message box, and the dialog stays open."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.errors import AppError, ValidationError
from desktop.ui.lists.common import show_app_error
from desktop.ui.widgets import ErrorLabel


class FormDialog(QDialog):
    """Subclasses add fields with ``add_field`` and implement ``submit()`` (one service call,
    returning what was saved). ``saved`` carries that result after the dialog accepted."""

    saved = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.general_error = ErrorLabel()  # messages for fields the form does not show
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        # Ctrl+S saves as everywhere in the app; Ctrl+Enter saves from a multi-line field.
        for keys in (QKeySequence(QKeySequence.StandardKey.Save), QKeySequence("Ctrl+Return")):
            QShortcut(keys, self).activated.connect(self.save)
        self.setMinimumWidth(560)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        """A row: *label*, then *widget* with its error line; *name* is the input attribute
        the services name in FieldError.field."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel()
        column.addWidget(error)
        self.form.addRow(label, box)
        label_widget = self.form.labelForField(box)
        if isinstance(label_widget, QLabel):
            label_widget.setBuddy(widget)
        widget.setObjectName(name)
        self.fields[name] = widget
        self.errors[name] = error

    # -- saving -------------------------------------------------------------------------------

    def submit(self) -> Any:
        raise NotImplementedError

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.show_messages([])
        self.general_error.show_messages([])

    def show_field_errors(self, error: ValidationError) -> None:
        first: QWidget | None = None
        general: list[str] = []
        by_field: dict[str, list[str]] = {}
        for e in error.errors:
            by_field.setdefault(e.field, []).append(e.message)
        for name, messages in by_field.items():
            if name in self.errors:
                self.errors[name].show_messages(messages)
                if first is None:
                    first = self.fields[name]
            else:
                general.extend(messages)
        self.general_error.show_messages(general)
        if first is not None:
            first.setFocus()

    def save(self) -> None:
        self.clear_errors()
        try:
            result = self.submit()
        except ValidationError as error:
            self.show_field_errors(error)
            return
        except AppError as error:
            show_app_error(self, error)
            return
        self.saved.emit(result)
        self.accept()
