"""管理 → 审计日志: filters, before → after, lazy paging, read-only, chain check, who may open."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from db.audit import (
    SYSTEM,
    Actor,
    AuditFilter,
    audit_count,
    audit_page,
    verify_audit_log,
    write_audit,
)
from db.engine import Database
from db.errors import PermissionDenied
from db.services.accounts import UserChanges, list_users, update_user
from desktop.ui.admin.audit_viewer import AuditLogDialog
from desktop.ui.main_window import MainWindow
from tests.added_terms import AREA, add_terms
from tests.ui.admin.conftest import make_user


def _clerk_promoted(db: Database, admin: Actor) -> Actor:
    """A clerk made a leader by the administrator: an update entry with a role change."""
    clerk = make_user(db, admin, "wang", "clerk")
    row = next(r for r in list_users(db, admin) if r.username == "wang")
    update_user(db, admin, row.id, UserChanges("王领导", "leader"), row.version)
    return clerk


def _open(qtbot: QtBot, db: Database, actor: Actor) -> AuditLogDialog:
    dialog = AuditLogDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _texts(dialog: AuditLogDialog, column: int) -> list[str]:
    m = dialog.model
    return [m.index(r, column).data() for r in range(m.rowCount())]


def test_menu_opens_the_viewer_for_an_administrator(
        qtbot: QtBot, db: Database, admin: Actor,
        signed_in: Callable[[Actor], MainWindow]) -> None:
    win = signed_in(admin)
    action = win.actions_["audit_log"]
    assert action.isVisible() and action.text() == "审计日志(&A)…"
    assert win.menus["admin"].menuAction().isVisible()
    action.trigger()
    dialogs = win.findChildren(AuditLogDialog)
    assert len(dialogs) == 1 and dialogs[0].windowTitle() == "审计日志"
    assert dialogs[0].model.rowCount() >= 1
    dialogs[0].close()


def test_before_and_after_of_a_change(qtbot: QtBot, db: Database, admin: Actor,
                                      qtmodeltester: object) -> None:
    _clerk_promoted(db, admin)
    dialog = _open(qtbot, db, admin)
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    # Newest first: the role change is on top.
    assert dialog.model.row(0).summary == "修改用户 wang"
    change = dialog.model.index(0, 7).data()
    assert "角色: 录入员 → 领导" in change and "姓名: WANG → 王领导" in change
    dialog.table.selectRow(0)
    details = dialog.details.toPlainText()
    assert "修改用户 wang" in details and "角色: 录入员 → 领导" in details
    # Read-only: no cell can be edited, and the dialog has no button to change anything.
    m = dialog.model
    for r in range(m.rowCount()):
        for c in range(m.columnCount()):
            assert not m.flags(m.index(r, c)) & Qt.ItemFlag.ItemIsEditable
    assert dialog.details.isReadOnly()
    import db.audit as audit_module

    assert not [n for n in dir(audit_module) if n.startswith(("delete", "update", "edit"))]


def test_filters_by_user_kind_of_change_record_and_dates(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    _clerk_promoted(db, admin)
    wang = next(r for r in list_users(db, admin) if r.username == "wang")
    dialog = _open(qtbot, db, admin)
    everything = dialog.model.total()
    assert everything is not None and everything >= 3

    dialog.user.setCurrentIndex(dialog.user.findData("admin"))
    dialog.action.setCurrentIndex(dialog.action.findData("update"))
    dialog.apply_filters()
    assert _texts(dialog, 2) and set(_texts(dialog, 2)) == {"admin"}
    assert set(_texts(dialog, 3)) == {"修改"}
    assert dialog.count_label.text() == f"共 {dialog.model.total()} 条"

    dialog.clear_filters()
    assert dialog.model.total() == everything
    dialog.kind.setCurrentIndex(dialog.kind.findData("app_user"))
    dialog.record.setText(str(wang.id)[:8])
    dialog.apply_filters()
    assert {dialog.model.row(r).record_id for r in range(dialog.model.rowCount())} == {
        str(wang.id)}
    assert dialog.model.rowCount() == 2  # created, then promoted

    dialog.clear_filters()
    tomorrow = date.today() + timedelta(days=1)
    dialog.date_from.setDate(tomorrow)
    dialog.apply_filters()
    assert dialog.model.rowCount() == 0 and dialog.count_label.text() == "共 0 条"
    # From yesterday: the entries above may have been written just before midnight.
    dialog.date_from.setDate(date.today() - timedelta(days=1))
    dialog.date_to.setDate(date.today())
    dialog.apply_filters()
    assert dialog.model.total() == everything


def test_a_large_log_is_paged_lazily(qtbot: QtBot, db: Database, admin: Actor) -> None:
    with db.transaction() as s:
        for n in range(450):
            write_audit(s, SYSTEM, "update", "visit", uuid.uuid4(), f"第 {n} 条")
    dialog = _open(qtbot, db, admin)
    assert dialog.model.rowCount() == 200 and dialog.model.pages_fetched == 1
    assert dialog.model.total() is not None and dialog.model.total() > 450
    dialog.model.fetchMore()
    assert dialog.model.rowCount() == 400
    seqs = [dialog.model.row(r).seq for r in range(400)]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == 400


def test_verify_chain_reports_intact_then_tampered(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list, sync_worker: None) -> None:
    _clerk_promoted(db, admin)
    dialog = _open(qtbot, db, admin)
    dialog.verify_button.click()
    assert dialog.verify_result.text().startswith("✔ 审计日志完整")
    assert boxes == []
    with db.transaction() as s:
        s.execute(text("UPDATE audit_entry SET summary = '改过' WHERE seq = 2"))
    dialog.verify_button.click()
    assert "被篡改" in dialog.verify_result.text()
    assert boxes[0][0] == "warning" and "第 2 条" in boxes[0][2]


@pytest.mark.parametrize("role", ["clerk", "viewer", "school"])
def test_only_administrators_and_leaders_may_read_the_log(
        qtbot: QtBot, db: Database, admin: Actor, role: str, boxes: list,
        signed_in: Callable[[Actor], MainWindow]) -> None:
    from tests.ui.admin.conftest import school_unit

    kw = {"unit_id": school_unit(db)} if role == "school" else {}
    someone = make_user(db, admin, "someone", role, **kw)
    # The service refuses, whatever the GUI shows.
    with db.session() as s, pytest.raises(PermissionDenied) as refused:
        audit_page(s, someone)
    assert "无权查看审计日志" in refused.value.message
    with db.session() as s, pytest.raises(PermissionDenied):
        audit_count(s, someone)
    with pytest.raises(PermissionDenied):
        verify_audit_log(db, someone)
    with pytest.raises(PermissionDenied):
        AuditLogDialog(db, someone)
    win = signed_in(someone)
    assert not win.actions_["audit_log"].isVisible()
    assert not win.actions_["users"].isVisible()
    from desktop.ui.admin.audit_viewer import open_audit_log

    assert open_audit_log(win, db, someone) is None
    assert boxes[-1][1] == "无权操作" and "无权查看审计日志" in boxes[-1][2]


def test_a_leader_reads_the_log_but_not_care_values_without_the_grant(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    leader = make_user(db, admin, "li", "leader")
    with db.transaction() as s:
        write_audit(s, SYSTEM, "create", "care_record", uuid.uuid4(), "新增关爱对象",
                    after={"person_name": "张小明", "situation": "留守"})
    with db.session() as s:
        rows, _ = audit_page(s, leader, AuditFilter(table_name="care_record"))
    assert rows[0].hidden and rows[0].changes == ()
    dialog = _open(qtbot, db, leader)
    dialog.kind.setCurrentIndex(dialog.kind.findData("care_record"))
    dialog.apply_filters()
    shown = dialog.model.index(0, 7).data()
    assert "张小明" not in shown and "关爱" in shown
    with db.session() as s:
        rows, _ = audit_page(s, admin, AuditFilter(table_name="care_record"))
    assert any(c.after == "张小明" for c in rows[0].changes)


def test_screenshot(qtbot: QtBot, db: Database, admin: Actor, tmp_path: object) -> None:
    _clerk_promoted(db, admin)
    dialog = _open(qtbot, db, admin)
    dialog.table.selectRow(0)
    qtbot.waitExposed(dialog)
    import os

    out = os.environ.get("MQ_SCREENSHOTS")
    if out:
        dialog.grab().save(f"{out}/audit_viewer.png")
    assert not dialog.grab().isNull()


def test_the_admin_menu_stays_hidden_for_a_viewer_after_a_language_switch(
        qtbot: QtBot, db: Database, admin: Actor,
        signed_in: Callable[[Actor], MainWindow]) -> None:
    viewer = make_user(db, admin, "kan", "viewer")
    win = signed_in(viewer)
    boss = signed_in(admin)
    assert not win.menus["admin"].menuAction().isVisible()
    assert boss.menus["admin"].menuAction().isVisible()
    win.set_language("en")
    qtbot.waitUntil(lambda: boss.actions_["audit_log"].text() == "&Audit log…")
    qtbot.waitUntil(lambda: win.menus["admin"].title() == "&Administration")
    assert not win.menus["admin"].menuAction().isVisible()
    assert boss.menus["admin"].menuAction().isVisible()


def test_the_bureaus_added_terms_are_shown_by_their_labels(
        qtbot: QtBot, db: Database, admin: Actor) -> None:
    add_terms(db, admin)
    with db.transaction() as s:
        write_audit(s, SYSTEM, "update", "problem", uuid.uuid4(), "修改问题",
                    {"area": "canteen"}, {"area": AREA.code})
    dialog = _open(qtbot, db, admin)
    assert "领域: 食堂 → 心理健康" in dialog.model.index(0, 7).data()
