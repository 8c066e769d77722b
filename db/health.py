"""``main.py check``: is a database healthy? Read-only; never changes the file."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlmodel import Session

from db import migrate
from db.audit import verify_chain
from db.engine import make_engine, probe_sqlite_file
from db.errors import DatabaseError


@dataclass
class HealthReport:
    lines: list[str] = field(default_factory=list)
    problems: int = 0

    @property
    def healthy(self) -> bool:
        return self.problems == 0

    def ok(self, line: str) -> None:
        self.lines.append(f"✓ {line}")

    def bad(self, line: str) -> None:
        self.lines.append(f"✗ {line}")
        self.problems += 1


def check_database(*, path: Path | None = None, url: str | None = None) -> HealthReport:
    report = HealthReport()
    if path is not None:
        path = Path(path).resolve()
        report.lines.append(f"数据库文件：{path}")
        try:
            state = probe_sqlite_file(path, full_check=True)
        except DatabaseError as exc:
            report.bad(exc.message)
            return report
        if not state.exists:
            report.bad(f"数据库文件 {path} 不存在。请用 --db 指定数据库文件。")
            return report
        report.ok("文件完整性检查通过（PRAGMA integrity_check）")
        engine = create_engine(f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true")
    else:
        assert url is not None
        engine = make_engine(url)
        report.lines.append(f"数据库服务器：{engine.url.render_as_string(hide_password=True)}")
    side_files = [Path(f"{path}-wal"), Path(f"{path}-shm")] if path else []
    existed = [p.exists() for p in side_files]
    try:
        _check_contents(engine, report)
    except DatabaseError as exc:
        report.bad(exc.message)
    except Exception as exc:  # a damaged file can fail in many ways; report, do not crash
        report.bad(f"读取数据库时出错：{exc}")
    finally:
        engine.dispose()
        for p, was_there in zip(side_files, existed, strict=True):
            if not was_there and p.exists():
                with suppress(OSError):
                    p.unlink()
    return report


def _check_contents(engine, report: HealthReport) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        revision = migrate.current_revision(conn)
        head = migrate.head_revision()
        if revision is None:
            report.bad("数据库中没有数据结构版本信息：它不是民情台账的数据库，或尚未初始化。")
            return
        if revision not in migrate.known_revisions():
            report.bad(f"数据结构版本 {revision} 比本程序新：请安装最新版本的民情台账。")
            return
        if revision != head:
            report.bad(f"数据结构版本 {revision} 较旧（当前为 {head}）："
                       "用本程序打开一次即可自动升级，升级前会自动备份。")
        else:
            report.ok(f"数据结构版本为最新（{head}）")
        if conn.dialect.name == "sqlite":
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                tables = sorted({row[0] for row in broken})
                report.bad(f"有 {len(broken)} 条记录引用了不存在的记录（表：{'、'.join(tables)}）")
            else:
                report.ok("记录之间的引用完整")
    with Session(engine) as session:
        chain = verify_chain(session)
    if chain:
        for line in chain[:20]:
            report.bad(line)
    else:
        report.ok("审计日志完整，未被删改")
