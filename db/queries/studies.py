"""局党组每月专题研究: the frozen snapshots of the three lists, read back exactly as stored.

A study's snapshot is JSON written once by ``db.services.studies.create_study``. Everything
here reads that JSON and never the live lists, so a past study always opens as it was, whatever
was closed, reopened or deleted afterwards. The dataclasses below are the snapshot's schema:
the service builds them and ``dump_snapshot`` writes them; ``parse_snapshot`` reads them back.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.errors import NotFoundError, RuleError
from db.models import StudySession

# Bumped whenever a field changes meaning; old snapshots keep the version they were made with.
SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class SnapshotProblem:
    id: uuid.UUID
    number: str
    status: str  # vocab.PROBLEM_STATUSES, as of the study day
    area: str
    category: str
    region_id: uuid.UUID | None  # the problem's own region, else its unit's
    region: str  # its name then ("" when not set)
    unit_id: uuid.UUID | None
    unit: str
    strongly_reported: bool
    reported_on: date
    closed_on: date | None  # only when closed out on or before the study day


@dataclass(frozen=True, slots=True)
class SnapshotTask:
    id: uuid.UUID
    number: str
    title: str
    status: str  # vocab.TASK_STATUSES, as of the study day
    opened_on: date
    deadline: date
    resolution_mode: str
    lead_leader_id: uuid.UUID | None
    lead_leader: str  # the name then ("" when none)
    is_livelihood_project: bool
    progress_pct: int  # the latest progress note on or before the study day
    overdue: bool  # not closed out and deadline < study day
    workdays_overdue: int  # working days from the deadline to the study day (0 when not late)
    closed_on: date | None
    problem_ids: tuple[uuid.UUID, ...]  # the problems of this snapshot it serves
    # The highest escalation step taken by the study day (db.queries.deadlines.STEP_STAGES:
    # "chase", "supervision", "criticism"; "" none) and its day. Snapshots made before the
    # ladder was frozen lack both and read back as "" / None.
    escalation: str = ""
    escalated_on: date | None = None


# The task fields a snapshot made before the escalation ladder does not have (dump_snapshot
# leaves them out again for such a snapshot, so it is written back byte for byte).
LADDER_TASK_FIELDS = ("escalation", "escalated_on")


@dataclass(frozen=True, slots=True)
class SnapshotStep:
    """An escalation step (催办, 督办, 通报) taken on a task by the study day, as recorded."""

    id: uuid.UUID
    task_id: uuid.UUID
    task_number: str
    task_title: str
    responsible_unit: str
    kind: str  # "chase", "supervision" or "criticism" (vocab.TASK_STEP_KINDS)
    taken_on: date
    by_name: str  # who issued or decided it
    supervisor: str  # supervision: the named supervisor ("" otherwise)
    reason: str


@dataclass(frozen=True, slots=True)
class SnapshotEffect:
    """效果清单: a task's effect as it stood, with the people's evaluations so far."""

    task_id: uuid.UUID
    task_number: str
    completed_on: date
    closed_on: date | None  # 销号 date, when closed out by the study day
    approved_by: str  # the named approver of the close-out ("" when not closed)
    satisfied: int  # evaluations by rating, evaluated on or before the study day
    basic: int
    unsatisfied: int
    latest_rating: str | None


@dataclass(frozen=True, slots=True)
class SnapshotRates:
    """One group's counts and the three rates, as computed that day (stored, not recomputed:
    a later change of definition leaves old studies as the party group saw them)."""

    key: str | None  # "all", a region id, or None (region not set)
    label: str
    total: int
    with_task: int
    resolved: int
    closed: int
    overdue: int
    strongly_reported: int
    satisfied: int
    basic: int
    unsatisfied: int
    response_rate: float | None  # 响应率
    resolution_rate: float | None  # 解决率
    satisfaction_rate: float | None  # 满意率


@dataclass(frozen=True, slots=True)
class QuotaGap:
    """A leader's unmet quota (db.queries.quotas), counted as of the study day."""

    cadre_id: uuid.UUID
    name: str
    tier: str
    unit: str
    code: str  # quotas.STRONG_PROBLEMS or quotas.PROJECTS
    count: int
    target_min: int
    target_max: int | None
    text: str


