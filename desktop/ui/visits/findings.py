"""The problems found on a visit, typed into the visit form itself: one small row each.

Each row becomes a FindingInput, and record_visit writes it to the problem list linked to the
visit, in the same transaction as the visit. Rows are plain widgets in a column (a handful per
visit), not a data grid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.services import FindingInput
from db.vocab import REPORTER_TYPES
from db.vocab_extra import FIXED, Vocabularies
from desktop.ui.visits.common import fill_vocab_combo, select_code
from desktop.ui.widgets import ErrorLabel, combo_code

DEFAULT_REPORTER = "public"
# The fields of a finding in the order the keyboard visits them (FindingInput names).
FIELDS = ("area", "category", "description", "reporter_type", "strongly_reported")


class FindingRow(QWidget):
    """One new problem: area, category, description, reporter type, "strongly reported"."""

    remove_requested = Signal(object)
    changed = Signal()

    def __init__(self, vocabs: Vocabularies = FIXED, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingRow")
        self.vocabs = vocabs  # areas and categories with the bureau's additions
        self.number_label = QLabel()
        self.area = QComboBox()
        self.area.setObjectName("findingArea")
        self.category = QComboBox()
        self.category.setObjectName("findingCategory")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.description = QLineEdit()
        self.description.setObjectName("findingDescription")
        self.reporter_type = QComboBox()
        self.reporter_type.setObjectName("findingReporter")
        self.strongly_reported = QCheckBox()
        self.strongly_reported.setObjectName("findingStrong")
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("findingRemove")
        self.remove_button.setText("✕")
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab
        self.remove_button.setAutoRaise(True)
        self.error = ErrorLabel()
        self.fill_combos()
        select_code(self.reporter_type, DEFAULT_REPORTER)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.number_label, 0, 0)
        grid.addWidget(self.area, 0, 1)
        grid.addWidget(self.category, 0, 2, 1, 2)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.description, 1, 1, 1, 4)
        grid.addWidget(self.reporter_type, 2, 1)
        grid.addWidget(self.strongly_reported, 2, 2)
        grid.addWidget(self.error, 3, 1, 1, 4)
        grid.setColumnStretch(3, 1)
        self.area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        for combo in (self.area, self.category, self.reporter_type):
            combo.currentIndexChanged.connect(self.changed)
        self.description.textChanged.connect(self.changed)
        self.strongly_reported.toggled.connect(self.changed)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.changed.connect(self.error.clear_message)  # the message was about the old values
        self.retranslate()

    def fill_combos(self) -> None:
        fill_vocab_combo(self.area, self.vocabs.area)
        fill_vocab_combo(self.category, self.vocabs.category)
        fill_vocab_combo(self.reporter_type, REPORTER_TYPES)

    def retranslate(self) -> None:
        self.area.setPlaceholderText(self.tr("Area"))
        self.category.setPlaceholderText(self.tr("Category"))
        self.description.setPlaceholderText(self.tr("What was reported (required)"))
        self.strongly_reported.setText(self.tr("Strongly reported"))
        self.strongly_reported.setToolTip(self.tr("The people feel strongly about it"))
        self.reporter_type.setToolTip(self.tr("Who raised it"))
        self.remove_button.setToolTip(self.tr("Remove this problem (it is not saved)"))

    def set_number(self, number: int) -> None:
        self.number_label.setText(f"{number}.")

    def value(self) -> FindingInput:
        return FindingInput(
            area=combo_code(self.area), category=combo_code(self.category),
            description=self.description.text(),
            strongly_reported=self.strongly_reported.isChecked(),
            reporter_type=combo_code(self.reporter_type))

    def state(self) -> tuple[object, ...]:
        return (combo_code(self.area), combo_code(self.category), self.description.text(),
                self.strongly_reported.isChecked(), combo_code(self.reporter_type))

    def is_blank(self) -> bool:
        """Nothing typed or chosen beyond the defaults: an empty row, not a finding."""
        area, category, description, strong, _reporter = self.state()
        return not (area or category or str(description).strip() or strong)

    def widget_for(self, field: str) -> QWidget:
        return {
            "area": self.area, "category": self.category, "description": self.description,
            "reporter_type": self.reporter_type, "strongly_reported": self.strongly_reported,
        }.get(field, self.description)

    def tab_chain(self) -> list[QWidget]:
        return [self.area, self.category, self.description, self.reporter_type,
                self.strongly_reported, self.remove_button]


class FindingsEditor(QWidget):
    """The list of new problems: 添加问题 (or Ctrl+Enter anywhere in the form) adds a row."""

    changed = Signal()
    rows_changed = Signal()  # a row was added or removed: the form redoes its Tab order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FindingRow] = []
        self.vocabs: Vocabularies = FIXED
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.rows_box.setSpacing(6)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #666;")
        self.empty_label.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addFinding")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self.rows_box)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add a problem (Ctrl+Enter)"))
        self.add_button.setToolTip(self.tr(
            "Each problem is written to the problem list when the visit is saved"))
        self.empty_label.setText(self.tr(
            "No problems yet. Problems added here go to the problem list, linked to this visit."))
        for row in self.rows:
            row.retranslate()
        self._update()

    def fill_combos(self) -> None:
        for row in self.rows:
            row.fill_combos()

    def set_vocabularies(self, vocabs: Vocabularies) -> None:
        """Offer the areas and categories of *vocabs* (the bureau's additions too) in new rows
        and in the rows already there, whose choices stay chosen."""
        self.vocabs = vocabs
        for row in self.rows:
            row.vocabs = vocabs
            row.fill_combos()

    def add_row(self) -> FindingRow:
        row = FindingRow(self.vocabs)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove_row)
        self.rows.append(row)
        self.rows_box.addWidget(row)
        row.show()  # now, not when the layout gets round to it: the focus goes there next
        self._update()
        self.rows_changed.emit()
        self.changed.emit()
        row.area.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def remove_row(self, row: FindingRow) -> None:
        if row not in self.rows:
            return
        number = self.rows.index(row)
        self.rows.remove(row)
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._update()
        self.rows_changed.emit()
        self.changed.emit()
        # Keep the keyboard nearby: the row that took its place, else the add button.
        target = self.rows[min(number, len(self.rows) - 1)].area if self.rows \
            else self.add_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            self.rows_box.removeWidget(row)
            row.hide()
            row.deleteLater()
        self._update()
        self.rows_changed.emit()

    def filled(self) -> list[tuple[int, FindingInput]]:
        """(row number, finding) of the rows with something in them; blank rows are left
        out rather than refused (an extra Ctrl+Enter must not block the save)."""
        return [(number, row.value()) for number, row in enumerate(self.rows)
                if not row.is_blank()]

    def state(self) -> tuple[object, ...]:
        return tuple(row.state() for row in self.rows)

    def show_errors(self, by_row: dict[int, list[str]]) -> None:
        for number, row in enumerate(self.rows):
            row.error.show_messages(by_row.get(number, []))

    def tab_chain(self) -> list[QWidget]:
        chain: list[QWidget] = []
        for row in self.rows:
            chain += row.tab_chain()
        return [*chain, self.add_button]

    def _update(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.set_number(number)
        self.empty_label.setVisible(not self.rows)
