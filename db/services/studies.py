"""局党组每月专题研究: recording a monthly study with the three lists frozen as they stood.

The snapshot is computed as of the study day from the dates the records carry: an item
reported, opened, noted, completed, evaluated or closed after that day does not count yet, and
"overdue" is measured against that day. What the records keep no history of (a title, a
deadline or a lead leader changed later, a problem merged later) is taken as it stands now —
which is exact for the usual case, a study recorded on the day it is held.

The escalation ladder is frozen too: every step (催办, 督办, 通报) taken by the study day, and
each task's highest step then, so a study shows what was escalated since the previous one and
which tasks stood listed for public criticism.

Once written the snapshot is never changed: there is no update service, and a deletion is a
tombstone. The audit entry carries the snapshot's SHA-256 (not the megabytes themselves), so
the tamper-evident audit chain vouches for the stored text.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from db.audit import Actor, write_audit
from db.audit import snapshot as record_image
from db.campaign import current_campaign
from db.engine import Database
from db.errors import PermissionDenied
from db.models import (
    Cadre,
    Campaign,
    Effect,
    Evaluation,
    Problem,
    Region,
    StudySession,
    Task,
    TaskProblem,
    TaskProgress,
    TaskStep,
    Unit,
    utcnow,
)
from db.queries.deadlines import STEP_STAGES
from db.queries.quotas import PROJECTS, STRONG_PROBLEMS, leader_quotas
from db.queries.stats import NOT_SET, WATCHED_TASK_STATUSES
from db.queries.studies import (
    SCHEMA_VERSION,
    EffectSummary,
    QuotaGap,
    Snapshot,
    SnapshotEffect,
    SnapshotProblem,
    SnapshotRates,
    SnapshotStep,
    SnapshotTask,
    dump_snapshot,
)
from db.services._common import Errors, check_version, get_live, site_code, today, touch
from db.services.permissions import ACTIONS, require
from db.vocab import ROLES
from db.workdays import WorkCalendar

# No action of its own exists yet (permissions.py): recording a study is list work for the
# roles that edit tasks bureau-wide. School users are refused by require() itself, since a
# study covers every unit, not theirs alone.
STUDY_ACTION = "task.edit"
TITLE_MAX = 200
NOTE_MAX = 5000


@dataclass(frozen=True)
class StudyInput:
    held_on: date | None  # None: today
    title: str = ""  # "" : “YYYY年M月局党组专题研究”
    note: str = ""


def default_title(held_on: date) -> str:
    return f"{held_on.year}年{held_on.month}月局党组专题研究“三个清单”"


def _require(actor: Actor) -> None:
    try:
        require(actor, STUDY_ACTION)
    except PermissionDenied:
        # require()'s own words name the action borrowed ("修改任务"); say what was refused.
        raise PermissionDenied(
            f"您的角色（{ROLES.label(actor.role)}）无权登记局党组专题研究"
            f"（需要“{ACTIONS[STUDY_ACTION]}”的全局权限）。请由局领导、录入员或管理员办理。"
        ) from None


# ---- freezing the lists ----------------------------------------------------------------------

def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _problem_status(status: str, closed_on: date | None, opened: bool, effect: bool,
                    held_on: date) -> str:
    """The status on *held_on*, rolled back (never forward) when the dates show that a later
    step had not happened yet."""
    if status == "closed" and (closed_on is None or closed_on <= held_on):
        return "closed"  # (a close-out without a date cannot be rolled back)
    if status in ("closed", "resolved"):
        status = "resolved" if effect else "in_progress"
    if status in ("in_progress", "resolved") and not opened:
        return "open"
    return status


def _task_status(status: str, closed_on: date | None, effect: bool, held_on: date) -> str:
    if status == "closed" and (closed_on is None or closed_on <= held_on):
        return "closed"
    if status in ("closed", "done"):
        return "done" if effect else "open"
    return status


def _campaign_for(s: Session, held_on: date) -> Campaign | None:
    found = s.execute(
        select(Campaign).where(Campaign.deleted_at.is_(None),  # type: ignore[union-attr]
                               Campaign.starts_on <= held_on,  # type: ignore[arg-type]
                               Campaign.ends_on >= held_on)  # type: ignore[arg-type]
        .order_by(Campaign.year.desc())  # type: ignore[attr-defined]
    ).scalars().first()
    return found or current_campaign(s)


def _latest_progress(s: Session, held_on: date) -> tuple[dict[uuid.UUID, int], set[uuid.UUID]]:
    """Per task: the percent of its latest live note on or before *held_on*, and the tasks
    that have any note at all (a task without notes keeps its stored percentage)."""
    latest: dict[uuid.UUID, tuple[date, object, int]] = {}
    noted: set[uuid.UUID] = set()
    rows = s.execute(select(TaskProgress.task_id, TaskProgress.noted_on,
                            TaskProgress.created_at, TaskProgress.percent)
                     .where(TaskProgress.deleted_at.is_(None)))  # type: ignore[union-attr]
    for task_id, noted_on, created_at, percent in rows:
        noted.add(task_id)
        if noted_on <= held_on:
            key = (noted_on, created_at, percent)
            old = latest.get(task_id)
            if old is None or key[:2] > old[:2]:
                latest[task_id] = key
    return {k: v[2] for k, v in latest.items()}, noted


def _steps(s: Session, held_on: date, tasks: dict[uuid.UUID, Any]) -> tuple[SnapshotStep, ...]:
    """The escalation steps taken by *held_on* on the tasks of the snapshot, oldest first."""
    rows = s.execute(
        select(TaskStep.id, TaskStep.task_id, TaskStep.kind, TaskStep.taken_on,
               TaskStep.by_name, TaskStep.supervisor_name, TaskStep.reason, Unit.name)
        .join(Task, Task.id == TaskStep.task_id)  # type: ignore[arg-type]
        .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
        .where(TaskStep.deleted_at.is_(None),  # type: ignore[union-attr]
               TaskStep.kind.in_(STEP_STAGES),  # type: ignore[attr-defined]
               TaskStep.taken_on <= held_on)  # type: ignore[arg-type]
        .order_by(TaskStep.taken_on, Task.number, TaskStep.created_at))  # type: ignore[arg-type]
    return tuple(
        SnapshotStep(sid, tid, tasks[tid][1], tasks[tid][2], unit or "", kind, taken_on,
                     by_name, supervisor or "", reason or "")
        for sid, tid, kind, taken_on, by_name, supervisor, reason, unit in rows
        if tid in tasks)


def _ladder(steps: tuple[SnapshotStep, ...]) -> dict[uuid.UUID, tuple[str, date]]:
    """Per task: the highest step of the ladder taken (and its day), as of the snapshot."""
    rank = {k: n for n, k in enumerate(STEP_STAGES)}
    top: dict[uuid.UUID, tuple[str, date]] = {}
    for g in steps:
        old = top.get(g.task_id)
        if old is None or rank[g.kind] >= rank[old[0]]:
            top[g.task_id] = (g.kind, g.taken_on)
    return top


def freeze_lists(s: Session, held_on: date, *, calendar: WorkCalendar | None = None,
                 made_at: str = "") -> Snapshot:
    """The three lists as they stood on *held_on* (see the module's docstring)."""
    cal = calendar or WorkCalendar.from_session(s)

    regions: list[tuple[uuid.UUID, str]] = [(r[0], r[1]) for r in s.execute(
        select(Region.id, Region.name).where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Region.name))]
    # Deleted regions too: a problem may still point at one.
    region_names: dict[uuid.UUID, str] = {r[0]: r[1] for r in s.execute(
        select(Region.id, Region.name))}

    # -- tasks, effects, evaluations (each a single scan) --
    effects = {r[0]: r for r in s.execute(
        select(Effect.task_id, Effect.completed_on).where(
            Effect.deleted_at.is_(None),  # type: ignore[union-attr]
            Effect.completed_on <= held_on))}  # type: ignore[arg-type]
    ratings: dict[uuid.UUID, list[tuple[date, object, str]]] = defaultdict(list)
    for task_id, on, created, rating in s.execute(
            select(Evaluation.task_id, Evaluation.evaluated_on, Evaluation.created_at,
                   Evaluation.rating).where(Evaluation.deleted_at.is_(None),  # type: ignore[union-attr]
                                            Evaluation.evaluated_on <= held_on)):  # type: ignore[arg-type]
        ratings[task_id].append((on, created, rating))
    progress, noted = _latest_progress(s, held_on)
    task_rows = s.execute(
        select(Task.id, Task.number, Task.title, Task.status, Task.opened_on, Task.deadline,
               Task.resolution_mode, Task.lead_leader_id, Cadre.name,
               Task.is_livelihood_project, Task.progress_pct, Task.closed_on, Task.approved_by)
        .outerjoin(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
        .where(Task.deleted_at.is_(None),  # type: ignore[union-attr]
               Task.opened_on <= held_on)  # type: ignore[arg-type]
    ).all()
    task_by_id = {r[0]: r for r in task_rows}
    steps = _steps(s, held_on, task_by_id)
    ladder = _ladder(steps)
    links: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)  # problem → tasks
    for task_id, problem_id in s.execute(select(TaskProblem.task_id, TaskProblem.problem_id)):
        if task_id in task_by_id:
            links[problem_id].append(task_id)

    # -- problems --
    problem_rows = s.execute(
        select(Problem.id, Problem.number, Problem.status, Problem.area, Problem.category,
               func.coalesce(Problem.region_id, Unit.region_id), Problem.unit_id, Unit.name,
               Problem.strongly_reported, Problem.reported_on, Problem.closed_on)
        .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
        .where(Problem.deleted_at.is_(None),  # type: ignore[union-attr]
               Problem.status != "merged",  # counted through the problem merged into
               Problem.reported_on <= held_on)  # type: ignore[arg-type]
        .order_by(Problem.sort_key)
    ).all()
    problems: list[SnapshotProblem] = []
    for (pid, number, status, area, category, region_id, unit_id, unit_name, strong,
         reported_on, closed_on) in problem_rows:
        served = links.get(pid, [])
        at = _problem_status(status, closed_on, bool(served),
                             any(t in effects for t in served), held_on)
        # coalesce() may hand back the raw stored text on some back ends: normalise it.
        region_id = uuid.UUID(str(region_id)) if region_id is not None else None
        region = region_names.get(region_id, "") if region_id is not None else ""
        problems.append(SnapshotProblem(
            pid, number, at, area, category, region_id, region,
            unit_id, unit_name or "", bool(strong), reported_on,
            closed_on if at == "closed" else None))
    task_problems: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for p in problems:
        for t in links.get(p.id, []):
            task_problems[t].append(p.id)

    tasks: list[SnapshotTask] = []
    effect_rows: list[SnapshotEffect] = []
    for (tid, number, title, status, opened_on, deadline, mode, leader_id, leader,
         project, pct, closed_on, approved_by) in sorted(task_rows, key=lambda r: r[1]):
        at = _task_status(status, closed_on, tid in effects, held_on)
        overdue = at in WATCHED_TASK_STATUSES and deadline < held_on
        late = max(cal.workdays_between(deadline, held_on), 0) if overdue else 0
        stage, stage_on = ladder.get(tid, ("", None))
        tasks.append(SnapshotTask(
            tid, number, title, at, opened_on, deadline, mode, leader_id, leader or "",
            bool(project), progress.get(tid, 0) if tid in noted else int(pct or 0), overdue,
            late, closed_on if at == "closed" else None, tuple(task_problems.get(tid, ())),
            stage, stage_on))
        if tid in effects:
            evals = sorted(ratings.get(tid, []))
            counts = {r: sum(1 for e in evals if e[2] == r)
                      for r in ("satisfied", "basic", "unsatisfied")}
            effect_rows.append(SnapshotEffect(
                tid, number, effects[tid][1], closed_on if at == "closed" else None,
                (approved_by or "") if at == "closed" else "", counts["satisfied"],
                counts["basic"], counts["unsatisfied"], evals[-1][2] if evals else None))
    by_task = {t.id: t for t in tasks}

    totals, by_region = _rates(problems, by_task, task_problems, ratings, regions)
    campaign = _campaign_for(s, held_on)
    leaders, gaps = _quota_gaps(s, campaign, held_on, tasks, {p.id: p for p in problems})
    all_ratings = [e for t in tasks for e in ratings.get(t.id, [])]
    summary = EffectSummary(
        effects=len(effect_rows), closed_tasks=sum(t.status == "closed" for t in tasks),
        closed_problems=sum(p.status == "closed" for p in problems),
        evaluations=len(all_ratings),
        satisfied=sum(e[2] == "satisfied" for e in all_ratings),
        basic=sum(e[2] == "basic" for e in all_ratings),
        unsatisfied=sum(e[2] == "unsatisfied" for e in all_ratings))
    return Snapshot(
        schema=SCHEMA_VERSION, held_on=held_on, made_at=made_at,
        campaign_year=campaign.year if campaign else None, problems=tuple(problems),
        tasks=tuple(tasks), effects=tuple(effect_rows), effect_summary=summary,
        totals=totals, by_region=by_region, leaders_checked=leaders, quota_gaps=gaps,
        escalations=steps)


