"""Statistics and charts group problems under the areas, categories and channels the bureau added
in the settings, labelled as the bureau named them."""

from __future__ import annotations

from datetime import date

from db.queries.stats import problem_stats
from db.vocab import AREAS, CATEGORIES
from desktop.charts.problems import (
    build_problems_by_area,
    build_problems_by_category,
    chart_problems_by_area,
    chart_problems_by_category,
)
from tests.added_terms import AREA, CATEGORY, CHANNEL, add_terms
from tests.charts.conftest import TODAY, Campaign
from tests.charts.helpers import render, series, ticks


def test_added_terms_are_groups_with_their_labels(campaign: Campaign) -> None:
    db = campaign.db
    add_terms(db)
    with db.session() as s:
        # Added but not used yet: a group of its own with nothing in it, like an unused fixed one.
        empty = {r.key: r for r in problem_stats(s, "area", today=TODAY)}
        assert (empty["x_1"].label, empty["x_1"].total) == (AREA.zh, 0)
    with db.transaction() as s:
        campaign.world.problem(s, date(2022, 8, 1), "学生心理辅导老师不足", unit="曾都一中",
                               area="x_1", category="x_1", channel="x_1")
    with db.session() as s:
        areas = build_problems_by_area(s, today=TODAY)
        categories = build_problems_by_category(s, today=TODAY)
        channels = problem_stats(s, "source_channel", today=TODAY)
    assert [(r.key, r.label, r.total) for r in areas][-1] == ("x_1", AREA.zh, 1)
    assert [r.label for r in areas] == [*AREAS.labels(), AREA.zh]  # no raw code anywhere
    assert (categories[-1].key, categories[-1].label) == ("x_1", CATEGORY.zh)
    assert {r.key: r.label for r in channels}["x_1"] == CHANNEL.zh

    fig = chart_problems_by_area(areas)
    ax = fig.axes[0]
    render(fig)
    assert ticks(ax.get_yticklabels()) == [*AREAS.labels(), AREA.zh]
    got = series(ax)
    assert got["未销号"][-1] == 1  # the new problem's bar, in the new area's row
    fig = chart_problems_by_category(categories)
    render(fig)
    assert ticks(fig.axes[0].get_yticklabels()) == [*CATEGORIES.labels(), CATEGORY.zh]

    # In the English interface the added terms show the English names the bureau gave them.
    fig = chart_problems_by_area(areas, lang="en")
    render(fig)
    assert ticks(fig.axes[0].get_yticklabels()) == [*AREAS.labels("en"), AREA.en]
    fig = chart_problems_by_category(categories, lang="en")
    render(fig)
    assert ticks(fig.axes[0].get_yticklabels())[-1] == CATEGORY.en
