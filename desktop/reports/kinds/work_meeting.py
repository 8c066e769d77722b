"""定期工作调度会: each leader's campaign work in the month and the progress of the 民生实事 they
lead, as of the month's end.

Leaders are the 班子成员 (bureau and affiliated-unit leadership). A task counts as closed out
when it was closed on or before the report day; progress is the latest note up to that day.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from db.engine import Database
from db.models import Cadre, Task, TaskProgress, Unit, Visit, VisitCadre
from db.queries.quotas import LeaderQuotas, leader_quotas
from db.queries.refs import CadreRef, cadre_refs
from db.vocab import LEADERSHIP_TIERS, TASK_STATUSES
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    DASH,
    Month,
    org_name,
    require_campaign,
    resolve_month,
    resolve_region,
    write_document,
)
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["work-meeting"].title


@dataclass(frozen=True)
class Project:
    """A task the leader leads, as it stood on the report day."""

    number: str
    title: str
    leader_id: uuid.UUID
    leader: str
    unit: str
    deadline: date
    livelihood: bool
    closed: bool  # closed out on or before the report day
    overdue: bool  # not closed out, deadline before the report day
    percent: int
    latest_note: str

    @property
    def state(self) -> str:
        if self.closed:
            return TASK_STATUSES.label("closed")
        return "逾期" if self.overdue else TASK_STATUSES.label("open")


@dataclass(frozen=True)
class LeaderWork:
    cadre: CadreRef
    visits_month: int
    visits_total: int
    tasks: tuple[Project, ...]  # every task led (opened by the report day)
    quotas: LeaderQuotas | None

    @property
    def projects(self) -> tuple[Project, ...]:
        return tuple(t for t in self.tasks if t.livelihood)


@dataclass(frozen=True)
class MeetingData:
    month: Month
    as_of: date
    region: str  # "" for the whole organisation
    leaders: tuple[LeaderWork, ...]


def _visit_counts(s: Session, ids: list[uuid.UUID], start: date | None, end: date
                  ) -> dict[uuid.UUID, int]:
    q = (select(VisitCadre.cadre_id, func.count(func.distinct(Visit.id)))
         .join(Visit, Visit.id == VisitCadre.visit_id)  # type: ignore[arg-type]
         .where(Visit.deleted_at.is_(None), Visit.visit_date <= end,  # type: ignore[union-attr]
                VisitCadre.cadre_id.in_(ids))  # type: ignore[attr-defined]
         .group_by(VisitCadre.cadre_id))
    if start is not None:
        q = q.where(Visit.visit_date >= start)  # type: ignore[arg-type]
    return {k: int(v) for k, v in s.execute(q)}


def _tasks_led(s: Session, ids: list[uuid.UUID], start: date | None, as_of: date
               ) -> dict[uuid.UUID, list[Project]]:
    rows = s.execute(
        select(Task.id, Task.number, Task.title, Task.lead_leader_id, Cadre.name, Unit.name,
               Task.deadline, Task.is_livelihood_project, Task.status, Task.closed_on,
               Task.progress_pct)
        .join(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
        .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
        .where(Task.deleted_at.is_(None), Task.opened_on <= as_of,  # type: ignore[union-attr]
               *([Task.opened_on >= start] if start else []),  # type: ignore[list-item]
               Task.lead_leader_id.in_(ids))  # type: ignore[union-attr]
        .order_by(Task.number)).all()
    task_ids = [r[0] for r in rows]
    notes: dict[uuid.UUID, tuple[date, object, int, str]] = {}
    for chunk in range(0, len(task_ids), 500):
        for tid, on, created, pct_, note in s.execute(
                select(TaskProgress.task_id, TaskProgress.noted_on, TaskProgress.created_at,
                       TaskProgress.percent, TaskProgress.note)
                .where(TaskProgress.deleted_at.is_(None),  # type: ignore[union-attr]
                       TaskProgress.noted_on <= as_of,  # type: ignore[arg-type]
                       TaskProgress.task_id.in_(task_ids[chunk:chunk + 500]))):  # type: ignore[attr-defined]
            old = notes.get(tid)
            if old is None or (on, created) > old[:2]:
                notes[tid] = (on, created, pct_, note)
    out: dict[uuid.UUID, list[Project]] = defaultdict(list)
    for (tid, number, title, leader_id, leader, unit, deadline, livelihood, status, closed_on,
         stored_pct) in rows:
        closed = status == "closed" and (closed_on is None or closed_on <= as_of)
        note = notes.get(tid)
        percent = 100 if closed else (note[2] if note else int(stored_pct or 0))
        out[leader_id].append(Project(
            number, title, leader_id, leader, unit or "", deadline, bool(livelihood), closed,
            not closed and deadline < as_of, percent, note[3] if note else ""))
    return out


def meeting_data(s: Session, params: ReportParams) -> MeetingData:
    month = resolve_month(s, params.month)
    region = resolve_region(s, params.region)
    campaign = require_campaign(s)
    as_of = month.as_of()
    where = [Cadre.tier.in_(sorted(LEADERSHIP_TIERS)),  # type: ignore[attr-defined]
             Cadre.active.is_(True)]  # type: ignore[attr-defined]
    if region is not None:
        where.append(Unit.region_id == region.id)  # type: ignore[arg-type]
    leaders = cadre_refs(s, *where)
    # Bureau leaders first, then affiliated-unit leaders (cadre_refs orders by unit and name).
    leaders.sort(key=lambda c: c.tier != "bureau_leader")
    ids = [c.id for c in leaders]
    month_visits = _visit_counts(s, ids, month.first, as_of)
    all_visits = _visit_counts(s, ids, campaign.starts_on, as_of)
    tasks = _tasks_led(s, ids, campaign.starts_on, as_of)
    quotas = {q.cadre.id: q for q in leader_quotas(s, ids, date_from=campaign.starts_on,
                                                   date_to=as_of)}
    return MeetingData(month, as_of, region.name if region else "", tuple(
        LeaderWork(c, month_visits.get(c.id, 0), all_visits.get(c.id, 0),
                   tuple(tasks.get(c.id, [])), quotas.get(c.id)) for c in leaders))


PROJECT_COLUMNS = [Column("任务编号", fit=True), Column("民生实事项目", 3),
                   Column("期限", fit=True), Column("进度", fit=True), Column("状态", fit=True),
                   Column("最新进展", 3)]


def _project_row(p: Project) -> list[object]:
    return [p.number, p.title, p.deadline, f"{p.percent}%", p.state, p.latest_note or DASH]


def _quota_text(w: LeaderWork) -> str:
    if w.quotas is None:
        return ""
    return "；".join(q.text for q in w.quotas.quotas)


def write(doc: FormalDocument, data: MeetingData) -> None:
    leaders = data.leaders
    bureau = [w for w in leaders if w.cadre.tier == "bureau_leader"]
    others = [w for w in leaders if w.cadre.tier != "bureau_leader"]
    projects = [p for w in leaders for p in w.projects]
    closed = sum(p.closed for p in projects)
    overdue = sum(p.overdue for p in projects)
    scope = data.region or "全系统"
    doc.heading1("一、总体情况")
    doc.paragraph(
        f"截至{data.as_of.year}年{data.as_of.month}月{data.as_of.day}日，{scope}领导班子成员"
        f"{len(leaders)}人（局领导班子成员{len(bureau)}人、二级单位领导班子成员{len(others)}人），"
        f"{data.month.text}共走访{sum(w.visits_month for w in leaders)}人次，活动以来累计走访"
        f"{sum(w.visits_total for w in leaders)}人次。领办民生实事项目{len(projects)}个，"
        f"已销号{closed}个，正在办理{len(projects) - closed - overdue}个，逾期{overdue}个。")
    unmet = [w for w in leaders if w.quotas is not None and not w.quotas.all_met]
    doc.paragraph(f"对照任务指标，{len(leaders) - len(unmet)}人已全部达标，"
                  f"{len(unmet)}人尚未达标。")

    doc.heading1("二、局领导班子成员工作情况")
    if not bureau:
        doc.paragraph("无。")
    numerals = "一二三四五六七八九十"
    for i, w in enumerate(bureau):
        c = w.cadre
        label = numerals[i] if i < len(numerals) else str(i + 1)
        doc.heading2(f"（{label}）{c.name}（{c.position or c.unit_name}）")
        led = len(w.tasks)
        done = sum(t.closed for t in w.tasks)
        late = sum(t.overdue for t in w.tasks)
        doc.paragraph(
            f"{data.month.text}走访{w.visits_month}次，活动以来累计走访{w.visits_total}次；"
            f"领办任务{led}项，已销号{done}项，逾期{late}项。{_quota_text(w)}。")
        if w.projects:
            doc.table(PROJECT_COLUMNS, [_project_row(p) for p in w.projects],
                      title=f"{c.name}领办的民生实事项目", orientation="portrait",
                      keep_together=True)

    doc.heading1("三、二级单位领导班子成员工作情况")
    doc.table(
        [Column("姓名", fit=True), Column("单位", 2.5), Column("本月走访", fit=True),
         Column("累计走访", fit=True), Column("领办任务", fit=True), Column("已销号", fit=True),
         Column("逾期", fit=True), Column("民生实事", fit=True), Column("指标", fit=True)],
        [[w.cadre.name, w.cadre.unit_name, w.visits_month, w.visits_total, len(w.tasks),
          sum(t.closed for t in w.tasks), sum(t.overdue for t in w.tasks), len(w.projects),
          DASH if w.quotas is None else ("达标" if w.quotas.all_met else "未达标")]
         for w in others],
        title="表1 二级单位领导班子成员工作情况", orientation="portrait")

    # On landscape pages, headed by its title alone (see assessment).
    doc.table(
        [Column("任务编号", fit=True), Column("民生实事项目", 3), Column("领办领导", fit=True),
         Column("责任单位", 2), Column("期限", fit=True), Column("进度", fit=True),
         Column("状态", fit=True), Column("最新进展", 3)],
        [[p.number, p.title, p.leader, p.unit, p.deadline, f"{p.percent}%", p.state,
          p.latest_note or DASH] for p in sorted(projects, key=lambda p: p.number)],
        title="表2 民生实事项目进展情况", orientation="landscape")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在统计领导干部工作情况", None)
    with database.session() as s:
        data = meeting_data(s, params)
        org = org_name(s)
    progress.check()
    title = f"{data.month.text}{data.region}领导干部工作调度情况报告"
    doc = FormalDocument(out, title, org, data.as_of, subject=TITLE)
    write(doc, data)
    write_document(doc, out, progress)
