"""Visit and problem pages: keyset paging, filters, and search through the FTS5 index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from db.engine import Database
from db.queries import paging
from db.queries.problems import ProblemFilter, problem_count, problem_page
from db.queries.visits import VisitFilter, visit_count, visit_page
from db.vocab import METHODS
from tests.db.queries.conftest import World

UNITS = [("曾都一中", "zengdu"), ("随县实验小学", "suixian"), ("广水市幼儿园", "guangshui"),
         ("东关社区", "zengdu")]
CADRES = ["张三", "李四", "王五"]
N = 300


@dataclass(frozen=True)
class Made:
    i: int
    number: str
    sort_key: int
    day: date
    unit: str
    region: str
    method: str
    cadres: tuple[str, ...]
    deleted: bool


def _text(i: int) -> tuple[str, str, list[str]]:
    """content, findings, problem descriptions of the i-th visit (see the sets below)."""
    if i % 50 == 3:
        return "检查食堂卫生，查看后厨", "", []
    if i % 50 == 13:
        return "了解课后服务", "家长反映伙食费偏高", []
    if i % 50 == 23:  # 食 and 堂 split by punctuation: the index matches, the text does not
        return "看了伙食。堂前屋后整洁", "", []
    if i == 33:
        return "与家长交流谈心", "", ["学生反映食堂饭菜偏咸"]
    if i == 43:
        return "食堂检查（已删除）", "", []
    return f"第{i}次走访，了解课后服务和作业负担", "总体良好", []


CANTEEN = {i for i in range(N) if i % 50 == 3} | {33}
FOOD = CANTEEN | {i for i in range(N) if i % 50 in (13, 23)}


@pytest.fixture
def made(db: Database, world: World) -> list[Made]:
    out = []
    with db.transaction() as s:
        for name in CADRES:
            world.cadre(s, name)
        for i in range(N):
            unit, region = UNITS[i % 4]
            day = date(2022, 6, 1) + timedelta(days=(i * 7) % 120)
            method = METHODS.codes()[i % 5]
            cadres = (CADRES[i % 3],) + ((CADRES[(i + 1) % 3],) if i % 7 == 0 else ())
            content, findings, problems = _text(i)
            deleted = i == 43 or i == 150
            v = world.visit(s, day, unit, cadres, method=method, content=content,
                            findings=findings, problems=problems, students=i % 4,
                            activities=("canteen", "classroom") if i % 10 == 0 else (),
                            deleted=deleted)
            out.append(Made(i, v.number, v.sort_key, day, unit, region, method, cadres,
                            deleted))
    return out


def _all_pages(db: Database, f: VisitFilter, limit: int) -> list[str]:
    numbers: list[str] = []
    before = None
    with db.session() as s:
        while True:
            page = visit_page(s, filters=f, before=before, limit=limit)
            assert len(page) <= limit
            numbers += [r.number for r in page]
            if len(page) < limit:
                break
            before = page[-1].sort_key
    return numbers


def _expected(made: list[Made], keep) -> list[str]:  # type: ignore[no-untyped-def]
    rows = [m for m in made if not m.deleted and keep(m)]
    return [m.number for m in sorted(rows, key=lambda m: -m.sort_key)]


def test_paging_returns_every_row_once_in_order(db: Database, made: list[Made]) -> None:
    expected = _expected(made, lambda m: True)
    assert len(expected) == N - 2
    assert _all_pages(db, VisitFilter(), 7) == expected
    assert _all_pages(db, VisitFilter(), 200) == expected
    with db.session() as s:
        assert visit_count(s) == N - 2
        assert visit_page(s, limit=0) == []


def test_row_content(db: Database, made: list[Made]) -> None:
    with db.session() as s:
        target = next(m for m in made if m.i == 140)  # i % 4, 7, 10 == 0
        row = visit_page(s, before=target.sort_key + 1, limit=1)[0]
    assert row.number == target.number
    assert row.unit_name == "曾都一中" and row.region_name == "曾都区"
    assert row.cadre_names == "、".join(sorted([CADRES[140 % 3], CADRES[141 % 3]]))
    assert row.activities == ("classroom", "canteen")  # vocabulary order
    assert row.students_met == 140 % 4 and row.method == METHODS.codes()[0]
    assert row.summary.startswith("第140次走访")


def test_filters_combine(db: Database, world: World, made: list[Made]) -> None:
    f = VisitFilter(region_id=world.regions["zengdu"], method="field_visit",
                    cadre_id=world.cadres["李四"])
    expected = _expected(made, lambda m: m.region == "zengdu" and m.method == "field_visit"
                         and "李四" in m.cadres)
    assert expected
    assert _all_pages(db, f, 3) == expected
    f2 = VisitFilter(unit_id=world.units["随县实验小学"], date_from=date(2022, 7, 1),
                     date_to=date(2022, 7, 31))
    expected2 = _expected(made, lambda m: m.unit == "随县实验小学"
                          and date(2022, 7, 1) <= m.day <= date(2022, 7, 31))
    assert expected2
    assert _all_pages(db, f2, 5) == expected2
    with db.session() as s:
        assert visit_count(s, f) == len(expected)
        assert visit_count(s, f2) == len(expected2)


@pytest.mark.parametrize(("term", "wanted"), [("食堂", CANTEEN), ("食", FOOD),
                                              ("食堂 偏咸", {33}), ("后厨", {3, 53, 103, 153,
                                                                          203, 253})])
def test_search_finds_right_visits_and_nothing_else(db: Database, made: list[Made], term: str,
                                                     wanted: set[int]) -> None:
    expected = _expected(made, lambda m: m.i in wanted)
    for limit in (2, 5, 200):
        assert _all_pages(db, VisitFilter(search=term), limit) == expected
    with db.session() as s:
        assert visit_count(s, VisitFilter(search=term)) == len(expected)


def test_search_combines_with_filters(db: Database, world: World, made: list[Made]) -> None:
    f = VisitFilter(search="食堂", region_id=world.regions["zengdu"])
    expected = _expected(made, lambda m: m.i in CANTEEN and m.region == "zengdu")
    assert expected and len(expected) < len(CANTEEN)
    assert _all_pages(db, f, 1) == expected
    with db.session() as s:
        assert visit_count(s, f) == len(expected)


def test_term_only_in_a_problem_finds_the_visit(db: Database, made: list[Made]) -> None:
    with db.session() as s:
        rows = visit_page(s, filters=VisitFilter(search="偏咸"))
    assert [r.number for r in rows] == [made[33].number]


def test_like_fallback_gives_the_same_answers(db: Database, made: list[Made],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the index (as on PostgreSQL) the confirmation clause alone finds the same rows."""
    monkeypatch.setattr("db.queries.visits.fts_match", lambda s, t: None)
    monkeypatch.setattr("db.queries.problems.fts_match", lambda s, t: None)
    for term, wanted in (("食堂", CANTEEN), ("食", FOOD)):
        expected = _expected(made, lambda m, w=wanted: m.i in w)
        assert _all_pages(db, VisitFilter(search=term), 4) == expected
        with db.session() as s:
            assert visit_count(s, VisitFilter(search=term)) == len(expected)
    with db.session() as s:
        assert problem_count(s, ProblemFilter(search="食堂")) == 1


