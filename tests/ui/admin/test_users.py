"""管理 → 用户管理: list, add, change role, disable, reset password, unlock — and refusals."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.audit import Actor
from db.engine import Database
from db.errors import PermissionDenied
from db.models import AuditEntry
from db.services.accounts import LoginRefused, authenticate, list_users, unlock_user
from desktop.ui.admin.users import PasswordDialog, UserFormDialog, UserManagerDialog
from desktop.ui.main_window import MainWindow
from tests.ui.admin.conftest import make_user, school_unit


def _manager(qtbot: QtBot, db: Database, actor: Actor) -> UserManagerDialog:
    dialog = UserManagerDialog(db, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _fill(form: UserFormDialog, username: str, name: str, role: str, password: str = "",
          unit: str | None = None, care: bool = False) -> None:
    form.username.setText(username)
    form.display_name.setText(name)
    form.role.setCurrentIndex(form.role.findData(role))
    if unit is not None:
        form.unit.setCurrentIndex(form.unit.findText(unit))
    form.care.setChecked(care)
    form.password.setText(password)


def _audit_summaries(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.execute(select(AuditEntry.summary).order_by(AuditEntry.seq)).scalars())


def test_menu_and_list(qtbot: QtBot, db: Database, admin: Actor, qtmodeltester: object,
                       signed_in: Callable[[Actor], MainWindow]) -> None:
    make_user(db, admin, "wang", "clerk")
    win = signed_in(admin)
    assert win.actions_["users"].isVisible() and win.actions_["users"].text() == "用户管理(&U)…"
    win.actions_["users"].trigger()
    dialog = win.findChildren(UserManagerDialog)[0]
    qtmodeltester.check(dialog.model)  # type: ignore[attr-defined]
    m = dialog.model
    rows = [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]
    assert rows[0][:3] == ["admin", "系统管理员", "管理员"] and rows[0][5] == "正常"
    assert rows[1][:3] == ["wang", "WANG", "录入员"]
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())] == [
        "用户名", "姓名", "角色", "所属单位", "关爱台账", "状态"]
    dialog.close()


def test_add_a_school_user_with_care_grant(qtbot: QtBot, db: Database, admin: Actor) -> None:
    unit = school_unit(db)
    dialog = _manager(qtbot, db, admin)
    form = UserFormDialog(db, admin, None, dialog)
    qtbot.addWidget(form)
    _fill(form, "School1", "一中老师", "school", "yizhong-2026", unit="第一中学", care=True)
    form.save()
    assert form.saved and form.error.message() == ""
    user = next(r for r in list_users(db, admin) if r.username == "school1")
    assert user.role == "school" and user.unit_id == unit and user.can_view_care
    assert "新建用户 school1（学校用户）" in _audit_summaries(db)
    assert authenticate(db, "school1", "yizhong-2026").unit_id == unit


@pytest.mark.parametrize("username, role, password, unit, expected", [
    ("admin", "clerk", "good-pass-1", None, "用户名“admin”已被使用"),
    ("zhao", "clerk", "short", None, "密码至少需要 8 个字符"),
    ("zhao", "clerk", "12345678901", None, "密码不能全是数字"),
    ("zhao", "school", "good-pass-1", None, "学校用户必须选择所属学校"),
])
def test_refusals_are_in_chinese_and_nothing_is_saved(
        qtbot: QtBot, db: Database, admin: Actor, username: str, role: str, password: str,
        unit: str | None, expected: str) -> None:
    before = list_users(db, admin)
    form = UserFormDialog(db, admin)
    qtbot.addWidget(form)
    form.show()
    _fill(form, username, "赵六", role, password, unit=unit)
    form.save()
    assert not form.saved and form.isVisible()
    assert expected in form.error.message() and form.error.isVisible()
    assert list_users(db, admin) == before


def test_change_role_and_the_last_administrator_stays(
        qtbot: QtBot, db: Database, admin: Actor, boxes: list) -> None:
    make_user(db, admin, "wang", "clerk")
    dialog = _manager(qtbot, db, admin)
    dialog.select_username("wang")
    wang = dialog.selected()
    assert wang is not None
    form = UserFormDialog(db, admin, wang, dialog)
    qtbot.addWidget(form)
    assert form.username.isReadOnly()
    form.role.setCurrentIndex(form.role.findData("leader"))
    form.save()
    assert form.saved
    assert next(r for r in list_users(db, admin) if r.username == "wang").role == "leader"
    # The only administrator cannot be made anything else...
    dialog.reload()
    dialog.select_username("admin")
    me = dialog.selected()
    assert me is not None
    form = UserFormDialog(db, admin, me, dialog)
    qtbot.addWidget(form)
    form.role.setCurrentIndex(form.role.findData("clerk"))
    form.save()
    assert not form.saved and "唯一可用的管理员" in form.error.message()
    # ...nor disabled (here: it is also the account in use).
    dialog.toggle_button.click()
    assert boxes[-1][0] == "warning" and "不能停用自己" in boxes[-1][2]
    assert next(r for r in list_users(db, admin) if r.username == "admin").active


def test_disable_enable_reset_and_unlock(qtbot: QtBot, db: Database, admin: Actor,
                                         boxes: list) -> None:
    make_user(db, admin, "wang", "clerk")
    dialog = _manager(qtbot, db, admin)
    dialog.select_username("wang")
    assert dialog.toggle_button.text() == "停用(&D)" and not dialog.unlock_button.isEnabled()
    dialog.toggle_button.click()
    assert boxes[-1][0] == "question"
    assert dialog.message.text() == "已停用 wang。"
    with pytest.raises(LoginRefused) as refused:
        authenticate(db, "wang", "pass-wang-1")
    assert refused.value.reason == "inactive"
    assert dialog.model.index(dialog.table.currentIndex().row(), 5).data() == "已停用"
    assert dialog.toggle_button.text() == "启用(&E)"
    dialog.toggle_button.click()
    assert dialog.message.text() == "已启用 wang。"
    authenticate(db, "wang", "pass-wang-1")

    for _ in range(5):
        with pytest.raises(LoginRefused):
            authenticate(db, "wang", "wrong-password")
    dialog.reload()
    dialog.select_username("wang")
    assert dialog.unlock_button.isEnabled()
    assert dialog.model.index(dialog.table.currentIndex().row(), 5).data().startswith("锁定至")
    dialog.unlock_button.click()
    assert dialog.message.text() == "已解锁 wang。"
    authenticate(db, "wang", "pass-wang-1")

    row = dialog.selected()
    assert row is not None
    reset = PasswordDialog(db, admin, row, dialog)
    qtbot.addWidget(reset)
    reset.show()
    reset.password.setText("1234")
    reset.save()
    assert "密码至少需要 8 个字符" in reset.error.message()
    reset.password.setText("temp-pass-99")
    reset.repeat.setText("temp-pass-98")
    reset.save()
    assert reset.error.message() == "两次输入的密码不一致，请输入相同的密码。"
    reset.repeat.setText("temp-pass-99")
    reset.save()
    assert reset.result() == PasswordDialog.DialogCode.Accepted
    assert authenticate(db, "wang", "temp-pass-99").username == "wang"
    summaries = _audit_summaries(db)
    for expected in ("停用用户 wang", "重新启用用户 wang", "管理员解锁了用户 wang",
                     "管理员重置了用户 wang 的密码"):
        assert expected in summaries


@pytest.mark.parametrize("role", ["clerk", "leader", "viewer"])
def test_only_administrators_manage_users(qtbot: QtBot, db: Database, admin: Actor, role: str,
                                          boxes: list,
                                          signed_in: Callable[[Actor], MainWindow]) -> None:
    someone = make_user(db, admin, "someone", role)
    with pytest.raises(PermissionDenied) as refused:
        list_users(db, someone)
    assert "用户账号只能由管理员维护" in refused.value.message
    wang = make_user(db, admin, "wang", "clerk")
    wang_id = next(r.id for r in list_users(db, admin) if r.username == wang.username)
    with pytest.raises(PermissionDenied):
        unlock_user(db, someone, wang_id)
    win = signed_in(someone)
    assert not win.actions_["users"].isVisible()
    from desktop.ui.admin.users import open_user_manager

    assert open_user_manager(win, db, someone) is None
    assert boxes[-1][1] == "无权操作" and "管理员" in boxes[-1][2]


def test_screenshots(qtbot: QtBot, db: Database, admin: Actor) -> None:
    unit = school_unit(db)
    make_user(db, admin, "wang", "clerk")
    make_user(db, admin, "yizhong", "school", unit_id=unit)
    make_user(db, admin, "li", "leader", can_view_care=True)
    dialog = _manager(qtbot, db, admin)
    dialog.select_username("yizhong")
    form = UserFormDialog(db, admin, dialog.selected(), dialog)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    out = os.environ.get("MQ_SCREENSHOTS")
    if out:
        dialog.grab().save(f"{out}/users.png")
        form.grab().save(f"{out}/user_form.png")
    assert dialog.model.rowCount() == 4
