"""The three lists driven through their widgets, on a database built with db.services."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.services import (
    EffectInput,
    EvaluationInput,
    TaskInput,
    open_task,
    record_effect,
    record_evaluation,
)
from desktop.ui.lists import ThreeListsWidget
from desktop.ui.lists.common import select_data
from desktop.ui.lists.details import HistoryDialog
from desktop.ui.lists.dialogs import (
    CloseOutDialog,
    EffectDialog,
    EvaluationDialog,
    ProblemDialog,
    ProgressDialog,
    TaskDialog,
)
from desktop.ui.lists.widget import EFFECTS, PROBLEMS, TASKS

from .conftest import ADMIN, CLERK, Org, make_widget


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* key by key; a Chinese character arrives as an input method commits it."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def click(qtbot: QtBot, w: ThreeListsWidget, page: int, name: str) -> None:
    button = w.pages[page].buttons[name]
    assert button.isEnabled(), f"{name} is disabled: {button.toolTip()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select(w: ThreeListsWidget, page: int, record_id: uuid.UUID) -> None:
    w.tabs.setCurrentIndex(page)
    model = w.pages[page].model
    assert model is not None
    row = model.find_row(record_id)
    assert row is not None, "record not in the list"
    w.pages[page].select_row(row)


def save(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def reopen_first(tip: str) -> bool:
    """The tooltip of a disabled edit action says to reopen first (in either language)."""
    return "重新打开" in tip or "reopen" in tip.lower()


def column_texts(w: ThreeListsWidget, page: int, column: int) -> list[str]:
    model = w.pages[page].model
    assert model is not None
    return [model.index(r, column).data() for r in range(model.rowCount())]


def done_task(db: Database, org: Org) -> uuid.UUID:
    task = open_task(db, ADMIN, TaskInput(problem_ids=(org.p1,), title="整改食堂",
                                          resolution_mode="on_site",
                                          responsible_unit_id=org.school))
    record_effect(db, ADMIN, task.id, EffectInput(completed_on=None or task.opened_on,
                                                  result="已调整菜谱"))
    return task.id


# -- the whole flow ------------------------------------------------------------------------------


def test_full_flow_problem_to_close_out(qtbot: QtBot, widget: ThreeListsWidget, org: Org,
                                        warnings: list[tuple[str, str]]) -> None:
    w = widget
    # A standalone problem (信访), typed into the form.
    w.new_item()
    dialog = w.current_dialog
    assert isinstance(dialog, ProblemDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.description, "宿舍热水供应不足")
    dialog.unit.set_value(org.school)
    dialog.area.setCurrentIndex(dialog.area.findData("assistance"))
    dialog.category.setCurrentIndex(dialog.category.findData("welfare"))
    save(qtbot, dialog)
    assert not dialog.isVisible(), [(k, e.text()) for k, e in dialog.errors.items() if e.text()]
    model = w.pages[PROBLEMS].model
    assert model is not None and model.rowCount() == 1  # the jump shows that day only
    new_id = model.row_id(0)
    assert "宿舍热水供应不足" in model.index(0, 4).data()

    # Open a task for it, with the deadline pre-filled from the resolution mode.
    select(w, PROBLEMS, new_id)
    click(qtbot, w, PROBLEMS, "openTask")
    task_dialog = w.current_dialog
    assert isinstance(task_dialog, TaskDialog)
    assert task_dialog.problem_ids() == (new_id,)
    assert "20" in task_dialog.deadline_hint.text()
    task_dialog.title.setText("")
    type_text(qtbot, task_dialog.title, "宿舍热水整改")
    type_text(qtbot, task_dialog.person, "王五")
    task_dialog.unit.set_value(org.school)
    task_dialog.leader.set_value(org.leader)
    save(qtbot, task_dialog)
    assert not task_dialog.isVisible()
    assert w.tabs.currentIndex() == TASKS
    assert w.task is not None and w.task.title == "宿舍热水整改"
    assert w.task.lead_leader == "李四"
    task_id = w.task.id

    # Progress.
    click(qtbot, w, TASKS, "addProgress")
    progress = w.current_dialog
    assert isinstance(progress, ProgressDialog)
    progress.percent.setValue(60)
    type_text(qtbot, progress.note, "已更换热水器")
    save(qtbot, progress)
    select(w, TASKS, task_id)
    assert w.task is not None and w.task.progress_pct == 60
    assert "已更换热水器" in w.pages[TASKS].details.text.toPlainText()

    # Effect.
    click(qtbot, w, TASKS, "recordEffect")
    effect = w.current_dialog
    assert isinstance(effect, EffectDialog)
    type_text(qtbot, effect.result_edit, "热水全天供应")
    save(qtbot, effect)
    select(w, TASKS, task_id)
    assert w.task is not None and w.task.status == "done"

    # Follow-up: satisfied.
    click(qtbot, w, TASKS, "followUp")
    evaluation = w.current_dialog
    assert isinstance(evaluation, EvaluationDialog)
    save(qtbot, evaluation)

    # Close-out by the named approver.
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "closeOut")
    closing = w.current_dialog
    assert isinstance(closing, CloseOutDialog)
    closing.approver.setText("")
    type_text(qtbot, closing.approver, "张局长")
    save(qtbot, closing)
    assert not closing.isVisible(), warnings
    assert warnings == []

    # The task and its problem show 已销号; edit actions are off with a reason.
    select(w, TASKS, task_id)
    assert "已销号" in w.pages[TASKS].model.index(  # type: ignore[union-attr]
        w.pages[TASKS].selected_rows()[0], 1).data()
    assert not w.pages[TASKS].buttons["editTask"].isEnabled()
    assert reopen_first(w.pages[TASKS].buttons["editTask"].toolTip())
    assert w.pages[TASKS].buttons["reopen"].isEnabled()
    w.pages[PROBLEMS].filters.reset()
    select(w, PROBLEMS, new_id)
    row = w.pages[PROBLEMS].selected_rows()[0]
    assert w.pages[PROBLEMS].model.index(row, 1).data() == "✔ 已销号"  # type: ignore[union-attr]
    edit = w.pages[PROBLEMS].buttons["editProblem"]
    assert not edit.isEnabled()
    assert reopen_first(edit.toolTip())
    # The effect list has it, closed, with the approver.
    w.tabs.setCurrentIndex(EFFECTS)
    assert "张局长" in column_texts(w, EFFECTS, 8)


# -- refusals ------------------------------------------------------------------------------------


def test_close_out_without_rating_is_refused(qtbot: QtBot, db: Database, widget: ThreeListsWidget,
                                             org: Org, warnings: list[tuple[str, str]]) -> None:
    task_id = done_task(db, org)
    widget.refresh()
    select(widget, TASKS, task_id)
    click(qtbot, widget, TASKS, "closeOut")
    dialog = widget.current_dialog
    assert isinstance(dialog, CloseOutDialog)
    save(qtbot, dialog)
    assert len(warnings) == 1
    assert "群众评价" in warnings[0][1]
    assert dialog.isVisible()  # kept open, approver kept
    assert dialog.approver.text() == ADMIN.name


def test_clerk_cannot_close_out(qtbot: QtBot, db: Database, org: Org,
                                warnings: list[tuple[str, str]]) -> None:
    task_id = done_task(db, org)
    record_evaluation(db, ADMIN, task_id, EvaluationInput(rating="satisfied"))
    w = make_widget(qtbot, db, CLERK)
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "closeOut")
    save(qtbot, w.current_dialog)
    assert len(warnings) == 1
    title, text = warnings[0]
    assert "无权销号" in text
    assert title  # a heading naming the kind of refusal


def test_unsatisfied_rating_sends_the_task_back(qtbot: QtBot, db: Database,
                                                widget: ThreeListsWidget, org: Org,
                                                warnings: list[tuple[str, str]]) -> None:
    task_id = done_task(db, org)
    widget.refresh()
    select(widget, TASKS, task_id)
    click(qtbot, widget, TASKS, "followUp")
    dialog = widget.current_dialog
    assert isinstance(dialog, EvaluationDialog)
    dialog.rating.setCurrentIndex(dialog.rating.findData("unsatisfied"))
    assert dialog.warning.isVisible()
    save(qtbot, dialog)
    assert not dialog.isVisible(), [(k, e.text()) for k, e in dialog.errors.items() if e.text()]
    assert len(warnings) == 1
    assert "SZ-RW" in warnings[0][1]  # names the task sent back
    select(widget, TASKS, task_id)
    assert widget.task is not None and widget.task.status == "open"
    select(widget, PROBLEMS, org.p1)
    assert widget.problem is not None and widget.problem.status == "in_progress"


def test_field_error_keeps_the_input(qtbot: QtBot, widget: ThreeListsWidget) -> None:
    widget.new_problem()
    dialog = widget.current_dialog
    assert isinstance(dialog, ProblemDialog)
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.reporter_name, "Li")
    # no description, no unit and no region
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["description"].isVisible()
    assert "问题描述" in dialog.errors["description"].text()
    assert dialog.errors["region_id"].isVisible()
    assert dialog.reporter_name.text() == "Li"


def test_merge_keeps_both_linked(qtbot: QtBot, widget: ThreeListsWidget, org: Org) -> None:
    select(widget, PROBLEMS, org.p3)
    click(qtbot, widget, PROBLEMS, "mergeProblem")
    dialog = widget.current_dialog
    with widget.db.session() as s:
        from db.models import Problem
        number = s.get(Problem, org.p1).number  # type: ignore[union-attr]
    type_text(qtbot, dialog.number, number)  # type: ignore[attr-defined]
    save(qtbot, dialog)
    select(widget, PROBLEMS, org.p3)
    assert widget.problem is not None and widget.problem.status == "merged"
    assert not widget.pages[PROBLEMS].buttons["editProblem"].isEnabled()
    links = widget.pages[PROBLEMS].details.links
    assert number in links.item(0).text()
    # Double-click on the link goes to the problem it was merged into.
    widget.pages[PROBLEMS].details.jump.emit("problem", org.p1)
    assert widget.problem is not None and widget.problem.id == org.p1
    assert any("重复" in links.item(i).text() or "merged" in links.item(i).text()
               for i in range(links.count()))


def test_strongly_reported_toggle(qtbot: QtBot, widget: ThreeListsWidget, org: Org) -> None:
    select(widget, PROBLEMS, org.p1)
    click(qtbot, widget, PROBLEMS, "strongProblem")
    select(widget, PROBLEMS, org.p1)
    assert widget.problem is not None and widget.problem.strongly_reported


# -- filters, counts, links, history ----------------------------------------------------------


def test_counts_and_filters(qtbot: QtBot, db: Database, widget: ThreeListsWidget,
                            org: Org) -> None:
    open_task(db, ADMIN, TaskInput(problem_ids=(org.p2,), title="疏导交通",
                                   resolution_mode="supervised",
                                   responsible_unit_id=org.county))
    widget.refresh()
    page = widget.pages[PROBLEMS]
    assert "待办 2" in page.counts.text() and "办理中 1" in page.counts.text()
    assert "已销号 0" in page.counts.text()
    bar = page.filters
    bar.status.setCurrentIndex(bar.status.findData("open"))
    bar.apply_now()
    assert page.model is not None and page.model.rowCount() == 2
    bar.reset()
    select_data(bar.region, org.suixian)
    bar.apply_now()
    assert page.model.rowCount() == 1 and page.model.row_id(0) == org.p2
    bar.reset()
    bar.strong.setChecked(True)
    bar.apply_now()
    assert page.model.rowCount() == 1
    bar.reset()
    widget.focus_search()
    type_text(qtbot, bar.search, "食堂")
    bar.apply_now()
    assert page.model.rowCount() == 2
    # Task list: by resolution mode and by responsible unit; overdue from the status bar.
    tasks = widget.pages[TASKS]
    tasks.filters.mode.setCurrentIndex(tasks.filters.mode.findData("on_site"))
    tasks.filters.apply_now()
    assert tasks.model is not None and tasks.model.rowCount() == 0
    tasks.filters.reset()
    assert tasks.model.rowCount() == 1
    assert "办理中 1" in tasks.counts.text()
    widget.show_overdue()
    assert widget.tabs.currentIndex() == TASKS and tasks.model.rowCount() == 0
    widget.show_due_soon()
    assert tasks.filters.due.currentData() == "due_soon"


def test_double_click_jumps_to_the_linked_task(qtbot: QtBot, db: Database,
                                               widget: ThreeListsWidget, org: Org) -> None:
    task = open_task(db, ADMIN, TaskInput(problem_ids=(org.p1,), title="整改食堂",
                                          resolution_mode="on_site"))
    widget.refresh()
    select(widget, PROBLEMS, org.p1)
    view = widget.pages[PROBLEMS].view
    row = widget.pages[PROBLEMS].selected_rows()[0]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert widget.tabs.currentIndex() == TASKS
    assert widget.task is not None and widget.task.id == task.id
    assert "食堂饭菜偏咸" in widget.pages[TASKS].details.links.item(0).text()


def test_history_newest_first(qtbot: QtBot, db: Database, widget: ThreeListsWidget,
                              org: Org) -> None:
    select(widget, PROBLEMS, org.p1)
    click(qtbot, widget, PROBLEMS, "strongProblem")
    select(widget, PROBLEMS, org.p1)
    click(qtbot, widget, PROBLEMS, "problemHistory")
    dialog = widget.current_dialog
    assert isinstance(dialog, HistoryDialog)
    assert dialog.model.rowCount() == 2
    assert "群众反映强烈" in dialog.model.index(0, 3).data()
    assert "✗ → ✓" in dialog.model.index(0, 4).data()  # the flag, in words, not a column name
    assert "strongly_reported" not in dialog.model.index(0, 4).data()
    assert "登记问题" in dialog.model.index(1, 3).data()


def test_models_pass_the_model_tester(qtmodeltester: object, db: Database,
                                      widget: ThreeListsWidget, org: Org) -> None:
    task_id = done_task(db, org)
    record_evaluation(db, ADMIN, task_id, EvaluationInput(rating="basic"))
    widget.refresh()
    for page in widget.pages:
        assert page.model is not None and page.model.rowCount() >= 1
        qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    select(widget, TASKS, task_id)
    widget.show_history()
    assert isinstance(widget.current_dialog, HistoryDialog)
    qtmodeltester.check(widget.current_dialog.model)  # type: ignore[attr-defined]


@pytest.mark.parametrize("page", [PROBLEMS, TASKS])
def test_ctrl_n_depends_on_the_sub_list(widget: ThreeListsWidget, page: int) -> None:
    widget.tabs.setCurrentIndex(page)
    widget.new_item()
    expected = ProblemDialog if page == PROBLEMS else TaskDialog
    assert isinstance(widget.current_dialog, expected)
    widget.current_dialog.reject()


def test_switching_language_retranslates(qtbot: QtBot, widget: ThreeListsWidget,
                                         org: Org) -> None:
    from desktop.ui.i18n import install_translators

    page = widget.pages[PROBLEMS]
    assert "待办 3" in page.counts.text()
    install_translators("en")
    qtbot.waitUntil(lambda: "Open 3" in page.counts.text())
    assert widget.tabs.tabText(PROBLEMS) == "Problem list"
    assert page.buttons["editProblem"].text() == "Edit"
    assert page.filters.status.itemText(0) == "All statuses"
    assert page.model is not None
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    install_translators("zh_CN")
    qtbot.waitUntil(lambda: "待办 3" in page.counts.text())


def test_one_task_for_several_selected_problems(qtbot: QtBot, widget: ThreeListsWidget,
                                                org: Org, warnings: list[tuple[str, str]]
                                                ) -> None:
    from PySide6.QtCore import QItemSelectionModel

    page = widget.pages[PROBLEMS]
    assert page.model is not None
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for pid in (org.p1, org.p2):
        row = page.model.find_row(pid)
        assert row is not None
        page.view.selectionModel().select(page.model.index(row, 0), flags)
    click(qtbot, widget, PROBLEMS, "openTask")
    dialog = widget.current_dialog
    assert isinstance(dialog, TaskDialog)
    assert set(dialog.problem_ids()) == {org.p1, org.p2}
    save(qtbot, dialog)
    assert warnings == []
    assert widget.task is not None
    assert {p.id for p in widget.task.problems} == {org.p1, org.p2}
    assert "办理中 2" in page.counts.text()
