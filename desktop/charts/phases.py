"""活动阶段: problems reported in each of the four phases and how many of them are closed out,
with each phase's end date under its bars.

Problems are placed in the phase of their report date (``problem_stats(by="phase")``); the
closed-out count is of those problems, as of today, not of close-outs dated within the phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.campaign import campaign_phases, current_campaign
from db.queries.stats import StatsFilter, problem_stats
from db.vocab import PHASES
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    t,
)


@dataclass(frozen=True, slots=True)
class PhaseProgress:
    code: str | None  # vocab.PHASES; None: reported outside every phase
    label: str
    starts_on: date | None
    ends_on: date | None
    reported: int
    closed: int

    @property
    def closed_rate(self) -> float | None:
        return self.closed / self.reported if self.reported else None


def build_phases(session: Session, filters: StatsFilter | None = None, *,
                 today: date | None = None) -> list[PhaseProgress]:
    campaign = current_campaign(session)
    if campaign is None:
        return []
    dates = {p.code: (p.starts_on, p.ends_on) for p in campaign_phases(session, campaign)}
    stats = problem_stats(session, "phase", filters, today=today, campaign=campaign)
    out = []
    for s in stats:
        starts_on, ends_on = dates.get(s.key or "", (None, None))
        out.append(PhaseProgress(s.key, s.label, starts_on, ends_on, s.total, s.closed))
    return out


def _tick(p: PhaseProgress, lang: str, today: date) -> str:
    name = PHASES.label(p.code, lang) if p.code in PHASES else p.label
    if p.ends_on is None:
        return name
    end = t(lang, f"截至{p.ends_on.month}月{p.ends_on.day}日", f"until {p.ends_on:%d %b}")
    if p.starts_on is not None and today < p.starts_on:
        end += t(lang, "\n（未开始）", "\n(not started)")
    elif today <= p.ends_on:
        end += t(lang, "\n（进行中）", "\n(under way)")
    return f"{name}\n{end}"


def chart_phases(data: list[PhaseProgress], *, title: str | None = None, lang: str = "zh",
                 today: date | None = None) -> Figure:
    """Grouped bars per phase: reported (light) and of those closed out (dark, with rate)."""
    today = today or date.today()
    with house_style():
        fig = new_figure(height=3.6)
        title = t(lang, "各阶段问题登记与销号情况", "Problems by campaign phase") \
            if title is None else title
        rows = [p for p in data if p.code is not None or p.reported]
        if not any(p.reported for p in rows):
            no_data(fig, lang=lang)
            if title:
                fig.suptitle(title)
            return freeze(fig)
        ax = fig.add_subplot()
        xs = list(range(len(rows)))
        w = 0.38
        reported = [p.reported for p in rows]
        closed = [p.closed for p in rows]
        b1 = ax.bar([x - w / 2 for x in xs], reported, width=w,
                    label=t(lang, "登记问题", "Reported"), **bar_style(3))
        b2 = ax.bar([x + w / 2 for x in xs], closed, width=w,
                    label=t(lang, "其中已销号（柱内为销号率）", "Closed out (rate inside)"),
                    **bar_style(0))
        ax.set_ylim(0, max(reported) * 1.2)
        label_bars(ax, b1, [str(v) for v in reported])
        label_bars(ax, b2, [str(c) for c in closed])
        # The close-out rate inside the dark bar, where there is room for it.
        label_bars(ax, b2, [f"{c / r * 100:.0f}%" if r else "" for c, r in
                            zip(closed, reported, strict=True)],
                   inside=True, fill=bar_style(0)["color"], min_frac=0.05)
        ax.set_xticks(xs, [_tick(p, lang, today) for p in rows])
        ax.set_ylabel(t(lang, "问题数（件）", "Problems"))
        ax.legend(loc="upper right")
        if title:
            ax.set_title(title)
        return freeze(fig)
