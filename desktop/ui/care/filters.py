"""The filters above the care table: group, region, unit, helping or ended, and search.

They apply 250 ms after the last change (``changed`` carries nothing: ask ``value()``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from db.queries.care import CareFilter
from db.vocab import CARE_GROUPS
from desktop.ui.visits.common import lang
from desktop.ui.visits.lookups import RegionChoice, UnitChoice
from desktop.ui.visits.pickers import Choice, ChoiceEdit
from desktop.ui.widgets import debounce_timer

DEBOUNCE_MS = 250
_STATES = ("active", "ended", "all")  # item data of the state combo


class CareFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timer = debounce_timer(self, DEBOUNCE_MS, self.changed)
        self.search = QLineEdit()
        self.search.setObjectName("careSearch")
        self.search.setClearButtonEnabled(True)
        self.group = QComboBox()
        self.group.setObjectName("careFilterGroup")
        self.region = QComboBox()
        self.region.setObjectName("careFilterRegion")
        self.unit = ChoiceEdit()
        self.unit.setObjectName("careFilterUnit")
        self.unit.setClearButtonEnabled(True)
        self.state = QComboBox()
        self.state.setObjectName("careFilterState")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("careFilterReset")
        self.reset_button.clicked.connect(self.reset)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_label)
        row.addWidget(self.search, 2)
        for widget in (self.group, self.region):
            row.addWidget(widget)
        row.addWidget(self.unit, 1)
        row.addWidget(self.state)
        row.addWidget(self.reset_button)
        self._regions: list[RegionChoice] = []
        self.search.textChanged.connect(self.schedule)
        for combo in (self.group, self.region, self.state):
            combo.currentIndexChanged.connect(self.schedule)
        self.unit.chosen_changed.connect(self.schedule)
        self.unit.textChanged.connect(
            lambda text: self.unit.set_chosen(None) if not text and self.unit.chosen else None)
        self.retranslate()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Search"))
        self.search.setPlaceholderText(self.tr("Name or words in the situation"))
        self.unit.setPlaceholderText(self.tr("All units"))
        self.reset_button.setText(self.tr("Clear filters"))
        self._fill(self.group, [(self.tr("All groups"), None)]
                   + [(t.label(lang()), t.code) for t in CARE_GROUPS])
        self._fill(self.region, [(self.tr("All regions"), None)]
                   + [(r.name, r.id) for r in self._regions])
        self._fill(self.state, [(self.tr("Being helped"), "active"), (self.tr("Ended"), "ended"),
                                (self.tr("Helped or ended"), "all")])

    @staticmethod
    def _fill(combo: QComboBox, items: Sequence[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
        combo.blockSignals(False)

    def set_choices(self, regions: Sequence[RegionChoice], units: Sequence[UnitChoice]) -> None:
        self._regions = list(regions)
        self.retranslate()
        self.unit.set_choices([Choice(u.id, u.name, u.name, u.region_name) for u in units])

    def schedule(self, *_args: object) -> None:
        self.timer.start()

    def apply_now(self) -> None:
        self.timer.stop()
        self.changed.emit()

    def reset(self) -> None:
        for widget in (self.search, self.group, self.region, self.state, self.unit):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.group, self.region, self.state):
            combo.setCurrentIndex(0)
        self.unit.set_chosen(None)
        for widget in (self.search, self.group, self.region, self.state, self.unit):
            widget.blockSignals(False)
        self.apply_now()

    def value(self) -> CareFilter:
        state = self.state.currentData()
        return CareFilter(
            group=self.group.currentData(), unit_id=self.unit.chosen_id,
            region_id=self.region.currentData(),
            active=None if state == "all" else state != "ended",
            search=self.search.text().strip())
