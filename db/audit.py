"""Writing and verifying the audit log (who, when, what, before → after).

Each entry's hash covers the previous entry's hash and its own content, so an entry removed or
altered afterwards breaks the chain, which ``verify_chain`` (and ``main.py check``) reports.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, SQLModel

from db.models import AuditEntry
from db.models.base import utcnow


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


def _entry_hash(prev_hash: str, entry: AuditEntry) -> str:
    payload = json.dumps(
        [prev_hash, entry.at.isoformat(), entry.username, entry.site, entry.action,
         entry.table_name, entry.record_id, entry.summary, entry.before, entry.after],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
) -> AuditEntry:
    """Append an entry in the caller's transaction."""
    prev = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)  # type: ignore[union-attr]
    ).scalar()
    entry = AuditEntry(
        at=utcnow(),
        username=actor.username,
        site=site,
        action=action,
        table_name=table_name,
        record_id=str(record_id or ""),
        summary=summary[:500],
        before=json.dumps(before, ensure_ascii=False, sort_keys=True) if before else "",
        after=json.dumps(after, ensure_ascii=False, sort_keys=True) if after else "",
        prev_hash=prev or "",
    )
    entry.hash = _entry_hash(entry.prev_hash, entry)
    session.add(entry)
    session.flush()
    return entry


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
