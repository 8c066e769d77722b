"""三个清单: the full problem, task and effect lists, as they stand, on landscape pages.

Tens of thousands of rows at a large bureau: the rows are read as plain tuples in one query
per list and drawn by the lean ledger table (desktop.reports.table), never as Paragraphs.
Personal data (reporters, respondents) is not printed: these lists go to meetings.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlmodel import Session

from db.engine import Database
from db.models import Cadre, Effect, Evaluation, Problem, Region, Task, TaskProblem, Unit
from db.vocab import (
    PROBLEM_STATUSES,
    RATINGS,
    RESOLUTION_MODES,
    TASK_STATUSES,
    Vocabulary,
)
from db.vocab_extra import load_vocabularies
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.common import org_name, resolve_region, today, write_document
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column

if TYPE_CHECKING:
    from desktop.reports.catalog import ReportParams

TITLE = REPORTS["three-lists"].title

PROBLEM_COLUMNS = [Column("问题编号", fit=True), Column("登记日期", fit=True),
                   Column("区域", fit=True), Column("单位", 1.6), Column("领域", fit=True),
                   Column("类别", fit=True), Column("问题描述", 4.0), Column("反映强烈", fit=True),
                   Column("状态", fit=True)]
TASK_COLUMNS = [Column("任务编号", fit=True), Column("任务", 3.0), Column("责任单位", 1.6),
                Column("领办领导", fit=True), Column("解决方式", fit=True),
                Column("民生实事", fit=True), Column("期限", fit=True), Column("进度", fit=True),
                Column("状态", fit=True), Column("对应问题", 1.4)]
EFFECT_COLUMNS = [Column("任务编号", fit=True), Column("完成日期", fit=True),
                  Column("效果", 4.0), Column("满意", fit=True), Column("基本满意", fit=True),
                  Column("不满意", fit=True), Column("最近评价", fit=True),
                  Column("销号日期", fit=True), Column("审批人", fit=True)]


@dataclass(frozen=True)
class Lists:
    region: str
    problems: list[tuple[object, ...]]
    tasks: list[tuple[object, ...]]
    effects: list[tuple[object, ...]]


def _labels(vocab: Vocabulary) -> dict[str | None, str]:
    return {code: vocab.label(code) for code in vocab.codes()}


def read_lists(s: Session, region_id: uuid.UUID | None) -> Lists:
    region_of = func.coalesce(Problem.region_id, Unit.region_id)
    q = (select(Problem.id, Problem.number, Problem.reported_on, Region.name, Unit.name,
                Problem.area, Problem.category, Problem.description,
                Problem.strongly_reported, Problem.status)
         .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
         .outerjoin(Region, Region.id == region_of)
         .where(Problem.deleted_at.is_(None), Problem.status != "merged")  # type: ignore[union-attr]
         .order_by(Problem.sort_key))
    if region_id is not None:
        q = q.where(region_of == region_id)
    # Categories by their class alone ("民生保障类", not "民生保障类（学生资助）"): the long
    # labels took the width the unit and the description need.
    vocabs = load_vocabularies(s)  # the bureau's added areas and categories too
    cats = {code: label.split("（")[0] for code, label in _labels(vocabs.category).items()}
    areas, pstat = _labels(vocabs.area), _labels(PROBLEM_STATUSES)
    problems = []
    ids: set[uuid.UUID] = set()
    number_of: dict[uuid.UUID, str] = {}
    for pid, number, on, reg, unit, area, cat, desc, strong, status in s.execute(q):
        ids.add(pid)
        number_of[pid] = number
        problems.append((number, on, reg or "", unit or "", areas.get(area, area),
                         cats.get(cat, cat), desc, "是" if strong else "",
                         pstat.get(status, status)))

    serves: dict[uuid.UUID, list[str]] = defaultdict(list)
    for tid, pid in s.execute(select(TaskProblem.task_id, TaskProblem.problem_id)):
        if pid in ids:
            serves[tid].append(number_of[pid])
    modes, tstat = _labels(RESOLUTION_MODES), _labels(TASK_STATUSES)
    tasks = []
    kept: set[uuid.UUID] = set()
    for tid, number, title, unit, leader, mode, project, deadline, pct_, status in s.execute(
            select(Task.id, Task.number, Task.title, Unit.name, Cadre.name,
                   Task.resolution_mode, Task.is_livelihood_project, Task.deadline,
                   Task.progress_pct, Task.status)
            .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
            .outerjoin(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
            .where(Task.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Task.number)):
        if region_id is not None and tid not in serves:
            continue
        kept.add(tid)
        tasks.append((number, title, unit or "", leader or "", modes.get(mode, mode),
                      "是" if project else "", deadline, f"{pct_ or 0}%",
                      tstat.get(status, status), "、".join(sorted(serves.get(tid, ())))))

    ratings: dict[uuid.UUID, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    latest: dict[uuid.UUID, tuple[object, object, str]] = {}
    for tid, on, created, rating in s.execute(
            select(Evaluation.task_id, Evaluation.evaluated_on, Evaluation.created_at,
                   Evaluation.rating).where(Evaluation.deleted_at.is_(None))):  # type: ignore[union-attr]
        ratings[tid][rating] += 1
        if tid not in latest or (on, created) > latest[tid][:2]:
            latest[tid] = (on, created, rating)
    rlabels = _labels(RATINGS)
    effects = []
    for tid, number, done_on, result, closed_on, approver, status in s.execute(
            select(Effect.task_id, Task.number, Effect.completed_on, Effect.result,
                   Task.closed_on, Task.approved_by, Task.status)
            .join(Task, Task.id == Effect.task_id)  # type: ignore[arg-type]
            .where(Effect.deleted_at.is_(None), Task.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Task.number)):
        if tid not in kept:
            continue
        r = ratings.get(tid, {})
        closed = status == "closed"
        effects.append((number, done_on, result, r.get("satisfied", 0), r.get("basic", 0),
                        r.get("unsatisfied", 0),
                        rlabels.get(latest[tid][2], "") if tid in latest else "",
                        closed_on if closed else "", approver if closed else ""))
    return Lists("", problems, tasks, effects)


def write(doc: FormalDocument, lists: Lists) -> None:
    scope = lists.region or "全系统"
    doc.heading1("说明")
    doc.paragraph(
        f"本清单为{scope}截至打印之日的问题清单、任务清单和效果清单全文：问题{len(lists.problems)}个，"
        f"任务{len(lists.tasks)}项，效果{len(lists.effects)}项。反映人、回访对象等个人信息不予列出。")
    doc.table(PROBLEM_COLUMNS, lists.problems, title="表1 问题清单", orientation="landscape")
    doc.table(TASK_COLUMNS, lists.tasks, title="表2 任务清单", orientation="landscape")
    doc.table(EFFECT_COLUMNS, lists.effects, title="表3 效果清单", orientation="landscape")


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    progress.update("正在读取三个清单", None)
    with database.session() as s:
        region = resolve_region(s, params.region)
        lists = read_lists(s, region.id if region else None)
        org = org_name(s)
    progress.check()
    scope = region.name if region else ""
    lists = Lists(scope, lists.problems, lists.tasks, lists.effects)
    doc = FormalDocument(out, f"{scope}三个清单（问题清单、任务清单、效果清单）", org, today(),
                         subject=TITLE)
    write(doc, lists)
    write_document(doc, out, progress)
