"""Importing visits from clerks' own sheets: flexible headers and values, precise errors,
nothing written on error, idempotence, the search index, and .xls/.ods files."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.engine import Database
from db.excel import ImportRefused, apply_import, plan_import
from db.models import AuditEntry, Visit, VisitActivity, VisitCadre
from db.numbering import day_base
from db.search import match_expression
from tests.conftest import require_tool
from tests.excel.conftest import CLERK, Org, assert_index_matches, fingerprint, write_sheet

TITLE = "随州市教育局走访登记表"
# Headers in another order, in the clerk's own words, one with “（必填）” and stray spaces.
CLERK_HEADER = ["时间", "单位", "区域", "走访人员", "方式（必填）", "活动", "学生人数", "教师数",
                " 内容 ", "发现问题", "备注"]


def _excel_serial(d: date) -> int:
    return (d - date(1899, 12, 30)).days


def _clerk_rows() -> list[list[object]]:
    return [
        [datetime(2025, 6, 3), "曾都区第一中学", "", "张三、李四", "明察暗访",
         "暗访食堂、宿舍", "１２", 3, "检查食堂和宿舍", "食堂饭菜价格偏高", "x"],
        [_excel_serial(date(2025, 6, 4)), "实验小学", "随县", "王五（曾都区第一中学）",
         "实地走访", "", 5, "", "听课", "教室照明不足", ""],
        ["2025年6月5日", "曾都区第一中学", "曾都区", "李四,张三", "调研座谈", "", "", "",
         "座谈", "学生反映食堂排队时间长", ""],
        [None, None, None, None, None, None, None, None, None, None, None],  # a blank row
        ["2025/6/6", "东城社区", "", "李四", "交流谈心", "家访", "", "", "走访家庭",
         "家长关心课后服务", ""],
        ["2025.6.7", "曾都区第一中学", "", "张三 李四", "蹲点体验", "体验课堂教学", "０", "２",
         "蹲点", "", ""],
        ["2025-6-8", "曾都区第一中学", "", "张三", "实地走访", "走进班级（支部）", "", "",
         "走访班级", "食堂后厨卫生需要改进", ""],
    ]


@pytest.fixture
def clerk_sheet(tmp_path: Path) -> Path:
    return write_sheet(tmp_path / "走访登记.xlsx", CLERK_HEADER, _clerk_rows(), title=TITLE,
                       sheet="六月")


def test_clerk_sheet_imports(db: Database, org: Org, clerk_sheet: Path) -> None:
    plan = plan_import(db, "visits", clerk_sheet)
    assert plan.errors == [], [str(e) for e in plan.errors]
    assert plan.rows_read == 6  # the blank row is skipped
    assert [r.row for r in plan.to_add] == [3, 4, 5, 7, 8, 9]  # Excel's row numbers
    result = apply_import(db, CLERK, plan)
    assert result.added == 6
    with db.session() as s:
        visits = {v.visit_date: v for v in s.execute(select(Visit)).scalars()}
        assert sorted(visits) == [date(2025, 6, d) for d in (3, 4, 5, 6, 7, 8)]
        first = visits[date(2025, 6, 3)]
        assert (first.unit_id, first.method, first.students_met, first.teachers_met) == (
            org.school, "inspection", 12, 3)
        assert set(s.execute(select(VisitActivity.activity)
                             .where(VisitActivity.visit_id == first.id)).scalars()) == {
            "canteen", "dormitory"}
        second = visits[date(2025, 6, 4)]
        assert second.unit_id == org.primary_sx
        assert list(s.execute(select(VisitCadre.cadre_id)
                              .where(VisitCadre.visit_id == second.id)).scalars()) == [
            org.wang_school]
        assert visits[date(2025, 6, 7)].teachers_met == 2
        # Numbers in date order; sort keys on their day.
        assert [visits[d].number for d in sorted(visits)] == [
            f"SZ-ZF2025-{n:05d}" for n in range(1, 7)]
        for d, v in visits.items():
            assert v.sort_key == day_base(d)
            assert (v.site, v.version, v.deleted_at) == ("SZ", 1, None)
        entries = list(s.execute(select(AuditEntry).where(AuditEntry.action == "import"))
                       .scalars())
    assert len(entries) == 1
    after = json.loads(entries[0].after)
    assert (after["added"], after["numbers"]) == (6, ["SZ-ZF2025-00001", "SZ-ZF2025-00006"])
    assert entries[0].table_name == "visit" and entries[0].username == "clerk"
    assert_index_matches(db)


def _pooled_foreign_keys(db: Database) -> list[int]:
    """PRAGMA foreign_keys on every connection the pool holds (and one more)."""
    conns = [db.engine.connect() for _ in range(db.engine.pool.checkedin() + 1)]
    try:
        return [c.execute(text("PRAGMA foreign_keys")).scalar_one() for c in conns]
    finally:
        for c in conns:
            c.close()


def test_the_bulk_write_leaves_the_connections_as_they_were(db: Database, org: Org,
                                                           clerk_sheet: Path) -> None:
    """The import writes with SQLite's foreign-key checks off (it checks the references
    itself, inside its transaction): a unit deleted after planning still refuses it, what it
    writes holds together, and every pooled connection checks foreign keys again afterwards."""
    plan = plan_import(db, "visits", clerk_sheet)
    school = {"id": org.school.hex}
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE unit SET deleted_at = '2025-07-01' WHERE id = :id"), school)
    with pytest.raises(ImportRefused, match="被删除或停用"):
        apply_import(db, CLERK, plan)
    assert set(_pooled_foreign_keys(db)) == {1}
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE unit SET deleted_at = NULL WHERE id = :id"), school)
    assert apply_import(db, CLERK, plan).added == 6
    assert set(_pooled_foreign_keys(db)) == {1}
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA cache_size")).scalar_one() == -2000
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar_one() == 1000
        # The search index's memory for pending terms is back at FTS5's default.
        assert conn.execute(text(
            "SELECT v FROM visit_fts_config WHERE k = 'hashsize'")).scalar_one() == 1 << 20
    assert_index_matches(db)


def test_the_log_is_copied_into_the_file_after_the_import(
        db: Database, clerk_sheet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The import's commit leaves its pages in the write-ahead log; a thread of its own then
    copies them into the database file (read here past the log)."""
    import db.excel.apply as apply_module
    from db.engine import checkpoint_in_background

    threads = []
    monkeypatch.setattr(apply_module, "checkpoint_in_background",
                        lambda path: threads.append(checkpoint_in_background(path)))

    def visits_in_the_file() -> int:
        assert db.path is not None
        conn = sqlite3.connect(f"{db.path.as_uri()}?immutable=1", uri=True)  # the log unread
        try:
            return int(conn.execute("SELECT count(*) FROM visit").fetchone()[0])
        finally:
            conn.close()

    before = visits_in_the_file()
    assert apply_import(db, CLERK, plan_import(db, "visits", clerk_sheet)).added == 6
    assert len(threads) == 1
    threads[0].join(timeout=30)
    assert visits_in_the_file() == before + 6


