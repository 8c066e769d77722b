"""Entering a visit: keyboard only, type-ahead by pinyin initials, refusals that keep
everything typed, unsaved-changes prompts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.engine import Database
from db.models import Problem, Visit, VisitActivity, VisitCadre
from desktop.ui.i18n import install_translators
from desktop.ui.visits import VisitLogWidget
from tests.ui.visits.conftest import Sample
from tests.ui.visits.keys import focus_on, press, tab, target, type_text

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def counts(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (s.execute(select(func.count()).select_from(Visit)).scalar_one(),
                s.execute(select(func.count()).select_from(Problem)).scalar_one())


def test_record_a_visit_with_a_finding_by_keyboard_only(
        qtbot: QtBot, widget: VisitLogWidget, db: Database, sample: Sample) -> None:
    form = widget.form
    form.focus_first()
    assert target() is form.date  # today's date is already there

    tab(qtbot)
    assert target() is form.cadres.edit
    type_text(qtbot, "zs")  # pinyin initials of 张三
    press(qtbot, Key.Key_Return)  # takes the highlighted cadre
    assert form.cadres.names() == ["张三"]
    assert form.cadres.edit.text() == ""

    tab(qtbot)
    assert target() is form.unit
    type_text(qtbot, "一中")  # anywhere in the name
    press(qtbot, Key.Key_Return)
    assert form.unit.chosen_id == sample.school
    assert form.unit.text() == "第一中学（曾都区）"
    assert counts(db) == (4, 2)  # Enter in the list picked; it did not save

    tab(qtbot)
    assert target() is form.method
    press(qtbot, Key.Key_End)  # 明察暗访, the last method
    tab(qtbot, 3)  # 走进班级, 体验课堂, 暗访食堂
    assert target() is form.activity_boxes["canteen"]
    press(qtbot, Key.Key_Space)
    tab(qtbot, 4)  # the three other activities, then the students
    assert target() is form.students
    type_text(qtbot, "12")
    tab(qtbot)
    type_text(qtbot, "3")
    tab(qtbot)
    type_text(qtbot, "2")
    tab(qtbot)
    assert target() is form.content
    type_text(qtbot, "暗访学校食堂")
    tab(qtbot)
    type_text(qtbot, "学生代表")
    tab(qtbot)
    type_text(qtbot, "饭菜偏贵")
    tab(qtbot)
    assert target() is form.reported
    press(qtbot, Key.Key_Space)

    press(qtbot, Key.Key_Return, CTRL)  # a problem row, its area focused
    assert len(form.problems.rows) == 1
    row = form.problems.rows[0]
    assert target() is row.area
    press(qtbot, Key.Key_Down, times=5)  # 入学 课后 招考 就业 食堂
    tab(qtbot)
    press(qtbot, Key.Key_Down, times=2)  # 教学质量类, 管理服务类
    tab(qtbot)
    assert target() is row.description
    type_text(qtbot, "饭菜价格偏高")
    tab(qtbot, 2)  # the reporter type stays 群众
    assert target() is row.strongly_reported
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Return)  # saves

    assert counts(db) == (5, 3)
    with db.session() as s:
        visit = s.execute(select(Visit).order_by(Visit.sort_key.desc())).scalars().first()
        assert visit is not None
        assert (visit.visit_date, visit.unit_id, visit.method) == \
            (date.today(), sample.school, "inspection")
        assert (visit.students_met, visit.teachers_met, visit.parents_met) == (12, 3, 2)
        assert (visit.content, visit.talked_with, visit.findings) == \
            ("暗访学校食堂", "学生代表", "饭菜偏贵")
        assert visit.reported_to_branch
        assert list(s.execute(select(VisitCadre.cadre_id)
                              .where(VisitCadre.visit_id == visit.id)).scalars()) == [sample.zhang]
        assert list(s.execute(select(VisitActivity.activity)
                              .where(VisitActivity.visit_id == visit.id)).scalars()) == ["canteen"]
        problem = s.execute(select(Problem).where(Problem.visit_id == visit.id)).scalar_one()
        assert (problem.area, problem.category, problem.description) == \
            ("canteen", "management_service", "饭菜价格偏高")
        assert problem.strongly_reported and problem.reporter_type == "public"
        assert problem.source_channel == "inspection" and problem.unit_id == sample.school

    # The table shows it on top, selected; the status says what was saved.
    assert widget.model.row(0).number == visit.number
    assert widget.selected_ids() == [visit.id]
    assert widget.count_label.text() == "共 5 条"
    assert form.status.text() == f"已保存走访 {visit.number}，新增问题 1 个"
    assert problem.number in widget.details.toPlainText()
    # Ready for the next visit of the batch: date and cadres kept, the rest empty.
    assert form.cadres.names() == ["张三"]
    assert form.unit.text() == "" and form.content.toPlainText() == ""
    assert form.problems.rows == []
    assert not widget.has_unsaved_changes()


def test_type_ahead_finds_cadres_by_pinyin_initials_and_by_name(
        qtbot: QtBot, widget: VisitLogWidget) -> None:
    form = widget.form
    focus_on(qtbot, form.cadres.edit)
    type_text(qtbot, "ls")
    popup = form.cadres.edit.completer_.popup()
    assert popup.isVisible()
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert shown == ["李四　办公室·副局长"]
    press(qtbot, Key.Key_Return)
    assert form.cadres.names() == ["李四"]

    type_text(qtbot, "zs")  # 张三 and 赵思 share the initials: both offered, 张三 first
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert [s.split("　")[0] for s in shown] == ["张三", "赵思"]
    press(qtbot, Key.Key_Down)
    press(qtbot, Key.Key_Return)
    assert form.cadres.names() == ["李四", "赵思"]

    type_text(qtbot, "三")  # part of a name
    press(qtbot, Key.Key_Return)
    assert form.cadres.names() == ["李四", "赵思", "张三"]

    type_text(qtbot, "ww")  # 王五 is inactive: not offered for new visits
    assert not popup.isVisible()
    press(qtbot, Key.Key_Backspace, times=3)  # two letters, then the last chip
    assert form.cadres.names() == ["李四", "赵思"]
    assert counts_unchanged(widget)


def counts_unchanged(widget: VisitLogWidget) -> bool:
    return counts(widget.database) == (4, 2)


def test_refused_save_shows_messages_next_to_fields_and_keeps_everything(
        qtbot: QtBot, widget: VisitLogWidget, db: Database, sample: Sample) -> None:
    form = widget.form
    form.focus_first()
    press(qtbot, Key.Key_Up)  # the year part: next year, a future date
    future = form.date.date().toPython()
    assert future > date.today()
    assert form.errors["visit_date"].text() == "走访日期不能晚于今天"  # said as typed
    tab(qtbot, 2)  # no cadre
    type_text(qtbot, "东城")
    press(qtbot, Key.Key_Return)
    tab(qtbot, 10)  # method, six activities, students, teachers, parents
    assert target() is form.parents
    type_text(qtbot, "7")
    tab(qtbot)
    type_text(qtbot, "与家长交流")
    press(qtbot, Key.Key_Return, CTRL)  # a problem with a description but no area
    tab(qtbot, 2)
    type_text(qtbot, "课后服务时间太短")
    before = form.state()

    press(qtbot, Key.Key_Return)  # save: refused

    assert counts(db) == (4, 2)  # nothing written
    assert form.state() == before  # nothing typed is lost
    assert form.errors["visit_date"].isVisible()
    assert form.errors["visit_date"].text() == "走访日期不能晚于今天"
    assert form.errors["cadre_ids"].isVisible()
    assert form.errors["cadre_ids"].text() == "请至少选择一名参加走访的干部"
    assert not form.errors["unit_id"].isVisible()
    row = form.problems.rows[0]
    assert row.error.isVisible()
    assert row.error.text() == "请选择第 1 条问题的问题领域；请选择第 1 条问题的问题类别"
    assert target() is form.date  # the first bad field
    assert form.status.text() == "未保存：请按红字提示修改。"
    assert widget.has_unsaved_changes()

    # Fixing the fields clears their messages, and the save goes through.
    press(qtbot, Key.Key_Down)
    assert not form.errors["visit_date"].isVisible()
    tab(qtbot)
    type_text(qtbot, "zs")
    press(qtbot, Key.Key_Return)
    assert not form.errors["cadre_ids"].isVisible()
    focus_on(qtbot, row.area)
    press(qtbot, Key.Key_Down, times=2)  # 课后
    assert not row.error.isVisible()
    tab(qtbot)
    press(qtbot, Key.Key_Down)  # 教学质量类
    press(qtbot, Key.Key_Return)
    assert counts(db) == (5, 3)
    assert form.status.text().startswith("已保存走访 ")


def test_finding_errors_point_at_their_row(qtbot: QtBot, widget: VisitLogWidget,
                                           sample: Sample) -> None:
    form = widget.form
    form.cadres.add(form.cadres.edit.choices.find(sample.zhang))
    form.unit.select_id(sample.school)
    good, blank, bad = (form.problems.add_row() for _ in range(3))
    good.area.setCurrentIndex(0)
    good.category.setCurrentIndex(0)
    good.description.setText("入学政策宣传不到位")
    bad.category.setCurrentIndex(1)  # no area, no description
    assert not widget.save()
    assert not good.error.isVisible() and not blank.error.isVisible()
    # The blank row was left out, so the service's problems[1] is the third row.
    assert bad.error.text() == "请选择第 2 条问题的问题领域；请填写第 2 条问题的问题描述"
    assert QApplication.focusWidget() is bad.area


def test_enter_in_the_unit_list_picks_and_tab_moves_on(qtbot: QtBot, widget: VisitLogWidget,
                                                       sample: Sample) -> None:
    form = widget.form
    focus_on(qtbot, form.unit)
    type_text(qtbot, "实验")
    press(qtbot, Key.Key_Tab)  # Tab in the open list takes the highlighted unit too
    assert form.unit.chosen_id == sample.other_school
    assert form.unit.text() == "实验小学（随县）"
    type_text(qtbot, "")
    # A typed name that is the only match is taken on leaving the field.
    focus_on(qtbot, form.unit)
    form.unit.selectAll()
    type_text(qtbot, "东城社区")
    press(qtbot, Key.Key_Escape)  # closes the list (not the form)
    assert widget.form.unit.text() == "东城社区"
    focus_on(qtbot, form.talked_with)
    assert form.unit.chosen_id == sample.community
    # Text that names no unit is said to be wrong as soon as the field is left.
    focus_on(qtbot, form.unit)
    form.unit.selectAll()
    type_text(qtbot, "不存在的学校")
    focus_on(qtbot, form.talked_with)
    assert form.unit.chosen_id is None
    assert form.errors["unit_id"].text() == "没有唯一与“不存在的学校”对应的单位，请从列表中选择"


@pytest.mark.parametrize("answer", ["cancel", "discard", "save"])
def test_unsaved_changes_prompt(qtbot: QtBot, widget: VisitLogWidget, db: Database,
                                sample: Sample, monkeypatch: pytest.MonkeyPatch,
                                answer: str) -> None:
    form = widget.form
    assert not widget.has_unsaved_changes() and widget.confirm_discard()
    focus_on(qtbot, form.content)
    type_text(qtbot, "走访记录草稿")
    assert widget.has_unsaved_changes()
    asked: list[str] = []
    buttons = {"cancel": QMessageBox.StandardButton.Cancel,
               "discard": QMessageBox.StandardButton.Discard,
               "save": QMessageBox.StandardButton.Save}

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return buttons[answer]

    monkeypatch.setattr(QMessageBox, "question", question)
    if answer == "save":  # incomplete: the save is refused, so nothing may be dropped
        assert not widget.confirm_discard()
        assert form.content.toPlainText() == "走访记录草稿"
        form.cadres.add(form.cadres.edit.choices.find(sample.li))
        form.unit.select_id(sample.school)
        assert widget.confirm_discard()
        assert counts(db) == (5, 2)
    elif answer == "discard":
        assert widget.confirm_discard()
        assert form.content.toPlainText() == ""
        assert counts(db) == (4, 2)
    else:
        assert not widget.confirm_discard()
        assert form.content.toPlainText() == "走访记录草稿"
    assert asked[0] == "走访表单中有尚未保存的内容，现在保存吗？"


def test_escape_asks_before_emptying_the_form(qtbot: QtBot, widget: VisitLogWidget,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    form = widget.form
    focus_on(qtbot, form.talked_with)
    type_text(qtbot, "校长")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    press(qtbot, Key.Key_Escape)
    assert form.talked_with.text() == "校长"
    press(qtbot, Key.Key_Escape)
    assert form.talked_with.text() == ""
    assert not answers
    assert not widget.has_unsaved_changes()


def test_shortcuts_when_used_outside_the_main_window(
        qtbot: QtBot, widget: VisitLogWidget, db: Database, sample: Sample,
        monkeypatch: pytest.MonkeyPatch) -> None:
    form = widget.form
    focus_on(qtbot, form.cadres.edit)
    type_text(qtbot, "李四")
    press(qtbot, Key.Key_Return)
    tab(qtbot)
    type_text(qtbot, "东城")
    press(qtbot, Key.Key_Return)
    focus_on(qtbot, form.content)
    type_text(qtbot, "入户走访")
    press(qtbot, Key.Key_Return)  # a new line in a multi-line text, not a save
    press(qtbot, Key.Key_S, CTRL)
    assert counts(db) == (5, 2)
    with db.session() as s:
        assert s.execute(select(Visit.content).order_by(Visit.sort_key.desc())
                         ).scalars().first() == "入户走访"  # the trailing new line trimmed
    press(qtbot, Key.Key_F, CTRL)
    assert target() is widget.filters.search
    # Ctrl+N with something typed asks first (here: keep it).
    focus_on(qtbot, form.talked_with)
    type_text(qtbot, "村干部")
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Cancel)
    press(qtbot, Key.Key_N, CTRL)
    assert form.talked_with.text() == "村干部"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: QMessageBox.StandardButton.Discard)
    press(qtbot, Key.Key_N, CTRL)
    assert form.talked_with.text() == "" and form.cadres.names() == []
    assert target() is form.date


def test_escape_from_a_date_combo_or_spin_box_cancels_too(
        qtbot: QtBot, widget: VisitLogWidget, monkeypatch: pytest.MonkeyPatch) -> None:
    form = widget.form
    asked: list[bool] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a: asked.append(True) or QMessageBox.StandardButton.No)
    form.reported.setChecked(True)
    for field in (form.date, form.method, form.students, form.reported):
        focus_on(qtbot, field)
        press(qtbot, Key.Key_Escape)
    assert len(asked) == 4 and form.reported.isChecked()


def test_follows_a_language_switch(qtbot: QtBot, widget: VisitLogWidget) -> None:
    assert widget.form.banner.text() == "新增走访"
    install_translators("en")
    for translator in QCoreApplication.instance().findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)  # ours too (see conftest)
    qtbot.waitUntil(lambda: widget.form.banner.text() == "New visit")
    assert widget.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    assert widget.form.method.currentText() == "Field visit"
    assert widget.form.activity_boxes["canteen"].text() == "Inspect the canteen unannounced"
    assert widget.filters.region.itemText(0) == "All regions"
    assert widget.count_label.text() == "4 visits"
    assert widget.model.index(3, 5).data() == "Open or unannounced inspection"


def test_enter_with_a_typed_name_and_the_list_closed_adds_it_and_does_not_save(
        qtbot: QtBot, widget: VisitLogWidget, db: Database) -> None:
    form = widget.form
    focus_on(qtbot, form.cadres.edit)
    type_text(qtbot, "李四")
    press(qtbot, Key.Key_Escape)  # closes the list only
    assert not form.cadres.edit.popup_visible()
    press(qtbot, Key.Key_Return)
    assert form.cadres.names() == ["李四"]
    type_text(qtbot, "zs")  # two cadres: the list opens again instead
    press(qtbot, Key.Key_Escape)
    press(qtbot, Key.Key_Return)
    assert form.cadres.edit.popup_visible() and form.cadres.names() == ["李四"]
    assert counts(db) == (4, 2)
