"""The finer points of the merge rule."""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select

from db.models import AuditEntry, Problem, Setting, Task, TaskProblem, TaskProgress, Unit, utcnow
from tests.exchange.conftest import SiteEnv, add_unit_and_cadre, add_visit, edit_problem
from tests.exchange.test_flow import reference_down


def test_conflict_where_our_version_wins(sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _, problem_id = add_visit(school, unit_id, cadre_id, problem_text="校门口交通拥堵")
    county.receive(school.send(county))
    edit_problem(school, problem_id, description="校门口交通拥堵（学校版）")
    edit_problem(county, problem_id, description="校门口交通拥堵（县局版）",
                 when=utcnow() + timedelta(minutes=1))
    report = county.receive(school.send(county))
    [conflict] = report.conflicts
    assert conflict.winner == "local"
    with county.db.session() as s:
        assert s.get(Problem, problem_id).description == "校门口交通拥堵（县局版）"  # type: ignore[union-attr]
        entry = s.execute(select(AuditEntry).where(
            AuditEntry.record_id == str(problem_id), AuditEntry.action == "update")).scalar_one()
        assert json.loads(entry.before)["description"] == "校门口交通拥堵（学校版）"
        assert "交换冲突" in entry.summary
    # Sent back, the school reaches the same verdict.
    report = school.receive(county.send(school))
    with school.db.session() as s:
        assert s.get(Problem, problem_id).description == "校门口交通拥堵（县局版）"  # type: ignore[union-attr]


def test_same_unit_made_on_two_sites_is_merged_not_duplicated(sites: dict[str, SiteEnv]) -> None:
    city, county = sites["SZ"], sites["SX"]
    county_unit, _ = add_unit_and_cadre(county, "随县实验小学", "王五")
    city_unit, _ = add_unit_and_cadre(city, "随县实验小学", "赵六")
    report = county.receive(city.send(county))
    assert report.tables["cadre"].new == 1
    with county.db.session() as s:
        units = list(s.execute(select(Unit).where(Unit.name == "随县实验小学")).scalars())
        assert [u.id for u in units] == [county_unit]
        from db.models import Cadre

        cadre = s.execute(select(Cadre).where(Cadre.name == "赵六")).scalar_one()
        assert cadre.unit_id == county_unit  # the city's id was translated
    del city_unit


def test_the_city_owns_settings(sites: dict[str, SiteEnv]) -> None:
    city, county = sites["SZ"], sites["SX"]
    with county.db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == "deadline.systemic")).scalar_one()
        row.value, row.updated_at = "90", utcnow() + timedelta(hours=1)
    with city.db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == "deadline.systemic")).scalar_one()
        row.value, row.updated_at = "45", utcnow()
    report = county.receive(city.send(county))
    assert [c.label for c in report.conflicts] == ["deadline.systemic"]
    with county.db.session() as s:
        assert s.execute(select(Setting.value).where(Setting.key == "deadline.systemic")
                         ).scalar_one() == "45"
    # Next time the city's own (unchanged) settings are simply "already here".
    report = county.receive(city.send(county, full=True))
    assert report.tables["setting"].changed == 0 and not report.conflicts


def test_task_for_a_school_problem_reaches_the_school(sites: dict[str, SiteEnv]) -> None:
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _, problem_id = add_visit(school, unit_id, cadre_id, problem_text="食堂没有留样柜")
    other_unit, other_cadre = add_unit_and_cadre(city, "曾都区二中", "钱七")
    county.receive(school.send(county))
    city.receive(county.send(city))
    with city.db.transaction() as s:
        task = Task(number="SZ-RW2022-00001", title="配齐食堂留样柜", resolution_mode="on_site",
                    opened_on=date(2022, 6, 12), deadline=date(2022, 6, 20),
                    responsible_unit_id=unit_id, site="SZ")
        s.add(task)
        s.flush()
        s.add(TaskProblem(task_id=task.id, problem_id=problem_id))
        s.add(TaskProgress(task_id=task.id, noted_on=date(2022, 6, 15), note="已采购",
                           percent=50, site="SZ"))
        unrelated = Task(number="SZ-RW2022-00002", title="别的学校的任务",
                         resolution_mode="on_site", opened_on=date(2022, 6, 12),
                         deadline=date(2022, 6, 20), responsible_unit_id=other_unit, site="SZ")
        s.add(unrelated)
        task_id = task.id
    del other_cadre
    county.receive(city.send(county))
    report = school.receive(county.send(school))
    assert report.tables["task"].new == 1 and report.tables["task_progress"].new == 1
    with school.db.session() as s:
        assert s.get(Task, task_id) is not None
        assert s.execute(select(TaskProblem.problem_id).where(TaskProblem.task_id == task_id)
                         ).scalar_one() == problem_id
        assert s.execute(select(Task).where(Task.title == "别的学校的任务")).first() is None


def test_unchanged_copy_from_the_sender_is_updated_not_a_conflict(
        sites: dict[str, SiteEnv]) -> None:
    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = reference_down(sites)
    _, problem_id = add_visit(school, unit_id, cadre_id)
    county.receive(school.send(county))
    for n in range(3):
        edit_problem(school, problem_id, description=f"第 {n} 次修改")
        report = county.receive(school.send(county))
        assert report.tables["problem"].changed == 1 and not report.conflicts
    with county.db.session() as s:
        assert s.get(Problem, problem_id).description == "第 2 次修改"  # type: ignore[union-attr]
