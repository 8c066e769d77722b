"""走访日志: the visit log tab's content (entry form, filters, table, details)."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.ui.visits.widget import VisitLogWidget

__all__ = ["VisitLogWidget"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the window's first-rows preview (desktop.ui.visits.preview) loads
    # before the database is open and must not pull in the widget's SQLAlchemy imports.
    if name != "VisitLogWidget":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from desktop.ui.visits.widget import VisitLogWidget

    return VisitLogWidget
