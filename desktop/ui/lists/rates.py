"""The three rates of what the visible list is filtered to (region, unit, lead leader, period),
in one line under the lists: response rate, resolution rate, satisfaction rate, each with its
fraction so a clerk can check it by hand (db.queries.rates)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.queries.problems import ProblemFilter
from db.queries.rates import RateFilter, ThreeRates, percent
from desktop.ui.lists.queries import TaskFilter


def rate_filter(f: ProblemFilter | TaskFilter) -> RateFilter:
    """The rates' scope for a list's filter: the problem list's region, unit and report dates;
    the task lists' region, responsible unit and lead leader (their dates are opening or
    completion dates, not report dates, so they do not narrow the rates)."""
    if isinstance(f, ProblemFilter):
        return RateFilter(region_id=f.region_id, unit_id=f.unit_id, date_from=f.date_from,
                          date_to=f.date_to)
    return RateFilter(region_id=f.region_id, responsible_unit_id=f.responsible_unit_id,
                      lead_leader_id=f.lead_leader_id)


class RatesPanel(QWidget):
    """The three rates with their fractions. *leader*: the rates of the problems a leader's
    tasks serve (the cadre detail), stacked one per line for a narrow pane; otherwise those of
    the lists' filter, in one line."""

    def __init__(self, parent: QWidget | None = None, *, leader: bool = False) -> None:
        super().__init__(parent)
        self.leader = leader
        self.caption = QLabel()
        self.response = QLabel()
        self.response.setObjectName("responseRate")
        self.resolution = QLabel()
        self.resolution.setObjectName("resolutionRate")
        self.satisfaction = QLabel()
        self.satisfaction.setObjectName("satisfactionRate")
        layout: QHBoxLayout | QVBoxLayout
        if leader:
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)
        else:
            layout = QHBoxLayout(self)
            layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.caption)
        for label in (self.response, self.resolution, self.satisfaction):
            label.setWordWrap(leader)
            layout.addWidget(label)
        layout.addStretch(1)
        self.rates: ThreeRates | None = None

    def show_rates(self, rates: ThreeRates) -> None:
        self.rates = rates
        self.caption.setText(self.tr("Three rates of the problems this leader's tasks serve:")
                             if self.leader else self.tr("Three rates of the filtered problems:"))
        self.response.setText(self.tr("Response {rate} ({part}/{whole}, task within {days} "
                                      "working days)").format(
            rate=percent(rates.response_rate), part=rates.responded, whole=rates.problems,
            days=rates.response_workdays))
        self.resolution.setText(self.tr("· Resolution {rate} ({part}/{whole} closed out)").format(
            rate=percent(rates.resolution_rate), part=rates.closed, whole=rates.problems))
        self.satisfaction.setText(self.tr(
            "· Satisfaction {rate} ({part}/{whole} ratings satisfied or basically)").format(
            rate=percent(rates.satisfaction_rate), part=rates.satisfied, whole=rates.rated))
        if self.leader:
            self.setToolTip(self.tr(
                "Response: problems that got a task within the set working days (campaign "
                "setting). Resolution: problems closed out. Satisfaction: ratings “satisfied” "
                "or “basically satisfied” among all follow-up ratings. Counted over the "
                "problems reported in the campaign that tasks led by this cadre (领办) serve."))
            return
        self.setToolTip(self.tr(
            "Response: problems that got a task within the set working days (campaign "
            "setting). Resolution: problems closed out. Satisfaction: ratings “satisfied” or "
            "“basically satisfied” among all follow-up ratings of their tasks. On the task and "
            "effect lists the region, responsible unit and lead leader narrow the rates; the "
            "dates there (opening, completion) do not."))
