"""Human-readable numbers (问题编号 ...) and the date-ordered sort keys of visits and problems."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from db.models import NumberSequence, Problem, Visit

# kind → the letters in the number: 走访 ZF, 问题 WT, 任务 RW.
PREFIXES = {"visit": "ZF", "problem": "WT", "task": "RW"}

EPOCH = date(2000, 1, 1)
DAY_SHIFT = 20  # up to 2**20 visits (or problems) per day per database


def format_number(site: str, kind: str, year: int, seq: int) -> str:
    return f"{site}-{PREFIXES[kind]}{year}-{seq:05d}"


def next_number(session: Session, site: str, kind: str, year: int) -> str:
    """The next number for *kind* made at *site* in *year*, e.g. ``SZ-WT2022-00017``."""
    row = session.get(NumberSequence, (site, kind, year))
    if row is None:
        row = NumberSequence(site=site, kind=kind, year=year, last=0)
        session.add(row)
    row.last += 1
    session.flush()
    return format_number(site, kind, year, row.last)


def day_base(d: date) -> int:
    return (d - EPOCH).days << DAY_SHIFT


def next_sort_key(session: Session, model: type[Visit] | type[Problem], d: date) -> int:
    """A new sort key for a record dated *d*: after every key already used on that day."""
    base = day_base(d)
    col = model.sort_key  # type: ignore[attr-defined]
    top = session.execute(
        select(func.max(col)).where(col >= base, col < base + (1 << DAY_SHIFT))
    ).scalar()
    return base if top is None else int(top) + 1


__all__ = ["DAY_SHIFT", "PREFIXES", "day_base", "format_number", "next_number",
           "next_sort_key"]
