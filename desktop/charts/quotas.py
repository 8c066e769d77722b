"""领导干部任务指标: how many leaders have met each quota of the plan, by tier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.periods import campaign_period
from db.queries.quotas import PROJECTS, STRONG_PROBLEMS, LeaderQuotas, leader_quotas
from db.queries.stats import StatsFilter
from db.vocab import TIERS
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    t,
)

QUOTA_NAMES = {
    STRONG_PROBLEMS: ("解决群众反映强烈问题", "Strongly reported problems solved"),
    PROJECTS: ("领办民生实事项目", "Livelihood projects led"),
}


@dataclass(frozen=True, slots=True)
class QuotaRow:
    """One bar: a quota for one tier, with how many leaders of the tier met it."""

    quota: str  # STRONG_PROBLEMS or PROJECTS
    tier: str  # vocab.TIERS
    met: int
    not_met: int


def build_quotas(session: Session, filters: StatsFilter | None = None, *,
                 today: date | None = None) -> list[LeaderQuotas]:
    """Quotas of every active leader over the filters' dates (default: the campaign's)."""
    start, end = campaign_period(session)
    f = filters or StatsFilter()
    return leader_quotas(session, date_from=f.date_from or start, date_to=f.date_to or end)


def quota_rows(data: list[LeaderQuotas]) -> list[QuotaRow]:
    """Met / not met per (quota, tier), quotas in the plan's order, tiers by seniority."""
    counts: dict[tuple[str, str], list[int]] = {}
    for leader in data:
        for q in leader.quotas:
            pair = counts.setdefault((q.code, leader.cadre.tier), [0, 0])
            pair[0 if q.met else 1] += 1
    tier_rank = {c: i for i, c in enumerate(TIERS.codes())}
    quota_rank = {STRONG_PROBLEMS: 0, PROJECTS: 1}
    keys = sorted(counts, key=lambda k: (quota_rank.get(k[0], 9), tier_rank.get(k[1], 9)))
    return [QuotaRow(q, tier, *counts[(q, tier)]) for q, tier in keys]


def chart_quotas(data: list[LeaderQuotas], *, title: str | None = None,
                 lang: str = "zh") -> Figure:
    """Stacked horizontal bars per quota and tier: met (dark) and not met (white)."""
    with house_style():
        rows = quota_rows(data)
        fig = new_figure(height=max(2.8, 1.4 + 0.45 * len(rows)))
        title = t(lang, "领导干部任务指标完成情况", "Leaders' quotas") if title is None else title
        if not rows:
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        ax = fig.add_subplot()
        ys = list(range(len(rows)))[::-1]
        met = [r.met for r in rows]
        not_met = [r.not_met for r in rows]
        met_style, not_style = bar_style(0), bar_style(4)
        b1 = ax.barh(ys, met, height=0.6, label=t(lang, "已达标", "Met"), **met_style)
        b2 = ax.barh(ys, not_met, left=met, height=0.6, label=t(lang, "未达标", "Not met"),
                     **not_style)
        ax.set_xlim(0, max(r.met + r.not_met for r in rows) * 1.35)
        label_bars(ax, b1, [str(v) if v else "" for v in met], inside=True,
                   fill=met_style["color"], horizontal=True, min_frac=0.03)
        label_bars(ax, b2, [t(lang, f"未达标 {r.not_met} / 共 {r.met + r.not_met}",
                              f"{r.not_met} not met / {r.met + r.not_met}") for r in rows])
        names = []
        for r in rows:
            zh, en = QUOTA_NAMES.get(r.quota, (r.quota, r.quota))
            names.append(f"{t(lang, zh, en)}\n{TIERS.label(r.tier, lang)}")
        ax.set_yticks(ys, names)
        ax.set_xlabel(t(lang, "人数", "Leaders"))
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
        if title:
            ax.set_title(title, pad=24)
        return freeze(fig)
