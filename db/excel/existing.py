"""What is already stored, by duplicate key (see ``kinds``): read when planning an import and
read again inside the import's transaction, so a row stored meanwhile is not stored twice."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.excel.cells import name_key
from db.excel.kinds import Key, problem_key, visit_key
from db.models import Assignment, Cadre, Problem, Unit, Visit, VisitCadre


@dataclass(frozen=True)
class Stored:
    id: uuid.UUID
    version: int
    fields: dict[str, Any]
    deleted: bool = False


@dataclass
class Existing:
    by_key: dict[Key, Stored] = field(default_factory=dict)
    by_phone: dict[str, Stored] = field(default_factory=dict)  # cadres only


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def load_existing(session: Session, kind: str, dates: list[date] | None = None) -> Existing:
    """The stored records of *kind* a file could repeat (visits and problems: only those
    dated between the file's first and last date)."""
    out = Existing()
    if kind == "units":
        # Tombstoned units too: the (region, name) constraint covers them.
        for uid, version, name, region_id, kind_, address, deleted in session.execute(
                select(Unit.id, Unit.version, Unit.name, Unit.region_id, Unit.kind,
                       Unit.address, Unit.deleted_at)):
            out.by_key[(region_id, name_key(name))] = Stored(
                uid, version, {"name": name, "kind": kind_, "address": address},
                deleted is not None)
    elif kind == "cadres":
        for c in session.execute(select(Cadre).where(_live(Cadre))).scalars():
            stored = Stored(c.id, c.version, {
                "name": c.name, "unit_id": c.unit_id, "tier": c.tier, "position": c.position,
                "phone": c.phone, "gender": c.gender, "branch_id": c.branch_id})
            out.by_key[(name_key(c.name), c.unit_id)] = stored
            if c.phone:
                out.by_phone.setdefault(c.phone, stored)
    elif kind == "assignments":
        for a in session.execute(select(Assignment).where(_live(Assignment))).scalars():
            out.by_key[(a.cadre_id, a.unit_id, a.kind, a.started_on)] = Stored(
                a.id, a.version, {"ended_on": a.ended_on, "note": a.note})
    elif kind == "visits" and dates:
        lo, hi = min(dates), max(dates)
        in_range = (Visit.visit_date >= lo, Visit.visit_date <= hi, _live(Visit))
        cadres: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
        for visit_id, cadre_id in session.execute(
                select(VisitCadre.visit_id, VisitCadre.cadre_id)
                .join(Visit, Visit.id == VisitCadre.visit_id).where(*in_range)):
            cadres[visit_id].append(cadre_id)
        for vid, version, d, unit_id, method, content in session.execute(
                select(Visit.id, Visit.version, Visit.visit_date, Visit.unit_id, Visit.method,
                       Visit.content).where(*in_range)):
            key = visit_key(d, unit_id, method, cadres.get(vid, ()), content)
            out.by_key[key] = Stored(vid, version, {})
    elif kind == "problems" and dates:
        lo, hi = min(dates), max(dates)
        for pid, version, d, unit_id, region_id, description in session.execute(
                select(Problem.id, Problem.version, Problem.reported_on, Problem.unit_id,
                       Problem.region_id, Problem.description)
                .where(Problem.reported_on >= lo, Problem.reported_on <= hi, _live(Problem))):
            out.by_key[problem_key(d, unit_id, region_id, description)] = Stored(
                pid, version, {})
    return out
