"""Campaign settings: the campaign and its phases, and key/value settings (quotas, ...)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Text, UniqueConstraint
from sqlmodel import Field

from db.models.base import Record, code_field, fk


class Campaign(Record, table=True):
    """One year's campaign; the newest active one is the current campaign."""

    __tablename__ = "campaign"

    name: str = Field(max_length=200)
    year: int = Field(index=True)
    starts_on: date
    ends_on: date
    active: bool = Field(default=True)


class Phase(Record, table=True):
    """A phase of a campaign (vocab.PHASES) and the date it ends."""

    __tablename__ = "phase"
    __table_args__ = (UniqueConstraint("campaign_id", "code", name="uq_phase_campaign_code"),)

    campaign_id: uuid.UUID = fk("campaign")
    code: str = code_field()
    starts_on: date
    ends_on: date


class Setting(Record, table=True):
    """A named setting whose value is JSON (organisation name, quotas, default deadlines...)."""

    __tablename__ = "setting"

    key: str = Field(max_length=100, unique=True)
    value: str = Field(default="null", sa_type=Text)
