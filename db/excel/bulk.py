"""Helpers for work on 100,000 rows at once: holding the garbage collector, and inserting many
rows into SQLite while Python makes the next ones."""

from __future__ import annotations

import gc
import sqlite3
import sys
import uuid
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, Uuid, insert

T = TypeVar("T")
P = TypeVar("P")


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


@dataclass(frozen=True)
class Carried:
    """Rows of another table that each row of ``Rows`` carries after its own columns, as a
    tuple of values (any number; each makes one row): the carrying row's *key* column and the
    value go into the two *columns* of *table*, e.g. a visit's cadres into ``visit_cadre``. On
    SQLite they are staged with the carrying row, in as many columns as the part's longest
    tuple: a quarter of the rows to bind that a table of their own would need.

    *fts*: *table* is a full-text table of ``db.search`` (SQLite only), *columns* its row id
    and document."""

    table: Table | str
    columns: tuple[str, str]
    key: str
    fts: bool = False


@dataclass(frozen=True)
class Rows:
    """Rows of one table: *constants* (the same in every row) and *columns* (one tuple per row,
    followed by one tuple per ``Carried``); the columns named in *hex_ids* hold UUIDs already
    as the 32 hex digits SQLite stores, as do the carried values for a UUID column."""

    table: Table
    columns: Sequence[str]
    rows: list[tuple[Any, ...]]
    constants: dict[str, Any] = field(default_factory=dict)
    hex_ids: Collection[str] = ()
    carried: Sequence[Carried] = ()


Batch = list[Rows]


@dataclass(frozen=True)
class _Staging:
    """Rows ready to be bound into a staging table (columns c0, c1, ...), and the statements
    that then move them into their tables ("{stage}" stands for the staging table)."""

    params: list[tuple[Any, ...]]
    moves: list[tuple[str, tuple[Any, ...]]]
    fts_tables: tuple[str, ...]


@dataclass(frozen=True)
class _Part:
    """A part ready to write on SQLite: its staging tables as a serialized in-memory database,
    the moves out of them, and the full-text tables they write."""

    database: bytes
    moves: list[tuple[str, tuple[Any, ...]]]
    fts_tables: tuple[str, ...]


# The in-memory database the staging tables arrive in: attached to the connection before its
# transaction begins (``attach_stage``), as SQLite attaches nothing inside a transaction.
STAGE_SCHEMA = "mq_stage"


