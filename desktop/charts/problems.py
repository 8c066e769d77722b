"""问题清单 charts: problems by area and by category, the three-lists funnel, the three rates by
region (the assessment ranking) and the people's satisfaction ratings."""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.stats import (
    ProblemStats,
    StatsFilter,
    problem_stats,
    problem_stats_by,
    problem_totals,
)
from db.vocab import AREAS, CATEGORIES, RATINGS, Vocabulary
from desktop.charts.style import (
    GREYS,
    VALUE_SIZE,
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    pct,
    t,
    text_colour,
)

# ---- by area / by category -----------------------------------------------------------------


def build_problems_by_area(session: Session, filters: StatsFilter | None = None, *,
                           today: date | None = None) -> list[ProblemStats]:
    return problem_stats(session, "area", filters, today=today)


def build_problems_by_category(session: Session, filters: StatsFilter | None = None, *,
                               today: date | None = None) -> list[ProblemStats]:
    return problem_stats(session, "category", filters, today=today)


def chart_problems_by_area(data: list[ProblemStats], *, title: str | None = None,
                           lang: str = "zh") -> Figure:
    """Horizontal bars per area (入学、课后 ...): closed out (dark) + not yet (light)."""
    default = t(lang, "问题数量（按领域）", "Problems by area")
    return _problem_bars(data, AREAS, default if title is None else title, lang)


def chart_problems_by_category(data: list[ProblemStats], *, title: str | None = None,
                               lang: str = "zh") -> Figure:
    """Horizontal bars per category (教学质量类 ...): closed out (dark) + not yet (light)."""
    default = t(lang, "问题数量（按类别）", "Problems by category")
    return _problem_bars(data, CATEGORIES, default if title is None else title, lang)


def _label(vocab: Vocabulary, row: ProblemStats, lang: str) -> str:
    if row.key in vocab:
        return vocab.label(row.key, lang)
    return row.label_en if lang == "en" and row.label_en else row.label  # a bureau's term


def _problem_bars(data: list[ProblemStats], vocab: Vocabulary, title: str, lang: str
                  ) -> Figure:
    with house_style():
        height = max(3.0, 1.2 + 0.34 * len(data))
        fig = new_figure(height=height)
        if not any(row.total for row in data):
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        ax = fig.add_subplot()
        ys = list(range(len(data)))[::-1]  # first group on top
        closed = [row.closed for row in data]
        rest = [row.total - row.closed for row in data]
        done_style, open_style = bar_style(0), bar_style(3)
        b1 = ax.barh(ys, closed, height=0.65, label=t(lang, "已销号", "Closed out"),
                     **done_style)
        b2 = ax.barh(ys, rest, left=closed, height=0.65,
                     label=t(lang, "未销号", "Not closed out"), **open_style)
        ax.set_xlim(0, max(row.total for row in data) * 1.25)
        label_bars(ax, b1, [str(v) if v else "" for v in closed], inside=True,
                   fill=done_style["color"], horizontal=True)
        label_bars(ax, b2, [_total_text(row, lang) if row.total else "0" for row in data])
        ax.set_yticks(ys, [_label(vocab, row, lang) for row in data])
        ax.set_xlabel(t(lang, "问题数（件）", "Problems"))
        ax.legend(loc="lower right")
        if title:
            ax.set_title(title)
        return freeze(fig)


def _total_text(row: ProblemStats, lang: str) -> str:
    return t(lang, f"共 {row.total}", f"{row.total} in all")


# ---- the funnel ----------------------------------------------------------------------------


def build_funnel(session: Session, filters: StatsFilter | None = None, *,
                 today: date | None = None) -> ProblemStats:
    return problem_totals(session, filters, today=today)


def funnel_steps(data: ProblemStats, lang: str = "zh") -> list[tuple[str, int]]:
    """The four steps of the three lists, each a subset of the one before."""
    return [
        (t(lang, "问题清单（已登记）", "Problems reported"), data.total),
        (t(lang, "任务清单（已立任务）", "Task opened"), data.with_task),
        (t(lang, "效果清单（已见效）", "Effect recorded"), data.resolved),
        (t(lang, "已销号", "Closed out"), data.closed),
    ]


def chart_funnel(data: ProblemStats, *, title: str | None = None, lang: str = "zh") -> Figure:
    """Reported → task opened → effect → closed out, as centred bars with count and share."""
    with house_style():
        fig = new_figure(height=3.2)
        title = t(lang, "三个清单办理进度", "The three lists: progress") if title is None else title
        if not data.total:
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        steps = funnel_steps(data, lang)
        ax = fig.add_subplot()
        ys = list(range(len(steps)))[::-1]
        widths = [n for _, n in steps]
        fills = [GREYS[i] for i in (3, 2, 1, 0)]  # darker as the work gets done
        bars = ax.barh(ys, widths, left=[-w / 2 for w in widths], height=0.7, color=fills,
                       edgecolor="#000000", linewidth=0.6)
        for bar, n, fill in zip(bars, widths, fills, strict=True):
            share = n / data.total
            text = f"{n}（{share * 100:.1f}%）" if lang.startswith("zh") \
                else f"{n} ({share * 100:.1f}%)"
            narrow = n / data.total < 0.3
            x = bar.get_x() + bar.get_width() + data.total * 0.02 if narrow else 0.0
            ax.text(x, bar.get_y() + bar.get_height() / 2, text, va="center",
                    ha="left" if narrow else "center", fontsize=VALUE_SIZE + 0.5,
                    color="#000000" if narrow else text_colour(fill))
        ax.set_xlim(-data.total * 0.55, data.total * 0.55)
        ax.set_yticks(ys, [label for label, _ in steps])
        ax.tick_params(axis="y", length=0)
        ax.xaxis.set_visible(False)
        ax.spines[["left", "bottom"]].set_visible(False)
        if title:
            ax.set_title(title)
        return freeze(fig)


