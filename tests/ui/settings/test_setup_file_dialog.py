"""The bureau makes a setup file for a new site from the Data exchange menu; the school's
wizard can read it (tested end to end in tests/ui/wizard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db.audit import Actor
from db.engine import Database
from db.exchange.setup_file import read_setup_file
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog.setup_file_dialog import SetupFileDialog


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    shown: list[tuple[str, str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, kind, lambda _p, title, text, *_a, k=kind: shown.append(
            (k, title, text)))
    return shown


def test_the_menu_entry_makes_a_setup_file(window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           boxes: list[tuple[str, str, str]]) -> None:
    made: list[SetupFileDialog] = []

    def exec_(self: SetupFileDialog) -> int:
        made.append(self)
        self.code.setText("sx01")
        self.name.setText("随县第一中学")
        self.folder.setText(str(tmp_path))
        self.make_button.click()
        return int(self.result())

    monkeypatch.setattr(SetupFileDialog, "exec", exec_)
    assert window.actions_["setup_file"].text() == "为新站点生成设置文件…"
    window.actions_["setup_file"].trigger()
    [dialog] = made
    assert dialog.made == tmp_path / "SZ-setup-SX01.mqsetup"
    setup = read_setup_file(dialog.made)
    assert (setup.code, setup.name, setup.sender.code) == ("SX01", "随县第一中学", "SZ")
    [(kind, title, text)] = boxes
    assert kind == "information" and title == "设置文件已生成"
    assert setup.sender.fingerprint in text and str(dialog.made) in text


def test_bad_input_and_non_administrators_are_refused(
        qtbot: QtBot, db: Database, tmp_path: Path, sync_worker: None,
        boxes: list[tuple[str, str, str]]) -> None:
    dialog = SetupFileDialog(db, Actor("local", "admin", "本机用户"))
    qtbot.addWidget(dialog)
    dialog.code.setText("随县")
    out = tmp_path / "out"
    out.mkdir()
    dialog.folder.setText(str(out))
    dialog.make_button.click()
    assert "只能由字母和数字组成" in dialog.messages["code"].message()
    assert "请填写站点名称" in dialog.messages["name"].message()
    clerk = SetupFileDialog(db, Actor("clerk", "clerk", "录入员"))
    qtbot.addWidget(clerk)
    clerk.code.setText("SX01")
    clerk.name.setText("随县第一中学")
    clerk.folder.setText(str(out))
    clerk.make_button.click()
    assert boxes[-1][0] == "warning" and "只能由管理员" in boxes[-1][2]
    assert list(out.iterdir()) == []
