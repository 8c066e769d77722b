"""The audit log: every change a user makes, chained by hashes so tampering is detected."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Column, Integer, Text
from sqlmodel import Field, SQLModel

from db.models.base import UTCDateTime, utcnow


class AuditEntry(SQLModel, table=True):
    """Who did what, when, to which record, with the values before and after.

    ``hash`` is SHA-256 over the previous entry's hash and this entry's content, so removing or
    altering an entry breaks the chain (checked by ``main.py check``). Entries are never updated.
    """

    __tablename__ = "audit_entry"

    seq: int | None = Field(
        default=None,
        sa_column=Column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
                         autoincrement=True),
    )
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    username: str = Field(max_length=50, index=True)
    site: str = Field(default="", max_length=32)
    action: str = Field(max_length=32, index=True)  # vocab.AUDIT_ACTIONS
    table_name: str = Field(max_length=50, index=True)
    record_id: str = Field(default="", max_length=36, index=True)
    summary: str = Field(default="", max_length=500)
    before: str = Field(default="", sa_type=Text)  # JSON
    after: str = Field(default="", sa_type=Text)  # JSON
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)


class NumberSequence(SQLModel, table=True):
    """The last human-readable number handed out per site, kind and year."""

    __tablename__ = "number_sequence"

    site: str = Field(max_length=32, primary_key=True)
    kind: str = Field(max_length=16, primary_key=True)
    year: int = Field(primary_key=True)
    last: int = Field(default=0)