@dataclass(frozen=True, slots=True)
class EffectSummary:
    effects: int  # tasks with an effect recorded
    closed_tasks: int  # tasks closed out
    closed_problems: int
    evaluations: int
    satisfied: int
    basic: int
    unsatisfied: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    schema: int
    held_on: date
    made_at: str  # UTC ISO timestamp of the freeze
    campaign_year: int | None  # the campaign whose quotas were checked
    problems: tuple[SnapshotProblem, ...]  # by number
    tasks: tuple[SnapshotTask, ...]
    effects: tuple[SnapshotEffect, ...]
    effect_summary: EffectSummary
    totals: SnapshotRates
    by_region: tuple[SnapshotRates, ...]  # every region, in display order
    leaders_checked: int
    quota_gaps: tuple[QuotaGap, ...]
    # Every escalation step taken by the study day, oldest first; None for a snapshot made
    # before the ladder was frozen with the lists (it shows no escalations, not "none").
    escalations: tuple[SnapshotStep, ...] | None = None

    @property
    def overdue_tasks(self) -> tuple[SnapshotTask, ...]:
        return tuple(t for t in self.tasks if t.overdue)

    @property
    def has_ladder(self) -> bool:
        return self.escalations is not None

    @property
    def criticised_tasks(self) -> tuple[SnapshotTask, ...]:
        """Tasks listed for public criticism (通报) and not closed out by the study day."""
        return tuple(t for t in self.tasks
                     if t.escalation == "criticism" and t.status != "closed")


# ---- JSON ----------------------------------------------------------------------------------
#
# The lists are stored as tables, {"fields": [...], "rows": [[...], ...]}: a bureau's lists run
# to tens of thousands of rows, and repeating every key in every row would double the text.
# Ids and dates are written as text (ISO dates); rows are read back by field name, so a later
# schema may add fields without breaking older readers of the fields they know — and a field
# with a default (the escalation ladder's) may be missing from an older snapshot, which then
# reads back with the default.

TABLES: dict[str, type[Any]] = {
    "problems": SnapshotProblem, "tasks": SnapshotTask, "effects": SnapshotEffect,
    "by_region": SnapshotRates, "quota_gaps": QuotaGap, "escalations": SnapshotStep,
}


def _cell(value: Any) -> Any:
    kind = type(value)
    if kind is uuid.UUID or kind is date:
        return str(value)
    if kind is tuple:
        return [_cell(v) for v in value]
    return value


def _names(cls: type[Any]) -> list[str]:
    return [f.name for f in dataclasses.fields(cls)]


def _table(cls: type[Any], items: tuple[Any, ...], omit: tuple[str, ...] = ()
           ) -> dict[str, Any]:
    names = [n for n in _names(cls) if n not in omit]
    return {"fields": names, "rows": [[_cell(getattr(o, n)) for n in names] for o in items]}


def _record(obj: Any) -> dict[str, Any]:
    return {n: _cell(getattr(obj, n)) for n in _names(type(obj))}


def dump_snapshot(snap: Snapshot) -> str:
    """The JSON text stored in StudySession.snapshot (deterministic: the same snapshot gives
    the same bytes)."""
    data: dict[str, Any] = {}
    # A snapshot from before the ladder keeps its original shape (no ladder fields at all).
    omit = () if snap.has_ladder else LADDER_TASK_FIELDS
    for name in _names(Snapshot):
        value = getattr(snap, name)
        if name == "escalations" and value is None:
            continue
        if name in TABLES:
            data[name] = _table(TABLES[name], value, omit if name == "tasks" else ())
        elif dataclasses.is_dataclass(value):
            data[name] = _record(value)
        else:
            data[name] = _cell(value)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _opt(conv: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda v: None if v is None else conv(v)


# Converters by annotation text (the module uses postponed annotations).
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "uuid.UUID": uuid.UUID,
    "uuid.UUID | None": _opt(uuid.UUID),
    "date": date.fromisoformat,
    "date | None": _opt(date.fromisoformat),
    "tuple[uuid.UUID, ...]": lambda v: tuple(uuid.UUID(x) for x in v),
}


Plan = list[tuple[int | None, Callable[[Any], Any] | None, Any]]


def _plan(cls: type[Any], stored: list[str]) -> Plan:
    """For each field of *cls*: its position among the stored fields, its converter, and the
    value it takes when an older snapshot does not store it (only fields with a default may be
    missing; any other missing field makes the snapshot unreadable)."""
    where = {name: i for i, name in enumerate(stored)}
    plan: Plan = []
    for f in dataclasses.fields(cls):
        if f.name in where:
            plan.append((where[f.name], _CONVERT.get(str(f.type)), None))
        elif f.default is not dataclasses.MISSING:
            plan.append((None, None, f.default))
        else:
            raise KeyError(f.name)
    return plan


