"""Draw a matplotlib Figure onto a reportlab canvas as vectors.

Why this and not matplotlib's own PDF or SVG output: embedding a PDF page in reportlab needs
pdfrw or reportlab's commercial PageCatcher, and SVG needs svglib — none is installed, and
pypdf is a development tool only. A matplotlib renderer is small and needs neither: matplotlib
hands it paths (drawn as PDF path operators) and text (drawn as real text in the bundled fonts,
through ``pdftext``, with the same font fallback and subsetting as the rest of the report), so
charts stay sharp, searchable and share the document's fonts.

Supported: paths (lines, bars, markers, patches, curves), clipping, dashes, alpha, text at any
angle, images (at 72 dpi). Not supported: hatching (drawn without the hatch), Gouraud shading;
math text is drawn as outlines by matplotlib's own text-to-path.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from matplotlib.backend_bases import GraphicsContextBase, RendererBase
from matplotlib.path import Path as MplPath
from reportlab.pdfgen.canvas import Canvas

from desktop.fonts import FONTS, FontRole
from desktop.reports.fonts import ascent_descent, char_widths
from desktop.reports.pdftext import TextWriter

_JOIN = {"miter": 0, "round": 1, "bevel": 2}
_CAP = {"butt": 0, "round": 1, "projecting": 2}
_BY_FAMILY = {font.family.lower(): role for role, font in FONTS.items()}


def role_for(prop: Any) -> FontRole:
    """The bundled font for a matplotlib FontProperties: by family name, 'serif' → 宋, anything
    else (sans-serif, the default for charts) → 黑."""
    for family in prop.get_family():
        name = str(family).lower()
        if name in _BY_FAMILY:
            return _BY_FAMILY[name]
        if name == "serif":
            return FontRole.SONG
    return FontRole.HEI


def _path_ops(path: MplPath, transform: Any) -> list[str]:
    ops: list[str] = []
    last = (0.0, 0.0)
    for verts, code in path.iter_segments(transform, remove_nans=True, simplify=False,
                                          curves=True):
        if code == MplPath.MOVETO:
            last = (verts[0], verts[1])
            ops.append(f"{verts[0]:.3f} {verts[1]:.3f} m")
        elif code == MplPath.LINETO:
            last = (verts[0], verts[1])
            ops.append(f"{verts[0]:.3f} {verts[1]:.3f} l")
        elif code == MplPath.CURVE3:  # quadratic → cubic
            qx, qy, x, y = verts
            c1 = (last[0] + 2 / 3 * (qx - last[0]), last[1] + 2 / 3 * (qy - last[1]))
            c2 = (x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y))
            ops.append(f"{c1[0]:.3f} {c1[1]:.3f} {c2[0]:.3f} {c2[1]:.3f} {x:.3f} {y:.3f} c")
            last = (x, y)
        elif code == MplPath.CURVE4:
            ops.append(" ".join(f"{v:.3f}" for v in verts) + " c")
            last = (verts[4], verts[5])
        elif code == MplPath.CLOSEPOLY:
            ops.append("h")
    return ops


class ReportlabRenderer(RendererBase):
    """A matplotlib renderer whose output is a reportlab canvas, at 72 dpi (1 px = 1 pt)."""

    def __init__(self, canv: Canvas, width: float, height: float) -> None:
        super().__init__()
        self.canv = canv
        self.width = width
        self.height = height

    # --- geometry --------------------------------------------------------------------------

    def flipy(self) -> bool:
        return False

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def points_to_pixels(self, points: Any) -> Any:
        return points

    def option_image_nocomposite(self) -> bool:
        return True

    def new_gc(self) -> GraphicsContextBase:
        return GraphicsContextBase()

    # --- state -----------------------------------------------------------------------------

    def _clip(self, gc: GraphicsContextBase) -> None:
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x, y, w, h = rect.bounds
            self.canv.addLiteral(f"{x:.3f} {y:.3f} {w:.3f} {h:.3f} re W n")
        # A (Path, Affine2D) pair at run time, whatever the stubs say.
        clip_path, clip_transform = cast(tuple[Any, Any], gc.get_clip_path())
        if clip_path is not None:
            ops = _path_ops(clip_path, clip_transform)
            if ops:
                self.canv.addLiteral(" ".join(ops) + " W n")

    def _stroke_state(self, gc: GraphicsContextBase) -> bool:
        canv = self.canv
        width = gc.get_linewidth()
        r, g, b, a = gc.get_rgb()
        alpha = gc.get_alpha() if gc.get_forced_alpha() else a
        if width <= 0 or alpha == 0:
            return False
        canv.setStrokeColorRGB(r, g, b)
        if alpha < 1:
            canv.setStrokeAlpha(alpha)
        canv.setLineWidth(width)
        canv.setLineJoin(_JOIN.get(gc.get_joinstyle(), 0))
        canv.setLineCap(_CAP.get(gc.get_capstyle(), 0))
        offset, raw_dashes = gc.get_dashes()
        dashes = cast(Sequence[float] | None, raw_dashes)
        if dashes is not None and len(dashes):
            pattern = " ".join(f"{float(d):.3f}" for d in dashes)
            canv.addLiteral(f"[{pattern}] {offset or 0:.3f} d")
        return True

    def _fill_state(self, gc: GraphicsContextBase, rgb_face: Any) -> bool:
        if rgb_face is None:
            return False
        r, g, b = rgb_face[:3]
        forced = gc.get_forced_alpha() or len(rgb_face) < 4
        alpha = gc.get_alpha() if forced else rgb_face[3]
        if alpha == 0:
            return False
        self.canv.setFillColorRGB(r, g, b)
        if alpha < 1:
            self.canv.setFillAlpha(alpha)
        return True

    # --- drawing ---------------------------------------------------------------------------

    def draw_path(self, gc: GraphicsContextBase, path: MplPath, transform: Any,
                  rgbFace: Any = None) -> None:
        ops = _path_ops(path, transform)
        if not ops:
            return
        canv = self.canv
        canv.saveState()
        self._clip(gc)
        fill = self._fill_state(gc, rgbFace)
        stroke = self._stroke_state(gc)
        if fill or stroke:
            paint = "B" if fill and stroke else ("f" if fill else "S")
            canv.addLiteral(" ".join(ops) + " " + paint)
        canv.restoreState()

    def draw_image(self, gc: GraphicsContextBase, x: float, y: float, im: Any,
                   transform: Any = None) -> None:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        h, w = im.shape[:2]
        if not w or not h:
            return
        self.canv.saveState()
        self._clip(gc)
        self.canv.drawImage(ImageReader(Image.fromarray(im, "RGBA")), x, y, w, h,
                            mask="auto")
        self.canv.restoreState()

    def draw_text(self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: Any,
                  angle: float, ismath: Any = False, mtext: Any = None) -> None:
        if ismath:
            self._draw_text_as_path(gc, x, y, s, prop, angle, ismath)  # type: ignore[attr-defined]
            return
        r, g, b, a = gc.get_rgb()
        alpha = gc.get_alpha() if gc.get_forced_alpha() else a
        canv = self.canv
        canv.saveState()
        self._clip(gc)
        canv.setFillColorRGB(r, g, b)
        if alpha < 1:
            canv.setFillAlpha(alpha)
        with TextWriter(canv) as out:
            out.line(x, y, s, role_for(prop), prop.get_size_in_points(), angle=angle)
        canv.restoreState()

    def get_text_width_height_descent(self, s: str, prop: Any,
                                      ismath: Any) -> tuple[float, float, float]:
        if ismath:
            return super().get_text_width_height_descent(s, prop, ismath)
        role = role_for(prop)
        size = prop.get_size_in_points()
        asc, desc = ascent_descent(role)
        return char_widths(role, size).text_width(s), (asc - desc) * size, -desc * size


def draw_figure(fig: Any, canv: Canvas, width: float, height: float) -> None:
    """Draw the figure into the box (0, 0, width, height) of the canvas, scaled to fit."""
    w_in, h_in = fig.get_size_inches()
    natural_w, natural_h = w_in * 72.0, h_in * 72.0
    saved_dpi = fig.dpi
    canv.saveState()
    canv.scale(width / natural_w, height / natural_h)
    try:
        fig.set_dpi(72.0)
        fig.draw(ReportlabRenderer(canv, natural_w, natural_h))
    finally:
        fig.set_dpi(saved_dpi)
        canv.restoreState()