def _rates(problems: list[SnapshotProblem], tasks: dict[uuid.UUID, SnapshotTask],
           task_problems: dict[uuid.UUID, list[uuid.UUID]],
           ratings: dict[uuid.UUID, list[tuple[date, object, str]]],
           regions: list[tuple[uuid.UUID, str]]
           ) -> tuple[SnapshotRates, tuple[SnapshotRates, ...]]:
    """Counts and rates with the definitions of db.queries.stats, over the frozen rows."""
    serving: dict[uuid.UUID, list[SnapshotTask]] = defaultdict(list)
    for tid, pids in task_problems.items():
        for pid in pids:
            serving[pid].append(tasks[tid])

    def group(key: str | None, label: str, members: list[SnapshotProblem]) -> SnapshotRates:
        overdue = sum(p.status != "closed" and any(t.overdue for t in serving[p.id])
                      for p in members)
        evaluated = {t.id for p in members for t in serving[p.id]}  # each evaluation once
        rated = [e[2] for tid in evaluated for e in ratings.get(tid, [])]
        sat, basic, unsat = (rated.count(r) for r in ("satisfied", "basic", "unsatisfied"))
        total = len(members)
        with_task = sum(bool(serving[p.id]) for p in members)
        closed = sum(p.status == "closed" for p in members)
        return SnapshotRates(
            key, label, total, with_task,
            sum(p.status in ("resolved", "closed") for p in members), closed, overdue,
            sum(p.strongly_reported for p in members), sat, basic, unsat,
            _rate(with_task, total), _rate(closed, total), _rate(sat + basic, sat + basic + unsat))

    by: dict[uuid.UUID | None, list[SnapshotProblem]] = defaultdict(list)
    for p in problems:
        by[p.region_id].append(p)
    groups = [group(str(rid), name, by.get(rid, [])) for rid, name in regions]
    known = {rid for rid, _ in regions}
    for rid in sorted((r for r in by if r is not None and r not in known), key=str):
        groups.append(group(str(rid), by[rid][0].region or str(rid), by[rid]))  # a deleted one
    if None in by:
        groups.append(group(None, NOT_SET, by[None]))
    return group("all", "合计", problems), tuple(groups)


