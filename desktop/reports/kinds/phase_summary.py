"""活动阶段工作总结: what one phase of the campaign brought — visits, problems reported, tasks
opened and closed, the three rates of the phase's problems, the write-ups of the phase.

Counts are of the records dated within the phase; the statuses of the phase's problems are as
they stand now (the three lists keep no status history), so a summary printed later shows how
the phase's problems ended up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import case, func, select
from sqlmodel import Session

from db.engine import Database
from db.models import Outcome, Task
from db.queries.stats import ProblemStats, StatsFilter, VisitStats, problem_stats, visit_stats
from db.vocab import OUTCOME_BATCHES, PHASES
from desktop.charts.problems import chart_problems_by_category
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    cn_date,
    org_name,
    pct,
    resolve_phase,
    today,
    write_document,
)
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["phase-summary"].title

# What the plan asks of each phase (DOMAIN.md, "Phases").
FOCUS = {
    "mobilisation": "制定方案、明确联系点和结对关系，动员全系统党员干部下基层。",
    "rollout": "全面开展走访，建立并定期公布问题、任务、效果三个清单。",
    "deepening": "办好民生实事，逐项解决问题，推动清单销号。",
    "consolidation": "巩固成果，建章立制，形成长效机制。",
}


@dataclass(frozen=True)
class PhaseData:
    year: int
    code: str
    starts_on: date
    ends_on: date
    under_way: bool
    visits: list[VisitStats]  # by method
    totals: ProblemStats
    by_category: list[ProblemStats]
    tasks_opened: int
    tasks_closed: int
    projects_opened: int
    outcomes: list[tuple[str, str, date]]  # batch label, title, written on

    @property
    def label(self) -> str:
        return PHASES.label(self.code)


def phase_data(s: Session, params: ReportParams) -> PhaseData:
    on = today()
    campaign, phase = resolve_phase(s, params.phase, on)
    start, end = phase.starts_on, phase.ends_on
    f = StatsFilter(date_from=start, date_to=end)
    as_of = min(end, on)
    visits = visit_stats(s, ("method",), f)
    totals = problem_stats(s, "total", f, today=as_of)[0]
    by_category = problem_stats(s, "category", f, today=as_of)
    live = Task.deleted_at.is_(None)  # type: ignore[union-attr]
    project = case((Task.is_livelihood_project.is_(True), 1), else_=0)  # type: ignore[attr-defined]
    opened = s.execute(select(func.count(), func.coalesce(func.sum(project), 0)).where(
        live, Task.opened_on >= start, Task.opened_on <= end)).one()  # type: ignore[arg-type]
    closed = s.execute(select(func.count()).where(
        live, Task.status == "closed", Task.closed_on >= start,  # type: ignore[arg-type]
        Task.closed_on <= end)).scalar_one()  # type: ignore[arg-type,operator]
    outcomes = [(OUTCOME_BATCHES.label(b), t, w) for b, t, w in s.execute(
        select(Outcome.batch, Outcome.title, Outcome.written_on)
        .where(Outcome.deleted_at.is_(None), Outcome.written_on >= start,  # type: ignore[union-attr]
               Outcome.written_on <= end)  # type: ignore[arg-type]
        .order_by(Outcome.written_on, Outcome.title))]
    return PhaseData(campaign.year, phase.code, start, end, start <= on <= end, visits, totals,
                     by_category, int(opened[0]), int(closed), int(opened[1] or 0), outcomes)


def write(doc: FormalDocument, d: PhaseData) -> None:
    t = d.totals
    visits = sum(v.visits for v in d.visits)
    doc.heading1("一、阶段概况")
    state = "（正在进行）" if d.under_way else ""
    doc.paragraph(f"{d.year}年实践活动{d.label}阶段自{cn_date(d.starts_on)}至{cn_date(d.ends_on)}"
                  f"{state}，重点是{FOCUS.get(d.code, '按活动方案推进各项工作。')}")
    doc.heading1("二、主要工作和成效")
    doc.heading2("（一）走访开展情况")
    people = sum(v.students_met + v.teachers_met + v.parents_met for v in d.visits)
    doc.paragraph(f"本阶段党员干部共走访{visits}次，面对面联系学生、教师和家长{people}人次。")
    if d.visits:
        doc.table([Column("走访方式", 2), Column("次数", 1), Column("学生", 1),
                   Column("教师", 1), Column("家长", 1)],
                  [[v.labels[0], v.visits, v.students_met, v.teachers_met, v.parents_met]
                   for v in d.visits], title="表1 本阶段走访情况（按方式）",
                  orientation="portrait", keep_together=True)
    doc.heading2("（二）问题办理情况")
    doc.paragraph(
        f"本阶段登记问题{t.total}个（群众反映强烈的{t.strongly_reported}个），已立任务{t.with_task}个，"
        f"已销号{t.closed}个，逾期{t.overdue}个；响应率{pct(t.response_rate)}，"
        f"解决率{pct(t.resolution_rate)}，满意率{pct(t.satisfaction_rate)}。"
        f"本阶段新立任务{d.tasks_opened}项（其中民生实事项目{d.projects_opened}项），"
        f"销号任务{d.tasks_closed}项。")
    doc.figure(chart_problems_by_category(d.by_category, title=""), "图1 本阶段问题类别分布")
    doc.heading2("（三）经验和成果")
    if d.outcomes:
        doc.paragraph(f"本阶段形成“五个一批”材料{len(d.outcomes)}篇。")
        doc.table([Column("类别", 2), Column("标题", 4), Column("日期", fit=True)],
                  [list(o) for o in d.outcomes], title="表2 本阶段“五个一批”材料",
                  orientation="portrait", keep_together=True)
    else:
        doc.paragraph("本阶段尚未形成“五个一批”材料。")
    doc.heading1("三、下一步工作")
    unfinished = t.total - t.closed
    doc.paragraph(f"本阶段登记的问题尚有{unfinished}个未销号，其中逾期{t.overdue}个，"
                  "要逐项明确责任人和完成时限，按期办结销号。")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在统计阶段工作", None)
    with database.session() as s:
        data = phase_data(s, params)
        org = org_name(s)
    progress.check()
    title = f"{data.year}年实践活动{data.label}阶段工作总结"
    doc = FormalDocument(out, title, org, min(data.ends_on, today()), subject=TITLE)
    write(doc, data)
    write_document(doc, out, progress)
