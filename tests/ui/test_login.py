"""The sign-in dialogs, driven by the keyboard as a clerk would."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.services import accounts
from db.services.accounts import (
    UserInput,
    actor_for,
    authenticate,
    create_first_admin,
    create_user,
)
from desktop.ui.login import FirstAdminDialog, LoginDialog, remembered_actor

ADMIN_PW = "Admin-pass-2026"
CLERK_PW = "clerk-Secret-77"


def tr(context: str, source: str) -> str:
    """The interface text as installed: Chinese once the catalogue has resources/i18n/pending/
    login.json merged, the English source until then. Messages from the services are Chinese
    either way and are compared as such."""
    return QCoreApplication.translate(context, source)


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER",
                        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


@pytest.fixture
def admin(db: Database) -> Actor:
    return actor_for(create_first_admin(db, "admin", "系统管理员", ADMIN_PW))


@pytest.fixture
def clerk(db: Database, admin: Actor) -> Actor:
    return actor_for(create_user(db, admin, UserInput("wangclerk", "王录入", "clerk", CLERK_PW)))


def open_login(qtbot: QtBot, db: Database, settings: QSettings) -> LoginDialog:
    dialog = LoginDialog(db, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves (Tab, setFocus) only when active
    return dialog


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Key by key; QTest knows only ASCII keys (and aborts on others), so a Chinese character
    arrives as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def type_login(qtbot: QtBot, dialog: LoginDialog, username: str, password: str) -> None:
    """Type as a person would: the username, Tab, the password, Enter."""
    dialog.username.setFocus()
    qtbot.keyClicks(dialog.username, username)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    assert dialog.password.hasFocus()
    qtbot.keyClicks(dialog.password, password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)


def test_login_by_keyboard(qtbot: QtBot, db: Database, clerk: Actor,
                           settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    assert dialog.windowTitle() == tr("LoginDialog", "Sign in")
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    type_login(qtbot, dialog, "wangclerk", CLERK_PW)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor == clerk


def test_wrong_password_shows_message_and_keeps_username(
        qtbot: QtBot, db: Database, clerk: Actor, settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    type_login(qtbot, dialog, "wangclerk", "wrong-password")
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.message.isVisible()
    assert "用户名或密码不正确" in dialog.message.message()
    assert "再输错 4 次" in dialog.message.message()
    assert dialog.username.text() == "wangclerk"
    assert dialog.password.text() == "" and dialog.password.hasFocus()
    # Typing the right password now signs in.
    qtbot.keyClicks(dialog.password, CLERK_PW)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.actor == clerk


def test_locked_account_says_until_when(qtbot: QtBot, db: Database, clerk: Actor,
                                        settings: QSettings) -> None:
    for _ in range(accounts.MAX_FAILED_LOGINS - 1):
        with pytest.raises(accounts.LoginRefused):
            authenticate(db, "wangclerk", "wrong-password")
    dialog = open_login(qtbot, db, settings)
    type_login(qtbot, dialog, "wangclerk", "wrong-password")
    assert "已被锁定至" in dialog.message.message()
    assert dialog.actor is None


def test_escape_cancels(qtbot: QtBot, db: Database, clerk: Actor, settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    qtbot.keyClick(dialog.username, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and dialog.actor is None


def test_empty_password_is_asked_for(qtbot: QtBot, db: Database, clerk: Actor,
                                     settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    type_login(qtbot, dialog, "wangclerk", "")
    assert dialog.message.message() == "请输入密码" and dialog.password.hasFocus()


def test_remember_me_signs_in_next_time(qtbot: QtBot, db: Database, clerk: Actor,
                                        settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    dialog.remember.setChecked(True)
    type_login(qtbot, dialog, "wangclerk", CLERK_PW)
    assert remembered_actor(db, settings) == clerk
    # The next dialog knows the username, ticks the box and waits in the password field.
    again = open_login(qtbot, db, settings)
    assert again.username.text() == "wangclerk" and again.remember.isChecked()
    assert again.password.hasFocus()
    # Signing in without the tick forgets this PC.
    again.remember.setChecked(False)
    qtbot.keyClicks(again.password, CLERK_PW)
    qtbot.keyClick(again.password, Qt.Key.Key_Return)
    assert remembered_actor(db, settings) is None


def test_remember_me_is_not_kept_for_admin(qtbot: QtBot, db: Database, admin: Actor,
                                           settings: QSettings) -> None:
    dialog = open_login(qtbot, db, settings)
    dialog.remember.setChecked(True)
    type_login(qtbot, dialog, "admin", ADMIN_PW)
    assert dialog.actor == admin
    assert remembered_actor(db, settings) is None


def open_first_admin(qtbot: QtBot, db: Database) -> FirstAdminDialog:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves (Tab, setFocus) only when active
    return dialog


def test_first_admin_validates_mismatched_passwords(qtbot: QtBot, db: Database) -> None:
    dialog = open_first_admin(qtbot, db)
    assert dialog.username.hasFocus()
    qtbot.keyClicks(dialog.username, "zhangsan")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.display_name, "张三")
    qtbot.keyClick(dialog.display_name, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.password, "1234")
    # As the password is typed, the rule it breaks is named.
    assert "至少需要 8 个字符" in dialog.errors["password"].message()
    qtbot.keyClicks(dialog.password, "5678")
    assert "不能全是数字" in dialog.errors["password"].message()
    qtbot.keyClicks(dialog.password, "abc")
    assert not dialog.errors["password"].isVisible()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.confirm, "12345678abd")
    assert dialog.errors["confirm"].isVisible()
    assert dialog.errors["confirm"].message() == tr(
        "FirstAdminDialog", "The two passwords differ: type the same password twice")
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.actor is None  # nothing created
    with db.session() as s:
        assert not accounts.has_users(s)
    # Correcting the repeat clears the message; Enter creates and signs in.
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.confirm, "c")
    assert not dialog.errors["confirm"].isVisible()
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == "admin"
    assert authenticate(db, "zhangsan", "12345678abc").display_name == "张三"


def test_first_admin_messages_wait_until_a_field_is_touched(qtbot: QtBot,
                                                            db: Database) -> None:
    dialog = open_first_admin(qtbot, db)
    assert not any(e.isVisible() for e in dialog.errors.values())
    qtbot.keyClick(dialog.username, Qt.Key.Key_Return)  # Enter on an empty form
    assert all(dialog.errors[n].isVisible() for n in ("username", "display_name", "password"))
    assert dialog.username.hasFocus()


def test_first_admin_refused_once_someone_can_sign_in(qtbot: QtBot, db: Database,
                                                      admin: Actor) -> None:
    dialog = open_first_admin(qtbot, db)
    for edit, text in ((dialog.username, "intruder"), (dialog.display_name, "某人"),
                       (dialog.password, "intruder-pass-1"), (dialog.confirm, "intruder-pass-1")):
        type_text(qtbot, edit, text)
    qtbot.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert dialog.actor is None and "已有用户账号" in dialog.general.message()
