"""The personnel tab driven as a clerk would: keyboard entry, filters, views and the checklist."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.models import Cadre
from db.services import PairingInput, create_pairing
from desktop.ui.personnel import PersonnelWidget
from desktop.ui.personnel.common import fetch_all
from desktop.ui.personnel.tree import TreeNode
from tests.ui.personnel.conftest import ADMIN, VISIT_DAY, Org, opened, type_text


def tr(context: str, text: str) -> str:
    """What the clerk sees: Chinese once the lead merges resources/i18n/pending/personnel.json,
    the English source until then."""
    return QCoreApplication.translate(context, text)


def names(widget: PersonnelWidget) -> list[str]:
    model = widget.table.model
    fetch_all(model)
    return [model.row(i).name for i in range(model.rowCount())]


def test_shows_active_cadres_with_nine_ones_progress(widget: PersonnelWidget) -> None:
    rows = {widget.table.model.row(i).name: i for i in range(widget.table.model.rowCount())}
    assert set(rows) == {"张三", "李四", "赵敏"}
    model = widget.table.model
    done = model.index(rows["张三"], 6).data()
    assert done == "2/9"  # 深入1所学校 and 暗访1次食堂餐饮 from the one visit
    assert model.index(rows["李四"], 7).data() == tr("CadreTable",
                                                     "Not registered with a community")
    assert model.index(rows["李四"], 1).data() == "局领导班子成员"  # from db.vocab
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == [tr("CadreTable", h) for h in (
        "Name", "Tier", "Unit", "Branch", "Position", "Phone", "Nine ones done",
        "Community status")]


def test_add_cadre_by_keyboard_then_community_assignment_fills_the_checklist(
        qtbot: QtBot, widget: PersonnelWidget, db: Database, org: Org) -> None:
    dialog = widget.new_cadre()  # what Ctrl+N runs
    opened(qtbot, dialog)
    assert dialog.name.hasFocus()
    type_text(qtbot, dialog.name, "王小明")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
    assert dialog.tier.hasFocus()
    qtbot.keyClick(dialog.tier, Qt.Key.Key_End)  # 党员干部, the last tier
    qtbot.keyClick(dialog.tier, Qt.Key.Key_Tab)
    assert dialog.unit.hasFocus()
    type_text(qtbot, dialog.unit.lineEdit(), "办公室（曾都区）")
    qtbot.keyClick(dialog.unit.lineEdit(), Qt.Key.Key_Tab)
    type_text(qtbot, dialog.branch.lineEdit(), "机关第二党支部")
    qtbot.keyClick(dialog.branch.lineEdit(), Qt.Key.Key_Tab)
    type_text(qtbot, dialog.position, "科员")
    qtbot.keyClick(dialog.position, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.phone, "0722-1234567")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()

    with db.session() as s:
        saved = s.execute(select(Cadre).where(Cadre.name == "王小明")).scalar_one()
    assert (saved.tier, saved.unit_id, saved.branch_id, saved.phone, saved.name_initials) == (
        "cadre", org.section, org.branch2, "0722-1234567", "wxm")
    assert widget.table.current_id() == saved.id
    assert widget.detail.cadre_id == saved.id
    assert widget.detail.checklist.is_done("community") is False
    assert "✗" in widget.detail.checklist.marks["community"].text()

    add = widget.detail.add_assignment()
    assert add is not None
    opened(qtbot, add)
    assert add.kind.hasFocus()
    qtbot.keyClick(add.kind, Qt.Key.Key_Down)  # 基层联系点 → 双报到社区
    assert add.kind.currentData() == "community"
    qtbot.keyClick(add.kind, Qt.Key.Key_Tab)
    type_text(qtbot, add.unit.lineEdit(), "东城")  # the list narrows to the one match
    popup = add.unit.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert add.unit.value() == org.community
    qtbot.keyClick(add.unit.lineEdit(), Qt.Key.Key_Tab)
    qtbot.keyClick(add.started_on, Qt.Key.Key_Return)
    assert not add.isVisible()

    checklist = widget.detail.checklist
    assert checklist.is_done("community") is True
    assert checklist.marks["community"].text() == tr("ChecklistView", "✓ Done")
    assert checklist.evidence["community"].text() == "东城社区"
    row = widget.table.model.find_row(saved.id)
    assert row is not None
    status = widget.table.model.index(row, 7).data()
    assert status == tr("CadreTable", "Registered: %s") % "东城社区"
    assert widget.table.model.index(row, 6).data() == "1/9"


def test_escape_cancels_and_saves_nothing(qtbot: QtBot, widget: PersonnelWidget,
                                          db: Database) -> None:
    dialog = widget.new_cadre()
    opened(qtbot, dialog)
    type_text(qtbot, dialog.name, "不要保存")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    with db.session() as s:
        assert s.execute(select(Cadre).where(Cadre.name == "不要保存")).first() is None


def test_refusal_keeps_input_and_shows_message_next_to_field(
        qtbot: QtBot, widget: PersonnelWidget, db: Database, org: Org) -> None:
    dialog = widget.new_cadre()
    opened(qtbot, dialog)
    type_text(qtbot, dialog.name, "孙七")
    dialog.unit.set_value(org.section)
    type_text(qtbot, dialog.phone, "12345")
    # The message shows while typing, before any save.
    assert dialog.errors["phone"].isVisible()
    assert "0722-1234567" in dialog.errors["phone"].text()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.phone.text() == "12345"
    assert dialog.name.text() == "孙七"
    assert dialog.phone.hasFocus()
    with db.session() as s:
        assert s.execute(select(Cadre).where(Cadre.name == "孙七")).first() is None
    # Fixing the field clears its message and the save goes through.
    dialog.phone.clear()
    assert not dialog.errors["phone"].isVisible()
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert not dialog.isVisible()


def test_unit_kind_refusal_from_the_service_shows_next_to_the_unit(
        qtbot: QtBot, widget: PersonnelWidget, org: Org, db: Database) -> None:
    assert widget.table.select(org.li)
    dialog = widget.detail.add_assignment()
    assert dialog is not None
    opened(qtbot, dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("community"))
    dialog.unit.set_value(org.school)
    dialog.note.setText("住在学校附近")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible()
    message = dialog.errors["unit_id"].text()
    assert "必须是" in message and "第一中学" in message
    assert dialog.errors["unit_id"].isVisible()
    assert dialog.unit.value() == org.school
    assert dialog.note.text() == "住在学校附近"
    dialog.reject()


def test_pinyin_type_ahead_finds_zhang_san(qtbot: QtBot, widget: PersonnelWidget) -> None:
    widget.focus_search()
    assert widget.table.search.hasFocus()
    type_text(qtbot, widget.table.search, "zs")
    qtbot.waitUntil(lambda: names(widget) == ["张三"])
    widget.table.search.clear()
    type_text(qtbot, widget.table.search, "李")
    qtbot.waitUntil(lambda: names(widget) == ["李四"])
    widget.table.search.clear()
    type_text(qtbot, widget.table.search, "1391234")  # part of the phone
    qtbot.waitUntil(lambda: names(widget) == ["张三"])


def test_tree_selection_filters_the_table(widget: PersonnelWidget, org: Org) -> None:
    assert widget.tree.select(TreeNode(org.suixian))
    assert names(widget) == ["赵敏"]
    assert widget.tree.select(TreeNode(org.zengdu, "bureau_section"))
    assert sorted(names(widget)) == sorted(["张三", "李四"])
    assert widget.tree.select(TreeNode(unit_id=org.county))
    assert names(widget) == ["赵敏"]
    assert widget.tree.select(TreeNode())
    assert len(names(widget)) == 3


def test_reloading_the_tree_keeps_the_node_and_the_cadre(widget: PersonnelWidget,
                                                         org: Org) -> None:
    # PySide6 6.11 clears the tree's model a row at a time, moving the current node through
    # the other regions; none of that may reach the table as a choice of node.
    assert widget.tree.select(TreeNode(org.zengdu))
    assert widget.table.select(org.zhang)
    chosen: list[TreeNode] = []
    widget.tree.node_changed.connect(chosen.append)
    widget.tree.reload()
    assert chosen == []
    assert widget.tree.current().region_id == org.zengdu
    assert sorted(names(widget)) == sorted(["张三", "李四"])
    assert widget.table.current_id() == org.zhang
    assert widget.detail.cadre_id == org.zhang


def test_tree_filter_box_narrows_the_tree(qtbot: QtBot, widget: PersonnelWidget,
                                          org: Org) -> None:
    type_text(qtbot, widget.tree.filter, "东城")
    qtbot.keyClick(widget.tree.filter, Qt.Key.Key_Return)  # chooses the first match
    assert widget.tree.current().unit_id == org.community
    assert names(widget) == []  # nobody is registered with it yet


def test_not_gone_down_view(qtbot: QtBot, widget: PersonnelWidget) -> None:
    qtbot.mouseClick(widget.table.not_gone_button, Qt.MouseButton.LeftButton)
    shown = names(widget)
    assert "李四" in shown and "赵敏" in shown
    assert "张三" not in shown  # has a visit
    qtbot.mouseClick(widget.table.all_button, Qt.MouseButton.LeftButton)
    assert "张三" in names(widget)


def test_leader_sees_quotas_in_words(widget: PersonnelWidget, org: Org) -> None:
    assert widget.table.select(org.li)
    view = widget.detail.checklist
    assert widget.detail.quota_group.isVisibleTo(widget)
    texts = [line.text() for line in view.quota_lines]
    assert any("解决群众反映强烈问题 0 个" in t and t.startswith("✗") for t in texts)
    assert widget.table.select(org.zhang)
    assert not view.quota_lines
    assert not widget.detail.quota_group.isVisibleTo(widget)


def test_pairing_of_two_branches_with_one_community_is_n_plus_1(
        qtbot: QtBot, widget: PersonnelWidget, org: Org) -> None:
    dialog = widget.pairings.new_pairing()
    opened(qtbot, dialog)
    type_text(qtbot, dialog.community.lineEdit(), "东城社区（曾都区）")
    picker = dialog.branches
    assert picker.model.rowCount() == 2  # bureau branches only, not the community's own
    picker.set_checked({org.branch, org.branch2})
    assert dialog.mode.text().startswith("N+1")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    model = widget.pairings.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "N+1"
    assert model.index(0, 1).data() == "东城社区"
    assert model.index(0, 3).data() == "机关第一党支部、机关第二党支部"


@pytest.mark.parametrize("which", ["cadres", "assignments", "pairings", "tree", "tree filter"])
def test_every_model_passes_the_model_tester(qtmodeltester: ModelTester,
                                             widget: PersonnelWidget, org: Org, db: Database,
                                             which: str) -> None:
    assert widget.table.select(org.zhang)  # 张三 has no assignment yet: give him one
    dialog = widget.detail.add_assignment()
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("community"))
    dialog.unit.set_value(org.community)
    dialog.try_save()
    create_pairing(db, ADMIN, PairingInput(org.community, (org.branch,), VISIT_DAY))
    widget.refresh()
    model = {"cadres": widget.table.model, "assignments": widget.detail.assignment_model,
             "pairings": widget.pairings.model, "tree": widget.tree.model,
             "tree filter": widget.tree.proxy}[which]
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_conflict_offers_reload_and_keeps_input_otherwise(
        qtbot: QtBot, widget: PersonnelWidget, org: Org, db: Database,
        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from db.services import CadreInput, update_cadre
    from tests.ui.personnel.conftest import ADMIN

    dialog = widget.edit_cadre(org.zhang)
    assert dialog is not None
    opened(qtbot, dialog)
    # Another clerk saves first.
    update_cadre(db, ADMIN, org.zhang, CadreInput("张三", "cadre", org.section, org.branch,
                                                  "副科长", "13912345678"), 1)
    dialog.position.setText("主任科员")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.try_save()
    assert dialog.isVisible()
    assert dialog.position.text() == "主任科员"
    assert "已被其他用户修改" in dialog.general_error.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.try_save()
    assert dialog.position.text() == "副科长"  # reloaded
    dialog.position.setText("主任科员")
    qtbot.keyClick(dialog.position, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert widget.detail.values["position"].text() == "主任科员"
    QApplication.processEvents()


def test_new_unit_by_keyboard_appears_in_the_tree(qtbot: QtBot, widget: PersonnelWidget,
                                                   org: Org) -> None:
    assert widget.tree.select(TreeNode(org.suixian, "school")) or widget.tree.select(
        TreeNode(org.suixian))
    dialog = widget.new_unit()
    opened(qtbot, dialog)
    assert dialog.region.currentData() == org.suixian  # from the tree's choice
    dialog.kind.setCurrentIndex(dialog.kind.findData("school"))
    type_text(qtbot, dialog.name, "随县实验小学")
    with qtbot.waitSignal(widget.data_changed):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    node = widget.tree.current()
    assert node.name == "随县实验小学" and node.region_id == org.suixian


def test_duplicate_unit_name_is_refused_next_to_the_name(qtbot: QtBot, widget: PersonnelWidget,
                                                         org: Org) -> None:
    assert widget.tree.select(TreeNode(unit_id=org.school))
    dialog = widget.edit_unit()
    assert dialog is not None
    opened(qtbot, dialog)
    assert dialog.name.text() == "第一中学"
    dialog.name.selectAll()
    type_text(qtbot, dialog.name, "办公室")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "办公室" in dialog.errors["name"].text()
    assert dialog.name.text() == "办公室"
    dialog.reject()


def test_refresh_keeps_the_chosen_cadre(widget: PersonnelWidget, org: Org, db: Database) -> None:
    from db.services import CadreInput, update_cadre
    from tests.ui.personnel.conftest import ADMIN

    assert widget.table.select(org.zhao)
    update_cadre(db, ADMIN, org.zhao, CadreInput("赵敏", "cadre", org.county, None, "股长"), 1)
    widget.refresh()
    assert widget.table.current_id() == org.zhao
    assert widget.detail.values["position"].text() == "股长"


def test_switching_language_retranslates_labels_and_vocabulary(
        widget: PersonnelWidget, org: Org) -> None:
    from desktop.ui.i18n import install_translators

    assert widget.table.select(org.li)
    install_translators("en")  # the autouse fixture switches back to Chinese afterwards
    QApplication.processEvents()
    assert widget.table.all_button.text() == "All cadres"
    assert widget.table.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert widget.table.tier.itemText(1) == "Bureau leadership member"
    assert widget.detail.values["tier"].text() == "Bureau leadership member"
    assert widget.detail.checklist.names["community"].text() == "Registered in one community"
    row = widget.table.model.find_row(org.li)
    assert widget.table.model.index(row, 1).data() == "Bureau leadership member"


def test_change_and_end_an_assignment(qtbot: QtBot, widget: PersonnelWidget, org: Org,
                                      db: Database) -> None:
    from datetime import date

    from db.services import AssignmentInput, add_assignment

    add_assignment(db, ADMIN, AssignmentInput(org.li, org.school, "contact_point", VISIT_DAY))
    assert widget.table.select(org.li)
    detail = widget.detail
    detail.assignments.selectRow(0)
    change = detail.change_assignment()
    assert change is not None
    opened(qtbot, change)
    assert change.unit.value() == org.school
    type_text(qtbot, change.note, "每月一次")
    qtbot.keyClick(change.note, Qt.Key.Key_Return)
    assert not change.isVisible()
    assert detail.assignment_model.row(0).note == "每月一次"

    detail.assignments.selectRow(0)
    assert detail.end_button.isEnabled()
    end = detail.end_assignment()
    assert end is not None
    opened(qtbot, end)
    qtbot.keyClick(end.ended_on, Qt.Key.Key_Return)  # today
    assert not end.isVisible()
    row = detail.assignment_model.row(0)
    assert row.ended_on == date.today()
    detail.assignments.selectRow(0)
    assert not detail.end_button.isEnabled()


def test_a_viewer_reads_but_cannot_open_forms(qtbot: QtBot, db: Database, org: Org) -> None:
    from db.audit import Actor

    viewer = PersonnelWidget(db, Actor("viewer", "viewer", "查看者"))
    qtbot.addWidget(viewer)
    assert len(names(viewer)) == 3
    assert viewer.table.select(org.zhang)
    assert viewer.new_cadre() is None and viewer.edit_cadre() is None
    assert viewer.new_unit() is None and viewer.pairings.new_pairing() is None
    assert viewer.detail.add_assignment() is None
    for button in (viewer.new_cadre_button, viewer.edit_cadre_button, viewer.new_unit_button,
                   viewer.detail.add_button, viewer.detail.edit_button,
                   viewer.pairings.new_button):
        assert not button.isEnabled()
    assert viewer.detail.checklist.is_done("school") is True  # reading works
