"""What the report dialog offers for each parameter, read from the database in one go.

No Qt here (it could move to ``db/queries`` unchanged). Every list is what a clerk would pick
from, in the order they would look for it, with the kind's default marked: the latest month
with data, the latest stored study, the current phase. Region, task and branch default to
"all" (None), which every kind reads as the whole organisation / every overdue task / every
branch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from db.campaign import campaign_phases, current_campaign, local_site_code
from db.models import PartyBranch, Problem, Region, Task, Unit, Visit
from db.queries.studies import list_studies


@dataclass(frozen=True, slots=True)
class Choice:
    value: str  # what goes into ReportParams
    label: str  # what the clerk sees (a name, number and title; vocabulary codes for phases)
    starts_on: date | None = None  # a phase's dates; a task's deadline (ends_on)
    ends_on: date | None = None


@dataclass(frozen=True, slots=True)
class ReportChoices:
    months: list[Choice] = field(default_factory=list)  # newest first
    regions: list[Choice] = field(default_factory=list)
    studies: list[Choice] = field(default_factory=list)  # newest first
    tasks: list[Choice] = field(default_factory=list)  # the overdue ones, most late first
    branches: list[Choice] = field(default_factory=list)
    phases: list[Choice] = field(default_factory=list)
    current_phase: str | None = None  # the phase today falls in (else the last one begun)


def _month_keys(session: Session, column: object) -> set[str]:
    low, high = session.execute(select(func.min(column), func.max(column))).one()
    if low is None or high is None:
        return set()
    keys: set[str] = set()
    year, month = low.year, low.month
    while (year, month) <= (high.year, high.month):
        keys.add(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def load_choices(session: Session, today: date | None = None) -> ReportChoices:
    today = today or date.today()
    # Every month from the first visit or problem to the last one: a month without records
    # still has a (short) report, and a gap in the list would look like lost data.
    months = sorted(
        _month_keys(session, Visit.visit_date) | _month_keys(session, Problem.reported_on),
        reverse=True)
    regions = session.execute(
        select(Region.id, Region.name).where(Region.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Region.sort_order, Region.name)).all()
    # Only this site's own studies: those exchanged from other sites are theirs to print.
    site = local_site_code(session)
    studies = [row for row in list_studies(session) if row.site == site]
    tasks = session.execute(
        select(Task.id, Task.number, Task.title, Task.deadline)
        .where(Task.deleted_at.is_(None), Task.status.in_(("open", "done")),  # type: ignore[union-attr,attr-defined]
               Task.deadline < today)  # type: ignore[arg-type]
        .order_by(Task.deadline, Task.number)).all()
    branches = session.execute(
        select(PartyBranch.id, PartyBranch.name)
        .join(Unit, Unit.id == PartyBranch.unit_id)  # type: ignore[arg-type]
        .where(PartyBranch.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Unit.sort_order, PartyBranch.name)).all()
    campaign = current_campaign(session)
    phases = campaign_phases(session, campaign) if campaign is not None else []
    current = None
    for phase in phases:  # ordered by start: the last one begun by today
        if phase.starts_on <= today:
            current = phase.code
    if current is None and phases:
        current = phases[0].code
    return ReportChoices(
        months=[Choice(m, m) for m in months],
        regions=[Choice(str(rid), name) for rid, name in regions],
        studies=[Choice(str(s.id), f"{s.held_on.isoformat()}  {s.title}") for s in studies],
        tasks=[Choice(str(tid), f"{number}  {title}", ends_on=deadline)
               for tid, number, title, deadline in tasks],
        branches=[Choice(str(bid), name) for bid, name in branches],
        phases=[Choice(p.code, p.code, p.starts_on, p.ends_on) for p in phases],
        current_phase=current,
    )
