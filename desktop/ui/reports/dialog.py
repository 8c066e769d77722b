"""Choosing a report and what it is about: the kind, then only the parameters that kind uses.

Every parameter starts at the kind's default (the latest month, the latest stored study, the
current phase, the whole organisation, every overdue task, every branch), so 生成 straight
away gives the report a clerk most likely wants.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from db.vocab import PHASES
from desktop.reports.catalog import REPORTS, ReportKind, ReportParams
from desktop.ui.i18n import current_language
from desktop.ui.reports.choices import Choice, ReportChoices
from desktop.ui.widgets import combo_code

# ReportParams fields in the order the form shows them.
PARAM_ORDER = ("month", "region", "study_id", "phase", "branch_id", "task_id")


class ReportDialog(QDialog):
    def __init__(self, choices: ReportChoices, kind: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Make a report"))
        self.setMinimumWidth(560)
        self.choices = choices

        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for report in REPORTS.values():
            self.kind.addItem(report.title, report.key)
        self.combos: dict[str, QComboBox] = {}
        for name in PARAM_ORDER:
            combo = QComboBox()
            combo.setObjectName(f"param_{name}")
            # Long task titles must not make the dialog wider than the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(36)
            self.combos[name] = combo
        self._fill()

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.tr("&Report:"), self.kind)
        labels = {
            "month": self.tr("&Month:"),
            "region": self.tr("Re&gion:"),
            "study_id": self.tr("Stored &study:"),
            "phase": self.tr("&Phase:"),
            "branch_id": self.tr("Party &branch:"),
            "task_id": self.tr("&Task:"),
        }
        for name in PARAM_ORDER:
            self.form.addRow(labels[name], self.combos[name])
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("reportHint")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.generate_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.generate_button.setText(self.tr("&Generate"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.combos["study_id"].currentIndexChanged.connect(self._study_changed)
        if kind is not None and kind in REPORTS:
            self.kind.setCurrentIndex(self.kind.findData(kind))
        self._kind_changed()
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- choices ------------------------------------------------------------------------------

    def _fill(self) -> None:
        c = self.choices
        self._fill_combo("month", c.months, None, self.tr("No records yet"))
        self._fill_combo("region", c.regions, self.tr("The whole organisation"))
        self._fill_combo("study_id", c.studies, None,
                         self.tr("No stored study yet (the lists as they are now)"))
        lang = "zh" if current_language().startswith("zh") else "en"
        phases = [Choice(p.value, self.tr("{phase} ({start} to {end})").format(
            phase=PHASES.label(p.value, lang), start=p.starts_on, end=p.ends_on))
            for p in c.phases]
        self._fill_combo("phase", phases, None, self.tr("No campaign phases set"))
        if c.current_phase is not None:
            combo = self.combos["phase"]
            combo.setCurrentIndex(max(combo.findData(c.current_phase), 0))
        self._fill_combo("branch_id", c.branches, self.tr("Every branch"))
        tasks = [Choice(t.value, self.tr("{task} (due {date})").format(task=t.label,
                                                                       date=t.ends_on))
                 for t in c.tasks]
        self._fill_combo("task_id", tasks, self.tr("Every overdue task"))

    def _fill_combo(self, name: str, items: list[Choice], everything: str | None,
                    empty: str | None = None) -> None:
        """*everything*: a first entry meaning "all" (data None), chosen by default; else the
        first real entry (the newest) is; *empty*: the one entry shown when there is nothing
        to choose (the kind then takes its own default)."""
        combo = self.combos[name]
        combo.clear()
        if everything is not None:
            combo.addItem(everything, None)
        for item in items:
            combo.addItem(item.label, item.value)
        if not items and everything is None:
            combo.addItem(empty or "", None)
        combo.setCurrentIndex(0)

    # -- the chosen kind ----------------------------------------------------------------------

    def current_kind(self) -> ReportKind | None:
        key = combo_code(self.kind)
        return REPORTS.get(key)

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        used = set(kind.params) if kind is not None else set()
        for name in PARAM_ORDER:
            self.form.setRowVisible(self.combos[name], name in used)
        self.generate_button.setEnabled(kind is not None)
        self._study_changed()
        self.adjustSize()

    def _update_hint(self) -> None:
        """Say what is preselected (only what this kind uses, and is not fixed by another)."""
        used = [name for name in PARAM_ORDER
                if self._uses(name) and self.combos[name].isEnabled()]
        defaults = {
            "month": self.tr("the latest month"),
            "region": self.tr("the whole organisation"),
            "study_id": self.tr("the latest stored study"),
            "phase": self.tr("the current phase"),
            "branch_id": self.tr("every branch"),
            "task_id": self.tr("every overdue task"),
        }
        if used:
            self.hint.setText(self.tr("Preselected: {defaults}. Click Generate, or choose "
                                      "others first.").format(defaults=self.tr(", ").join(
                                          defaults[name] for name in used)))
        else:
            self.hint.setText(self.tr("This report needs no choices: click Generate."))

    def _study_changed(self) -> None:
        """A stored study fixes the month (it is the study's own): the month box then rests."""
        month = self.combos["month"]
        by_study = self._uses("study_id") and bool(combo_code(self.combos["study_id"]))
        month.setEnabled(not by_study)
        month.setToolTip(self.tr("The month of the chosen study is used.") if by_study else "")
        self._update_hint()

    def _uses(self, name: str) -> bool:
        kind = self.current_kind()
        return kind is not None and name in kind.params

    def params(self) -> ReportParams:
        """The chosen parameters; those the kind does not use stay None (its defaults)."""
        values = {name: (combo_code(self.combos[name]) or None)
                  if self._uses(name) and self.combos[name].isEnabled() else None
                  for name in PARAM_ORDER}
        return ReportParams(**values)

    def set_param(self, name: str, value: str | None) -> None:
        """Choose *value* for parameter *name* (tests, and remembering the last choice)."""
        combo = self.combos[name]
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
