"""Local bookkeeping of arriving visits and problems: their sort keys and search documents.

``sort_key`` is local to a database (a row id of its full-text index), so records that arrive
get new keys here; the contentless FTS5 index can only drop a document given its exact text, so
the old documents are read before anything changes and swapped for the new ones after.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlmodel import Session

from db.exchange.errors import ExchangeError
from db.exchange.export import chunks
from db.exchange.package import NOTHING_CHANGED
from db.models import Problem, Visit
from db.numbering import DAY_SHIFT, next_sort_key
from db.search import problem_document, visit_document


class SortKeys:
    """New local sort keys, one query per day and table, then counting on in memory."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.next: dict[tuple[str, date], int] = {}

    def take(self, table: str, d: date) -> int:
        key = (table, d)
        if key not in self.next:
            model = Visit if table == "visit" else Problem
            self.next[key] = next_sort_key(self.s, model, d)
        value = self.next[key]
        if value >> DAY_SHIFT != (d - date(2000, 1, 1)).days:
            raise ExchangeError(f"{d} 这一天的记录超过了单个数据库的上限，无法导入，"
                                f"{NOTHING_CHANGED}请联系技术支持。")
        self.next[key] = value + 1
        return value


class SearchIndex:
    """The documents of visits and problems before and after the import (SQLite only: other
    back ends have no FTS5 index). Read with plain SQL — ids as SQLite stores them (32 hex
    digits) — because type conversion of 200,000 rows would dominate a big import."""

    def __init__(self, s: Session) -> None:
        self.conn = s.connection()
        self.enabled = self.conn.dialect.name == "sqlite"

    def _rows(self, sql: str, ids: list[str]) -> list[Any]:
        out: list[Any] = []
        for part in chunks(ids):
            marks = ",".join("?" * len(part))
            out.extend(self.conn.exec_driver_sql(sql.format(marks), tuple(part)).fetchall())
        return out

    def visit_docs(self, ids: Iterable[uuid.UUID]) -> dict[str, tuple[int, str]]:
        """sort_key and document of each live visit among *ids*."""
        if not self.enabled:
            return {}
        keys = sorted({i.hex for i in ids})
        texts: dict[str, list[str]] = defaultdict(list)
        for vid, desc in self._rows(
                "SELECT visit_id, description FROM problem WHERE deleted_at IS NULL "
                "AND visit_id IN ({}) ORDER BY visit_id, sort_key", keys):
            texts[vid].append(desc)
        return {r[0]: (r[1], visit_document(r[2], r[3], r[4], texts.get(r[0], [])))
                for r in self._rows(
                    "SELECT id, sort_key, content, talked_with, findings FROM visit "
                    "WHERE deleted_at IS NULL AND id IN ({})", keys)}

    def problem_docs(self, ids: Iterable[uuid.UUID]) -> dict[str, tuple[int, str]]:
        if not self.enabled:
            return {}
        return {r[0]: (r[1], problem_document(r[2], r[3])) for r in self._rows(
            "SELECT id, sort_key, number, description FROM problem "
            "WHERE deleted_at IS NULL AND id IN ({})", sorted({i.hex for i in ids}))}

    def swap(self, table: str, before: dict[str, tuple[int, str]],
             after: dict[str, tuple[int, str]]) -> None:
        """Replace changed documents. The statements are those of ``db.search.index_document``
        and ``unindex_document``, run as one batch each: 100,000 single calls take minutes."""
        if not self.enabled:
            return
        # In rowid order: FTS5 flushes its pending terms whenever a rowid is smaller than the
        # last one written, so unsorted documents make thousands of tiny segments to merge.
        gone = sorted(old for rid, old in before.items() if after.get(rid) != old)
        added = sorted(new for rid, new in after.items() if before.get(rid) != new)
        if gone:
            self.conn.exec_driver_sql(
                f"INSERT INTO {table}({table}, rowid, body) VALUES ('delete', ?, ?)", gone)
        if added:
            self.conn.exec_driver_sql(f"INSERT INTO {table}(rowid, body) VALUES (?, ?)", added)
