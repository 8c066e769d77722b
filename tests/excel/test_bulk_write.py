"""Writing an import part by part (``BulkWriter``): a visit staged with its cadres, activities
and search document in an in-memory database made on a helper thread, taken over by the writing
connection and moved by INSERT … SELECT while the helper makes the next part. Whatever the
parts, the same records, links, numbers and search index; a failure in any part writes nothing;
the connection and the search index's settings are left as they were; and on PostgreSQL the
same import without staging."""

from __future__ import annotations

import sqlite3
import sys
import uuid
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

import db.excel.apply as apply_module
from db.engine import Database
from db.excel import ImportRefused, apply_import, plan_import
from db.excel.bulk import FTS5_DEFAULTS
from db.models import Problem, Visit, VisitActivity, VisitCadre
from tests.conftest import needs_pg, open_copy
from tests.excel.conftest import (
    CLERK,
    Org,
    _build,
    assert_index_matches,
    fingerprint,
    write_sheet,
)

VISIT_HEADER = ["走访日期", "参加干部", "走访单位", "所属区域", "走访方式", "活动内容",
                "走访学生人数", "走访内容", "交流对象", "发现的情况", "已向党组织报告"]
PROBLEM_HEADER = ["反映日期", "来源渠道", "反映人类型", "涉及单位", "问题领域", "问题类别",
                  "问题描述"]


def _visit_rows(n: int) -> list[list[object]]:
    """*n* visits over nine days, in no date order, with one to three cadres and activities."""
    cadres = ["张三", "李四", "张三、李四", "王五（教育局机关）、张三、李四"]
    activities = ["", "暗访食堂餐饮", "走进班级（支部）、体验课堂教学"]
    units = [("曾都区第一中学", ""), ("实验小学", "随县"), ("东城社区", "曾都区")]
    return [[f"2025-06-{(i * 7) % 9 + 1:02d}", cadres[i % 4], *units[i % 3], "实地走访",
             activities[i % 3], i % 5, f"第{i}次走访食堂", "学生、家长", f"发现{i}", "是"]
            for i in range(n)]


def _problem_rows(n: int) -> list[list[object]]:
    return [[f"2025-06-{(i * 5) % 8 + 1:02d}", "走访", "家长", "曾都区第一中学", "安全",
             "风险隐患类（校园安全）", f"操场围栏第{i}处损坏"] for i in range(n)]


def _sheet(tmp_path: Path, kind: str, n: int) -> Path:
    if kind == "visits":
        return write_sheet(tmp_path / f"{kind}.xlsx", VISIT_HEADER, _visit_rows(n))
    return write_sheet(tmp_path / f"{kind}.xlsx", PROBLEM_HEADER, _problem_rows(n))


def _stored(db: Database, kind: str) -> list[tuple[Any, ...]]:
    """What the import stored, without what is random (ids) or the clock's (timestamps)."""
    with db.session() as s:
        if kind == "problems":
            return [(p.number, p.sort_key, p.reported_on, p.unit_id, p.area, p.description)
                    for p in s.execute(select(Problem).order_by(Problem.sort_key)).scalars()]
        cadres = {}
        for vid, cid in s.execute(select(VisitCadre.visit_id, VisitCadre.cadre_id)):
            cadres.setdefault(vid, set()).add(cid)
        acts = {}
        for vid, act in s.execute(select(VisitActivity.visit_id, VisitActivity.activity)):
            acts.setdefault(vid, set()).add(act)
        return [(v.number, v.sort_key, v.visit_date, v.unit_id, v.students_met, v.content,
                 v.findings, v.reported_to_branch, v.site, v.version,
                 frozenset(cadres.get(v.id, ())), frozenset(acts.get(v.id, ())))
                for v in s.execute(select(Visit).order_by(Visit.sort_key)).scalars()]


