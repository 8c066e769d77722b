"""Deadline extension, the escalation ladder, the three rates and evidence files, driven through
the lists' widgets on a database built with db.services."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select as sql_select

from db.engine import Database
from db.models import Setting, Task
from db.paths import attachments_dir
from db.services import (
    EvaluationInput,
    TaskInput,
    close_out,
    open_task,
    record_evaluation,
)
from desktop.ui.lists import ThreeListsWidget
from desktop.ui.lists.common import select_data
from desktop.ui.lists.details import HistoryDialog
from desktop.ui.lists.dialogs import EffectDialog
from desktop.ui.lists.escalation import EscalationDialog, ExtensionDialog
from desktop.ui.lists.evidence import EvidenceBox, EvidenceDialog
from desktop.ui.lists.widget import EFFECTS, PROBLEMS, TASKS

from .conftest import ADMIN, CLERK, Org, make_widget
from .test_lists import click, done_task, save, select, type_text

DEADLINE = date(2022, 9, 30)  # Friday before National Day 2022


def late_task(db: Database, org: Org) -> uuid.UUID:
    return open_task(db, ADMIN, TaskInput(
        problem_ids=(org.p1,), title="整改食堂价格", resolution_mode="supervised",
        responsible_unit_id=org.school, lead_leader_id=org.leader,
        opened_on=date(2022, 9, 5), deadline=DEADLINE)).id


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def column(w: ThreeListsWidget, page: int, title: str) -> int:
    model = w.pages[page].model
    assert model is not None
    titles = [model.headerData(i, Qt.Orientation.Horizontal)
              for i in range(model.columnCount())]
    return titles.index(title)


def cell(w: ThreeListsWidget, page: int, record_id: uuid.UUID, title: str) -> str:
    model = w.pages[page].model
    assert model is not None
    row = model.find_row(record_id)
    assert row is not None
    return str(model.index(row, column(w, page, title)).data())


def deadline_of(db: Database, task_id: uuid.UUID) -> date:
    with db.session() as s:
        task = s.get(Task, task_id)
        assert task is not None
        return task.deadline


# -- extension ------------------------------------------------------------------------------


def test_extension_needs_a_reason_and_shows_in_the_history(
        qtbot: QtBot, db: Database, org: Org, warnings: list[tuple[str, str]]) -> None:
    task_id = late_task(db, org)
    w = make_widget(qtbot, db, ADMIN)
    w.tabs.setCurrentIndex(TASKS)
    assert cell(w, TASKS, task_id, "督办等级") == "⚠ 已逾期"
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "extendDeadline")
    dialog = w.current_dialog
    assert isinstance(dialog, ExtensionDialog)
    qtbot.waitExposed(dialog)
    assert "2022-09-30" in dialog.intro.text()
    assert dialog.approver.currentData() is None  # the administrator approves it himself

    # No reason: refused next to the field, the dialog stays, nothing changes.
    dialog.set_new_deadline(date(2022, 10, 21))
    assert "12 个工作日" in dialog.days_hint.text()  # the holiday week does not count
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "延期原因" in dialog.errors["reason"].text()
    # Not later than the deadline: refused too.
    type_text(qtbot, dialog.reason, "等待财政拨款")
    dialog.set_new_deadline(DEADLINE)
    assert "不晚于" in dialog.days_hint.text()
    save(qtbot, dialog)
    assert dialog.isVisible() and "必须晚于" in dialog.errors["new_deadline"].text()
    assert deadline_of(db, task_id) == DEADLINE

    dialog.set_new_deadline(date(2022, 10, 21))
    dialog.approved_on.setDate(qdate(date(2022, 9, 28)))
    save(qtbot, dialog)
    assert not dialog.isVisible() and warnings == []
    assert deadline_of(db, task_id) == date(2022, 10, 21)
    select(w, TASKS, task_id)
    details = w.pages[TASKS].details.text.toPlainText()
    assert "延期与督办" in details
    assert "办结时限 2022-09-30 → 2022-10-21，审批人 管理员：等待财政拨款" in details

    click(qtbot, w, TASKS, "taskHistory")
    history = w.current_dialog
    assert isinstance(history, HistoryDialog)
    summary = history.model.index(0, 3).data()
    assert "2022-09-30 延至 2022-10-21" in summary and "等待财政拨款" in summary
    assert "审批人：管理员" in summary
    assert history.model.index(0, 2).data() == "延期"
    assert "办结时限: 2022-09-30 → 2022-10-21" in history.model.index(0, 4).data()


def test_a_clerk_cannot_approve_an_extension(qtbot: QtBot, db: Database, org: Org,
                                             warnings: list[tuple[str, str]]) -> None:
    task_id = late_task(db, org)
    w = make_widget(qtbot, db, CLERK)
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "extendDeadline")
    dialog = w.current_dialog
    assert isinstance(dialog, ExtensionDialog)
    assert dialog.approver.count() == 1 and "本人，录入员" in dialog.approver.currentText()
    type_text(qtbot, dialog.reason, "等待财政拨款")
    save(qtbot, dialog)
    assert dialog.isVisible()
    ((_title, text),) = warnings
    assert "录入员" in text and "领导或管理员" in text and "审批人" in text
    assert deadline_of(db, task_id) == DEADLINE
    dialog.reject()


def test_edit_cannot_push_the_deadline_back(qtbot: QtBot, db: Database, org: Org,
                                            warnings: list[tuple[str, str]]) -> None:
    task_id = late_task(db, org)
    w = make_widget(qtbot, db, ADMIN)
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "editTask")
    dialog = w.current_dialog
    assert "延期" in dialog.deadline_hint.text()  # type: ignore[union-attr]
    dialog.deadline.setDate(qdate(date(2022, 10, 31)))  # type: ignore[union-attr]
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert "请使用“延期”" in dialog.errors["deadline"].text()  # type: ignore[union-attr]
    assert deadline_of(db, task_id) == DEADLINE
    dialog.reject()


# -- the ladder -------------------------------------------------------------------------------


def _step(qtbot: QtBot, w: ThreeListsWidget, task_id: uuid.UUID, kind: str,
          day: date) -> EscalationDialog:
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "escalate")
    dialog = w.current_dialog
    assert isinstance(dialog, EscalationDialog) and dialog.kind == kind
    dialog.taken_on.setDate(qdate(day))
    return dialog


def test_the_ladder_step_by_step(qtbot: QtBot, db: Database, org: Org,
                                 warnings: list[tuple[str, str]]) -> None:
    task_id = late_task(db, org)
    w = make_widget(qtbot, db, ADMIN)
    button = w.pages[TASKS].buttons["escalate"]
    select(w, TASKS, task_id)
    assert button.text() == "催办…"

    chase = _step(qtbot, w, task_id, "chase", date(2022, 10, 8))
    assert "最早可于 2022-10-08" in chase.intro.text()
    save(qtbot, chase)
    assert not chase.isVisible(), warnings
    assert cell(w, TASKS, task_id, "督办等级") == "✉ 已催办"
    select(w, TASKS, task_id)
    assert button.text() == "督办…"
    assert "✉ 管理员 发出催办通知" in w.pages[TASKS].details.text.toPlainText()

    supervise = _step(qtbot, w, task_id, "supervision", date(2022, 10, 10))
    assert "最早可于 2022-10-11" in supervise.intro.text()
    type_text(qtbot, supervise.reason, "催办后仍未整改")
    save(qtbot, supervise)  # no supervisor chosen
    assert supervise.isVisible() and "督办人" in supervise.errors["supervisor_id"].text()
    supervise.supervisor.set_value(org.leader)
    save(qtbot, supervise)  # too early: two working days after the chase notice
    assert supervise.isVisible()
    assert "最早 2022-10-11" in warnings[-1][1]
    supervise.taken_on.setDate(qdate(date(2022, 10, 11)))
    save(qtbot, supervise)
    assert not supervise.isVisible()
    assert cell(w, TASKS, task_id, "督办等级") == "⚑ 督办中"
    select(w, TASKS, task_id)
    assert "⚑ 由 李四 督办" in w.pages[TASKS].details.text.toPlainText()

    criticise = _step(qtbot, w, task_id, "criticism", date(2022, 10, 18))
    type_text(qtbot, criticise.reason, "督办后仍未整改")
    save(qtbot, criticise)
    assert not criticise.isVisible()
    assert cell(w, TASKS, task_id, "督办等级") == "✖ 通报批评"
    select(w, TASKS, task_id)
    assert not button.isEnabled() and "最高一级" in button.toolTip()

    # Filter by stage: the task is at "criticism", still overdue, and escalated.
    bar = w.pages[TASKS].filters
    model = w.pages[TASKS].model
    assert model is not None
    expected = {"criticism": 1, "chase": 0, "supervision": 0, "escalated": 1, "overdue": 1,
                "due_soon": 0}
    found = {}
    for code in expected:
        bar.reset()
        bar.due.setCurrentIndex(bar.due.findData(code))
        bar.apply_now()
        found[code] = model.rowCount()
    assert found == expected
    texts = [bar.due.itemText(i) for i in range(bar.due.count())]
    assert texts[1:6] == ["◷ 即将到期", "⚠ 已逾期（全部）", "✉ 已催办", "⚑ 督办中", "✖ 通报批评"]
    w.show_escalated()
    assert bar.due.currentData() == "escalated" and model.rowCount() == 1

    from desktop.ui.record_counts import record_counts

    with db.session() as s:
        assert record_counts(s).escalated == 1


def test_escalation_refused_on_closed_tasks(qtbot: QtBot, db: Database, org: Org) -> None:
    task_id = done_task(db, org)
    record_evaluation(db, ADMIN, task_id, EvaluationInput(rating="satisfied"))
    close_out(db, ADMIN, task_id, "李局长")
    w = make_widget(qtbot, db, ADMIN)
    select(w, TASKS, task_id)
    for name in ("extendDeadline", "escalate"):
        button = w.pages[TASKS].buttons[name]
        assert not button.isEnabled() and "重新打开" in button.toolTip()
    assert cell(w, TASKS, task_id, "督办等级") == ""  # closed tasks leave the ladder


def test_status_bar_counts_escalated_tasks(qtbot: QtBot, window: object, db: Database,
                                           org: Org) -> None:
    """The main window's status bar adds the escalated count to the overdue one."""
    from db.services.escalation import EscalationInput, escalate

    task_id = late_task(db, org)
    escalate(db, ADMIN, task_id, EscalationInput("chase", date(2022, 10, 8)))
    window.refresh_counts()  # type: ignore[attr-defined]  (synchronous worker in tests)
    assert window.counts.escalated == 1  # type: ignore[attr-defined]
    assert window.overdue_button.text() == "⚠ 逾期：1 · 催办督办 1"  # type: ignore[attr-defined]


