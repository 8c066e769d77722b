"""A leader's three rates in the cadre detail: the problems the tasks they lead serve, in the
campaign, with their fractions; none for a cadre who is not a leader."""

from __future__ import annotations

from datetime import date

from db.engine import Database
from db.queries.rates import leader_rates
from db.services import (
    EffectInput,
    EvaluationInput,
    ProblemInput,
    TaskInput,
    close_out,
    create_problem,
    open_task,
    record_effect,
    record_evaluation,
)
from desktop.ui.i18n import install_translators
from desktop.ui.personnel import PersonnelWidget
from tests.ui.personnel.conftest import ADMIN, Org


def _problem(db: Database, org: Org, day: date, text: str) -> object:
    return create_problem(db, ADMIN, ProblemInput(
        reported_on=day, source_channel="petition", reporter_type="parent", area="canteen",
        category="management_service", description=text, unit_id=org.school)).id


def test_a_leader_sees_the_three_rates_of_the_tasks_they_lead(
        qtbot: object, db: Database, org: Org, widget: PersonnelWidget) -> None:
    p1 = _problem(db, org, date(2022, 6, 1), "食堂饭菜偏咸")
    p2 = _problem(db, org, date(2022, 6, 2), "食堂排队时间长")
    _problem(db, org, date(2022, 6, 3), "食堂卫生差")  # nobody's task: not the leader's
    # p1 answered on time (2 working days) and closed out, rated satisfied; p2 answered late.
    t1 = open_task(db, ADMIN, TaskInput((p1,), "食堂减盐", "on_site", lead_leader_id=org.li,
                                        opened_on=date(2022, 6, 3))).id
    open_task(db, ADMIN, TaskInput((p2,), "错峰就餐", "supervised", lead_leader_id=org.li,
                                   opened_on=date(2022, 6, 20)))
    record_effect(db, ADMIN, t1, EffectInput(date(2022, 6, 8), "已减盐"))
    record_evaluation(db, ADMIN, t1, EvaluationInput("satisfied", 3,
                                                     evaluated_on=date(2022, 6, 9)))
    close_out(db, ADMIN, t1, "李四", date(2022, 6, 10))
    widget.refresh()

    assert widget.table.select(org.li)
    rates = widget.detail.rates
    assert rates.isVisibleTo(widget)
    assert rates.caption.text() == "该领导领办任务所涉问题的三率："
    assert "50.0%（1/2" in rates.response.text()
    assert "50.0%（1/2" in rates.resolution.text()
    assert "100.0%（1/1" in rates.satisfaction.text()
    with db.session() as s:  # the figures are the query's, for the campaign window
        expected = leader_rates(s, org.li, date_from=date(2022, 5, 15),
                                date_to=date(2022, 12, 31))
    assert rates.rates == expected
    assert (expected.problems, expected.responded, expected.closed) == (2, 1, 1)

    install_translators("en")
    try:
        qtbot.waitUntil(  # type: ignore[attr-defined]
            lambda: rates.caption.text().startswith("Three rates of the problems"))
        assert rates.response.text().startswith("Response 50.0%")
    finally:
        install_translators("zh_CN")

    assert widget.table.select(org.zhang)  # not a leader: no quotas, no rates
    assert not widget.detail.quota_group.isVisibleTo(widget)
    assert not rates.isVisibleTo(widget)
