"""五个一批: the write-ups of outcomes the bureau collects for its compendium."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Text
from sqlmodel import Field

from db.models.base import Record, code_field, fk


class Outcome(Record, table=True):
    """A practice, mechanism or warm story (or a highlighted project or solved problem)."""

    __tablename__ = "outcome"

    batch: str = code_field(index=True)  # vocab.OUTCOME_BATCHES
    title: str = Field(max_length=200)
    body: str = Field(default="", sa_type=Text)
    written_on: date
    unit_id: uuid.UUID | None = fk("unit", nullable=True)
    author: str = Field(default="", max_length=50)
    task_id: uuid.UUID | None = fk("task", nullable=True)