def _fts_settings(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {table: dict(conn.execute(text(f"SELECT k, v FROM {table}_config")).all())
                for table in ("visit_fts", "problem_fts")}


def test_parts_cover_every_row_once_growing_by_half() -> None:
    first, size = apply_module.FIRST_PART_ROWS, apply_module.PART_ROWS
    assert apply_module._parts(0) == []
    assert apply_module._parts(1) == [range(0, 1)]
    assert apply_module._parts(first) == [range(0, first)]
    assert apply_module._parts(first + 1) == [range(0, first), range(first, first + 1)]
    parts = apply_module._parts(100_000)
    sizes = [len(p) for p in parts]
    assert sizes[:3] == [first, first * 3 // 2, first * 9 // 4] and max(sizes) == size
    assert all(b <= a * 3 // 2 for a, b in pairwise(sizes))
    assert [i for p in parts for i in p] == list(range(100_000))


@pytest.mark.parametrize("kind", ["visits", "problems"])
def test_many_parts_store_what_one_part_stores(org_template: tuple[Path, Org], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               kind: str) -> None:
    source = _sheet(tmp_path, kind, 23)
    stored = {}
    for first, size in ((100, 100), (1, 2), (5, 7)):
        db = open_copy(org_template[0], tmp_path / f"{first}-{size}.db")
        try:
            settings = _fts_settings(db)
            monkeypatch.setattr(apply_module, "FIRST_PART_ROWS", first)
            monkeypatch.setattr(apply_module, "PART_ROWS", size)
            result = apply_import(db, CLERK, plan_import(db, kind, source))
            assert result.added == 23
            stored[(first, size)] = _stored(db, kind)
            assert_index_matches(db)
            # The index written has FTS5's default settings again (stored with the index).
            written = {"visits": "visit_fts", "problems": "problem_fts"}[kind]
            settings[written] |= FTS5_DEFAULTS
            assert _fts_settings(db) == settings
        finally:
            db.dispose()
    one_part = stored[(100, 100)]
    assert len(one_part) == 23
    assert stored[(1, 2)] == one_part and stored[(5, 7)] == one_part
    if kind == "visits":
        assert {len(row[-2]) for row in one_part} == {1, 2, 3}  # links of every size
        assert {len(row[-1]) for row in one_part} == {0, 1, 2}


def test_a_failure_while_a_part_is_made_writes_nothing(db: Database, org: Org, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The helper thread's error reaches the import, whose transaction then writes nothing;
    the pooled connection gets its settings back."""
    plan = plan_import(db, "visits", _sheet(tmp_path, "visits", 30))
    before, settings = fingerprint(db), _fts_settings(db)
    monkeypatch.setattr(apply_module, "FIRST_PART_ROWS", 4)
    monkeypatch.setattr(apply_module, "PART_ROWS", 4)
    documents = apply_module.visit_document
    made = []

    def failing(*args: Any) -> str:
        made.append(args)
        if len(made) == 15:  # in the fourth part, on the helper thread
            raise RuntimeError("磁盘已满")
        return documents(*args)

    monkeypatch.setattr(apply_module, "visit_document", failing)
    switching = sys.getswitchinterval()
    with pytest.raises(RuntimeError, match="磁盘已满"):
        apply_import(db, CLERK, plan)
    assert fingerprint(db) == before and _fts_settings(db) == settings
    assert sys.getswitchinterval() == switching
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        # The staging database is detached again.
        assert [r[1] for r in conn.execute(text("PRAGMA database_list"))] == ["main"]
    monkeypatch.setattr(apply_module, "visit_document", documents)
    assert apply_import(db, CLERK, plan).added == 30
    assert_index_matches(db)


def test_staged_values_are_stored_as_the_orm_stores_them(db: Database, org: Org,
                                                         tmp_path: Path) -> None:
    """Through the temporary tables (no declared types) every value keeps the storage class
    the ORM gives it: dates and timestamps as text, flags and counts as integers."""
    apply_import(db, CLERK, plan_import(db, "visits", _sheet(tmp_path, "visits", 3)))
    assert db.path is not None
    conn = sqlite3.connect(db.path)
    try:
        types = conn.execute(
            "SELECT DISTINCT typeof(id), typeof(visit_date), typeof(created_at), "
            "typeof(students_met), typeof(reported_to_branch), typeof(sort_key), "
            "typeof(deleted_at), typeof(version) FROM visit").fetchall()
    finally:
        conn.close()
    assert types == [("text", "text", "text", "integer", "integer", "integer", "null",
                      "integer")]


@needs_pg
def test_visits_import_on_the_server(tmp_path: Path) -> None:
    """On PostgreSQL each part is inserted with Core as it is made; a second import of the same
    file adds nothing."""
    from tests.conftest import _fresh_pg_database

    db = _fresh_pg_database()
    try:
        _build(db)
        source = _sheet(tmp_path, "visits", 23)
        result = apply_import(db, CLERK, plan_import(db, "visits", source))
        assert result.added == 23 and result.numbers == ["SZ-ZF2025-00001", "SZ-ZF2025-00023"]
        rows = _stored(db, "visits")
        assert len(rows) == 23 and {len(r[-2]) for r in rows} == {1, 2, 3}
        assert {len(r[-1]) for r in rows} == {0, 1, 2}
        assert [r[0] for r in rows] == [f"SZ-ZF2025-{n:05d}" for n in range(1, 24)]
        again = plan_import(db, "visits", source)
        assert (len(again.to_add), len(again.duplicates)) == (0, 23)
        with pytest.raises(ImportRefused):
            apply_import(db, CLERK, plan_import(db, "visits", tmp_path / "missing.xlsx"))
    finally:
        db.dispose()


def test_new_ids_are_random_version_4_uuids_in_ascending_order() -> None:
    ids = apply_module._sorted_ids(2000)
    assert ids == sorted(ids) and len(set(ids)) == 2000
    parsed = [uuid.UUID(hex=i) for i in ids]
    assert all(u.version == 4 and u.variant == uuid.RFC_4122 and u.hex == i
               for u, i in zip(parsed, ids, strict=True))
    # Every one of the 122 random bits is 0 in some ids and 1 in others; the fixed six never.
    fixed = (0xF000 << 64) | (0xC000 << 48)
    ones, zeros = 0, 0
    for u in parsed:
        ones |= u.int
        zeros |= ~u.int & ((1 << 128) - 1)
    assert ones & zeros == ((1 << 128) - 1) & ~fixed
    assert not set(ids) & set(apply_module._sorted_ids(2000))
