"""任务期限: tasks not yet closed out, on time / due soon / overdue, and how late the overdue are.

There are no escalation fields on tasks yet (no 催办 / 督办 / 通报 stages are stored), so the chart
shows the three states that ``db.queries.deadlines`` derives from the deadline alone — on time,
due soon (within ``deadline.due_soon_days`` working days), overdue — and, as a stand-in for the
escalation stages, the overdue tasks grouped by how many working days late they are. When
escalation stages are stored, they replace the lateness groups.
"""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.deadlines import DeadlineSummary, deadline_summary
from db.queries.stats import StatsFilter
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    t,
)

# Working days late: the upper bound of each group (None: no bound).
LATENESS_GROUPS: tuple[tuple[int, int | None], ...] = ((1, 5), (6, 20), (21, 60), (61, None))


def build_deadlines(session: Session, filters: StatsFilter | None = None, *,
                    today: date | None = None) -> DeadlineSummary:
    """The deadline summary; *filters* are not applied (deadlines concern all open tasks)."""
    return deadline_summary(session, today=today)


def deadline_states(data: DeadlineSummary, lang: str = "zh") -> list[tuple[str, int]]:
    on_time = data.watched - data.due_soon_count - data.overdue_count
    return [
        (t(lang, "正常推进", "On time"), on_time),
        (t(lang, "即将到期", "Due soon"), data.due_soon_count),
        (t(lang, "已逾期", "Overdue"), data.overdue_count),
    ]


def lateness(data: DeadlineSummary, lang: str = "zh") -> list[tuple[str, int]]:
    """Overdue tasks per group of working days late."""
    out = []
    for lo, hi in LATENESS_GROUPS:
        n = sum(1 for d in data.overdue
                if -d.workdays_left >= lo and (hi is None or -d.workdays_left <= hi))
        if hi is None:
            label = t(lang, f"{lo} 日以上", f"{lo}+ days")
        else:
            label = t(lang, f"{lo}–{hi} 日", f"{lo}–{hi} days")
        out.append((label, n))
    # Overdue by calendar days but 0 working days late (deadline on a weekend): the first group.
    rest = data.overdue_count - sum(n for _, n in out)
    if rest:
        out[0] = (out[0][0], out[0][1] + rest)
    return out


def chart_deadlines(data: DeadlineSummary, *, title: str | None = None,
                    lang: str = "zh") -> Figure:
    """Left: tasks by deadline state. Right: overdue tasks by working days late."""
    with house_style():
        fig = new_figure(height=3.4)
        title = t(lang, f"未销号任务期限情况（截至 {data.today.isoformat()}）",
                  f"Open tasks and deadlines (as of {data.today.isoformat()})") \
            if title is None else title
        if title:
            fig.suptitle(title)
        if not data.watched:
            no_data(fig, lang=lang)
            return freeze(fig)
        left, right = fig.subplots(1, 2, width_ratios=[1, 1.2])
        states = deadline_states(data, lang)
        bars = left.bar([s for s, _ in states], [n for _, n in states], width=0.65,
                        color=[bar_style(i)["color"] for i in (4, 2, 0)],
                        edgecolor="#000000", linewidth=0.6, hatch=["", "...", "///"])
        left.set_ylim(0, max(n for _, n in states) * 1.18 or 1)
        label_bars(left, bars, [str(n) for _, n in states])
        left.set_ylabel(t(lang, "任务数（项）", "Tasks"))
        left.set_title(t(lang, f"未销号任务 {data.watched} 项", f"{data.watched} open tasks"),
                       fontsize=10)

        groups = lateness(data, lang)
        if data.overdue_count:
            bars = right.bar([g for g, _ in groups], [n for _, n in groups], width=0.65,
                             **bar_style(0))
            right.set_ylim(0, max(n for _, n in groups) * 1.18 or 1)
            label_bars(right, bars, [str(n) for _, n in groups])
            right.set_xlabel(t(lang, "逾期工作日", "Working days overdue"))
        else:
            no_data(fig, right, lang)
        right.set_title(t(lang, "逾期任务（按逾期时长）", "Overdue tasks by lateness"),
                        fontsize=10)
        return freeze(fig)
