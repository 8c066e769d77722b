"""Exporting a package for a paired site, and the preview / report of an import: counts per
kind of record (new, changed, already here, conflicting) and the conflicts for the clerk to
review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.exchange.sites import level_label, local_time
from desktop.ui.exchange.text_table import TextTableModel, text_table
from desktop.ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from db.exchange import ImportReport
    from db.exchange.state import Peer


class ExportPackageDialog(QDialog):
    """Choose the receiver, changes-since-last or everything, and the folder."""

    def __init__(self, peers: list[Peer], folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeExport")
        self.setWindowTitle(self.tr("Export a data package"))
        self.receiver = QComboBox()
        self.receiver.setObjectName("receiver")
        for peer in peers:
            self.receiver.addItem(f"{peer.code}  {peer.name}（{level_label(peer.level)}）",
                                  peer.code)
        self._last_sent = {p.code: p.last_sent_at for p in peers}
        self.since_last = QRadioButton(self.tr("Only what changed since the last package to it"))
        self.since_last.setObjectName("sinceLast")
        self.everything = QRadioButton(self.tr("Everything (a full package)"))
        self.everything.setObjectName("everything")
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.since_last)
        self.scope.addButton(self.everything)
        self.since_last.setChecked(True)
        self.last_label = QLabel()
        self.last_label.setObjectName("lastSent")
        self.include_care = QCheckBox(self.tr("Include the care records (sensitive personal "
                                              "data; only if the receiver needs them)"))
        self.folder = QLineEdit(str(folder))
        self.folder.setObjectName("folder")
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Receiver:"), self.receiver)
        form.addRow(self.tr("What to send:"), self.since_last)
        form.addRow("", self.everything)
        form.addRow("", self.last_label)
        form.addRow("", self.include_care)
        form.addRow(self.tr("Save in folder:"), folder_row)
        hint = QLabel(self.tr("The package is one signed file (.mqpkg). Carry it to the receiver "
                              "on a USB stick or send it by e-mail; it imports it with "
                              "“Import a data package…”."))
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("confirmExport")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.receiver.currentIndexChanged.connect(self._show_last)
        self._show_last()
        self.setMinimumWidth(620)

    def _show_last(self) -> None:
        last = self._last_sent.get(self.receiver_code())
        self.last_label.setText(
            self.tr("Last package to it: {when}").format(when=local_time(last)) if last
            else self.tr("Nothing was sent to it yet: the first package holds everything."))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save in folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def receiver_code(self) -> str:
        return str(self.receiver.currentData() or "")

    def full(self) -> bool:
        return self.everything.isChecked()

    def out_dir(self) -> Path:
        return Path(self.folder.text().strip() or ".")


class PackageReportDialog(QDialog):
    """What a package holds against this database (a preview, with 导入) or what its import
    did (a report); both list the conflicts to review."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db.exchange.tables import LABELS

        self.report = report
        self.setObjectName("exchangeReport" if report.applied else "exchangePreview")
        self.setWindowTitle(self.tr("Data package imported") if report.applied
                            else self.tr("Data package: preview"))
        sender = self.tr("From {name} ({code}), made {when}; file {file}").format(
            name=report.sender_name, code=report.sender,
            when=local_time(report.created_at.isoformat()), file=report.package)
        self.sender_label = QLabel(sender)
        self.sender_label.setWordWrap(True)
        rows = [[LABELS.get(table, table), c.new, c.changed, c.already_here, c.conflicts,
                 c.ignored] for table, c in report.tables.items() if c.total]
        self.counts = TextTableModel(self.count_headers, rows, self)
        self.counts_view = text_table(self.counts, "packageCounts", (0, 90, 90, 90, 90, 90))
        header = self.counts_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        conflicts = [[LABELS.get(c.table, c.table), c.label,
                      self.tr("the incoming one") if c.winner == "incoming"
                      else self.tr("ours"),
                      local_time(c.incoming_updated_at.isoformat()),
                      local_time(c.local_updated_at.isoformat()),
                      c.describe(report.sender)] for c in report.conflicts]
        self.conflicts = TextTableModel(self.conflict_headers, conflicts, self)
        self.conflicts_view = text_table(self.conflicts, "packageConflicts",
                                         (90, 150, 90, 125, 125))
        # The last column says what happened in a sentence: wrapped, never cut off.
        self.conflicts_view.setWordWrap(True)
        self.conflicts_view.horizontalHeader().sectionResized.connect(
            self.conflicts_view.resizeRowsToContents)
        self.conflicts_title = QLabel(self.tr(
            "Conflicts — changed here and there since the last exchange. The version changed "
            "last was kept; the other one is in the audit log. Please check these records:"))
        self.conflicts_title.setWordWrap(True)
        self.conflicts_title.setStyleSheet(ERROR_STYLE)
        for widget in (self.conflicts_title, self.conflicts_view):
            widget.setVisible(bool(conflicts))
        self.verdict = QLabel(self._verdict())
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)

        self.buttons = QDialogButtonBox()
        self.import_button: QPushButton | None = None
        if report.applied:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            self.import_button = self.buttons.addButton(
                self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.import_button.setObjectName("confirmImport")
            self.import_button.setEnabled(not report.nothing_to_do)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sender_label)
        layout.addWidget(self.counts_view, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts_view, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 560 if conflicts else 400)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.conflicts_view.resizeRowsToContents()

    def count_headers(self) -> list[str]:
        return [self.tr("Records"), self.tr("New"), self.tr("Changed"), self.tr("Already here"),
                self.tr("Conflicting"), self.tr("Not accepted")]

    def conflict_headers(self) -> list[str]:
        return [self.tr("Kind"), self.tr("Record"), self.tr("Kept"),
                self.tr("Changed there"), self.tr("Changed here"), self.tr("What happened")]

    def _verdict(self) -> str:
        report = self.report
        if report.applied:
            if report.nothing_to_do:
                return self.tr("Everything in the package was already here: nothing changed.")
            return self.tr("Imported in {seconds:.1f} s: {written} records written.").format(
                seconds=report.seconds, written=report.written)
        if report.nothing_to_do:
            return self.tr("Everything in the package is already here: there is nothing to "
                           "import.")
        return self.tr("The package is genuine and complete. Nothing has been written yet: "
                       "click Import to write it, all at once.")
