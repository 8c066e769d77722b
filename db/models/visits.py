"""The visit log (走访日志)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import BigInteger, Column, ForeignKey, Index, String, Text, Uuid, text
from sqlmodel import Field, SQLModel

from db.models.base import Record, code_field, fk


class Visit(Record, table=True):
    """One visit: a date, one or more cadres, the unit visited, the method and what was found.

    ``sort_key`` orders visits by date (days since 2000-01-01 × 2**20 + a counter): the visit
    table pages on it and it is the row id of the visit's entry in the full-text index, so a
    search returns the newest matches first without sorting. It is local to a database and
    recomputed when a visit arrives in an exchange package.
    """

    __tablename__ = "visit"
    __table_args__ = (
        # Live visits per unit and per method, index-only: a region's or a method's count
        # (hundreds of thousands of visits at scale 100) reads these instead of every row.
        Index("ix_visit_live_unit", "unit_id", sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
        Index("ix_visit_live_method", "method", sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
        # Live visits in id order with their filter keys, index-only: the nine-ones counts
        # walk it alongside visit_cadre / visit_activity (keyed by visit id) instead of reading
        # a million visit rows at random. deleted_at is listed so SQLite sees it as covering.
        Index("ix_visit_live_keys", "id", "sort_key", "visit_date", "unit_id", "deleted_at",
              sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
    )

    number: str = Field(max_length=40, unique=True)
    sort_key: int = Field(sa_type=BigInteger, unique=True)
    visit_date: date = Field(index=True)
    # No index of their own: every query asks for live visits, which ix_visit_live_unit and
    # ix_visit_live_method serve (each more index costs a bulk import about 5 %).
    unit_id: uuid.UUID = fk("unit", index=False)
    method: str = code_field()  # vocab.METHODS
    students_met: int = Field(default=0)
    teachers_met: int = Field(default=0)
    parents_met: int = Field(default=0)
    content: str = Field(default="", sa_type=Text)  # what was done
    talked_with: str = Field(default="", max_length=500)
    findings: str = Field(default="", sa_type=Text)  # what was found, in words
    reported_to_branch: bool = Field(default=False)  # 及时向单位党组织报告察访情况


class VisitCadre(SQLModel, table=True):
    """A cadre who took part in a visit (part of the visit; travels with it)."""

    __tablename__ = "visit_cadre"
    # On SQLite one b-tree clustered on (visit, cadre) instead of a table and its key index:
    # a visit's cadres are one seek, and writing 100,000 visits' links costs a third less.
    __table_args__ = {"sqlite_with_rowid": False}

    visit_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("visit.id"), primary_key=True)
    )
    cadre_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("cadre.id"), primary_key=True, index=True)
    )


class VisitActivity(SQLModel, table=True):
    """A nine-"ones" activity done during a visit (vocab.ACTIVITIES)."""

    __tablename__ = "visit_activity"
    __table_args__ = {"sqlite_with_rowid": False}  # as visit_cadre

    visit_id: uuid.UUID = Field(
        sa_column=Column(Uuid, ForeignKey("visit.id"), primary_key=True)
    )
    activity: str = Field(sa_column=Column(String(32), primary_key=True))
