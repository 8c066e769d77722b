"""The read side: list pages, search, checklists, quotas, deadlines and statistics.

Everything here is derived from stored records, never typed; tombstoned rows never count.
Results are small frozen dataclasses, usable without a session by the UI, charts and reports.
Queries are SQLAlchemy expressions that run on SQLite and PostgreSQL; only the search uses
SQLite's FTS5 index, with a LIKE fallback elsewhere.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.queries.checklist import (
        Checklist,
        ChecklistItem,
        cadre_checklist,
        checklists,
        not_gone_down,
    )
    from db.queries.deadlines import DeadlineSummary, TaskDeadline, deadline_summary, task_deadlines
    from db.queries.periods import campaign_period
    from db.queries.problems import ProblemFilter, ProblemRow, problem_count, problem_page
    from db.queries.quotas import LeaderQuotas, QuotaStatus, leader_quotas
    from db.queries.refs import CadreRef, VisitRef
    from db.queries.stats import (
        ProblemStats,
        StatsFilter,
        VisitStats,
        problem_stats,
        problem_totals,
        visit_stats,
    )
    from db.queries.visits import VisitFilter, VisitRow, visit_count, visit_page

# Each name's module, imported on first use (PEP 562): importing one light module of the
# package (first_page, for the window's first rows) must not pull in SQLAlchemy.
_MODULES = {
    "Checklist": "db.queries.checklist",
    "ChecklistItem": "db.queries.checklist",
    "cadre_checklist": "db.queries.checklist",
    "checklists": "db.queries.checklist",
    "not_gone_down": "db.queries.checklist",
    "DeadlineSummary": "db.queries.deadlines",
    "TaskDeadline": "db.queries.deadlines",
    "deadline_summary": "db.queries.deadlines",
    "task_deadlines": "db.queries.deadlines",
    "campaign_period": "db.queries.periods",
    "ProblemFilter": "db.queries.problems",
    "ProblemRow": "db.queries.problems",
    "problem_count": "db.queries.problems",
    "problem_page": "db.queries.problems",
    "LeaderQuotas": "db.queries.quotas",
    "QuotaStatus": "db.queries.quotas",
    "leader_quotas": "db.queries.quotas",
    "CadreRef": "db.queries.refs",
    "VisitRef": "db.queries.refs",
    "ProblemStats": "db.queries.stats",
    "StatsFilter": "db.queries.stats",
    "VisitStats": "db.queries.stats",
    "problem_stats": "db.queries.stats",
    "problem_totals": "db.queries.stats",
    "visit_stats": "db.queries.stats",
    "VisitFilter": "db.queries.visits",
    "VisitRow": "db.queries.visits",
    "visit_count": "db.queries.visits",
    "visit_page": "db.queries.visits",
}

__all__ = [
    "CadreRef", "Checklist", "ChecklistItem", "DeadlineSummary", "LeaderQuotas", "ProblemFilter",
    "ProblemRow", "ProblemStats", "QuotaStatus", "StatsFilter", "TaskDeadline", "VisitFilter",
    "VisitRef", "VisitRow", "VisitStats", "cadre_checklist", "campaign_period", "checklists",
    "deadline_summary", "leader_quotas", "not_gone_down", "problem_count", "problem_page",
    "problem_stats", "problem_totals", "task_deadlines", "visit_count", "visit_page",
    "visit_stats",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
