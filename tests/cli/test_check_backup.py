"""main.py check / backup, and the refusal of files that are not healthy databases."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from db.audit import SYSTEM, write_audit
from db.engine import Database, open_database
from db.errors import CorruptDatabaseError, NewerSchemaError, NotADatabaseError
from desktop.cli import main


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def closed_copy(db: Database, tmp_path: Path, name: str = "copy.db") -> Path:
    """A checkpointed, closed copy of the test database (no -wal file beside it)."""
    with db.transaction() as s:
        write_audit(s, SYSTEM, "create", "site", None, "测试")
    db.dispose()
    assert db.path is not None
    con = sqlite3.connect(db.path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    dest = tmp_path / name
    shutil.copyfile(db.path, dest)
    return dest


def corrupt(path: Path) -> None:
    """Overwrite the middle of the file (b-tree pages) with garbage."""
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, 3 * page):
        data[offset + 8: offset + 800] = b"\xa5" * 792
    path.write_bytes(bytes(data))


def test_check_healthy_database_exits_0(db: Database, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    before = digest(path)
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "数据库健康" in out and "审计日志完整" in out
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_check_refuses_corrupted_copy_without_touching_it(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    corrupt(path)
    before = digest(path)
    assert main(["check", "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "已损坏" in out and "未被修改" in out
    assert digest(path) == before


def test_opening_corrupted_file_is_refused_and_file_unchanged(db: Database,
                                                              tmp_path: Path) -> None:
    path = closed_copy(db, tmp_path)
    corrupt(path)
    before = digest(path)
    with pytest.raises(CorruptDatabaseError) as err:
        open_database(path)
    assert "恢复备份" in err.value.message
    assert digest(path) == before


def test_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.db"
    path.write_text("这是一个文本文件，不是数据库。" * 200, encoding="utf-8")
    before = digest(path)
    with pytest.raises(NotADatabaseError):
        open_database(path)
    assert main(["check", "--db", str(path)]) == 1
    assert "不是民情台账的数据库文件" in capsys.readouterr().out
    assert digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError) as err:
        open_database(path)
    assert "不是民情台账的数据库" in err.value.message
    assert digest(path) == before


def test_newer_schema_is_refused_and_file_unchanged(db: Database, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError) as err:
        open_database(path)
    assert "更新版本" in err.value.message and "未被修改" in err.value.message
    assert main(["check", "--db", str(path)]) == 1
    assert "更新版本" in capsys.readouterr().out
    assert digest(path) == before


def test_check_detects_tampered_audit_log(db: Database, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    con = sqlite3.connect(path)
    con.execute("UPDATE audit_entry SET summary = '篡改' WHERE seq = 1")
    con.commit()
    con.close()
    assert main(["check", "--db", str(path)]) == 1
    assert "被篡改" in capsys.readouterr().out


def test_check_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--db", str(tmp_path / "nope.db")]) == 1
    assert "不存在" in capsys.readouterr().out
    assert not (tmp_path / "nope.db").exists()


def test_backup_to_folder_keeps_newest(db: Database, tmp_path: Path) -> None:
    path = closed_copy(db, tmp_path)
    dest = tmp_path / "backups"
    for _ in range(3):
        assert main(["backup", "--db", str(path), "--to", str(dest), "--keep", "2"]) == 0
    copies = sorted(dest.glob("*.db"))
    assert len(copies) == 2
    for copy in copies:
        con = sqlite3.connect(copy)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("SELECT count(*) FROM site").fetchone() == (1,)
        con.close()


def test_backup_of_missing_file_is_refused(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "--db", str(tmp_path / "x.db"), "--to", str(tmp_path / "b")]) == 1
    assert "不存在" in capsys.readouterr().err


def test_database_emptied_to_base_is_migrated_again(tmp_path: Path) -> None:
    from alembic import command

    from db import migrate

    path = tmp_path / "old.db"
    database = open_database(path)
    with database.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    database.dispose()
    reopened = open_database(path)
    with reopened.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
    reopened.dispose()


def test_help_is_chinese_and_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for word in ("demo", "check", "backup", "演示", "检查", "备份"):
        assert word in out


def test_restore_replaces_damaged_database_and_keeps_it(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "b")]) == 0
    good = next((tmp_path / "b").glob("*.db"))
    corrupt(path)
    damaged = path.read_bytes()
    assert main(["check", "--db", str(path)]) == 1
    assert main(["restore", str(good), "--db", str(path)]) == 0
    assert main(["check", "--db", str(path)]) == 0
    kept = list((Path(tmp_path) / "data" / "backups").glob("*damaged*"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    capsys.readouterr()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = closed_copy(db, tmp_path)
    bad = tmp_path / "bad-backup.db"
    shutil.copyfile(path, bad)
    corrupt(bad)
    before = digest(path)
    assert main(["restore", str(bad), "--db", str(path)]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert digest(path) == before


def test_badly_damaged_file_is_refused_in_words(db: Database, tmp_path: Path) -> None:
    """Every page scrambled except the header: still a clear refusal, never a traceback."""
    path = closed_copy(db, tmp_path)
    data = bytearray(path.read_bytes())
    for i in range(100, len(data)):
        data[i] = (data[i] * 7 + 0xC3) & 0xFF
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(CorruptDatabaseError):
        open_database(path)
    assert main(["check", "--db", str(path)]) == 1
    assert digest(path) == before


def test_backup_if_due_makes_one_a_day(db: Database, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from db.backup import backup_if_due

    path = closed_copy(db, tmp_path)
    dest = tmp_path / "auto"
    first = backup_if_due(path, dest)
    assert first is not None and first.is_file()
    assert backup_if_due(path, dest) is None  # a recent one exists
    later = datetime.now() + timedelta(days=1, minutes=1)
    second = backup_if_due(path, dest, now=later)
    assert second is not None and second != first
    assert len(list(dest.glob("*.db"))) == 2


def test_db_option_before_or_after_the_command(db: Database, tmp_path: Path) -> None:
    path = closed_copy(db, tmp_path)
    assert main(["--db", str(path), "check"]) == 0
    assert main(["check", "--db", str(path)]) == 0
    # The default database (in the private test data folder) does not exist: refused.
    assert main(["check"]) == 1
