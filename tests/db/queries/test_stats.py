"""Problem statistics and the three rates by any dimension; visit counts."""

from __future__ import annotations

from datetime import date

import pytest

from db.engine import Database
from db.queries.stats import (
    NOT_SET,
    OUTSIDE_PHASES,
    ProblemStats,
    StatsFilter,
    problem_stats,
    problem_stats_by,
    problem_totals,
    visit_stats,
)
from db.vocab import AREAS, CATEGORIES
from tests.db.queries.conftest import World

TODAY = date(2022, 9, 1)


@pytest.fixture
def lists(db: Database, world: World) -> World:
    with db.transaction() as s:
        w = world
        # 曾都区 (via unit): 3 problems in June; 随县 (own region, no unit): 2 in July/August.
        a = w.problem(s, date(2022, 6, 5), "A", unit="曾都一中", strongly=True, status="closed",
                      area="canteen", category="management_service")
        b = w.problem(s, date(2022, 6, 6), "B", unit="曾都一中", status="in_progress",
                      area="safety", category="risk")
        c = w.problem(s, date(2022, 6, 7), "C", unit="曾都一中", area="canteen",
                      category="management_service")
        d = w.problem(s, date(2022, 7, 8), "D", region="suixian", status="resolved",
                      area="financial_aid", category="welfare", strongly=True)
        e = w.problem(s, date(2022, 8, 9), "E", region="suixian", status="in_progress",
                      area="financial_aid", category="welfare")
        w.problem(s, date(2022, 5, 1), "before the campaign", status="open", area="care",
                  category="health")  # no unit, no region; before the first phase
        w.problem(s, date(2022, 6, 8), "merged", unit="曾都一中", status="merged")
        w.problem(s, date(2022, 6, 8), "deleted", unit="曾都一中", deleted=True)
        # Task 1 serves A and B (closed, two evaluations), task 2 serves D and E and is late,
        # task 3 is late but tombstoned (C is not overdue and has no task).
        w.task(s, "t1", deadline=date(2022, 7, 1), problems=[a, b], status="closed",
               ratings=["satisfied", "basic"])
        w.task(s, "t2", deadline=date(2022, 8, 15), problems=[d, e],
               ratings=["unsatisfied", "satisfied"])
        w.task(s, "t3", deadline=date(2022, 8, 1), problems=[c], deleted=True,
               ratings=["unsatisfied"])
    return world


def _by_key(rows: list[ProblemStats]) -> dict[str | None, ProblemStats]:
    return {r.key: r for r in rows}


def test_totals_and_rates(db: Database, lists: World) -> None:
    with db.session() as s:
        t = problem_totals(s, today=TODAY)
    assert (t.total, t.with_task, t.resolved, t.closed, t.overdue, t.strongly_reported) == (
        6, 4, 2, 1, 2, 2)
    assert (t.satisfied, t.basic, t.unsatisfied) == (2, 1, 1)
    assert t.response_rate == pytest.approx(4 / 6)
    assert t.resolution_rate == pytest.approx(1 / 6)
    assert t.satisfaction_rate == pytest.approx(3 / 4)
    assert ProblemStats(None, "x").response_rate is None  # no division by zero


def test_by_region(db: Database, lists: World) -> None:
    with db.session() as s:
        rows = problem_stats(s, "region", today=TODAY)
    labels = [r.label for r in rows]
    assert labels == ["曾都区", "随县", "广水市", "随州高新区", "大洪山风景区", NOT_SET]
    g = _by_key(rows)
    zd = g[str(lists.regions["zengdu"])]
    assert (zd.total, zd.with_task, zd.closed, zd.overdue) == (3, 2, 1, 0)
    assert (zd.satisfied, zd.basic, zd.unsatisfied) == (1, 1, 0)  # t1 once, t3 is tombstoned
    sx = g[str(lists.regions["suixian"])]
    assert (sx.total, sx.resolved, sx.overdue, sx.strongly_reported) == (2, 1, 2, 1)
    assert sx.satisfaction_rate == pytest.approx(0.5)
    assert g[str(lists.regions["guangshui"])].total == 0
    assert g[None].total == 1