# ---- the three rates by region -------------------------------------------------------------


def build_rates_by_region(session: Session, filters: StatsFilter | None = None, *,
                          today: date | None = None) -> list[ProblemStats]:
    return problem_stats(session, "region", filters, today=today)


def rate_ranking(data: list[ProblemStats]) -> list[ProblemStats]:
    """Regions best first: by resolution rate, then response, then satisfaction; regions with
    no problems last (they have no rates to compare)."""
    def key(row: ProblemStats) -> tuple[float, ...]:
        rates = (row.resolution_rate, row.response_rate, row.satisfaction_rate)
        return (0.0 if row.total else 1.0, *(-(r if r is not None else -1.0) for r in rates))
    return sorted(data, key=key)


def chart_rates_by_region(data: list[ProblemStats], *, title: str | None = None,
                          lang: str = "zh") -> Figure:
    """Response, resolution and satisfaction rate per region, ranked by resolution rate."""
    with house_style():
        rows = rate_ranking([r for r in data if r.key is not None or r.total])
        fig = new_figure(height=max(3.4, 1.4 + 0.75 * len(rows)))
        title = t(lang, "各地响应率、解决率、满意率（按解决率排名）",
                  "Rates by region, ranked by resolution rate") if title is None else title
        if not any(row.total for row in rows):
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        ax = fig.add_subplot()
        series = [
            (t(lang, "响应率", "Response rate"), lambda r: r.response_rate, 3),
            (t(lang, "解决率", "Resolution rate"), lambda r: r.resolution_rate, 0),
            (t(lang, "满意率", "Satisfaction rate"), lambda r: r.satisfaction_rate, 2),
        ]
        h = 0.26
        n = len(rows)
        for j, (label, rate_of, grey) in enumerate(series):
            ys = [(n - 1 - i) + (1 - j) * h for i in range(n)]
            values = [rate_of(r) for r in rows]
            bars = ax.barh(ys, [(v or 0.0) * 100 for v in values], height=h * 0.95,
                           label=label, **bar_style(grey))
            label_bars(ax, bars, [pct(v) for v in values])
        names = [f"{i + 1}. {r.label}" if r.total else r.label for i, r in enumerate(rows)]
        ax.set_yticks([n - 1 - i for i in range(n)], names)
        ax.set_xlim(0, 118)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xlabel(t(lang, "比率（%）", "Rate (%)"))
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
        if title:
            ax.set_title(title)
        return freeze(fig)


# ---- satisfaction --------------------------------------------------------------------------


def build_satisfaction(session: Session, filters: StatsFilter | None = None, *,
                       today: date | None = None) -> list[ProblemStats]:
    """All problems first (合计), then each region."""
    total, regions = problem_stats_by(session, ("total", "region"), filters, today=today)
    return [*total, *regions]


def chart_satisfaction(data: list[ProblemStats], *, title: str | None = None,
                       lang: str = "zh") -> Figure:
    """Share of 满意 / 基本满意 / 不满意 per group as 100 % bars: percentages on the segments,
    the number of evaluations after each group's name. Groups without evaluations are left
    out."""
    with house_style():
        rows = [r for r in data if r.rated]
        fig = new_figure(height=max(2.8, 1.3 + 0.42 * len(rows)))
        title = t(lang, "群众满意度评价", "Satisfaction ratings") if title is None else title
        if not rows:
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        ax = fig.add_subplot()
        ys = list(range(len(rows)))[::-1]
        left = [0.0] * len(rows)
        ax.set_xlim(0, 100)  # before the labels: label_bars measures segments against it
        for code, grey in zip(RATINGS.codes(), (0, 2, 4), strict=True):
            counts = [getattr(r, code) for r in rows]  # field names are the rating codes
            shares = [c / r.rated * 100 for c, r in zip(counts, rows, strict=True)]
            style = bar_style(grey)
            bars = ax.barh(ys, shares, left=left, height=0.6, label=RATINGS.label(code, lang),
                           **style)
            label_bars(ax, bars, [f"{s:.0f}%" if c else "" for s, c in
                                  zip(shares, counts, strict=True)],
                       inside=True, fill=style["color"], horizontal=True, min_frac=0.08)
            left = [a + b for a, b in zip(left, shares, strict=True)]
        # 不满意 is what a leader looks for, and its segment is often too thin for a label:
        # its share is written after every bar.
        for y, r in zip(ys, rows, strict=True):
            ax.text(101, y, t(lang, f"不满意 {r.unsatisfied / r.rated * 100:.0f}%",
                              f"unsatisfied {r.unsatisfied / r.rated * 100:.0f}%"),
                    va="center", ha="left", fontsize=VALUE_SIZE, clip_on=False)
        ax.set_xticks([0, 25, 50, 75, 100], ["0", "25%", "50%", "75%", "100%"])
        names = [t(lang, r.label, "All") if r.key == "all" else r.label for r in rows]
        ax.set_yticks(ys, [t(lang, f"{name}（{r.rated} 次评价）", f"{name} ({r.rated})")
                           for name, r in zip(names, rows, strict=True)])
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3)
        if title:
            ax.set_title(title, pad=24)
        return freeze(fig)
