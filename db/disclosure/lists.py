"""The three lists as the public may see them (门户网站公示).

What goes out: numbers, dates, region and unit names, vocabulary labels in Chinese, the masked
free texts, the resolution mode, the responsible unit, the lead leader's name (an official
acting in office), and counts of ratings. What never goes out: reporter names and phones,
evaluation respondents and notes, the collecting cadre (and their phone), the person named as
responsible, the approver, and anything from the care tables. Rows are read column by column,
never as ORM objects, so that nothing private is even loaded by accident.

The protected names are gathered from the whole database — tombstoned rows too: a name deleted
from a problem may still be written in another record's text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, String, func, select, type_coerce
from sqlmodel import Session, col

from db.campaign import get_setting
from db.disclosure.masking import Masker
from db.models import (
    Cadre,
    CareRecord,
    Effect,
    Evaluation,
    Problem,
    Region,
    Task,
    TaskProblem,
    TaskProgress,
    Unit,
)
from db.vocab import PROBLEM_STATUSES, RATINGS, RESOLUTION_MODES, TASK_STATUSES
from db.vocab_extra import load_vocabularies

PROBLEM_HEADERS = ("问题编号", "反映日期", "区域", "单位", "问题领域", "问题类别", "问题描述",
                   "群众反映强烈", "状态", "对应任务")
TASK_HEADERS = ("任务编号", "任务名称", "解决方式", "民生实事", "责任单位", "领办领导", "开始日期",
                "完成时限", "进度(%)", "状态", "办理措施", "最新进展", "对应问题")
EFFECT_HEADERS = ("任务编号", "任务名称", "完成日期", "取得成效", "佐证材料", "满意", "基本满意",
                  "不满意", "回访人数", "销号日期")
SECTION_TITLES = ("问题清单", "任务清单", "效果清单")


def _select(*cols: Any) -> Select[Any]:
    # sqlmodel types model attributes as their Python values; the columns go through Any.
    return select(*cols)


def _k(col: Any) -> Any:
    """An id column read as stored: turning 100,000 ids into UUID objects took a second, and
    here they are only compared with each other."""
    return type_coerce(col, String)


def _d(col: Any) -> Any:
    return type_coerce(col, String)


_days: dict[Any, date] = {}


def _day(value: Any) -> Any:
    """A date read as text (SQLite) parsed once per distinct day; drivers giving dates pass."""
    if value is None or isinstance(value, date):
        return value
    d = _days.get(value)
    if d is None:
        d = _days[value] = date.fromisoformat(str(value)[:10])
    return d


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def _yes(flag: bool) -> str:
    return "是" if flag else "否"


@dataclass(frozen=True, slots=True)
class PublicProblem:
    number: str
    reported_on: date
    region: str
    unit: str
    area: str  # Chinese labels from here on
    category: str
    description: str  # masked
    strongly_reported: bool
    status: str
    tasks: str  # the task numbers, 、-joined

    def row(self) -> tuple[Any, ...]:
        return (self.number, self.reported_on, self.region, self.unit, self.area, self.category,
                self.description, _yes(self.strongly_reported), self.status, self.tasks)


@dataclass(frozen=True, slots=True)
class PublicTask:
    number: str
    title: str  # masked
    resolution_mode: str
    livelihood_project: bool
    responsible_unit: str
    lead_leader: str
    opened_on: date
    deadline: date
    progress_pct: int
    status: str
    measures: str  # masked
    latest_progress: str  # masked
    problems: str

    def row(self) -> tuple[Any, ...]:
        return (self.number, self.title, self.resolution_mode, _yes(self.livelihood_project),
                self.responsible_unit, self.lead_leader, self.opened_on, self.deadline,
                self.progress_pct, self.status, self.measures, self.latest_progress,
                self.problems)


@dataclass(frozen=True, slots=True)
class PublicEffect:
    task_number: str
    task_title: str  # masked
    completed_on: date
    result: str  # masked
    evidence: str  # masked
    satisfied: int
    basic: int
    unsatisfied: int
    asked: int
    closed_on: date | None

    def row(self) -> tuple[Any, ...]:
        return (self.task_number, self.task_title, self.completed_on, self.result, self.evidence,
                self.satisfied, self.basic, self.unsatisfied, self.asked, self.closed_on)


@dataclass(frozen=True)
class PublicLists:
    org: str
    as_of: date
    problems: list[PublicProblem] = field(default_factory=list)
    tasks: list[PublicTask] = field(default_factory=list)
    effects: list[PublicEffect] = field(default_factory=list)

    def sections(self) -> list[tuple[str, tuple[str, ...], list[tuple[Any, ...]]]]:
        """(title, headers, rows) of the three lists, for the writers."""
        return [
            (SECTION_TITLES[0], PROBLEM_HEADERS, [p.row() for p in self.problems]),
            (SECTION_TITLES[1], TASK_HEADERS, [t.row() for t in self.tasks]),
            (SECTION_TITLES[2], EFFECT_HEADERS, [e.row() for e in self.effects]),
        ]


def _strings(session: Session, *cols: Any) -> set[str]:
    out: set[str] = set()
    for c in cols:
        out.update(v for v in session.execute(_select(c).distinct()).scalars() if v)
    return out


def protected_names(session: Session) -> set[str]:
    """Every reporter, care-record person and evaluation respondent named anywhere."""
    return _strings(session, Problem.reporter_name, CareRecord.person_name, Evaluation.respondent)


def masker_for(session: Session) -> Masker:
    """A masker for this database's protected names and stored phone numbers."""
    phones = _strings(session, Problem.reporter_phone, Cadre.phone)
    return Masker(protected_names(session), phones)


