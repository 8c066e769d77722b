"""The bureau's side of "import a setup file from my bureau": make the file for a new site.

The file carries this site's regions, campaign, phases, settings, units, cadres and
assignments, addressed to the new site and signed with this site's key
(``db.exchange.setup_file``). The clerk reads this site's fingerprint to the school over the
phone when the school's wizard shows it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ValidationError
from db.vocab import SITE_LEVELS
from desktop.ui.lists.common import show_app_error
from desktop.ui.login import MessageLabel
from desktop.ui.widgets import note
from desktop.ui.worker import ProgressDialog


class SetupFileDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Setup file for a new site"))
        self.database = database
        self.actor = actor
        self.made: Path | None = None
        self.code = QLineEdit()
        self.code.setObjectName("code")
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("e.g. SX01"))
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.level = QComboBox()
        for term in SITE_LEVELS:
            self.level.addItem(term.zh, term.code)
        self.folder = QLineEdit(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation))
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.messages = {key: MessageLabel() for key in ("code", "name", "level", "folder")}
        form = QFormLayout()
        for label, key, widget in ((self.tr("Site code"), "code", self.code),
                                   (self.tr("Site name"), "name", self.name),
                                   (self.tr("Level"), "level", self.level)):
            box = QVBoxLayout()
            box.addWidget(widget)
            box.addWidget(self.messages[key])
            form.addRow(label, box)
        box = QVBoxLayout()
        box.addLayout(row)
        box.addWidget(self.messages["folder"])
        form.addRow(self.tr("Save in"), box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.make_button = self.buttons.addButton(self.tr("Make the file"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.make)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "For a school or county that installs the program for the first time: its first-run "
            "wizard imports this file, so nobody there retypes units, cadres and settings. Take "
            "the file over on a USB stick or by e-mail.")))
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save in"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def make(self) -> None:
        from db.exchange.setup_file import write_setup_file

        for label in self.messages.values():
            label.set_message(None)
        folder = self.folder.text().strip()
        if not folder or not Path(folder).is_absolute():
            self.messages["folder"].set_message(self.tr("Choose the folder to save the file in"))
            return
        code, name = self.code.text(), self.name.text()
        level = str(self.level.currentData())

        def work(_progress: object) -> Path:
            return write_setup_file(self.database, code, name, level, Path(folder),
                                    actor=self.actor)

        dialog = ProgressDialog(self.tr("Making the setup file"), self)
        dialog.start(work, self._made, on_error=self._failed)

    def _made(self, path: Path) -> None:
        from db.exchange import local_identity

        self.made = path
        fingerprint = local_identity(self.database).fingerprint
        QMessageBox.information(self, self.tr("Setup file made"), self.tr(
            "The setup file is saved as:\n{path}\n\nWhen the new site's wizard shows the "
            "bureau's fingerprint, confirm it over the phone: it must read\n{fingerprint}"
        ).format(path=path, fingerprint=fingerprint))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            for error in exc.errors:
                if error.field in self.messages:
                    self.messages[error.field].set_message(error.message)
        elif isinstance(exc, AppError):
            show_app_error(self, exc)
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
