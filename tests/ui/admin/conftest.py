"""Fixtures of the administration tests: accounts with a cheap hasher, a window signed in."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.audit import SYSTEM, Actor
from db.engine import Database
from db.models import Region
from db.services import accounts
from db.services.accounts import UserInput, actor_for, create_first_admin, create_user
from db.services.org import UnitInput, create_unit
from desktop.ui.main_window import MainWindow

ADMIN_PW = "Admin-pass-2026"
FAST = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # argon2id, test speed only


@pytest.fixture(autouse=True)
def fast_hasher(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASHER", FAST)


@pytest.fixture
def admin(db: Database) -> Actor:
    return actor_for(create_first_admin(db, "admin", "系统管理员", ADMIN_PW))


def make_user(db: Database, admin: Actor, username: str, role: str, **kw: object) -> Actor:
    return actor_for(create_user(db, admin, UserInput(username, username.upper(), role,
                                                      "pass-" + username + "-1", **kw)))


def school_unit(db: Database, name: str = "第一中学") -> object:
    with db.session() as s:
        region = s.execute(select(Region.id).where(Region.code == "zengdu")).scalar_one()
    return create_unit(db, SYSTEM, UnitInput(name, "school", region)).id


@pytest.fixture
def signed_in(qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None
              ) -> Callable[[Actor], MainWindow]:
    """A main window over ``db`` worked by the given actor."""

    def make(actor: Actor) -> MainWindow:
        win = MainWindow(settings=settings)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.attach_database(db, actor=actor)
        return win

    return make


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str, str]]]:
    """Message boxes recorded instead of shown; question() answers Yes."""
    shown: list[tuple[str, str, str]] = []

    def fake(kind: str, answer: QMessageBox.StandardButton) -> Callable[..., object]:
        def show(parent: object, title: str, text: str, *args: object) -> object:
            shown.append((kind, title, text))
            return answer
        return show

    for kind in ("critical", "warning", "information"):
        monkeypatch.setattr(QMessageBox, kind, fake(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    yield shown
