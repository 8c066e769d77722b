"""The three lists' dialogs, one service call each: problems (create, edit, merge), tasks
(open, edit), progress, effect, the people's evaluation (回访), close-out (销号) and reopening."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from db.audit import Actor
from db.campaign import get_setting
from db.engine import Database
from db.queries.paging import short
from db.services import (
    EffectInput,
    EvaluationInput,
    ProblemInput,
    ProgressInput,
    TaskChanges,
    TaskInput,
    add_progress,
    close_out,
    create_problem,
    merge_problem,
    open_task,
    record_effect,
    record_evaluation,
    reopen,
    update_problem,
    update_task,
)
from db.vocab import (
    FOLLOWUP_METHODS,
    RATINGS,
    REPORTER_TYPES,
    RESOLUTION_MODES,
)
from db.vocab_extra import FIXED, Vocabularies, load_vocabularies
from db.workdays import add_workdays
from desktop.ui.lists.common import (
    SearchCombo,
    fill_vocab_combo,
    problem_status_text,
    select_data,
)
from desktop.ui.lists.form_base import FormDialog
from desktop.ui.lists.queries import (
    Choice,
    EffectInfo,
    LinkedProblem,
    ProblemDetail,
    TaskDetail,
    find_problem_by_number,
)
from desktop.ui.widgets import ERROR_STYLE, DateEdit, combo_code, to_date, to_qdate

PROBLEM_ID_ROLE = Qt.ItemDataRole.UserRole  # a problem's id on its line in the task form


@dataclass
class Choices:
    """What the pickers offer, read once per refresh of the lists."""

    regions: list[Choice] = field(default_factory=list)
    units: list[Choice] = field(default_factory=list)
    cadres: list[Choice] = field(default_factory=list)
    leaders: list[Choice] = field(default_factory=list)
    # Areas, categories and source channels with the terms the bureau added in the settings,
    # for the filter bars (the problem form reads its own when it opens).
    vocabs: Vocabularies = FIXED




def _date_edit(value: date | None = None) -> DateEdit:
    edit = DateEdit()
    edit.setDate(to_qdate(value or date.today()))
    return edit


def _text_edit(text: str = "", height: int = 80) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)  # Tab moves on, as a clerk expects in a form
    edit.setMinimumHeight(height)
    return edit


def _unit_combo(units: list[Choice], blank: str) -> SearchCombo:
    combo = SearchCombo()
    combo.set_items([(f"{u.name}（{u.detail}）" if u.detail else u.name, u.id) for u in units],
                    blank=blank)
    return combo


def _cadre_combo(cadres: list[Choice], blank: str) -> SearchCombo:
    combo = SearchCombo()
    combo.set_items([(f"{c.name}（{c.detail}）" if c.detail else c.name, c.id) for c in cadres],
                    blank=blank)
    return combo


# -- problems -------------------------------------------------------------------------------


class ProblemDialog(FormDialog):
    """A standalone problem (信访、线上、线下、转办), or an edit of any problem."""

    def __init__(self, db: Database, actor: Actor, choices: Choices,
                 detail: ProblemDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.detail = db, actor, detail
        self.setWindowTitle(self.tr("Edit problem {number}").format(number=detail.number)
                            if detail else self.tr("New problem"))
        self.reported_on = _date_edit(detail.reported_on if detail else None)
        with db.session() as s:
            # Read when the dialog opens: a term added in the settings a moment ago is offered.
            self.vocabs = load_vocabularies(s)
        self.source_channel = QComboBox()
        fill_vocab_combo(self.source_channel, self.vocabs.source_channel)
        if detail is None:
            # Problems from visits are entered in the visit log; offer the other channels first.
            select_data(self.source_channel, "petition")
        self.reporter_type = QComboBox()
        fill_vocab_combo(self.reporter_type, REPORTER_TYPES)
        select_data(self.reporter_type, detail.reporter_type if detail else "public")
        self.reporter_name = QLineEdit(detail.reporter_name if detail else "")
        self.reporter_phone = QLineEdit(detail.reporter_phone if detail else "")
        self.unit = _unit_combo(choices.units, self.tr("(no unit)"))
        self.region = QComboBox()
        self.region.addItem(self.tr("(from the unit)"), None)
        for r in choices.regions:
            self.region.addItem(r.name, r.id)
        self.area = QComboBox()
        fill_vocab_combo(self.area, self.vocabs.area)
        self.category = QComboBox()
        fill_vocab_combo(self.category, self.vocabs.category)
        self.description = _text_edit(detail.description if detail else "", 100)
        self.strongly = QCheckBox(self.tr("Strongly reported by the people (群众反映强烈)"))
        self.collected_by = _cadre_combo(choices.cadres, self.tr("(nobody)"))
        if detail is not None:
            select_data(self.source_channel, detail.source_channel)
            self.unit.set_value(detail.unit_id)
            if detail.unit_id is None:
                select_data(self.region, detail.region_id)
            select_data(self.area, detail.area)
            select_data(self.category, detail.category)
            self.strongly.setChecked(detail.strongly_reported)
            self.collected_by.set_value(detail.collected_by_id)
        self.add_field("description", self.tr("Description"), self.description)
        self.add_field("reported_on", self.tr("Reported on"), self.reported_on)
        self.add_field("source_channel", self.tr("Source channel"), self.source_channel)
        self.add_field("unit_id", self.tr("Unit concerned"), self.unit)
        self.add_field("region_id", self.tr("Region"), self.region)
        self.add_field("area", self.tr("Area"), self.area)
        self.add_field("category", self.tr("Category"), self.category)
        self.add_field("strongly_reported", "", self.strongly)
        self.add_field("reporter_type", self.tr("Raised by"), self.reporter_type)
        self.add_field("reporter_name", self.tr("Reporter's name"), self.reporter_name)
        self.add_field("reporter_phone", self.tr("Reporter's phone"), self.reporter_phone)
        self.add_field("collected_by_id", self.tr("Collected by"), self.collected_by)
        self.reporter_name.setPlaceholderText(self.tr("optional; personal data, never published"))
        self.description.setFocus()

    def collect(self) -> ProblemInput:
        return ProblemInput(
            reported_on=to_date(self.reported_on.date()),
            source_channel=combo_code(self.source_channel),
            reporter_type=combo_code(self.reporter_type),
            area=combo_code(self.area), category=combo_code(self.category),
            description=self.description.toPlainText(), unit_id=self.unit.uuid_value(),
            region_id=self.region.currentData() if self.unit.uuid_value() is None else None,
            strongly_reported=self.strongly.isChecked(),
            reporter_name=self.reporter_name.text(), reporter_phone=self.reporter_phone.text(),
            collected_by_id=self.collected_by.uuid_value())

    def submit(self) -> Any:
        data = self.collect()
        if self.detail is None:
            return create_problem(self.db, self.actor, data)
        return update_problem(self.db, self.actor, self.detail.id, data, self.detail.version)


class MergeDialog(FormDialog):
    """Mark a problem as a duplicate of another; both stay on record, linked."""

    def __init__(self, db: Database, actor: Actor, duplicate: ProblemDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.duplicate = db, actor, duplicate
        self.target: LinkedProblem | None = None
        self.setWindowTitle(self.tr("Merge duplicate problem {number}").format(
            number=duplicate.number))
        self.set_intro(self.tr(
            "Problem {number} will be marked as a duplicate of the problem you name below. "
            "Both stay on record and are linked; the duplicate gets no task of its own."
        ).format(number=duplicate.number))
        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("the number of the problem to merge into"))
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.add_field("into_id", self.tr("Merge into"), self.number)
        self.add_field("found", "", self.found)
        self.number.textChanged.connect(self._look_up)

    def _look_up(self, text: str) -> None:
        with self.db.session() as s:
            self.target = find_problem_by_number(s, text) if text.strip() else None
        if self.target is None:
            self.found.setText(self.tr("No problem has this number yet.") if text.strip()
                               else "")
        else:
            self.found.setText(f"{problem_status_text(self.target.status)}  "
                               f"{short(self.target.description, 80)}")

    def submit(self) -> Any:
        from db.errors import FieldError, ValidationError

        if self.target is None:
            raise ValidationError([FieldError(
                "into_id", self.tr("Type the number of an existing problem to merge into."))])
        return merge_problem(self.db, self.actor, self.duplicate.id, self.target.id,
                             self.duplicate.version)


# -- tasks ----------------------------------------------------------------------------------


class TaskDialog(FormDialog):
    """Open a task for one or more problems, or edit an open task."""

    def __init__(self, db: Database, actor: Actor, choices: Choices,
                 problems: list[LinkedProblem], detail: TaskDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.detail = db, actor, detail
        self.deadline_touched = detail is not None  # an edit keeps its deadline
        self.setWindowTitle(self.tr("Edit task {number}").format(number=detail.number)
                            if detail else self.tr("Open a task"))
        self.problems = QListWidget()
        self.problems.setMaximumHeight(90)
        self.add_number = QLineEdit()
        self.add_number.setPlaceholderText(self.tr("add a problem by its number, then Enter"))
        self.add_number.returnPressed.connect(self._add_by_number)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_selected)
        problem_box = QWidget()
        row = QHBoxLayout(problem_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_number, 1)
        row.addWidget(self.remove_button)
        for p in problems:
            self._add_problem(p)
        self.title = QLineEdit(detail.title if detail else
                               (short(problems[0].description, 40) if problems else ""))
        self.mode = QComboBox()
        fill_vocab_combo(self.mode, RESOLUTION_MODES)
        select_data(self.mode, detail.resolution_mode if detail else "supervised")
        self.measures = _text_edit(detail.measures if detail else "")
        self.unit = _unit_combo(choices.units, self.tr("(not set)"))
        self.person = QLineEdit(detail.responsible_person if detail else "")
        self.leader = _cadre_combo(choices.leaders, self.tr("(no lead leader)"))
        self.livelihood = QCheckBox(self.tr("Practical project for the people (民生实事项目)"))
        self.opened_on = _date_edit(detail.opened_on if detail else None)
        self.deadline = _date_edit(detail.deadline if detail else None)
        self.deadline_hint = QLabel()
        if detail is not None:
            self.unit.set_value(detail.responsible_unit_id)
            self.leader.set_value(detail.lead_leader_id)
            self.livelihood.setChecked(detail.is_livelihood_project)
            self.opened_on.setEnabled(False)  # fixed once opened
            self.problems.addItems([f"{p.number}  {short(p.description, 50)}"
                                    for p in detail.problems])
            self.add_number.setEnabled(False)
            self.remove_button.setEnabled(False)
        self.add_field("problem_ids", self.tr("Problems"), self.problems)
        self.add_field("add_problem", "", problem_box)
        self.add_field("title", self.tr("Title"), self.title)
        self.add_field("resolution_mode", self.tr("Resolution mode"), self.mode)
        self.add_field("measures", self.tr("Measures"), self.measures)
        self.add_field("responsible_unit_id", self.tr("Responsible unit"), self.unit)
        self.add_field("responsible_person", self.tr("Responsible person"), self.person)
        self.add_field("lead_leader_id", self.tr("Lead leader"), self.leader)
        self.add_field("is_livelihood_project", "", self.livelihood)
        self.add_field("opened_on", self.tr("Opened on"), self.opened_on)
        self.add_field("deadline", self.tr("Deadline"), self.deadline)
        self.add_field("deadline_hint", "", self.deadline_hint)
        self.mode.currentIndexChanged.connect(self._default_deadline)
        self.opened_on.dateChanged.connect(self._default_deadline)
        self.deadline.dateChanged.connect(self._deadline_edited)
        self._default_deadline()
        if detail is not None:
            self.deadline_hint.setText(self.tr(
                "The deadline may be brought forward here; to push it back, use “Extend "
                "deadline…” (a reason and a leader's approval)."))
        self.title.setFocus()

    # -- the problems served ------------------------------------------------------------------

    def problem_ids(self) -> tuple[uuid.UUID, ...]:
        items = (self.problems.item(i) for i in range(self.problems.count()))
        return tuple(item.data(PROBLEM_ID_ROLE) for item in items
                     if item.data(PROBLEM_ID_ROLE) is not None)

    def _add_problem(self, p: LinkedProblem) -> None:
        if p.id in self.problem_ids():
            return
        item = QListWidgetItem(f"{p.number}  {problem_status_text(p.status)}  "
                               f"{short(p.description, 50)}")
        item.setData(PROBLEM_ID_ROLE, p.id)
        self.problems.addItem(item)

    def _add_by_number(self) -> None:
        number = self.add_number.text().strip()
        if not number:
            return
        with self.db.session() as s:
            found = find_problem_by_number(s, number)
        if found is None:
            self.errors["add_problem"].show_messages(
                [self.tr("No problem has the number {number}.").format(number=number)])
            return
        self.errors["add_problem"].show_messages([])
        self._add_problem(found)
        self.add_number.clear()

    def _remove_selected(self) -> None:
        for item in self.problems.selectedItems():
            self.problems.takeItem(self.problems.row(item))

    # -- the deadline -------------------------------------------------------------------------

    def default_deadline(self) -> date:
        """Opening date + the mode's default working days (the settings "deadline.<mode>")."""
        mode = combo_code(self.mode) or "supervised"
        with self.db.session() as s:
            days = get_setting(s, f"deadline.{mode}")
            return add_workdays(s, to_date(self.opened_on.date()),
                                int(days if days is not None else 20))

    def _default_deadline(self, *_args: object) -> None:
        if self.deadline_touched:
            return
        value = self.default_deadline()
        self.deadline.blockSignals(True)
        self.deadline.setDate(to_qdate(value))
        self.deadline.blockSignals(False)
        with self.db.session() as s:
            days = get_setting(s, f"deadline.{combo_code(self.mode) or 'supervised'}")
        self.deadline_hint.setText(self.tr(
            "Default for this resolution mode: {days} working days; you may change it."
        ).format(days=days))

    def _deadline_edited(self, *_args: object) -> None:
        self.deadline_touched = True
        self.deadline_hint.setText(self.tr("Deadline set by hand."))

    def submit(self) -> Any:
        common: dict[str, Any] = dict(
            title=self.title.text(), resolution_mode=combo_code(self.mode),
            measures=self.measures.toPlainText(), responsible_unit_id=self.unit.uuid_value(),
            responsible_person=self.person.text(), lead_leader_id=self.leader.uuid_value(),
            is_livelihood_project=self.livelihood.isChecked(),
            deadline=to_date(self.deadline.date()))
        if self.detail is None:
            return open_task(self.db, self.actor, TaskInput(
                problem_ids=self.problem_ids(), opened_on=to_date(self.opened_on.date()),
                **common))
        return update_task(self.db, self.actor, self.detail.id, TaskChanges(**common),
                           self.detail.version)


