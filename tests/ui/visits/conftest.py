"""Fixtures for the visit log: a small organisation with four visits built through
db.services, the visit log's Chinese strings installed, and keyboard helpers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.services import (
    CadreInput,
    FindingInput,
    UnitInput,
    VisitInput,
    create_cadre,
    create_unit,
    record_visit,
)
from desktop.ui.visits import VisitLogWidget
from tests.conftest import open_copy, region_id

ADMIN = Actor("admin", "admin", "管理员")
TODAY = date.today()


@dataclass(frozen=True)
class Sample:
    zengdu: uuid.UUID
    suixian: uuid.UUID
    school: uuid.UUID  # 第一中学, 曾都区
    other_school: uuid.UUID  # 实验小学, 随县
    community: uuid.UUID  # 东城社区, 曾都区
    zhang: uuid.UUID  # 张三 (zs)
    zhao: uuid.UUID  # 赵思 (zs too: a namesake by initials)
    li: uuid.UUID  # 李四 (ls)
    retired: uuid.UUID  # 王五, inactive
    visits: dict[str, str]  # key → visit number


def build_sample(db: Database) -> Sample:
    zengdu, suixian = region_id(db, "zengdu"), region_id(db, "suixian")

    def unit(name: str, kind: str, region: uuid.UUID = zengdu) -> uuid.UUID:
        return create_unit(db, ADMIN, UnitInput(name, kind, region)).id

    office = unit("办公室", "bureau_section")
    school, other = unit("第一中学", "school"), unit("实验小学", "school", suixian)
    community = unit("东城社区", "community")
    unit("机关幼儿园", "kindergarten")

    def cadre(name: str, tier: str = "cadre", position: str = "科员",
              active: bool = True) -> uuid.UUID:
        return create_cadre(db, ADMIN, CadreInput(name, tier, office, position=position,
                                                  active=active)).id

    zhang, zhao, li = cadre("张三"), cadre("赵思"), cadre("李四", "bureau_leader", "副局长")
    retired = cadre("王五", active=False)

    def visit(days_ago: int, cadres: tuple[uuid.UUID, ...], unit_id: uuid.UUID, method: str,
              content: str, findings: str = "", talked: str = "",
              problems: tuple[FindingInput, ...] = (), activities: tuple[str, ...] = ()
              ) -> str:
        saved = record_visit(db, ADMIN, VisitInput(
            visit_date=TODAY - timedelta(days=days_ago), cadre_ids=cadres, unit_id=unit_id,
            method=method, activities=activities, students_met=5, teachers_met=2,
            parents_met=1, content=content, talked_with=talked, findings=findings,
            problems=problems))
        return saved.visit.number

    visits = {
        "canteen": visit(10, (zhang,), school, "inspection", "暗访学校食堂，查看后厨卫生",
                         problems=(FindingInput("canteen", "management_service",
                                                "食堂饭菜价格偏高", True, "student"),),
                         activities=("canteen",)),
        "dorm": visit(8, (li,), other, "field_visit", "走访学生宿舍，了解住宿条件",
                      findings="宿舍热水供应不足",
                      problems=(FindingInput("after_school", "management_service",
                                             "学生反映食堂排队时间长", False, "student"),),
                      activities=("dormitory",)),
        "parents": visit(6, (zhang, li), community, "heart_talk", "与家长交流课后服务",
                         talked="家长代表"),
        "forum": visit(5, (li,), school, "forum", "召开教师座谈会",
                       findings="教师反映食材采购不透明"),
    }
    return Sample(zengdu, suixian, school, other, community, zhang, zhao, li, retired, visits)


@pytest.fixture(scope="session")
def sample_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory
                    ) -> tuple[Path, Sample]:
    path = tmp_path_factory.mktemp("visits") / "sample.db"
    database = open_copy(template_db, path)
    sample = build_sample(database)
    database.dispose()
    return path, sample


@pytest.fixture
def db(sample_template: tuple[Path, Sample], tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the sample (overrides the suite-wide empty database)."""
    path = tmp_path / "visits.db"
    database = open_copy(sample_template[0], path)
    yield database
    database.dispose()


@pytest.fixture
def sample(sample_template: tuple[Path, Sample]) -> Sample:
    return sample_template[1]


@pytest.fixture
def widget(qtbot: QtBot, db: Database, sync_worker: None) -> VisitLogWidget:
    """The visit log, shown and active (so that the keyboard goes where a user's would)."""
    w = VisitLogWidget(db, ADMIN)
    w.add_shortcuts()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitExposed(w):
        w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w
