"""局党组每月专题研究: the monthly report printed from a stored study.

Everything comes from the study's frozen snapshot (and the previous study's, for the changes),
never from the live lists: a reprint months later is the same document, byte for byte.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlmodel import Session

from db.campaign import local_site_code
from db.engine import Database
from db.errors import NotFoundError
from db.queries.stats import ProblemStats
from db.queries.studies import (
    SnapshotRates,
    Study,
    StudyChanges,
    StudyRow,
    list_studies,
    load_study,
    study_changes,
)
from db.vocab import PROBLEM_STATUSES, TASK_STATUSES, TASK_STEP_KINDS
from desktop.charts.problems import chart_funnel, chart_rates_by_region
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import (
    DASH,
    frozen_stage,
    org_name,
    parse_uuid,
    pct,
    stage_text,
    write_document,
)
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["monthly-study"].title


def _as_stats(r: SnapshotRates) -> ProblemStats:
    """A stored group of rates in the shape the charts draw."""
    return ProblemStats(r.key, r.label, r.total, r.with_task, r.resolved, r.closed, r.overdue,
                        r.strongly_reported, r.satisfied, r.basic, r.unsatisfied)


def resolve_study(session: Session, study_id: str | None, month: str | None) -> StudyRow:
    """A study by id (of any site: a county's study arrives by exchange) or by date
    (YYYY-MM-DD); else this site's latest held in *month* (YYYY-MM), or its latest of all."""
    every = list_studies(session)  # newest first
    site = local_site_code(session)
    rows = [r for r in every if r.site == site]
    dates = "、".join(r.held_on.isoformat() for r in rows[:6]) or "无"
    if study_id:
        raw = study_id.strip()
        wanted = parse_uuid(raw)
        for r in every if wanted else rows:
            if r.id == wanted or r.held_on.isoformat() == raw:
                return r
        raise NotFoundError(f"找不到专题研究“{raw}”。最近的专题研究：{dates}。"
                            "请用 --study 指定其编号或日期（如 2022-11-25）。")
    if not rows:
        raise NotFoundError("数据库中还没有登记任何局党组专题研究，无法生成月度报告。"
                            "请先在“三个清单”中登记一次专题研究。")
    if month:
        raw = month.strip()
        found = [r for r in rows if r.held_on.strftime("%Y-%m") == raw]
        if not found:
            raise NotFoundError(f"{raw} 没有登记局党组专题研究。最近的专题研究：{dates}。"
                                "请换一个月份，或用 --study 指定。")
        return found[0]
    return rows[0]


def _rates_rows(groups: tuple[SnapshotRates, ...]) -> list[list[object]]:
    return [[g.label, g.total, g.with_task, g.closed, g.overdue, pct(g.response_rate),
             pct(g.resolution_rate), pct(g.satisfaction_rate)] for g in groups]


RATE_COLUMNS = [Column("区域", 1.4), Column("问题数", fit=True), Column("已立任务", fit=True),
                Column("已销号", fit=True), Column("逾期", fit=True), Column("响应率", fit=True),
                Column("解决率", fit=True), Column("满意率", fit=True)]


def _change(now: float | None, then: float | None) -> str:
    if now is None or then is None:
        return DASH
    delta = (now - then) * 100
    return f"{delta:+.1f}个百分点"


def write(doc: FormalDocument, study: Study, changes: StudyChanges) -> None:
    snap = study.snapshot
    tot = snap.totals
    es = snap.effect_summary
    overdue = sorted(snap.overdue_tasks, key=lambda t: (-t.workdays_overdue, t.number))
    open_tasks = sum(t.status != "closed" for t in snap.tasks)

    doc.heading1("一、总体情况")
    doc.paragraph(
        f"截至{study.row.held_on.year}年{study.row.held_on.month}月{study.row.held_on.day}日，"
        f"问题清单共登记问题{tot.total}个，其中群众反映强烈的问题{tot.strongly_reported}个；"
        f"已立任务的问题{tot.with_task}个，已见效{tot.resolved}个，已销号{tot.closed}个。"
        f"任务清单共有任务{len(snap.tasks)}项，已销号{es.closed_tasks}项，尚未销号{open_tasks}项，"
        f"其中逾期{len(overdue)}项。效果清单共记录效果{es.effects}项，回访评价{es.evaluations}次"
        f"（满意{es.satisfied}次、基本满意{es.basic}次、不满意{es.unsatisfied}次）。")
    doc.paragraph(
        f"响应率{pct(tot.response_rate)}，解决率{pct(tot.resolution_rate)}，"
        f"满意率{pct(tot.satisfaction_rate)}。")
    doc.figure(chart_funnel(_as_stats(tot), title=""), "图1 三个清单办理进度")
    doc.figure(chart_rates_by_region([_as_stats(g) for g in snap.by_region], title=""),
               "图2 各地响应率、解决率、满意率")

    doc.heading1("二、与上次专题研究相比的变化")
    if changes.previous is None:
        doc.paragraph("这是登记的第一次专题研究，以下各项均自活动开始起计。")
    else:
        doc.paragraph(f"上次专题研究于{changes.previous.held_on.isoformat()}召开（{changes.previous.title}）。")
    doc.paragraph(
        f"新增问题{len(changes.new_problems)}个，新增任务{len(changes.new_tasks)}项；"
        f"新销号问题{len(changes.closed_problems)}个、任务{len(changes.closed_tasks)}项；"
        f"新出现逾期任务{len(changes.newly_overdue)}项；"
        f"重新打开的问题{len(changes.reopened_problems)}个、任务{len(changes.reopened_tasks)}项。")
    then = changes.rates_then
    rows: list[list[object]] = []
    for label, now_v, then_v in (
            ("问题数", tot.total, then.total if then else None),
            ("已销号问题", tot.closed, then.closed if then else None),
            ("逾期问题", tot.overdue, then.overdue if then else None)):
        rows.append([label, DASH if then_v is None else then_v, now_v,
                     DASH if then_v is None else f"{now_v - then_v:+d}"])
    for label, attr in (("响应率", "response_rate"), ("解决率", "resolution_rate"),
                        ("满意率", "satisfaction_rate")):
        now_r = getattr(tot, attr)
        then_r = getattr(then, attr) if then else None
        rows.append([label, pct(then_r) if then else DASH, pct(now_r), _change(now_r, then_r)])
    doc.table([Column("指标", 1.2), Column("上次", 1), Column("本次", 1), Column("变化", 1.2)],
              rows, title="表1 主要指标变化", orientation="portrait", keep_together=True)
    if changes.status_changes:
        counts: dict[tuple[str, str, str], int] = {}
        for c in changes.status_changes:
            counts[(c.kind, c.before, c.after)] = counts.get((c.kind, c.before, c.after), 0) + 1
        moved = []
        for (kind, before, after), n in sorted(counts.items()):
            vocab = PROBLEM_STATUSES if kind == "problem" else TASK_STATUSES
            moved.append(["问题" if kind == "problem" else "任务", vocab.label(before),
                          vocab.label(after), n])
        doc.table(["清单", "上次状态", "本次状态", "数量"], moved, title="表2 状态变化情况",
                  orientation="portrait", keep_together=True)

    doc.heading1("三、逾期和督办事项")
    if not overdue:
        doc.paragraph("截至本次专题研究，没有逾期未办结的任务。")
    else:
        doc.paragraph(
            f"逾期未销号任务共{len(overdue)}项，其中本月新出现{len(changes.newly_overdue)}项，"
            "按逾期工作日由多到少排列如下，请领办领导和责任单位限期办结。")
        stages = [stage_text(frozen_stage(t)) for t in overdue]
        escalated = [t for t, st in zip(overdue, stages, strict=True) if st]
        if escalated:
            doc.paragraph(f"其中已催办、督办或通报的{len(escalated)}项。")
        columns = [Column("任务编号", fit=True), Column("任务", 3),
                   Column("领办领导", fit=True), Column("期限", fit=True),
                   Column("逾期工作日", fit=True), Column("进度", fit=True)]
        rows = [[t.number, t.title, t.lead_leader or DASH, t.deadline, t.workdays_overdue,
                 f"{t.progress_pct}%"] for t in overdue]
        if escalated:  # the stage column only when the snapshot records the ladder
            columns.append(Column("督办等级", fit=True))
            for row, st in zip(rows, stages, strict=True):
                row.append(st or DASH)
        # Upright like the rest of the report, the stage column too (the task title wraps).
        doc.table(columns, rows, title="表3 逾期任务清单", orientation="portrait")
    if changes.escalations is not None:  # the snapshot records the escalation ladder
        _ladder(doc, changes)

    doc.heading1("四、领导干部任务指标缺口")
    gaps = changes.quota_gaps_now
    doc.paragraph(f"共核查领导干部和党组织书记{snap.leaders_checked}人，"
                  f"尚有{len({g.cadre_id for g in gaps})}人{len(gaps)}项指标未达标"
                  f"（上次以来新达标{len(changes.quota_gaps_met)}项）。")
    if gaps:
        doc.table([Column("姓名", fit=True), Column("单位", 2), Column("未达标指标", 4)],
                  [[g.name, g.unit, g.text] for g in sorted(gaps, key=lambda g: (g.unit, g.name))],
                  title="表4 任务指标未达标情况")

    doc.heading1("五、各地三率")
    doc.table(RATE_COLUMNS, [*_rates_rows(snap.by_region), *_rates_rows((tot,))],
              title="表5 各地响应率、解决率、满意率")
    if study.row.note.strip():
        doc.heading1("六、研究意见")
        doc.paragraph(study.row.note)


def _ladder(doc: FormalDocument, changes: StudyChanges) -> None:
    """Escalations since the previous study, and the tasks listed for public criticism."""
    steps = changes.escalations or ()
    since = "上次专题研究以来" if changes.previous is not None else "活动开始以来"
    counts = "、".join(f"{TASK_STEP_KINDS.label(k)}{sum(g.kind == k for g in steps)}次"
                      for k in ("chase", "supervision", "criticism"))
    if steps:
        doc.paragraph(f"{since}，对逾期任务{counts}，明细如下。")
        doc.table([Column("日期", fit=True), Column("事项", fit=True),
                   Column("任务编号", fit=True), Column("任务", 3), Column("责任单位", 1.5),
                   Column("办理人", fit=True)],
                  [[g.taken_on, TASK_STEP_KINDS.label(g.kind), g.task_number, g.task_title,
                    g.responsible_unit or DASH,
                    g.by_name + (f"（督办人{g.supervisor}）" if g.supervisor else "")]
                   for g in steps], title="表3-1 催办、督办和通报情况", orientation="portrait")
    else:
        doc.paragraph(f"{since}，没有新的催办、督办和通报事项。")
    criticised = sorted(changes.criticised, key=lambda t: (-t.workdays_overdue, t.number))
    if not criticised:
        doc.paragraph("截至本次专题研究，没有列入通报的任务。")
        return
    doc.paragraph(f"截至本次专题研究，列入通报批评、尚未销号的任务{len(criticised)}项，"
                  "请领办领导和责任单位说明原因，限期整改到位。")
    doc.table([Column("任务编号", fit=True), Column("任务", 3), Column("领办领导", fit=True),
               Column("期限", fit=True), Column("逾期工作日", fit=True),
               Column("通报日期", fit=True)],
              [[t.number, t.title, t.lead_leader or DASH, t.deadline, t.workdays_overdue,
                t.escalated_on or DASH] for t in criticised],
              title="表3-2 列入通报的任务", orientation="portrait")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在读取专题研究", None)
    with database.session() as s:
        row = resolve_study(s, params.study_id, params.month)
        study = load_study(s, row.id)
        changes = study_changes(s, row.id)
        org = org_name(s)
    progress.check()
    held: date = study.row.held_on
    doc = FormalDocument(out, study.row.title or TITLE, org, held, subject=TITLE)
    write(doc, study, changes)
    write_document(doc, out, progress)
