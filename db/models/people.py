"""People: cadres, their assignments to grassroots units, and application users."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlmodel import Field

from db.models.base import Record, UTCDateTime, code_field, fk


class Cadre(Record, table=True):
    """A party cadre (党员干部) of the education system."""

    __tablename__ = "cadre"

    name: str = Field(max_length=50, index=True)
    # Pinyin initials of the name ("zs" for 张三), kept by the services for type-ahead.
    name_initials: str = Field(default="", max_length=50, index=True)
    gender: str = Field(default="", max_length=4)
    tier: str = code_field(index=True)  # vocab.TIERS
    unit_id: uuid.UUID = fk("unit")
    branch_id: uuid.UUID | None = fk("party_branch", nullable=True)
    position: str = Field(default="", max_length=100)
    phone: str = Field(default="", max_length=30)
    active: bool = Field(default=True)


class Assignment(Record, table=True):
    """A cadre's standing link to a unit: contact point, 双报到 community, village, ..."""

    __tablename__ = "assignment"

    cadre_id: uuid.UUID = fk("cadre")
    unit_id: uuid.UUID = fk("unit")
    kind: str = code_field(index=True)  # vocab.ASSIGNMENT_KINDS
    started_on: date
    ended_on: date | None = None
    note: str = Field(default="", max_length=500)


class User(Record, table=True):
    """An account of the application (roles: vocab.ROLES)."""

    __tablename__ = "app_user"

    username: str = Field(max_length=50, unique=True)
    display_name: str = Field(max_length=50)
    role: str = code_field()
    password_hash: str = Field(default="", max_length=255)
    unit_id: uuid.UUID | None = fk("unit", nullable=True)  # a school user's own unit
    cadre_id: uuid.UUID | None = fk("cadre", nullable=True)
    can_view_care: bool = Field(default=False)
    active: bool = Field(default=True)
    failed_logins: int = Field(default=0)
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
