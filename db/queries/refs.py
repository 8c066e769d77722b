"""Small, session-free references to records, shared by the query modules' results."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlmodel import Session

from db.models import Cadre, Unit


@dataclass(frozen=True, slots=True)
class VisitRef:
    """A visit cited as evidence: enough to show it and to open it."""

    id: uuid.UUID
    number: str
    visit_date: date


@dataclass(frozen=True, slots=True)
class CadreRef:
    id: uuid.UUID
    name: str
    tier: str  # vocab.TIERS
    unit_name: str
    position: str


def cadre_refs(session: Session, *where: ColumnElement[bool]) -> list[CadreRef]:
    """Cadres (never tombstoned ones) matching *where*, ordered by unit and name."""
    rows = session.execute(
        select(Cadre.id, Cadre.name, Cadre.tier, Unit.name, Cadre.position)
        .join(Unit, Unit.id == Cadre.unit_id)  # type: ignore[arg-type]
        .where(Cadre.deleted_at.is_(None), *where)  # type: ignore[union-attr]
        .order_by(Unit.sort_order, Unit.name, Cadre.name)
    )
    return [CadreRef(r[0], r[1], r[2], r[3] or "", r[4] or "") for r in rows]
