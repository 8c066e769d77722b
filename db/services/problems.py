"""问题清单: standalone problems, edits, the “strongly reported” flag and merging duplicates.

Problems found during a visit are created by ``visits.record_visit``; both paths share the
field checks here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.audit import Actor, snapshot
from db.engine import Database
from db.errors import RuleError
from db.models import Cadre, Problem, Region, Task, TaskProblem, Unit, Visit
from db.numbering import next_number, next_sort_key
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    refuse_if_closed,
    site_code,
    tombstone,
    touch,
)
from db.services._search import Reindex, index_problem
from db.services.people import check_phone
from db.services.permissions import require
from db.vocab import AREAS, CATEGORIES, PROBLEM_STATUSES, REPORTER_TYPES
from db.vocab_extra import Vocabularies, vocabulary

DESCRIPTION_MAX = 2000


@dataclass(frozen=True)
class ProblemInput:
    reported_on: date | None
    source_channel: str  # vocab.SOURCE_CHANNELS
    reporter_type: str  # vocab.REPORTER_TYPES
    area: str  # vocab.AREAS
    category: str  # vocab.CATEGORIES
    description: str
    unit_id: uuid.UUID | None = None
    region_id: uuid.UUID | None = None  # required when there is no unit
    strongly_reported: bool = False
    reporter_name: str = ""
    reporter_phone: str = ""
    collected_by_id: uuid.UUID | None = None


def check_problem_fields(e: Errors, *, prefix: str, area: str, category: str,
                         description: str, reporter_type: str, reporter_name: str,
                         reporter_phone: str, label_prefix: str = "",
                         session: Session | None = None,
                         vocabs: Vocabularies | None = None) -> tuple[str, str]:
    """The checks a problem's own fields need, wherever it is entered. Returns the trimmed
    description and the normalised phone. With *session* or *vocabs* (loaded once, e.g. per
    import), areas and categories the bureau added in the settings (db.vocab_extra) are
    accepted too."""
    if vocabs is not None:
        areas, categories = vocabs.area, vocabs.category
    else:
        areas = vocabulary(session, "area") if session is not None else AREAS
        categories = vocabulary(session, "category") if session is not None else CATEGORIES
    e.code(prefix + "area", area, areas, label_prefix)
    e.code(prefix + "category", category, categories, label_prefix)
    text = e.text(prefix + "description", description, label_prefix + "问题描述",
                  max_len=DESCRIPTION_MAX)
    e.code(prefix + "reporter_type", reporter_type, REPORTER_TYPES, label_prefix)
    e.text(prefix + "reporter_name", reporter_name, label_prefix + "反映人姓名", max_len=50,
           required=False)
    phone = check_phone(e, prefix + "reporter_phone", reporter_phone,
                        label_prefix + "反映人电话")
    return text, phone


def served_by_live_task(s: Session, problem_id: uuid.UUID) -> Task | None:
    """The task (not closed, not deleted) that currently serves the problem, if any."""
    return s.execute(
        select(Task).join(TaskProblem, TaskProblem.task_id == Task.id)  # type: ignore[arg-type]
        .where(TaskProblem.problem_id == problem_id, Task.status != "closed",
               Task.deleted_at.is_(None))  # type: ignore[union-attr]
    ).scalars().first()


def _validate(s: Session, data: ProblemInput) -> tuple[str, str, uuid.UUID | None]:
    e = Errors()
    e.day("reported_on", data.reported_on, "反映日期")
    e.code("source_channel", data.source_channel, vocabulary(s, "source_channel"))
    text, phone = check_problem_fields(
        e, prefix="", area=data.area, category=data.category, description=data.description,
        reporter_type=data.reporter_type, reporter_name=data.reporter_name,
        reporter_phone=data.reporter_phone, session=s)
    region_id = data.region_id
    if data.unit_id is not None:
        unit = find_live(s, Unit, data.unit_id)
        if unit is None:
            e.add("unit_id", "所选单位不存在，请重新选择涉及单位")
        else:
            if region_id is not None and region_id != unit.region_id:
                e.add("region_id", f"所选区域与涉及单位“{unit.name}”所在区域不一致，"
                                   "请改选区域或留空")
            region_id = unit.region_id
    elif region_id is None:
        e.add("region_id", "没有涉及单位时请选择所属区域")
    if region_id is not None and not e.has("region_id") and \
            find_live(s, Region, region_id) is None:
        e.add("region_id", "所选区域不存在，请重新选择所属区域")
    if data.collected_by_id is not None and find_live(s, Cadre, data.collected_by_id) is None:
        e.add("collected_by_id", "所选收集人不存在，请重新选择收集干部")
    e.raise_if_any()
    return text, phone, region_id


def create_problem(db: Database, actor: Actor, data: ProblemInput) -> Problem:
    """A problem that did not come from a logged visit (信访、线上、线下、转办...)."""
    with db.transaction() as s:
        text, phone, region_id = _validate(s, data)
        require(actor, "problem.create", unit_id=data.unit_id)
        assert data.reported_on is not None
        site = site_code(s)
        number = next_number(s, site, "problem", data.reported_on.year)
        key = next_sort_key(s, Problem, data.reported_on)
        p = Problem(number=number, sort_key=key, reported_on=data.reported_on,
                    source_channel=data.source_channel, reporter_type=data.reporter_type,
                    reporter_name=data.reporter_name.strip(), reporter_phone=phone,
                    unit_id=data.unit_id, region_id=region_id, area=data.area,
                    category=data.category, description=text,
                    strongly_reported=data.strongly_reported,
                    collected_by_id=data.collected_by_id, status="open", site=site)
        s.add(p)
        s.flush()
        index_problem(s, p)
        audit_create(s, actor, p, f"登记问题 {number}")
        return p


def update_problem(db: Database, actor: Actor, problem_id: uuid.UUID, data: ProblemInput,
                   expected_version: int) -> Problem:
    """Edit a problem's fields; its status, number and links are kept. Re-indexes the problem
    and, when it came from a visit, the visit (whose document holds the description)."""
    with db.transaction() as s:
        p = get_live(s, Problem, problem_id, "问题")
        text, phone, region_id = _validate(s, data)
        require(actor, "problem.edit", unit_ids=[p.unit_id, data.unit_id])
        refuse_if_closed(p.status, "问题")
        check_version(p, expected_version, "问题")
        visit = find_live(s, Visit, p.visit_id)
        visit_index = Reindex(s, visit) if visit is not None else None
        problem_index = Reindex(s, p)
        before = snapshot(p)
        assert data.reported_on is not None
        key = p.sort_key
        if data.reported_on != p.reported_on:
            key = next_sort_key(s, Problem, data.reported_on)
        p.sort_key, p.reported_on = key, data.reported_on
        p.source_channel, p.reporter_type = data.source_channel, data.reporter_type
        p.reporter_name, p.reporter_phone = data.reporter_name.strip(), phone
        p.unit_id, p.region_id = data.unit_id, region_id
        p.area, p.category, p.description = data.area, data.category, text
        p.strongly_reported, p.collected_by_id = data.strongly_reported, data.collected_by_id
        touch(p)
        problem_index.done()
        if visit_index is not None:
            visit_index.done()
        audit_change(s, actor, p, before, f"修改问题 {p.number}")
        return p


def mark_strongly_reported(db: Database, actor: Actor, problem_id: uuid.UUID,
                           expected_version: int, strongly: bool = True) -> Problem:
    """Set (or clear) the 群众反映强烈 flag, which feeds the leaders' quotas."""
    with db.transaction() as s:
        p = get_live(s, Problem, problem_id, "问题")
        require(actor, "problem.edit", unit_id=p.unit_id)
        refuse_if_closed(p.status, "问题")
        check_version(p, expected_version, "问题")
        before = snapshot(p)
        p.strongly_reported = strongly
        touch(p)
        what = "标记为群众反映强烈" if strongly else "取消群众反映强烈标记"
        audit_change(s, actor, p, before, f"问题 {p.number} {what}")
        return p


