"""Open a database: the one place that sets up engines.

``open_database`` probes a SQLite file read-only first (is it a database? is it intact? is its
schema one this version knows?), refuses with a clear message and leaves the file untouched when
any answer is no, copies the file before migrating it, and only then opens it for writing with
the pragmas an office PC needs (WAL, foreign keys, ``synchronous=FULL``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from db import migrate
from db.errors import (
    ConflictError,
    CorruptDatabaseError,
    DatabaseUnavailableError,
    NewerSchemaError,
    NotADatabaseError,
)

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileState:
    """What a read-only look at a SQLite file found."""

    exists: bool
    revision: str | None = None  # the schema revision stored in the file
    has_tables: bool = False


def _describe(path: Path) -> str:
    return f"“{path}”"


IntegrityCheck = Literal["full", "quick", "none"]


def probe_sqlite_file(path: Path, *, full_check: bool = False,
                      check: IntegrityCheck | None = None) -> FileState:
    """Look at a SQLite file without changing it; raise a DatabaseError if it is unusable.

    *check* says how much of the file is read: "full" (integrity_check), "quick"
    (quick_check, the default) or "none" — only the header, the schema and its revision, for
    the desktop, which runs ``check_integrity`` in the background instead: quick_check reads
    the whole file, 4.6 s for a 1.4 GB database here, too long to wait before the first rows.
    """
    if check is None:
        check = "full" if full_check else "quick"
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise NotADatabaseError(
            f"{_describe(path)} 是一个文件夹，不是数据库文件。请选择 .db 文件。"
        )
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if path.stat().st_size == 0:
        return FileState(exists=True)
    if header != SQLITE_HEADER:
        raise NotADatabaseError(
            f"{_describe(path)} 不是民情台账的数据库文件（文件格式不对）。该文件未被修改。"
            "请确认选择的是 .db 数据库文件，而不是 Excel、备份压缩包或其他文件。"
        )
    side_files = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [p.exists() for p in side_files]
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            if check != "none":
                _run_check(conn, path, "integrity_check" if check == "full" else "quick_check")
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # A badly damaged file can also yield text that is not UTF-8 (a schema name, say).
        raise CorruptDatabaseError(_corrupt_message(path, type(exc).__name__)) from exc
    finally:
        # A read-only connection to a WAL database may leave empty side files behind.
        for p, was_there in zip(side_files, existed, strict=True):
            if not was_there and p.exists() and (p.stat().st_size == 0 or p.name.endswith("shm")):
                with suppress(OSError):
                    p.unlink()
    if tables - {"alembic_version"} and revision is None:
        raise NotADatabaseError(
            f"{_describe(path)} 是一个 SQLite 数据库，但不是民情台账的数据库。该文件未被修改。"
            "请选择民情台账创建的数据库文件。"
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerSchemaError(
            f"{_describe(path)} 由更新版本的民情台账创建（数据结构版本 {revision}），"
            "本程序无法打开它。该文件未被修改。请安装最新版本的民情台账后再打开。"
        )
    return FileState(exists=True, revision=revision, has_tables=bool(tables))


def _run_check(conn: sqlite3.Connection, path: Path, pragma: str) -> None:
    rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    if rows != [("ok",)]:
        raise CorruptDatabaseError(_corrupt_message(path, str(rows[0][0])))


def check_integrity(path: Path) -> None:
    """SQLite's quick_check of the whole file, on a read-only connection of its own (so it
    can run beside the application's connections); CorruptDatabaseError if it fails."""
    try:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True)
        try:
            _run_check(conn, path, "quick_check")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(_corrupt_message(path, type(exc).__name__)) from exc


def _corrupt_message(path: Path, detail: str) -> str:
    return (
        f"数据库文件 {_describe(path)} 已损坏（{detail}），无法打开。该文件未被修改。"
        "请用“恢复备份”从最近的完好备份恢复，或联系管理员。"
    )


def _set_sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # office PCs lose power
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def checkpoint_in_background(path: Path) -> threading.Thread:
    """Copy the write-ahead log into the database file on a thread of its own.

    SQLite does this itself when a commit leaves the log over 1,000 pages, inside that commit:
    after a bulk write of 100 MB that is a fifth of a second more before the clerk sees the
    result. The committed data is safe in the log either way (``synchronous=FULL``); a
    PASSIVE checkpoint waits for no one and no one waits for it. Failures are left for
    SQLite's next automatic checkpoint."""
    def run() -> None:
        with suppress(sqlite3.Error, OSError):
            conn = sqlite3.connect(path, timeout=5)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()

    thread = threading.Thread(target=run, name="wal-checkpoint", daemon=True)
    thread.start()
    return thread


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


