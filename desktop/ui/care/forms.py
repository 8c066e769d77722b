"""The two care forms: a care record (who, which group, where, the situation) and a help entry
(when, by whom, what help).

Keyboard-first like the visit form: Enter in a single-line field or a combo box saves, Esc
cancels, Tab follows the page. A refused save keeps everything typed and puts each message
under its field; the focus goes to the first bad field. Saving is the widget's business
(``save_requested``); a form only turns its fields into the service's input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.errors import FieldError
from db.queries.care import CareDetail
from db.services.care import (
    EARLIEST_BIRTH_YEAR,
    HELP_MAX,
    NAME_MAX,
    PERSON_ROLES,
    CareEntryInput,
    CareRecordInput,
)
from db.vocab import CARE_GROUPS, REPORTER_TYPES
from desktop.ui.visits.common import fill_vocab_combo, lang
from desktop.ui.visits.lookups import CadreChoice, UnitChoice
from desktop.ui.visits.pickers import Choice, ChoiceEdit, cadre_choice, unit_choice
from desktop.ui.widgets import DateEdit, ErrorLabel, combo_code

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NO_YEAR = EARLIEST_BIRTH_YEAR - 1  # the spin box's "not recorded"


class _Form(QWidget):
    """Rows with an error line under each field, a status line, 保存 and 取消."""

    save_requested = Signal()
    cancel_requested = Signal()
    FIELDS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #666;")
        self.hint.setWordWrap(True)
        self.errors = {name: ErrorLabel() for name in self.FIELDS}
        self.form_error = ErrorLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.cancel_button = QPushButton()
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_requested)

    def _add_row(self, name: str, widget: QWidget, focus: QWidget | None = None,
                 also: Sequence[str] = ()) -> None:
        """A labelled row; *also* names fields on the same line whose errors go under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        for field in (name, *also):
            column.addWidget(self.errors[field])
        label = QLabel()
        label.setBuddy(focus or widget)
        self.labels[name] = label
        self.widgets[name] = focus or widget
        self.form.addRow(label, box)

    def _chain(self, widgets: Sequence[QWidget]) -> None:
        for first, second in pairwise([*widgets, self.save_button, self.cancel_button]):
            QWidget.setTabOrder(first, second)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.form_error.clear_message()

    def show_errors(self, errors: Sequence[FieldError]) -> QWidget | None:
        """Each message under its field; the focus goes to the first bad field (returned)."""
        self.clear_errors()
        by_field: dict[str, list[str]] = {}
        loose: list[str] = []
        for error in errors:
            if error.field in self.errors:
                by_field.setdefault(error.field, []).append(error.message)
            else:
                loose.append(error.message)
        for name, messages in by_field.items():
            self.errors[name].show_messages(messages)
        self.form_error.show_messages(loose)
        for name in self.FIELDS:
            if name in by_field:
                self.widgets[name].setFocus(Qt.FocusReason.OtherFocusReason)
                return self.widgets[name]
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Single-line fields, combo boxes, check and spin boxes pass Enter up to here; the
        # multi-line text keeps Enter for new lines and passes Ctrl+Enter.
        if event.key() in _ENTER and (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier) \
                in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
            self.save_requested.emit()
            return
        super().keyPressEvent(event)