class ProgressDialog(FormDialog):
    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        self.setWindowTitle(self.tr("Progress of task {number}").format(number=task.number))
        self.set_intro(task.title)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(task.progress_pct)
        self.note = _text_edit()
        self.noted_on = _date_edit()
        self.add_field("note", self.tr("Progress note"), self.note)
        self.add_field("percent", self.tr("Percent done"), self.percent)
        self.add_field("noted_on", self.tr("Date"), self.noted_on)
        self.note.setFocus()

    def submit(self) -> Any:
        return add_progress(self.db, self.actor, self.task.id, ProgressInput(
            percent=self.percent.value(), note=self.note.toPlainText(),
            noted_on=to_date(self.noted_on.date())))


class EffectDialog(FormDialog):
    """The effect of a task: result, completion date and a note on the evidence."""

    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        effect: EffectInfo | None = task.effect
        self.setWindowTitle(self.tr("Effect of task {number}").format(number=task.number))
        self.set_intro(task.title)
        self.result_edit = _text_edit(effect.result if effect else "", 100)
        self.completed_on = _date_edit(effect.completed_on if effect else None)
        self.evidence = QLineEdit(effect.evidence_note if effect else "")
        self.evidence.setPlaceholderText(self.tr("e.g. photos before and after, the notice"))
        self.add_field("result", self.tr("Result"), self.result_edit)
        self.add_field("completed_on", self.tr("Completed on"), self.completed_on)
        self.add_field("evidence_note", self.tr("Evidence"), self.evidence)
        from desktop.ui.lists.evidence import EvidenceBox

        self.evidence_box = EvidenceBox(db, actor, effect.id if effect else None,
                                        read_only=task.status == "closed")
        self.add_field("evidence_files", self.tr("Evidence files"), self.evidence_box)
        self.result_edit.setFocus()

    def submit(self) -> Any:
        effect = self.task.effect
        return record_effect(self.db, self.actor, self.task.id, EffectInput(
            completed_on=to_date(self.completed_on.date()),
            result=self.result_edit.toPlainText(),
            evidence_note=self.evidence.text()),
            expected_version=effect.version if effect else None)


