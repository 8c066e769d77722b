"""Reading a figure back: its bars, texts and tick labels."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Text


def render(fig: Figure) -> None:
    """Draw with Agg, as the screen does (outside the house style context, like the tab)."""
    FigureCanvasAgg(fig).draw()


def texts(fig: Figure) -> list[str]:
    """Every visible string in the figure, tick labels and legend included."""
    render(fig)  # tick labels exist only once drawn
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def bars(ax: Axes) -> list[BarContainer]:
    return [c for c in ax.containers if isinstance(c, BarContainer)]


def series(ax: Axes) -> dict[str, list[float]]:
    """Bar series by legend label: heights (vertical bars) or widths (horizontal)."""
    out: dict[str, list[float]] = {}
    for c in bars(ax):
        horizontal = c.orientation == "horizontal"
        out[str(c.get_label())] = [float(p.get_width() if horizontal else p.get_height())
                              for p in c.patches]
    return out


def ticks(labels: list[Text]) -> list[str]:
    return [t.get_text() for t in labels]