# -- the three rates --------------------------------------------------------------------------


def test_rates_panel_follows_the_filter(qtbot: QtBot, db: Database, org: Org) -> None:
    # p1 gets a task the day it was reported (on time); p2 and p3 none.
    open_task(db, ADMIN, TaskInput(problem_ids=(org.p1,), title="整改食堂",
                                   resolution_mode="on_site", lead_leader_id=org.leader,
                                   opened_on=date(2022, 6, 10)))
    w = make_widget(qtbot, db, ADMIN)
    panel = w.rates
    assert panel.response.text() == "响应率 33.3%（1/3，5 个工作日内立项）"
    assert panel.resolution.text() == "· 解决率 0.0%（0/3 已销号）"
    assert panel.satisfaction.text() == "· 满意率 —（0/0 次评价为满意或基本满意）"
    bar = w.pages[PROBLEMS].filters
    select_data(bar.region, org.suixian)
    bar.apply_now()
    assert panel.response.text().startswith("响应率 0.0%（0/1")
    # On the task list: the lead leader's problems.
    w.tabs.setCurrentIndex(TASKS)
    tasks = w.pages[TASKS].filters
    tasks.leader.set_value(org.leader)
    tasks.apply_now()
    assert panel.response.text().startswith("响应率 100.0%（1/1")
    assert panel.rates is not None and panel.rates.problems == 1