class EvaluationDialog(FormDialog):
    """回访: who was asked, how, and their rating. “不满意” sends a done task back to work."""

    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        self.setWindowTitle(self.tr("Follow-up of task {number}").format(number=task.number))
        self.set_intro(task.title)
        self.rating = QComboBox()
        fill_vocab_combo(self.rating, RATINGS)
        select_data(self.rating, "satisfied")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.respondent = QLineEdit()
        self.respondent.setPlaceholderText(self.tr("who was asked; never published"))
        self.respondent_type = QComboBox()
        fill_vocab_combo(self.respondent_type, REPORTER_TYPES)
        select_data(self.respondent_type, "public")
        self.method = QComboBox()
        fill_vocab_combo(self.method, FOLLOWUP_METHODS)
        select_data(self.method, "phone")
        self.asked = QSpinBox()
        self.asked.setRange(0, 100000)
        self.asked.setValue(1)
        self.evaluated_on = _date_edit()
        self.note = QLineEdit()
        self.add_field("rating", self.tr("Rating"), self.rating)
        self.add_field("rating_warning", "", self.warning)
        self.add_field("respondent", self.tr("Who was asked"), self.respondent)
        self.add_field("respondent_type", self.tr("Respondent type"), self.respondent_type)
        self.add_field("method", self.tr("How"), self.method)
        self.add_field("asked_count", self.tr("People asked"), self.asked)
        self.add_field("evaluated_on", self.tr("Date"), self.evaluated_on)
        self.add_field("note", self.tr("Comments"), self.note)
        self.rating.currentIndexChanged.connect(self._rating_changed)
        self._rating_changed()
        self.rating.setFocus()

    def rating_code(self) -> str:
        return combo_code(self.rating)

    def _rating_changed(self, *_args: object) -> None:
        unhappy = combo_code(self.rating) == "unsatisfied"
        self.warning.setText(self.tr(
            "⚠ An unsatisfied rating sends the task back to work: a new effect and a new "
            "follow-up are needed before it can be closed out.") if unhappy else "")
        self.warning.setVisible(unhappy)

    def submit(self) -> Any:
        return record_evaluation(self.db, self.actor, self.task.id, EvaluationInput(
            rating=combo_code(self.rating), asked_count=self.asked.value(),
            respondent=self.respondent.text(), respondent_type=combo_code(self.respondent_type),
            method=combo_code(self.method), evaluated_on=to_date(self.evaluated_on.date()),
            note=self.note.text()))


