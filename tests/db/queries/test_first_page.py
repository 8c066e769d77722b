"""The window's first rows read with plain sqlite3 (db.queries.first_page) are the rows of
visit_page — compared field by field on a demo database — and a file that is not a readable
visit log gives no rows and no error."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from db.demo import generate
from db.engine import open_database
from db.queries import visit_page
from db.queries.first_page import FirstPageRow, first_page

ROOT = Path(__file__).resolve().parents[3]
HEAVY = ("sqlmodel", "sqlalchemy", "alembic", "matplotlib", "reportlab", "openpyxl")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    generate(path, scale=0.2)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    """A copy of the demo with its newest visit tombstoned (the preview must skip it), the next
    one with a long text over several lines (cut short) and the one after with only findings."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_file, path)
    with sqlite3.connect(path) as conn:
        keys = [k for (k,) in conn.execute(
            "SELECT sort_key FROM visit ORDER BY sort_key DESC LIMIT 3")]
        conn.execute("UPDATE visit SET deleted_at = '2026-01-01 00:00:00' WHERE sort_key = ?",
                     (keys[0],))
        conn.execute("UPDATE visit SET content = ? WHERE sort_key = ?",
                     ("  到学校走访，\n查看  食堂。" * 10, keys[1]))
        conn.execute("UPDATE visit SET content = '', findings = ? WHERE sort_key = ?",
                     ("宿舍\t热水供应不足", keys[2]))
    conn.close()
    return path


def _as_first_page(row: object) -> FirstPageRow:
    """A VisitRow in FirstPageRow's shape (the id as its stored hex text)."""
    fields = {name: getattr(row, name) for name in FirstPageRow.__slots__}  # type: ignore[attr-defined]
    fields["id"] = fields["id"].hex
    return FirstPageRow(**fields)


@pytest.mark.parametrize("limit", [50, 400])
def test_the_same_rows_as_visit_page(demo: Path, limit: int) -> None:
    database = open_database(demo, check="none", create=False)
    try:
        with database.session() as session:
            expected = [_as_first_page(r) for r in visit_page(session, limit=limit)]
    finally:
        database.dispose()
    rows = first_page(demo, limit)
    assert rows is not None
    assert len(rows) == limit
    assert rows == expected
    # The comparison covers what makes the preview's cells: several cadres joined, several
    # activities, a summary cut short, and no tombstoned visit.
    assert any("、" in r.cadre_names for r in rows)
    assert any(len(r.activities) > 1 for r in rows)
    assert rows[0].summary.endswith("…") and "\n" not in rows[0].summary
    assert rows[1].summary == "宿舍 热水供应不足"
    with sqlite3.connect(demo) as conn:
        deleted = conn.execute("SELECT number FROM visit WHERE deleted_at IS NOT NULL").fetchall()
    conn.close()
    assert deleted and deleted[0][0] not in {r.number for r in rows}


def test_a_folder_and_name_with_chinese_spaces_and_signs(demo: Path, tmp_path: Path) -> None:
    folder = tmp_path / "台账 数据#1"
    folder.mkdir()
    path = folder / "民情 台账%20.db"
    shutil.copyfile(demo, path)
    rows = first_page(path, 5)
    assert rows and rows == first_page(demo, 5)


def test_an_empty_log_gives_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_database(path).dispose()
    assert first_page(path) == []


def test_a_missing_file_is_not_made(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    assert first_page(path) is None
    assert not path.exists()


def test_a_damaged_file_gives_nothing(demo: Path, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not a database at all" * 200)
    assert first_page(garbage) is None
    # A real database with its pages overwritten after the header.
    damaged = tmp_path / "damaged.db"
    data = bytearray(demo.read_bytes())
    data[4096:4096 * 64] = b"\xff" * (4096 * 63)
    damaged.write_bytes(bytes(data))
    assert first_page(damaged) is None


def test_another_schema_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE visit (id TEXT PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO visit VALUES ('a', 'b')")
    conn.close()
    assert first_page(path) is None


def test_it_never_writes(demo: Path) -> None:
    before = demo.stat().st_mtime_ns, demo.read_bytes()
    assert first_page(demo)
    assert (demo.stat().st_mtime_ns, demo.read_bytes()) == before


def test_imports_nothing_heavy(tmp_path: Path) -> None:
    code = ("import sys, db.queries.first_page, desktop.ui.visits.preview\n"
            f"print([m for m in sys.modules if m.split('.')[0] in {HEAVY!r}])")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MQ_DATA_DIR=str(tmp_path),
               PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
