"""The newest visits read with the plain sqlite3 module, for the window's first rows.

Before the visit log tab can show anything, SQLAlchemy, SQLModel, the models and the services
must be imported (about a second); this module imports none of them, so the newest page can be
on screen while that happens (desktop.ui.visits.preview). It gives the same rows as
``db.queries.visits.visit_page(session, limit=n)`` without filters — a test compares the two.

It only reads, on a read-only connection, and never explains a failure: a missing, damaged or
foreign file gives None, and the real open that follows reports the problem.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from db.queries.text import short
from db.vocab import ACTIVITIES

if TYPE_CHECKING:
    from pathlib import Path

_ACTIVITY_ORDER = {code: i for i, code in enumerate(ACTIVITIES.codes())}

# The columns and joins of visit_page: live visits newest first, the unit's and region's names.
_ROWS = """
    SELECT v.id, v.number, v.sort_key, v.visit_date, u.name, r.name, v.method,
           v.students_met, v.teachers_met, v.parents_met, v.content, v.findings,
           v.reported_to_branch
    FROM visit AS v
    JOIN unit AS u ON u.id = v.unit_id
    LEFT JOIN region AS r ON r.id = u.region_id
    WHERE v.deleted_at IS NULL
    ORDER BY v.sort_key DESC
    LIMIT ?
"""


@dataclass(frozen=True, slots=True)
class FirstPageRow:
    """One line of the visit table, with the fields of db.queries.visits.VisitRow that the
    table shows; ``id`` is the stored 32-digit hex text."""

    id: str
    number: str
    sort_key: int
    visit_date: date
    unit_name: str
    region_name: str
    method: str
    cadre_names: str  # joined with "、", by name as visit_page orders them
    activities: tuple[str, ...]  # in vocabulary order
    students_met: int
    teachers_met: int
    parents_met: int
    summary: str
    reported_to_branch: bool


def first_page(path: Path, limit: int = 50) -> list[FirstPageRow] | None:
    """The newest *limit* live visits of the SQLite file *path*; None when it cannot be read
    as a visit log (no such file, not a database, damaged, another schema)."""
    try:
        # mode=ro: never creates the file, never writes (a WAL file is only read).
        # (as_uri escapes spaces, #, ? and Chinese folder names for the URI.)
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True,
                                     timeout=1.0)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return _read(connection, limit)
    except (sqlite3.Error, ValueError, TypeError):
        return None  # damaged, half-migrated or not ours: the real open will say why
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, limit: int) -> list[FirstPageRow]:
    rows = connection.execute(_ROWS, (limit,)).fetchall()
    ids = [r[0] for r in rows]
    names: dict[str, list[str]] = {i: [] for i in ids}
    acts: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for visit_id, name in connection.execute(
                "SELECT vc.visit_id, c.name FROM visit_cadre AS vc "
                f"JOIN cadre AS c ON c.id = vc.cadre_id WHERE vc.visit_id IN ({marks}) "
                "ORDER BY c.name", ids):
            names[visit_id].append(name)
        for visit_id, activity in connection.execute(
                f"SELECT visit_id, activity FROM visit_activity WHERE visit_id IN ({marks})",
                ids):
            acts[visit_id].append(activity)
    return [
        FirstPageRow(
            id=r[0], number=r[1], sort_key=int(r[2]), visit_date=date.fromisoformat(r[3]),
            unit_name=r[4] or "", region_name=r[5] or "", method=r[6],
            cadre_names="、".join(names[r[0]]),
            activities=tuple(sorted(acts[r[0]], key=lambda a: _ACTIVITY_ORDER.get(
                a, len(_ACTIVITY_ORDER)))),
            students_met=r[7], teachers_met=r[8], parents_met=r[9],
            summary=short(r[10] or r[11] or ""), reported_to_branch=bool(r[12]),
        )
        for r in rows
    ]
