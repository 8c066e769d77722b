"""Save a chart as PNG, SVG or PDF, chosen by the file's extension, with its fonts inside.

- PDF: fonts embedded as TrueType (fonttype 42, subset), so the text stays text and prints the
  same on a machine without the bundled fonts;
- SVG: text drawn as outlines (fonttype 'path'): an SVG naming "Noto Sans SC" would show boxes
  or another face wherever that font is not installed, and SVG cannot carry a font portably;
- PNG: rendered at *dpi* (200 by default: sharp enough to paste into a Word document).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from matplotlib import rc_context
from matplotlib.figure import Figure

from desktop.charts.style import register_fonts

FORMATS = ("png", "svg", "pdf")
EXPORT_RC = {"pdf.fonttype": 42, "ps.fonttype": 42, "svg.fonttype": "path",
             "savefig.facecolor": "white"}


def export_figure(fig: Figure, path: str | Path, *, dpi: float = 200) -> Path:
    """Write *fig* to *path* in the format its extension names (.png, .svg or .pdf)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"图表只能导出为 PNG、SVG 或 PDF 文件，不能导出为“{path.suffix}”")
    register_fonts()
    metadata = {"Creator": "民情台账"} if fmt in ("pdf", "svg") else None
    with rc_context(cast(Any, EXPORT_RC)):  # the stubs want literal keys
        fig.savefig(path, format=fmt, dpi=dpi, metadata=metadata)
    return path