def _value(raw: list[Any], i: int | None, conv: Callable[[Any], Any] | None,
           default: Any) -> Any:
    if i is None:
        return default
    return raw[i] if conv is None else conv(raw[i])


def _load_table(cls: type[Any], data: dict[str, Any]) -> tuple[Any, ...]:
    plan = _plan(cls, data["fields"])
    return tuple(cls(*[_value(row, i, conv, default) for i, conv, default in plan])
                 for row in data["rows"])


def _load(cls: type[Any], data: dict[str, Any]) -> Any:
    names = list(data)
    values = list(data.values())
    return cls(*[_value(values, i, conv, default) for i, conv, default in _plan(cls, names)])


_UNREADABLE = "该专题研究的清单快照无法读取（内容不完整或已损坏）。请从备份恢复或联系管理员。"


def parse_snapshot(text: str) -> Snapshot:
    try:
        data = json.loads(text)
        schema = int(data["schema"])
    except (ValueError, KeyError, TypeError) as exc:
        raise RuleError(_UNREADABLE) from exc
    if schema > SCHEMA_VERSION:
        raise RuleError(f"该专题研究由更新版本的民情台账生成（快照版本 {schema}），"
                        "请安装最新版本后再打开。")
    try:
        return Snapshot(
            schema=schema, held_on=date.fromisoformat(data["held_on"]), made_at=data["made_at"],
            campaign_year=data["campaign_year"],
            problems=_load_table(SnapshotProblem, data["problems"]),
            tasks=_load_table(SnapshotTask, data["tasks"]),
            effects=_load_table(SnapshotEffect, data["effects"]),
            effect_summary=_load(EffectSummary, data["effect_summary"]),
            totals=_load(SnapshotRates, data["totals"]),
            by_region=_load_table(SnapshotRates, data["by_region"]),
            leaders_checked=data["leaders_checked"],
            quota_gaps=_load_table(QuotaGap, data["quota_gaps"]),
            escalations=(_load_table(SnapshotStep, data["escalations"])
                         if "escalations" in data else None),
        )
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise RuleError(_UNREADABLE) from exc


# ---- studies -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StudyRow:
    """A study in the list (the snapshot itself is not read: it can be megabytes)."""

    id: uuid.UUID
    held_on: date
    title: str
    note: str
    created_at: datetime
    version: int
    site: str  # the site whose party group held it (studies of counties arrive by exchange)


@dataclass(frozen=True, slots=True)
class Study:
    row: StudyRow
    snapshot: Snapshot
    snapshot_json: str  # the stored text, byte for byte


def _row_query() -> Any:
    return select(StudySession.id, StudySession.held_on, StudySession.title,
                  StudySession.note, StudySession.created_at, StudySession.version,
                  StudySession.site).where(StudySession.deleted_at.is_(None))  # type: ignore[union-attr]


def list_studies(session: Session) -> list[StudyRow]:
    """Every study not deleted, newest first."""
    rows = session.execute(_row_query().order_by(StudySession.held_on.desc()))  # type: ignore[attr-defined]
    return [StudyRow(*r) for r in rows]


def load_study(session: Session, study_id: uuid.UUID) -> Study:
    record = session.get(StudySession, study_id)
    if record is None or record.deleted_at is not None:
        raise NotFoundError("找不到该专题研究，可能已被删除。请刷新列表后重试。")
    row = StudyRow(record.id, record.held_on, record.title, record.note, record.created_at,
                   record.version, record.site)
    return Study(row, parse_snapshot(record.snapshot), record.snapshot)


# ---- changes since the previous study --------------------------------------------------------

@dataclass(frozen=True, slots=True)
class StatusChange:
    kind: str  # "problem" or "task"
    id: uuid.UUID
    number: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class StudyChanges:
    """What changed between the previous study of the same site (by date) and this one, from
    the two snapshots.

    For the first study ``previous`` is None and everything counts as new.
    """

    study: StudyRow
    previous: StudyRow | None
    new_problems: tuple[SnapshotProblem, ...]
    new_tasks: tuple[SnapshotTask, ...]
    closed_problems: tuple[SnapshotProblem, ...]  # closed out since (new ones included)
    closed_tasks: tuple[SnapshotTask, ...]
    newly_overdue: tuple[SnapshotTask, ...]  # overdue now, not overdue (or not there) then
    overdue: tuple[SnapshotTask, ...]  # every task overdue now
    reopened_problems: tuple[SnapshotProblem, ...]  # closed then, not closed now
    reopened_tasks: tuple[SnapshotTask, ...]
    removed_problems: tuple[SnapshotProblem, ...]  # in the previous list, gone now (deleted,
    removed_tasks: tuple[SnapshotTask, ...]  # merged into another problem)
    status_changes: tuple[StatusChange, ...]  # items in both lists whose status moved
    rates_then: SnapshotRates | None
    rates_now: SnapshotRates
    by_region_then: tuple[SnapshotRates, ...]
    by_region_now: tuple[SnapshotRates, ...]
    quota_gaps_now: tuple[QuotaGap, ...]
    quota_gaps_met: tuple[QuotaGap, ...]  # gaps of the previous study no longer open
    # Escalation steps (催办, 督办, 通报) taken since the previous study, oldest first: those
    # this snapshot records and the previous one did not (for the first study, all of them).
    # None when this study's snapshot predates the ladder.
    escalations: tuple[SnapshotStep, ...] | None = None
    criticised: tuple[SnapshotTask, ...] = ()  # listed for public criticism, not closed out


