"""The foundation works the same on SQLite and on PostgreSQL (when a server is given)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import func, select

from db.audit import SYSTEM, snapshot, verify_chain, write_audit
from db.campaign import current_campaign, get_setting, local_site_code
from db.engine import Database
from db.errors import ConflictError
from db.models import Region, Unit, Visit
from db.numbering import day_base, format_number, next_number, next_sort_key


def test_site_defaults(any_db: Database) -> None:
    with any_db.session() as s:
        assert local_site_code(s) == "SZ"
        assert s.execute(select(func.count()).select_from(Region)).scalar() == 5
        assert get_setting(s, "org.name") == "随州市教育局"
        campaign = current_campaign(s)
        assert campaign is not None and campaign.year == 2022


def test_numbers_continue_per_kind_and_year(any_db: Database) -> None:
    with any_db.transaction() as s:
        assert next_number(s, "SZ", "problem", 2022) == "SZ-WT2022-00001"
        assert next_number(s, "SZ", "problem", 2022) == "SZ-WT2022-00002"
        assert next_number(s, "SZ", "task", 2022) == "SZ-RW2022-00001"
        assert next_number(s, "SZ", "problem", 2023) == format_number("SZ", "problem", 2023, 1)


def test_sort_keys_follow_dates(any_db: Database) -> None:
    with any_db.transaction() as s:
        region = s.execute(select(Region)).scalars().first()
        assert region is not None
        unit = Unit(name="随州市实验小学", kind="school", region_id=region.id, site="SZ")
        s.add(unit)
        s.flush()
        d = date(2022, 6, 3)
        first = next_sort_key(s, Visit, d)
        assert first == day_base(d)
        s.add(Visit(number="SZ-ZF2022-00001", sort_key=first, visit_date=d, unit_id=unit.id,
                    method="field_visit", site="SZ"))
        s.flush()
        assert next_sort_key(s, Visit, d) == first + 1
        assert next_sort_key(s, Visit, date(2022, 6, 2)) < first


def test_optimistic_concurrency_refuses_silent_overwrite(any_db: Database) -> None:
    with any_db.transaction() as s:
        region = s.execute(select(Region).where(Region.code == "suixian")).scalar_one()
        region_id = region.id
    first, second = any_db.session(), any_db.session()
    try:
        a = first.get(Region, region_id)
        b = second.get(Region, region_id)
        assert a is not None and b is not None
        a.name = "随县（甲）"
        first.commit()
        b.name = "随县（乙）"
        from db.engine import translate_errors

        with pytest.raises(ConflictError), translate_errors():
            second.commit()
    finally:
        first.close()
        second.close()
    with any_db.session() as s:
        region = s.get(Region, region_id)
        assert region is not None and region.name == "随县（甲）" and region.version == 2


def test_audit_chain_detects_tampering(any_db: Database) -> None:
    with any_db.transaction() as s:
        region = s.execute(select(Region)).scalars().first()
        assert region is not None
        before = snapshot(region)
        region.name = region.name + "（改）"
        s.flush()
        write_audit(s, SYSTEM, "update", "region", region.id, "改名", before, snapshot(region))
        write_audit(s, SYSTEM, "create", "region", uuid.uuid4(), "新增")
    with any_db.session() as s:
        assert verify_chain(s) == []
    from sqlalchemy import text

    with any_db.transaction() as s:
        s.execute(text("UPDATE audit_entry SET username = 'intruder' WHERE seq = "
                       "(SELECT min(seq) FROM audit_entry)"))
    with any_db.session() as s:
        problems = verify_chain(s)
    assert problems and "篡改" in problems[0]
