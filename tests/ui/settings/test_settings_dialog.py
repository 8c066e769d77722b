"""The settings dialog: every page loads and saves, broken settings are refused next to the
field with nothing saved anywhere, non-administrators cannot change the campaign, the size is
remembered, and the menu entry opens it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.audit import Actor
from db.campaign import get_setting
from db.engine import Database
from db.models import AuditEntry
from db.services.settings import load_settings
from db.vocab_extra import label
from desktop.ui.i18n import current_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import DATABASE_PATH_KEY, DATABASE_URL_KEY, FONT_SOURCE_KEY, LANGUAGE_KEY
from desktop.ui.settings_dialog.campaign_pages import (
    AttachmentsPage,
    BackupPage,
    CampaignPage,
    DeadlinesPage,
    QuotasPage,
    VocabularyPage,
)
from desktop.ui.settings_dialog.dialog import GEOMETRY_KEY, SettingsDialog
from desktop.ui.settings_dialog.pc_pages import DatabasePage, FontsPage, LanguagePage
from tests.conftest import PG_URL, empty_pg_server, needs_pg
from tests.db.services.conftest import fingerprint

ADMIN = Actor("local", "admin", "本机用户")


def open_dialog(qtbot: QtBot, db: Database, settings: QSettings,
                actor: Actor = ADMIN) -> SettingsDialog:
    dialog = SettingsDialog(db, actor, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def page(dialog: SettingsDialog, kind: type) -> object:
    return next(p for p in dialog.pages if isinstance(p, kind))


def audit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def test_settings_round_trip(qtbot: QtBot, db: Database, settings: QSettings,
                             tmp_path: Path, sync_worker: None) -> None:
    dialog = open_dialog(qtbot, db, settings)
    campaign = page(dialog, CampaignPage)
    assert campaign.org_name.text() == "随州市教育局"  # loaded
    campaign.org_name.setText("随州市教育局办公室")
    campaign.starts["deepening"].setDate(QDate(2022, 7, 4))
    page(dialog, QuotasPage).spins["quota.leadership.projects_min"].setValue(2)
    deadlines = page(dialog, DeadlinesPage)
    deadlines.spins["deadline.systemic"].setValue(40)
    deadlines.holidays.edit.setDate(QDate(2031, 10, 2))
    deadlines.holidays.add_button.click()
    vocab = page(dialog, VocabularyPage)
    vocab.which.setCurrentIndex(vocab.which.findData("source_channel"))
    vocab.zh.setText("12345 热线")
    vocab.en.setText("Hotline")
    vocab.add_button.click()
    assert vocab.table.item(vocab.table.rowCount() - 1, 2).text() == "新增，未保存"
    page(dialog, BackupPage).folder.setText(str(tmp_path / "备份"))
    page(dialog, FontsPage).system.setChecked(True)
    entries = audit_count(db)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(dialog.saved_changes) >= 7
    with db.session() as s:
        stored = load_settings(s)
        assert get_setting(s, "org.name") == "随州市教育局办公室"
        assert label(s, "source_channel", "x_1") == "12345 热线"
    assert stored.phases[2].starts_on == date(2022, 7, 4)
    assert stored.quotas["quota.leadership.projects_min"] == 2
    assert stored.deadlines["deadline.systemic"] == 40
    assert stored.extra_holidays == (date(2031, 10, 2),)
    assert stored.backup_folder == str(tmp_path / "备份")
    assert audit_count(db) > entries
    assert settings.value(FONT_SOURCE_KEY) == "system"
    # Opened again, every page shows what was saved.
    again = open_dialog(qtbot, db, settings)
    assert page(again, CampaignPage).org_name.text() == "随州市教育局办公室"
    assert page(again, DeadlinesPage).holidays.dates() == (date(2031, 10, 2),)
    assert page(again, FontsPage).system.isChecked()
    vocab = page(again, VocabularyPage)
    vocab.which.setCurrentIndex(vocab.which.findData("source_channel"))
    assert vocab.table.item(vocab.table.rowCount() - 1, 2).text() == "已增加"
    vocab.table.selectRow(vocab.table.rowCount() - 1)
    vocab.remove_button.click()  # a saved term stays
    assert "不能删除" in vocab.message.message()
    assert vocab.table.item(vocab.table.rowCount() - 1, 0).text() == "12345 热线"


@pytest.mark.parametrize(("kind", "field", "breaks", "says"), [
    (CampaignPage, "phase.rollout",
     lambda p: p.ends["rollout"].setDate(QDate(2022, 5, 20)), "请把结束日期改到开始日期之后"),
    (DeadlinesPage, "deadline.on_site",
     lambda p: p.spins["deadline.on_site"].setValue(0), "1 至 250 个工作日"),
    (BackupPage, "backup_folder", None, "请另选一个文件夹"),
    (DeadlinesPage, "escalation.supervision_after_workdays",
     lambda p: p.spins["escalation.supervision_after_workdays"].setValue(0),
     "催办后转为督办前等待的工作日应是 1 至 60 个工作日"),
    (AttachmentsPage, "attachment.max_mb",
     lambda p: p.max_mb.setValue(500), "附件大小上限应是 1 至 200 MB"),
])
def test_a_broken_setting_is_refused_and_nothing_changes(
        qtbot: QtBot, db: Database, settings: QSettings, tmp_path: Path,
        warnings: list[tuple[str, str]], kind: type, field: str, breaks: object,
        says: str) -> None:
    dialog = open_dialog(qtbot, db, settings)
    target = page(dialog, kind)
    if breaks is None:  # a backup folder inside a file: cannot be written
        (tmp_path / "file.txt").write_text("x")
        target.folder.setText(str(tmp_path / "file.txt" / "backups"))
    else:
        breaks(target)
    page(dialog, CampaignPage).org_name.setText("这个修改也不能保存")  # a good change beside it
    page(dialog, LanguagePage).language.setCurrentIndex(1)  # and a PC choice
    before = fingerprint(db)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible()  # still open, with the input kept
    assert fingerprint(db) == before
    assert settings.value(LANGUAGE_KEY) is None and current_language() == "zh_CN"
    [(title, text)] = warnings
    assert title == "设置未保存"
    assert "没有保存任何设置" in text and says in text and "请改正红色提示的内容" in text
    assert says in target.messages[field].message()  # next to the field
    assert dialog.stack.currentWidget().widget() is target  # the page with the problem
    assert dialog.list.item(dialog.pages.index(target)).text().startswith("⚠")


def test_messages_appear_as_you_type(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    dialog = open_dialog(qtbot, db, settings)
    deadlines = page(dialog, DeadlinesPage)
    deadlines.spins["deadline.supervised"].setValue(0)
    qtbot.waitUntil(lambda: bool(deadlines.messages["deadline.supervised"].message()))
    assert "督促解决" in deadlines.messages["deadline.supervised"].message()
    assert "需要改正" in dialog.status.text()
    deadlines.spins["deadline.supervised"].setValue(20)
    qtbot.waitUntil(lambda: not deadlines.messages["deadline.supervised"].message())
    assert dialog.status.text() == ""


def test_non_administrators_cannot_change_the_campaign(qtbot: QtBot, db: Database,
                                                       settings: QSettings) -> None:
    dialog = open_dialog(qtbot, db, settings, Actor("clerk", "clerk", "录入员"))
    assert dialog.banner.isVisible() and "只有管理员可以修改活动设置" in dialog.banner.text()
    for p in dialog.pages:
        assert p.isEnabled() == (not p.stores_campaign)
    before = fingerprint(db)
    page(dialog, LanguagePage).language.setCurrentIndex(1)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert fingerprint(db) == before
    assert settings.value(LANGUAGE_KEY) == "en" and current_language() == "en"


def test_the_database_page_tests_the_server_before_saving(
        qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None,
        warnings: list[tuple[str, str]], tmp_path: Path) -> None:
    dialog = open_dialog(qtbot, db, settings)
    database = page(dialog, DatabasePage)
    database.server.setChecked(True)
    database.url.setText("postgresql+psycopg://clerk:secret@127.0.0.1:1/minqing")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "请先点“测试连接”" in warnings[-1][1]
    database.test_button.click()
    assert "无法连接数据库服务器" in database.url_message.message()
    assert "请检查地址" in database.url_message.message()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and settings.value(DATABASE_URL_KEY) is None
    database.url.setText("mysql://x")
    database.test_button.click()
    assert "postgresql+psycopg://" in database.url_message.message()
    # A local file must be a ledger database.
    database.local.setChecked(True)
    notes = tmp_path / "notes.db"
    notes.write_text("not a database")
    database.path.setText(str(notes))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "不是民情台账的数据库文件" in database.messages["db_path"].message()
    assert settings.value(DATABASE_PATH_KEY) is None
    assert db.path is not None
    database.path.setText(str(db.path))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert settings.value(DATABASE_PATH_KEY) == str(db.path)


@needs_pg
def test_the_database_page_copies_this_pcs_data_to_an_empty_server(
        qtbot: QtBot, db: Database, settings: QSettings, sync_worker: None,
        warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    """设置 → 数据库: once the server has answered, the file in use is copied onto it (after
    a question); a second copy is refused with the server unchanged; saving then switches."""
    from db.engine import open_database

    empty_pg_server()
    asked: list[str] = []

    def yes(_parent: object, _title: str, question: str, *_args: object) -> object:
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    dialog = open_dialog(qtbot, db, settings)
    database = page(dialog, DatabasePage)
    database.server.setChecked(True)
    database.url.setText(PG_URL)
    assert not database.copy_button.isEnabled()  # not before the server has answered
    database.test_button.click()
    assert database.copy_button.isEnabled()
    database.copy_button.click()
    assert str(db.path) in asked[-1] and "必须是空的" in asked[-1]
    assert "已把" in database.result.text() and "复制到服务器" in database.result.text()
    server = open_database(url=PG_URL)
    try:
        assert audit_count(server) == audit_count(db) > 0
        with server.session() as s:
            assert load_settings(s) == load_settings_here(db)
        database.copy_button.click()  # again: the server has data now
        assert "服务器上的数据库已有数据" in warnings[-1][1]
        assert audit_count(server) == audit_count(db)
    finally:
        server.dispose()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert settings.value(DATABASE_URL_KEY) == PG_URL


def load_settings_here(db: Database) -> object:
    with db.session() as s:
        return load_settings(s)


def test_the_dialog_remembers_its_size(qtbot: QtBot, db: Database, settings: QSettings) -> None:
    dialog = open_dialog(qtbot, db, settings)
    dialog.resize(790, 590)  # within the offscreen screen (800 × 600)
    dialog.reject()
    assert settings.value(GEOMETRY_KEY) is not None
    again = open_dialog(qtbot, db, settings)
    assert (again.width(), again.height()) == (790, 590)


def test_the_settings_menu_entry_opens_the_dialog(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[SettingsDialog] = []

    def exec_(self: SettingsDialog) -> int:
        opened.append(self)
        page(self, CampaignPage).org_name.setText("随县教育局")
        self.save()
        return int(self.result())

    monkeypatch.setattr(SettingsDialog, "exec", exec_)
    action = window.actions_["settings"]
    assert action.isEnabled()
    action.trigger()
    assert len(opened) == 1
    assert window.windowTitle() == "随县教育局 — 民情台账"


def test_escalation_response_and_attachment_settings_round_trip(
        qtbot: QtBot, db: Database, settings: QSettings) -> None:
    """The four settings of the escalation work: shown, saved, read back by the services."""
    from db.queries.rates import response_workdays
    from db.services.evidence import max_bytes

    dialog = open_dialog(qtbot, db, settings)
    deadlines = page(dialog, DeadlinesPage)
    spins = deadlines.spins
    assert [spins[k].value() for k in ("escalation.supervision_after_workdays",
                                       "escalation.criticism_after_workdays",
                                       "rates.response_workdays")] == [3, 5, 5]
    attachments = page(dialog, AttachmentsPage)
    assert attachments.max_mb.value() == 20
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())][4] == "附件"
    spins["escalation.supervision_after_workdays"].setValue(2)
    spins["escalation.criticism_after_workdays"].setValue(8)
    spins["rates.response_workdays"].setValue(3)
    attachments.max_mb.setValue(30)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert set(dialog.saved_changes) >= {
        "escalation.supervision_after_workdays", "escalation.criticism_after_workdays",
        "rates.response_workdays", "attachment.max_mb"}
    with db.session() as s:
        assert get_setting(s, "escalation.supervision_after_workdays") == 2
        assert get_setting(s, "escalation.criticism_after_workdays") == 8
        assert response_workdays(s) == 3
        assert max_bytes(s) == 30 * 1024 * 1024
    again = open_dialog(qtbot, db, settings)
    spins = page(again, DeadlinesPage).spins
    assert spins["escalation.criticism_after_workdays"].value() == 8
    assert spins["rates.response_workdays"].value() == 3
    assert page(again, AttachmentsPage).max_mb.value() == 30
