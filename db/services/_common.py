"""What every service shares: collecting field errors, loading live records, version checks,
audit entries and the small field checks (required text, lengths, dates, vocabulary codes)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, TypeVar

from sqlmodel import Session

from db.audit import Actor, snapshot, write_audit
from db.campaign import local_site_code
from db.errors import ConflictError, FieldError, NotFoundError, RuleError, ValidationError
from db.models import Record, utcnow
from db.vocab import Vocabulary

R = TypeVar("R", bound=Record)

# The earliest date any record of the campaign can carry; older dates are typing mistakes.
EARLIEST_DATE = date(2000, 1, 1)


def today() -> date:
    """The clerk's calendar day (local time): "not in the future" means not after this."""
    return date.today()


class Errors:
    """Collects one FieldError per bad field so a form can show them all at once."""

    def __init__(self) -> None:
        self.items: list[FieldError] = []
        self._fields: set[str] = set()

    def add(self, field: str, message: str) -> None:
        # One message per field: the first problem found is the one to fix first.
        if field not in self._fields:
            self._fields.add(field)
            self.items.append(FieldError(field, message))

    def has(self, field: str) -> bool:
        return field in self._fields

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)

    # -- common checks -------------------------------------------------------------------

    def text(self, field: str, value: str, label: str, *, max_len: int,
             required: bool = True, min_len: int = 0) -> str:
        """The trimmed text; records an error when it is missing or too long."""
        value = (value or "").strip()
        if required and not value:
            self.add(field, f"请填写{label}")
        elif min_len and len(value) < min_len:
            self.add(field, f"{label}至少需要 {min_len} 个字，请写清楚")
        elif len(value) > max_len:
            self.add(field, f"{label}最多 {max_len} 个字，现在有 {len(value)} 个字，请精简")
        return value

    def code(self, field: str, value: str, vocab: Vocabulary, label_prefix: str = "") -> None:
        label = label_prefix + vocab.zh
        if not value:
            self.add(field, f"请选择{label}")
        elif value not in vocab:
            self.add(field, f"{label}“{value}”不在可选范围内，请从列表中选择")

    def day(self, field: str, value: date | None, label: str, *, required: bool = True,
            not_future: bool = True) -> None:
        if value is None:
            if required:
                self.add(field, f"请填写{label}")
            return
        if not isinstance(value, date):
            self.add(field, f"{label}不是有效的日期")
        elif value < EARLIEST_DATE:
            self.add(field, f"{label}不能早于 {EARLIEST_DATE.year} 年，请检查年份")
        elif not_future and value > today():
            self.add(field, f"{label}不能晚于今天")

    def count(self, field: str, value: int, label: str, *, minimum: int = 0) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(field, f"{label}必须是整数")
        elif value < minimum:
            self.add(field, f"{label}不能小于 {minimum}")


def site_code(session: Session) -> str:
    """The local site's code, looked up once per transaction (every row and entry needs it)."""
    code = session.info.get("site_code")
    if code is None:
        code = session.info["site_code"] = local_site_code(session)
    return str(code)


def get_live(session: Session, model: type[R], record_id: uuid.UUID | None, label: str) -> R:
    """A record that exists and is not deleted, else NotFoundError naming what is missing."""
    record = session.get(model, record_id) if record_id is not None else None
    if record is None or record.deleted_at is not None:
        raise NotFoundError(f"找不到该{label}，可能已被删除。请刷新列表后重试。")
    return record


def find_live(session: Session, model: type[R], record_id: uuid.UUID | None) -> R | None:
    """Like get_live, for use inside validation: None instead of an exception."""
    if record_id is None:
        return None
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        return None
    return record


def check_version(record: Record, expected_version: int, label: str) -> None:
    """Refuse an update made on a stale copy (another clerk saved the record meanwhile)."""
    if record.version != expected_version:
        raise ConflictError(f"该{label}")


def refuse_if_closed(status: str, label: str) -> None:
    """Closed-out items are read-only: the record of a close-out must not drift afterwards."""
    if status == "closed":
        raise RuleError(f"该{label}已销号，不能修改。如需修改，请先由领导“重新打开”。")


def touch(record: Record) -> None:
    record.updated_at = utcnow()


def audit_create(session: Session, actor: Actor, record: Record, summary: str,
                 extra: dict[str, Any] | None = None) -> None:
    session.flush()
    after = snapshot(record) | (extra or {})
    write_audit(session, actor, "create", str(record.__tablename__), record.id, summary,
                after=after, site=site_code(session))


def audit_change(session: Session, actor: Actor, record: Record, before: dict[str, Any],
                 summary: str, *, action: str = "update",
                 extra: dict[str, Any] | None = None) -> None:
    """An entry with the record's values before and after (flushes first, so the new version
    number is part of the after-image)."""
    session.flush()
    after = snapshot(record) | (extra or {})
    write_audit(session, actor, action, str(record.__tablename__), record.id, summary,
                before=before, after=after, site=site_code(session))


def tombstone(session: Session, actor: Actor, record: Record, summary: str) -> None:
    before = snapshot(record)
    record.deleted_at = utcnow()
    touch(record)
    audit_change(session, actor, record, before, summary, action="delete")
