"""``main.py selftest``: prove that an installation works, end to end, without a screen.

Run after installing (and in CI under Wine, on the installed Windows build): it makes a small
demo database in a temporary folder, renders the main window over it with Qt's offscreen
platform, writes one report PDF and one chart PNG, and reads both back, then imports an Excel
sheet of new visits and finds them with the search. Each step prints one
line, Chinese then English, so a clerk and a developer can both read it; the exit code is 0 only
when every step passed. Nothing outside the temporary folder is touched: the data folder, the
settings and the log go there too (``MQ_DATA_DIR`` and a private INI file).

The steps are plain functions over a ``Context`` so the tests can run them one by one and feed
them broken files.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

    from db.engine import Database
    from desktop.ui.main_window import MainWindow

DEMO_SCALE = 0.05  # ~400 visits, ~100 problems: enough for every tab and chart, ~1 s natively
CHART_DPI = 100
CHART_KEY = "funnel"
# A rendered window or chart with fewer distinct colours than this is blank (a white page with
# a frame has two or three; text antialiasing alone brings dozens).
MIN_COLOURS = 16


class SelftestError(Exception):
    """A step found something wrong; the message says what, in Chinese."""


@dataclass
class Context:
    folder: Path
    database: Database | None = None
    window: MainWindow | None = None
    files: dict[str, Path] = field(default_factory=dict)


@dataclass(frozen=True)
class Step:
    zh: str
    en: str
    run: Callable[[Context], str]  # returns a short detail for the result line


# --- checks (also used by the tests on deliberately broken files) ---------------------------------

def distinct_colours(image: QImage, limit: int = 256) -> int:
    """How many distinct colours a grid of samples of *image* has (at most *limit*)."""
    seen: set[int] = set()
    width, height = image.width(), image.height()
    step = max(1, min(width, height) // 120)
    for y in range(0, height, step):
        for x in range(0, width, step):
            seen.add(image.pixel(x, y))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def check_png(path: Path, width: int, height: int) -> str:
    """The PNG at *path* loads, has the expected size and is not blank."""
    from PySide6.QtGui import QImage

    if not path.is_file() or path.stat().st_size == 0:
        raise SelftestError(f"图片文件 {path} 不存在或为空")
    image = QImage(str(path))
    if image.isNull():
        raise SelftestError(f"图片文件 {path} 无法读取（不是有效的 PNG）")
    if (image.width(), image.height()) != (width, height):
        raise SelftestError(
            f"图片尺寸为 {image.width()}×{image.height()}，应为 {width}×{height}")
    colours = distinct_colours(image)
    if colours < MIN_COLOURS:
        raise SelftestError(f"图片几乎是空白的（只有 {colours} 种颜色）")
    return f"{width}×{height}, {colours}+ colours"


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def check_pdf(path: Path) -> int:
    """The PDF at *path* parses and has pages; returns the page count.

    Qt's own PDF engine (QtPdf, pdfium) reads it when present; the structural check below runs
    always, so a build without QtPdf still tests something real.
    """
    if not path.is_file():
        raise SelftestError(f"PDF 文件 {path} 不存在")
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelftestError(f"{path} 不是完整的 PDF 文件（文件头或文件尾缺失）")
    if b"startxref" not in data[-1024:]:
        raise SelftestError(f"{path} 缺少交叉引用表，PDF 已损坏")
    pages = len(_PAGE.findall(data))
    if pages == 0:
        raise SelftestError(f"{path} 没有页面")
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return pages
    document = QPdfDocument()
    status = document.load(str(path))
    if status != QPdfDocument.Error.None_:
        raise SelftestError(f"Qt 无法打开 PDF {path}：{status.name}")
    if document.pageCount() != pages:
        raise SelftestError(
            f"PDF 页数不一致：Qt 读到 {document.pageCount()} 页，文件中有 {pages} 页")
    document.close()
    return pages


# --- the steps --------------------------------------------------------------------------------

def step_database(ctx: Context) -> str:
    from db.demo import generate
    from db.engine import open_database

    path = ctx.folder / "selftest-demo.db"
    counts = generate(path, scale=DEMO_SCALE, seed=1, overwrite=True)  # --keep may rerun
    ctx.database = open_database(path, create=False)
    ctx.files["database"] = path
    if counts.visits == 0 or counts.problems == 0:
        raise SelftestError("演示数据库是空的")
    return f"{counts.visits} visits, {counts.problems} problems"


def step_fonts(_ctx: Context) -> str:
    from desktop.fonts import FontRole
    from desktop.ui.fonts import register_fonts

    registered = register_fonts()
    missing = [role.value for role in FontRole if not registered.get(role)]
    if missing:
        raise SelftestError("内置字体未能加载：" + "、".join(missing))
    return f"{len(registered)} fonts"


def step_window(ctx: Context) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

    assert ctx.database is not None
    settings = QSettings(str(ctx.folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    ctx.window = window
    window.resize(1200, 800)
    window.show()
    QApplication.processEvents()
    window.attach_database(ctx.database)
    for _ in range(3):
        QApplication.processEvents()
    titles = window.tab_titles()
    if not all(re.search(r"[\u4e00-\u9fff]", title) for title in titles):
        raise SelftestError("界面没有显示中文（翻译文件未加载）：" + "、".join(titles))
    path = ctx.folder / "window.png"
    pixmap = window.grab()
    if not pixmap.save(str(path), "PNG"):
        raise SelftestError(f"无法保存窗口截图 {path}")
    ctx.files["window"] = path
    return check_png(path, pixmap.width(), pixmap.height())


def step_report(ctx: Context) -> str:
    from desktop.reports.catalog import REPORTS, build_report

    assert ctx.database is not None
    path = ctx.folder / "report.pdf"
    if REPORTS:
        key = next(iter(REPORTS))
        build_report(ctx.database, key, path)
        name = key
    else:
        _formal_document(ctx.database, path)
        name = "formal document"
    ctx.files["report"] = path
    pages = check_pdf(path)
    return f"{name}, {pages} page(s), {path.stat().st_size // 1024} KB"


def _formal_document(database: Database, path: Path) -> None:
    """A small formal document over the demo data: title, heading, body text and a table."""
    from sqlalchemy import func
    from sqlmodel import select

    from db.models import Problem, Visit
    from desktop.reports import FormalDocument

    with database.session() as session:
        visits = session.exec(select(func.count()).select_from(Visit)).one()
        problems = session.exec(select(func.count()).select_from(Problem)).one()
    doc = FormalDocument(path, "民情台账自检报告", "民情台账", time.strftime("%Y-%m-%d"))
    doc.heading1("一、数据概况")
    doc.paragraph(f"演示数据库共有走访记录 {visits} 条，问题 {problems} 个。")
    doc.table(["项目", "数量"], [["走访", visits], ["问题", problems]])
    doc.build()


def step_chart(ctx: Context) -> str:
    from desktop.charts.catalog import BY_KEY
    from desktop.charts.export import export_figure

    assert ctx.database is not None
    spec = BY_KEY[CHART_KEY]
    with ctx.database.session() as session:
        data = spec.build(session)
    figure = spec.draw(data)
    width, height = (round(v * CHART_DPI) for v in figure.get_size_inches())
    path = export_figure(figure, ctx.folder / "chart.png", dpi=CHART_DPI)
    ctx.files["chart"] = path
    return f"{spec.zh}, " + check_png(path, width, height)


EXCEL_ROWS = 2_500  # more than the first part of a bulk write: the helper thread takes part


def step_excel(ctx: Context) -> str:
    """New visits in an Excel sheet imported as a clerk would (read by calamine, checked,
    written part by part on two threads through an in-memory staging database, indexed) and
    found again by the search."""
    from datetime import date, timedelta

    from sqlalchemy import func, select, text

    from db.audit import SYSTEM
    from db.excel import apply_import, export_rows, plan_import
    from db.models import Cadre, Region, Unit
    from db.search import match_expression
    from db.vocab import METHODS

    assert ctx.database is not None
    with ctx.database.session() as s:
        # A cadre and a unit whose names say who and which without a doubt.
        cadre = s.execute(select(Cadre.name).where(Cadre.active, Cadre.deleted_at.is_(None))
                          .group_by(Cadre.name).having(func.count() == 1)).scalars().first()
        unit, region = s.execute(select(Unit.name, Region.name).join(
            Region, Region.id == Unit.region_id).where(Unit.deleted_at.is_(None))).first()
    if cadre is None:
        raise SelftestError("演示数据库中没有可用的干部")
    day = date.today() - timedelta(days=1)
    path = ctx.folder / "visits.xlsx"
    export_rows(path, ["走访日期", "参加干部", "走访单位", "所属区域", "走访方式", "走访内容"],
                [[day, cadre, unit, region, METHODS.terms[0].zh, f"自检导入第{i}条"]
                 for i in range(EXCEL_ROWS)], sheet_name="走访登记")
    plan = plan_import(ctx.database, "visits", path)
    if plan.errors:
        raise SelftestError(f"Excel 导入检查出错：{plan.errors[0]}")
    added = apply_import(ctx.database, SYSTEM, plan).added
    expression = match_expression("自检导入")
    with ctx.database.session() as s:
        found = s.execute(text("SELECT count(*) FROM visit_fts WHERE visit_fts MATCH :m"),
                          {"m": expression}).scalar_one()
    if added != EXCEL_ROWS or found != EXCEL_ROWS:
        raise SelftestError(f"Excel 导入了 {added} 条、检索到 {found} 条，应为 {EXCEL_ROWS} 条")
    return f"{added} visits imported and found"


STEPS: tuple[Step, ...] = (
    Step("演示数据库", "demo database", step_database),
    Step("内置字体", "bundled fonts", step_fonts),
    Step("主窗口", "main window", step_window),
    Step("报表 PDF", "report PDF", step_report),
    Step("图表 PNG", "chart PNG", step_chart),
    Step("Excel 导入", "Excel import", step_excel),
)


# --- running ----------------------------------------------------------------------------------

def run_steps(ctx: Context, steps: tuple[Step, ...] = STEPS,
              out: Callable[[str], None] = print) -> bool:
    """Run *steps* in order, printing one line each; stop at the first failure (later steps
    need the earlier ones' results). True when all passed."""
    for number, step in enumerate(steps, 1):
        started = time.perf_counter()
        try:
            detail = step.run(ctx)
        except Exception as exc:  # every failure is reported, none escapes as a traceback
            seconds = time.perf_counter() - started
            message = str(exc) if isinstance(exc, SelftestError) else (
                f"{type(exc).__name__}: {exc}")
            out(f"[{number}/{len(steps)}] 失败 FAIL  {step.zh} {step.en}（{seconds:.1f} s）："
                f"{message}")
            if not isinstance(exc, SelftestError):
                out(traceback.format_exc().rstrip())
            return False
        seconds = time.perf_counter() - started
        out(f"[{number}/{len(steps)}] 通过 OK    {step.zh} {step.en}（{seconds:.1f} s）：{detail}")
    return True


def _close(ctx: Context) -> None:
    if ctx.window is not None:
        ctx.window.close()
        ctx.window.deleteLater()
        ctx.window = None
    if ctx.database is not None:
        ctx.database.dispose()
        ctx.database = None


def selftest(keep: Path | None = None, lang: str = "zh_CN",
             out: Callable[[str], None] = print) -> int:
    """Run every step; 0 when all passed, 1 otherwise.

    The work happens in a new temporary folder, removed afterwards unless a step failed (then
    its path is printed) or *keep* names a folder to write into instead.
    """
    from desktop.cli import EXIT_ERROR, EXIT_OK

    for stream in (sys.stdout, sys.stderr):
        # A Windows pipe or file gets the ANSI code page (cp1252 on an English PC): a result
        # line must never fail because a character has no place in it.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")

    # Offscreen unless the caller chose a platform: the self-test must run without a display
    # (CI, Wine, a remote session) and must never flash a window at the clerk.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if keep is not None:
        if keep.exists() and not keep.is_dir():
            out(f"错误：{keep} 是一个文件，不是文件夹。请给 --keep 指定一个文件夹（可以不存在）。")
            return EXIT_ERROR
        keep.mkdir(parents=True, exist_ok=True)
        folder = keep
    else:
        folder = Path(tempfile.mkdtemp(prefix="minqing-selftest-"))
    saved_data_dir = os.environ.get("MQ_DATA_DIR")
    os.environ["MQ_DATA_DIR"] = str(folder / "data")  # never the clerk's real data folder

    from PySide6.QtCore import QSettings

    from desktop.ui import worker
    from desktop.ui.app import create_application

    # Every QSettings the window or a tab opens goes to the temporary folder too.
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(folder / "settings"))
    from desktop.version import app_version

    started = time.perf_counter()
    out(f"民情台账自检 selftest {app_version()} — Python {sys.version.split()[0]}, "
        f"{sys.platform}, {'frozen' if getattr(sys, 'frozen', False) else 'source'}")
    out(f"临时文件夹 folder: {folder}")
    saved_hook = sys.excepthook
    app = create_application(lang)
    worker.set_synchronous(True)  # one step after another, results ready when a call returns
    ctx = Context(folder)
    try:
        passed = run_steps(ctx, out=out)
    finally:
        worker.set_synchronous(False)
        _close(ctx)
        app.processEvents()
        sys.excepthook = saved_hook
        if saved_data_dir is None:
            os.environ.pop("MQ_DATA_DIR", None)
        else:
            os.environ["MQ_DATA_DIR"] = saved_data_dir
    seconds = time.perf_counter() - started
    if passed:
        out(f"自检通过 selftest passed（{seconds:.1f} s）")
        if keep is None:
            _remove(folder)
        return EXIT_OK
    out(f"自检失败 selftest FAILED（{seconds:.1f} s）；文件保留在 files kept in {folder}")
    return EXIT_ERROR


def _remove(folder: Path) -> None:
    # A file still held open (Windows) must not turn a passed self-test into a failure:
    # leftovers in the temporary folder are harmless.
    shutil.rmtree(folder, ignore_errors=True)
