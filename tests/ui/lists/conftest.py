"""A small organisation and a few problems built through db.services, and the lists widget."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.services import (
    CadreInput,
    ProblemInput,
    UnitInput,
    create_cadre,
    create_problem,
    create_unit,
)
from desktop.ui.lists import ThreeListsWidget
from tests.conftest import region_id

ADMIN = Actor("admin", "admin", "管理员")
CLERK = Actor("clerk1", "clerk", "录入员")
DAY = date(2022, 6, 10)


@dataclass
class Org:
    zengdu: uuid.UUID
    suixian: uuid.UUID
    school: uuid.UUID  # 第一中学 (曾都区)
    county: uuid.UUID  # 随县教育局 (随县)
    leader: uuid.UUID  # 李四, bureau leader
    p1: uuid.UUID  # 食堂 problem at the school
    p2: uuid.UUID  # safety problem in 随县, strongly reported
    p3: uuid.UUID  # a duplicate of p1


def problem(db: Database, description: str, *, unit: uuid.UUID | None = None,
            region: uuid.UUID | None = None, area: str = "canteen",
            strongly: bool = False) -> uuid.UUID:
    return create_problem(db, ADMIN, ProblemInput(
        reported_on=DAY, source_channel="petition", reporter_type="parent", area=area,
        category="management_service", description=description, unit_id=unit,
        region_id=region, strongly_reported=strongly)).id


@pytest.fixture
def org(db: Database) -> Org:
    zengdu, suixian = region_id(db, "zengdu"), region_id(db, "suixian")
    school = create_unit(db, ADMIN, UnitInput(name="第一中学", kind="school",
                                              region_id=zengdu)).id
    county = create_unit(db, ADMIN, UnitInput(name="随县教育局", kind="county_bureau",
                                              region_id=suixian)).id
    leader = create_cadre(db, ADMIN, CadreInput("李四", "bureau_leader", county, None,
                                                "副局长")).id
    p1 = problem(db, "食堂饭菜偏咸", unit=school)
    p2 = problem(db, "校门口交通拥堵", unit=county, area="safety", strongly=True)
    p3 = problem(db, "食堂饭菜太咸（重复）", unit=school)
    return Org(zengdu, suixian, school, county, leader, p1, p2, p3)


def make_widget(qtbot: QtBot, db: Database, actor: Actor) -> ThreeListsWidget:
    w = ThreeListsWidget(db, actor)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def widget(qtbot: QtBot, db: Database, org: Org) -> ThreeListsWidget:
    return make_widget(qtbot, db, ADMIN)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """QMessageBox.warning/information answered at once, their title and text recorded."""
    shown: list[tuple[str, str]] = []

    def fake(_parent: object, title: str, text: str, *_a: object, **_k: object) -> int:
        shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "warning", fake)
    monkeypatch.setattr(QMessageBox, "information", fake)
    return shown
