"""Each chart from a small campaign: the query, then the figure; bars and labels checked against
the query's numbers; empty data says 暂无数据."""

from __future__ import annotations

from datetime import date

import matplotlib
import pytest
from matplotlib.figure import Figure
from sqlalchemy import select

from db.engine import Database
from db.models import Task
from db.queries.deadlines import deadline_summary
from db.queries.stats import StatsFilter, problem_stats, problem_totals, visit_stats
from db.vocab import AREAS, CATEGORIES, METHODS, NINE_ONES
from desktop.charts import catalog
from desktop.charts.deadlines import build_deadlines, chart_deadlines
from desktop.charts.nine_ones import build_nine_ones, chart_nine_ones
from desktop.charts.phases import build_phases, chart_phases
from desktop.charts.problems import (
    build_funnel,
    build_problems_by_area,
    build_problems_by_category,
    build_rates_by_region,
    build_satisfaction,
    chart_funnel,
    chart_problems_by_area,
    chart_problems_by_category,
    chart_rates_by_region,
    chart_satisfaction,
    rate_ranking,
)
from desktop.charts.quotas import build_quotas, chart_quotas
from desktop.charts.style import FAMILY
from desktop.charts.visits import build_visits_by_month, chart_visits_by_month
from tests.charts.conftest import TODAY, Campaign
from tests.charts.helpers import bars, render, series, texts, ticks