class CloseOutDialog(FormDialog):
    """销号: the named approver signs the task (and its problems) off."""

    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        self.setWindowTitle(self.tr("Close out task {number}").format(number=task.number))
        self.set_intro(self.tr(
            "Closing out needs an effect, a follow-up rating that is not “unsatisfied”, and a "
            "named approver. The task's problems are closed out with it; closed items stay on "
            "record, read-only."))
        self.approver = QLineEdit(actor.name)
        self.closed_on = _date_edit()
        self.add_field("approver", self.tr("Approver"), self.approver)
        self.add_field("closed_on", self.tr("Closed on"), self.closed_on)
        self.save_button.setText(self.tr("Close out"))
        self.approver.setFocus()
        self.approver.selectAll()

    def submit(self) -> Any:
        return close_out(self.db, self.actor, self.task.id, self.approver.text(),
                         to_date(self.closed_on.date()), expected_version=self.task.version)


class ReopenDialog(FormDialog):
    def __init__(self, db: Database, actor: Actor, task: TaskDetail,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.task = db, actor, task
        self.setWindowTitle(self.tr("Reopen task {number}").format(number=task.number))
        self.set_intro(self.tr("The task and its problems go back to work. Say why: the reason "
                               "is kept in the history."))
        self.reason = _text_edit()
        self.add_field("reason", self.tr("Reason"), self.reason)
        self.save_button.setText(self.tr("Reopen"))
        self.reason.setFocus()

    def submit(self) -> Any:
        return reopen(self.db, self.actor, self.task.id, self.reason.toPlainText(),
                      expected_version=self.task.version)
