"""Writing, reading and verifying the audit log (who, when, what, before → after).

Each entry's hash covers the previous entry's hash and its own content, so an entry removed or
altered afterwards breaks the chain, which ``verify_chain`` (and ``main.py check``) reports.

The log is append-only: there is no function to change or delete an entry. Reading it
(``audit_page``, ``audit_count``) is for administrators and leaders only, checked here.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, insert, or_, select, text
from sqlmodel import Session, SQLModel

from db.models import AuditEntry, Problem, Task, Visit
from db.models.base import utcnow

if TYPE_CHECKING:
    from db.engine import Database

# Several PCs (or two windows) append at once, and two entries chained to the same predecessor
# would read as tampering. On PostgreSQL appending takes this transaction-scoped lock first; on
# SQLite the writer lock does the same (see write_audit).
_CHAIN_LOCK = 0x4D51_4155  # "MQAU"


@dataclass(frozen=True)
class Actor:
    """Who performs an operation: passed to every service, recorded in the audit log."""

    username: str
    role: str  # vocab.ROLES
    display_name: str = ""
    unit_id: uuid.UUID | None = None  # a school user's own unit
    can_view_care: bool = False

    @property
    def name(self) -> str:
        return self.display_name or self.username


# Work done by the application itself (migrations, demo data, imports run from the CLI).
SYSTEM = Actor("system", "admin", "系统", can_view_care=True)


def _jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def snapshot(record: SQLModel, *, omit: tuple[str, ...] = ("password_hash",)) -> dict[str, Any]:
    """The stored values of a record, ready for JSON."""
    table = record.__table__  # type: ignore[attr-defined]
    return {c.key: _jsonable(getattr(record, c.key)) for c in table.columns if c.key not in omit}


def changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    skip = {"updated_at", "version"}
    return {k: (before.get(k), v) for k, v in after.items()
            if k not in skip and before.get(k) != v}


def _entry_hash(prev_hash: str, entry: AuditEntry | SimpleNamespace) -> str:
    payload = json.dumps(
        [prev_hash, entry.at.isoformat(), entry.username, entry.site, entry.action,
         entry.table_name, entry.record_id, entry.summary, entry.before, entry.after],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Appended:
    """What ``write_audit`` appended: the entry's number (to cite it) and its hash."""

    seq: int
    hash: str


# Built once: the statements every write runs (their compiled form is cached).
_LAST_HASH = select(AuditEntry.hash).order_by(
    AuditEntry.seq.desc()).limit(1)  # type: ignore[union-attr]
_APPEND = insert(AuditEntry).returning(AuditEntry.seq)  # type: ignore[arg-type]


def write_audit(
    session: Session,
    actor: Actor,
    action: str,
    table_name: str,
    record_id: uuid.UUID | str | None,
    summary: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    site: str = "",
) -> Appended:
    """Append an entry in the caller's transaction; returns its number and hash.

    Written with one INSERT … RETURNING rather than through the ORM: the entry is never
    changed afterwards, and skipping the unit of work keeps a write with its audit entry
    close to the cost of the write alone (benchmarks/test_bench_trust.py).
    """
    session.flush()  # the caller's pending changes first, as the ORM would have done
    connection = session.connection()
    transaction = session.get_transaction()
    last = session.info.get("audit.last")
    if last is not None and last[0] is transaction and session.get_nested_transaction() is None:
        prev = last[1]  # this transaction appended before and still holds the lock
    else:
        dialect = connection.dialect.name
        if dialect == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _CHAIN_LOCK})
        elif dialect == "sqlite" and not getattr(
                connection.connection.dbapi_connection, "in_transaction", True):
            # The driver starts a transaction only at the first write, so reading the last
            # hash before any write would happen outside it, and another process could append
            # in between. A write that changes nothing takes the writer lock first.
            connection.execute(text("UPDATE audit_entry SET hash = hash WHERE 0"))
        prev = connection.execute(_LAST_HASH).scalar()
    values: dict[str, Any] = {
        "at": utcnow(),
        "username": actor.username,
        "site": site,
        "action": action,
        "table_name": table_name,
        "record_id": str(record_id or ""),
        "summary": summary[:500],
        "before": json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
        "after": json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
        "prev_hash": prev or "",
    }
    values["hash"] = _entry_hash(values["prev_hash"], SimpleNamespace(**values))
    seq = connection.execute(_APPEND, values).scalar_one()
    session.info["audit.last"] = (transaction, values["hash"])
    return Appended(seq=int(seq), hash=values["hash"])


def verify_chain(session: Session) -> list[str]:
    """Problems found in the audit chain, in Chinese; an empty list means intact."""
    problems: list[str] = []
    prev = ""
    for entry in session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars():  # type: ignore[arg-type]
        if entry.prev_hash != prev:
            problems.append(f"审计日志第 {entry.seq} 条之前的记录被删除或篡改")
        if _entry_hash(entry.prev_hash, entry) != entry.hash:
            problems.append(f"审计日志第 {entry.seq} 条的内容被篡改")
        prev = entry.hash
    return problems


# -- reading the log -------------------------------------------------------------------------

# Tables whose entries describe care-register records (minors, families in difficulty): their
# before → after is shown only to users granted the care register.
CARE_TABLES = frozenset({"care_record", "care_entry"})

