"""Evidence files of an effect (佐证材料): the list with Add, Open and Remove, used in the effect
dialog and on its own from the task and effect lists. Each button is one service call, done at
once (db.services.evidence); files are copied into the data folder, never linked."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ValidationError
from db.services.evidence import (
    add_evidence,
    checked_path,
    evidence_files,
    max_bytes,
    remove_evidence,
    size_text,
)
from desktop.ui.lists.common import show_app_error

ID_ROLE = Qt.ItemDataRole.UserRole


class EvidenceBox(QWidget):
    """The evidence files of one effect. ``changed`` fires after an add or a removal.

    ``choose_file`` and ``open_file`` are attributes so a test (or another shell) can answer
    the file dialog and observe the opening without a desktop."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, effect_id: uuid.UUID | None, *,
                 read_only: bool = False, root: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.effect_id = db, actor, effect_id
        self.read_only, self.root = read_only, root
        self.choose_file: Callable[[], str] = self._ask_for_file
        self.open_file: Callable[[Path], object] = self._open_with_desktop
        self.list = QListWidget()
        self.list.setObjectName("evidenceFiles")
        self.list.setMinimumHeight(70)
        self.list.setMaximumHeight(120)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add file…"))
        self.add_button.setObjectName("addEvidence")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openEvidence")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeEvidence")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.add_button.clicked.connect(self.add)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self.list.currentRowChanged.connect(lambda _r: self._update())
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        limit = 0
        if self.effect_id is not None:
            with self.db.session() as s:
                files = evidence_files(s, self.effect_id, root=self.root)
                limit = max_bytes(s)
            for f in files:
                text = f"{f.file_name}  ({size_text(f.size)})" + (f"  {f.note}" if f.note else "")
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, f.id)
                item.setToolTip(f"SHA-256 {f.sha256}")
                self.list.addItem(item)
        if self.effect_id is None:
            self.hint.setText(self.tr("Save the effect first; then add its evidence files."))
        elif self.read_only:
            self.hint.setText(self.tr("Closed out: the evidence can be opened, not changed."))
        else:
            self.hint.setText(self.tr(
                "Files are copied into the data folder at once (up to {size} each); the "
                "originals may be moved or deleted afterwards.").format(size=size_text(limit)))
        self._update()

    def _update(self) -> None:
        selected = self.list.currentItem() is not None
        editable = self.effect_id is not None and not self.read_only
        self.add_button.setEnabled(editable)
        self.remove_button.setEnabled(editable and selected)
        self.open_button.setEnabled(selected)

    def count(self) -> int:
        return self.list.count()

    def _ask_for_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose an evidence file"), "",
            self.tr("Photos, documents and scans (*.jpg *.jpeg *.png *.pdf *.doc *.docx "
                    "*.xls *.xlsx *.ofd *.txt);;All files (*)"))
        return path

    @staticmethod
    def _open_with_desktop(path: Path) -> object:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _selected_id(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def add(self) -> None:
        if self.effect_id is None:
            return
        path = self.choose_file()
        if not path:
            return
        try:
            add_evidence(self.db, self.actor, self.effect_id, Path(path), root=self.root)
        except ValidationError as error:
            QMessageBox.warning(self, self.tr("File not added"),
                                "\n".join(e.message for e in error.errors))
            return
        except AppError as error:
            show_app_error(self, error)
            return
        self.reload()
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()

    def open_selected(self) -> None:
        attachment_id = self._selected_id()
        if attachment_id is None:
            return
        try:
            with self.db.session() as s:
                path = checked_path(s, attachment_id, root=self.root)
        except AppError as error:
            show_app_error(self, error)
            return
        self.open_file(path)

    def remove_selected(self) -> None:
        attachment_id = self._selected_id()
        item = self.list.currentItem()
        if attachment_id is None or item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove evidence"),
            self.tr("Take “{name}” off this effect's evidence? The record of it stays in the "
                    "history.").format(name=item.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove_evidence(self.db, self.actor, attachment_id)
        except AppError as error:
            show_app_error(self, error)
            return
        self.reload()
        self.changed.emit()


class EvidenceDialog(QDialog):
    """The evidence files of a task's effect, on their own (from the lists)."""

    def __init__(self, db: Database, actor: Actor, effect_id: uuid.UUID | None, title: str,
                 *, read_only: bool, root: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Evidence files of {what}").format(what=title))
        self.box = EvidenceBox(db, actor, effect_id, read_only=read_only, root=root)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
