"""走访日志: the visit log tab's content (entry form, filters, table, details)."""

from desktop.ui.visits.widget import VisitLogWidget

__all__ = ["VisitLogWidget"]
