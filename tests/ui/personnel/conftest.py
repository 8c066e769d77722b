"""A small organisation built through db.services, and the personnel widget over it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.services import (
    BranchInput,
    CadreInput,
    UnitInput,
    VisitInput,
    create_branch,
    create_cadre,
    create_unit,
    record_visit,
)
from desktop.ui.personnel import PersonnelWidget
from tests.conftest import region_id

ADMIN = Actor("admin", "admin", "管理员")
# Inside the test site's 2022 campaign, so the visit counts for the checklist.
VISIT_DAY = date(2022, 6, 10)


@dataclass
class Org:
    zengdu: uuid.UUID
    suixian: uuid.UUID
    section: uuid.UUID  # 办公室 (曾都区)
    school: uuid.UUID  # 第一中学 (曾都区)
    county: uuid.UUID  # 随县教育局 (随县)
    community: uuid.UUID  # 东城社区
    branch: uuid.UUID  # 机关第一党支部
    branch2: uuid.UUID  # 机关第二党支部
    zhang: uuid.UUID  # 张三, has a visit
    li: uuid.UUID  # 李四, bureau leader, no visit
    zhao: uuid.UUID  # 赵敏, 随县, no visit


@pytest.fixture
def org(db: Database) -> Org:
    zengdu, suixian = region_id(db, "zengdu"), region_id(db, "suixian")

    def unit(name: str, kind: str, region: uuid.UUID = zengdu) -> uuid.UUID:
        return create_unit(db, ADMIN, UnitInput(name=name, kind=kind, region_id=region)).id

    section = unit("办公室", "bureau_section")
    school = unit("第一中学", "school")
    county = unit("随县教育局", "county_bureau", suixian)
    community = unit("东城社区", "community")
    unit("新农村", "village", suixian)
    branch = create_branch(db, ADMIN, BranchInput("机关第一党支部", section)).id
    branch2 = create_branch(db, ADMIN, BranchInput("机关第二党支部", section)).id
    create_branch(db, ADMIN, BranchInput("东城社区党支部", community))
    zhang = create_cadre(db, ADMIN, CadreInput("张三", "cadre", section, branch, "科员",
                                               "13912345678")).id
    li = create_cadre(db, ADMIN, CadreInput("李四", "bureau_leader", section, branch,
                                            "副局长")).id
    zhao = create_cadre(db, ADMIN, CadreInput("赵敏", "cadre", county, None, "干事")).id
    record_visit(db, ADMIN, VisitInput(
        visit_date=VISIT_DAY, cadre_ids=(zhang,), unit_id=school, method="field_visit",
        activities=("canteen",), content="走访食堂"))
    return Org(zengdu, suixian, section, school, county, community, branch, branch2, zhang,
               li, zhao)


@pytest.fixture
def widget(qtbot: QtBot, db: Database, org: Org) -> PersonnelWidget:
    w = PersonnelWidget(db, ADMIN)
    qtbot.addWidget(w)
    w.resize(1400, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* into *widget* key by key. QTest only knows ASCII keys (and aborts on
    others), so a Chinese character arrives as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def opened(qtbot: QtBot, dialog: QWidget) -> None:
    """Wait until the dialog is shown and active, so keys go to its focused field."""
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.isActiveWindow)