class BulkWriter:
    """Inserts many rows into several tables of one transaction, part by part.

    On SQLite each part's rows are first bound into a staging table with no index and no
    declared types (values kept exactly as bound), then moved into their tables, one
    ``INSERT … SELECT`` each. An ``INSERT … SELECT`` is a single call into SQLite, which
    releases the GIL while it fills the table and its indexes; meanwhile a helper thread makes
    the next part's rows and binds them, into an in-memory database of its own, which the
    writing connection then takes over whole (``sqlite3`` ``serialize`` / ``deserialize``: a
    copy of a few megabytes) as the attached schema ``STAGE_SCHEMA``. So the two processor
    cores of an office PC share the import: Python on one, SQLite's b-trees on the other. It
    is faster on one core too: 100,000 rows bound into a bare table and then moved cost less
    than the same rows inserted one ``executemany`` step at a time into a table with eight
    indexes.

    On SQLite the connection must have the staging schema attached (``attach_stage``, before
    its transaction begins). Elsewhere (PostgreSQL) each part is inserted with Core as it is
    made.

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
        self.dialect = conn.dialect
        self.sqlite = conn.dialect.name == "sqlite"
        self._staged: list[tuple[str, tuple[Any, ...]]] = []  # moves, in order
        self._fts_tables: list[str] = []  # those set up for bulk writes

    def write(self, make: Callable[[P], Batch], parts: Sequence[P]) -> None:
        """Write ``make(part)`` for every part, in order. *make* runs on a helper thread (but
        for the first part), one part after the other: it must not touch the connection."""
        if not parts:
            return
        ready = partial(self._ready, make)
        batch: list[_Part | Rows] | None = ready(parts[0])
        for i in range(len(parts)):
            assert batch is not None
            for item in batch:
                if isinstance(item, _Part):
                    self._load(item)
                else:
                    self._insert_elsewhere(item)
            following = parts[i + 1] if i + 1 < len(parts) else None
            batch = self._flush(None if following is None else partial(ready, following))
        for table in self._fts_tables:
            self._fts_config(table, FTS5_DEFAULTS)
        self._fts_tables.clear()

    def _ready(self, make: Callable[[P], Batch], part: P) -> list[_Part | Rows]:
        """A part made and, on SQLite, staged (Python only: a helper thread)."""
        rows = [item for item in make(part) if item.rows]
        if not self.sqlite:
            return list(rows)
        return [_staged_database([self._staging(item) for item in rows])] if rows else []

    def _flush(self, work: Callable[[], T] | None) -> T | None:
        """Run every staged move; meanwhile run *work* on a helper thread (started only now:
        it has the GIL to itself while SQLite moves the rows) and return its result."""
        moves, self._staged = self._staged, []
        if not moves:
            return work() if work else None
        with _switching_often(), ThreadPoolExecutor(1, thread_name_prefix="bulk-write") as pool:
            future = pool.submit(work) if work else None
            for sql, params in moves:
                self.conn.exec_driver_sql(sql, params)
            return future.result() if future else None

    def _staging(self, item: Rows) -> _Staging:
        """*item*'s rows as bound into a staging table: its columns through their types' bind
        processors, then each carried tuple padded to the part's longest. Column by column
        (a transposition in C, a comprehension per column): this runs on the helper thread,
        whose Python is what the writing waits for."""
        table, dialect = item.table, self.dialect
        constants = tuple(_as_sqlite(_bound(table.c[n].type, dialect, v))
                          for n, v in item.constants.items())
        own = len(item.columns)
        given = list(zip(*item.rows, strict=True))
        columns: list[Sequence[Any]] = []
        for name, column in zip(item.columns, given, strict=False):
            proc = None if name in item.hex_ids else sqlite_storing(table.c[name].type, dialect)
            if proc is not None:  # each distinct value converted once (dates, flags repeat)
                stored = {v: proc(v) for v in set(column)}
                column = list(map(stored.__getitem__, column))
            columns.append(column)
        widths = [max(map(len, carried), default=0) for carried in given[own:]]
        for carried, width in zip(given[own:], widths, strict=True):
            columns += [[t[j] if len(t) > j else None for t in carried] for j in range(width)]
        params = list(zip(*columns, strict=True))
        quote = dialect.identifier_preparer.quote
        names = ", ".join(quote(n) for n in (*item.constants, *item.columns))
        select = ", ".join(["?"] * len(constants) + [f"c{i}" for i in range(own)])
        moves = [(f"INSERT INTO {quote(table.name)} ({names}) "
                  f"SELECT {select} FROM {{stage}} ORDER BY rowid", constants)]
        at = own
        for carried, width in zip(item.carried, widths, strict=True):
            target = carried.table if isinstance(carried.table, str) else carried.table.name
            into = f"{target}({', '.join(carried.columns)})" if carried.fts else \
                f"{quote(target)} ({', '.join(quote(c) for c in carried.columns)})"
            if width:
                moves.append((_carried_move(into, item.columns.index(carried.key), at, width),
                               ()))
            at += width
        fts = tuple(str(c.table) for c in item.carried if c.fts)
        return _Staging(params, moves, fts)

    def _load(self, part: _Part) -> None:
        """Take over *part*'s staging tables (replacing the previous part's) and queue its
        moves."""
        for table in part.fts_tables:
            if table not in self._fts_tables:
                self._fts_config(table, FTS5_BULK)
                self._fts_tables.append(table)
        raw = self.conn.connection.driver_connection
        assert raw is not None
        raw.deserialize(part.database, name=STAGE_SCHEMA)
        self._staged += part.moves

    def _fts_config(self, table: str, settings: dict[str, int]) -> None:
        for name, value in settings.items():
            self.conn.exec_driver_sql(
                f"INSERT INTO {table}({table}, rank) VALUES (?, ?)", (name, value))

    def _insert_elsewhere(self, item: Rows) -> None:
        own = len(item.columns)
        at = [i for i, n in enumerate(item.columns) if n in item.hex_ids]
        dicts = []
        for r in item.rows:
            values = list(r[:own])
            for i in at:
                values[i] = uuid.UUID(hex=values[i])
            dicts.append(item.constants | dict(zip(item.columns, values, strict=True)))
        self.conn.execute(insert(item.table), dicts)
        for n, carried in enumerate(item.carried):
            if carried.fts:
                continue  # the search index is SQLite's (``db.search``)
            child = carried.table
            assert isinstance(child, Table), child
            keys = [d[carried.key] for d in dicts]
            uuids = isinstance(child.c[carried.columns[1]].type, Uuid)
            rows = [{carried.columns[0]: k, carried.columns[1]: uuid.UUID(hex=v) if uuids else v}
                    for k, r in zip(keys, item.rows, strict=True) for v in r[own + n]]
            if rows:
                self.conn.execute(insert(child), rows)


# Back from each move, this thread waits for the GIL until the helper thread gives it up: by
# default up to 5 ms (``sys.getswitchinterval``), a tenth of a 20,000-row part's eight moves.
MOVE_SWITCH_INTERVAL = 0.0002  # seconds


@contextmanager
def _switching_often() -> Iterator[None]:
    was = sys.getswitchinterval()
    sys.setswitchinterval(min(was, MOVE_SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(was)


# FTS5 keeps new terms in memory up to "hashsize" bytes before writing them out as a segment,
# and merges segments as it goes ("automerge": as soon as a level holds that many). For a bulk
# write: a larger hash (100,000 visits indexed about 20 % faster with 8 MB), and the merging
# left to the writes that follow (another 20 %), which merge a few pages each. Defaults after.
FTS5_BULK = {"hashsize": 8 << 20, "automerge": 0}
FTS5_DEFAULTS = {"hashsize": 1 << 20, "automerge": 4}


def _staged_database(stagings: list[_Staging]) -> _Part:
    """*stagings* bound into the tables s0, s1, ... of a new in-memory database, serialized."""
    mem = sqlite3.connect(":memory:")
    try:
        moves: list[tuple[str, tuple[Any, ...]]] = []
        for n, staging in enumerate(stagings):
            width = len(staging.params[0])
            mem.execute(f"CREATE TABLE s{n} ({', '.join(f'c{i}' for i in range(width))})")
            mem.executemany(f"INSERT INTO s{n} VALUES ({', '.join('?' * width)})",
                            staging.params)
            moves += [(sql.format(stage=f"{STAGE_SCHEMA}.s{n}"), params)
                      for sql, params in staging.moves]
        mem.commit()
        return _Part(mem.serialize(), moves,
                     tuple(t for staging in stagings for t in staging.fts_tables))
    finally:
        mem.close()


@contextmanager
def attach_stage(raw: sqlite3.Connection) -> Iterator[None]:
    """The staging schema attached to *raw* (outside a transaction) for the duration."""
    raw.execute(f"ATTACH DATABASE ':memory:' AS {STAGE_SCHEMA}")
    try:
        yield
    finally:
        raw.execute(f"DETACH DATABASE {STAGE_SCHEMA}")


def _carried_move(into: str, key: int, first: int, width: int) -> str:
    """The INSERT of carried values (stage columns *first* to *first* + *width* - 1, with the
    carrying row's column *key*), in the order of the carrying rows and then of their values:
    each stage row joined with the positions 0 … *width* - 1 (CROSS JOIN: the stage is the
    outer loop). One INSERT per position would add every row's second value between rows
    already written, splitting pages all over the table's b-tree."""
    value = " ".join(f"WHEN {j} THEN c{first + j}" for j in range(width))
    positions = ", ".join(f"({j})" for j in range(width))
    return (f"INSERT INTO {into} SELECT k, v FROM (SELECT s.c{key} AS k, CASE p.column1 {value} "
            f"END AS v FROM {{stage}} AS s CROSS JOIN (VALUES {positions}) AS p) "
            "WHERE v IS NOT NULL")


def _bound(col_type: Any, dialect: Any, value: Any) -> Any:
    proc = col_type.bind_processor(dialect)
    return proc(value) if proc else value


def _as_sqlite(value: Any) -> Any:
    """*value* as the sqlite3 module binds it: through the adapter it has registered for the
    type (dates and timestamps become ISO text), applied here once instead of once per row."""
    adapt = sqlite3.adapters.get((type(value), sqlite3.PrepareProtocol))
    return adapt(value) if adapt is not None else value


def python_type(col_type: Any) -> Any:
    """The Python type of a column type's values, or None where SQLAlchemy does not say."""
    try:
        return col_type.python_type
    except NotImplementedError:  # e.g. NullType: no Python type to tell
        return None


def sqlite_storing(col_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The column type's bind processor followed, for dates and timestamps, by sqlite3's own
    adapter: what a value of the column becomes on its way into SQLite (also used by the
    exchange import's bulk insert)."""
    proc = col_type.bind_processor(dialect)
    if python_type(col_type) not in (date, datetime):
        return proc  # type: ignore[no-any-return]
    if proc is None:
        return _as_sqlite
    return lambda value: _as_sqlite(proc(value))
