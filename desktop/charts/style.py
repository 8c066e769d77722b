"""The house style of every chart: bundled fonts, sizes for A4 and screen, black-and-white safe.

Charts are printed on office laser printers and photocopied, so nothing may depend on colour:
series differ by grey level and edge style (hatching is an extra only: the PDF embedding in
``desktop.reports.mplpdf`` draws no hatches), every bar carries its value as text, and lines
carry markers.

Fonts are registered with matplotlib's font manager once, on first use, never at import. The
style is applied with ``house_style()`` (an ``rc_context``) while a figure is *built*; a figure
must then draw the same outside the context (the Qt canvas redraws it later, the reports draw
it with their own renderer), so ``freeze`` fixes on the figure everything that matplotlib would
otherwise read from the global rcParams at draw time (the font family of lazily made ticks).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, cast

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure

from desktop.fonts import FONTS, FontRole, font_path

# Labels in 黑 (the interface face). Noto Sans SC covers the rare name characters (堃 喆 昇 祎)
# too, so no fallback font: a fallback list costs a second font lookup on every string. A real
# family name, not "sans-serif": a generic name would be resolved again at draw time against
# whatever rcParams hold then.
FAMILY: list[str] = [FONTS[FontRole.HEI].family]

# Sizes in points: the figure is made at the width of the A4 text block (156 mm ≈ 6.1 in), so
# these are the sizes on paper; on screen the canvas scales with the window.
WIDTH_IN = 6.1
HEIGHT_IN = 3.8
TITLE_SIZE = 12.0
LABEL_SIZE = 10.0
TICK_SIZE = 9.0
VALUE_SIZE = 8.5
NO_DATA = {"zh": "暂无数据", "en": "No data"}

# Series fills, darkest first, each with a black edge: five levels stay apart on a photocopy.
GREYS: tuple[str, ...] = ("#262626", "#7f7f7f", "#bfbfbf", "#e6e6e6", "#ffffff")
# Extra cues where hatching is drawn (screen, PNG, SVG, matplotlib's PDF).
HATCHES: tuple[str, ...] = ("", "", "///", "...", "xx")
EDGE = "#000000"
# Line series: markers and dash styles, so lines differ without colour.
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v")
LINESTYLES: tuple[str, ...] = ("-", "--", "-.", ":", "-")

_registered = False
_lock = threading.Lock()


def register_fonts() -> None:
    """Add the bundled TrueType fonts to matplotlib's font manager (once per process)."""
    global _registered
    with _lock:
        if _registered:
            return
        for role in FontRole:
            font_manager.fontManager.addfont(str(font_path(role)))
        _registered = True


def rc_params() -> dict[str, Any]:
    return {
        "font.family": FAMILY,
        "font.size": LABEL_SIZE,
        "axes.titlesize": TITLE_SIZE,
        "axes.titleweight": "normal",  # the bundled 黑 has one weight; never fake a bold
        "axes.labelsize": LABEL_SIZE,
        "axes.edgecolor": "#000000",
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.unicode_minus": False,  # an ASCII hyphen is in every font
        "axes.prop_cycle": _cycler(),
        "xtick.labelsize": TICK_SIZE,
        "ytick.labelsize": TICK_SIZE,
        "xtick.color": "#000000",
        "ytick.color": "#000000",
        "legend.fontsize": TICK_SIZE,
        "legend.frameon": False,
        "figure.titlesize": TITLE_SIZE,
        "figure.facecolor": "white",
        "axes.facecolor": "white",
        "hatch.color": "#000000",
        "hatch.linewidth": 0.6,
        "lines.linewidth": 1.5,
        "lines.markersize": 5.0,
        "savefig.facecolor": "white",
    }


def _cycler() -> Any:
    from cycler import cycler

    return cycler(color=["#000000", "#595959", "#8c8c8c", "#000000", "#595959"],
                  marker=list(MARKERS), linestyle=list(LINESTYLES))


@contextmanager
def house_style() -> Iterator[None]:
    """Build figures inside this context; global rcParams are restored on leaving it.

    rcParams are process-global: build figures on one thread (the GUI thread), not in workers.
    """
    register_fonts()
    with rc_context(cast(Any, rc_params())):  # the stubs want literal keys
        yield


def new_figure(*, height: float = HEIGHT_IN, width: float = WIDTH_IN) -> Figure:
    """A blank figure in the house size with constrained layout (nothing cut off)."""
    return Figure(figsize=(width, height), layout="constrained")


def freeze(fig: Figure) -> Figure:
    """Fix on the figure what would otherwise be read from rcParams when it is drawn."""
    for ax in fig.get_axes():
        ax.tick_params(labelfontfamily=FAMILY, labelsize=TICK_SIZE)
        for axis in (ax.xaxis, ax.yaxis):
            axis.get_major_ticks()  # make the ticks now, in the house style
            axis.get_minor_ticks()
    return fig


def text_colour(fill: str) -> str:
    """Black or white, whichever reads on the fill."""
    grey = int(fill.lstrip("#")[:2], 16)
    return "#ffffff" if grey < 0x80 else "#000000"


def bar_style(i: int) -> dict[str, Any]:
    """Fill, edge and hatch of series *i*."""
    i %= len(GREYS)
    return {"color": GREYS[i], "edgecolor": EDGE, "linewidth": 0.6, "hatch": HATCHES[i]}


def series_greys(n: int) -> list[int]:
    """Which GREYS indices to use for *n* series: spread out when fewer than five."""
    spread = {1: [1], 2: [0, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4]}
    return spread.get(n, list(range(n)))


def no_data(fig: Figure, ax: Axes | None = None, lang: str = "zh") -> None:
    """Say "暂无数据" in the middle of *ax* (or of the whole figure) instead of drawing."""
    target = ax or fig.add_subplot()
    target.set_axis_off()
    target.text(0.5, 0.5, NO_DATA.get(lang, NO_DATA["zh"]), ha="center", va="center",
                fontsize=TITLE_SIZE, color="#404040", transform=target.transAxes)


def label_bars(ax: Axes, bars: BarContainer, texts: Sequence[str], *, inside: bool = False,
               fill: str = "#ffffff", horizontal: bool = False, min_frac: float = 0.06) -> None:
    """Write *texts* on the bars: at the end (outside) or centred inside.

    Inside labels are skipped on bars too short to hold them (below *min_frac* of the value
    axis); the totals outside carry the numbers then.
    """
    if inside:
        lo, hi = ax.get_xlim() if horizontal else ax.get_ylim()
        span = (hi - lo) or 1.0
        for bar, text in zip(bars, texts, strict=True):
            size = bar.get_width() if horizontal else bar.get_height()
            if not text or size / span < min_frac:
                continue
            x = bar.get_x() + bar.get_width() / 2
            y = bar.get_y() + bar.get_height() / 2
            # On a box of the fill itself: hatching behind the digits would garble them.
            ax.text(x, y, text, ha="center", va="center", fontsize=VALUE_SIZE,
                    color=text_colour(fill),
                    bbox={"boxstyle": "square,pad=0.1", "facecolor": fill, "edgecolor": "none"})
        return
    ax.bar_label(bars, labels=list(texts), padding=2, fontsize=VALUE_SIZE)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def t(lang: str, zh: str, en: str) -> str:
    """The chart's own words (titles, axis names) in the chart's language."""
    return zh if lang.startswith("zh") else en
