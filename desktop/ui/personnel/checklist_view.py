"""A cadre's nine "ones" (九个一) and, for leaders, their quotas — shown, never ticked.

Each item says done or missing with a sign and a word as well as a colour, so nobody has to tell
red from green; done items name what satisfied them (the unit assigned, or the visits with
their number and date).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from db.queries import Checklist, ChecklistItem, LeaderQuotas
from db.vocab import NINE_ONES
from desktop.ui.personnel.common import DONE_COLOUR, MISSING_COLOUR, MUTED_COLOUR, label


def _mark_style(done: bool) -> str:
    return f"color: {DONE_COLOUR if done else MISSING_COLOUR}; font-weight: bold;"


class ChecklistView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(1)
        self.grid.setHorizontalSpacing(10)
        self.marks: dict[str, QLabel] = {}
        self.evidence: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        for row, code in enumerate(NINE_ONES.codes()):
            mark, name, evidence = QLabel(), QLabel(), QLabel()
            evidence.setWordWrap(True)
            evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # The evidence goes under the item's name: a visit number cannot wrap, and the
            # pane is narrow.
            self.grid.addWidget(mark, 2 * row, 0)
            self.grid.addWidget(name, 2 * row, 1)
            self.grid.addWidget(evidence, 2 * row + 1, 1)
            evidence.setContentsMargins(0, 0, 0, 4)
            self.marks[code], self.names[code], self.evidence[code] = mark, name, evidence
        # The quotas are a widget of their own, so the detail pane can put them where a
        # leader's eye goes first (above the nine ones).
        self.quotas = QWidget()
        self.quota_lines: list[QLabel] = []
        self.quota_box = QVBoxLayout(self.quotas)
        self.quota_box.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(self.grid)
        self._checklist: Checklist | None = None
        self._quotas: LeaderQuotas | None = None
        self.show_checklist(None, None)

    def retranslate(self) -> None:
        self.show_checklist(self._checklist, self._quotas)

    # -- showing -------------------------------------------------------------------------

    def show_checklist(self, checklist: Checklist | None, quotas: LeaderQuotas | None) -> None:
        self._checklist, self._quotas = checklist, quotas
        if checklist is None:
            self.summary.setText(self.tr("Choose a cadre to see the nine ones."))
        else:
            self.summary.setText(self.tr("Nine ones: %1 of %2 done")
                                 .replace("%1", str(checklist.done_count))
                                 .replace("%2", str(len(checklist.items))))
        for code in NINE_ONES.codes():
            self.names[code].setText(label(NINE_ONES, code))
            item = checklist.item(code) if checklist else None
            self._show_item(code, item)
        self._show_quotas(quotas)

    def _show_item(self, code: str, item: ChecklistItem | None) -> None:
        mark, evidence = self.marks[code], self.evidence[code]
        if item is None:
            mark.setText("")
            evidence.setText("")
            evidence.setToolTip("")
            return
        mark.setText(self.tr("✓ Done") if item.done else self.tr("✗ Missing"))
        mark.setStyleSheet(_mark_style(item.done))
        evidence.setStyleSheet(f"color: {MUTED_COLOUR};")
        evidence.setText(self._evidence(item))
        evidence.setToolTip(self._tooltip(item) if item.visits else "")

    def _evidence(self, item: ChecklistItem) -> str:
        if item.code in ("community", "village"):
            if not item.done:
                return self.tr("No running assignment of this kind")
            if item.count > 1:
                return self.tr("%1 and %2 more").replace("%1", item.unit_name).replace(
                    "%2", str(item.count - 1))
            return item.unit_name
        if not item.done:
            return self.tr("No visit recorded yet")
        # The newest visit on the line (date first: a visit number has nowhere to wrap), the
        # other recent ones in the tooltip, so all nine items fit the pane at a glance.
        newest = item.visits[0] if item.visits else None
        text = f"{newest.visit_date.isoformat()} {newest.number}" if newest else ""
        if item.count > 1:
            text += self.tr(" (%1 visits in all)").replace("%1", str(item.count))
        return text

    def _tooltip(self, item: ChecklistItem) -> str:
        lines = [f"{v.visit_date.isoformat()} {v.number}" for v in item.visits]
        if item.count > len(item.visits):
            lines.append(self.tr("%1 visits in all").replace("%1", str(item.count)))
        return "\n".join(lines)

    def _show_quotas(self, quotas: LeaderQuotas | None) -> None:
        for line in self.quota_lines:
            self.quota_box.removeWidget(line)
            line.deleteLater()
        self.quota_lines = []
        self.quotas.setVisible(quotas is not None)
        if quotas is None:
            return
        for q in quotas.quotas:
            # The text from db.queries.quotas already says “已达标” or “未达标，还差 n 个”.
            line = QLabel(("✓ " if q.met else "✗ ") + q.text)
            line.setWordWrap(True)
            line.setStyleSheet(f"color: {DONE_COLOUR if q.met else MISSING_COLOUR};")
            self.quota_box.addWidget(line)
            self.quota_lines.append(line)

    # -- for tests and the widget --------------------------------------------------------

    def is_done(self, code: str) -> bool | None:
        if self._checklist is None:
            return None
        return self._checklist.item(code).done
