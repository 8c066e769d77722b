"""走访日志: recording, editing and deleting visits, with the problems found on them.

One visit, its cadre and activity links, the problems it found, their numbers and sort keys and
the full-text index are written in one transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlmodel import Session

from db.audit import Actor, snapshot
from db.engine import Database
from db.errors import RuleError
from db.models import Cadre, Problem, Unit, Visit, VisitActivity, VisitCadre
from db.numbering import next_number, next_sort_key
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    site_code,
    tombstone,
    touch,
)
from db.services._search import Reindex, index_problem, index_visit
from db.services.permissions import require
from db.services.problems import check_problem_fields, served_by_live_task
from db.vocab import ACTIVITIES, CHANNEL_FOR_METHOD, METHODS


@dataclass(frozen=True)
class FindingInput:
    """A problem found during a visit; it becomes a row of the problem list."""

    area: str  # vocab.AREAS
    category: str  # vocab.CATEGORIES
    description: str
    strongly_reported: bool = False
    reporter_type: str = "public"  # vocab.REPORTER_TYPES
    reporter_name: str = ""
    reporter_phone: str = ""


@dataclass(frozen=True)
class VisitInput:
    visit_date: date | None
    cadre_ids: tuple[uuid.UUID, ...]
    unit_id: uuid.UUID | None
    method: str  # vocab.METHODS
    activities: tuple[str, ...] = ()  # vocab.ACTIVITIES
    students_met: int = 0
    teachers_met: int = 0
    parents_met: int = 0
    content: str = ""
    talked_with: str = ""
    findings: str = ""  # what was found, in words
    # New problems found on the visit. On update_visit these are *added*; problems already
    # recorded are edited through the problem services.
    problems: tuple[FindingInput, ...] = ()
    reported_to_branch: bool = False


@dataclass(frozen=True)
class SavedVisit:
    visit: Visit
    problems: list[Problem] = field(default_factory=list)  # the problems added by this call


def _validate(s: Session, data: VisitInput) -> tuple[Unit | None, dict[str, str]]:
    e = Errors()
    e.day("visit_date", data.visit_date, "走访日期")
    if not data.cadre_ids:
        e.add("cadre_ids", "请至少选择一名参加走访的干部")
    elif len(set(data.cadre_ids)) != len(data.cadre_ids):
        e.add("cadre_ids", "参加走访的干部有重复，请去掉重复的人")
    else:
        for cadre_id in data.cadre_ids:
            cadre = find_live(s, Cadre, cadre_id)
            if cadre is None:
                e.add("cadre_ids", "参加走访的干部中有人已不在干部名单中，请重新选择")
                break
            if not cadre.active:
                e.add("cadre_ids", f"干部“{cadre.name}”已停用，不能登记走访，"
                                   "请重新选择参加走访的干部")
                break
    unit = None
    if data.unit_id is None:
        e.add("unit_id", "请选择走访单位")
    else:
        unit = find_live(s, Unit, data.unit_id)
        if unit is None:
            e.add("unit_id", "所选走访单位不存在，请重新选择")
    e.code("method", data.method, METHODS)
    for activity in data.activities:
        if activity not in ACTIVITIES:
            e.add("activities", f"活动内容“{activity}”不在可选范围内，请从列表中选择")
    e.count("students_met", data.students_met, "走访学生人数")
    e.count("teachers_met", data.teachers_met, "走访教师人数")
    e.count("parents_met", data.parents_met, "走访家长人数")
    texts = {
        "content": e.text("content", data.content, "走访内容", max_len=5000, required=False),
        "talked_with": e.text("talked_with", data.talked_with, "交流对象", max_len=500,
                              required=False),
        "findings": e.text("findings", data.findings, "发现的情况", max_len=5000,
                           required=False),
    }
    for i, finding in enumerate(data.problems):
        text, phone = check_problem_fields(
            e, prefix=f"problems[{i}].", area=finding.area, category=finding.category,
            description=finding.description, reporter_type=finding.reporter_type,
            reporter_name=finding.reporter_name, reporter_phone=finding.reporter_phone,
            label_prefix=f"第 {i + 1} 条问题的", session=s)
        texts[f"problems[{i}].description"] = text
        texts[f"problems[{i}].reporter_phone"] = phone
    e.raise_if_any()
    return unit, texts


def _links(data: VisitInput) -> dict[str, list[str]]:
    """The visit's links, for the audit entry (they are part of the visit)."""
    return {"cadre_ids": [str(c) for c in data.cadre_ids],
            "activities": sorted(set(data.activities))}