class CareRecordForm(_Form):
    """A new care record, or the selected one for editing (``editing``)."""

    FIELDS = ("group", "person_name", "person_role", "gender", "birth_year", "unit_id",
              "responsible_cadre_id", "situation", "active")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careRecordForm")
        self.editing: CareDetail | None = None
        self._baseline: tuple[object, ...] = ()
        self.group = QComboBox()
        self.group.setObjectName("careGroup")
        self.name = QLineEdit()
        self.name.setObjectName("careName")
        self.name.setMaxLength(NAME_MAX)
        self.role = QComboBox()
        self.role.setObjectName("careRole")
        self.gender = QComboBox()
        self.gender.setObjectName("careGender")
        self.birth_year = QSpinBox()
        self.birth_year.setObjectName("careBirthYear")
        self.birth_year.setRange(NO_YEAR, date.today().year)
        self.birth_year.setMinimumWidth(90)
        self.unit = ChoiceEdit()
        self.unit.setObjectName("careUnit")
        self.cadre = ChoiceEdit()
        self.cadre.setObjectName("careCadre")
        self.situation = QPlainTextEdit()
        self.situation.setObjectName("careSituation")
        self.situation.setTabChangesFocus(True)
        self.situation.setMinimumHeight(52)
        self.situation.setMaximumHeight(90)
        self.active = QCheckBox()
        self.active.setObjectName("careActive")
        self.save_button.setObjectName("saveCareRecord")
        self.cancel_button.setObjectName("cancelCareRecord")
        person = QWidget()
        row = QHBoxLayout(person)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.role)
        row.addWidget(self.gender)
        self.year_label = QLabel()
        self.year_label.setBuddy(self.birth_year)
        row.addWidget(self.year_label)
        row.addWidget(self.birth_year)
        row.addStretch(1)
        self._add_row("group", self.group)
        self._add_row("person_name", self.name)
        self._add_row("person_role", person, self.role, also=("gender", "birth_year"))
        self.widgets["gender"], self.widgets["birth_year"] = self.gender, self.birth_year
        self._add_row("unit_id", self.unit)
        self._add_row("responsible_cadre_id", self.cadre)
        self._add_row("situation", self.situation)
        self._add_row("active", self.active)
        self._chain([self.group, self.name, self.role, self.gender, self.birth_year, self.unit,
                     self.cadre, self.situation, self.active])
        for signal in (self.group.currentIndexChanged, self.role.currentIndexChanged,
                       self.gender.currentIndexChanged, self.birth_year.valueChanged):
            signal.connect(lambda _v: self.clear_errors())
        self.name.textEdited.connect(lambda _t: self.errors["person_name"].clear_message())
        self.unit.chosen_changed.connect(lambda _c: self.errors["unit_id"].clear_message())
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        texts = {"group": self.tr("Group *"), "person_name": self.tr("Name *"),
                 "person_role": self.tr("Student or staff"), "unit_id": self.tr("Unit *"),
                 "responsible_cadre_id": self.tr("Responsible cadre"),
                 "situation": self.tr("Situation"), "active": ""}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.year_label.setText(self.tr("Born"))
        self.birth_year.setSpecialValueText(self.tr("not recorded"))
        fill_vocab_combo(self.group, CARE_GROUPS)
        role = combo_code(self.role)
        self.role.clear()
        for code in PERSON_ROLES:
            self.role.addItem(REPORTER_TYPES.label(code, lang()), code)
        self.role.setCurrentIndex(max(self.role.findData(role or "student"), 0))
        gender = self.gender.currentData()
        self.gender.clear()
        for text, value in ((self.tr("gender not recorded"), ""), (self.tr("male"), "男"),
                            (self.tr("female"), "女")):
            self.gender.addItem(text, value)
        self.gender.setCurrentIndex(max(self.gender.findData(gender or ""), 0))
        self.name.setPlaceholderText(self.tr("Full name"))
        self.unit.setPlaceholderText(self.tr("Type part of the school's name"))
        self.cadre.setPlaceholderText(self.tr("Name or pinyin initials (zs)"))
        self.situation.setPlaceholderText(self.tr(
            "The family's situation, the disability or hardship, what help is needed"))
        self.active.setText(self.tr("Being helped (untick when the help has ended)"))
        self.save_button.setText(self.tr("Save (Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.hint.setText(self.tr("Enter saves · Esc cancels · Tab moves on"))
        self._update_title()

    def _update_title(self) -> None:
        self.title.setText(self.tr("New care record") if self.editing is None
                           else self.tr("Editing the care record of {name}").format(
                               name=self.editing.person_name))

    def set_choices(self, units: Sequence[UnitChoice], cadres: Sequence[CadreChoice]) -> None:
        self.unit.set_choices([unit_choice(u) for u in units])
        self.cadre.set_choices([cadre_choice(c) for c in cadres if c.active])

    def collect(self) -> CareRecordInput:
        year = self.birth_year.value()
        return CareRecordInput(
            group=combo_code(self.group), person_name=self.name.text(),
            unit_id=self.unit.chosen_id, person_role=combo_code(self.role),
            gender=str(self.gender.currentData() or ""),
            birth_year=None if year == NO_YEAR else year,
            situation=self.situation.toPlainText(),
            responsible_cadre_id=self.cadre.chosen_id, active=self.active.isChecked())

    def state(self) -> tuple[object, ...]:
        return (combo_code(self.group), self.name.text(), combo_code(self.role),
                self.gender.currentIndex(), self.birth_year.value(), self.unit.text(),
                self.cadre.text(), self.situation.toPlainText(), self.active.isChecked())

    def has_unsaved_changes(self) -> bool:
        return self.state() != self._baseline

    def clear(self) -> None:
        self.editing = None
        self.group.setCurrentIndex(-1)
        self.name.clear()
        self.role.setCurrentIndex(max(self.role.findData("student"), 0))
        self.gender.setCurrentIndex(0)
        self.birth_year.setValue(NO_YEAR)
        self.unit.set_chosen(None)
        self.cadre.set_chosen(None)
        self.situation.clear()
        self.active.setChecked(True)
        self.clear_errors()
        self._update_title()
        self._baseline = self.state()

    def load(self, detail: CareDetail, unit: Choice | None, cadre: Choice | None) -> None:
        self.clear()
        self.editing = detail
        self.group.setCurrentIndex(self.group.findData(detail.group))
        self.name.setText(detail.person_name)
        self.role.setCurrentIndex(max(self.role.findData(detail.person_role), 0))
        self.gender.setCurrentIndex(max(self.gender.findData(detail.gender), 0))
        self.birth_year.setValue(detail.birth_year or NO_YEAR)
        self.unit.set_chosen(unit)
        self.cadre.set_chosen(cadre)
        self.situation.setPlainText(detail.situation)
        self.active.setChecked(detail.active)
        self._update_title()
        self._baseline = self.state()

    def focus_first(self) -> None:
        self.group.setFocus(Qt.FocusReason.TabFocusReason)


class CareEntryForm(_Form):
    """One act of help for the selected record."""

    FIELDS = ("helped_on", "cadre_id", "help_given", "record_id")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careEntryForm")
        self.record: CareDetail | None = None
        self.date = DateEdit()
        self.date.setObjectName("careHelpDate")
        self.date.setMinimumDate(QDate(2000, 1, 1))
        self.cadre = ChoiceEdit()
        self.cadre.setObjectName("careHelpCadre")
        self.help_given = QLineEdit()
        self.help_given.setObjectName("careHelpGiven")
        self.help_given.setMaxLength(HELP_MAX)
        self.save_button.setObjectName("saveCareEntry")
        self.cancel_button.setObjectName("cancelCareEntry")
        self._add_row("helped_on", self.date)
        self._add_row("cadre_id", self.cadre)
        self._add_row("help_given", self.help_given)
        self.widgets["record_id"] = self.help_given
        self._chain([self.date, self.cadre, self.help_given])
        self.date.dateChanged.connect(self._check_date)
        self.help_given.textEdited.connect(lambda _t: self.errors["help_given"].clear_message())
        self.retranslate()
        self.clear()
        self.set_record(None)

    def retranslate(self) -> None:
        for name, text in {"helped_on": self.tr("Date *"), "cadre_id": self.tr("Cadre"),
                           "help_given": self.tr("Help given *")}.items():
            self.labels[name].setText(text)
        self.cadre.setPlaceholderText(self.tr("Name or pinyin initials (zs)"))
        self.help_given.setPlaceholderText(self.tr("e.g. visited the family, brought books"))
        self.save_button.setText(self.tr("Add help (Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.hint.setText(self.tr("Enter adds the entry · Esc empties the form"))
        self._update_title()

    def _update_title(self) -> None:
        if self.record is None:
            self.title.setText(self.tr("Help entry (select a record first)"))
        else:
            self.title.setText(self.tr("Help for {name}").format(name=self.record.person_name))

    def _check_date(self, value: QDate) -> None:
        if value.toPython() > date.today():
            self.errors["helped_on"].show_messages([self.tr("The date cannot be later than today")])
        else:
            self.errors["helped_on"].clear_message()

    def set_choices(self, cadres: Sequence[CadreChoice]) -> None:
        self.cadre.set_choices([cadre_choice(c) for c in cadres if c.active])

    def set_record(self, detail: CareDetail | None) -> None:
        self.record = detail
        enabled = detail is not None and detail.active
        for widget in (self.date, self.cadre, self.help_given, self.save_button):
            widget.setEnabled(enabled)
        self._update_title()
        if detail is not None and not detail.active:
            self.status.setText(self.tr("The help has ended; tick “Being helped” in the record "
                                        "to add help again."))
        else:
            self.status.clear()

    def collect(self) -> CareEntryInput:
        return CareEntryInput(
            record_id=self.record.id if self.record is not None else None,
            helped_on=self.date.date().toPython(), help_given=self.help_given.text(),
            cadre_id=self.cadre.chosen_id)

    def has_unsaved_changes(self) -> bool:
        return bool(self.help_given.text().strip())

    def clear(self) -> None:
        self.date.setDate(QDate(date.today()))
        self.help_given.clear()
        self.clear_errors()

    def focus_first(self) -> None:
        self.date.setFocus(Qt.FocusReason.TabFocusReason)