def test_visits_per_month_stacked_by_method(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_visits_by_month(s)
        assert data == visit_stats(s, ("month", "method"))
    fig = chart_visits_by_month(data)
    ax = fig.axes[0]
    got = series(ax)
    zh = METHODS.label
    assert got[zh("field_visit")] == [2, 1]  # June, July
    assert got[zh("forum")] == [1, 0]
    assert got[zh("inspection")] == [0, 1]
    render(fig)
    assert ticks(ax.get_xticklabels()) == ["6月\n2022年", "7月"]
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == \
        [zh("field_visit"), zh("forum"), zh("inspection")]
    assert {"3", "2"} <= set(texts(fig))  # the month totals on top of the stacks
    assert "每月走访次数（按走访方式）" in texts(fig)


def test_problems_by_area_and_category(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        areas = build_problems_by_area(s, today=TODAY)
        categories = build_problems_by_category(s, today=TODAY)
        assert areas == problem_stats(s, "area", today=TODAY)
    fig = chart_problems_by_area(areas)
    ax = fig.axes[0]
    got = series(ax)
    totals = [a + b for a, b in zip(got["已销号"], got["未销号"], strict=True)]
    assert totals == [r.total for r in areas]
    by_label = dict(zip(AREAS.labels(), totals, strict=True))
    assert by_label["食堂"] == 2 and by_label["资助"] == 2 and by_label["安全"] == 1
    assert dict(zip(AREAS.labels(), got["已销号"], strict=True))["资助"] == 1
    render(fig)
    assert ticks(ax.get_yticklabels()) == AREAS.labels()
    assert "共 2" in texts(fig)

    fig = chart_problems_by_category(categories)
    ax = fig.axes[0]
    render(fig)
    assert ticks(ax.get_yticklabels()) == CATEGORIES.labels()
    got = series(ax)
    assert sum(got["已销号"]) + sum(got["未销号"]) == 5


def test_funnel_from_problem_totals(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_funnel(s, today=TODAY)
        assert data == problem_totals(s, today=TODAY)
    assert (data.total, data.with_task, data.resolved, data.closed) == (5, 4, 3, 2)
    fig = chart_funnel(data)
    ax = fig.axes[0]
    (container,) = bars(ax)
    assert [p.get_width() for p in container.patches] == [5, 4, 3, 2]
    # Centred: each bar starts half its width left of zero.
    assert [p.get_x() for p in container.patches] == [-2.5, -2.0, -1.5, -1.0]
    found = texts(fig)
    assert "5（100.0%）" in found and "2（40.0%）" in found
    assert ticks(ax.get_yticklabels()) == ["问题清单（已登记）", "任务清单（已立任务）",
                                                 "效果清单（已见效）", "已销号"]


def test_deadlines_on_time_due_soon_overdue(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_deadlines(s, today=TODAY)
        assert data == deadline_summary(s, today=TODAY)
    assert (data.watched, data.due_soon_count, data.overdue_count) == (3, 1, 1)
    fig = chart_deadlines(data)
    left, right = fig.axes
    (states,) = bars(left)
    assert [p.get_height() for p in states.patches] == [1, 1, 1]
    render(fig)
    assert ticks(left.get_xticklabels()) == ["正常推进", "即将到期", "已逾期"]
    (late,) = bars(right)
    assert ticks(right.get_xticklabels()) == ["已逾期", "已催办", "督办中", "通报批评"]
    assert [p.get_height() for p in late.patches] == [1, 0, 0, 0]  # 疏导交通, no step yet
    assert "未销号任务 3 项" in texts(fig)

    # A step taken moves the task up the ladder; it is counted once, at its stage.
    with campaign.db.transaction() as s:
        task = s.execute(select(Task).where(Task.title == "疏导交通")).scalar_one()
        task.escalation = "supervision"
    with campaign.db.session() as s:
        data = build_deadlines(s, today=TODAY)
    (late,) = bars(chart_deadlines(data).axes[1])
    assert [p.get_height() for p in late.patches] == [0, 0, 1, 0]


def test_rates_by_region_ranked(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_rates_by_region(s, today=TODAY)
    ranked = rate_ranking(data)
    assert [r.label for r in ranked[:2]] == ["曾都区", "随县"][::-1]  # 随县 1/2 closed > 1/3
    fig = chart_rates_by_region(data)
    ax = fig.axes[0]
    got = series(ax)
    suixian = next(r for r in data if r.label == "随县")
    assert got["解决率"][0] == pytest.approx((suixian.resolution_rate or 0) * 100)
    assert got["响应率"][0] == pytest.approx(100.0)
    assert got["满意率"][0] == pytest.approx(50.0)  # 满意 + 不满意
    found = texts(fig)
    assert "1. 随县" in found and "2. 曾都区" in found
    assert "33.3%" in found  # 曾都区: 1 of 3 closed
    # Regions without problems stay on the chart (assessed too), unranked, at the bottom.
    assert "广水市" in found and "—" in found


def test_satisfaction_shares(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_satisfaction(s, today=TODAY)
    total = data[0]
    assert (total.satisfied, total.basic, total.unsatisfied) == (2, 1, 1)
    fig = chart_satisfaction(data)
    ax = fig.axes[0]
    got = series(ax)
    assert got["满意"][0] == pytest.approx(50.0)  # 合计 on top
    assert got["基本满意"][0] == pytest.approx(25.0)
    assert got["不满意"][0] == pytest.approx(25.0)
    found = texts(fig)
    assert "合计（4 次评价）" in found
    assert "不满意 25%" in found and "50%" in found
    # Regions without evaluations are left out.
    assert not any(t.startswith("广水市") for t in found)


def test_nine_ones(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_nine_ones(s, today=TODAY)
    assert sorted(c.done_count for c in data) == [1, 2, 9]
    fig = chart_nine_ones(data)
    left, right = fig.axes
    whole, done = bars(left)
    assert [p.get_width() for p in whole.patches] == [3] * 9
    by_item = dict(zip(NINE_ONES.codes(), [p.get_width() for p in done.patches], strict=True))
    assert by_item == {"community": 1, "village": 1, "school": 3, "class_visit": 1,
                       "classroom": 1, "canteen": 1, "dormitory": 2, "family": 1,
                       "campus_event": 1}
    (hist,) = bars(right)
    assert [p.get_height() for p in hist.patches] == [0, 1, 1, 0, 0, 0, 0, 0, 0, 1]
    found = texts(fig)
    assert "“九个一”完成情况（共 3 名党员干部）" in found
    assert "3（100%）" in found
    assert NINE_ONES.label("canteen") in found


def test_phases(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_phases(s, today=TODAY)
    assert [(p.code, p.reported, p.closed) for p in data] == [
        ("mobilisation", 0, 0), ("rollout", 2, 1), ("deepening", 3, 1), ("consolidation", 0, 0)]
    assert data[1].ends_on == date(2022, 6, 30)
    fig = chart_phases(data, today=TODAY)
    ax = fig.axes[0]
    got = series(ax)
    assert got["登记问题"] == [0, 2, 3, 0]
    assert got["其中已销号（柱内为销号率）"] == [0, 1, 1, 0]
    render(fig)
    labels = ticks(ax.get_xticklabels())
    assert labels[1] == "全面开展\n截至6月30日"
    assert labels[2] == "持续深化\n截至10月31日\n（进行中）"
    assert labels[3] == "巩固提升\n截至12月31日\n（未开始）"
    assert "50%" in texts(fig)


def test_quotas(campaign: Campaign) -> None:
    with campaign.db.session() as s:
        data = build_quotas(s, today=TODAY)
    fig = chart_quotas(data)
    ax = fig.axes[0]
    got = series(ax)
    render(fig)
    labels = ticks(ax.get_yticklabels())
    assert labels == [
        "解决群众反映强烈问题\n局领导班子成员", "解决群众反映强烈问题\n二级单位领导班子成员",
        "领办民生实事项目\n局领导班子成员", "领办民生实事项目\n二级单位领导班子成员",
    ]
    assert got["已达标"] == [1, 0, 1, 0]
    assert got["未达标"] == [0, 1, 0, 1]
    assert "未达标 1 / 共 1" in texts(fig)


def test_filters_narrow_the_charts(campaign: Campaign) -> None:
    june = StatsFilter(date_from=date(2022, 6, 1), date_to=date(2022, 6, 30))
    with campaign.db.session() as s:
        fig = chart_funnel(build_funnel(s, june, today=TODAY))
        visits = build_visits_by_month(s, june)
    assert bars(fig.axes[0])[0].patches[0].get_width() == 2  # problems reported in June
    assert sum(v.visits for v in visits) == 3


@pytest.mark.parametrize("spec", catalog.CHARTS, ids=lambda spec: spec.key)
def test_empty_database_says_no_data(db: Database, spec: catalog.ChartSpec) -> None:
    with db.session() as s:
        data = spec.build(s, None, today=TODAY)
    fig = spec.draw(data)
    assert isinstance(fig, Figure)
    found = texts(fig)
    assert "暂无数据" in found
    assert spec.draw(data, lang="en") is not None


@pytest.mark.parametrize("spec", catalog.CHARTS, ids=lambda spec: spec.key)
def test_every_chart_in_the_house_style(campaign: Campaign, spec: catalog.ChartSpec) -> None:
    before = dict(matplotlib.rcParams)
    with campaign.db.session() as s:
        data = spec.build(s, None, today=TODAY)
    fig = spec.draw(data)
    # No global state left behind: the style lives in a context while the figure is made.
    assert dict(matplotlib.rcParams) == before
    found = texts(fig)  # drawn outside the context, as the Qt canvas will
    assert any("\u4e00" <= ch <= "\u9fff" for text in found for ch in text)
    for text in fig.findobj(matplotlib.text.Text):
        if text.get_text():
            assert text.get_fontfamily() == FAMILY, (text.get_text(), text.get_fontfamily())
    # English labels where the vocabulary has them.
    render(spec.draw(data, lang="en", title=""))