def _current_links(s: Session, visit_id: uuid.UUID) -> dict[str, list[str]]:
    cadres = s.execute(select(VisitCadre.cadre_id).where(VisitCadre.visit_id == visit_id)
                       ).scalars()
    acts = s.execute(select(VisitActivity.activity).where(VisitActivity.visit_id == visit_id)
                     ).scalars()
    return {"cadre_ids": sorted(str(c) for c in cadres), "activities": sorted(acts)}


def _write_links(s: Session, visit_id: uuid.UUID, data: VisitInput) -> None:
    for cadre_id in data.cadre_ids:
        s.add(VisitCadre(visit_id=visit_id, cadre_id=cadre_id))
    for activity in sorted(set(data.activities)):
        s.add(VisitActivity(visit_id=visit_id, activity=activity))


def _add_problems(s: Session, actor: Actor, visit: Visit, unit: Unit, data: VisitInput,
                  texts: dict[str, str], first_cadre: uuid.UUID) -> list[Problem]:
    site = visit.site
    added = []
    for i, finding in enumerate(data.problems):
        number = next_number(s, site, "problem", visit.visit_date.year)
        key = next_sort_key(s, Problem, visit.visit_date)
        p = Problem(number=number, sort_key=key, reported_on=visit.visit_date,
                    source_channel=CHANNEL_FOR_METHOD[visit.method],
                    reporter_type=finding.reporter_type,
                    reporter_name=finding.reporter_name.strip(),
                    reporter_phone=texts[f"problems[{i}].reporter_phone"],
                    unit_id=unit.id, region_id=unit.region_id, area=finding.area,
                    category=finding.category,
                    description=texts[f"problems[{i}].description"],
                    strongly_reported=finding.strongly_reported, collected_by_id=first_cadre,
                    visit_id=visit.id, status="open", site=site)
        s.add(p)
        s.flush()
        index_problem(s, p)
        audit_create(s, actor, p, f"登记问题 {number}（来自走访 {visit.number}）")
        added.append(p)
    return added


def record_visit(db: Database, actor: Actor, data: VisitInput) -> SavedVisit:
    with db.transaction() as s:
        unit, texts = _validate(s, data)
        require(actor, "visit.create", unit_id=data.unit_id)
        assert unit is not None and data.visit_date is not None
        site = site_code(s)
        number = next_number(s, site, "visit", data.visit_date.year)
        key = next_sort_key(s, Visit, data.visit_date)
        visit = Visit(number=number, sort_key=key, visit_date=data.visit_date, unit_id=unit.id,
                      method=data.method, students_met=data.students_met,
                      teachers_met=data.teachers_met, parents_met=data.parents_met,
                      content=texts["content"], talked_with=texts["talked_with"],
                      findings=texts["findings"], reported_to_branch=data.reported_to_branch,
                      site=site)
        s.add(visit)
        s.flush()
        _write_links(s, visit.id, data)
        audit_create(s, actor, visit, f"登记走访 {number}（{unit.name}）", extra=_links(data))
        problems = _add_problems(s, actor, visit, unit, data, texts, data.cadre_ids[0])
        index_visit(s, visit)
        return SavedVisit(visit, problems)


