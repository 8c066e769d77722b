"""The public lists show the bureau's own label of an area or category it added, never the
stored code."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from db.audit import SYSTEM
from db.disclosure import publish
from db.engine import Database
from db.services.problems import ProblemInput, create_problem
from tests.added_terms import AREA, CATEGORY, add_terms
from tests.conftest import region_id


def test_published_html_labels_added_terms(db: Database, tmp_path: Path) -> None:
    add_terms(db)
    create_problem(db, SYSTEM, ProblemInput(
        reported_on=date(2025, 6, 3), source_channel="x_1", reporter_type="parent",
        area="x_1", category="x_1", description="学生心理辅导老师不足",
        region_id=region_id(db, "zengdu")))
    path = tmp_path / "lists.html"
    assert publish(db, path).problems == 1
    text = html.unescape(path.read_text(encoding="utf-8"))
    assert f">{AREA.zh}<" in text and f">{CATEGORY.zh}<" in text
    assert ">x_1<" not in text
