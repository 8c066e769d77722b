"""Leaders' quotas: strongly reported problems resolved, 实事 projects led."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from db.engine import Database
from db.models import Setting
from db.queries.quotas import PROJECTS, STRONG_PROBLEMS, leader_quotas
from tests.db.queries.conftest import World

D = date(2022, 6, 10)
DL = date(2022, 8, 1)


def test_quotas(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.cadre(s, "局长", "bureau_leader")
        world.cadre(s, "副局长", "bureau_leader")
        world.cadre(s, "校长", "unit_leader", "曾都一中")
        world.cadre(s, "书记", "branch_secretary")
        world.cadre(s, "干部", "cadre")
        strong = [world.problem(s, D, f"强烈问题{i}", unit="曾都一中", strongly=True,
                                status="closed") for i in range(3)]
        open_strong = world.problem(s, D, "未销号", unit="曾都一中", strongly=True)
        weak = world.problem(s, D, "一般问题", unit="曾都一中", status="closed")
        gone = world.problem(s, D, "已删除", strongly=True, status="closed", deleted=True)
        # 局长: two tasks serving the same strong problem count it once; + a second one.
        world.task(s, "任务1", deadline=DL, problems=[strong[0], weak], leader="局长",
                   status="closed")
        world.task(s, "任务2", deadline=DL, problems=[strong[0], strong[1], open_strong],
                   leader="局长", project=True, status="closed")
        world.task(s, "任务3", deadline=DL, problems=[gone], leader="局长")
        world.task(s, "实事2", deadline=DL, leader="局长", project=True)
        # 副局长 leads only a tombstoned task.
        world.task(s, "已删", deadline=DL, problems=[strong[2]], leader="副局长",
                   project=True, deleted=True)
        world.task(s, "校长的", deadline=DL, problems=[strong[2]], leader="校长",
                   status="closed")
        world.task(s, "书记的实事", deadline=DL, leader="书记", project=True)
        world.task(s, "干部的", deadline=DL, leader="干部", project=True)
    with db.session() as s:
        q = {lq.cadre.name: lq for lq in leader_quotas(s)}
    assert set(q) == {"局长", "副局长", "校长", "书记"}  # plain cadres have no such quota
    boss = q["局长"]
    sp = boss.quota(STRONG_PROBLEMS)
    assert sp is not None and sp.count == 2 and sp.met
    assert (sp.target_min, sp.target_max) == (1, 2)
    assert sp.text == "解决群众反映强烈问题 2 个（要求 1–2 个），已达标"
    pr = boss.quota(PROJECTS)
    assert pr is not None and (pr.count, pr.closed, pr.met) == (2, 1, True)
    assert boss.all_met
    deputy = q["副局长"]
    assert deputy.quota(STRONG_PROBLEMS).count == 0  # type: ignore[union-attr]
    assert not deputy.quota(STRONG_PROBLEMS).met  # type: ignore[union-attr]
    assert "未达标，还差 1 个" in deputy.quota(STRONG_PROBLEMS).text  # type: ignore[union-attr]
    assert not deputy.quota(PROJECTS).met and not deputy.all_met  # type: ignore[union-attr]
    head = q["校长"]
    assert head.quota(STRONG_PROBLEMS).met  # type: ignore[union-attr]
    assert head.quota(STRONG_PROBLEMS).target_max is None  # type: ignore[union-attr]
    assert "要求 1 个" in head.quota(STRONG_PROBLEMS).text  # type: ignore[union-attr]
    assert not head.quota(PROJECTS).met  # type: ignore[union-attr]
    sec = q["书记"]
    assert sec.quota(STRONG_PROBLEMS) is None
    assert sec.quota(PROJECTS).met and sec.quota(PROJECTS).closed == 0  # type: ignore[union-attr]


def test_targets_and_window(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.cadre(s, "局长", "bureau_leader")
        p = world.problem(s, D, "强烈", strongly=True, status="closed")
        world.task(s, "去年的", deadline=DL, problems=[p], leader="局长", project=True,
                   opened_on=date(2021, 6, 1))
        row = s.execute(select(Setting).where(
            Setting.key == "quota.bureau_leader.strong_problems_min")).scalar_one()
        row.value = json.dumps(2)
    with db.session() as s:
        all_time = leader_quotas(s)[0]
        this_year = leader_quotas(s, date_from=date(2022, 1, 1), date_to=date(2022, 12, 31))[0]
    sp = all_time.quota(STRONG_PROBLEMS)
    assert sp is not None and sp.count == 1 and sp.target_min == 2 and not sp.met
    assert all_time.quota(PROJECTS).met  # type: ignore[union-attr]
    assert this_year.quota(STRONG_PROBLEMS).count == 0  # type: ignore[union-attr]
    assert not this_year.quota(PROJECTS).met  # type: ignore[union-attr]
