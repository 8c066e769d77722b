"""The filter bar above each list: the controls that list can use, applied as one types (after
a short pause), turned into a ProblemFilter or TaskFilter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.queries.problems import ProblemFilter
from db.vocab import PROBLEM_STATUSES, RESOLUTION_MODES, TASK_STATUSES
from db.vocab_extra import FIXED, Vocabularies
from desktop.ui.lists.common import STAGE_SYMBOLS, SearchCombo, fill_vocab_combo
from desktop.ui.lists.dialogs import Choices
from desktop.ui.lists.queries import DUE_CHOICES, TaskFilter
from desktop.ui.widgets import DateEdit, combo_code, debounce_timer

NO_DATE = QDate(2000, 1, 1)  # the minimum of a date box, shown as "any"
DELAY_MS = 250


class FilterBar(QWidget):
    """``kind`` is "problems", "tasks" or "effects"; ``changed`` fires when the filter does."""

    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        # Areas, categories and channels offered, with the bureau's additions (set_choices).
        self.vocabs: Vocabularies = FIXED
        self._timer = debounce_timer(self, DELAY_MS, self.changed)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.status = QComboBox()
        self.region = QComboBox()
        self.unit = SearchCombo()
        self.unit.setMinimumWidth(160)
        self.area = QComboBox()
        self.category = QComboBox()
        self.channel = QComboBox()
        self.mode = QComboBox()
        self.leader = SearchCombo()
        self.leader.setMinimumWidth(120)
        self.due = QComboBox()
        for code in DUE_CHOICES:
            self.due.addItem("", code)
        self.strong = QCheckBox()
        self.livelihood = QCheckBox()
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.reset)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status)
        top.addWidget(self.region)
        top.addWidget(self.unit, 1)
        second = QHBoxLayout()
        if kind == "problems":
            for w in (self.area, self.category, self.channel):
                top.addWidget(w)
            second.addWidget(self.strong)
            self.mode.hide()
            self.leader.hide()
            self.due.hide()
            self.livelihood.hide()
        else:
            for picker in (self.mode, self.leader, self.due):
                top.addWidget(picker)
            second.addWidget(self.livelihood)
            for hidden in (self.area, self.category, self.channel, self.strong):
                hidden.hide()
        self.dates_label = QLabel()
        second.addWidget(self.dates_label)
        second.addWidget(self.date_from)
        second.addWidget(QLabel("—"))
        second.addWidget(self.date_to)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        grid.addLayout(top, 0, 0)
        grid.addLayout(second, 1, 0)

        self.search.textChanged.connect(self.schedule)
        for combo in (self.status, self.region, self.area, self.category, self.channel,
                      self.mode, self.due):
            combo.currentIndexChanged.connect(self.schedule)
        for picker in (self.unit, self.leader):
            picker.currentIndexChanged.connect(self.schedule)
            picker.editTextChanged.connect(self._picker_emptied)
        for box in (self.strong, self.livelihood):
            box.toggled.connect(self.schedule)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every visible text again (on construction and on a language change)."""
        self.search.setPlaceholderText(self.tr("Search number or text… (Ctrl+F)"))
        for combo, vocab, blank in (
                (self.status, PROBLEM_STATUSES if self.kind == "problems" else TASK_STATUSES,
                 self.tr("All statuses")),
                (self.area, self.vocabs.area, self.tr("All areas")),
                (self.category, self.vocabs.category, self.tr("All categories")),
                (self.channel, self.vocabs.source_channel, self.tr("All channels")),
                (self.mode, RESOLUTION_MODES, self.tr("All resolution modes"))):
            fill_vocab_combo(combo, vocab, blank=blank)
        due_texts = {
            "": self.tr("Any deadline"), "due_soon": self.tr("Due soon"),
            "overdue": self.tr("Overdue (all)"), "chase": self.tr("Chase notice issued"),
            "supervision": self.tr("Under supervision"),
            "criticism": self.tr("Listed for public criticism"),
            "escalated": self.tr("Chased, supervised or criticised"),
        }
        for i in range(self.due.count()):
            code = str(self.due.itemData(i) or "")
            symbol = STAGE_SYMBOLS.get(code, "")
            self.due.setItemText(i, f"{symbol} {due_texts[code]}" if symbol else due_texts[code])
        self.strong.setText(self.tr("★ Strongly reported only"))
        self.livelihood.setText(self.tr("Livelihood projects only"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.dates_label.setText({"problems": self.tr("Reported between"),
                                  "tasks": self.tr("Opened between"),
                                  "effects": self.tr("Completed between")}[self.kind])
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        blanks = ((self.region, self.tr("All regions")),
                  (self.unit, self.tr("All units") if self.kind == "problems"
                   else self.tr("All responsible units")),
                  (self.leader, self.tr("All lead leaders")))
        for combo, text in blanks:
            if combo.count() and combo.itemData(0) is None:
                combo.setItemText(0, text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _date_edit(self, name: str) -> DateEdit:
        edit = DateEdit()
        edit.setObjectName(name)
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self.schedule)
        return edit

    def _picker_emptied(self, text: str) -> None:
        if not text:
            self.schedule()

    def set_choices(self, choices: Choices) -> None:
        if choices.vocabs != self.vocabs:
            # A term added in the settings becomes a choice; the chosen one stays chosen.
            self.vocabs = choices.vocabs
            self.retranslate()
        self.region.blockSignals(True)
        current = self.region.currentData()
        self.region.clear()
        self.region.addItem(self.tr("All regions"), None)
        for r in choices.regions:
            self.region.addItem(r.name, r.id)
        index = max(0, next((i for i in range(self.region.count())
                             if self.region.itemData(i) == current), 0))
        self.region.setCurrentIndex(index)
        self.region.blockSignals(False)
        unit_blank = self.tr("All units") if self.kind == "problems" else \
            self.tr("All responsible units")
        self.unit.blockSignals(True)
        self.unit.set_items([(u.name, u.id) for u in choices.units], blank=unit_blank)
        self.unit.blockSignals(False)
        self.leader.blockSignals(True)
        self.leader.set_items([(c.name, c.id) for c in choices.leaders],
                              blank=self.tr("All lead leaders"))
        self.leader.blockSignals(False)

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def apply_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def reset(self) -> None:
        """Every control back to "any"; one change signal."""
        widgets = (self.search, self.status, self.region, self.unit, self.area, self.category,
                   self.channel, self.mode, self.leader, self.due, self.strong,
                   self.livelihood, self.date_from, self.date_to)
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        for combo in (self.status, self.region, self.area, self.category, self.channel,
                      self.mode, self.due):
            combo.setCurrentIndex(0)
        self.unit.set_value(None)
        self.leader.set_value(None)
        self.strong.setChecked(False)
        self.livelihood.setChecked(False)
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        for w in widgets:
            w.blockSignals(False)
        self.apply_now()

    def set_day(self, day: date) -> None:
        """Narrow to one day only (used to bring one record into view)."""
        self.date_from.blockSignals(True)
        self.date_to.blockSignals(True)
        self.date_from.setDate(QDate(day.year, day.month, day.day))
        self.date_to.setDate(QDate(day.year, day.month, day.day))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(False)

    def _day(self, edit: DateEdit) -> date | None:
        q = edit.date()
        return None if q == NO_DATE else date(q.year(), q.month(), q.day())

    def problem_filter(self) -> ProblemFilter:
        return ProblemFilter(
            status=combo_code(self.status) or None, region_id=self.region.currentData(),
            unit_id=self.unit.uuid_value(), area=combo_code(self.area) or None,
            category=combo_code(self.category) or None,
            source_channel=combo_code(self.channel) or None,
            strongly_reported=True if self.strong.isChecked() else None,
            date_from=self._day(self.date_from), date_to=self._day(self.date_to),
            search=self.search.text())

    def task_filter(self) -> TaskFilter:
        return TaskFilter(
            status=combo_code(self.status) or None, region_id=self.region.currentData(),
            responsible_unit_id=self.unit.uuid_value(),
            resolution_mode=combo_code(self.mode) or None,
            lead_leader_id=self.leader.uuid_value(),
            livelihood_only=self.livelihood.isChecked(), due=str(self.due.currentData() or ""),
            date_from=self._day(self.date_from), date_to=self._day(self.date_to),
            search=self.search.text())