def collect(session: Session, *, as_of: date | None = None,
            masker: Masker | None = None) -> PublicLists:
    """The live problems, tasks and effects, as the public may see them."""
    m = masker or masker_for(session)
    org = str(get_setting(session, "org.name") or "")
    units = dict(session.execute(_select(_k(Unit.id), Unit.name)).all())
    regions = dict(session.execute(_select(_k(Region.id), Region.name)).all())
    unit_region = dict(session.execute(_select(_k(Unit.id), _k(Unit.region_id))).all())
    # An official's name is published, unless it is also a protected person's name: then the
    # person's privacy wins and the leader is shown masked too.
    leaders = {cid: (m.mask(name) if name in m.names else name)
               for cid, name in session.execute(_select(_k(Cadre.id), Cadre.name))}

    problem_tasks, task_problems = _links(session)
    vocabs = load_vocabularies(session)  # the bureau's own areas and categories too
    lists = PublicLists(org=org, as_of=as_of or date.today())

    for (pid, number, day, unit_id, region_id, area, category, desc, strong,
         status) in session.execute(
            _select(_k(Problem.id), Problem.number, _d(Problem.reported_on), _k(Problem.unit_id),
                   _k(Problem.region_id), Problem.area, Problem.category, Problem.description,
                   Problem.strongly_reported, Problem.status)
            .where(_live(Problem)).order_by(col(Problem.sort_key))):
        rid = region_id or unit_region.get(unit_id)
        lists.problems.append(PublicProblem(
            number, _day(day), regions.get(rid, ""), units.get(unit_id, ""),
            vocabs.area.label(area), vocabs.category.label(category), m.mask(desc or ""),
            bool(strong),
            PROBLEM_STATUSES.label(status), "、".join(problem_tasks.get(pid, ())),
        ))

    latest = _latest_progress(session)
    titles: dict[Any, tuple[str, str, str, date | None]] = {}
    for (tid, number, title, measures, unit_id, leader_id, livelihood, mode, opened, deadline,
         status, pct, closed) in session.execute(
            _select(_k(Task.id), Task.number, Task.title, Task.measures,
                   _k(Task.responsible_unit_id), _k(Task.lead_leader_id),
                   Task.is_livelihood_project, Task.resolution_mode, _d(Task.opened_on),
                   _d(Task.deadline), Task.status, Task.progress_pct, _d(Task.closed_on))
            .where(_live(Task)).order_by(col(Task.number))):
        title_m = m.mask(title or "")
        titles[tid] = (number, title_m, status, _day(closed))
        lists.tasks.append(PublicTask(
            number, title_m, RESOLUTION_MODES.label(mode), bool(livelihood),
            units.get(unit_id, ""), leaders.get(leader_id, ""), _day(opened), _day(deadline),
            int(pct or 0),
            TASK_STATUSES.label(status), m.mask(measures or ""), m.mask(latest.get(tid, "")),
            "、".join(task_problems.get(tid, ())),
        ))

    ratings = _ratings(session)
    for tid, completed, result, evidence in session.execute(
            _select(_k(Effect.task_id), _d(Effect.completed_on), Effect.result,
                    Effect.evidence_note)
            .where(_live(Effect)).order_by(col(Effect.completed_on))):
        if tid not in titles:  # the task itself was deleted
            continue
        number, title_m, status, closed = titles[tid]
        r = ratings.get(tid, {})
        lists.effects.append(PublicEffect(
            number, title_m, _day(completed), m.mask(result or ""), m.mask(evidence or ""),
            r.get("satisfied", 0), r.get("basic", 0), r.get("unsatisfied", 0), r.get("asked", 0),
            closed if status == "closed" else None,
        ))
    return lists


