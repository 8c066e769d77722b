"""The first-run wizard, driven like a clerk: typing, Next, Finish; the database it makes; and
that cancelling or running it again never leaves a half-made or overwritten database."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLineEdit, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.campaign import get_setting, local_site
from db.engine import Database, open_database
from db.exchange import list_peers
from db.exchange.setup_file import write_setup_file
from db.models import Phase, Unit
from db.paths import backup_dir, default_db_path
from db.services import accounts
from db.services.accounts import authenticate
from db.services.settings import load_settings
from desktop.ui.wizard import DEMO_DATA, EXISTING, NEW, FirstRunWizard
from desktop.ui.wizard import pages as P
from tests.conftest import region_id

PASSWORD = "Suizhou2022"


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=8,
                                                          parallelism=1))


@pytest.fixture
def wizard(qtbot: QtBot, sync_worker: None) -> FirstRunWizard:
    w = FirstRunWizard(default_db_path(), backup_dir())
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def type_into(qtbot: QtBot, widget: QLineEdit, text: str) -> None:
    """Type *text* as a user would; Chinese arrives through the input method, as one insert
    (QTest can only press keys of ASCII characters)."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.setFocus()
        widget.insert(text)


def fill_site(qtbot: QtBot, w: FirstRunWizard) -> None:
    page = w.site_page
    type_into(qtbot, page.org_name, "随县教育局")
    type_into(qtbot, page.code, "sx01")
    type_into(qtbot, page.name, "随县第一中学")
    type_into(qtbot, page.parent_code, "sx")


def fill_admin(qtbot: QtBot, w: FirstRunWizard) -> None:
    page = w.admin_page
    type_into(qtbot, page.username, "WangLi")
    type_into(qtbot, page.display_name, "王丽")
    type_into(qtbot, page.password, PASSWORD)
    type_into(qtbot, page.confirm, PASSWORD)


def to_summary(qtbot: QtBot, w: FirstRunWizard) -> None:
    """From the welcome page to the summary: a new site, the campaign as offered, an
    administrator, the backup folder as offered."""
    w.next()
    fill_site(qtbot, w)
    w.next()
    w.next()
    fill_admin(qtbot, w)
    w.next()
    w.next()


def finish(w: FirstRunWizard) -> None:
    w.button(QWizard.WizardButton.FinishButton).click()


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_new_site_from_start_to_finish(qtbot: QtBot, wizard: FirstRunWizard,
                                       tmp_path: Path) -> None:
    w = wizard
    assert w.currentId() == P.START and w.start_page.new_site.isChecked()
    w.next()
    assert w.currentId() == P.SITE
    fill_site(qtbot, w)
    w.next()
    assert w.currentId() == P.CAMPAIGN
    campaign = w.campaign_page
    campaign.year.setValue(2023)  # the plan's dates follow the year
    assert campaign.starts["mobilisation"].date() == QDate(2023, 5, 15)
    campaign.starts["mobilisation"].setDate(QDate(2023, 5, 10))
    w.next()
    assert w.currentId() == P.ADMIN
    fill_admin(qtbot, w)
    w.next()
    assert w.currentId() == P.BACKUP
    type_into(qtbot, w.backup_page.folder, str(tmp_path / "U盘备份"))
    w.backup_page.keep.setValue(12)
    w.next()
    assert w.currentId() == P.FINISH
    summary = w.finish_page.summary.text()
    assert "SX01 随县第一中学（学校）" in summary and "上级站点：SX" in summary
    assert "动员部署：2023-05-10 — 2023-05-31" in summary
    assert not default_db_path().exists()  # nothing is written before Finish
    finish(w)
    assert w.result() == QWizard.DialogCode.Accepted
    assert w.result_ is not None and w.result_.kind == NEW
    assert w.result_.actor is not None and w.result_.actor.username == "wangli"
    assert w.result_.actor.role == "admin"
    db = open_database(default_db_path())
    try:
        with db.session() as s:
            site = local_site(s)
            assert site is not None
            assert (site.code, site.name, site.level, site.parent_code) == (
                "SX01", "随县第一中学", "school", "SX")
            assert get_setting(s, "org.name") == "随县教育局"
            settings = load_settings(s)
            assert settings.year == 2023
            assert settings.phases[0].starts_on == date(2023, 5, 10)
            assert (settings.backup_folder, settings.backup_keep) == (
                str(tmp_path / "U盘备份"), 12)
            assert s.execute(select(func.count()).select_from(Phase)).scalar_one() == 4
        assert authenticate(db, "wangli", PASSWORD).role == "admin"
    finally:
        db.dispose()
    assert files_in(default_db_path().parent) == ["minqing.db"]  # no partial file left