def update_visit(db: Database, actor: Actor, visit_id: uuid.UUID, data: VisitInput,
                 expected_version: int) -> SavedVisit:
    """Edit a visit. Its problems follow a change of date or unit (closed ones cannot, so such
    a change is refused until they are reopened); ``data.problems`` are added as new ones."""
    with db.transaction() as s:
        visit = get_live(s, Visit, visit_id, "走访记录")
        unit, texts = _validate(s, data)
        require(actor, "visit.edit", unit_ids=[visit.unit_id, data.unit_id])
        check_version(visit, expected_version, "走访记录")
        assert unit is not None and data.visit_date is not None
        linked = list(s.execute(
            select(Problem).where(Problem.visit_id == visit.id,
                                  Problem.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Problem.sort_key)  # type: ignore[arg-type]
        ).scalars())
        # The problems found on the visit carry its date, unit and (through the method) source
        # channel, so they follow a change of any of these.
        moves_date = data.visit_date != visit.visit_date
        moves_unit = unit.id != visit.unit_id
        new_channel = CHANNEL_FOR_METHOD[data.method]
        moves_channel = new_channel != CHANNEL_FOR_METHOD.get(visit.method)
        moves_problems = moves_date or moves_unit or moves_channel
        if moves_problems:
            closed = [p.number for p in linked if p.status == "closed"]
            if closed:
                raise RuleError(
                    f"该走访发现的问题 {'、'.join(closed)} 已销号，不能修改走访日期、单位或方式。"
                    "如需修改，请先由领导“重新打开”相关任务。")
        visit_index = Reindex(s, visit)
        problem_indexes = [Reindex(s, p) for p in linked] if moves_date else []
        before = snapshot(visit) | _current_links(s, visit.id)
        problem_befores = {p.id: snapshot(p) for p in linked}

        if moves_date:
            # All keys first, then assignments: a query in between would flush half-made
            # changes and bump the version twice.
            visit_key = next_sort_key(s, Visit, data.visit_date)
            first_key = next_sort_key(s, Problem, data.visit_date)
            visit.sort_key = visit_key
            for i, p in enumerate(linked):  # in order, so they keep their order on the new day
                p.sort_key, p.reported_on = first_key + i, data.visit_date
        if moves_unit:
            for p in linked:
                p.unit_id, p.region_id = unit.id, unit.region_id
        if moves_channel:
            for p in linked:
                p.source_channel = new_channel
        for p in linked if moves_problems else []:
            touch(p)
        visit.visit_date, visit.unit_id, visit.method = data.visit_date, unit.id, data.method
        visit.students_met, visit.teachers_met = data.students_met, data.teachers_met
        visit.parents_met, visit.reported_to_branch = data.parents_met, data.reported_to_branch
        visit.content, visit.talked_with = texts["content"], texts["talked_with"]
        visit.findings = texts["findings"]
        touch(visit)
        s.flush()
        s.execute(delete(VisitCadre).where(VisitCadre.visit_id == visit.id))  # type: ignore[arg-type]
        s.execute(delete(VisitActivity).where(VisitActivity.visit_id == visit.id))  # type: ignore[arg-type]
        _write_links(s, visit.id, data)
        audit_change(s, actor, visit, before, f"修改走访 {visit.number}", extra=_links(data))
        for p in linked if moves_problems else []:
            audit_change(s, actor, p, problem_befores[p.id],
                         f"问题 {p.number} 随走访 {visit.number} 修改日期、单位或来源渠道")
        for index in problem_indexes:
            index.done()
        added = _add_problems(s, actor, visit, unit, data, texts, data.cadre_ids[0])
        visit_index.done()
        return SavedVisit(visit, added)


def delete_visit(db: Database, actor: Actor, visit_id: uuid.UUID,
                 expected_version: int) -> Visit:
    """Tombstone a visit entered by mistake, with the problems it found. Refused once any of
    those problems is being handled by a task: the lists must not lose a problem in work."""
    with db.transaction() as s:
        visit = get_live(s, Visit, visit_id, "走访记录")
        require(actor, "visit.delete", unit_id=visit.unit_id)
        check_version(visit, expected_version, "走访记录")
        linked = list(s.execute(
            select(Problem).where(Problem.visit_id == visit.id,
                                  Problem.deleted_at.is_(None))  # type: ignore[union-attr]
            .order_by(Problem.sort_key)  # type: ignore[arg-type]
        ).scalars())
        in_work = [p.number for p in linked
                   if p.status in ("in_progress", "resolved", "closed")
                   or served_by_live_task(s, p.id) is not None]
        if in_work:
            raise RuleError(
                f"该走访发现的问题 {'、'.join(in_work)} 已立项办理，不能删除该走访记录。"
                "如确属误录，请先处理相关任务。")
        visit_index = Reindex(s, visit)
        problem_indexes = [Reindex(s, p) for p in linked]
        for p in linked:
            tombstone(s, actor, p, f"随走访 {visit.number} 删除问题 {p.number}")
        tombstone(s, actor, visit, f"删除走访 {visit.number}")
        for index in problem_indexes:
            index.done()
        visit_index.done()
        return visit
