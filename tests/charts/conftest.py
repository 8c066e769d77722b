"""Chart test data: a small campaign inserted as rows (the approach of tests/db/queries), and a
guard that fails any test in which matplotlib misses a glyph or a font."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from db.engine import Database
from tests.db.queries.conftest import World, make_world

TODAY = date(2022, 9, 15)


@pytest.fixture(autouse=True)
def _no_missing_glyphs(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """"Glyph ... missing from font(s)" (a warning) and "findfont: ... not found" (a log
    record) both mean boxes instead of Chinese: make them fail the test."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=r".*[Gg]lyph.*missing")
        warnings.filterwarnings("error", message=r".*findfont")
        with caplog.at_level(logging.WARNING, logger="matplotlib"):
            yield
    bad = [r.getMessage() for r in caplog.records
           if r.name.startswith("matplotlib") and ("findfont" in r.getMessage()
                                                   or "missing" in r.getMessage())]
    assert not bad, bad


@dataclass
class Campaign:
    db: Database
    world: World


@pytest.fixture
def campaign(db: Database) -> Campaign:
    """Two regions' worth of visits, problems, tasks and evaluations; two leaders.

    Visits: June — 2 实地走访 + 1 调研座谈; July — 1 明察暗访 + 1 实地走访.
    Problems (all reported in the 全面开展 / 持续深化 phases):
      曾都一中 (曾都区): P1 canteen/management closed, P2 safety/risk in progress,
                          P3 canteen/management open (no task);
      随县实验小学 (随县): P4 financial_aid/welfare resolved, P5 financial_aid/welfare closed.
    Tasks (today 2022-09-15): T1 serves P1 (closed; 满意, 基本满意), T2 serves P2 (overdue),
      T3 serves P4 (due in 3 working days: due soon; 不满意), T4 serves P5 (closed; 满意;
      a 民生实事 led by 局领导 张堃, strongly reported), T5 serves nothing yet (on time).
    """
    with db.transaction() as s:
        w = make_world(s)
        w.cadre(s, "张堃", "bureau_leader")
        w.cadre(s, "李明", "unit_leader")
        w.cadre(s, "王芳")
        w.assign(s, "王芳", "东关社区", "community")
        w.assign(s, "王芳", "万和村", "village")
        w.visit(s, date(2022, 6, 2), "曾都一中", ["王芳"], activities=["classroom", "canteen"])
        w.visit(s, date(2022, 6, 9), "曾都一中", ["王芳", "张堃"], activities=["dormitory"])
        w.visit(s, date(2022, 6, 20), "随县实验小学", ["李明"], method="forum")
        w.visit(s, date(2022, 7, 4), "随县实验小学", ["王芳"], method="inspection",
                activities=["family", "campus_event", "class_visit"])
        w.visit(s, date(2022, 7, 18), "东关社区", ["张堃"])
        p1 = w.problem(s, date(2022, 6, 5), "食堂饭菜偏咸", unit="曾都一中", status="closed",
                       area="canteen", category="management_service")
        p2 = w.problem(s, date(2022, 6, 6), "校门口交通拥堵", unit="曾都一中",
                       status="in_progress", area="safety", category="risk")
        w.problem(s, date(2022, 7, 7), "午休无床位", unit="曾都一中", area="canteen",
                  category="management_service")
        p4 = w.problem(s, date(2022, 7, 8), "资助发放慢", unit="随县实验小学",
                       status="resolved", area="financial_aid", category="welfare")
        p5 = w.problem(s, date(2022, 8, 9), "贫困生餐补", unit="随县实验小学", status="closed",
                       area="financial_aid", category="welfare", strongly=True)
        w.task(s, "改进食堂", deadline=date(2022, 7, 1), problems=[p1], status="closed",
               ratings=["satisfied", "basic"])
        w.task(s, "疏导交通", deadline=date(2022, 8, 15), problems=[p2])
        w.task(s, "加快资助", deadline=date(2022, 9, 20), problems=[p4], status="done",
               ratings=["unsatisfied"])
        w.task(s, "落实餐补", deadline=date(2022, 8, 31), problems=[p5], status="closed",
               leader="张堃", project=True, ratings=["satisfied"])
        w.task(s, "建章立制", deadline=date(2022, 12, 1))
    return Campaign(db, w)
