"""Data travels school → county → city and back, and the merge rule holds on the way."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from db.exchange import import_package, preview_import
from db.models import (
    AuditEntry,
    CareRecord,
    Problem,
    Setting,
    Unit,
    Visit,
    VisitCadre,
    utcnow,
)
from tests.exchange.conftest import (
    SiteEnv,
    add_unit_and_cadre,
    add_visit,
    digest,
    edit_problem,
    search_problems,
    search_visits,
)


def reference_down(sites: dict[str, SiteEnv]) -> tuple:
    """The city's unit and cadre, passed down to the school through the county."""
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = add_unit_and_cadre(city)
    county.receive(city.send(county))
    school.receive(county.send(school))
    return unit_id, cadre_id


def test_reference_data_reaches_the_school(sites: dict[str, SiteEnv]) -> None:
    unit_id, _cadre_id = reference_down(sites)
    with sites["SX01"].db.session() as s:
        unit = s.get(Unit, unit_id)
        assert unit is not None and unit.name == "随县实验小学" and unit.site == "SZ"
        # The school's own region row got the unit, not a second copy of the region.
        assert unit.region_id in {r for r in s.execute(select(Unit.region_id)).scalars()}


def test_school_data_reaches_the_city_and_is_searchable(sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    visit_id, problem_id = add_visit(school, unit_id, cadre_id)
    report = county.receive(school.send(county))
    assert report.tables["visit"].new == 1 and report.tables["problem"].new == 1
    report = city.receive(county.send(city))
    assert report.tables["visit"].new == 1 and report.tables["problem"].new == 1
    with city.db.session() as s:
        visit = s.get(Visit, visit_id)
        problem = s.get(Problem, problem_id)
        assert visit is not None and problem is not None
        assert visit.number.startswith("SX01-ZF")  # numbers keep their origin
        cadres = list(s.execute(select(VisitCadre.cadre_id)
                                .where(VisitCadre.visit_id == visit_id)).scalars())
        assert cadres == [cadre_id]
        assert search_visits(city.db, "热水") == [visit.sort_key]
        assert search_problems(city.db, "宿舍热水") == [problem.sort_key]


def test_reimport_and_older_package_change_nothing(sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _visit_id, problem_id = add_visit(school, unit_id, cadre_id, problem_text="食堂饭菜偏咸")
    first = school.send(county)
    county.receive(first)
    edit_problem(school, problem_id, strongly_reported=True)
    second = school.send(county)
    assert county.receive(second).tables["problem"].changed == 1
    before = digest(county.db)
    again = county.receive(second)
    assert again.nothing_to_do
    older = county.receive(first)
    assert older.nothing_to_do and not older.conflicts
    assert digest(county.db) == before
    with county.db.session() as s:
        assert s.get(Problem, problem_id).strongly_reported is True  # type: ignore[union-attr]


def test_conflict_keeps_both_versions(sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _, problem_id = add_visit(school, unit_id, cadre_id, problem_text="操场围栏破损")
    county.receive(school.send(county))
    city.receive(county.send(city))
    # Both edit the same problem before hearing from each other; the school's edit is later.
    edit_problem(city, problem_id, description="操场围栏破损，市局已督办")
    edit_problem(school, problem_id, description="操场围栏破损，学校已修好一半",
                 when=utcnow() + timedelta(seconds=1))
    county.receive(school.send(county))
    report = city.receive(county.send(city))
    assert report.tables["problem"].conflicts == 1
    [conflict] = report.conflicts
    assert conflict.winner == "incoming" and conflict.record_id == problem_id
    assert "两处都被修改" in report.summary()
    with city.db.session() as s:
        assert s.get(Problem, problem_id).description == "操场围栏破损，学校已修好一半"  # type: ignore[union-attr]
        entry = s.execute(select(AuditEntry).where(AuditEntry.summary.startswith("交换冲突"))  # type: ignore[attr-defined]
                          ).scalar_one()
        assert json.loads(entry.before)["description"] == "操场围栏破损，市局已督办"
        assert json.loads(entry.after)["description"] == "操场围栏破损，学校已修好一半"
    # The search index follows the winner.
    with city.db.session() as s:
        key = s.get(Problem, problem_id).sort_key  # type: ignore[union-attr]
    assert search_problems(city.db, "修好一半") == [key]
    assert search_problems(city.db, "市局已督办") == []
    # The city's losing version reaches the county later: the county picks the same winner.
    report = county.receive(city.send(county))
    with county.db.session() as s:
        assert s.get(Problem, problem_id).description == "操场围栏破损，学校已修好一半"  # type: ignore[union-attr]


def test_tombstone_travels_and_leaves_the_index(sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _visit_id, problem_id = add_visit(school, unit_id, cadre_id, problem_text="课后服务收费不明")
    county.receive(school.send(county))
    city.receive(county.send(city))
    assert len(search_problems(city.db, "收费不明")) == 1
    assert len(search_visits(city.db, "收费不明")) == 1
    edit_problem(school, problem_id, deleted_at=utcnow())
    county.receive(school.send(county))
    report = city.receive(county.send(city))
    assert report.tables["problem"].changed == 1
    with city.db.session() as s:
        assert s.get(Problem, problem_id).deleted_at is not None  # type: ignore[union-attr]
    assert search_problems(city.db, "收费不明") == []
    assert search_visits(city.db, "收费不明") == []
    assert len(search_visits(city.db, "宿舍条件")) == 1


def test_preview_counts_without_writing(sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    add_visit(school, unit_id, cadre_id)
    path = school.send(county)
    before = digest(county.db)
    preview = preview_import(county.db, path)
    assert not preview.applied
    assert preview.tables["visit"].new == 1 and preview.tables["problem"].new == 1
    assert digest(county.db) == before
    assert import_package(county.db, path).tables["visit"].new == 1


def test_delta_sends_only_what_changed(sites: dict[str, SiteEnv],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from db.exchange import export, export_package

    monkeypatch.setattr(export, "OVERLAP", timedelta(0))  # no re-sending margin for the count
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    add_visit(school, unit_id, cadre_id)
    county.receive(school.send(county))
    add_visit(school, unit_id, cadre_id, problem_text="第二个问题")
    result = export_package(school.db, "SX", school.outbox, key_dir=school.keys)
    assert result.counts.get("visit") == 1 and result.counts.get("problem") == 1
    full = export_package(school.db, "SX", school.outbox, key_dir=school.keys, full=True)
    assert full.counts["visit"] == 2


def test_county_passes_school_records_up_even_when_older_than_its_mark(
        sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    visit_id, _ = add_visit(school, unit_id, cadre_id)
    stale_package = school.send(county)  # made now, carried to the county later
    city.receive(county.send(city))  # the county's mark for the city moves past the visit
    county.receive(stale_package)
    report = city.receive(county.send(city))
    assert report.tables["visit"].new == 1
    with city.db.session() as s:
        assert s.get(Visit, visit_id) is not None


def test_settings_travel_down_only(sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    with city.db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == "deadline.on_site")).scalar_one()
        row.value, row.updated_at = "3", utcnow()
    county.receive(city.send(county))
    school.receive(county.send(school))
    for env in (county, school):
        with env.db.session() as s:
            assert s.execute(select(Setting.value).where(Setting.key == "deadline.on_site")
                             ).scalar_one() == "3"
    up = school.send(county)
    report = county.receive(up)
    assert "setting" not in report.tables
    # The bookkeeping settings never leave a site.
    with school.db.session() as s:
        assert s.execute(select(Setting).where(Setting.key == "exchange.peers")).first()
    with county.db.session() as s:
        peers = json.loads(s.execute(select(Setting.value).where(
            Setting.key == "exchange.peers")).scalar_one())
        assert set(peers) == {"SX01", "SZ"}


def test_care_records_only_with_the_flag(sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, _cadre_id = reference_down(sites)
    with school.db.transaction() as s:
        s.add(CareRecord(group="left_behind", person_name="小明", unit_id=unit_id,
                         situation="父母在外务工", site="SX01"))
    report = county.receive(school.send(county))
    assert "care_record" not in report.tables
    report = county.receive(school.send(county, include_care=True, full=True))
    assert report.tables["care_record"].new == 1


def test_unusual_characters_survive(sites: dict[str, SiteEnv]) -> None:
    """Line and paragraph separators, NEL, emoji and quotes inside text: one record each."""
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    text = "第一段\u2028第二段\u2029第三段\x85“引号”\"quote\"\n换行😀\t制表"
    _, problem_id = add_visit(school, unit_id, cadre_id, problem_text=text)
    report = county.receive(school.send(county))
    assert report.tables["problem"].new == 1
    with county.db.session() as s:
        assert s.get(Problem, problem_id).description == text  # type: ignore[union-attr]