def previous_study(session: Session, held_on: date, site: str) -> StudyRow | None:
    """The latest study of *site* before *held_on* (one per day and site)."""
    row = session.execute(
        _row_query().where(StudySession.held_on < held_on,  # type: ignore[arg-type]
                           StudySession.site == site)  # type: ignore[arg-type]
        .order_by(StudySession.held_on.desc())  # type: ignore[attr-defined]
    ).first()
    return StudyRow(*row) if row is not None else None


def _empty_like(snap: Snapshot) -> Snapshot:
    return dataclasses.replace(snap, problems=(), tasks=(), effects=(), quota_gaps=())


def study_changes(session: Session, study_id: uuid.UUID) -> StudyChanges:
    now = load_study(session, study_id)
    prev_row = previous_study(session, now.row.held_on, now.row.site)
    then = load_study(session, prev_row.id).snapshot if prev_row else _empty_like(now.snapshot)
    b = now.snapshot

    old_p = {p.id: p for p in then.problems}
    old_t = {t.id: t for t in then.tasks}
    new_p_ids = {p.id for p in b.problems}
    new_t_ids = {t.id for t in b.tasks}

    def was_closed(item: SnapshotProblem | SnapshotTask, old: dict[uuid.UUID, Any]) -> bool:
        before = old.get(item.id)
        return before is not None and before.status == "closed"

    changes = [StatusChange("problem", p.id, p.number, old_p[p.id].status, p.status)
               for p in b.problems if p.id in old_p and old_p[p.id].status != p.status]
    changes += [StatusChange("task", t.id, t.number, old_t[t.id].status, t.status)
                for t in b.tasks if t.id in old_t and old_t[t.id].status != t.status]
    gaps_now = {(g.cadre_id, g.code) for g in b.quota_gaps}
    escalations: tuple[SnapshotStep, ...] | None = None
    if b.escalations is not None:
        if prev_row is None:
            escalations = b.escalations
        elif then.escalations is not None:
            known = {g.id for g in then.escalations}
            escalations = tuple(g for g in b.escalations if g.id not in known)
        else:  # the previous snapshot predates the ladder: by the day the step was taken
            escalations = tuple(g for g in b.escalations if g.taken_on > prev_row.held_on)
    return StudyChanges(
        study=now.row, previous=prev_row,
        new_problems=tuple(p for p in b.problems if p.id not in old_p),
        new_tasks=tuple(t for t in b.tasks if t.id not in old_t),
        closed_problems=tuple(p for p in b.problems
                              if p.status == "closed" and not was_closed(p, old_p)),
        closed_tasks=tuple(t for t in b.tasks
                           if t.status == "closed" and not was_closed(t, old_t)),
        newly_overdue=tuple(t for t in b.tasks
                            if t.overdue and not (t.id in old_t and old_t[t.id].overdue)),
        overdue=b.overdue_tasks,
        reopened_problems=tuple(p for p in b.problems
                                if p.status != "closed" and was_closed(p, old_p)),
        reopened_tasks=tuple(t for t in b.tasks
                             if t.status != "closed" and was_closed(t, old_t)),
        removed_problems=tuple(p for p in then.problems if p.id not in new_p_ids),
        removed_tasks=tuple(t for t in then.tasks if t.id not in new_t_ids),
        status_changes=tuple(changes),
        rates_then=then.totals if prev_row else None, rates_now=b.totals,
        by_region_then=then.by_region if prev_row else (), by_region_now=b.by_region,
        quota_gaps_now=b.quota_gaps,
        quota_gaps_met=tuple(g for g in then.quota_gaps if (g.cadre_id, g.code) not in gaps_now),
        escalations=escalations, criticised=b.criticised_tasks,
    )
