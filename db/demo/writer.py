"""Bulk writing for the demo: stored formats, deterministic ids, and one raw SQLite transaction.

Rows are written as plain tuples through the DBAPI connection's ``executemany`` (SQLAlchemy's
ORM would be about 31× slower at this volume, FACTS.md). The tuples must hold exactly what
SQLAlchemy itself stores on SQLite, so that the ORM reads them back as if it had written them:

- ``Uuid`` columns: 32 lower-case hex digits (``uuid.hex``), no dashes;
- ``DateTime`` (and ``UTCDateTime``, naive UTC): ``'YYYY-MM-DD HH:MM:SS.ffffff'``;
- ``Date``: ``'YYYY-MM-DD'``; booleans: 0 / 1.

tests/db/test_demo.py checks the round trip through the models.
"""

from __future__ import annotations

import json
import queue
import random
import sqlite3
import threading
from bisect import bisect
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from db.search import spaced

_VERSION_MASK = ~(0xF000 << 64) & ~(0xC000 << 48)
_VERSION_BITS = (0x4000 << 64) | (0x8000 << 48)


def new_id(rng: random.Random) -> str:
    """The stored form of ``uuid.UUID(int=rng.getrandbits(128), version=4)``, without building
    the UUID object (a few hundred thousand of them per second matter here)."""
    return "%032x" % ((rng.getrandbits(128) & _VERSION_MASK) | _VERSION_BITS)


def day_text(d: date) -> str:
    return d.isoformat()


# " HH:MM:00.000000" for every minute of a UTC day.
_TIMES = tuple(f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(24 * 60))


