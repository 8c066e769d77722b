"""``main.py selftest``: the whole run as a user starts it, and each check on broken input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from desktop.selftest import (
    MIN_COLOURS,
    STEPS,
    Context,
    SelftestError,
    Step,
    check_pdf,
    check_png,
    run_steps,
)

ROOT = Path(__file__).resolve().parents[2]


def run_main(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MQ_DATA_DIR": str(data_dir),
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def test_selftest_passes_and_leaves_readable_files(tmp_path: Path) -> None:
    keep = tmp_path / "selftest"
    real_data = tmp_path / "real-data"
    result = run_main("selftest", "--keep", str(keep), data_dir=real_data)

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for number, step in enumerate(STEPS, 1):
        assert any(line.startswith(f"[{number}/{len(STEPS)}] 通过 OK") and step.zh in line
                   for line in lines), result.stdout
    assert "自检通过 selftest passed" in lines[-1]
    # What it wrote is really there and readable by other tools than its own checks.
    window = QImage(str(keep / "window.png"))
    assert (window.width(), window.height()) == (1200, 800)
    chart = QImage(str(keep / "chart.png"))
    assert not chart.isNull() and chart.width() > 300
    assert len(PdfReader(keep / "report.pdf").pages) >= 1
    # The clerk's data folder is left alone: the self-test works in its own folder.
    assert not real_data.exists() or not any(real_data.rglob("*.db"))


def test_selftest_refuses_a_file_as_its_folder(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "report.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    result = run_main("selftest", "--keep", str(not_a_folder), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "不是文件夹" in result.stdout
    assert not_a_folder.read_text(encoding="utf-8") == "x"


def test_first_failure_stops_the_run_and_is_reported(tmp_path: Path) -> None:
    ran: list[str] = []

    def ok(_ctx: Context) -> str:
        ran.append("ok")
        return "fine"

    def broken(_ctx: Context) -> str:
        raise SelftestError("图表是空白的")

    def crash(_ctx: Context) -> str:
        raise ZeroDivisionError("boom")

    lines: list[str] = []
    steps = (Step("第一步", "first", ok), Step("第二步", "second", broken),
             Step("第三步", "third", ok))
    assert run_steps(Context(tmp_path), steps, out=lines.append) is False
    assert ran == ["ok"]  # the third step never ran
    assert lines[0].startswith("[1/3] 通过 OK") and "fine" in lines[0]
    assert lines[1].startswith("[2/3] 失败 FAIL") and "图表是空白的" in lines[1]
    assert len(lines) == 2

    lines.clear()
    assert run_steps(Context(tmp_path), (Step("崩溃", "crash", crash),), out=lines.append) is False
    assert "ZeroDivisionError: boom" in lines[0]
    assert "Traceback" in lines[1]  # an unexpected error comes with where it happened


def _image(path: Path, width: int, height: int, *, lines: int = 0) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for i in range(lines):  # a gradient of grey rows: many distinct colours
        grey = 255 - (i * 7) % 256
        for x in range(width):
            image.setPixelColor(x, i * 3 % height, QColor(grey, grey, (grey * 3) % 256))
    image.save(str(path), "PNG")
    return path


def test_png_check_accepts_a_drawing_and_refuses_blank_wrong_or_missing(
        tmp_path: Path, qapp: object) -> None:
    drawn = _image(tmp_path / "drawn.png", 200, 100, lines=MIN_COLOURS * 2)
    assert check_png(drawn, 200, 100).startswith("200×100")
    with pytest.raises(SelftestError, match="空白"):
        check_png(_image(tmp_path / "blank.png", 200, 100), 200, 100)
    with pytest.raises(SelftestError, match="应为 300×100"):
        check_png(drawn, 300, 100)
    with pytest.raises(SelftestError, match="不存在或为空"):
        check_png(tmp_path / "missing.png", 200, 100)
    garbage = tmp_path / "garbage.png"
    garbage.write_bytes(b"not a png at all")
    with pytest.raises(SelftestError, match="无法读取"):
        check_png(garbage, 200, 100)


def test_pdf_check_counts_pages_and_refuses_damaged_files(tmp_path: Path, qapp: object) -> None:
    from desktop.reports import FormalDocument

    good = tmp_path / "good.pdf"
    doc = FormalDocument(good, "自检", "民情台账", "2026-11-26")
    doc.heading1("一、标题")
    doc.paragraph("正文。" * 400)  # long enough for a second page
    doc.build()
    assert check_pdf(good) == doc.page_count == len(PdfReader(good).pages) >= 2

    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(SelftestError, match="不是完整的 PDF"):
        check_pdf(truncated)
    text = tmp_path / "text.pdf"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(SelftestError, match="不是完整的 PDF"):
        check_pdf(text)
    with pytest.raises(SelftestError, match="不存在"):
        check_pdf(tmp_path / "missing.pdf")