def merge_problem(db: Database, actor: Actor, duplicate_id: uuid.UUID, into_id: uuid.UUID,
                  expected_version: int) -> Problem:
    """Mark *duplicate_id* as a duplicate of *into_id*. Both stay on record; the duplicate
    takes the status "merged" and can no longer get a task."""
    with db.transaction() as s:
        dup = get_live(s, Problem, duplicate_id, "重复问题")
        target = get_live(s, Problem, into_id, "合并目标问题")
        require(actor, "problem.merge", unit_ids=[dup.unit_id, target.unit_id])
        refuse_if_closed(dup.status, "问题")
        check_version(dup, expected_version, "问题")
        if dup.id == target.id:
            raise RuleError("不能把问题合并到它自己，请选择另一条问题作为合并目标。")
        if dup.status == "merged":
            raise RuleError(f"问题 {dup.number} 已经合并过，不能再次合并。")
        if target.status == "merged":
            raise RuleError(f"合并目标 {target.number} 本身已合并到其他问题，"
                            "请选择它最终合并到的问题。")
        task = served_by_live_task(s, dup.id)
        if task is not None:
            raise RuleError(f"问题 {dup.number} 已立项为任务 {task.number}，正在办理，"
                            "不能作为重复问题合并。")
        before = snapshot(dup)
        dup.status, dup.merged_into_id = "merged", target.id
        touch(dup)
        audit_change(s, actor, dup, before, f"问题 {dup.number} 合并到 {target.number}"
                     f"（{PROBLEM_STATUSES.label('merged')}）")
        return dup


def delete_problem(db: Database, actor: Actor, problem_id: uuid.UUID,
                   expected_version: int) -> Problem:
    """Tombstone a problem entered by mistake. Refused once a task has taken it up, and while
    other problems are merged into it (they would point at nothing)."""
    with db.transaction() as s:
        p = get_live(s, Problem, problem_id, "问题")
        require(actor, "problem.delete", unit_id=p.unit_id)
        refuse_if_closed(p.status, "问题")
        check_version(p, expected_version, "问题")
        task = served_by_live_task(s, p.id)
        if task is not None or p.status in ("in_progress", "resolved"):
            which = f"任务 {task.number}" if task is not None else "任务"
            raise RuleError(f"问题 {p.number} 已由{which}办理，不能删除。")
        merged_in = list(s.execute(select(Problem.number).where(
            Problem.merged_into_id == p.id, Problem.deleted_at.is_(None))).scalars())  # type: ignore[union-attr]
        if merged_in:
            raise RuleError(f"问题 {'、'.join(merged_in)} 已合并到问题 {p.number}，不能删除它。"
                            "请先处理这些重复问题。")
        visit = find_live(s, Visit, p.visit_id)
        visit_index = Reindex(s, visit) if visit is not None else None
        problem_index = Reindex(s, p)
        tombstone(s, actor, p, f"删除问题 {p.number}")
        problem_index.done()
        if visit_index is not None:
            visit_index.done()
        return p