def _gap_text(code: str, count: int, lo: int, hi: int | None) -> str:
    if code == STRONG_PROBLEMS:
        target = f"{lo}–{hi}" if hi is not None and hi > lo else str(lo)
        return f"解决群众反映强烈问题 {count} 个（要求 {target} 个），未达标，还差 {lo - count} 个"
    return f"领办民生实事项目 {count} 个（要求至少 {lo} 个），未达标，还差 {lo - count} 个"


def _quota_gaps(s: Session, campaign: Campaign | None, held_on: date,
                tasks: list[SnapshotTask], problems: dict[uuid.UUID, SnapshotProblem]
                ) -> tuple[int, tuple[QuotaGap, ...]]:
    """Leaders' quotas (db.queries.quotas: who is checked and the targets), counted from the
    frozen rows so that a problem closed after the study day does not count yet."""
    start = campaign.starts_on if campaign else None
    end = min(campaign.ends_on, held_on) if campaign else held_on
    window = [t for t in tasks if t.lead_leader_id is not None
              and (start is None or t.opened_on >= start) and t.opened_on <= end]
    strong: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    projects: dict[uuid.UUID, int] = defaultdict(int)
    for t in window:
        assert t.lead_leader_id is not None
        if t.is_livelihood_project:
            projects[t.lead_leader_id] += 1
        for pid in t.problem_ids:
            p = problems[pid]
            if p.strongly_reported and p.status == "closed":
                strong[t.lead_leader_id].add(pid)
    leaders = leader_quotas(s, date_from=start, date_to=end)
    gaps: list[QuotaGap] = []
    for lq in leaders:
        c = lq.cadre
        for q in lq.quotas:
            count = len(strong[c.id]) if q.code == STRONG_PROBLEMS else projects[c.id]
            if q.code in (STRONG_PROBLEMS, PROJECTS) and count < q.target_min:
                gaps.append(QuotaGap(c.id, c.name, c.tier, c.unit_name, q.code, count,
                                     q.target_min, q.target_max,
                                     _gap_text(q.code, count, q.target_min, q.target_max)))
    return len(leaders), tuple(gaps)