class _TranslatingSession(Session):
    """A session whose statements turn a lost server connection, a locked file or a conflict
    into the AppError a clerk can act on (``translate_errors``), for reads as well as writes:
    a read on a connection the server dropped then shows a message, not the crash dialog, and
    trying again works (the pool pings connections before handing them out)."""

    def execute(self, *args: Any, **kwargs: Any) -> Any:
        with translate_errors():
            return super().execute(*args, **kwargs)

    def exec(self, *args: Any, **kwargs: Any) -> Any:  # sqlmodel's, which bypasses execute
        with translate_errors():
            return super().exec(*args, **kwargs)

    def flush(self, objects: Any = None) -> None:
        with translate_errors():
            super().flush(objects)


@dataclass
class Database:
    """An open database: its engine and a way to run one unit of work."""

    engine: Engine
    path: Path | None = None  # the SQLite file, when it is one
    _sessions: sessionmaker[_TranslatingSession] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, class_=_TranslatingSession,
                                      expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def location(self) -> str:
        """Where the data is, for the status bar (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A session for reading; writes go through ``transaction``."""
        return self._sessions()

    @contextmanager
    def transaction(self, bind: Connection | None = None) -> Iterator[Session]:
        """One unit of work: committed at the end, rolled back whole on any error (on the
        connection *bind* when given, else on one from the pool)."""
        session = self._sessions() if bind is None else self._sessions(bind=bind)
        try:
            with translate_errors():
                yield session
                session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()


CONNECTION_LOST = ("与数据库服务器的连接中断，本次操作没有完成（未保存的内容仍在窗口中）。"
                   "请检查网络后重试；连接恢复后程序会自动重新连接。")


@contextmanager
def translate_errors() -> Iterator[None]:
    """Turn the database failures a clerk can act on into messages in words."""
    try:
        yield
    except StaleDataError as exc:
        raise ConflictError() from exc
    except OperationalError as exc:
        text_ = str(exc.orig).lower() if exc.orig else str(exc).lower()
        if "locked" in text_ or "busy" in text_:
            raise DatabaseUnavailableError(
                "数据库正被其他程序或用户占用，本次操作未保存。请稍等片刻后重试。"
            ) from exc
        if "disk is full" in text_ or "no space" in text_:
            raise DatabaseUnavailableError(
                "磁盘空间已满，本次操作未保存，已有数据未受影响。请清理磁盘空间后重试。"
            ) from exc
        if "readonly" in text_ or "read-only" in text_:
            raise DatabaseUnavailableError(
                "数据库文件是只读的，本次操作未保存。请检查文件权限，或把数据库复制到可写的文件夹。"
            ) from exc
        if exc.connection_invalidated or any(
                word in text_ for word in ("connection", "server", "could not", "terminat")):
            raise DatabaseUnavailableError(CONNECTION_LOST) from exc
        raise
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise DatabaseUnavailableError(CONNECTION_LOST) from exc
        raise


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_database(
    path: Path | None = None,
    *,
    url: str | None = None,
    create: bool = True,
    backup_dir: Path | None = None,
    check: IntegrityCheck = "quick",
) -> Database:
    """Open (and if needed create or migrate) a database file or server.

    Raises a DatabaseError subclass, leaving the file untouched, when the file is not a
    database, is damaged, or was written by a newer version. *check* is how much of the file
    is checked first (see ``probe_sqlite_file``).
    """
    if (path is None) == (url is None):
        raise ValueError("give exactly one of path or url")
    if url is not None:
        engine = make_engine(url)
        if _refuse_newer_server(engine) != migrate.head_revision():
            migrate.upgrade(engine)
        return Database(engine)

    assert path is not None
    path = Path(path).resolve()
    state = probe_sqlite_file(path, check=check)
    if not state.exists and not create:
        raise NotADatabaseError(f"数据库文件 {_describe(path)} 不存在。请检查路径。")
    if state.revision is not None and state.revision != migrate.head_revision():
        from db.backup import backup_sqlite  # local: only needed when migrating

        backup_sqlite(path, backup_dir or path.parent / "backups", reason="before-migration")
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(sqlite_url(path))
    # A database already at the newest schema (every start but the first after an update)
    # skips Alembic altogether: loading it and its scripts costs 0.2-0.6 s of the start.
    if state.revision != migrate.head_revision():
        try:
            migrate.upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
    return Database(engine, path)


def _refuse_newer_server(engine: Engine) -> str | None:
    """The server's schema revision (None for an empty database); NewerSchemaError if this
    version does not know it."""
    with translate_errors(), engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerSchemaError(
            f"服务器上的数据库由更新版本的民情台账创建（数据结构版本 {revision}），本程序无法使用。"
            "请安装最新版本的民情台账。"
        )
    return revision
