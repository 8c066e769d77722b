"""The deadline dialogs of a task: extending its deadline (a reason and a leader's approval),
and the next step of the escalation ladder (chase notice → supervision → public criticism).
One service call each (db.services.escalation)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from db.audit import Actor
from db.engine import Database
from db.services.escalation import (
    LADDER,
    EscalationInput,
    ExtensionInput,
    approver_users,
    earliest_day,
    escalate,
    extend_deadline,
)
from db.services.permissions import allowed
from db.vocab import ROLES
from db.workdays import WorkCalendar
from desktop.ui.lists.common import stage_text, vocab_label
from desktop.ui.lists.dialogs import (
    Choices,
    _cadre_combo,
    _date_edit,
    _text_edit,
)
from desktop.ui.lists.form_base import FormDialog
from desktop.ui.lists.queries import TaskDetail
from desktop.ui.widgets import to_date, to_qdate

DEFAULT_EXTENSION_WORKDAYS = 10  # what the new-deadline box proposes; the user changes it


def next_step(task: TaskDetail) -> str | None:
    """The ladder step that comes next for *task* ("chase", "supervision", "criticism"), or
    None when it has reached the top."""
    current = task.escalation if task.escalation in LADDER else ""
    i = LADDER.index(current)
    return LADDER[i + 1] if i + 1 < len(LADDER) else None


class ExtensionDialog(FormDialog):
    """延期: a later deadline, the reason, and who approved it (a leader or administrator)."""

    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        self.setWindowTitle(self.tr("Extend the deadline of task {number}").format(
            number=task.number))
        self.set_intro(self.tr(
            "The current deadline is {deadline}. An extension needs a reason and the approval "
            "of a leader or an administrator; the old and new deadlines, the reason and the "
            "approver are kept in the task's history.").format(
                deadline=task.deadline.isoformat()))
        with db.session() as s:
            self.calendar = WorkCalendar.from_session(s)
            users = approver_users(s)
        proposed = self.calendar.add_workdays(task.deadline, DEFAULT_EXTENSION_WORKDAYS)
        self.new_deadline = _date_edit(proposed)
        self.days_hint = QLabel()
        self.reason = _text_edit()
        self.approver = QComboBox()
        me = self.tr("{name} (me, {role})").format(
            name=actor.name, role=vocab_label(ROLES, actor.role))
        self.approver.addItem(me, None)
        for u in users:
            if u.username != actor.username:
                self.approver.addItem(f"{u.display_name}（{vocab_label(ROLES, u.role)}）", u.id)
        if not allowed(actor, "approve") and self.approver.count() > 1:
            self.approver.setCurrentIndex(1)  # a clerk records a leader's approval
        self.approved_on = _date_edit()
        self.add_field("new_deadline", self.tr("New deadline"), self.new_deadline)
        self.add_field("days_hint", "", self.days_hint)
        self.add_field("reason", self.tr("Reason for the extension"), self.reason)
        self.add_field("approver_user_id", self.tr("Approved by"), self.approver)
        self.add_field("approved_on", self.tr("Approved on"), self.approved_on)
        self.save_button.setText(self.tr("Extend"))
        self.new_deadline.dateChanged.connect(self._days)
        self._days()
        self.reason.setFocus()

    def _days(self, *_args: object) -> None:
        new = to_date(self.new_deadline.date())
        days = self.calendar.workdays_between(self.task.deadline, new)
        self.days_hint.setText(self.tr("{n} working days later than now").format(n=days)
                               if days > 0 else
                               self.tr("Not later than the current deadline"))

    def set_new_deadline(self, day: date) -> None:
        self.new_deadline.setDate(to_qdate(day))

    def submit(self) -> Any:
        return extend_deadline(self.db, self.actor, self.task.id, ExtensionInput(
            new_deadline=to_date(self.new_deadline.date()),
            reason=self.reason.toPlainText(), approver_user_id=self.approver.currentData(),
            approved_on=to_date(self.approved_on.date())), expected_version=self.task.version)


class EscalationDialog(FormDialog):
    """The next step up the ladder for a late task: 催办, 督办 (a named supervisor) or 通报."""

    def __init__(self, db: Database, actor: Actor, choices: Choices, task: TaskDetail,
                 kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task, self.kind = db, actor, task, kind
        titles = {
            "chase": self.tr("Chase notice for task {number}"),
            "supervision": self.tr("Put task {number} under supervision"),
            "criticism": self.tr("List task {number} for public criticism"),
        }
        intros = {
            "chase": self.tr("Records that a chase notice (催办) was issued, by you, on the date "
                             "below. The notice itself is printed from the reports."),
            "supervision": self.tr("Names the leader who supervises the task (督办) from now "
                                   "on. Only after a chase notice went unanswered."),
            "criticism": self.tr("Lists the task for public criticism (通报) in the next monthly "
                                 "study. Only after supervision went unanswered."),
        }
        self.setWindowTitle(titles[kind].format(number=task.number))
        with db.session() as s:
            from db.models import Task

            row = s.get(Task, task.id)
            first = earliest_day(s, row, kind) if row is not None else None
        now = stage_text(task.stage) or self.tr("on time")
        intro = intros[kind] + "\n" + self.tr("Deadline {deadline}; now: {stage}.").format(
            deadline=task.deadline.isoformat(), stage=now)
        if first is not None:
            intro += " " + self.tr("Possible from {day} (working days).").format(
                day=first.isoformat())
        self.set_intro(intro)
        self.taken_on = _date_edit()
        self.reason = _text_edit()
        self.add_field("taken_on", self.tr("Date"), self.taken_on)
        self.supervisor = _cadre_combo(choices.leaders, self.tr("(choose the supervisor)"))
        if kind == "supervision":
            self.add_field("supervisor_id", self.tr("Supervisor"), self.supervisor)
        reason_labels = {"chase": self.tr("Note (optional)"),
                         "supervision": self.tr("Why supervised"),
                         "criticism": self.tr("Why criticised")}
        self.add_field("reason", reason_labels[kind], self.reason)
        self.save_button.setText({"chase": self.tr("Record chase notice"),
                                  "supervision": self.tr("Start supervision"),
                                  "criticism": self.tr("List for criticism")}[kind])
        self.reason.setFocus()

    def submit(self) -> Any:
        return escalate(self.db, self.actor, self.task.id, EscalationInput(
            kind=self.kind, taken_on=to_date(self.taken_on.date()),
            reason=self.reason.toPlainText(), supervisor_id=self.supervisor.uuid_value()),
            expected_version=self.task.version)
