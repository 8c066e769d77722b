"""The visit entry form: one form for the visit and the problems found on it.

Keyboard-first: the Tab order follows the page, Enter in a single-line field saves (the
widgets pass Enter up to the form), Ctrl+Enter adds a problem row, Esc cancels. The form never
clears itself on a refused save: errors are shown in words under their fields and everything
typed stays. Saving itself is the widget's business (``save_requested``); the form only turns
its fields into a VisitInput and shows what came back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from itertools import pairwise

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
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
from db.services import VisitInput
from db.vocab import ACTIVITIES, METHODS
from desktop.ui.visits.common import fill_vocab_combo, lang, select_code
from desktop.ui.visits.findings import FIELDS as FINDING_FIELDS
from desktop.ui.visits.findings import FindingsEditor
from desktop.ui.visits.lookups import CadreChoice, UnitChoice, VisitDetail
from desktop.ui.visits.pickers import CadrePicker, ChoiceEdit, cadre_choice, unit_choice
from desktop.ui.widgets import DateEdit, ErrorLabel, combo_code

DEFAULT_METHOD = "field_visit"  # the most common way of going down; one key less per visit
EARLIEST = date(2000, 1, 1)  # as the services: older dates are typing mistakes
CONTENT_MAX, TALKED_MAX, FINDINGS_MAX = 5000, 500, 5000
COUNT_MAX = 100_000

# The visit's fields in the order of the page: the first bad one gets the focus.
FIELD_ORDER = ("visit_date", "cadre_ids", "unit_id", "method", "activities", "students_met",
               "teachers_met", "parents_met", "content", "talked_with", "findings",
               "reported_to_branch")
_PROBLEM_FIELD = re.compile(r"^problems\[(\d+)\]\.(\w+)$")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class VisitForm(QWidget):
    changed = Signal()
    save_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitForm")
        self.editing: VisitDetail | None = None
        self._baseline: tuple[object, ...] = ()
        self._finding_rows: list[int] = []  # row number of each FindingInput sent last
        self._cadres_touched = False

        self.banner = QLabel()
        self.banner.setObjectName("formBanner")
        font = self.banner.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.banner.setFont(font)
        self.banner_hint = QLabel()
        self.banner_hint.setStyleSheet("color: #666;")
        self.banner_hint.setWordWrap(True)

        self.date = DateEdit()
        self.date.setObjectName("visitDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(QDate(EARLIEST))
        self.date.setDate(QDate(date.today()))
        self.cadres = CadrePicker()
        self.unit = ChoiceEdit()
        self.unit.setObjectName("visitUnit")
        self.method = QComboBox()
        self.method.setObjectName("visitMethod")
        fill_vocab_combo(self.method, METHODS)
        select_code(self.method, DEFAULT_METHOD)
        self.activity_boxes: dict[str, QCheckBox] = {}
        activities = QWidget()
        grid = QGridLayout(activities)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for number, term in enumerate(ACTIVITIES):
            box = QCheckBox()
            box.setObjectName(f"activity_{term.code}")
            self.activity_boxes[term.code] = box
            grid.addWidget(box, number // 2, number % 2)
        self.students = self._spin("studentsMet")
        self.teachers = self._spin("teachersMet")
        self.parents = self._spin("parentsMet")
        self.count_labels = [QLabel(), QLabel(), QLabel()]
        counts = QWidget()
        counts_row = QHBoxLayout(counts)
        counts_row.setContentsMargins(0, 0, 0, 0)
        for label, spin in zip(self.count_labels, (self.students, self.teachers, self.parents),
                               strict=True):
            label.setBuddy(spin)
            counts_row.addWidget(label)
            counts_row.addWidget(spin)
        counts_row.addStretch(1)
        self.content = self._text_edit("visitContent")
        self.talked_with = QLineEdit()
        self.talked_with.setObjectName("talkedWith")
        self.talked_with.setMaxLength(TALKED_MAX)
        self.findings_text = self._text_edit("visitFindings")
        self.reported = QCheckBox()
        self.reported.setObjectName("reportedToBranch")
        self.existing = QLabel()
        self.existing.setObjectName("existingProblems")
        self.existing.setWordWrap(True)
        self.existing.setTextFormat(Qt.TextFormat.PlainText)
        self.existing.hide()
        self.problems = FindingsEditor()

        self.errors = {name: ErrorLabel() for name in FIELD_ORDER}
        self.form_error = ErrorLabel()  # what belongs to no field
        self.status = QLabel()
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveVisit")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelVisit")
        for button in (self.save_button, self.cancel_button, self.problems.add_button):
            button.setAutoDefault(True)  # Enter on a focused button presses it
        self.save_button.clicked.connect(self.save_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.labels: dict[str, QLabel] = {}
        for name, widget in [
            ("visit_date", self.date), ("cadre_ids", self.cadres), ("unit_id", self.unit),
            ("method", self.method), ("activities", activities), ("students_met", counts),
            ("content", self.content), ("talked_with", self.talked_with),
            ("findings", self.findings_text), ("reported_to_branch", self.reported),
        ]:
            self._add_row(name, widget)

        problems_title = QLabel()
        problems_title.setObjectName("problemsTitle")
        bold = problems_title.font()
        bold.setBold(True)
        problems_title.setFont(bold)
        self.problems_title = problems_title
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.banner_hint)
        layout.addLayout(self.form)
        layout.addWidget(line)
        layout.addWidget(problems_title)
        layout.addWidget(self.existing)
        layout.addWidget(self.problems)
        layout.addWidget(self.form_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._connect()
        self.retranslate()
        self._fix_tab_order()
        self.mark_clean()

    # -- building -----------------------------------------------------------------------------

    def _spin(self, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, COUNT_MAX)  # counts ≥ 0: the box cannot hold anything else
        spin.setAccelerated(True)
        spin.setMinimumWidth(64)
        return spin

    def _text_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)  # Tab moves on; a clerk never wants a tab character
        edit.setMinimumHeight(48)
        edit.setMaximumHeight(84)
        return edit

    def _add_row(self, name: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(self.errors[name])
        if name == "students_met":  # the three counts share one line and one error label
            for other in ("teachers_met", "parents_met"):
                column.addWidget(self.errors[other])
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        self.form.addRow(label, box)

    def _connect(self) -> None:
        self.date.dateChanged.connect(self._check_date)
        self.cadres.changed.connect(self._check_cadres)
        self.unit.chosen_changed.connect(lambda _c: self.errors["unit_id"].clear_message())
        self.unit.editingFinished.connect(self._check_unit)
        self.method.currentIndexChanged.connect(lambda _i: self.errors["method"].clear_message())
        for box in self.activity_boxes.values():
            box.toggled.connect(lambda _on: self.errors["activities"].clear_message())
        for name, spin in (("students_met", self.students), ("teachers_met", self.teachers),
                           ("parents_met", self.parents)):
            spin.valueChanged.connect(lambda _v, n=name: self.errors[n].clear_message())
        self.content.textChanged.connect(
            lambda: self._check_length("content", self.content, CONTENT_MAX))
        self.findings_text.textChanged.connect(
            lambda: self._check_length("findings", self.findings_text, FINDINGS_MAX))
        self.talked_with.textEdited.connect(lambda _t: self.errors["talked_with"].clear_message())
        self.problems.rows_changed.connect(self._fix_tab_order)
        for signal in (self.date.dateChanged, self.cadres.changed, self.unit.textChanged,
                       self.unit.chosen_changed, self.method.currentIndexChanged,
                       self.students.valueChanged, self.teachers.valueChanged,
                       self.parents.valueChanged, self.content.textChanged,
                       self.talked_with.textChanged, self.findings_text.textChanged,
                       self.reported.toggled, self.problems.changed):
            signal.connect(self.changed)
        for box in self.activity_boxes.values():
            box.toggled.connect(self.changed)

    def retranslate(self) -> None:
        texts = {
            "visit_date": self.tr("Visit date *"),
            "cadre_ids": self.tr("Cadres *"),
            "unit_id": self.tr("Unit visited *"),
            "method": self.tr("Method *"),
            "activities": self.tr("Activities"),
            "students_met": self.tr("People met"),
            "content": self.tr("What was done"),
            "talked_with": self.tr("Talked with"),
            "findings": self.tr("What was found"),
            "reported_to_branch": "",
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.date.setToolTip(self.tr("Alt+↓ opens the calendar; ↑/↓ change the part under the "
                                     "cursor"))
        self.cadres.edit.setPlaceholderText(self.tr(
            "Type a name or its pinyin initials (zs), Enter adds"))
        self.cadres.edit.setToolTip(self.tr(
            "Enter adds the highlighted cadre; Backspace in the empty field removes the last"))
        self.unit.setPlaceholderText(self.tr("Type part of the unit's name"))
        fill_vocab_combo(self.method, METHODS)
        for term in ACTIVITIES:
            self.activity_boxes[term.code].setText(term.label(lang()))
        for label, text in zip(self.count_labels,
                               (self.tr("Students"), self.tr("Teachers"), self.tr("Parents")),
                               strict=True):
            label.setText(text)
        self.content.setPlaceholderText(self.tr("What the cadres did on the visit"))
        self.talked_with.setPlaceholderText(self.tr("Who they talked with"))
        self.findings_text.setPlaceholderText(self.tr("What they found, in words"))
        self.reported.setText(self.tr("Reported to the cadres' party organisation"))
        self.problems_title.setText(self.tr("Problems found (go to the problem list)"))
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.problems.retranslate()
        self.problems.fill_combos()
        self._update_banner()

    def _update_banner(self) -> None:
        if self.editing is None:
            self.banner.setText(self.tr("New visit"))
            self.banner_hint.setText(self.tr(
                "Enter saves · Ctrl+Enter adds a problem · Esc cancels"))
            self.existing.hide()
            return
        self.banner.setText(self.tr("Editing visit {number}").format(
            number=self.editing.number))
        self.banner_hint.setText(self.tr(
            "Enter saves the changes · Esc cancels. Problems added below are new ones; "
            "problems already recorded are edited in the problem list."))
        if self.editing.problems:
            lines = [self.tr("Already recorded:")]
            lines += [f"{p.number}  {p.description}" for p in self.editing.problems]
            self.existing.setText("\n".join(lines))
            self.existing.show()
        else:
            self.existing.hide()

    def _fix_tab_order(self) -> None:
        """Tab follows the page, including problem rows added after the buttons existed."""
        chain: list[QWidget] = [self.date, self.cadres.edit, self.unit, self.method,
                                *self.activity_boxes.values(), self.students, self.teachers,
                                self.parents, self.content, self.talked_with,
                                self.findings_text, self.reported, *self.problems.tab_chain(),
                                self.save_button, self.cancel_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- choices ------------------------------------------------------------------------------

    def set_choices(self, cadres: Sequence[CadreChoice], units: Sequence[UnitChoice]) -> None:
        # Inactive cadres cannot take part in new visits (the service refuses them).
        self.cadres.set_choices([cadre_choice(c) for c in cadres if c.active])
        chosen = self.unit.chosen_id
        self.unit.set_choices([unit_choice(u) for u in units])
        if chosen is not None and self.unit.choices.find(chosen) is None:
            self.unit.set_chosen(None)

    # -- live checks --------------------------------------------------------------------------

    def _check_date(self, value: QDate) -> None:
        if value.toPython() > date.today():
            self.errors["visit_date"].show_messages(
                [self.tr("The visit date cannot be later than today")])
        else:
            self.errors["visit_date"].clear_message()

    def _check_cadres(self) -> None:
        if self.cadres.cadre_ids():
            self._cadres_touched = True
            self.errors["cadre_ids"].clear_message()
        elif self._cadres_touched:
            self.errors["cadre_ids"].show_messages(
                [self.tr("Choose at least one cadre who took part")])

    def _check_unit(self) -> None:
        if self.unit.unresolved():
            self.errors["unit_id"].show_messages([self.tr(
                "No single unit matches “{text}”: choose one from the list").format(
                    text=self.unit.text().strip())])

    def _check_length(self, name: str, edit: QPlainTextEdit, limit: int) -> None:
        n = len(edit.toPlainText().strip())
        if n > limit:
            self.errors[name].show_messages([self.tr(
                "Too long: {n} characters, at most {limit}").format(n=n, limit=limit)])
        else:
            self.errors[name].clear_message()

    # -- values -------------------------------------------------------------------------------

    def collect(self) -> VisitInput:
        """The form as the service's input (remembering which rows the problems came from)."""
        filled = self.problems.filled()
        self._finding_rows = [number for number, _finding in filled]
        return VisitInput(
            visit_date=self.date.date().toPython(),
            cadre_ids=self.cadres.cadre_ids(),
            unit_id=self.unit.chosen_id,
            method=combo_code(self.method),
            activities=tuple(code for code, box in self.activity_boxes.items()
                             if box.isChecked()),
            students_met=self.students.value(),
            teachers_met=self.teachers.value(),
            parents_met=self.parents.value(),
            content=self.content.toPlainText(),
            talked_with=self.talked_with.text(),
            findings=self.findings_text.toPlainText(),
            problems=tuple(finding for _number, finding in filled),
            reported_to_branch=self.reported.isChecked(),
        )

    def state(self) -> tuple[object, ...]:
        """Everything typed, to tell whether there are unsaved changes."""
        return (self.date.date().toPython(), self.cadres.cadre_ids(), self.unit.text(),
                self.unit.chosen_id, combo_code(self.method),
                tuple(box.isChecked() for box in self.activity_boxes.values()),
                self.students.value(), self.teachers.value(), self.parents.value(),
                self.content.toPlainText(), self.talked_with.text(),
                self.findings_text.toPlainText(), self.reported.isChecked(),
                self.problems.state())

    def mark_clean(self) -> None:
        self._baseline = self.state()

    def has_unsaved_changes(self) -> bool:
        return self.state() != self._baseline

    # -- errors -------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_message()
        self.form_error.clear_message()
        self.problems.show_errors({})

    def show_errors(self, errors: Sequence[FieldError]) -> QWidget | None:
        """Each message under its field; the focus goes to the first bad field (returned)."""
        self.clear_errors()
        by_field: dict[str, list[str]] = {}
        by_row: dict[int, list[str]] = {}
        row_fields: list[tuple[int, str]] = []
        loose: list[str] = []
        for error in errors:
            match = _PROBLEM_FIELD.match(error.field)
            if match:
                sent = int(match.group(1))
                row = self._finding_rows[sent] if sent < len(self._finding_rows) else sent
                by_row.setdefault(row, []).append(error.message)
                row_fields.append((row, match.group(2)))
            elif error.field in self.errors:
                by_field.setdefault(error.field, []).append(error.message)
            else:
                loose.append(error.message)
        for name, messages in by_field.items():
            self.errors[name].show_messages(messages)
        self.problems.show_errors(by_row)
        self.form_error.show_messages(loose)
        target = self._first_bad(by_field, row_fields)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target

    def _first_bad(self, by_field: dict[str, list[str]],
                   row_fields: list[tuple[int, str]]) -> QWidget | None:
        widgets: dict[str, QWidget] = {
            "visit_date": self.date, "cadre_ids": self.cadres.edit, "unit_id": self.unit,
            "method": self.method, "activities": next(iter(self.activity_boxes.values())),
            "students_met": self.students, "teachers_met": self.teachers,
            "parents_met": self.parents, "content": self.content,
            "talked_with": self.talked_with, "findings": self.findings_text,
            "reported_to_branch": self.reported,
        }
        for name in FIELD_ORDER:
            if name in by_field:
                return widgets[name]
        if row_fields:
            rank = {f: i for i, f in enumerate(FINDING_FIELDS)}
            row, field = min(row_fields, key=lambda rf: (rf[0], rank.get(rf[1], 99)))
            if row < len(self.problems.rows):
                return self.problems.rows[row].widget_for(field)
        return None

    # -- filling ------------------------------------------------------------------------------

    def clear(self, *, keep_batch: bool = False) -> None:
        """A fresh form for a new visit; *keep_batch* keeps the date and the cadres (the next
        visit of the same day by the same people, as clerks enter them in batches)."""
        if not keep_batch:
            self.date.setDate(QDate(date.today()))
            self.cadres.clear()
            self._cadres_touched = False
        self.cadres.edit.clear()
        self.unit.set_chosen(None)
        select_code(self.method, DEFAULT_METHOD)
        for box in self.activity_boxes.values():
            box.setChecked(False)
        for spin in (self.students, self.teachers, self.parents):
            spin.setValue(0)
        self.content.clear()
        self.talked_with.clear()
        self.findings_text.clear()
        self.reported.setChecked(False)
        self.problems.clear()
        self.editing = None
        self._update_banner()
        self.clear_errors()
        self._check_date(self.date.date())
        self.mark_clean()

    def load(self, detail: VisitDetail) -> None:
        """Show a stored visit for editing."""
        self.clear()
        self.editing = detail
        self.date.setDate(QDate(detail.visit_date))
        self.cadres.set_cadres([cadre_choice(c) for c in detail.cadres])
        self._cadres_touched = True
        self.unit.set_chosen(unit_choice(detail.unit))
        select_code(self.method, detail.method)
        for code, box in self.activity_boxes.items():
            box.setChecked(code in detail.activities)
        self.students.setValue(detail.students_met)
        self.teachers.setValue(detail.teachers_met)
        self.parents.setValue(detail.parents_met)
        self.content.setPlainText(detail.content)
        self.talked_with.setText(detail.talked_with)
        self.findings_text.setPlainText(detail.findings)
        self.reported.setChecked(detail.reported_to_branch)
        self._update_banner()
        self.clear_errors()
        self.mark_clean()

    def focus_first(self) -> None:
        self.date.setFocus(Qt.FocusReason.TabFocusReason)

    # -- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Single-line fields, combo boxes, check boxes and spin boxes pass Enter up to here;
        # the multi-line texts keep plain Enter for new lines but pass Ctrl+Enter. Esc comes
        # here only when no list is open (an open list takes Esc to close itself): a
        # window-wide shortcut would fire even then.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            self.cancel_requested.emit()
            return
        if event.key() in _ENTER:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.ControlModifier:
                self.problems.add_row()
                return
            if mods == Qt.KeyboardModifier.NoModifier:
                self.save_requested.emit()
                return
        super().keyPressEvent(event)
