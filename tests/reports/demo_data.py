"""A small demo database for the report tests, made once per test session, with cadres whose
names hold the rare characters 堃 喆 昇 祎 planted where every report shows them."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

import pytest

from db.demo import generate
from tests.conftest import require_tool

SCALE = 0.25  # about 500 problems: every kind has rows, and the tests stay quick
# (tier, new name): a bureau leader (work-meeting headings), an affiliated-unit leader
# (work-meeting table), and a branch secretary who leads tasks (three lists).
RARE_NAMES = {"bureau_leader": "欧阳堃喆", "unit_leader": "李昇祎", "branch_secretary": "赵祎堃"}


def plant_rare_names(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        for tier, name in RARE_NAMES.items():
            (cadre_id,) = conn.execute(
                "SELECT c.id FROM cadre c WHERE c.tier = ? AND c.active AND c.branch_id IS NOT "
                "NULL AND EXISTS (SELECT 1 FROM task t WHERE t.lead_leader_id = c.id) "
                "ORDER BY c.id LIMIT 1", (tier,)).fetchone()
            conn.execute("UPDATE cadre SET name = ? WHERE id = ?", (name, cadre_id))


@pytest.fixture(scope="session")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report_demo") / "demo.db"
    generate(path, scale=SCALE, seed=1)
    plant_rare_names(path)
    return path


def pdf_texts(path: Path) -> list[str]:
    """The text of each page in drawing order (poppler's pdftotext -raw: pypdf takes seconds
    on hundreds of pages, and reading order interleaves the lines of wrapped cells)."""
    tool = require_tool("pdftotext", package="poppler-utils")
    out = subprocess.run([tool, "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                         capture_output=True, timeout=120).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages
