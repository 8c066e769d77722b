"""九个一: how many cadres have done each of the nine items, and how far each cadre has got."""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.checklist import Checklist, checklists
from db.queries.periods import campaign_period
from db.queries.stats import StatsFilter
from db.vocab import NINE_ONES
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    t,
)


def build_nine_ones(session: Session, filters: StatsFilter | None = None, *,
                    today: date | None = None) -> list[Checklist]:
    """Every active cadre's checklist over the filters' dates (default: the campaign's).

    Counts only (no evidence visits): the chart needs whether each item is done, and the
    evidence windows take seconds at scale 100.
    """
    start, end = campaign_period(session)
    f = filters or StatsFilter()
    return checklists(session, date_from=f.date_from or start, date_to=f.date_to or end,
                      today=today, evidence=False)


def item_counts(data: list[Checklist]) -> list[tuple[str, int]]:
    """(item code, cadres who have done it), in vocabulary order."""
    return [(code, sum(1 for c in data if c.item(code).done)) for code in NINE_ONES.codes()]


def completion_histogram(data: list[Checklist]) -> list[int]:
    """How many cadres have done exactly k of the nine items, for k = 0..9."""
    out = [0] * (len(NINE_ONES) + 1)
    for c in data:
        out[c.done_count] += 1
    return out


def chart_nine_ones(data: list[Checklist], *, title: str | None = None,
                    lang: str = "zh") -> Figure:
    """Left: cadres who have done each item (of all cadres). Right: cadres by items done."""
    with house_style():
        fig = new_figure(height=4.0)
        n = len(data)
        title = t(lang, f"“九个一”完成情况（共 {n} 名党员干部）",
                  f"The nine ones ({n} cadres)") if title is None else title
        if title:
            fig.suptitle(title)
        if not data:
            no_data(fig, lang=lang)
            return freeze(fig)
        left, right = fig.subplots(1, 2, width_ratios=[1.45, 1])

        counts = item_counts(data)
        ys = list(range(len(counts)))[::-1]
        done = [k for _, k in counts]
        # The whole bar is all cadres (white), the grey part those who have done the item.
        whole = left.barh(ys, [n] * len(ys), height=0.62, color="#ffffff", edgecolor="#000000",
                          linewidth=0.6)
        left.barh(ys, done, height=0.62, **bar_style(1))
        label_bars(left, whole, [f"{k}（{k / n * 100:.0f}%）" if lang.startswith("zh")
                                 else f"{k} ({k / n * 100:.0f}%)" for k in done])
        left.set_xlim(0, n * 1.38)
        left.set_yticks(ys, [NINE_ONES.label(code, lang) for code, _ in counts])
        left.set_xlabel(t(lang, "已完成人数", "Cadres done"))
        left.set_title(t(lang, "各项完成人数", "Cadres per item"), fontsize=10)

        hist = completion_histogram(data)
        ks = list(range(len(hist)))
        bars = right.bar(ks, hist, width=0.75, **bar_style(2))
        bars[-1].set_facecolor("#262626")  # all nine: the goal, stands out in grey too
        right.set_ylim(0, max(hist) * 1.18 or 1)
        label_bars(right, bars, [str(v) if v else "" for v in hist])
        right.set_xticks(ks, [str(k) for k in ks])
        right.set_xlabel(t(lang, "完成项数（共 9 项）", "Items done (of 9)"))
        right.set_ylabel(t(lang, "人数", "Cadres"))
        right.set_title(t(lang, "按完成项数分布", "Cadres by items done"), fontsize=10)
        return freeze(fig)
