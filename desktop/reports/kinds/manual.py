"""操作手册: the user manual (``docs/manual/*.md``) printed in the formal report layout.

The manual is kept in the repository as Markdown, one file per chapter, and read from there by
both the help window and this report; nothing here knows what it says. Only the Markdown the
manual uses is understood: ``#`` chapter titles (黑体 first-level headings), ``##`` sections
(楷体), paragraphs and list items (仿宋 body), tables (| … |) and images on a line of their
own (``![图 n 说明](images/x.png)``: the screenshots ``tools/manual_screenshots.py`` makes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.progress import Progress
from desktop.reports.layout import FormalDocument
from desktop.reports.table import Column
from desktop.resources import app_root

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from db.engine import Database
    from desktop.reports.catalog import ReportParams

TITLE = "民情台账操作手册"
# The widest a screenshot is printed (the text block) and the tallest, so that a figure and
# its caption never need a page of their own.
IMAGE_MAX_WIDTH_MM = 156.0
IMAGE_MAX_HEIGHT_MM = 120.0

IMAGE_LINE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<path>[^)\s]+)\)\s*$")
_NUMBERED = re.compile(r"^(\d+)\.\s+")
_INLINE = re.compile(r"\*\*|`")


def manual_dir() -> Path:
    """Where the chapters are: ``docs/manual`` beside ``resources/`` (also when frozen)."""
    return app_root() / "docs" / "manual"


def images_dir(source: Path | None = None) -> Path:
    return (source or manual_dir()) / "images"


@dataclass(frozen=True)
class Chapter:
    key: str  # the file name without ".md", e.g. "04-visits"
    title: str  # the first "# " line, e.g. "四、日常录入：走访日志"
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def chapters(source: Path | None = None) -> list[Chapter]:
    """The chapters in order (by file name)."""
    found = []
    for path in sorted((source or manual_dir()).glob("*.md")):
        title = next((line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines()
                      if line.startswith("# ")), path.stem)
        found.append(Chapter(path.stem, title, path))
    return found


def image_references(text: str) -> list[str]:
    """The image paths a chapter refers to, as written (relative to the manual folder)."""
    return [m.group("path") for line in text.splitlines()
            if (m := IMAGE_LINE.match(line.strip()))]


# ---- Markdown → blocks -----------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    kind: str  # "h1", "h2", "para", "item", "table", "image"
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()  # a table's rows, the header first
    path: str = ""  # an image's path as written


def plain(text: str) -> str:
    """Inline Markdown (bold, code) as plain text: the formal layout has one weight of body."""
    return _INLINE.sub("", text).strip()


def _cells(line: str) -> tuple[str, ...]:
    return tuple(plain(cell) for cell in line.strip().strip("|").split("|"))


def parse(text: str) -> Iterator[Block]:
    lines = text.splitlines()
    para: list[str] = []

    def flush() -> Iterator[Block]:
        if para:
            yield Block("para", plain("".join(para)))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i].strip()
        i += 1
        if not line:
            yield from flush()
        elif line.startswith("## "):
            yield from flush()
            yield Block("h2", plain(line[3:]))
        elif line.startswith("# "):
            yield from flush()
            yield Block("h1", plain(line[2:]))
        elif (image := IMAGE_LINE.match(line)) is not None:
            yield from flush()
            yield Block("image", plain(image.group("caption")), path=image.group("path"))
        elif line.startswith("|"):
            yield from flush()
            rows = [_cells(line)]
            while i < len(lines) and lines[i].strip().startswith("|"):
                row = lines[i].strip()
                i += 1
                if not re.fullmatch(r"\|[\s:|-]+\|?", row):  # the |---|---| rule
                    rows.append(_cells(row))
            yield Block("table", rows=tuple(rows))
        elif line.startswith("- "):
            yield from flush()
            yield Block("item", "· " + plain(line[2:]))
        elif (number := _NUMBERED.match(line)) is not None:
            yield from flush()
            yield Block("item", f"{number.group(1)}．{plain(line[number.end():])}")
        else:
            para.append(line)
    yield from flush()


# ---- the document ---------------------------------------------------------------------------

def _image_size(path: Path) -> tuple[float, float]:
    """The printed size in mm: as wide as the text block, shorter when the picture is tall."""
    from reportlab.lib.utils import ImageReader

    width_px, height_px = ImageReader(str(path)).getSize()
    width = IMAGE_MAX_WIDTH_MM
    height = width * height_px / width_px
    if height > IMAGE_MAX_HEIGHT_MM:
        width, height = width * IMAGE_MAX_HEIGHT_MM / height, IMAGE_MAX_HEIGHT_MM
    return width, height


def _draw_image(path: Path):  # type: ignore[no-untyped-def]
    def draw(canvas: Canvas, width: float, height: float) -> None:
        canvas.drawImage(str(path), 0, 0, width, height)
        canvas.setLineWidth(0.5)
        canvas.rect(0, 0, width, height)  # a hairline frame: screenshots have white edges

    return draw


def _missing(caption: str):  # type: ignore[no-untyped-def]
    def draw(canvas: Canvas, width: float, height: float) -> None:
        from desktop.fonts import FontRole
        from desktop.reports.pdftext import TextWriter

        canvas.rect(0, 0, width, height)
        with TextWriter(canvas) as out:
            out.line(12, height / 2, f"（截图缺失：{caption}）", FontRole.FANGSONG, 12)

    return draw


def manual_document(out: Path, org: str, *, source: Path | None = None,
                    images: Path | None = None, day: date | None = None) -> FormalDocument:
    """The manual as a FormalDocument (not yet built): one chapter per file, each on a new
    page. *images* replaces the folder the screenshots are taken from (``docs/manual/images``)."""
    source = source or manual_dir()
    doc = FormalDocument(out, TITLE, org or "民情台账", day or date.today(), subject="操作手册")
    for number, chapter in enumerate(chapters(source)):
        if number:
            doc.page_break()
        for block in parse(chapter.text()):
            if block.kind == "h1":
                doc.heading1(block.text)
            elif block.kind == "h2":
                doc.heading2(block.text)
            elif block.kind in ("para", "item"):
                doc.paragraph(block.text)
            elif block.kind == "table":
                header, *rows = block.rows
                doc.table([Column(title) for title in header], rows, orientation="portrait")
            elif block.kind == "image":
                path = _resolve_image(block.path, source, images)
                if path.is_file():
                    width, height = _image_size(path)
                    doc.figure(_draw_image(path), block.text, width_mm=width, height_mm=height)
                else:
                    doc.figure(_missing(block.text), block.text, width_mm=IMAGE_MAX_WIDTH_MM,
                               height_mm=30)
    return doc


def _resolve_image(written: str, source: Path, images: Path | None) -> Path:
    path = source / written
    if images is not None and path.parent == images_dir(source):
        return images / path.name
    return path


def write_manual(database: Database, out: Path, progress: Progress, *,
                 source: Path | None = None, images: Path | None = None) -> int:
    """Write the manual PDF; returns the number of pages."""
    from desktop.reports.kinds.common import org_name, write_document

    with database.session() as session:
        org = org_name(session)
    progress.update("正在排版操作手册", None)
    doc = manual_document(out, org, source=source, images=images)
    return write_document(doc, out, progress)


def build(database: Database, out: Path, params: ReportParams, progress: Progress) -> None:
    write_manual(database, out, progress)