def test_punctuation_only_term_uses_the_fallback(db: Database, made: list[Made]) -> None:
    with db.session() as s:
        assert paging.fts_match(s, "。") is None
        rows = visit_page(s, filters=VisitFilter(search="。"))
    assert {r.number for r in rows} == {m.number for m in made if m.i % 50 == 23}


# ---- problems ----------------------------------------------------------------------------

@pytest.fixture
def problems(db: Database, world: World) -> dict[str, str]:
    """A dozen problems with known attributes; returns label → number."""
    out = {}
    with db.transaction() as s:
        world.cadre(s, "赵六")
        d = date(2022, 6, 10)
        p1 = world.problem(s, d, "食堂饭菜偏咸，价格偏高", unit="曾都一中", strongly=True,
                           collected_by="赵六")
        out["canteen"] = p1.number
        out["canteen_closed"] = world.problem(s, d + timedelta(1), "食堂排队时间长",
                                              unit="随县实验小学", status="closed",
                                              area="canteen").number
        out["food"] = world.problem(s, d + timedelta(2), "伙食补助发放慢", region="suixian",
                                    area="financial_aid", category="welfare",
                                    channel="petition").number
        out["split"] = world.problem(s, d + timedelta(3), "伙食。堂兄反映", unit="曾都一中",
                                     area="care", category="health").number
        out["deleted"] = world.problem(s, d + timedelta(4), "食堂（已删除）", unit="曾都一中",
                                       deleted=True).number
        for k in range(8):
            out[f"other{k}"] = world.problem(
                s, d + timedelta(5 + k), f"课后服务时间安排问题{k}", unit="广水市幼儿园",
                area="after_school", category="teaching_quality", status="in_progress").number
        world.task(s, "整改食堂", deadline=date(2022, 7, 1), problems=[p1])
        world.task(s, "已删除的任务", deadline=date(2022, 7, 1), problems=[p1], deleted=True)
    return out


