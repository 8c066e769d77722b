"""The full-text index of visits and problems (SQLite FTS5).

FTS5's trigram tokenizer finds nothing shorter than three characters, and 食堂 is two. So the
indexed text is a copy with a space between CJK characters, tokenized by ``unicode61``: every
hanzi becomes a token, and a term of any length is searched as a phrase of its characters
(``"食 堂"``). unicode61 drops punctuation, so callers confirm hits against the stored text.

The index is contentless (it stores tokens, not text): removing a document needs the text it
was indexed with, which the services recompute from the record before they change it. The row id
of a document is the record's ``sort_key`` (date order), so matches come back newest first.

On PostgreSQL there is no FTS5; search there falls back to ``LIKE`` (see ``db.queries``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, text

# The tables this module owns, and the prefix of FTS5's shadow tables (<name>_data, ...).
SEARCH_TABLES = ("visit_fts", "problem_fts")

# The characters that get a space on each side: CJK ideographs, radicals, kana and the
# compatibility ideographs. One token each, so a term of any length is a phrase of tokens.
CJK_RANGES = (
    (0x2E80, 0x2FDF), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
)
_SPACES = re.compile(r"\s+")
# Indexed by code point up to the last CJK one: a CJK character maps to itself between spaces,
# any other to its own code point (unchanged); characters past the end raise IndexError, which
# ``str.translate`` also leaves unchanged. A list lookup costs less than a dict's hashing.
_spacing_table: list[int | str] = []


def is_search_table(name: str) -> bool:
    return any(name == t or name.startswith(t + "_") for t in SEARCH_TABLES)


def spaced(text_: str) -> str:
    """The text as indexed: a space around every CJK character.

    ``str.translate`` with a table is about ten times faster than a regular expression, which
    matters when 800,000 visits are indexed at once (and a list as the table a quarter faster
    than a dict).
    """
    if not _spacing_table:
        table: list[int | str] = list(range(max(hi for _, hi in CJK_RANGES) + 1))
        for lo, hi in CJK_RANGES:
            table[lo:hi + 1] = [f" {chr(cp)} " for cp in range(lo, hi + 1)]
        _spacing_table[:] = table  # one step, and the same table if two threads race here
    return text_.translate(_spacing_table)


def match_expression(term: str) -> str | None:
    """The FTS5 MATCH expression for a user's search term, or None if it has no tokens.

    Every whitespace-separated word must occur (AND); each word is a phrase of its tokens.
    """
    words = [w for w in _SPACES.split(term.strip()) if w]
    phrases = []
    for word in words:
        tokens = [t for t in re.split(r"[^\w]+", spaced(word)) if t]
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"')
    return " AND ".join(phrases) if phrases else None


def visit_document(content: str, talked_with: str, findings: str,
                   problem_texts: Iterable[str] = ()) -> str:
    """What a visit is found by: what was done, who was met, what was found (and its problems)."""
    return spaced("\n".join([content, talked_with, findings, *problem_texts]))


def problem_document(number: str, description: str) -> str:
    return spaced(f"{number}\n{description}")


def create_search_tables(conn: Connection) -> None:
    """Make the FTS5 tables (SQLite only; a no-op on other back ends)."""
    if conn.dialect.name != "sqlite":
        return
    for name in SEARCH_TABLES:
        conn.execute(text(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {name} USING fts5("
            "body, content='', tokenize='unicode61 remove_diacritics 0')"
        ))


def drop_search_tables(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    for name in SEARCH_TABLES:
        conn.execute(text(f"DROP TABLE IF EXISTS {name}"))


def index_document(conn: Connection, table: str, rowid: int, document: str) -> None:
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text(f"INSERT INTO {table}(rowid, body) VALUES (:r, :b)"),
                 {"r": rowid, "b": document})


def unindex_document(conn: Connection, table: str, rowid: int, document: str) -> None:
    """Remove a document; *document* must be exactly the text it was indexed with."""
    if conn.dialect.name != "sqlite":
        return
    conn.execute(text(f"INSERT INTO {table}({table}, rowid, body) VALUES ('delete', :r, :b)"),
                 {"r": rowid, "b": document})
