"""The demo data: realistic, deterministic, consistent with the rules and with the services'
contracts (numbers, sort keys, search documents), and readable through the ORM."""

from __future__ import annotations

import re
import sqlite3
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlmodel import Session, SQLModel

import db.models  # registers the tables
from db import vocab
from db.audit import verify_chain
from db.demo import DemoCounts, generate
from db.demo.lists import add_working_days
from db.demo.writer import new_id, stamp
from db.engine import open_database
from db.models import Cadre, Evaluation, NumberSequence, Problem, Task, Visit
from db.numbering import DAY_SHIFT, day_base, format_number, next_number
from db.search import problem_document, visit_document

RARE = "堃喆昇祎"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoCounts]:
    path = tmp_path_factory.mktemp("demo") / "small.db"
    return path, generate(path, scale=0.05, seed=1)


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoCounts]:
    path = tmp_path_factory.mktemp("demo") / "full.db"
    return path, generate(path, scale=1, seed=7)


def _conn(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return conn.execute(f'SELECT * FROM "{table}" ORDER BY 1, 2').fetchall()


# -- shape and volume ---------------------------------------------------------------------------


def test_counts_at_scale_one(full: tuple[Path, DemoCounts]) -> None:
    path, c = full
    assert 250 <= c.units <= 350
    assert c.cadres == 400
    assert c.visits == 8000
    assert 1800 <= c.problems <= 2200
    assert 0.5 * c.problems <= c.tasks <= 0.9 * c.problems
    assert c.task_problems > c.tasks  # some tasks serve several problems
    assert 1.2 * c.visits <= c.visit_cadres <= 2.0 * c.visits
    assert c.effects <= c.tasks and c.evaluations > 0.5 * c.effects
    assert c.users == 5 and c.care_records >= 6 and c.outcomes >= 10
    with _conn(path) as conn:
        tiers = dict(conn.execute("SELECT tier, count(*) FROM cadre GROUP BY tier").fetchall())
        kinds = dict(conn.execute("SELECT kind, count(*) FROM unit GROUP BY kind").fetchall())
        assert conn.execute("SELECT count(*) FROM visit").fetchone() == (8000,)
    assert tiers["bureau_leader"] == 8
    assert 30 <= tiers["unit_leader"] <= 50
    assert 40 <= tiers["branch_secretary"] <= 60
    assert tiers["cadre"] >= 250
    assert kinds["school"] >= 120 and kinds["kindergarten"] >= 20
    assert kinds["community"] >= 30 and kinds["village"] >= 15 and kinds["enterprise"] >= 5
    assert kinds["county_bureau"] == 5 and kinds["bureau_section"] >= 10


def test_scale_multiplies_visits_and_lists_not_people(small: tuple[Path, DemoCounts],
                                                      full: tuple[Path, DemoCounts]) -> None:
    s, f = small[1], full[1]
    assert s.visits == 400 and s.cadres == f.cadres and abs(s.units - f.units) <= 5
    assert 80 <= s.problems <= 120


def test_visits_spread_over_the_phases_densest_in_june(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        months = dict(conn.execute(
            "SELECT substr(visit_date, 6, 2), count(*) FROM visit GROUP BY 1").fetchall())
        first, last = conn.execute("SELECT min(visit_date), max(visit_date) FROM visit").fetchone()
    assert first >= "2022-05-15" and last <= "2022-12-31"
    assert set(months) == {"05", "06", "07", "08", "09", "10", "11", "12"}
    assert max(months, key=lambda m: months[m]) == "06"


# -- determinism --------------------------------------------------------------------------------


def test_same_seed_same_content_other_seed_differs(small: tuple[Path, DemoCounts],
                                                   tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    other = tmp_path / "other.db"
    generate(again, scale=0.05, seed=1)
    generate(other, scale=0.05, seed=2)
    # Everything but the site row and the audit log (both record when they were made).
    tables = sorted(set(SQLModel.metadata.tables) - {"site", "audit_entry"})
    with _conn(small[0]) as a, _conn(again) as b, _conn(other) as o:
        for table in tables:
            assert _rows(a, table) == _rows(b, table), table
        for table in ("visit", "problem", "cadre", "unit", "task"):
            assert _rows(a, table) != _rows(o, table), table
        # The search index is the same too (its shadow tables hold the tokens).
        assert _rows(a, "visit_fts_data") == _rows(b, "visit_fts_data")


def test_same_content_whatever_the_string_hash_seed(tmp_path: Path) -> None:
    """Nothing depends on set or dict-of-str iteration order, which changes per process."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    script = ("import sys; from pathlib import Path; from db.demo import generate; "
              "generate(Path(sys.argv[1]), scale=0.02, seed=4)")
    paths = []
    for hash_seed in ("1", "2"):
        path = tmp_path / f"h{hash_seed}.db"
        env = dict(os.environ, PYTHONHASHSEED=hash_seed, PYTHONPATH=str(root))
        subprocess.run([sys.executable, "-c", script, str(path)], check=True, env=env,
                       cwd=root, timeout=120)
        paths.append(path)
    with _conn(paths[0]) as a, _conn(paths[1]) as b:
        for table in ("unit", "cadre", "assignment", "visit", "visit_cadre", "problem", "task",
                      "evaluation"):
            assert _rows(a, table) == _rows(b, table), table


def test_new_id_is_a_version_4_uuid_from_the_stream() -> None:
    import random

    a, b = random.Random(5), random.Random(5)
    for _ in range(100):
        assert new_id(a) == uuid.UUID(int=b.getrandbits(128), version=4).hex


# -- vocabularies -------------------------------------------------------------------------------

CODED = [
    ("unit", "kind", vocab.UNIT_KINDS), ("cadre", "tier", vocab.TIERS),
    ("assignment", "kind", vocab.ASSIGNMENT_KINDS), ("visit", "method", vocab.METHODS),
    ("visit_activity", "activity", vocab.ACTIVITIES),
    ("problem", "source_channel", vocab.SOURCE_CHANNELS),
    ("problem", "reporter_type", vocab.REPORTER_TYPES), ("problem", "area", vocab.AREAS),
    ("problem", "category", vocab.CATEGORIES), ("problem", "status", vocab.PROBLEM_STATUSES),
    ("task", "resolution_mode", vocab.RESOLUTION_MODES), ("task", "status", vocab.TASK_STATUSES),
    ("evaluation", "rating", vocab.RATINGS), ("evaluation", "method", vocab.FOLLOWUP_METHODS),
    ("evaluation", "respondent_type", vocab.REPORTER_TYPES),
    ("care_record", "group", vocab.CARE_GROUPS), ("outcome", "batch", vocab.OUTCOME_BATCHES),
    ("app_user", "role", vocab.ROLES), ("site", "level", vocab.SITE_LEVELS),
    ("phase", "code", vocab.PHASES),
]


def test_every_code_is_in_its_vocabulary_and_every_term_is_used(
        full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        for table, column, voc in CODED:
            used = {r[0] for r in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}"')}
            assert used <= set(voc.codes()), (table, column, used - set(voc.codes()))
            if table != "site":
                assert used == set(voc.codes()), (table, column, set(voc.codes()) - used)


# -- storage formats and the ORM ----------------------------------------------------------------


def test_rows_load_through_the_orm_with_their_types(full: tuple[Path, DemoCounts]) -> None:
    database = open_database(full[0])
    try:
        with database.session() as s:
            v = s.execute(select(Visit).where(Visit.visit_date == date(2022, 6, 15))
                          ).scalars().first()
            assert v is not None
            assert isinstance(v.id, uuid.UUID) and v.id.version == 4
            assert v.visit_date == date(2022, 6, 15)
            assert v.created_at.tzinfo is UTC
            # Local working hours in Beijing (UTC+8).
            assert 9 <= (v.created_at + timedelta(hours=8)).hour <= 19
            assert s.get(Visit, v.id) is not None  # ids stored exactly as the ORM stores them
            p = s.execute(select(Problem).where(Problem.status == "closed")).scalars().first()
            assert p is not None and isinstance(p.closed_on, date)
            assert isinstance(p.strongly_reported, bool) and isinstance(p.sort_key, int)
            t = s.execute(select(Task).where(Task.status == "closed")).scalars().first()
            assert t is not None and t.closed_on is not None and t.deadline > t.opened_on
            e = s.execute(select(Evaluation)).scalars().first()
            assert e is not None and isinstance(e.evaluated_on, date)
            cadres = s.execute(select(Cadre)).scalars().all()
            assert all(isinstance(c.id, uuid.UUID) for c in cadres)
    finally:
        database.dispose()


def test_raw_formats_match_what_sqlalchemy_writes(full: tuple[Path, DemoCounts],
                                                  tmp_path: Path) -> None:
    """A row written by the ORM and a demo row look the same in the file."""
    path = tmp_path / "orm.db"
    database = open_database(path)
    when = datetime(2022, 6, 1, 1, 2, 3, tzinfo=UTC)
    with database.transaction() as s:
        s.add(db.models.Region(code="x", name="x", created_at=when, updated_at=when))
    database.dispose()
    with _conn(path) as conn:
        orm_id, orm_at = conn.execute("SELECT id, created_at FROM region").fetchone()
    with _conn(full[0]) as conn:
        demo_id, demo_at, demo_day = conn.execute(
            "SELECT id, created_at, visit_date FROM visit LIMIT 1").fetchone()
        types = conn.execute("SELECT DISTINCT typeof(id), typeof(created_at), typeof(sort_key), "
                             "typeof(reported_to_branch) FROM visit").fetchall()
    assert re.fullmatch(r"[0-9a-f]{32}", orm_id) and re.fullmatch(r"[0-9a-f]{32}", demo_id)
    assert orm_at == "2022-06-01 01:02:03.000000"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", demo_at)
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", demo_day)
    assert types == [("text", "text", "integer", "integer")]
    assert stamp(date(2022, 6, 1), 9 * 60 + 2) == "2022-06-01 01:02:00.000000"


# -- numbers and sort keys ----------------------------------------------------------------------


def test_numbers_unique_gapless_and_sequences_consistent(full: tuple[Path, DemoCounts]) -> None:
    path = full[0]
    with _conn(path) as conn:
        seqs = {(k, y): last for _s, k, y, last in
                conn.execute("SELECT site, kind, year, last FROM number_sequence")}
        for kind, table, date_col in (("visit", "visit", "visit_date"),
                                      ("problem", "problem", "reported_on"),
                                      ("task", "task", "opened_on")):
            rows = conn.execute(f"SELECT number, {date_col} FROM {table}").fetchall()
            by_year: dict[int, list[int]] = {}
            for number, day in rows:
                m = re.fullmatch(r"SZ-([A-Z]{2})(\d{4})-(\d{5,})", number)
                assert m, number
                seq = int(m.group(3))
                assert number == format_number("SZ", kind, int(m.group(2)), seq)
                assert int(m.group(2)) == int(day[:4])
                by_year.setdefault(int(m.group(2)), []).append(seq)
            for year, numbers in by_year.items():
                assert sorted(numbers) == list(range(1, len(numbers) + 1)), (kind, year)
                assert seqs[(kind, year)] == max(numbers)
        assert {k for k, _ in seqs} == {"visit", "problem", "task"}
    database = open_database(path)
    try:
        with database.transaction() as s:
            last = s.get(NumberSequence, ("SZ", "problem", 2022))
            assert last is not None
            assert next_number(s, "SZ", "problem", 2022) == format_number(
                "SZ", "problem", 2022, last.last)
            s.rollback()
    finally:
        database.dispose()


def test_sort_keys_follow_dates_and_numbers(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        for table, date_col in (("visit", "visit_date"), ("problem", "reported_on")):
            rows = conn.execute(f"SELECT sort_key, {date_col}, number FROM {table} "
                                "ORDER BY sort_key").fetchall()
            assert len({r[0] for r in rows}) == len(rows)
            for key, day, _ in rows:
                base = day_base(date.fromisoformat(day))
                assert base <= key < base + (1 << DAY_SHIFT)
            seqs = [int(r[2].rsplit("-", 1)[1]) for r in rows]
            assert seqs == sorted(seqs)  # numbered in date order


# -- search index -------------------------------------------------------------------------------


def _visit_texts(conn: sqlite3.Connection) -> dict[int, tuple[str, str, str, list[str]]]:
    visits = {vid: (key, c, t, f) for vid, key, c, t, f in conn.execute(
        "SELECT id, sort_key, content, talked_with, findings FROM visit")}
    probs: dict[str, list[str]] = {}
    for vid, desc in conn.execute("SELECT visit_id, description FROM problem "
                                  "WHERE visit_id IS NOT NULL ORDER BY sort_key"):
        probs.setdefault(vid, []).append(desc)
    return {key: (c, t, f, probs.get(vid, [])) for vid, (key, c, t, f) in visits.items()}


@pytest.mark.parametrize("word", ["食堂", "宿舍", "资助"])
def test_search_finds_exactly_the_visits_and_problems_with_a_word(
        full: tuple[Path, DemoCounts], word: str) -> None:
    with _conn(full[0]) as conn:
        texts = _visit_texts(conn)
        phrase = '"' + " ".join(word) + '"'
        hits = {r[0] for r in conn.execute(
            "SELECT rowid FROM visit_fts WHERE visit_fts MATCH ?", (phrase,))}
        expected = {key for key, (c, t, f, ps) in texts.items()
                    if word in "\n".join([c, t, f, *ps])}
        assert expected and hits == expected
        p_hits = {r[0] for r in conn.execute(
            "SELECT rowid FROM problem_fts WHERE problem_fts MATCH ?", (phrase,))}
        p_expected = {r[0] for r in conn.execute(
            "SELECT sort_key FROM problem WHERE instr(description, ?) > 0", (word,))}
        assert p_expected and p_hits == p_expected


def test_indexed_documents_are_the_services_documents(full: tuple[Path, DemoCounts]) -> None:
    """Each sampled visit is indexed with exactly the tokens of visit_document(...): every
    token of the document finds it, and the whole document matches as one phrase."""
    with _conn(full[0]) as conn:
        texts = _visit_texts(conn)
        sample = sorted(texts)[::397]
        for key in sample:
            c, t, f, ps = texts[key]
            doc = visit_document(c, t, f, ps)
            tokens = [tok for tok in re.split(r"[^\w]+", doc) if tok]
            phrase = '"' + " ".join(tokens) + '"'
            found = conn.execute("SELECT rowid FROM visit_fts WHERE visit_fts MATCH ? "
                                 "AND rowid = ?", (phrase, key)).fetchall()
            assert found == [(key,)]
            size = conn.execute("SELECT sz FROM visit_fts_docsize WHERE id = ?",
                                (key,)).fetchone()
            assert size is not None
        number, desc, key = conn.execute(
            "SELECT number, description, sort_key FROM problem LIMIT 1").fetchone()
        tokens = [tok for tok in re.split(r"[^\w]+", problem_document(number, desc)) if tok]
        assert conn.execute("SELECT rowid FROM problem_fts WHERE problem_fts MATCH ?",
                            ('"' + " ".join(tokens) + '"',)).fetchall() == [(key,)]
        n_docs = conn.execute("SELECT count(*) FROM visit_fts_docsize").fetchone()[0]
        assert n_docs == len(texts)


def test_search_index_is_sound_and_services_can_unindex(full: tuple[Path, DemoCounts],
                                                       tmp_path: Path) -> None:
    """The index built aside and copied in passes FTS5's own check, and a document removed the
    way the services remove it (the same text) is gone."""
    import shutil

    copy = tmp_path / "copy.db"
    shutil.copyfile(full[0], copy)
    conn = sqlite3.connect(copy)
    try:
        for table in ("visit_fts", "problem_fts"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
        texts = _visit_texts(conn)
        key = next(k for k, v in texts.items() if v[3] and "食堂" in v[3][0])
        doc = visit_document(*texts[key][:3], texts[key][3])
        before = {r[0] for r in conn.execute(
            "SELECT rowid FROM visit_fts WHERE visit_fts MATCH '\"食 堂\"'")}
        conn.execute("INSERT INTO visit_fts(visit_fts, rowid, body) VALUES('delete', ?, ?)",
                     (key, doc))
        after = {r[0] for r in conn.execute(
            "SELECT rowid FROM visit_fts WHERE visit_fts MATCH '\"食 堂\"'")}
        assert key in before and after == before - {key}
        conn.execute("INSERT INTO visit_fts(visit_fts) VALUES('integrity-check')")
    finally:
        conn.close()
    assert not Path(f"{full[0]}.search-build").exists()  # the side file is gone


# -- people and rules ---------------------------------------------------------------------------


def test_rare_characters_in_names_of_visiting_cadres(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT DISTINCT c.name FROM visit_cadre vc JOIN cadre c ON c.id = vc.cadre_id")]
        reporters = [r[0] for r in conn.execute("SELECT reporter_name FROM problem")]
    assert any(ch in RARE for n in names for ch in n)
    assert any(ch in RARE for n in reporters for ch in n)


def test_phones_are_valid_in_form(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        phones = [r[0] for r in conn.execute(
            "SELECT reporter_phone FROM problem WHERE reporter_phone != '' "
            "UNION ALL SELECT phone FROM cadre")]
    assert phones
    assert all(re.fullmatch(r"1[3-9]\d{9}|0722-[3-8]\d{6}", p) for p in phones)
    assert any(p.startswith("0722-") for p in phones)


def test_name_initials_agree_with_the_services(full: tuple[Path, DemoCounts]) -> None:
    from db.services.people import name_initials

    with _conn(full[0]) as conn:
        rows = conn.execute("SELECT name, name_initials FROM cadre").fetchall()
    assert all(initials == name_initials(name) for name, initials in rows)


def test_close_out_rules(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        q = conn.execute
        # Closed tasks: an effect, an evaluation, a named approver, a close date.
        assert q("SELECT count(*) FROM task t WHERE status='closed' AND (closed_on IS NULL "
                 "OR approved_by = '' OR NOT EXISTS (SELECT 1 FROM effect e WHERE e.task_id=t.id)"
                 " OR NOT EXISTS (SELECT 1 FROM evaluation v WHERE v.task_id = t.id))"
                 ).fetchone() == (0,)
        # Their last evaluation was not 不满意.
        assert q("SELECT count(*) FROM task t WHERE status='closed' AND (SELECT rating FROM "
                 "evaluation v WHERE v.task_id=t.id ORDER BY evaluated_on DESC LIMIT 1) "
                 "= 'unsatisfied'").fetchone() == (0,)
        # Closed problems are served by closed tasks and closed the same day.
        assert q("SELECT count(*) FROM problem p WHERE status='closed' AND NOT EXISTS ("
                 "SELECT 1 FROM task_problem tp JOIN task t ON t.id=tp.task_id WHERE "
                 "tp.problem_id=p.id AND t.status='closed' AND t.closed_on=p.closed_on)"
                 ).fetchone() == (0,)
        pairs = Counter(q("SELECT p.status, t.status FROM problem p JOIN task_problem tp ON "
                          "tp.problem_id=p.id JOIN task t ON t.id=tp.task_id").fetchall())
        assert set(pairs) == {("in_progress", "open"), ("resolved", "done"),
                              ("closed", "closed")}
        # Open and merged problems have no task; merged ones point at a live problem.
        assert q("SELECT count(*) FROM problem p JOIN task_problem tp ON tp.problem_id=p.id "
                 "WHERE p.status IN ('open', 'merged')").fetchone() == (0,)
        assert q("SELECT count(*) FROM problem p LEFT JOIN problem m ON m.id=p.merged_into_id "
                 "WHERE p.status='merged' AND (m.id IS NULL OR m.status='merged')"
                 ).fetchone() == (0,)
        # Done and closed tasks reached 100%; tasks sent back have a 不满意 and stay open.
        assert q("SELECT count(*) FROM task WHERE status IN ('done','closed') "
                 "AND progress_pct != 100").fetchone() == (0,)
        assert q("SELECT count(*) FROM task t WHERE status='open' AND EXISTS (SELECT 1 FROM "
                 "evaluation v WHERE v.task_id=t.id AND rating='unsatisfied')").fetchone()[0] > 0
        # Dates follow each other.
        assert q("SELECT count(*) FROM task t JOIN effect e ON e.task_id=t.id "
                 "WHERE e.completed_on < t.opened_on OR e.completed_on > '2023-01-13'"
                 ).fetchone() == (0,)
        assert q("SELECT count(*) FROM task t JOIN task_problem tp ON tp.task_id=t.id JOIN "
                 "problem p ON p.id=tp.problem_id WHERE t.opened_on < p.reported_on"
                 ).fetchone() == (0,)
        # Visit-found problems: the visit's unit, day and lead cadre.
        assert q("SELECT count(*) FROM problem p JOIN visit v ON v.id=p.visit_id WHERE "
                 "p.reported_on != v.visit_date OR p.unit_id != v.unit_id OR NOT EXISTS ("
                 "SELECT 1 FROM visit_cadre vc WHERE vc.visit_id=v.id AND "
                 "vc.cadre_id=p.collected_by_id)").fetchone() == (0,)
        share = q("SELECT avg(visit_id IS NOT NULL) FROM problem").fetchone()[0]
        assert 0.6 < share < 0.9
        # Some strongly reported, some multi-problem tasks, some 民生实事 led by leaders.
        assert q("SELECT count(*) FROM problem WHERE strongly_reported").fetchone()[0] > 50
        assert q("SELECT count(*) FROM (SELECT task_id FROM task_problem GROUP BY task_id "
                 "HAVING count(*) > 1)").fetchone()[0] > 20
        assert q("SELECT count(*) FROM task t JOIN cadre c ON c.id=t.lead_leader_id WHERE "
                 "t.is_livelihood_project AND c.tier IN ('bureau_leader', 'unit_leader', "
                 "'branch_secretary')").fetchone()[0] >= 50


def test_deadlines_in_working_days_and_overdue_tasks(full: tuple[Path, DemoCounts]) -> None:
    days = {"on_site": 5, "supervised": 20, "systemic": 60}
    with _conn(full[0]) as conn:
        rows = conn.execute("SELECT resolution_mode, opened_on, deadline, status FROM task"
                            ).fetchall()
    for mode, opened, deadline, _ in rows[:300]:
        d, left = date.fromisoformat(opened), days[mode]
        while left:
            d += timedelta(days=1)
            if d.weekday() < 5:
                left -= 1
        assert deadline == d.isoformat()
        assert add_working_days(date.fromisoformat(opened), days[mode]).isoformat() == deadline
    open_deadlines = [d for _, _, d, s in rows if s == "open"]
    assert any(d < "2022-12-31" for d in open_deadlines)  # overdue at the year's end
    assert any(d > "2022-12-31" for d in open_deadlines)  # overdue only by a later date


def test_quotas_mostly_met_but_not_all(full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        strong = dict(conn.execute(
            "SELECT c.id, (SELECT count(DISTINCT p.id) FROM task t JOIN task_problem tp ON "
            "tp.task_id=t.id JOIN problem p ON p.id=tp.problem_id WHERE t.lead_leader_id=c.id "
            "AND p.strongly_reported AND p.status='closed') FROM cadre c "
            "WHERE c.tier IN ('bureau_leader', 'unit_leader')").fetchall())
        projects = dict(conn.execute(
            "SELECT c.id, (SELECT count(*) FROM task t WHERE t.lead_leader_id=c.id AND "
            "t.is_livelihood_project) FROM cadre c WHERE c.tier IN ('bureau_leader', "
            "'unit_leader', 'branch_secretary')").fetchall())
    met = sum(1 for n in strong.values() if n >= 1)
    assert 0.6 * len(strong) <= met < len(strong)
    met = sum(1 for n in projects.values() if n >= 1)
    assert 0.6 * len(projects) <= met < len(projects)


def test_nine_ones_some_complete_many_missing_a_few_never_went(
        full: tuple[Path, DemoCounts]) -> None:
    with _conn(full[0]) as conn:
        acts: dict[str, set[str]] = {}
        for cadre, item in conn.execute(
                "SELECT vc.cadre_id, va.activity FROM visit_cadre vc JOIN visit_activity va "
                "ON va.visit_id = vc.visit_id UNION SELECT vc.cadre_id, 'school' FROM "
                "visit_cadre vc JOIN visit v ON v.id=vc.visit_id JOIN unit u ON u.id=v.unit_id "
                "WHERE u.kind IN ('school', 'kindergarten')"):
            acts.setdefault(cadre, set()).add(item)
        for cadre, kind in conn.execute("SELECT DISTINCT cadre_id, kind FROM assignment "
                                        "WHERE kind IN ('community', 'village')"):
            acts.setdefault(cadre, set()).add(kind)
        everyone = [r[0] for r in conn.execute("SELECT id FROM cadre")]
        visited = {r[0] for r in conn.execute("SELECT DISTINCT cadre_id FROM visit_cadre")}
    nine = set(vocab.NINE_ONES.codes())
    done = [len(acts.get(c, set()) & nine) for c in everyone]
    assert sum(1 for n in done if n == 9) >= 40
    assert sum(1 for n in done if 6 <= n < 9) >= 100
    never = [c for c in everyone if c not in visited]
    assert 3 <= len(never) <= 30


# -- the file -----------------------------------------------------------------------------------


def test_file_is_intact_and_keys_hold(full: tuple[Path, DemoCounts]) -> None:
    conn = sqlite3.connect(full[0])
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("PRAGMA foreign_keys=ON")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        conn.close()


def test_schema_same_as_a_fresh_database(full: tuple[Path, DemoCounts], tmp_path: Path) -> None:
    """The indexes dropped for loading are all back, exactly as the migrations made them."""
    fresh = tmp_path / "fresh.db"
    open_database(fresh).dispose()
    query = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    with _conn(fresh) as a, _conn(full[0]) as b:
        assert a.execute(query).fetchall() == b.execute(query).fetchall()


def test_one_audit_entry_for_the_generation(full: tuple[Path, DemoCounts]) -> None:
    database = open_database(full[0])
    try:
        with database.session() as s:
            entries = s.execute(select(db.models.AuditEntry).order_by(
                db.models.AuditEntry.seq)).scalars().all()  # type: ignore[arg-type]
            assert [e.table_name for e in entries] == ["site", "demo"]
            assert "8000" in entries[-1].summary and entries[-1].username == "system"
            assert verify_chain(s) == []
    finally:
        database.dispose()


def test_progress_reported_and_existing_file_refused(tmp_path: Path) -> None:
    seen: list[tuple[str, float]] = []
    path = tmp_path / "p.db"
    generate(path, scale=0.01, progress=lambda stage, f: seen.append((stage, f)))
    fractions = [f for _, f in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len({stage for stage, _ in seen}) >= 5
    with pytest.raises(FileExistsError):
        generate(path, scale=0.01)
    generate(path, scale=0.01, seed=3, overwrite=True)
    with Session(open_database(path).engine) as s:
        assert s.execute(select(Visit)).scalars().first() is not None


def test_a_failure_leaves_no_file_behind(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"

    def fail_midway(stage: str, fraction: float) -> None:
        if fraction > 0.5:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError, match="cancelled"):
        generate(path, scale=0.05, progress=fail_midway)
    assert list(tmp_path.iterdir()) == []


def test_demo_shows_its_invented_care_records(tmp_path: Path) -> None:
    from db.campaign import get_setting
    from db.engine import open_database

    path = tmp_path / "care.db"
    generate(path, scale=0.02, seed=5)
    database = open_database(path)
    with database.session() as s:
        assert get_setting(s, "care.visible_by_default") is True
    database.dispose()