def test_search_finds_imported_visits_by_findings(db: Database, clerk_sheet: Path) -> None:
    apply_import(db, CLERK, plan_import(db, "visits", clerk_sheet))
    with db.session() as s:
        hits = set(s.execute(text("SELECT rowid FROM visit_fts WHERE visit_fts MATCH :q"),
                             {"q": match_expression("食堂")}).scalars())
        expected = set(s.execute(select(Visit.sort_key).where(
            Visit.findings.contains("食堂") | Visit.content.contains("食堂"))).scalars())
        with_findings = set(s.execute(select(Visit.sort_key).where(
            Visit.findings.contains("食堂"))).scalars())
    assert len(with_findings) == 3
    assert with_findings <= hits == expected


def test_importing_twice_changes_nothing(db: Database, clerk_sheet: Path) -> None:
    apply_import(db, CLERK, plan_import(db, "visits", clerk_sheet))
    before = fingerprint(db)
    again = plan_import(db, "visits", clerk_sheet)
    assert (len(again.to_add), len(again.duplicates), again.errors) == (0, 6, [])
    assert again.is_noop
    result = apply_import(db, CLERK, again)
    assert (result.added, result.skipped, result.audit_seq) == (0, 6, None)
    assert fingerprint(db) == before


def test_repeated_row_in_one_file_is_skipped(db: Database, tmp_path: Path) -> None:
    row = ["2025-06-03", "张三", "曾都区第一中学", "实地走访", "走访"]
    path = write_sheet(tmp_path / "dup.xlsx", ["走访日期", "参加干部", "走访单位", "走访方式",
                                               "走访内容"], [row, row])
    plan = plan_import(db, "visits", path)
    assert len(plan.to_add) == 1
    assert plan.duplicates[0].row == 3 and "第 2 行重复" in plan.duplicates[0].reason