class Draw:
    """Fast draws from one random stream (random.choice/randrange/choices cost a few Python
    calls each, which shows at millions of rows). Deterministic like the stream itself."""

    __slots__ = ("rand",)

    def __init__(self, rng: random.Random) -> None:
        self.rand = rng.random

    def pick(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.rand() * len(seq))]

    def between(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi)."""
        return lo + int(self.rand() * (hi - lo))

    def weighted(self, items: Sequence[Any], cum_weights: Sequence[float]) -> Any:
        return items[bisect(cum_weights, self.rand() * cum_weights[-1])]


def stamp(d: date, minute_of_day: int) -> str:
    """A stored UTC timestamp: *minute_of_day* is Beijing time (UTC+8) on local day *d*."""
    if 8 * 60 <= minute_of_day < 32 * 60:  # the same UTC day: the common case, made cheap
        return d.isoformat() + _TIMES[minute_of_day - 8 * 60]
    utc_minutes = minute_of_day - 8 * 60
    if utc_minutes < 0:
        d = d - timedelta(days=1)
        utc_minutes += 24 * 60
    return f"{d.isoformat()} {utc_minutes // 60:02d}:{utc_minutes % 60:02d}:00.000000"


class SpacedCache:
    """``db.search.spaced`` memoised per fragment.

    spaced() puts spaces around each CJK character independently, so the spaced form of a
    concatenation is the concatenation of the spaced forms: documents are assembled from cached
    fragments instead of running the regex over every row (that regex alone took 80 s for
    800,000 visits).
    """

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}

    def __call__(self, text_: str) -> str:
        got = self.cache.get(text_)
        if got is None:
            got = self.cache[text_] = spaced(text_)
        return got


class BulkWriter:
    """One private SQLite connection, one transaction, fast pragmas; counts what it wrote."""

    def __init__(self, path: Path, attach: dict[str, Path] | None = None) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None)
        self.counts: dict[str, int] = {}
        # SQLite refuses ATTACH inside a transaction: side files are attached first.
        for alias, other in (attach or {}).items():
            self.conn.execute(f"ATTACH DATABASE ? AS {alias}", (str(other),))
        # A database being generated is thrown away if anything fails, so durability buys
        # nothing here: no journal, no fsync, a large page cache (restored by closing, and the
        # journal mode is set back to WAL in finish()).
        self.conn.execute("PRAGMA journal_mode=OFF")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA cache_size=-1000000")  # 1 GB, only as much as is used
        self.conn.execute("PRAGMA temp_store=MEMORY")
        # Index builds sort; let SQLite's sorter use a helper thread for it.
        self.conn.execute("PRAGMA threads=2")
        self.conn.execute("PRAGMA foreign_keys=OFF")  # checked once at the end by the tests
        self.conn.execute("BEGIN")
        self._dropped: list[str] = []

    def defer_indexes(self, tables: Iterable[str]) -> None:
        """Drop the secondary indexes of *tables* until finish(), which makes them again with
        the very SQL the migrations stored: building an index once from sorted data is much
        cheaper than updating it row by row in random order. Indexes behind PRIMARY KEY and
        UNIQUE constraints (sqlite_autoindex_*) have no SQL and stay."""
        names = list(tables)
        marks = ",".join("?" * len(names))
        rows = self.conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name", names).fetchall()
        for name, sql in rows:
            self.conn.execute(f'DROP INDEX "{name}"')
            self._dropped.append(sql)

    def insert(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        marks = ",".join("?" * len(columns))
        cur = self.conn.executemany(
            f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows
        )
        n = cur.rowcount if cur.rowcount >= 0 else 0
        self.counts[table] = self.counts.get(table, 0) + n
        return n

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def finish(self) -> None:
        for sql in self._dropped:
            self.conn.execute(sql)
        self._dropped.clear()
        self.conn.execute("COMMIT")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.close()

    def abort(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        finally:
            self.conn.close()


# Columns every Record has, in the order the row tuples below start with.
RECORD_COLUMNS = ("id", "created_at", "updated_at", "site", "deleted_at", "version")


class SearchIndexBuilder:
    """Builds the FTS5 search tables in a side file, in a thread, while the rows are made.

    Tokenizing is the largest single cost of the generation. Python's sqlite3 releases the GIL
    only inside one statement's step, and an ``executemany`` steps once per row, so a writer
    thread fed with executemany would wait for the GIL at every row. Instead each chunk of
    documents goes over as one JSON text and one ``INSERT ... SELECT FROM json_each(?)``
    statement: the thread spends the whole chunk in SQLite, on the other core.

    At the end the side file's FTS shadow tables (``<table>_data``, ``_idx``, ``_docsize``,
    ``_config``) are copied into the database, whose search tables were made by the migrations
    with the same definition and are still empty. The copied index is what the same inserts
    would have made in place (tests/db/test_demo.py checks it with FTS5's integrity-check and
    by removing documents the way the services do).
    """

    SHADOWS = ("data", "idx", "docsize", "config")

    def __init__(self, path: Path, tables: Sequence[str]) -> None:
        self.path = path.with_name(path.name + ".search-build")
        self.path.unlink(missing_ok=True)
        self.alias = "search_build"  # BulkWriter(attach={builder.alias: builder.path})
        self.tables = tuple(tables)
        main = sqlite3.connect(str(path))
        try:
            marks = ",".join("?" * len(self.tables))
            self._ddl = [r[0] for r in main.execute(
                f"SELECT sql FROM sqlite_master WHERE name IN ({marks}) ORDER BY name",
                self.tables)]
        finally:
            main.close()
        self._queue: queue.Queue[tuple[str, str] | None] = queue.Queue(maxsize=4)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="demo-search-index",
                                        daemon=True)
        self._thread.start()

    def add(self, table: str, docs: list[tuple[int, str]]) -> None:
        """Queue documents (rowid, text) for *table*; blocks while the thread is behind."""
        if self._error is not None:
            raise self._error
        if docs:
            self._queue.put((table, json.dumps(dict(docs), ensure_ascii=False)))

    def _run(self) -> None:
        conn = sqlite3.connect(str(self.path), isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            conn.execute("PRAGMA cache_size=-200000")
            for ddl in self._ddl:
                conn.execute(ddl)
            conn.execute("BEGIN")
            while True:
                item = self._queue.get()
                if item is None:
                    break
                table, payload = item
                conn.execute(f"INSERT INTO {table}(rowid, body) "
                             "SELECT CAST(key AS INTEGER), value FROM json_each(?)", (payload,))
            conn.execute("COMMIT")
        except BaseException as exc:  # reported to the generating thread by finish()/add()
            self._error = exc
            while self._queue.get() is not None:  # let the producer finish without blocking
                pass
        finally:
            conn.close()

    def finish(self, w: BulkWriter) -> None:
        """Wait for the thread, then copy the built index into *w*'s database."""
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        for table in self.tables:
            for shadow in self.SHADOWS:
                name = f"{table}_{shadow}"
                w.execute(f"DELETE FROM main.{name}")
                w.execute(f"INSERT INTO main.{name} SELECT * FROM {self.alias}.{name}")
        w.counts.update({t: w.execute(f"SELECT count(*) FROM main.{t}_docsize").fetchone()[0]
                         for t in self.tables})

    def close(self) -> None:
        """Stop the thread if it still runs and remove the side file."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        self.path.unlink(missing_ok=True)
