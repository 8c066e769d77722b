"""Helpers for work on 100,000 rows at once: holding the garbage collector, and inserting many
rows into SQLite while Python makes the next ones."""

from __future__ import annotations

import gc
import sqlite3
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, insert

T = TypeVar("T")


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while millions of small objects (cells, tuples,
    rows) are made: each pass walks the whole growing heap, and the passes cost seconds at
    100,000 rows. Reference counting still frees everything that is not a cycle; the collector
    resumes (and catches up) afterwards. Process-wide, which is harmless for a few seconds."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


P = TypeVar("P")


@dataclass(frozen=True)
class Rows:
    """Rows of one table: *constants* (the same in every row) and *columns* (one tuple per row);
    the columns named in *hex_ids* hold UUIDs already as the 32 hex digits SQLite stores."""

    table: Table
    columns: Sequence[str]
    rows: list[tuple[Any, ...]]
    constants: dict[str, Any] = field(default_factory=dict)
    hex_ids: Collection[str] = ()


@dataclass(frozen=True)
class Documents:
    """Full-text documents (row id, text) of an FTS5 table (SQLite only: see ``db.search``)."""

    fts_table: str
    docs: list[tuple[int, str]]


Batch = list[Rows | Documents]


@dataclass(frozen=True)
class _Staged:
    table: str  # the temporary table holding the rows: columns c0, c1, ...
    insert: str  # "INSERT INTO target (columns)", completed by a SELECT from *table*
    constants: tuple[Any, ...]  # the values of the first columns, the same in every row
    width: int  # the columns of *table*

    def move(self) -> str:
        """The INSERT … SELECT, in the order the rows were staged (parameters: constants)."""
        values = ", ".join(["?"] * len(self.constants) + [f"c{i}" for i in range(self.width)])
        return f"{self.insert} SELECT {values} FROM temp.{self.table} ORDER BY rowid"


