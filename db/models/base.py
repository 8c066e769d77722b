"""What every stored record has in common (DESIGN.md, "Data rules").

- a UUID primary key, so rows made at a township school and at the bureau never collide;
- created/updated timestamps in UTC;
- the code of the site (installation) that made the row;
- a tombstone (``deleted_at``) instead of a DELETE, so that exchange and audit see deletions;
- a version column used by SQLAlchemy for optimistic concurrency: an UPDATE whose version no
  longer matches raises ``StaleDataError`` instead of silently overwriting another clerk's save.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always returned timezone-aware (UTC).

    SQLite has no time zones and PostgreSQL's ``timestamp`` neither; storing naive UTC in both
    keeps comparisons and exchange packages identical across back ends.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQL results on SQLite
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)


class Record(SQLModel):
    """Mixin for every exchanged, audited table."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True
    )
    site: str = Field(default="", max_length=32, nullable=False)
    deleted_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    version: int = Field(default=1, nullable=False)

    @declared_attr  # type: ignore[misc]
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def code_field(*, index: bool = False, nullable: bool = False, default: Any = ...) -> Any:
    """A column holding a vocabulary code (see db/vocab.py)."""
    if default is ...:
        return Field(max_length=32, index=index, nullable=nullable)
    return Field(default=default, max_length=32, index=index, nullable=nullable)


def fk(target: str, *, index: bool = True, nullable: bool = False) -> Any:
    """A foreign key to another record's UUID."""
    if nullable:
        return Field(default=None, foreign_key=f"{target}.id", index=index, nullable=True)
    return Field(foreign_key=f"{target}.id", index=index, nullable=False)
