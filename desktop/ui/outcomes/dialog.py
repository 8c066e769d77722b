"""Entering and editing a write-up of the five batches (实践经验 / 制度机制 / 暖心故事), with the
files that go with it. One service call on save; a refusal keeps everything typed."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.services.outcomes import (
    WRITEUP_BATCHES,
    OutcomeInput,
    OutcomeRow,
    create_outcome,
    update_outcome,
)
from db.vocab import OUTCOME_BATCHES
from desktop.ui.lists.common import SearchCombo, select_data, vocab_label
from desktop.ui.lists.form_base import FormDialog
from desktop.ui.lists.queries import Choice
from desktop.ui.widgets import DateEdit

# Item data: an existing attachment's id (UUID) or a file to add (its path as text).
FileRole = Qt.ItemDataRole.UserRole + 1


class OutcomeDialog(FormDialog):
    def __init__(self, db: Database, actor: Actor, units: list[Choice], batch: str,
                 outcome: OutcomeRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.outcome = outcome
        self.removed: list[uuid.UUID] = []
        self.setWindowTitle(self.tr("Edit a write-up") if outcome else self.tr("New write-up"))
        self.set_intro(self.tr(
            "Attached files are copied into the data folder: the originals may be moved or "
            "deleted afterwards."))
        self.batch = QComboBox()
        for code in WRITEUP_BATCHES:
            self.batch.addItem(vocab_label(OUTCOME_BATCHES, code), code)
        select_data(self.batch, outcome.batch if outcome else batch)
        self.title = QLineEdit(outcome.title if outcome else "")
        self.unit = SearchCombo()
        self.unit.set_items([(f"{u.name}（{u.detail}）" if u.detail else u.name, u.id)
                             for u in units], blank=self.tr("(no particular unit)"))
        self.unit.set_value(outcome.unit_id if outcome else (actor.unit_id or None))
        self.written_on = DateEdit()
        self.written_on.setDate(QDate(outcome.written_on) if outcome else QDate.currentDate())
        self.author = QLineEdit(outcome.author if outcome else actor.name)
        self.body = QPlainTextEdit(outcome.body if outcome else "")
        self.body.setTabChangesFocus(True)
        self.body.setMinimumHeight(180)
        self.files = QListWidget()
        self.files.setObjectName("attachmentList")
        self.files.setMaximumHeight(110)
        if outcome is not None:
            for a in outcome.attachments:
                item = QListWidgetItem(f"📎 {a.file_name}")
                item.setData(FileRole, a.id)
                item.setToolTip(a.sha256)
                self.files.addItem(item)
        self.add_button = QPushButton(self.tr("Add files…"))
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        file_buttons = QVBoxLayout()
        file_buttons.addWidget(self.add_button)
        file_buttons.addWidget(self.remove_button)
        file_buttons.addStretch(1)
        files_box = QWidget()
        row = QHBoxLayout(files_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files, 1)
        row.addLayout(file_buttons)
        self.add_field("batch", self.tr("Batch"), self.batch)
        self.add_field("title", self.tr("Title"), self.title)
        self.add_field("unit_id", self.tr("Unit"), self.unit)
        self.add_field("written_on", self.tr("Written on"), self.written_on)
        self.add_field("author", self.tr("Author"), self.author)
        self.add_field("body", self.tr("Text"), self.body)
        self.add_field("attachments", self.tr("Attachments"), files_box)
        self.setMinimumWidth(640)

    # -- files ----------------------------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"), str(Path.home()))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            item = QListWidgetItem(f"＋ {path.name}")
            item.setData(FileRole, str(path))
            item.setToolTip(str(path))
            self.files.addItem(item)

    def remove_selected(self) -> None:
        for item in self.files.selectedItems():
            data = item.data(FileRole)
            if isinstance(data, uuid.UUID):
                self.removed.append(data)
            self.files.takeItem(self.files.row(item))

    def new_files(self) -> list[Path]:
        return [Path(self.files.item(i).data(FileRole)) for i in range(self.files.count())
                if isinstance(self.files.item(i).data(FileRole), str)]

    # -- saving ---------------------------------------------------------------------------------

    def outcome_input(self) -> OutcomeInput:
        return OutcomeInput(batch=str(self.batch.currentData() or ""), title=self.title.text(),
                            body=self.body.toPlainText(),
                            written_on=self.written_on.date().toPython(),
                            unit_id=self.unit.uuid_value(), author=self.author.text())

    def submit(self) -> Any:
        data = self.outcome_input()
        if self.outcome is None:
            return create_outcome(self.db, self.actor, data, self.new_files())
        return update_outcome(self.db, self.actor, self.outcome.id, self.outcome.version, data,
                              add_files=self.new_files(), remove_attachments=self.removed)
