"""Small reads the visit log needs that db.queries does not offer (yet): the choices for the
pickers and one visit in full for the details panel and the edit form.

Qt-free on purpose, so the lead can move these into db.queries unchanged. Results are frozen
dataclasses, usable after the session is closed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlmodel import Session

from db.models import Cadre, Problem, Region, Unit, Visit, VisitActivity, VisitCadre
from db.vocab import ACTIVITIES

_ACTIVITY_ORDER = {code: i for i, code in enumerate(ACTIVITIES.codes())}


@dataclass(frozen=True, slots=True)
class CadreChoice:
    id: uuid.UUID
    name: str
    initials: str  # pinyin initials, "zs" for 张三
    unit_name: str
    position: str
    active: bool


@dataclass(frozen=True, slots=True)
class UnitChoice:
    id: uuid.UUID
    name: str
    region_id: uuid.UUID
    region_name: str
    kind: str  # vocab.UNIT_KINDS


@dataclass(frozen=True, slots=True)
class RegionChoice:
    id: uuid.UUID
    name: str


@dataclass(frozen=True, slots=True)
class VisitProblem:
    id: uuid.UUID
    number: str
    description: str
    status: str  # vocab.PROBLEM_STATUSES
    strongly_reported: bool


@dataclass(frozen=True, slots=True)
class VisitDetail:
    """One live visit with everything the form and the details panel show."""

    id: uuid.UUID
    number: str
    version: int
    visit_date: date
    unit: UnitChoice
    method: str
    cadres: tuple[CadreChoice, ...]
    activities: tuple[str, ...]
    students_met: int
    teachers_met: int
    parents_met: int
    content: str
    talked_with: str
    findings: str
    reported_to_branch: bool
    problems: tuple[VisitProblem, ...]


def cadre_choices(session: Session) -> list[CadreChoice]:
    """Every cadre that is not tombstoned (inactive ones too: the filter needs them)."""
    rows = session.execute(
        select(Cadre.id, Cadre.name, Cadre.name_initials, Unit.name, Cadre.position, Cadre.active)
        .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
        .where(Cadre.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Cadre.name_initials, Cadre.name)
    )
    return [CadreChoice(r[0], r[1], (r[2] or "").lower(), r[3] or "", r[4] or "", bool(r[5]))
            for r in rows]


def unit_choices(session: Session) -> list[UnitChoice]:
    rows = session.execute(
        select(Unit.id, Unit.name, Unit.region_id, Region.name, Unit.kind)
        .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
        .where(Unit.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Unit.sort_order, Unit.name)
    )
    return [UnitChoice(r[0], r[1], r[2], r[3] or "", r[4]) for r in rows]


def region_choices(session: Session) -> list[RegionChoice]:
    rows = session.execute(
        select(Region.id, Region.name)
        .where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Region.name)
    )
    return [RegionChoice(r[0], r[1]) for r in rows]


def visit_detail(session: Session, visit_id: uuid.UUID) -> VisitDetail | None:
    """The visit, or None when it does not exist or was deleted."""
    visit = session.get(Visit, visit_id)
    if visit is None or visit.deleted_at is not None:
        return None
    unit_row = session.execute(
        select(Unit.id, Unit.name, Unit.region_id, Region.name, Unit.kind)
        .join(Region, Region.id == Unit.region_id)  # type: ignore[arg-type]
        .where(Unit.id == visit.unit_id)
    ).one()
    cadres = session.execute(
        select(Cadre.id, Cadre.name, Cadre.name_initials, Unit.name, Cadre.position, Cadre.active)
        .join(VisitCadre, VisitCadre.cadre_id == Cadre.id)  # type: ignore[arg-type]
        .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
        .where(VisitCadre.visit_id == visit.id)
        .order_by(Cadre.name)
    )
    activities = sorted(
        session.execute(select(VisitActivity.activity)
                        .where(VisitActivity.visit_id == visit.id)).scalars(),
        key=lambda a: _ACTIVITY_ORDER.get(a, len(_ACTIVITY_ORDER)))
    problems = session.execute(
        select(Problem.id, Problem.number, Problem.description, Problem.status,
               Problem.strongly_reported)
        .where(Problem.visit_id == visit.id,
               Problem.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Problem.sort_key)  # type: ignore[arg-type]
    )
    return VisitDetail(
        id=visit.id, number=visit.number, version=visit.version, visit_date=visit.visit_date,
        unit=UnitChoice(unit_row[0], unit_row[1], unit_row[2], unit_row[3] or "", unit_row[4]),
        method=visit.method,
        cadres=tuple(CadreChoice(r[0], r[1], (r[2] or "").lower(), r[3] or "", r[4] or "",
                                 bool(r[5])) for r in cadres),
        activities=tuple(activities), students_met=visit.students_met,
        teachers_met=visit.teachers_met, parents_met=visit.parents_met, content=visit.content,
        talked_with=visit.talked_with, findings=visit.findings,
        reported_to_branch=visit.reported_to_branch,
        problems=tuple(VisitProblem(r[0], r[1], r[2], r[3], bool(r[4])) for r in problems),
    )