def test_by_vocabularies_month_unit(db: Database, lists: World) -> None:
    with db.session() as s:
        cat = problem_stats(s, "category", today=TODAY)
        area = problem_stats(s, "area", today=TODAY)
        month = problem_stats(s, "month", today=TODAY)
        unit = problem_stats(s, "unit", today=TODAY)
        channel = problem_stats(s, "source_channel", today=TODAY)
    assert [r.key for r in cat] == CATEGORIES.codes()
    assert _by_key(cat)["management_service"].total == 2
    assert _by_key(cat)["welfare"].overdue == 2
    assert [r.key for r in area] == AREAS.codes()
    assert _by_key(area)["canteen"].total == 2 and _by_key(area)["employment"].total == 0
    assert [(r.key, r.total) for r in month] == [("2022-05", 1), ("2022-06", 3),
                                                 ("2022-07", 1), ("2022-08", 1)]
    assert [(r.label, r.total) for r in unit] == [("曾都一中", 3), (NOT_SET, 3)]
    assert _by_key(channel)["visit"].total == 6


def test_by_phase(db: Database, lists: World) -> None:
    with db.session() as s:
        rows = problem_stats(s, "phase", today=TODAY)
    assert [(r.label, r.total) for r in rows] == [
        ("动员部署", 0), ("全面开展", 3), ("持续深化", 2), ("巩固提升", 0), (OUTSIDE_PHASES, 1)]


def test_several_dimensions_at_once(db: Database, lists: World) -> None:
    """One reading of the tasks for several groupings gives what separate calls give."""
    dims = ("total", "region", "phase", "month")
    f = StatsFilter(date_from=date(2022, 6, 1))
    with db.session() as s:
        together = problem_stats_by(s, dims, f, today=TODAY)
        apart = [problem_stats(s, by, f, today=TODAY) for by in dims]
    assert together == apart
    assert together[0][0].total == 5 and together[0][0].overdue == 2


def test_one_scan_for_several_dimensions_agrees_with_sql(db: Database, lists: World,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """Counted in one scan of the problems for several groupings (what the charts do for
    large data) or aggregated in SQL per grouping (for a few problems): the same figures."""
    import db.queries.stats as stats

    dims = ("total", "region", "month", "category", "unit", "source_channel")
    for f in (StatsFilter(), StatsFilter(date_from=date(2022, 6, 1))):
        with db.session() as s:
            monkeypatch.setattr(stats, "_few", lambda *_: False)
            scanned = problem_stats_by(s, dims, f, today=TODAY)
            monkeypatch.setattr(stats, "_few", lambda *_: True)
            in_sql = problem_stats_by(s, dims, f, today=TODAY)
        assert scanned == in_sql
        assert sum(r.total for r in scanned[1]) == scanned[0][0].total > 0
        assert sum(r.overdue for r in scanned[3]) == scanned[0][0].overdue > 0


def test_filters(db: Database, lists: World) -> None:
    with db.session() as s:
        june = problem_totals(s, StatsFilter(date_from=date(2022, 6, 1),
                                             date_to=date(2022, 6, 30)), today=TODAY)
        sx = problem_stats(s, "area", StatsFilter(region_id=lists.regions["suixian"]),
                           today=TODAY)
        school = problem_totals(s, StatsFilter(unit_id=lists.units["曾都一中"]), today=TODAY)
    assert june.total == 3 and june.closed == 1
    assert sum(r.total for r in sx) == 2 and _by_key(sx)["financial_aid"].total == 2
    assert school.total == 3
    with pytest.raises(ValueError), db.session() as s:
        problem_stats(s, "colour")


def test_visit_stats(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.cadre(s, "甲")
        world.visit(s, date(2022, 6, 1), "曾都一中", ["甲"], method="forum", students=3)
        world.visit(s, date(2022, 6, 2), "曾都一中", ["甲"], method="field_visit", students=2)
        world.visit(s, date(2022, 6, 3), "随县实验小学", ["甲"], method="field_visit")
        world.visit(s, date(2022, 7, 1), "随县实验小学", ["甲"], method="field_visit")
        world.visit(s, date(2022, 7, 2), "随县实验小学", ["甲"], deleted=True)
    with db.session() as s:
        mm = visit_stats(s)
        region = visit_stats(s, ["region"])
        filtered = visit_stats(s, ["method"], StatsFilter(region_id=world.regions["zengdu"]))
    assert [(r.keys, r.visits) for r in mm] == [
        (("2022-06", "field_visit"), 2), (("2022-06", "forum"), 1),
        (("2022-07", "field_visit"), 1)]
    assert mm[0].labels == ("2022-06", "实地走访")
    assert mm[0].students_met == 2 and mm[1].students_met == 3
    assert [(r.labels, r.visits) for r in region] == [(("曾都区",), 2), (("随县",), 2)]
    assert [(r.keys, r.visits) for r in filtered] == [(("field_visit",), 1), (("forum",), 1)]