# Fields never worth showing as a change: bookkeeping, not content.
_HIDDEN_FIELDS = frozenset({"id", "created_at", "updated_at", "version", "site"})


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the viewer narrows the log to; fields combine (AND). Dates are local days."""

    username: str = ""
    date_from: date | None = None
    date_to: date | None = None
    table_name: str = ""  # the kind of record
    record_id: str = ""  # an id (or its beginning), or a visit's / problem's / task's number
    action: str = ""  # vocab.AUDIT_ACTIONS


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class AuditRow:
    seq: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    summary: str
    changes: tuple[FieldChange, ...]  # before → after of each changed field
    hidden: bool = False  # a care record's values the reader is not granted


def require_audit_access(actor: Actor) -> None:
    """Only administrators and leaders read the audit log (PermissionDenied otherwise)."""
    from db.services.permissions import require

    require(actor, "audit.view")


def _local_midnight_utc(day: date) -> datetime:
    """The UTC moment the clerk's calendar *day* begins."""
    return datetime.combine(day, time.min).astimezone().astimezone(utcnow().tzinfo)


def _numbered_ids(session: Session, text_: str) -> list[str]:
    """The ids (as the log stores them) of the visit, problem or task numbered *text_* — the
    number the lists and reports show (SZ-ZF2022-00017) — if one is."""
    number = text_.strip().upper()
    return [str(found) for model in (Visit, Problem, Task)
            for found in session.execute(
                select(model.id).where(model.number == number)).scalars()]  # type: ignore[attr-defined]


def _conditions(session: Session, f: AuditFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.username.strip():
        conds.append(func.lower(AuditEntry.username) == f.username.strip().lower())
    if f.date_from is not None:
        conds.append(AuditEntry.at >= _local_midnight_utc(f.date_from))  # type: ignore[arg-type]
    if f.date_to is not None:
        conds.append(AuditEntry.at < _local_midnight_utc(  # type: ignore[arg-type]
            f.date_to + timedelta(days=1)))
    if f.table_name:
        conds.append(AuditEntry.table_name == f.table_name)  # type: ignore[arg-type]
    if f.record_id.strip():
        by_id = AuditEntry.record_id.startswith(  # type: ignore[attr-defined]
            f.record_id.strip().lower())
        numbered = _numbered_ids(session, f.record_id)
        conds.append(or_(by_id, AuditEntry.record_id.in_(numbered))  # type: ignore[attr-defined]
                     if numbered else by_id)
    if f.action:
        conds.append(AuditEntry.action == f.action)  # type: ignore[arg-type]
    return conds


def _load(raw: str) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {"?": raw}  # never seen; shown as it is rather than hidden
    return value if isinstance(value, dict) else {"?": value}


def _changes(actor: Actor, entry: AuditEntry) -> tuple[tuple[FieldChange, ...], bool]:
    from db.services.permissions import masked_contacts

    if entry.table_name in CARE_TABLES and not actor.can_view_care:
        return (), bool(entry.before or entry.after)
    before, after = _load(entry.before), _load(entry.after)
    unit = after.get("unit_id") or before.get("unit_id")
    try:
        unit_id = uuid.UUID(str(unit)) if unit else None
    except ValueError:
        unit_id = None
    before = masked_contacts(actor, unit_id, entry.table_name, before)
    after = masked_contacts(actor, unit_id, entry.table_name, after)
    out = []
    for key in list(dict.fromkeys([*before, *after])):
        if key in _HIDDEN_FIELDS:
            continue
        old, new = before.get(key), after.get(key)
        if before and after and old == new:
            continue  # an update: only what changed
        out.append(FieldChange(key, old, new))
    return tuple(out), False


def _row(actor: Actor, entry: AuditEntry) -> AuditRow:
    changes, hidden = _changes(actor, entry)
    return AuditRow(seq=int(entry.seq or 0), at=entry.at, username=entry.username,
                    action=entry.action, table_name=entry.table_name,
                    record_id=entry.record_id, summary=entry.summary, changes=changes,
                    hidden=hidden)


AuditCursor = int  # the seq of the last row shown (newest first)


def audit_page(session: Session, actor: Actor, filters: AuditFilter | None = None, *,
               after: AuditCursor | None = None, limit: int = 200
               ) -> tuple[list[AuditRow], AuditCursor | None]:
    """A page of entries, newest first, and the cursor for the next page (keyset on seq, so a
    page deep in a large log is as quick as the first)."""
    require_audit_access(actor)
    stmt = select(AuditEntry).where(*_conditions(session, filters or AuditFilter()))
    if after is not None:
        stmt = stmt.where(AuditEntry.seq < after)  # type: ignore[operator]
    stmt = stmt.order_by(AuditEntry.seq.desc()).limit(limit)  # type: ignore[union-attr]
    rows = [_row(actor, e) for e in session.execute(stmt).scalars()]
    return rows, (rows[-1].seq if rows else None)


def audit_count(session: Session, actor: Actor, filters: AuditFilter | None = None) -> int:
    require_audit_access(actor)
    stmt = select(func.count()).select_from(AuditEntry).where(
        *_conditions(session, filters or AuditFilter()))
    return int(session.execute(stmt).scalar_one())


def audit_usernames(session: Session, actor: Actor) -> list[str]:
    """Everyone who appears in the log, for the user filter."""
    require_audit_access(actor)
    return sorted(u for u in session.execute(
        select(AuditEntry.username).distinct()).scalars())


def audit_tables(session: Session, actor: Actor) -> list[str]:
    """The kinds of record that appear in the log, for the record filter."""
    require_audit_access(actor)
    return sorted(t for t in session.execute(
        select(AuditEntry.table_name).distinct()).scalars() if t)


def verify_audit_log(db: Database, actor: Actor) -> list[str]:
    """``verify_chain`` for a reader of the log (the viewer's 校验 button)."""
    with db.session() as s:
        require_audit_access(actor)
        return verify_chain(s)
