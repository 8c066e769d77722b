"""Every report the application prints, by the name the CLI and the Reports menu use.

A report kind is a function that writes one PDF from the database; the menu and the CLI only
pick the kind and its parameters. Every parameter is optional: each kind chooses a sensible
default (the latest month, the latest stored study, every overdue task, …), so
``main.py report KIND --out FILE.pdf`` works with nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.progress import Progress

if TYPE_CHECKING:
    from db.engine import Database


@dataclass(frozen=True)
class ReportParams:
    """What a report is about; None everywhere means "the kind's default"."""

    month: str | None = None      # "YYYY-MM"; default: the latest month with data
    region: str | None = None     # a region's name or id; default: the whole organisation
    study_id: str | None = None   # a stored monthly study; default: the latest one
    task_id: str | None = None    # chase notice: one task; default: every overdue task
    branch_id: str | None = None  # cadre monthly sheets: one branch; default: every branch
    phase: str | None = None      # a phase code; default: the current phase


Builder = Callable[["Database", Path, ReportParams, Progress], None]


@dataclass(frozen=True)
class ReportKind:
    key: str                  # the CLI name, e.g. "monthly-study"
    title: str                # Chinese title: the reports are Chinese documents
    params: tuple[str, ...]   # the ReportParams fields this kind uses
    build: Builder            # writes the PDF at the given path


# Filled in one place, in menu order.
REPORTS: dict[str, ReportKind] = {kind.key: kind for kind in [
]}


def build_report(database: Database, key: str, out: Path,
                 params: ReportParams | None = None, progress: Progress | None = None) -> None:
    """Write report *key* to *out*; KeyError for an unknown kind."""
    kind = REPORTS[key]
    kind.build(database, out, params or ReportParams(), progress or Progress())
