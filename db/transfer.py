"""Copying a whole SQLite database onto an empty PostgreSQL server.

An office that starts on one PC and later shares a server (docs/server.md) takes its data along
with ``main.py copy-to-server``: every record of every table, as it is — ids, numbers,
versions, the audit log with its hash chain — in ONE transaction on the server, so a failure
leaves the server as empty as it was. The file is only read (it is first brought to the newest
schema, with the usual backup, like any file this version opens).

The server's database must be empty: copying into a database that already holds records would
mix two offices' data, and is refused before anything is written. The full-text search tables
stay behind (PostgreSQL searches the records themselves).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, insert, select, text, update
from sqlmodel import Session, SQLModel

import db.models  # noqa: F401  (every table in the metadata)
from db.audit import verify_chain
from db.engine import Database, open_database
from db.errors import AppError

BATCH_ROWS = 5000  # rows read and written at a time: bounded memory for any size


class TransferRefused(AppError):
    """The copy was not made; the server is unchanged."""


@dataclass
class TransferReport:
    rows: dict[str, int] = field(default_factory=dict)  # table → rows copied

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def copy_to_server(source: Path, url: str,
                   progress: Callable[[str, float], None] | None = None) -> TransferReport:
    """Copy the SQLite database *source* into the empty server database at *url*."""
    source = Path(source)
    if not source.is_file():
        raise TransferRefused(f"数据库文件 {source} 不存在，未复制任何数据。"
                              "请用 --db 指定要复制的文件。")
    src = open_database(source, create=False)
    try:
        dst = open_database(url=url)  # makes the tables on an empty server
        try:
            if dst.is_sqlite:
                raise TransferRefused("目标必须是数据库服务器（postgresql+psycopg://…），未复制任何数据。")
            return _copy(src, dst, progress)
        finally:
            dst.dispose()
    finally:
        src.dispose()


def _tables() -> list[Table]:
    """Every table of the models, each after the tables it refers to."""
    return list(SQLModel.metadata.sorted_tables)


def _self_references(table: Table) -> list[str]:
    """Columns pointing at the same table (a unit's parent, the problem one was merged into):
    written after all rows of the table are there, as their targets may come later."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy(src: Database, dst: Database, progress: Callable[[str, float], None] | None
          ) -> TransferReport:
    tables = _tables()
    report = TransferReport()
    with src.engine.connect() as reader, dst.engine.begin() as writer:
        # One read transaction for all tables: the copy is one moment of the file even if
        # the program (or another PC) writes to it meanwhile.
        raw = reader.connection.driver_connection
        assert raw is not None
        raw.execute("BEGIN")
        occupied = [t.name for t in tables
                    if writer.execute(select(func.count()).select_from(t)).scalar_one()]
        if occupied:
            raise TransferRefused(
                "服务器上的数据库已有数据（" + "、".join(occupied[:5])
                + (" 等" if len(occupied) > 5 else "") + "），未复制任何数据。"
                "请让服务器管理员新建一个空数据库，再把地址填到 --to-url。")
        counts = {t.name: reader.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in tables}
        total = sum(counts.values()) or 1
        done = 0
        for table in tables:
            if progress:
                progress(f"正在复制 {table.name}（{counts[table.name]:,} 行）……", done / total)
            report.rows[table.name] = _copy_table(reader, writer, table)
            done += counts[table.name]
        _advance_sequences(writer, tables)
        _check_copy(writer, tables, report)
    if progress:
        progress(f"已复制 {report.total:,} 行", 1.0)
    return report


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    later = _self_references(table)
    key = list(table.primary_key.columns)
    rows = reader.execution_options(yield_per=BATCH_ROWS).execute(
        select(table).order_by(*key))
    copied = 0
    links: list[dict[str, Any]] = []
    for batch in rows.partitions(BATCH_ROWS):
        values = [dict(r._mapping) for r in batch]
        for v in values:
            if later and any(v[c] is not None for c in later):
                links.append({**{f"k_{c.name}": v[c.name] for c in key},
                              **{c: v[c] for c in later}})
                for c in later:
                    v[c] = None
        writer.execute(insert(table), values)
        copied += len(values)
    if links:
        statement = update(table).where(*(c == bindparam(f"k_{c.name}") for c in key)) \
            .values({c: bindparam(c) for c in later})
        writer.execute(statement, links)
    return copied


def _advance_sequences(writer: Connection, tables: list[Table]) -> None:
    """Integer keys the server numbers itself (the audit log's ``seq``) continue after the
    copied ones; otherwise the next entry written on the server would collide."""
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or key[0].type.python_type is not int:
            continue
        sequence = writer.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                  {"t": table.name, "c": key[0].name}).scalar()
        if sequence:
            top = writer.execute(select(func.max(key[0]))).scalar()
            writer.execute(text("SELECT setval(:s, :v, :called)"),
                           {"s": sequence, "v": top or 1, "called": top is not None})


def _check_copy(writer: Connection, tables: list[Table], report: TransferReport) -> None:
    """Every table holds as many rows on the server as in the file, and the audit log's chain
    verifies there: the copied entries hash to what the file's did."""
    short = [t.name for t in tables
             if writer.execute(select(func.count()).select_from(t)).scalar_one()
             != report.rows[t.name]]
    if short:
        raise TransferRefused(f"复制后核对行数不一致（{'、'.join(short)}），"
                              "已撤销，服务器未做任何修改。")
    with Session(bind=writer) as session:
        problems = verify_chain(session)
    if problems:
        raise TransferRefused(f"复制后审计日志校验未通过（{problems[0]}），"
                              "已撤销，服务器未做任何修改。")
