"""关爱帮扶: records of help for special groups — the most sensitive data in the system.

Minors' and health data: shown only to users granted it, never published, never exported in
clear text by default.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Text
from sqlmodel import Field

from db.models.base import Record, code_field, fk


class CareRecord(Record, table=True):
    __tablename__ = "care_record"

    group: str = code_field(index=True)  # vocab.CARE_GROUPS
    person_name: str = Field(max_length=50)
    person_role: str = code_field(default="student")  # vocab.REPORTER_TYPES (student/teacher)
    gender: str = Field(default="", max_length=4)
    birth_year: int | None = None
    unit_id: uuid.UUID = fk("unit")
    situation: str = Field(default="", sa_type=Text)
    responsible_cadre_id: uuid.UUID | None = fk("cadre", nullable=True)
    active: bool = Field(default=True)


class CareEntry(Record, table=True):
    """One act of help for a care record."""

    __tablename__ = "care_entry"

    record_id: uuid.UUID = fk("care_record")
    helped_on: date
    cadre_id: uuid.UUID | None = fk("cadre", nullable=True)
    help_given: str = Field(sa_type=Text)