def _links(session: Session) -> tuple[dict[Any, list[str]], dict[Any, list[str]]]:
    """Task numbers per problem and problem numbers per task (live rows on both sides)."""
    per_problem: dict[Any, list[str]] = defaultdict(list)
    per_task: dict[Any, list[str]] = defaultdict(list)
    rows = session.execute(
        _select(_k(TaskProblem.problem_id), Problem.number, _k(TaskProblem.task_id), Task.number)
        .join(Task, Task.id == TaskProblem.task_id)  # type: ignore[arg-type]
        .join(Problem, Problem.id == TaskProblem.problem_id)  # type: ignore[arg-type]
        .where(_live(Task), _live(Problem))
        .order_by(col(Task.number), col(Problem.number)))
    for pid, pnum, tid, tnum in rows:
        per_problem[pid].append(tnum)
        per_task[tid].append(pnum)
    return per_problem, per_task


def _latest_progress(session: Session) -> dict[Any, str]:
    out: dict[Any, str] = {}
    for tid, note in session.execute(
            _select(_k(TaskProgress.task_id), TaskProgress.note).where(_live(TaskProgress))
            .order_by(col(TaskProgress.noted_on), col(TaskProgress.created_at))):
        out[tid] = note or ""  # the last one read is the latest
    return out


def _ratings(session: Session) -> dict[Any, dict[str, int]]:
    out: dict[Any, dict[str, int]] = defaultdict(dict)
    for tid, rating, n, asked in session.execute(
            _select(_k(Evaluation.task_id), Evaluation.rating, func.count(),
                   func.coalesce(func.sum(Evaluation.asked_count), 0))
            .where(_live(Evaluation)).group_by(col(Evaluation.task_id), col(Evaluation.rating))):
        if rating in RATINGS:
            out[tid][rating] = int(n)
        out[tid]["asked"] = out[tid].get("asked", 0) + int(asked)
    return out


def free_texts(session: Session) -> Iterable[tuple[str, str]]:
    """(field, text) of every free text that is published, for the preview."""
    for number, desc in session.execute(
            _select(Problem.number, Problem.description).where(_live(Problem))
            .order_by(col(Problem.sort_key))):
        yield f"问题 {number} 问题描述", desc or ""
    for number, title, measures in session.execute(
            _select(Task.number, Task.title, Task.measures).where(_live(Task))
            .order_by(col(Task.number))):
        yield f"任务 {number} 任务名称", title or ""
        yield f"任务 {number} 办理措施", measures or ""
    for number, note in session.execute(
            _select(Task.number, TaskProgress.note)
            .join(Task, Task.id == TaskProgress.task_id)  # type: ignore[arg-type]
            .where(_live(Task), _live(TaskProgress)).order_by(col(Task.number))):
        yield f"任务 {number} 进展", note or ""
    for number, result, evidence in session.execute(
            _select(Task.number, Effect.result, Effect.evidence_note)
            .join(Task, Task.id == Effect.task_id)  # type: ignore[arg-type]
            .where(_live(Task), _live(Effect)).order_by(col(Task.number))):
        yield f"效果 {number} 取得成效", result or ""
        yield f"效果 {number} 佐证材料", evidence or ""