def test_bad_rows_give_precise_errors_and_write_nothing(db: Database, tmp_path: Path) -> None:
    future = (date.today() + timedelta(days=3)).isoformat()
    header = ["走访日期", "参加干部", "走访单位", "走访方式", "走访学生人数", "走访内容"]
    rows = [
        ["2025-06-03", "张三", "曾都区第一中学", "骑马走访", 1, "a"],  # row 2
        [future, "张三", "曾都区第一中学", "实地走访", 1, "b"],  # 3
        ["2025-06-03", "钱八", "曾都区第一中学", "实地走访", 1, "c"],  # 4
        ["2025-06-03", "张三", "曾都区第一中学", "实地走访", -3, "d"],  # 5
        ["2025-06-03", "张三", "", "实地走访", 1, "e"],  # 6
        ["2025-06-03", "王五", "曾都区第一中学", "实地走访", 1, "f"],  # 7
        ["2025-06-03", "赵六", "曾都区第一中学", "实地走访", 1, "g"],  # 8
        ["2025-06-03", "张三", "实验小学", "实地走访", 1, "h"],  # 9
        ["6月3日", "张三", "曾都区第一中学", "实地走访", 1, "i"],  # 10
        ["2025-06-03", "张三", "曾都区第一中学", "实地走访", 1, "fine"],  # 11
        ["2025-02-30", "张三", "曾都区第一中学", "实地走访", "三", "j"],  # 12
    ]
    path = write_sheet(tmp_path / "bad.xlsx", header, rows, sheet="走访")
    before = fingerprint(db)
    plan = plan_import(db, "visits", path)
    found = {(e.row, e.column): e for e in plan.errors}
    expected = {
        (2, "走访方式"): ("走访方式“骑马走访”不在可选范围内", "骑马走访"),
        (3, "走访日期"): ("走访日期不能晚于今天", future),
        (4, "参加干部"): ("干部名单中没有“钱八”", "钱八"),
        (5, "走访学生人数"): ("走访学生人数不能小于 0", "-3"),
        (6, "走访单位"): ("请填写走访单位", ""),
        (7, "参加干部"): ("有 2 名干部叫“王五”，请写明单位，如：王五（教育局机关）", "王五"),
        (8, "参加干部"): ("干部“赵六”已停用", "赵六"),
        (9, "走访单位"): ("有 2 个名为“实验小学”的单位（曾都区、随县），请在“所属区域”列填写区域",
                          "实验小学"),
        (10, "走访日期"): ("没有写年份", "6月3日"),
        (12, "走访日期"): ("不是有效的日期", "2025-02-30"),
        (12, "走访学生人数"): ("不是整数", "三"),
    }
    assert set(found) == set(expected)
    for where, (message, value) in expected.items():
        issue = found[where]
        assert message in issue.message, (where, issue.message)
        assert issue.value == value and issue.sheet == "走访"
    shown = str(found[(2, "走访方式")])
    assert shown.startswith("工作表“走访”第 2 行“走访方式”列：") and "实地走访、蹲点体验" in shown
    with pytest.raises(ImportRefused) as refused:
        apply_import(db, CLERK, plan)
    assert "未导入任何数据" in refused.value.message and len(refused.value.issues) == 11
    assert fingerprint(db) == before


def test_missing_required_column_is_reported_once(db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "m.xlsx", [None, "走访日期", "参加干部", "走访内容"],
                       [[None, "2025-06-03", "张三", "x"]] * 3, title=TITLE)
    plan = plan_import(db, "visits", path)
    assert {(e.row, e.column) for e in plan.errors} == {(2, "走访单位"), (2, "走访方式")}
    assert "缺少必填列“走访单位”" in plan.errors[0].message


def test_files_that_are_not_tables(db: Database, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip at all")
    other = write_sheet(tmp_path / "other.xlsx", ["姓名", "成绩"], [["甲", 90]])
    for path, words in [(junk, "无法读取文件"), (tmp_path / "none.xlsx", "找不到文件"),
                        (tmp_path / "a.csv", "不支持"), (other, "找不到走访登记的表头")]:
        if path.suffix == ".csv":
            path.write_text("a,b\n")
        plan = plan_import(db, "visits", path)
        assert len(plan.errors) == 1 and words in plan.errors[0].message, plan.errors


def _soffice() -> str:
    return require_tool("soffice", "libreoffice", package="libreoffice-calc-nogui")


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_files_import(db: Database, clerk_sheet: Path, tmp_path: Path,
                                  fmt: str) -> None:
    exe = _soffice()
    out = tmp_path / fmt
    subprocess.run([exe, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to", fmt, "--outdir", str(out), str(clerk_sheet)],
                   check=True, capture_output=True, timeout=120)
    converted = out / f"走访登记.{fmt}"
    plan = plan_import(db, "visits", converted)
    assert plan.errors == [], [str(e) for e in plan.errors]
    assert [r.row for r in plan.to_add] == [3, 4, 5, 7, 8, 9]
    assert apply_import(db, CLERK, plan).added == 6
    # The same visits from the .xlsx are duplicates: the values read the same in all formats.
    assert plan_import(db, "visits", clerk_sheet).is_noop


def test_numbers_and_sort_keys_continue_after_stored_visits(db: Database, clerk_sheet: Path,
                                                            tmp_path: Path) -> None:
    apply_import(db, CLERK, plan_import(db, "visits", clerk_sheet))  # one visit a day, 3–8 June
    header = ["走访日期", "参加干部", "走访单位", "走访方式", "走访内容"]
    days = [3, 3, 4, 5, 6, 9, 3]
    rows = [[f"2025-06-{d:02d}", "张三", "曾都区第一中学", "实地走访", f"第二批{i}"]
            for i, d in enumerate(days)]
    result = apply_import(db, CLERK, plan_import(db, "visits",
                                                 write_sheet(tmp_path / "b.xlsx", header, rows)))
    assert result.numbers == ["SZ-ZF2025-00007", "SZ-ZF2025-00013"]
    with db.session() as s:
        keys = dict(s.execute(select(Visit.content, Visit.sort_key)).all())
    base = {d: day_base(date(2025, 6, d)) for d in (3, 4, 5, 6, 9)}
    assert [keys[f"第二批{i}"] for i in range(7)] == [
        base[3] + 1, base[3] + 2, base[4] + 1, base[5] + 1, base[6] + 1, base[9], base[3] + 3]
