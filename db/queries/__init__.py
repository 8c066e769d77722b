"""The read side: list pages, search, checklists, quotas, deadlines and statistics.

Everything here is derived from stored records, never typed; tombstoned rows never count.
Results are small frozen dataclasses, usable without a session by the UI, charts and reports.
Queries are SQLAlchemy expressions that run on SQLite and PostgreSQL; only the search uses
SQLite's FTS5 index, with a LIKE fallback elsewhere.
"""

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

__all__ = [
    "CadreRef", "Checklist", "ChecklistItem", "DeadlineSummary", "LeaderQuotas", "ProblemFilter",
    "ProblemRow", "ProblemStats", "QuotaStatus", "StatsFilter", "TaskDeadline", "VisitFilter",
    "VisitRef", "VisitRow", "VisitStats", "cadre_checklist", "campaign_period", "checklists",
    "deadline_summary", "leader_quotas", "not_gone_down", "problem_count", "problem_page",
    "problem_stats", "problem_totals", "task_deadlines", "visit_count", "visit_page",
    "visit_stats",
]