def test_every_page_says_what_is_wrong_before_going_on(qtbot: QtBot,
                                                        wizard: FirstRunWizard) -> None:
    w = wizard
    w.next()
    page = w.site_page
    type_into(qtbot, page.code, "随县")  # not letters and digits
    w.next()
    assert w.currentId() == P.SITE  # Next shows every message and stays
    assert "站点代码只能由字母和数字组成" in page.messages["code"].message()
    assert "请填写站点名称" in page.messages["name"].message()
    assert "请填写上级教育局的站点代码" in page.messages["parent_code"].message()
    # As the user types, the messages go away one by one.
    fill_site(qtbot, w)
    assert not page.messages["code"].isVisible() and not page.messages["parent_code"].message()
    page.level.setCurrentIndex(page.level.findData("city"))  # a city bureau has no parent
    assert not page.parent_code.isEnabled() and page.problems() == {}
    w.next()
    campaign = w.campaign_page
    campaign.ends["rollout"].setDate(QDate(campaign.year.value(), 5, 20))
    message = campaign.messages["phase.rollout"].message()
    assert "早于开始日期" in message and "请把结束日期改到开始日期之后" in message
    w.next()
    assert w.currentId() == P.CAMPAIGN
    campaign.set_year_defaults(campaign.year.value())
    w.next()
    admin = w.admin_page
    type_into(qtbot, admin.display_name, "王丽")
    type_into(qtbot, admin.password, "12345678")
    assert "不能全是数字" in admin.messages["password"].message()
    type_into(qtbot, admin.password, PASSWORD)
    type_into(qtbot, admin.confirm, PASSWORD + "x")
    assert "两次输入的密码不一致" in admin.messages["confirm"].message()
    w.next()
    assert w.currentId() == P.ADMIN