class BulkWriter:
    """Inserts many rows into several tables of one transaction, part by part.

    On SQLite each part's rows are first bound into temporary tables with no index and no
    declared types (values kept exactly as bound), then moved into their tables, one
    ``INSERT … SELECT`` each. Binding needs Python, and so the GIL; an ``INSERT … SELECT`` is a
    single call into SQLite, which releases the GIL while it fills the table and its indexes.
    Meanwhile a helper thread makes the next part's rows in Python: the two processor cores
    of an office PC share the import. It is faster on one core too: 100,000 rows bound into a
    bare table and then moved cost less than the same rows inserted one ``executemany`` step
    at a time into a table with eight indexes.

    Elsewhere (PostgreSQL) each part is inserted with Core as it is made.

    Values go through each column type's own bind processor, so they are stored exactly as
    the ORM stores them (UUIDs as hex, UTC timestamps, booleans as 0/1): once per distinct
    value of a column (a sheet repeats its dates and units thousands of times), and the
    constants once for all rows. SQLAlchemy's per-row parameter machinery costs more than
    SQLite's insert itself at 100,000 rows.

    Full-text documents are written with FTS5's settings for bulk writes (``FTS5_BULK``), set
    back to its defaults afterwards (they are stored with the index).
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"
        self._staged: list[_Staged] = []
        self._fts_tables: list[str] = []  # those set up for bulk writes
        self._count = 0

    def write(self, make: Callable[[P], Batch], parts: Sequence[P]) -> None:
        """Write ``make(part)`` for every part, in order. *make* runs on a helper thread (but
        for the first part): it must not touch the connection."""
        if not parts:
            return
        batch: Batch | None = make(parts[0])
        for i in range(len(parts)):
            assert batch is not None
            for item in batch:
                self._add(item)
            following = parts[i + 1] if i + 1 < len(parts) else None
            batch = self._flush(None if following is None else partial(make, following))
        for table in self._fts_tables:
            self._fts_config(table, FTS5_DEFAULTS)
        self._fts_tables.clear()

    def _add(self, item: Rows | Documents) -> None:
        if isinstance(item, Documents):
            if self.sqlite and item.docs:
                if item.fts_table not in self._fts_tables:
                    self._fts_config(item.fts_table, FTS5_BULK)
                    self._fts_tables.append(item.fts_table)
                self._stage(f"INSERT INTO {item.fts_table}(rowid, body)", item.docs)
        elif item.rows:
            if self.sqlite:
                self._stage_rows(item)
            else:
                self._insert_elsewhere(item)

    def _flush(self, work: Callable[[], T] | None) -> T | None:
        """Move every staged table into its target; meanwhile run *work* on a helper thread
        (started only now, so that it does not compete with the binding for the GIL) and
        return its result."""
        staged, self._staged = self._staged, []
        if not staged:
            return work() if work else None
        with ThreadPoolExecutor(1, thread_name_prefix="bulk-write") as pool:
            future = pool.submit(work) if work else None
            for st in staged:
                self.conn.exec_driver_sql(st.move(), st.constants)
                self.conn.exec_driver_sql(f"DROP TABLE temp.{st.table}")
            return future.result() if future else None

    def _stage_rows(self, item: Rows) -> None:
        table, dialect = item.table, self.conn.dialect
        constants = tuple(_as_sqlite(_bound(table.c[n].type, dialect, v))
                          for n, v in item.constants.items())
        procs: list[tuple[int, Callable[[Any], Any], dict[Any, Any]]] = [
            (i, p, {}) for i, p in enumerate(
                None if n in item.hex_ids else sqlite_storing(table.c[n].type, dialect)
                for n in item.columns)
            if p is not None]
        params = item.rows
        if procs:
            params = []
            for r in item.rows:
                values = list(r)
                for i, p, seen in procs:
                    v = values[i]
                    try:
                        values[i] = seen[v]
                    except KeyError:
                        values[i] = seen[v] = p(v)
                params.append(tuple(values))
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(n) for n in (*item.constants, *item.columns))
        self._stage(f"INSERT INTO {quote(table.name)} ({names})", params, constants)

    def _stage(self, insert_sql: str, params: list[tuple[Any, ...]],
               constants: tuple[Any, ...] = ()) -> None:
        self._count += 1
        name, width = f"mq_bulk_{self._count}", len(params[0])
        columns = ", ".join(f"c{i}" for i in range(width))
        self.conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{name}")
        self.conn.exec_driver_sql(f"CREATE TEMP TABLE {name} ({columns})")
        self.conn.exec_driver_sql(
            f"INSERT INTO temp.{name} VALUES ({', '.join('?' * width)})", params)
        self._staged.append(_Staged(name, insert_sql, constants, width))

    def _fts_config(self, table: str, settings: dict[str, int]) -> None:
        for name, value in settings.items():
            self.conn.exec_driver_sql(
                f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (name, value))

    def _insert_elsewhere(self, item: Rows) -> None:
        at = [i for i, n in enumerate(item.columns) if n in item.hex_ids]
        dicts = []
        for r in item.rows:
            values = list(r)
            for i in at:
                values[i] = uuid.UUID(hex=values[i])
            dicts.append(item.constants | dict(zip(item.columns, values, strict=True)))
        self.conn.execute(insert(item.table), dicts)


# FTS5 keeps new terms in memory up to "hashsize" bytes before writing them out as a segment,
# and merges segments as it goes ("automerge": as soon as a level holds that many). For a bulk
# write: a larger hash (100,000 visits indexed about 20 % faster with 8 MB), and the merging
# left to the writes that follow (another 20 %), which merge a few pages each. Defaults after.
FTS5_BULK = {"hashsize": 8 << 20, "automerge": 0}
FTS5_DEFAULTS = {"hashsize": 1 << 20, "automerge": 4}


def _bound(col_type: Any, dialect: Any, value: Any) -> Any:
    proc = col_type.bind_processor(dialect)
    return proc(value) if proc else value


def _as_sqlite(value: Any) -> Any:
    """*value* as the sqlite3 module binds it: through the adapter it has registered for the
    type (dates and timestamps become ISO text), applied here once instead of once per row."""
    adapt = sqlite3.adapters.get((type(value), sqlite3.PrepareProtocol))
    return adapt(value) if adapt is not None else value


def sqlite_storing(col_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The column type's bind processor followed, for dates and timestamps, by sqlite3's own
    adapter: what a value of the column becomes on its way into SQLite (also used by the
    exchange import's bulk insert)."""
    proc = col_type.bind_processor(dialect)
    try:
        python_type = col_type.python_type
    except NotImplementedError:
        python_type = None
    if python_type not in (date, datetime):
        return proc  # type: ignore[no-any-return]
    if proc is None:
        return _as_sqlite
    return lambda value: _as_sqlite(proc(value))
