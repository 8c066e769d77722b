"""Fixtures for the care register: a small organisation with three care records built through
db.services, the register's Chinese strings installed, actors with and without the grant."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from db.audit import Actor
from db.engine import Database
from db.models import Region
from db.services import CadreInput, UnitInput, create_cadre, create_unit
from db.services.care import CareEntryInput, CareRecordInput, add_care_entry, create_care_record
from tests.conftest import open_copy

ADMIN = Actor("admin", "admin", "管理员", can_view_care=True)
NO_GRANT = Actor("clerk", "clerk", "录入员小王")
VIEWER = Actor("viewer", "viewer", "查看者", can_view_care=True)
TODAY = date.today()
NAMES = ("王小明", "陈思雨", "刘建国")  # the people on file: none may show without the grant


@dataclass(frozen=True)
class Sample:
    school: uuid.UUID  # 第一中学, 曾都区
    village_school: uuid.UUID  # 万和小学, 随县
    zhang: uuid.UUID  # cadre 张三
    records: dict[str, uuid.UUID]  # name → care record


def build_sample(db: Database) -> Sample:
    with db.session() as s:
        regions = {r.code: r.id for r in s.execute(select(Region)).scalars()}
    school = create_unit(db, ADMIN, UnitInput("第一中学", "school", regions["zengdu"])).id
    village = create_unit(db, ADMIN, UnitInput("万和小学", "school", regions["suixian"])).id
    zhang = create_cadre(db, ADMIN, CadreInput("张三", "cadre", school, position="科员")).id
    records = {}
    for group, name, role, year, unit in [
        ("left_behind", "王小明", "student", TODAY.year - 10, village),
        ("disability", "陈思雨", "student", TODAY.year - 13, school),
        ("hardship", "刘建国", "teacher", 1975, school),
    ]:
        records[name] = create_care_record(db, ADMIN, CareRecordInput(
            group, name, unit, role, "", year, "家庭情况说明", zhang)).id
    add_care_entry(db, ADMIN, CareEntryInput(records["王小明"], TODAY - timedelta(days=3),
                                             "上门家访", zhang))
    return Sample(school, village, zhang, records)


@pytest.fixture(scope="session")
def care_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[Path, Sample]:
    path = tmp_path_factory.mktemp("care") / "sample.db"
    database = open_copy(template_db, path)
    sample = build_sample(database)
    database.dispose()
    return path, sample


@pytest.fixture
def db(care_template: tuple[Path, Sample], tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the sample (overrides the suite-wide empty database)."""
    path = tmp_path / "care.db"
    database = open_copy(care_template[0], path)
    yield database
    database.dispose()


@pytest.fixture
def sample(care_template: tuple[Path, Sample]) -> Sample:
    return care_template[1]