def _problem_numbers(db: Database, f: ProblemFilter, limit: int = 3) -> list[str]:
    out: list[str] = []
    before = None
    with db.session() as s:
        while True:
            page = problem_page(s, filters=f, before=before, limit=limit)
            out += [r.number for r in page]
            if len(page) < limit:
                return out
            before = page[-1].sort_key


def test_problem_paging_and_filters(db: Database, world: World,
                                    problems: dict[str, str]) -> None:
    everything = _problem_numbers(db, ProblemFilter())
    assert len(everything) == 12 and len(set(everything)) == 12
    assert problems["deleted"] not in everything
    assert everything[0] == problems["other7"] and everything[-1] == problems["canteen"]
    assert _problem_numbers(db, ProblemFilter(status="closed")) == [problems["canteen_closed"]]
    assert len(_problem_numbers(db, ProblemFilter(status=("open", "closed")))) == 4
    assert _problem_numbers(db, ProblemFilter(strongly_reported=True)) == [problems["canteen"]]
    # Region: the problem's own, or its unit's.
    assert _problem_numbers(db, ProblemFilter(region_id=world.regions["suixian"])) == [
        problems["food"], problems["canteen_closed"]]
    assert _problem_numbers(db, ProblemFilter(area="after_school", status="in_progress",
                                              unit_id=world.units["广水市幼儿园"],
                                              date_from=date(2022, 6, 20))) == [
        problems[f"other{k}"] for k in (7, 6, 5)]
    assert _problem_numbers(db, ProblemFilter(source_channel="petition",
                                              category="welfare")) == [problems["food"]]
    with db.session() as s:
        assert problem_count(s) == 12
        assert problem_count(s, ProblemFilter(region_id=world.regions["suixian"])) == 2


def test_problem_search_and_row(db: Database, problems: dict[str, str]) -> None:
    assert _problem_numbers(db, ProblemFilter(search="食堂"), 1) == [
        problems["canteen_closed"], problems["canteen"]]
    assert _problem_numbers(db, ProblemFilter(search="食")) == [
        problems["split"], problems["food"], problems["canteen_closed"], problems["canteen"]]
    # A problem is also found by its number.
    assert _problem_numbers(db, ProblemFilter(search=problems["food"])) == [problems["food"]]
    with db.session() as s:
        assert problem_count(s, ProblemFilter(search="食堂", status="open")) == 1
        row = problem_page(s, filters=ProblemFilter(strongly_reported=True))[0]
    assert row.unit_name == "曾都一中" and row.region_name == "曾都区"
    assert row.collected_by == "赵六" and row.strongly_reported
    assert len(row.task_numbers) == 1  # the tombstoned task is not listed
    assert not hasattr(row, "reporter_name") and not hasattr(row, "reporter_phone")
