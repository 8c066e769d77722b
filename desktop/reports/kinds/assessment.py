"""综合考核评价: regions and units compared on the three rates, the leaders' quotas and the nine
"ones", from the campaign's start to the month's end (landscape tables).

Problems count when reported by the report day; "overdue" is measured on that day. The
rankings are by resolution rate, then response and satisfaction (the charts' ranking).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlmodel import Session

from db.engine import Database
from db.models import Cadre, Region, Unit
from db.queries.checklist import checklists
from db.queries.quotas import leader_quotas
from db.queries.stats import ProblemStats, StatsFilter, problem_stats
from desktop.charts.problems import chart_rates_by_region, rate_ranking
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    Month,
    org_name,
    pct,
    require_campaign,
    resolve_month,
    resolve_region,
    write_document,
)
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["assessment"].title


@dataclass(frozen=True)
class Tally:
    """Leaders' quotas and the nine ones of a group's cadres."""

    leaders: int = 0
    leaders_met: int = 0
    cadres: int = 0
    nine_complete: int = 0

    def plus(self, leader: bool | None, nine: bool | None) -> Tally:
        return Tally(self.leaders + (leader is not None), self.leaders_met + bool(leader),
                     self.cadres + (nine is not None), self.nine_complete + bool(nine))


@dataclass(frozen=True)
class AssessmentData:
    month: Month
    as_of: date
    region: str
    regions: list[ProblemStats]  # ranked
    units: list[tuple[ProblemStats, str]]  # with the unit's region name
    by_region: dict[str | None, Tally]
    by_unit: dict[str | None, Tally]


def assessment_data(s: Session, params: ReportParams) -> AssessmentData:
    month = resolve_month(s, params.month)
    region = resolve_region(s, params.region)
    campaign = require_campaign(s)
    as_of = month.as_of()
    f = StatsFilter(date_from=campaign.starts_on, date_to=as_of,
                    region_id=region.id if region else None)
    regions = rate_ranking([r for r in problem_stats(s, "region", f, today=as_of)
                            if r.key is not None and (region is None or r.key == str(region.id))])
    unit_region = {str(u): n for u, n in s.execute(
        select(Unit.id, Region.name).join(Region, Region.id == Unit.region_id))}  # type: ignore[arg-type]
    units = [(u, unit_region.get(u.key or "", "")) for u in problem_stats(s, "unit", f, today=as_of)
             if u.key is not None]

    cadre_unit: dict[uuid.UUID, tuple[str, str]] = {
        c: (str(u), str(r)) for c, u, r in s.execute(
            select(Cadre.id, Cadre.unit_id, Unit.region_id)
            .join(Unit, Unit.id == Cadre.unit_id))}  # type: ignore[arg-type]
    met = {q.cadre.id: q.all_met for q in leader_quotas(s, date_from=campaign.starts_on,
                                                         date_to=as_of)}
    nine = {c.cadre.id: c.complete for c in checklists(s, date_from=campaign.starts_on,
                                                       date_to=as_of, today=as_of)}
    by_region: dict[str | None, Tally] = defaultdict(Tally)
    by_unit: dict[str | None, Tally] = defaultdict(Tally)
    for cid in set(met) | set(nine):
        unit, reg = cadre_unit[cid]
        by_region[reg] = by_region[reg].plus(met.get(cid), nine.get(cid))
        by_unit[unit] = by_unit[unit].plus(met.get(cid), nine.get(cid))
    return AssessmentData(month, as_of, region.name if region else "", regions, units,
                          dict(by_region), dict(by_unit))


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" if whole else "—"


def _stats_cells(r: ProblemStats) -> list[object]:
    return [r.total, r.with_task, r.closed, r.overdue, pct(r.response_rate),
            pct(r.resolution_rate), pct(r.satisfaction_rate)]


STAT_COLUMNS = [Column("问题数", fit=True), Column("已立任务", fit=True),
                Column("已销号", fit=True), Column("逾期", fit=True), Column("响应率", fit=True),
                Column("解决率", fit=True), Column("满意率", fit=True)]
TALLY_COLUMNS = [Column("领导指标达标", fit=True), Column("“九个一”全部完成", fit=True)]


def _tally_cells(t: Tally | None) -> list[object]:
    t = t or Tally()
    return [_ratio(t.leaders_met, t.leaders), _ratio(t.nine_complete, t.cadres)]


def write(doc: FormalDocument, data: AssessmentData) -> None:
    scope = data.region or "各县（市、区）"
    ranked = [r for r in data.regions if r.total]
    doc.heading1("一、考核说明")
    doc.paragraph(
        f"本表统计实践活动开始至{data.as_of.year}年{data.as_of.month}月{data.as_of.day}日"
        f"{scope}问题清单的办理情况。响应率为已立任务的问题占问题总数的比例，解决率为已销号的问题"
        "占问题总数的比例，满意率为“满意”和“基本满意”评价占全部回访评价的比例；领导指标达标"
        "为任务指标全部达标的领导干部人数与应考核人数之比，“九个一”为全部完成的干部人数与干部"
        "总数之比。各地按解决率排名，解决率相同的依次比较响应率、满意率。")
    if ranked:
        best = ranked[0]
        doc.paragraph(f"{best.label}解决率{pct(best.resolution_rate)}，排名第一。")
    if not data.region:
        doc.figure(chart_rates_by_region(data.regions, title=""), "图1 各地响应率、解决率、满意率")
    # The tables go on landscape pages: their titles head them (a heading before them would
    # be left alone at the foot of the portrait page).
    doc.table(
        [Column("排名", fit=True), Column("区域", 1.5), *STAT_COLUMNS, *TALLY_COLUMNS],
        [[i + 1 if r.total else "—", r.label, *_stats_cells(r),
          *_tally_cells(data.by_region.get(r.key))] for i, r in enumerate(data.regions)],
        title="表1 各地考核评价表", orientation="landscape")
    doc.table(
        [Column("区域", fit=True), Column("单位", 3), *STAT_COLUMNS, *TALLY_COLUMNS],
        [[reg, u.label, *_stats_cells(u), *_tally_cells(data.by_unit.get(u.key))]
         for u, reg in data.units],
        title="表2 各单位考核评价表", orientation="landscape")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在统计考核指标", None)
    with database.session() as s:
        data = assessment_data(s, params)
        org = org_name(s)
    progress.check()
    title = f"{data.month.text}{data.region}各单位实践活动考核评价表"
    doc = FormalDocument(out, title, org, data.as_of, subject=TITLE)
    write(doc, data)
    write_document(doc, out, progress)
