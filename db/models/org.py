"""Organisation: sites (installations), regions, units, party branches and their pairings."""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Field, UniqueConstraint

from db.models.base import Record, code_field, fk


class Site(Record, table=True):
    """An installation of the application: a school, a county bureau or the city bureau.

    Exactly one row has ``is_local`` set: the site this database belongs to. Its code prefixes
    every human-readable number made here (问题编号 etc.).
    """

    __tablename__ = "site"

    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=100)
    level: str = code_field()  # vocab.SITE_LEVELS
    parent_code: str | None = Field(default=None, max_length=32)
    is_local: bool = Field(default=False)


class Region(Record, table=True):
    """A county-level area with its own education bureau (曾都区, 随县, ...)."""

    __tablename__ = "region"

    code: str = Field(max_length=32, unique=True)
    name: str = Field(max_length=50, unique=True)
    sort_order: int = Field(default=0)


class Unit(Record, table=True):
    """A school, kindergarten, bureau section, community, village or enterprise."""

    __tablename__ = "unit"
    __table_args__ = (UniqueConstraint("region_id", "name", name="uq_unit_region_name"),)

    name: str = Field(max_length=100, index=True)
    kind: str = code_field(index=True)  # vocab.UNIT_KINDS
    region_id: uuid.UUID = fk("region")
    parent_id: uuid.UUID | None = fk("unit", nullable=True)
    address: str = Field(default="", max_length=200)
    sort_order: int = Field(default=0)


class PartyBranch(Record, table=True):
    """A party branch (党支部); cadres belong to one."""

    __tablename__ = "party_branch"

    name: str = Field(max_length=100, unique=True)
    unit_id: uuid.UUID = fk("unit")


class BranchPairing(Record, table=True):
    """结对共建: one or more bureau branches (1+1 / N+1) paired with a community branch.

    The mode is derived from the number of member branches, never typed.
    """

    __tablename__ = "branch_pairing"

    community_unit_id: uuid.UUID = fk("unit")
    started_on: date
    ended_on: date | None = None
    note: str = Field(default="", max_length=500)


class BranchPairingMember(Record, table=True):
    __tablename__ = "branch_pairing_member"
    __table_args__ = (UniqueConstraint("pairing_id", "branch_id", name="uq_pairing_branch"),)

    pairing_id: uuid.UUID = fk("branch_pairing")
    branch_id: uuid.UUID = fk("party_branch")
