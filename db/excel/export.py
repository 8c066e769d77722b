"""Exports: any table to .xlsx (``export_rows``), and each importable kind in its template's
column order (``export_kind``), written so that importing an export finds every row already
stored and changes nothing."""

from __future__ import annotations

import unicodedata
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.excel.bulk import no_gc_pauses
from db.excel.cells import name_key
from db.excel.columns import spec_for
from db.excel.lookups import Lookups
from db.excel.xlsx_writer import write_table
from db.models import (
    Assignment,
    Cadre,
    PartyBranch,
    Problem,
    Region,
    Unit,
    Visit,
    VisitActivity,
    VisitCadre,
)
from db.vocab import (
    ACTIVITIES,
    ASSIGNMENT_KINDS,
    METHODS,
    REPORTER_TYPES,
    TIERS,
    UNIT_KINDS,
)

WIDTH_SAMPLE_ROWS = 200


@dataclass(frozen=True)
class ExportColumn:
    header: str
    width: float | None = None  # in Excel's character units; None: from the contents


def display_width(text: str) -> int:
    """Columns a text takes in Excel: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return display_width(str(value))


def export_rows(path: Path, columns: Sequence[ExportColumn | str],
                rows: Iterable[Sequence[Any]], *, sheet_name: str = "数据") -> int:
    """Write a table: a bold frozen header row and typed cells (dates as dates formatted
    yyyy-mm-dd, numbers as numbers, text as text). Returns the number of rows written.

    Widths not given are measured on the header and the first rows (CJK counts double)."""
    cols = [c if isinstance(c, ExportColumn) else ExportColumn(str(c)) for c in columns]
    it = iter(rows)
    head: list[Sequence[Any]] = []
    for row in it:
        head.append(row)
        if len(head) >= WIDTH_SAMPLE_ROWS:
            break
    widths = []
    for i, c in enumerate(cols):
        if c.width is not None:
            widths.append(c.width)
            continue
        longest = max([display_width(c.header) + 2,
                       *(_cell_width(r[i]) for r in head if i < len(r))])
        widths.append(float(min(max(longest + 2, 8), 60)))

    def all_rows() -> Iterator[Sequence[Any]]:
        yield from head
        yield from it

    return write_table(Path(path), sheet_name, [c.header for c in cols], widths, all_rows())


# -- the five kinds ------------------------------------------------------------------------


def _yes(value: bool) -> str:
    return "是" if value else "否"


def _live(model: Any) -> Any:
    return model.deleted_at.is_(None)


def _filtered(stmt: Any, model: Any, filters: dict[str, Any], date_col: Any = None) -> Any:
    if date_col is not None and filters.get("date_from"):
        stmt = stmt.where(date_col >= filters["date_from"])
    if date_col is not None and filters.get("date_to"):
        stmt = stmt.where(date_col <= filters["date_to"])
    if filters.get("unit_id") and hasattr(model, "unit_id"):
        stmt = stmt.where(model.unit_id == filters["unit_id"])
    if filters.get("region_id") and hasattr(model, "region_id"):
        stmt = stmt.where(model.region_id == filters["region_id"])
    return stmt


def _region_of(lk: Lookups, unit_id: uuid.UUID | None) -> str:
    unit = lk.units.get(unit_id) if unit_id else None
    region = lk.regions.get(unit.region_id) if unit else None
    return region.name if region else ""


def _unit_name(lk: Lookups, unit_id: uuid.UUID | None) -> str:
    unit = lk.units.get(unit_id) if unit_id else None
    return unit.name if unit else ""


def _units(s: Session, lk: Lookups, f: dict[str, Any]) -> Iterator[list[Any]]:
    stmt = select(Unit).where(_live(Unit)).order_by(Unit.sort_order, Unit.name)
    for u in s.execute(_filtered(stmt, Unit, f)).scalars():
        region = lk.regions.get(u.region_id)
        yield [u.name, UNIT_KINDS.label(u.kind), region.name if region else "", u.address]


def _cadres(s: Session, lk: Lookups, f: dict[str, Any]) -> Iterator[list[Any]]:
    branches = dict(s.execute(select(PartyBranch.id, PartyBranch.name)).all())
    stmt = select(Cadre).where(_live(Cadre)).order_by(Cadre.name)
    for c in s.execute(_filtered(stmt, Cadre, f)).scalars():
        yield [c.name, _unit_name(lk, c.unit_id), _region_of(lk, c.unit_id), TIERS.label(c.tier),
               c.position, c.phone, c.gender, branches.get(c.branch_id, "")]


def _assignments(s: Session, lk: Lookups, f: dict[str, Any]) -> Iterator[list[Any]]:
    stmt = select(Assignment).where(_live(Assignment)).order_by(Assignment.started_on)
    for a in s.execute(_filtered(stmt, Assignment, f, Assignment.started_on)).scalars():
        yield [lk.cadre_label(a.cadre_id), _unit_name(lk, a.unit_id), _region_of(lk, a.unit_id),
               ASSIGNMENT_KINDS.label(a.kind), a.started_on, a.ended_on, a.note]


def _visit_cadres(s: Session, lk: Lookups, ids: Any) -> dict[int, list[str]]:
    """Cadre labels per visit sort key, joined in SQL so that no UUID becomes an object (at
    100,000 visits that conversion alone took seconds). A shared name gets its unit."""
    counts = Counter(name_key(c.name) for c in lk.cadres.values())
    shared = {c.name for c in lk.cadres.values() if counts[name_key(c.name)] > 1}
    out: dict[int, list[str]] = defaultdict(list)
    for key, name, unit_name in s.execute(
            select(ids.c.sort_key, Cadre.name, Unit.name)
            .select_from(VisitCadre)
            .join(ids, ids.c.id == VisitCadre.visit_id)
            .join(Cadre, Cadre.id == VisitCadre.cadre_id)
            .join(Unit, Unit.id == Cadre.unit_id)):
        out[key].append(f"{name}（{unit_name}）" if name in shared else name)
    return out


def _visits(s: Session, lk: Lookups, f: dict[str, Any]) -> Iterator[list[Any]]:
    ids = _filtered(select(Visit.id, Visit.sort_key).where(_live(Visit)), Visit, f,
                    Visit.visit_date).subquery()
    cadres = _visit_cadres(s, lk, ids)
    order = {code: i for i, code in enumerate(ACTIVITIES.codes())}
    acts: dict[int, list[str]] = defaultdict(list)
    for key, act in s.execute(select(ids.c.sort_key, VisitActivity.activity)
                              .join(ids, ids.c.id == VisitActivity.visit_id)):
        acts[key].append(act)
    stmt = _filtered(select(
        Visit.sort_key, Visit.number, Visit.visit_date, Unit.name, Region.name, Visit.method,
        Visit.students_met, Visit.teachers_met, Visit.parents_met, Visit.content,
        Visit.talked_with, Visit.findings, Visit.reported_to_branch,
    ).join(Unit, Unit.id == Visit.unit_id).join(Region, Region.id == Unit.region_id)
        .where(_live(Visit)), Visit, f, Visit.visit_date).order_by(Visit.sort_key)
    methods = {t.code: t.zh for t in METHODS}
    labels = {t.code: t.zh for t in ACTIVITIES}
    for (key, number, d, unit, region, method, students, teachers, parents, content, talked,
         findings, reported) in s.execute(stmt).yield_per(5000):
        activities = sorted(acts.get(key, ()), key=lambda a: order.get(a, 99))
        yield [number, d, "、".join(sorted(cadres.get(key, ()))), unit, region,
               methods.get(method, method), "、".join(labels.get(a, a) for a in activities),
               students, teachers, parents, content, talked, findings, _yes(reported)]


def _problems(s: Session, lk: Lookups, f: dict[str, Any], personal: bool
              ) -> Iterator[list[Any]]:
    collected = {c.id: lk.cadre_label(c.id) for c in lk.cadres.values()}
    # The bureau's own terms export as their labels, which the importer reads back.
    channels, areas, categories = (lk.vocabs.source_channel, lk.vocabs.area,
                                   lk.vocabs.category)
    stmt = _filtered(select(Problem).where(_live(Problem)), Problem, f, Problem.reported_on)
    for p in s.execute(stmt.order_by(Problem.sort_key)).scalars().yield_per(5000):
        region = lk.regions.get(p.region_id) if p.region_id else None
        yield [p.number, p.reported_on, channels.label(p.source_channel),
               REPORTER_TYPES.label(p.reporter_type),
               p.reporter_name if personal else "", p.reporter_phone if personal else "",
               _unit_name(lk, p.unit_id), region.name if region else "",
               areas.label(p.area), categories.label(p.category), p.description,
               _yes(p.strongly_reported),
               collected.get(p.collected_by_id, "") if p.collected_by_id else ""]


def export_kind(session: Session, kind: str, path: Path, filters: dict[str, Any] | None = None,
                *, personal: bool = True) -> int:
    """Export the live records of *kind* in its template's column order (plus the number, for
    visits and problems, which an import ignores). Returns the number of rows.

    *filters*: ``date_from`` / ``date_to`` (visits, problems, assignments), ``unit_id``,
    ``region_id``. ``personal=False`` leaves out reporters' names and phones (for anything
    that leaves the office: DOMAIN.md, personal data is never published)."""
    spec = spec_for(kind)
    f = dict(filters or {})
    lk = Lookups(session)
    rows: Iterator[list[Any]]
    if spec.kind == "units":
        rows = _units(session, lk, f)
    elif spec.kind == "cadres":
        rows = _cadres(session, lk, f)
    elif spec.kind == "assignments":
        rows = _assignments(session, lk, f)
    elif spec.kind == "visits":
        rows = _visits(session, lk, f)
    else:
        rows = _problems(session, lk, f, personal)
    columns = [ExportColumn(c.label, c.width) for c in spec.columns]
    with no_gc_pauses():
        return export_rows(path, columns, rows, sheet_name=spec.title)
