"""The user manual: its screenshots are made again here by the script, they are exactly the
images the manual refers to, and the printed manual (formal layout) renders page by page with
every heading and those very screenshots in it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from db.engine import Database
from desktop.cli import main
from desktop.progress import Progress
from desktop.reports.catalog import REPORTS
from desktop.reports.kinds.manual import (
    TITLE,
    chapters,
    image_references,
    images_dir,
    manual_dir,
    parse,
    write_manual,
)
from tests.conftest import require_tool
from tests.reports.demo_data import pdf_texts

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "manual_screenshots.py"


def referenced() -> list[str]:
    return [ref for chapter in chapters() for ref in image_references(chapter.text())]


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The screenshots, made now by the script from a small demo database."""
    out = tmp_path_factory.mktemp("manual_shots")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "MQ_DATA_DIR": str(out.parent / "shots-data")}
    done = subprocess.run([sys.executable, str(SCRIPT), str(out), "--scale", "0.05"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def manual_pdf(shots: Path, template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import open_copy

    folder = tmp_path_factory.mktemp("manual_pdf")
    database: Database = open_copy(template_db, folder / "db.db")
    out = folder / "manual.pdf"
    pages = write_manual(database, out, Progress(), images=shots)
    database.dispose()
    assert pages == len(PdfReader(out).pages)
    return out


def test_the_script_makes_exactly_the_images_the_manual_refers_to(shots: Path) -> None:
    refs = referenced()
    assert refs and all(ref.startswith("images/") for ref in refs)
    assert len(refs) == len(set(refs))  # each picture is shown once
    made = sorted(p.name for p in shots.iterdir())
    assert made == sorted(Path(ref).name for ref in refs)
    # The copies kept in the repository (what the help window shows) are the same set.
    assert sorted(p.name for p in images_dir().glob("*.png")) == made
    for name in made:
        with Image.open(shots / name) as image:
            assert image.format == "PNG"
            width, height = image.size
            assert width >= 500 and height >= 150, name
            colours = image.convert("L").getextrema()
            assert colours[0] < 100 < colours[1], name  # text on a background, not blank


def test_every_page_renders_and_holds_the_chapter_headings(manual_pdf: Path,
                                                            tmp_path: Path) -> None:
    tool = require_tool("pdftoppm", package="poppler-utils")
    reader = PdfReader(manual_pdf)
    subprocess.run([tool, "-png", "-r", "20", str(manual_pdf), str(tmp_path / "p")],
                   check=True, timeout=300)
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(reader.pages) >= len(chapters())
    for png in pngs:
        with Image.open(png) as image:
            assert image.convert("L").getextrema()[0] < 128, png.name  # something drawn

    # Without blanks and without the page number, which is drawn first ("— 1 —").
    pages = [re.sub(r"^—\d+—", "", re.sub(r"\s+", "", text)) for text in pdf_texts(manual_pdf)]
    assert pages[0].startswith(TITLE)
    everything = "".join(pages)
    position = 0
    for chapter in chapters():
        # Each chapter begins a page, and its sections follow in their order.
        assert any(page.startswith(chapter.title) or page.startswith(TITLE + chapter.title)
                   for page in pages), chapter.title
        for block in parse(chapter.text()):
            if block.kind in ("h1", "h2"):
                found = everything.find(re.sub(r"\s+", "", block.text), position)
                assert found >= 0, block.text
                position = found
    assert "截图缺失" not in everything


def test_the_screenshots_in_the_pdf_are_the_ones_just_made(manual_pdf: Path,
                                                           shots: Path) -> None:
    reader = PdfReader(manual_pdf)
    sizes = []
    for page in reader.pages:
        for image in page.images:
            sizes.append(image.image.size)
    expected = []
    for ref in referenced():
        with Image.open(shots / Path(ref).name) as image:
            expected.append(image.size)
    assert sizes == expected


def test_headings_bodies_and_fonts(manual_pdf: Path) -> None:
    reader = PdfReader(manual_pdf)
    fonts: set[str] = set()
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(595.28, abs=0.01)
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert "/FontFile2" in font["/FontDescriptor"]  # embedded
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    joined = " ".join(fonts)
    for family in ("NotoSansSC", "LXGWWenKai", "FandolFang"):  # 黑 headings, 楷, 仿宋 body
        assert family in joined, fonts
    assert reader.metadata is not None and reader.metadata.title == TITLE


def test_the_manual_is_the_last_report_and_prints_from_the_command_line(
        template_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert list(REPORTS)[-1] == "manual"
    assert REPORTS["manual"].params == ()
    db = tmp_path / "db.db"
    db.write_bytes(template_db.read_bytes())
    out = tmp_path / "手册.pdf"
    assert main(["report", "manual", "--db", str(db), "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) >= len(chapters())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.db", "手册.pdf"]


def test_the_chapters_are_complete() -> None:
    titles = [c.title for c in chapters()]
    needed = ["安装", "首次使用", "走访日志", "三个清单", "专题研究", "打印", "交换", "备份",
              "错误"]
    for word in needed:
        assert any(word in title for title in titles), word
    assert manual_dir().is_dir()
    # The printing chapter names every report as the Reports menu does.
    printing = next(c for c in chapters() if "打印" in c.title).text()
    for kind in REPORTS.values():
        assert f"| {kind.title} |" in printing, kind.title