# -- evidence files ---------------------------------------------------------------------------


def _yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def test_evidence_add_open_remove_from_the_effect_dialog(
        qtbot: QtBot, db: Database, org: Org, tmp_path: Path,
        warnings: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    task_id = done_task(db, org)
    w = make_widget(qtbot, db, ADMIN)
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "recordEffect")
    dialog = w.current_dialog
    assert isinstance(dialog, EffectDialog)
    box = dialog.evidence_box
    assert box.add_button.isEnabled() and box.count() == 0
    original = tmp_path / "整改后照片.png"
    original.write_bytes(b"\x89PNG evidence")
    opened: list[Path] = []
    box.choose_file = lambda: str(original)
    box.open_file = opened.append
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    assert warnings == [] and box.count() == 1
    assert "整改后照片.png" in box.list.item(0).text()
    (copy,) = [p for p in attachments_dir().rglob("*.png")]
    assert copy.read_bytes() == original.read_bytes()
    original.unlink()
    qtbot.mouseClick(box.open_button, Qt.MouseButton.LeftButton)
    assert opened == [copy]

    # Oversize: refused with the limit and what to do; the list is unchanged.
    with db.transaction() as s:
        s.execute(sql_select(Setting).where(Setting.key == "attachment.max_mb")
                  ).scalar_one().value = "1"
    big = tmp_path / "录像.mp4"
    big.write_bytes(b"0" * (1024 * 1024 + 10))
    box.choose_file = lambda: str(big)
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    ((title, text),) = warnings
    assert title == "文件未添加" and "超过了佐证材料的上限 1.0 MB" in text and "压缩" in text
    assert box.count() == 1
    dialog.reject()

    # From the list: the evidence dialog, and the count in the details.
    w.refresh()
    select(w, EFFECTS, w.pages[EFFECTS].model.row_id(0))  # type: ignore[union-attr]
    assert "佐证材料 1 个" in w.pages[EFFECTS].details.text.toPlainText()
    click(qtbot, w, EFFECTS, "evidence")
    ev = w.current_dialog
    assert isinstance(ev, EvidenceDialog)
    ev.box.list.setCurrentRow(0)
    _yes(monkeypatch)
    qtbot.mouseClick(ev.box.remove_button, Qt.MouseButton.LeftButton)
    assert ev.box.count() == 0
    ev.reject()
    select(w, TASKS, task_id)
    assert "佐证材料 0 个" in w.pages[TASKS].details.text.toPlainText()


def test_evidence_of_a_closed_task_is_read_only(
        qtbot: QtBot, db: Database, org: Org, tmp_path: Path,
        warnings: list[tuple[str, str]]) -> None:
    task_id = done_task(db, org)
    record_evaluation(db, ADMIN, task_id, EvaluationInput(rating="satisfied"))
    close_out(db, ADMIN, task_id, "李局长")
    w = make_widget(qtbot, db, ADMIN)
    select(w, TASKS, task_id)
    click(qtbot, w, TASKS, "evidence")
    dialog = w.current_dialog
    assert isinstance(dialog, EvidenceDialog)
    assert not dialog.box.add_button.isEnabled()
    assert "已销号" in dialog.box.hint.text()
    dialog.reject()
    # Even a box that offers Add (an old window left open) is refused by the service.
    assert w.task is not None and w.task.effect is not None
    box = EvidenceBox(db, ADMIN, w.task.effect.id)
    qtbot.addWidget(box)
    (tmp_path / "补充.pdf").write_bytes(b"%PDF-1.4")
    box.choose_file = lambda: str(tmp_path / "补充.pdf")
    box.add()
    ((_title, text),) = warnings
    assert "已销号，不能修改" in text and box.count() == 0
