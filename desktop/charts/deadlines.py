"""任务期限: tasks not yet closed out — on time / due soon / overdue by their deadline (left),
and how far up the escalation ladder the late ones went (right): overdue with no step taken yet,
chase notice issued (催办), under supervision (督办), listed for public criticism (通报).

The stages are ``db.queries.deadlines``' (a step taken outranks what the deadline says), so a
task chased and then given an extension still counts as chased until it is closed out.
"""

from __future__ import annotations

from datetime import date

from matplotlib.figure import Figure
from sqlmodel import Session

from db.queries.deadlines import DeadlineSummary, deadline_summary
from db.queries.stats import StatsFilter
from db.vocab import ESCALATION_STAGES
from desktop.charts.style import (
    bar_style,
    freeze,
    house_style,
    label_bars,
    new_figure,
    no_data,
    t,
)

# The ladder's stages shown on the right, in order (vocab.ESCALATION_STAGES, less "due soon",
# which the left panel already shows).
LADDER = ("overdue", "chase", "supervision", "criticism")


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


def ladder(data: DeadlineSummary, lang: str = "zh") -> list[tuple[str, int]]:
    """Tasks at each stage of the escalation ladder past "due soon"."""
    # A chased task may be overdue too: in both tuples, counted once, at its stage.
    late = {task.id: task.stage for task in (*data.overdue, *data.escalated)}
    stages = list(late.values())
    return [(ESCALATION_STAGES.label(code, lang), stages.count(code)) for code in LADDER]


def chart_deadlines(data: DeadlineSummary, *, title: str | None = None,
                    lang: str = "zh") -> Figure:
    """Left: tasks by deadline state. Right: the late tasks by escalation stage."""
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

        stages = ladder(data, lang)
        if any(n for _, n in stages):
            # Darker and denser hatching up the ladder: readable in black and white.
            bars = right.bar([g for g, _ in stages], [n for _, n in stages], width=0.65,
                             color=[bar_style(i)["color"] for i in (2, 1, 0, 0)],
                             edgecolor="#000000", linewidth=0.6,
                             hatch=["///", "xx", "", "**"])
            right.set_ylim(0, max(n for _, n in stages) * 1.18 or 1)
            label_bars(right, bars, [str(n) for _, n in stages])
        else:
            no_data(fig, right, lang)
        right.set_title(t(lang, "逾期任务督办情况", "Late tasks up the escalation ladder"),
                        fontsize=10)
        return freeze(fig)
