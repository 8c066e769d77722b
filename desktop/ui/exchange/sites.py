"""This site's identity, pairing with another site, and the list of paired sites.

Pairing is the trust step of the exchange: the clerk loads the other site's identity file and
compares the fingerprint shown with the one the other clerk reads over the phone; only then are
that site's packages accepted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.excel.feature import documents_dir
from desktop.ui.excel.messages import show_message
from desktop.ui.exchange.text_table import TextTableModel, text_table
from desktop.ui.i18n import current_language

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database
    from db.exchange import SiteIdentity

IDENTITY_FILTER_SUFFIX = ".mqid"


def level_label(level: str) -> str:
    from db.vocab import SITE_LEVELS

    return SITE_LEVELS.label(level, current_language())


def fingerprint_label(text: str = "") -> QLabel:
    """A fingerprint in a large fixed-width font, selectable, easy to read over the phone."""
    label = QLabel(text)
    label.setObjectName("fingerprint")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.3)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def local_time(stamp: str) -> str:
    """A stored UTC time stamp as the clerk's local date and time."""
    at = datetime.fromisoformat(stamp)
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


class IdentityDialog(QDialog):
    """Who this site is, its fingerprint, and 保存身份文件 for the other site to pair with."""

    def __init__(self, identity: SiteIdentity, identity_file: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeIdentity")
        self.setWindowTitle(self.tr("This site's identity"))
        self.identity = identity
        self.identity_file = identity_file
        self.saved_to: Path | None = None
        self.message: QMessageBox | None = None
        form = QFormLayout()
        form.addRow(self.tr("Site code:"), QLabel(identity.code))
        form.addRow(self.tr("Name:"), QLabel(identity.name))
        form.addRow(self.tr("Level:"), QLabel(level_label(identity.level)))
        if identity.parent_code:
            form.addRow(self.tr("Reports to:"), QLabel(identity.parent_code))
        form.addRow(self.tr("Fingerprint:"), fingerprint_label(identity.fingerprint))
        hint = QLabel(self.tr(
            "Save the identity file and give it to the other office (USB stick or e-mail). "
            "When they pair, read this fingerprint to them over the phone: it must be the same "
            "as the one their computer shows."))
        hint.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save the identity file…"))
        self.save_button.setObjectName("saveIdentity")
        self.save_button.clicked.connect(self.choose_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(660)

    def choose_file(self) -> None:
        suggested = documents_dir() / f"{self.identity.code}{IDENTITY_FILTER_SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the identity file"), str(suggested),
            self.tr("Site identity files (*.mqid)"))
        if path:
            self.save(Path(path))

    def save(self, path: Path) -> None:
        try:
            path.write_bytes(self.identity_file)
        except OSError as exc:
            self.message = show_message(
                self, self.tr("Not saved"),
                self.tr("The identity file could not be saved: {reason}. Choose another folder "
                        "and try again.").format(reason=exc.strerror or exc), warning=True)
            return
        self.saved_to = path
        self.message = show_message(self, self.tr("Identity file saved"), self.tr(
            "Saved as {path}. Give this file to the other office.").format(path=path))


class PairDialog(QDialog):
    """Load another site's identity file, check its fingerprint, trust it."""

    paired = Signal(object)  # the SiteIdentity trusted

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePair")
        self.setWindowTitle(self.tr("Pair with a site"))
        self.database = database
        self.actor = actor
        self.path: Path | None = None
        self.identity: SiteIdentity | None = None
        self.message: QMessageBox | None = None

        self.file_label = QLabel(self.tr("No identity file chosen yet."))
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("&Choose the identity file…"))
        self.choose_button.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        self.code = QLabel()
        self.name = QLabel()
        self.level = QLabel()
        self.fingerprint = fingerprint_label()
        self.heard = QLineEdit()
        self.heard.setObjectName("heardFingerprint")
        self.heard.setPlaceholderText(self.tr("e.g. 1A2B 3C4D … (optional)"))
        self.replace_key = QCheckBox(self.tr("The site reinstalled the program: replace its "
                                             "key"))
        form = QFormLayout()
        form.addRow(self.tr("Site code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Fingerprint read over the phone:"), self.heard)
        form.addRow("", self.replace_key)
        hint = QLabel(self.tr(
            "Call the other office and have them read their fingerprint (Data exchange → This "
            "site's identity). Pair only if it is the same as the one shown here: a different "
            "one means the file was swapped on the way."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.pair_button = self.buttons.addButton(self.tr("&Pair"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.pair_button.setObjectName("confirmPair")
        self.pair_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(700)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the identity file"), str(documents_dir()),
            self.tr("Site identity files (*.mqid);;All files (*)"))
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> bool:
        """Read the file and show who it says it is; nothing is trusted yet."""
        from db.errors import AppError
        from db.exchange import read_identity

        try:
            identity = read_identity(path)
        except AppError as exc:
            self.message = show_message(self, self.tr("Not an identity file"), exc.message,
                                        warning=True)
            return False
        self.path, self.identity = path, identity
        self.file_label.setText(self.tr("File: {name}").format(name=path.name))
        self.code.setText(identity.code)
        self.name.setText(identity.name)
        self.level.setText(level_label(identity.level))
        self.fingerprint.setText(identity.fingerprint)
        self.pair_button.setEnabled(True)
        return True

    def confirm(self) -> None:
        from db.errors import AppError
        from db.exchange import pair

        if self.path is None:
            return
        heard = self.heard.text().strip() or None
        try:
            identity = pair(self.database, self.path, actor=self.actor,
                            expected_fingerprint=heard, replace_key=self.replace_key.isChecked())
        except AppError as exc:
            self.message = show_message(self, self.tr("Not paired"), exc.message, warning=True)
            return
        self.paired.emit(identity)
        self.accept()


class PeersDialog(QDialog):
    """The sites this one trusts, with when packages last went each way."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePeers")
        self.setWindowTitle(self.tr("Paired sites"))
        self.database = database
        self.model = TextTableModel(self.headers, [], self)
        self.view = text_table(self.model, "peerTable", (60, 150, 130, 300, 125, 125))
        self.empty = QLabel(self.tr("No site is paired yet. Use “Pair with a site…” with the "
                                    "identity file of the other office."))
        self.empty.setWordWrap(True)
        self.pair_button = QPushButton(self.tr("&Pair with a site…"))
        self.pair_button.setObjectName("pairFromPeers")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pair_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(940, 320)
        self.reload()

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Level"), self.tr("Fingerprint"),
                self.tr("Last package sent"), self.tr("Last package received")]

    def reload(self, *_args: object) -> None:
        from db.exchange import list_peers

        def when(stamp: str | None) -> str:
            return local_time(stamp) if stamp else self.tr("never")

        peers = list_peers(self.database)
        self.model.set_rows([[p.code, p.name, level_label(p.level), p.fingerprint,
                              when(p.last_sent_at), when(p.last_received_at)] for p in peers])
        self.empty.setVisible(not peers)