def test_cancelling_half_way_leaves_no_database(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    w = wizard
    w.next()
    fill_site(qtbot, w)
    w.next()
    w.next()
    fill_admin(qtbot, w)
    w.reject()
    assert w.result_ is None
    assert not default_db_path().exists()
    assert files_in(default_db_path().parent) == []


def test_a_failed_build_leaves_no_database(qtbot: QtBot, wizard: FirstRunWizard,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import db.services.settings as service

    real_save = service.save_settings
    disk_full = [True]

    def save(*args: object, **kwargs: object) -> object:
        from db.errors import DatabaseUnavailableError

        if disk_full[0]:
            raise DatabaseUnavailableError(
                "磁盘空间已满，本次操作未保存，已有数据未受影响。请清理磁盘空间后重试。")
        return real_save(*args, **kwargs)  # type: ignore[arg-type]

    w = wizard
    to_summary(qtbot, w)
    monkeypatch.setattr(service, "save_settings", save)
    finish(w)
    assert w.isVisible() and w.result_ is None  # still on the summary, saying what happened
    message = w.finish_page.error.message()
    assert "数据库没有建立，也没有保存任何内容" in message and "磁盘空间已满" in message
    assert files_in(default_db_path().parent) == []  # the partial file was removed
    disk_full[0] = False
    finish(w)  # the clerk freed some space and tries again
    assert w.result_ is not None and w.result_.kind == NEW and default_db_path().is_file()


def test_running_again_never_overwrites_a_database(qtbot: QtBot, wizard: FirstRunWizard,
                                                   db: Database) -> None:
    """A database that appeared while the wizard was open is opened, not replaced; what an
    interrupted earlier run left behind is cleared when the wizard starts."""
    w = wizard
    to_summary(qtbot, w)
    assert db.path is not None
    db.dispose()
    shutil.copyfile(db.path, default_db_path())
    before = default_db_path().read_bytes()
    finish(w)
    assert w.result_ is not None and w.result_.kind == EXISTING
    assert default_db_path().read_bytes() == before
    assert files_in(default_db_path().parent) == ["minqing.db"]
    leftover = default_db_path().with_name(".minqing.db.wizard-0badf00d.partial")
    leftover.write_bytes(b"half")
    again = FirstRunWizard(default_db_path(), backup_dir())
    qtbot.addWidget(again)
    assert not leftover.exists()


def test_demo_path(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    w = wizard
    w.start_page.open_demo.setChecked(True)
    w.next()
    assert w.currentId() == P.DEMO and w.demo_page.isFinalPage()
    finish(w)
    assert w.result_ is not None and w.result_.kind == DEMO_DATA
    assert not default_db_path().exists()  # the real database is not made for the demo


def test_setup_file_from_the_bureau(qtbot: QtBot, wizard: FirstRunWizard, db: Database,
                                    tmp_path: Path) -> None:
    with db.transaction() as s:
        s.add(Unit(name="随县第一中学", kind="school", region_id=region_id(db, "suixian"),
                   site="SZ"))
    setup = write_setup_file(db, "SX01", "随县第一中学", "school", tmp_path / "u-disk",
                             key_dir=tmp_path / "bureau-keys")
    w = wizard
    w.start_page.import_setup.setChecked(True)
    w.next()
    assert w.currentId() == P.SETUP_FILE
    page = w.setup_page
    broken = tmp_path / "u-disk" / "broken.mqsetup"
    broken.write_bytes(b"PK not really")
    page.path.setText(str(broken))
    assert "不是民情台账的开站设置文件" in page.messages["setup_file"].message()
    w.next()
    assert w.currentId() == P.SETUP_FILE
    page.path.setText(str(setup))
    info = page.info.text()
    assert "SX01 随县第一中学（学校）" in info and "SZ 随州市教育局" in info
    with db.session() as s:
        assert local_site(s) is not None
    from db.exchange import local_identity

    assert local_identity(db, key_dir=tmp_path / "bureau-keys").fingerprint in info
    w.next()
    assert w.currentId() == P.ADMIN
    fill_admin(qtbot, w)
    w.next()
    w.next()
    assert "设置文件" in w.finish_page.summary.text()
    finish(w)
    assert w.result_ is not None and w.result_.kind == NEW
    school = open_database(default_db_path())
    try:
        with school.session() as s:
            site = local_site(s)
            assert site is not None and (site.code, site.parent_code) == ("SX01", "SZ")
            assert s.execute(select(Unit.name)).scalars().all() == ["随县第一中学"]
        assert [p.code for p in list_peers(school)] == ["SZ"]  # the bureau is trusted now
        assert authenticate(school, "wangli", PASSWORD).role == "admin"
    finally:
        school.dispose()


def test_every_page_is_in_chinese(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    """Every page's title and subtitle come translated (a clerk reads no English)."""
    w = wizard
    for page_id in w.pageIds():
        page = w.page(page_id)
        for text in (page.title(), page.subTitle()):
            assert text and any("\u4e00" <= c <= "\u9fff" for c in text), (page_id, text)
    assert w.button(QWizard.WizardButton.NextButton).text().startswith("下一步")
    assert w.windowTitle() == "民情台账 — 首次使用"


def test_a_data_folder_that_cannot_be_written_is_explained(qtbot: QtBot, sync_worker: None,
                                                           tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    w = FirstRunWizard(blocker / "minqing.db", tmp_path / "backups")
    qtbot.addWidget(w)
    w.show()
    to_summary(qtbot, w)
    finish(w)
    assert w.result_ is None and w.isVisible()
    message = w.finish_page.error.message()
    assert "无法在文件夹" in message and "请检查该文件夹是否可写" in message
    assert blocker.read_text() == "x"
