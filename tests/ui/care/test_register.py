"""The care register widget: nothing at all without the grant, the table and its model, the
audit entry "view" on opening a record, entry of a record and a help entry by keyboard,
refusals that keep what was typed."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.audit import Actor
from db.engine import Database
from db.models import AuditEntry, CareEntry, CareRecord, Setting
from desktop.ui.care import CareRegisterWidget
from desktop.ui.care import table as care_table
from desktop.ui.care import widget as care_widget
from tests.ui.care.conftest import ADMIN, NAMES, NO_GRANT, VIEWER, Sample
from tests.ui.visits.keys import press, tab, target, type_text

Key = Qt.Key
NOTICE = "关爱帮扶记录涉及未成年人和健康信息，仅授权人员可见。如需查看，请联系管理员授权。"


def make(qtbot: QtBot, db: Database, actor: Actor) -> CareRegisterWidget:
    w = CareRegisterWidget(db, actor)
    w.add_shortcuts()
    qtbot.addWidget(w)
    w.resize(1300, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitActive(w)
    return w


@pytest.fixture
def widget(qtbot: QtBot, db: Database, sync_worker: None) -> CareRegisterWidget:
    return make(qtbot, db, ADMIN)


def all_texts(root: QWidget) -> str:
    """Every text a user could see anywhere in the widget tree."""
    parts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        parts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
        if isinstance(w, QLineEdit):
            parts += [w.text(), w.placeholderText()]
        if isinstance(w, QPlainTextEdit | QTextEdit):
            parts.append(w.toPlainText())
        if isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            parts += [str(m.index(r, c).data()) for r in range(m.rowCount())
                      for c in range(m.columnCount())]
    return "\n".join(parts)


def view_entries(db: Database) -> list[AuditEntry]:
    with db.session() as s:
        return list(s.execute(select(AuditEntry).where(AuditEntry.action == "view")
                              .order_by(AuditEntry.seq)).scalars())


def counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (s.execute(select(func.count()).select_from(CareRecord)).scalar_one(),
                s.execute(select(func.count()).select_from(CareEntry)).scalar_one())


@pytest.fixture
def no_care_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any read of care data fails the test."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("care data was read")

    for module in (care_widget, care_table):
        for name in ("care_page", "care_count", "care_group_counts", "care_record_detail"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, refuse)
    yield


# -- without the grant -------------------------------------------------------------------------


def test_without_the_grant_nothing_is_shown_and_nothing_read(
        qtbot: QtBot, db: Database, sync_worker: None, no_care_reads: None) -> None:
    w = make(qtbot, db, NO_GRANT)
    assert not w.allowed and w.model is None
    assert w.findChildren(QAbstractItemView) == []
    assert w.notice.text() == NOTICE and w.notice.isVisible()
    texts = all_texts(w)
    assert not any(name in texts for name in NAMES)
    # The window's commands do nothing rather than reveal anything.
    w.refresh()
    w.reload_table()
    w.new_record()
    w.focus_search()
    assert not w.has_unsaved_changes()
    assert view_entries(db) == []


def test_the_setting_opens_the_register(qtbot: QtBot, db: Database, sync_worker: None) -> None:
    with db.transaction() as s:
        row = s.execute(select(Setting).where(Setting.key == "care.visible_by_default")
                        ).scalar_one()
        row.value = json.dumps(True)
    w = make(qtbot, db, NO_GRANT)
    assert w.allowed and w.model is not None and w.model.rowCount() == 3


# -- the table ---------------------------------------------------------------------------------


def test_model_passes_the_model_tester(widget: CareRegisterWidget, qtmodeltester: object
                                       ) -> None:
    assert widget.model is not None
    qtmodeltester.check(widget.model)  # type: ignore[attr-defined]


def test_table_counts_and_filters(qtbot: QtBot, widget: CareRegisterWidget,
                                  sample: Sample) -> None:
    model = widget.model
    assert model is not None
    assert {model.row(n).person_name for n in range(model.rowCount())} == set(NAMES)
    assert widget.count_label.text() == "共 3 人（身心障碍学生 1 · 困难师生 1 · 农村留守儿童 1）"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["对象类别", "姓名", "身份"]
    widget.filters.group.setCurrentIndex(widget.filters.group.findData("disability"))
    widget.filters.apply_now()
    assert [model.row(n).person_name for n in range(model.rowCount())] == ["陈思雨"]
    widget.filters.reset()
    type_text_into(qtbot, widget.filters.search, "刘")
    widget.filters.apply_now()
    assert [model.row(n).person_name for n in range(model.rowCount())] == ["刘建国"]


def type_text_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    type_text(qtbot, text)


def test_opening_a_record_writes_a_view_entry(widget: CareRegisterWidget, db: Database,
                                              sample: Sample) -> None:
    assert view_entries(db) == []
    assert widget.select_record(sample.records["王小明"])
    text = widget.details.toPlainText()
    assert "王小明" in text and "上门家访" in text and "农村留守儿童" in text
    views = view_entries(db)
    assert [(v.username, v.record_id) for v in views] == \
        [("admin", str(sample.records["王小明"]))]
    assert widget.entry_form.title.text() == "为 王小明 登记帮扶情况"


def test_viewer_sees_the_register_without_forms(qtbot: QtBot, db: Database, sync_worker: None,
                                                sample: Sample) -> None:
    w = make(qtbot, db, VIEWER)
    assert w.model is not None and w.model.rowCount() == 3
    assert not w.scroll.isVisible() and not w.edit_button.isVisible()
    w.select_record(sample.records["陈思雨"])
    assert [v.username for v in view_entries(db)] == ["viewer"]


# -- entry by keyboard -------------------------------------------------------------------------


def test_add_a_record_and_a_help_entry_by_keyboard(qtbot: QtBot, widget: CareRegisterWidget,
                                                   db: Database, sample: Sample) -> None:
    form = widget.record_form
    form.focus_first()
    assert target() is form.group
    press(qtbot, Key.Key_End)  # 农村留守儿童, the last group
    tab(qtbot)
    assert target() is form.name
    type_text(qtbot, "赵小燕")
    tab(qtbot, 2)  # the role stays 学生
    assert target() is form.gender
    press(qtbot, Key.Key_End)  # 女
    tab(qtbot)
    assert target() is form.birth_year
    type_text(qtbot, str(date.today().year - 9))
    tab(qtbot)
    assert target() is form.unit
    type_text(qtbot, "万和")
    press(qtbot, Key.Key_Return)  # picks from the list; does not save
    assert form.unit.chosen_id == sample.village_school
    assert counts(db) == (3, 1)
    tab(qtbot)
    assert target() is form.cadre
    type_text(qtbot, "zs")
    press(qtbot, Key.Key_Return)
    assert form.cadre.chosen_id == sample.zhang
    press(qtbot, Key.Key_Return)  # Enter saves
    assert counts(db) == (4, 1)
    with db.session() as s:
        record = s.execute(select(CareRecord).where(CareRecord.person_name == "赵小燕")
                           ).scalar_one()
    assert (record.group, record.gender, record.unit_id, record.responsible_cadre_id) == \
        ("left_behind", "女", sample.village_school, sample.zhang)
    assert record.birth_year == date.today().year - 9
    # The new record is selected and its first help entry is next.
    assert widget.detail is not None and widget.detail.id == record.id
    entry = widget.entry_form
    assert target() is entry.date
    tab(qtbot)
    assert target() is entry.cadre
    type_text(qtbot, "zs")
    press(qtbot, Key.Key_Return)
    tab(qtbot)
    assert target() is entry.help_given
    type_text(qtbot, "送去冬衣和书包")
    press(qtbot, Key.Key_Return)
    assert counts(db) == (4, 2)
    with db.session() as s:
        saved = s.execute(select(CareEntry).where(CareEntry.record_id == record.id)).scalar_one()
    assert (saved.help_given, saved.cadre_id, saved.helped_on) == \
        ("送去冬衣和书包", sample.zhang, date.today())
    assert "送去冬衣和书包" in widget.details.toPlainText()
    assert entry.help_given.text() == ""


def test_refused_record_keeps_everything_and_marks_fields(
        qtbot: QtBot, widget: CareRegisterWidget, db: Database) -> None:
    form = widget.record_form
    form.focus_first()
    press(qtbot, Key.Key_End)  # 农村留守儿童
    tab(qtbot, 4)
    type_text(qtbot, "1990")  # too old for a left-behind child
    tab(qtbot)
    type_text(qtbot, "不存在的学校")
    press(qtbot, Key.Key_Return)
    assert counts(db) == (3, 1)
    assert form.errors["person_name"].text() == "请填写姓名"
    assert "未成年人" in form.errors["birth_year"].text()
    assert form.errors["unit_id"].isVisible()
    assert target() is form.name  # the first bad field
    assert form.birth_year.value() == 1990 and form.unit.text() == "不存在的学校"
    type_text(qtbot, "某")
    assert not form.errors["person_name"].isVisible()


def test_refused_help_entry_and_escape(qtbot: QtBot, widget: CareRegisterWidget, db: Database,
                                      sample: Sample) -> None:
    widget.select_record(sample.records["刘建国"])
    entry = widget.entry_form
    entry.focus_first()
    tab(qtbot, 2)
    press(qtbot, Key.Key_Return)  # nothing typed
    assert counts(db) == (3, 1)
    assert entry.errors["help_given"].text() == "请填写帮扶内容"
    type_text(qtbot, "谈心")
    press(qtbot, Key.Key_Escape)
    assert entry.help_given.text() == "" and counts(db) == (3, 1)


def test_help_being_typed_stays_with_its_record(qtbot: QtBot, widget: CareRegisterWidget,
                                                db: Database, sample: Sample) -> None:
    widget.select_record(sample.records["刘建国"])
    widget.entry_form.help_given.setText("送去慰问金")
    widget.select_record(sample.records["陈思雨"])
    assert widget.entry_form.record is not None
    assert widget.entry_form.record.person_name == "刘建国"
    assert widget.save_entry()
    with db.session() as s:
        saved = s.execute(select(CareEntry).where(CareEntry.help_given == "送去慰问金")
                          ).scalar_one()
    assert saved.record_id == sample.records["刘建国"]


def test_edit_and_end_a_record(qtbot: QtBot, widget: CareRegisterWidget, db: Database,
                               sample: Sample, monkeypatch: pytest.MonkeyPatch) -> None:
    widget.select_record(sample.records["陈思雨"])
    widget.edit_selected()
    form = widget.record_form
    assert form.editing is not None and form.name.text() == "陈思雨"
    assert form.unit.chosen_id == sample.school
    form.situation.setPlainText("听力障碍，已配助听器")
    form.situation.setFocus()
    press(qtbot, Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    with db.session() as s:
        record = s.get(CareRecord, sample.records["陈思雨"])
        assert record is not None and record.situation == "听力障碍，已配助听器"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    widget.filters.state.setCurrentIndex(widget.filters.state.findData("all"))
    widget.filters.apply_now()
    widget.select_record(sample.records["陈思雨"])
    assert widget.end_selected()
    with db.session() as s:
        record = s.get(CareRecord, sample.records["陈思雨"])
        assert record is not None and not record.active
    assert not widget.entry_form.save_button.isEnabled()
    assert QApplication.focusWidget() is not None
