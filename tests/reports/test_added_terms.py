"""The printed three lists name an added area or category as the bureau named it."""

from __future__ import annotations

from datetime import date

from db.audit import SYSTEM
from db.engine import Database
from db.services.problems import ProblemInput, create_problem
from desktop.reports.kinds.three_lists import read_lists
from tests.added_terms import AREA, add_terms
from tests.conftest import region_id


def test_three_lists_report_labels_added_terms(db: Database) -> None:
    add_terms(db)
    create_problem(db, SYSTEM, ProblemInput(
        reported_on=date(2025, 6, 3), source_channel="x_1", reporter_type="parent",
        area="x_1", category="x_1", description="学生心理辅导老师不足",
        region_id=region_id(db, "zengdu")))
    with db.session() as s:
        lists = read_lists(s, None)
    (row,) = lists.problems
    # The category by its class alone, as the report prints the fixed ones.
    assert row[4:6] == (AREA.zh, "家校共育类")
