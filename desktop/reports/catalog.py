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


def _lazy(module: str) -> Builder:
    """The builder of ``desktop.reports.kinds.<module>``, imported when first run: the kinds
    pull in the queries, matplotlib and reportlab, which the command line's --help and the
    window's first paint should not wait for."""

    def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
        from importlib import import_module

        kind = import_module(f"desktop.reports.kinds.{module}")
        kind.build(database, out, params, progress)

    build.__qualname__ = build.__name__ = f"build_{module}"
    return build


# Filled in one place, in menu order.
REPORTS: dict[str, ReportKind] = {kind.key: kind for kind in [
    ReportKind("monthly-study", "局党组每月专题研究报告", ("study_id", "month"),
               _lazy("monthly_study")),
    ReportKind("work-meeting", "工作调度会领导干部工作情况报告", ("month", "region"),
               _lazy("work_meeting")),
    ReportKind("cadre-sheets", "党员干部个人月度情况表（支部主题党日）", ("month", "branch_id"),
               _lazy("cadre_sheets")),
    ReportKind("assessment", "各地各单位考核评价表", ("month", "region"), _lazy("assessment")),
    ReportKind("three-lists", "三个清单（问题、任务、效果）", ("region",), _lazy("three_lists")),
    ReportKind("chase-notice", "逾期任务催办通知", ("task_id",), _lazy("chase_notice")),
    ReportKind("phase-summary", "活动阶段工作总结", ("phase",), _lazy("phase_summary")),
    ReportKind("five-batches", "“五个一批”成果汇编", (), _lazy("five_batches")),
    ReportKind("manual", "民情台账操作手册", (), _lazy("manual")),
]}


def build_report(database: Database, key: str, out: Path,
                 params: ReportParams | None = None, progress: Progress | None = None) -> None:
    """Write report *key* to *out*; KeyError for an unknown kind."""
    kind = REPORTS[key]
    kind.build(database, out, params or ReportParams(), progress or Progress())
