"""走访次数: visits per month, stacked by method (实地走访, 蹲点体验, ...)."""

from __future__ import annotations

from collections import defaultdict

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.stats import StatsFilter, VisitStats, visit_stats
from db.vocab import METHODS
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    series_greys,
    t,
)


def build_visits_by_month(session: Session, filters: StatsFilter | None = None
                          ) -> list[VisitStats]:
    return visit_stats(session, ("month", "method"), filters)


def _method_label(code: str | None, label: str, lang: str) -> str:
    return METHODS.label(code, lang) if code in METHODS else label


def chart_visits_by_month(data: list[VisitStats], *, title: str | None = None,
                          lang: str = "zh") -> Figure:
    """Stacked bars: one per month, one segment per method, the month's total on top."""
    with house_style():
        fig = new_figure()
        title = t(lang, "每月走访次数（按走访方式）", "Visits per month by method") \
            if title is None else title
        if not any(row.visits for row in data):
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        months: list[str] = []
        methods: list[tuple[str | None, str]] = []
        counts: dict[tuple[str, str | None], int] = defaultdict(int)
        for row in data:
            method = row.keys[1]
            m_label = row.labels[0]
            if m_label not in months:
                months.append(m_label)
            if (method, row.labels[1]) not in methods:
                methods.append((method, row.labels[1]))
            counts[(m_label, method)] += row.visits
        order = {c: i for i, c in enumerate(METHODS.codes())}
        methods.sort(key=lambda m: order.get(m[0] or "", len(order)))

        ax = fig.add_subplot()
        xs = list(range(len(months)))
        bottoms = [0] * len(months)
        greys = series_greys(len(methods))
        stacks = []
        for i, (code, label) in enumerate(methods):
            values = [counts[(m, code)] for m in months]
            style = bar_style(greys[i])
            bars = ax.bar(xs, values, bottom=bottoms, width=0.7,
                          label=_method_label(code, label, lang), **style)
            stacks.append((bars, values, style["color"]))
            bottoms = [b + v for b, v in zip(bottoms, values, strict=True)]
        top = max(bottoms)
        ax.set_ylim(0, top * 1.12)
        for bars, values, fill in stacks:  # after the limits: label_bars measures against them
            label_bars(ax, bars, [str(v) if v else "" for v in values], inside=True, fill=fill)
        totals = ax.bar(xs, [0] * len(months), bottom=bottoms, width=0.7, color="none")  # anchors
        label_bars(ax, totals, [str(b) for b in bottoms])
        ax.set_xticks(xs, _month_ticks(months, lang))
        ax.set_ylabel(t(lang, "走访次数", "Visits"))
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), title=t(lang, "走访方式", "Method"))
        if title:
            ax.set_title(title)
        return freeze(fig)


def _month_ticks(labels: list[str], lang: str) -> list[str]:
    """"2022-06" → "6月", with the year under the first month and under each January."""
    out = []
    for i, label in enumerate(labels):
        if len(label) != 7 or label[4] != "-":
            out.append(label)  # 未填写
            continue
        year, month = label[:4], int(label[5:])
        head = f"{month}月" if lang.startswith("zh") else label[5:]
        out.append(f"{head}\n{year}" + ("年" if lang.startswith("zh") else "")
                   if i == 0 or month == 1 else head)
    return out