# ---- services ----------------------------------------------------------------------------------

def _validate(s: Session, data: StudyInput) -> tuple[date, str, str]:
    e = Errors()
    held_on = data.held_on or today()
    e.day("held_on", held_on, "研究日期")  # not in the future: a study freezes what was
    title = e.text("title", data.title, "标题", max_len=TITLE_MAX, required=False)
    note = e.text("note", data.note, "研究意见", max_len=NOTE_MAX, required=False)
    if not e.has("held_on"):
        # Studies of other sites arrive by exchange (a county bureau's own party group):
        # only this site's studies share its calendar.
        same_day = s.execute(select(StudySession.title).where(
            StudySession.deleted_at.is_(None),  # type: ignore[union-attr]
            StudySession.site == site_code(s),  # type: ignore[arg-type]
            StudySession.held_on == held_on)).scalars().first()  # type: ignore[arg-type]
        if same_day is not None:
            e.add("held_on", f"{held_on.isoformat()} 已有专题研究“{same_day}”，同一天只能登记一次。"
                             "如需重新登记，请先删除原记录。")
    e.raise_if_any()
    return held_on, title or default_title(held_on), note


def create_study(db: Database, actor: Actor, data: StudyInput) -> StudySession:
    """Record a study with the three lists frozen as of its date (one audit entry)."""
    with db.transaction() as s:
        _require(actor)
        held_on, title, note = _validate(s, data)
        made_at = utcnow()
        text = dump_snapshot(freeze_lists(s, held_on, made_at=made_at.isoformat()))
        study = StudySession(held_on=held_on, title=title, note=note, snapshot=text,
                             site=site_code(s), created_at=made_at, updated_at=made_at)
        s.add(study)
        s.flush()
        _audit(s, actor, study, "create", f"登记专题研究 {held_on.isoformat()}：{title}")
        return study


