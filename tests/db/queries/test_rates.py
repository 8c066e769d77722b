"""The three rates (db.queries.rates) against values worked out by hand on a small database.

The set response time is 5 working days. Around National Day 2022 the calendar matters:
10-01 … 10-07 are holidays, Saturday 10-08 and Sunday 10-09 are working days.

P1 曾都一中 (zengdu) reported 09-26, task T1 (甲) 09-30: 4 working days, on time; closed;
   rated 满意 and 基本满意.
P2 曾都一中 09-29, T2 (乙) 10-10: 4 working days (09-30, 10-08, 10-09, 10-10), on time;
   in progress; rated 不满意.
P3 曾都一中 09-26, T3 (甲) 10-08: 5 working days, just on time; closed; rated 满意.
P4 曾都一中 09-20, T4 (甲) 09-28: 6 working days, late; in progress; not rated.
P5 随县实验小学 09-26: only a deleted task (with a rating), so none; open.
P6 suixian (no unit) 10-12, T5 (乙) the same day: on time; closed; rated 基本满意, 不满意.
P9 曾都一中 08-01: no task; open.
plus a problem merged into P1 and a deleted one, which never count.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from db.engine import Database
from db.models import Setting
from db.queries.rates import RateFilter, ThreeRates, leader_rates, percent, three_rates
from db.queries.stats import StatsFilter, problem_totals
from tests.db.queries.conftest import World


@pytest.fixture
def rated(db: Database, world: World) -> World:
    w = world
    with db.transaction() as s:
        w.cadre(s, "甲", "bureau_leader")
        w.cadre(s, "乙", "bureau_leader")
        d = date
        p1 = w.problem(s, d(2022, 9, 26), "食堂", unit="曾都一中", status="closed")
        p2 = w.problem(s, d(2022, 9, 29), "校车", unit="曾都一中", status="in_progress")
        p3 = w.problem(s, d(2022, 9, 26), "宿舍", unit="曾都一中", status="closed")
        p4 = w.problem(s, d(2022, 9, 20), "操场", unit="曾都一中", status="in_progress")
        p5 = w.problem(s, d(2022, 9, 26), "课后", unit="随县实验小学")
        p6 = w.problem(s, d(2022, 10, 12), "交通", region="suixian", status="closed")
        w.problem(s, d(2022, 8, 1), "旧问题", unit="曾都一中")
        dup = w.problem(s, d(2022, 9, 27), "食堂重复", unit="曾都一中", status="merged")
        gone = w.problem(s, d(2022, 9, 27), "已删除", unit="曾都一中", deleted=True)
        w.task(s, "T1", deadline=d(2022, 10, 20), problems=[p1, dup], leader="甲",
               opened_on=d(2022, 9, 30), status="closed", ratings=["satisfied", "basic"])
        w.task(s, "T2", deadline=d(2022, 10, 30), problems=[p2], leader="乙",
               opened_on=d(2022, 10, 10), ratings=["unsatisfied"])
        w.task(s, "T3", deadline=d(2022, 10, 20), problems=[p3], leader="甲",
               opened_on=d(2022, 10, 8), status="closed", ratings=["satisfied"])
        w.task(s, "T4", deadline=d(2022, 10, 20), problems=[p4, gone], leader="甲",
               opened_on=d(2022, 9, 28))
        w.task(s, "T5", deadline=d(2022, 10, 30), problems=[p6], leader="乙",
               opened_on=d(2022, 10, 12), status="closed", ratings=["basic", "unsatisfied"])
        w.task(s, "T6 deleted", deadline=d(2022, 10, 30), problems=[p5],
               opened_on=d(2022, 9, 27), deleted=True, ratings=["satisfied"])
    return w


def counts(r: ThreeRates) -> tuple[int, int, int, int, int, int]:
    return (r.problems, r.responded, r.with_task, r.closed, r.rated, r.satisfied)


def test_rates_by_hand(db: Database, rated: World) -> None:
    w = rated
    cases = {
        "all": (RateFilter(), (7, 4, 5, 3, 6, 4)),
        "zengdu": (RateFilter(region_id=w.regions["zengdu"]), (5, 3, 4, 2, 4, 3)),
        "suixian": (RateFilter(region_id=w.regions["suixian"]), (2, 1, 1, 1, 2, 1)),
        "school": (RateFilter(unit_id=w.units["随县实验小学"]), (1, 0, 0, 0, 0, 0)),
        "甲": (RateFilter(lead_leader_id=w.cadres["甲"]), (3, 2, 3, 2, 3, 3)),
        "乙": (RateFilter(lead_leader_id=w.cadres["乙"]), (2, 2, 2, 1, 3, 1)),
        "late September": (RateFilter(date_from=date(2022, 9, 21), date_to=date(2022, 9, 30)),
                           (4, 3, 3, 2, 4, 3)),
        "甲 in zengdu, late Sept": (RateFilter(region_id=w.regions["zengdu"],
                                              lead_leader_id=w.cadres["甲"],
                                              date_from=date(2022, 9, 21)), (2, 2, 2, 2, 3, 3)),
    }
    with db.session() as s:
        got = {name: counts(three_rates(s, f)) for name, (f, _) in cases.items()}
        everyone = three_rates(s)
        school = three_rates(s, cases["school"][0])
        jia = leader_rates(s, w.cadres["甲"])
    assert got == {name: expected for name, (_, expected) in cases.items()}
    assert everyone.response_workdays == 5
    assert (percent(everyone.response_rate), percent(everyone.resolution_rate),
            percent(everyone.satisfaction_rate)) == ("57.1%", "42.9%", "66.7%")
    assert school.satisfaction_rate is None and percent(school.satisfaction_rate) == "—"
    assert counts(jia) == cases["甲"][1]


def test_response_time_is_the_campaign_setting(db: Database, rated: World) -> None:
    with db.transaction() as s:
        s.execute(select(Setting).where(Setting.key == "rates.response_workdays")
                  ).scalar_one().value = "4"
    with db.session() as s:
        r = three_rates(s)
    # P3 took exactly 5 working days: now late. P1, P2 (4) and P6 (0) stay on time.
    assert (r.response_workdays, r.responded, r.with_task) == (4, 3, 5)


def test_resolution_and_satisfaction_agree_with_the_statistics(db: Database,
                                                               rated: World) -> None:
    w = rated
    with db.session() as s:
        for region in (None, w.regions["zengdu"], w.regions["suixian"]):
            for unit in (None, w.units["曾都一中"]):
                mine = three_rates(s, RateFilter(region_id=region, unit_id=unit))
                theirs = problem_totals(s, StatsFilter(region_id=region, unit_id=unit))
                assert (mine.problems, mine.closed, mine.rated) == \
                    (theirs.total, theirs.closed, theirs.rated)
                assert mine.resolution_rate == theirs.resolution_rate
                assert mine.satisfaction_rate == theirs.satisfaction_rate
