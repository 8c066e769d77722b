"""Leaders' quotas from the plan, checked from the lists (never ticked by hand).

- 局领导班子成员 resolve 1–2 problems strongly reported by the masses, 二级单位领导班子成员 1
  (二（一）): distinct problems flagged 群众反映强烈 and closed out, served by a task the leader
  leads (lead_leader_id);
- every 班子成员 personally leads at least one 民生实事项目, and so does each 党组织书记 as the
  first responsible person (三（一）): tasks flagged is_livelihood_project that the cadre leads.

Targets come from the settings quota.*, so a bureau can change them.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlmodel import Session

from db.campaign import get_setting
from db.models import Cadre, Problem, Task, TaskProblem
from db.queries.refs import CadreRef, cadre_refs
from db.vocab import LEADERSHIP_TIERS

STRONG_PROBLEM_TIERS = ("bureau_leader", "unit_leader")
PROJECT_TIERS = (*sorted(LEADERSHIP_TIERS), "branch_secretary")

STRONG_PROBLEMS = "strong_problems"
PROJECTS = "projects"


@dataclass(frozen=True, slots=True)
class QuotaStatus:
    code: str  # STRONG_PROBLEMS or PROJECTS
    count: int  # problems resolved / projects led
    target_min: int
    target_max: int | None
    met: bool
    text: str  # one line in Chinese
    closed: int = 0  # projects: how many of those led are closed out


@dataclass(frozen=True, slots=True)
class LeaderQuotas:
    cadre: CadreRef
    quotas: tuple[QuotaStatus, ...]

    @property
    def all_met(self) -> bool:
        return all(q.met for q in self.quotas)

    def quota(self, code: str) -> QuotaStatus | None:
        return next((q for q in self.quotas if q.code == code), None)


def _int(session: Session, key: str, default: int | None) -> int | None:
    value = get_setting(session, key)
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default


def _target_text(lo: int, hi: int | None) -> str:
    return f"{lo}–{hi}" if hi is not None and hi > lo else str(lo)


def _strong_status(count: int, lo: int, hi: int | None) -> QuotaStatus:
    met = count >= lo
    head = f"解决群众反映强烈问题 {count} 个（要求 {_target_text(lo, hi)} 个）"
    tail = "，已达标" if met else f"，未达标，还差 {lo - count} 个"
    return QuotaStatus(STRONG_PROBLEMS, count, lo, hi, met, head + tail)


def _project_status(led: int, closed: int, lo: int) -> QuotaStatus:
    met = led >= lo
    head = f"领办民生实事项目 {led} 个（已销号 {closed} 个，要求至少 {lo} 个）"
    tail = "，已达标" if met else f"，未达标，还差 {lo - led} 个"
    return QuotaStatus(PROJECTS, led, lo, None, met, head + tail, closed)


def _task_window(date_from: date | None, date_to: date | None) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = [Task.deleted_at.is_(None)]  # type: ignore[union-attr]
    if date_from is not None:
        conds.append(Task.opened_on >= date_from)  # type: ignore[arg-type]
    if date_to is not None:
        conds.append(Task.opened_on <= date_to)  # type: ignore[arg-type]
    return conds


def leader_quotas(session: Session, cadre_ids: Collection[uuid.UUID] | None = None, *,
                  date_from: date | None = None, date_to: date | None = None
                  ) -> list[LeaderQuotas]:
    """Quotas of every active leader and branch secretary (or of the given cadres).

    Tasks count when opened within [date_from, date_to] (pass the campaign's dates).
    """
    where: list[ColumnElement[bool]] = [Cadre.tier.in_(PROJECT_TIERS)]  # type: ignore[attr-defined]
    if cadre_ids is not None:
        where.append(Cadre.id.in_(list(cadre_ids)))  # type: ignore[attr-defined]
    else:
        where.append(Cadre.active.is_(True))  # type: ignore[attr-defined]
    leaders = cadre_refs(session, *where)
    if not leaders:
        return []
    window = _task_window(date_from, date_to)

    strong = dict(session.execute(
        select(Task.lead_leader_id, func.count(func.distinct(Problem.id)))
        .join(TaskProblem, TaskProblem.task_id == Task.id)  # type: ignore[arg-type]
        .join(Problem, Problem.id == TaskProblem.problem_id)  # type: ignore[arg-type]
        .where(*window, Task.lead_leader_id.is_not(None),  # type: ignore[union-attr]
               Problem.deleted_at.is_(None),  # type: ignore[union-attr]
               Problem.strongly_reported.is_(True),  # type: ignore[attr-defined]
               Problem.status == "closed")
        .group_by(Task.lead_leader_id)
    ).all())
    projects = {r[0]: (int(r[1]), int(r[2] or 0)) for r in session.execute(
        select(Task.lead_leader_id, func.count(),
               func.sum(case((Task.status == "closed", 1), else_=0)))
        .where(*window, Task.lead_leader_id.is_not(None),  # type: ignore[union-attr]
               Task.is_livelihood_project.is_(True))  # type: ignore[attr-defined]
        .group_by(Task.lead_leader_id)
    )}

    targets = {
        "bureau_leader": (_int(session, "quota.bureau_leader.strong_problems_min", 1) or 0,
                          _int(session, "quota.bureau_leader.strong_problems_max", None)),
        "unit_leader": (_int(session, "quota.unit_leader.strong_problems_min", 1) or 0,
                        _int(session, "quota.unit_leader.strong_problems_max", None)),
    }
    project_min = _int(session, "quota.leadership.projects_min", 1) or 0

    out = []
    for c in leaders:
        quotas = []
        if c.tier in STRONG_PROBLEM_TIERS:
            lo, hi = targets[c.tier]
            quotas.append(_strong_status(int(strong.get(c.id, 0)), lo, hi))
        led, closed = projects.get(c.id, (0, 0))
        quotas.append(_project_status(led, closed, project_min))
        out.append(LeaderQuotas(c, tuple(quotas)))
    return out
