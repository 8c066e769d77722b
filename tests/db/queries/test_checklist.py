"""The nine ones, derived from assignments and visits; and who has not gone down yet."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from db.demo import generate
from db.engine import Database, open_database
from db.queries import checklist as checklist_module
from db.queries.checklist import Checklist, cadre_checklist, checklists, not_gone_down
from db.queries.periods import campaign_period
from db.vocab import NINE_ONES
from tests.db.queries.conftest import World

TODAY = date(2022, 9, 1)


def test_checklist_items_and_evidence(db: Database, world: World) -> None:
    with db.transaction() as s:
        world.cadre(s, "张三")
        world.cadre(s, "李四")
        a_comm = world.assign(s, "张三", "东关社区", "community")
        world.assign(s, "张三", "万和村", "village", ended_on=date(2022, 8, 1))  # ended
        world.assign(s, "李四", "万和村", "village", deleted=True)  # tombstoned
        world.assign(s, "李四", "曾都一中", "contact_point")  # not one of the nine
        # 张三: four canteen visits (evidence keeps the three newest), one at a kindergarten.
        canteen = [world.visit(s, date(2022, 6, d), "曾都一中", ["张三"],
                               activities=["canteen"]) for d in (3, 9, 5, 7)]
        world.visit(s, date(2022, 6, 20), "广水市幼儿园", ["张三", "李四"],
                    activities=["classroom", "family"])
        # A tombstoned dormitory visit does not count; a visit to a community is no school.
        world.visit(s, date(2022, 6, 21), "曾都一中", ["张三"], activities=["dormitory"],
                    deleted=True)
        world.visit(s, date(2022, 6, 22), "东关社区", ["李四"], activities=["campus_event"])
    with db.session() as s:
        c = cadre_checklist(s, world.cadres["张三"], today=TODAY)
        assert c is not None
        li = cadre_checklist(s, world.cadres["李四"], today=TODAY)
        assert li is not None
    assert [i.code for i in c.items] == NINE_ONES.codes()
    done = {i.code for i in c.items if i.done}
    assert done == {"community", "school", "canteen", "classroom", "family"}
    assert c.item("community").assignment_id == a_comm
    assert c.item("community").unit_name == "东关社区"
    assert not c.item("village").done  # ended before TODAY
    assert not c.item("dormitory").done
    can = c.item("canteen")
    assert can.count == 4
    assert [v.visit_date.day for v in can.visits] == [9, 7, 5]
    assert {v.number for v in can.visits} <= {v.number for v in canteen}
    assert c.item("school").count == 5  # four at 曾都一中, one at the kindergarten
    assert c.done_count == 5 and not c.complete
    assert set(c.missing) == {"village", "class_visit", "dormitory", "campus_event"}
    assert {i.code for i in li.items if i.done} == {"school", "classroom", "family",
                                                    "campus_event"}
    assert li.item("school").count == 1  # the community visit is not a school visit


def test_date_range_and_bulk_agree_with_single(db: Database, world: World) -> None:
    with db.transaction() as s:
        for name in ("甲", "乙", "丙"):
            world.cadre(s, name)
        world.cadre(s, "离职", active=False)
        world.visit(s, date(2022, 5, 10), "曾都一中", ["甲"], activities=["class_visit"])
        world.visit(s, date(2022, 7, 10), "曾都一中", ["甲", "乙"], activities=["canteen"])
        world.visit(s, date(2022, 7, 11), "曾都一中", ["离职"], activities=["canteen"])
    with db.session() as s:
        bulk = checklists(s, today=TODAY, date_from=date(2022, 6, 1),
                          date_to=date(2022, 12, 31))
        single = cadre_checklist(s, world.cadres["甲"], today=TODAY,
                                 date_from=date(2022, 6, 1), date_to=date(2022, 12, 31))
        everything = cadre_checklist(s, world.cadres["甲"], today=TODAY)
    by_name = {c.cadre.name: c for c in bulk}
    assert set(by_name) == {"甲", "乙", "丙"}  # the inactive cadre is left out
    assert by_name["甲"] == single
    assert not by_name["甲"].item("class_visit").done  # May is before the range
    assert everything is not None and everything.item("class_visit").done
    assert by_name["乙"].item("canteen").done and by_name["乙"].item("school").done
    assert by_name["丙"].done_count == 0


def test_not_gone_down(db: Database, world: World) -> None:
    with db.transaction() as s:
        for name, tier in (("甲", "bureau_leader"), ("乙", "cadre"), ("丙", "cadre"),
                           ("丁", "cadre")):
            world.cadre(s, name, tier)
        world.cadre(s, "离职", active=False)
        world.cadre(s, "已删", deleted=True)
        world.visit(s, date(2022, 6, 1), "曾都一中", ["甲"])
        world.visit(s, date(2022, 8, 1), "东关社区", ["乙"])
        world.visit(s, date(2022, 8, 2), "东关社区", ["丙"], deleted=True)
    with db.session() as s:
        all_time = [c.name for c in not_gone_down(s)]
        since_july = [c.name for c in not_gone_down(s, date_from=date(2022, 7, 1))]
        leaders = not_gone_down(s, date_from=date(2022, 7, 1), tiers=["bureau_leader"])
    assert sorted(all_time) == ["丁", "丙"]
    assert sorted(since_july) == ["丁", "丙", "甲"]
    assert [c.name for c in leaders] == ["甲"]
    assert leaders[0].unit_name == "教育局机关" and leaders[0].tier == "bureau_leader"


def test_campaign_period(db: Database) -> None:
    from db.queries import campaign_period

    with db.session() as s:
        assert campaign_period(s) == (date(2022, 5, 15), date(2022, 12, 31))


def _without_evidence(found: list[Checklist]) -> list[Checklist]:
    return [dataclasses.replace(c, items=tuple(dataclasses.replace(i, visits=())
                                               for i in c.items)) for c in found]


def _counts(found: list[Checklist]) -> dict[tuple[str, str], int]:
    return {(c.cadre.name, i.code): i.count for c in found for i in c.items if i.count}


def _assert_counts_agree(db: Database, today: date, ranges: list[tuple[date | None, date | None]]
                         ) -> int:
    """The counts-only form equals the evidence form, in bulk (SQLite: the INDEXED BY query)
    and for listed cadres (the portable query); returns how many counts were compared."""
    compared = 0
    with db.session() as s:
        for date_from, date_to in ranges:
            full = checklists(s, today=today, date_from=date_from, date_to=date_to)
            lean = checklists(s, today=today, date_from=date_from, date_to=date_to,
                              evidence=False)
            listed = checklists(s, [c.cadre.id for c in full], today=today,
                                date_from=date_from, date_to=date_to, evidence=False)
            assert lean == _without_evidence(full)
            assert listed == lean
            assert all(i.visits == () for c in lean for i in c.items)
            compared += len(_counts(full))
    return compared


def _nine_ones_world(db: Database, world: World) -> None:
    with db.transaction() as s:
        for name in ("甲", "乙", "丙"):
            world.cadre(s, name)
        world.cadre(s, "离职", active=False)
        world.assign(s, "甲", "东关社区", "community")
        world.assign(s, "乙", "万和村", "village", ended_on=date(2022, 8, 1))
        world.visit(s, date(2022, 5, 10), "曾都一中", ["甲"], activities=["class_visit"])
        for day in (3, 4, 5):
            world.visit(s, date(2022, 7, day), "曾都一中", ["甲", "乙"],
                        activities=["canteen", "dormitory"])
        world.visit(s, date(2022, 7, 11), "曾都一中", ["离职"], activities=["canteen"])
        world.visit(s, date(2022, 7, 12), "广水市幼儿园", ["乙"])  # school, no activity
        world.visit(s, date(2022, 7, 12), "东关社区", ["丙"], activities=["family"])
        world.visit(s, date(2022, 7, 11), "曾都一中", ["丙"], activities=["family"],
                    deleted=True)
        world.visit(s, date(2022, 12, 31), "曾都一中", ["丙"], activities=["campus_event"])


RANGES: list[tuple[date | None, date | None]] = [
    (None, None), (date(2022, 6, 1), date(2022, 12, 31)), (date(2022, 7, 4), date(2022, 7, 12)),
    (date(2022, 12, 31), None), (None, date(2022, 5, 10)),
]


def test_counts_only_equal_the_evidence_form(db: Database, world: World) -> None:
    _nine_ones_world(db, world)
    assert _assert_counts_agree(db, TODAY, RANGES) > 0
    with db.session() as s:
        lean = {c.cadre.name: c for c in checklists(s, today=TODAY, evidence=False,
                                                    date_from=date(2022, 7, 4),
                                                    date_to=date(2022, 7, 12))}
    # Spot checks, so agreeing on nothing cannot pass: the range holds two of the three
    # canteen visits, the kindergarten and the community visit; 丙's deleted one is left out.
    assert lean["甲"].item("canteen").count == 2 and lean["乙"].item("dormitory").count == 2
    assert lean["乙"].item("school").count == 3 and not lean["乙"].item("village").done
    assert lean["甲"].item("community").done and not lean["甲"].item("class_visit").done
    assert lean["丙"].item("family").count == 1 and not lean["丙"].item("school").done


def test_counts_only_without_the_index(db: Database, world: World) -> None:
    """A database without the live-keys index (never on a migrated one) falls back to the
    portable query instead of failing on INDEXED BY (PostgreSQL always takes that one)."""
    sqlite = db.engine.dialect.name == "sqlite"
    _nine_ones_world(db, world)
    with db.session() as s:
        assert checklist_module._has_live_keys(s) == sqlite
        with_index = checklists(s, today=TODAY, evidence=False)
    with db.engine.begin() as conn:
        conn.execute(text(f"DROP INDEX {checklist_module.LIVE_KEYS_INDEX}"))
    with db.session() as s:
        assert not checklist_module._has_live_keys(s)
        assert checklists(s, today=TODAY, evidence=False) == with_index
    assert _counts(with_index)[("乙", "canteen")] == 3


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(path, scale=1)
    return path


def test_counts_only_equal_the_evidence_form_on_the_demo(demo: Path) -> None:
    database = open_database(demo)
    try:
        with database.session() as s:
            start, end = campaign_period(s)
            assert checklist_module._has_live_keys(s)  # the bulk form takes the fast query
        # Thousands of counts: every cadre's nine over the campaign, a month and all time.
        compared = _assert_counts_agree(
            database, date(2022, 11, 1),
            [(start, end), (date(2022, 7, 1), date(2022, 7, 31)), (None, None)])
    finally:
        database.dispose()
    assert compared > 1000
