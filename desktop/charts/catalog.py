"""Every chart of the 进度图表 tab, in display order: its key, title, query and drawing.

The tab runs ``spec.build(session, filters)`` in a worker thread (queries only, no matplotlib)
and ``spec.draw(data)`` on the GUI thread (matplotlib's rcParams are process-global).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from matplotlib.figure import Figure

from desktop.charts.deadlines import build_deadlines, chart_deadlines
from desktop.charts.nine_ones import build_nine_ones, chart_nine_ones
from desktop.charts.phases import build_phases, chart_phases
from desktop.charts.problems import (
    build_funnel,
    build_problems_by_area,
    build_problems_by_category,
    build_rates_by_region,
    build_satisfaction,
    chart_funnel,
    chart_problems_by_area,
    chart_problems_by_category,
    chart_rates_by_region,
    chart_satisfaction,
)
from desktop.charts.quotas import build_quotas, chart_quotas
from desktop.charts.visits import build_visits_by_month, chart_visits_by_month


@dataclass(frozen=True)
class ChartSpec:
    key: str
    zh: str  # the chart's name in lists and menus
    en: str
    build: Callable[..., Any]  # (session, filters, *, today=None) -> data
    draw: Callable[..., Figure]  # (data, *, title=None, lang="zh") -> Figure

    def title(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


def _visits(session: Any, filters: Any = None, *, today: Any = None) -> Any:
    return build_visits_by_month(session, filters)


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec("funnel", "三个清单办理进度", "Three lists progress", build_funnel, chart_funnel),
    ChartSpec("visits", "每月走访次数", "Visits per month", _visits, chart_visits_by_month),
    ChartSpec("areas", "问题领域分布", "Problems by area", build_problems_by_area,
              chart_problems_by_area),
    ChartSpec("categories", "问题类别分布", "Problems by category", build_problems_by_category,
              chart_problems_by_category),
    ChartSpec("deadlines", "任务期限", "Task deadlines", build_deadlines, chart_deadlines),
    ChartSpec("rates", "各地三率排名", "Rates by region", build_rates_by_region,
              chart_rates_by_region),
    ChartSpec("satisfaction", "群众满意度", "Satisfaction", build_satisfaction,
              chart_satisfaction),
    ChartSpec("nine_ones", "“九个一”完成情况", "The nine ones", build_nine_ones,
              chart_nine_ones),
    ChartSpec("phases", "各阶段进度", "Progress by phase", build_phases, chart_phases),
    ChartSpec("quotas", "领导干部任务指标", "Leaders' quotas", build_quotas, chart_quotas),
)

BY_KEY = {spec.key: spec for spec in CHARTS}