def delete_study(db: Database, actor: Actor, study_id: uuid.UUID,
                 expected_version: int) -> StudySession:
    """Tombstone a study recorded by mistake (its snapshot stays on record, unchanged)."""
    with db.transaction() as s:
        study = get_live(s, StudySession, study_id, "专题研究")
        _require(actor)
        check_version(study, expected_version, "专题研究")
        before = _image(study)
        study.deleted_at = utcnow()
        touch(study)
        _audit(s, actor, study, "delete",
               f"删除专题研究 {study.held_on.isoformat()}：{study.title}", before=before)
        return study


def _image(study: StudySession) -> dict[str, object]:
    # The snapshot can be megabytes: the audit log keeps its digest, which is enough to prove
    # the stored text unchanged, instead of a copy.
    image = record_image(study, omit=("snapshot",))
    image["snapshot_sha256"] = hashlib.sha256(study.snapshot.encode("utf-8")).hexdigest()
    image["snapshot_bytes"] = len(study.snapshot.encode("utf-8"))
    return image


def _audit(s: Session, actor: Actor, study: StudySession, action: str, summary: str, *,
           before: dict[str, object] | None = None) -> None:
    s.flush()
    write_audit(s, actor, action, StudySession.__tablename__, study.id, summary,
                before=before, after=_image(study), site=site_code(s))
