"""The filters above the visit table: date range, region, unit, cadre, method and search.

They apply as the user types, 250 ms after the last change (``changed`` carries nothing: ask
``value()``), so a burst of keys makes one query, not one per key.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.queries import VisitFilter
from db.vocab import METHODS
from desktop.ui.visits.common import lang
from desktop.ui.visits.lookups import CadreChoice, RegionChoice, UnitChoice
from desktop.ui.visits.pickers import Choice, ChoiceEdit
from desktop.ui.widgets import DateEdit, debounce_timer

DEBOUNCE_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date boxes, shown as "any"


def _date_or_none(edit: DateEdit) -> date | None:
    value = edit.date()
    return None if value == edit.minimumDate() else value.toPython()


class VisitFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = debounce_timer(self, DEBOUNCE_MS, self.changed)

        self.search = QLineEdit()
        self.search.setObjectName("visitSearch")
        self.search.setClearButtonEnabled(True)
        self.date_from = self._date_edit("filterFrom")
        self.date_to = self._date_edit("filterTo")
        self.region = QComboBox()
        self.region.setObjectName("filterRegion")
        self.unit = ChoiceEdit()
        self.unit.setObjectName("filterUnit")
        self.unit.setClearButtonEnabled(True)
        self.cadre = ChoiceEdit()
        self.cadre.setObjectName("filterCadre")
        self.cadre.setClearButtonEnabled(True)
        self.method = QComboBox()
        self.method.setObjectName("filterMethod")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("filterReset")
        self.reset_button.clicked.connect(self.reset)
        self.labels = [QLabel() for _ in range(6)]

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        search_label, dates_label, to_label, region_label, unit_label, cadre_label = self.labels
        search_label.setBuddy(self.search)
        dates_label.setBuddy(self.date_from)
        region_label.setBuddy(self.region)
        unit_label.setBuddy(self.unit)
        cadre_label.setBuddy(self.cadre)
        grid.addWidget(search_label, 0, 0)
        grid.addWidget(self.search, 0, 1, 1, 3)
        grid.addWidget(dates_label, 0, 4)
        grid.addWidget(self.date_from, 0, 5)
        grid.addWidget(to_label, 0, 6)
        grid.addWidget(self.date_to, 0, 7)
        grid.addWidget(region_label, 1, 0)
        grid.addWidget(self.region, 1, 1)
        grid.addWidget(unit_label, 1, 2)
        grid.addWidget(self.unit, 1, 3)
        grid.addWidget(cadre_label, 1, 4)
        grid.addWidget(self.cadre, 1, 5)
        grid.addWidget(self.method, 1, 6)
        grid.addWidget(self.reset_button, 1, 7)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 2)

        self.search.textChanged.connect(self.schedule)
        self.date_from.dateChanged.connect(self.schedule)
        self.date_to.dateChanged.connect(self.schedule)
        self.region.currentIndexChanged.connect(self.schedule)
        self.method.currentIndexChanged.connect(self.schedule)
        self.unit.chosen_changed.connect(self.schedule)
        self.cadre.chosen_changed.connect(self.schedule)
        # Emptying a picker's text (its clear button) means "all" again.
        self.unit.textChanged.connect(lambda text: self._emptied(self.unit, text))
        self.cadre.textChanged.connect(lambda text: self._emptied(self.cadre, text))
        self._regions: list[RegionChoice] = []
        self.retranslate()

    def _date_edit(self, name: str) -> DateEdit:
        edit = DateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    @staticmethod
    def _emptied(edit: ChoiceEdit, text: str) -> None:
        if not text and edit.chosen is not None:
            edit.set_chosen(None)

    def retranslate(self) -> None:
        texts = [self.tr("Search"), self.tr("Dates"), self.tr("to"), self.tr("Region"),
                 self.tr("Unit"), self.tr("Cadre")]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.search.setPlaceholderText(self.tr(
            "Words in the content, talked with, findings or problems (e.g. 食堂)"))
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any"))
        self.unit.setPlaceholderText(self.tr("All units"))
        self.cadre.setPlaceholderText(self.tr("All cadres"))
        self.reset_button.setText(self.tr("Clear filters"))
        self._fill_regions()
        self._fill_methods()

    def _fill_regions(self) -> None:
        current = self.region.currentData()
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(self.tr("All regions"), "")
        for region in self._regions:
            # As text: QComboBox.findData cannot compare Python objects such as UUIDs.
            self.region.addItem(region.name, str(region.id))
        self.region.setCurrentIndex(max(self.region.findData(current or ""), 0))
        self.region.blockSignals(False)

    def _fill_methods(self) -> None:
        current = self.method.currentData()
        self.method.blockSignals(True)
        self.method.clear()
        self.method.addItem(self.tr("All methods"), "")
        for term in METHODS:
            self.method.addItem(term.label(lang()), term.code)
        self.method.setCurrentIndex(max(self.method.findData(current or ""), 0))
        self.method.blockSignals(False)

    def set_choices(self, regions: Sequence[RegionChoice], units: Sequence[UnitChoice],
                    cadres: Sequence[CadreChoice]) -> None:
        self._regions = list(regions)
        self._fill_regions()
        self.unit.set_choices([Choice(u.id, u.name, u.name, u.region_name) for u in units])
        self.cadre.set_choices([
            Choice(c.id, c.name, c.name, "·".join(p for p in (c.unit_name, c.position) if p),
                   c.initials) for c in cadres])

    def schedule(self, *_args: object) -> None:
        self.timer.start()

    def apply_now(self) -> None:
        self.timer.stop()
        self.changed.emit()

    def reset(self) -> None:
        for widget in (self.search, self.date_from, self.date_to, self.region, self.method,
                       self.unit, self.cadre):
            widget.blockSignals(True)
        self.search.clear()
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        self.region.setCurrentIndex(0)
        self.method.setCurrentIndex(0)
        self.unit.set_chosen(None)
        self.cadre.set_chosen(None)
        for widget in (self.search, self.date_from, self.date_to, self.region, self.method,
                       self.unit, self.cadre):
            widget.blockSignals(False)
        self.apply_now()

    def select_region(self, region_id: uuid.UUID | None) -> None:
        self.region.setCurrentIndex(max(self.region.findData(str(region_id or "")), 0))

    def value(self) -> VisitFilter:
        return VisitFilter(
            date_from=_date_or_none(self.date_from),
            date_to=_date_or_none(self.date_to),
            region_id=uuid.UUID(region) if (region := self.region.currentData()) else None,
            unit_id=self.unit.chosen_id,
            cadre_id=self.cadre.chosen_id,
            method=self.method.currentData() or None,
            search=self.search.text().strip(),
        )
