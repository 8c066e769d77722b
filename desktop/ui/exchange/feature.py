"""The 数据交换 menu's package entries: export a package (the toolbar's 导出), import one, this
site's identity, pairing and the paired sites. Installed by MainWindow (``FEATURES``) once the
database is attached; long work runs in the background behind a progress bar."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.progress import Progress
from desktop.ui.excel.feature import documents_dir
from desktop.ui.excel.messages import show_message
from desktop.ui.exchange.packages import ExportPackageDialog, PackageReportDialog
from desktop.ui.exchange.sites import IdentityDialog, PairDialog, PeersDialog
from desktop.ui.worker import ProgressDialog

if TYPE_CHECKING:
    from db.engine import Database
    from db.exchange import ExportResult, ImportReport
    from desktop.ui.main_window import MainWindow


class ExchangeFeature(QObject):
    """The slots of the exchange entries, for one window. Dialogs after the first are opened
    (not exec'd), so the window keeps painting and tests can drive each step."""

    exported = Signal(object)  # ExportResult
    previewed = Signal(object)  # ImportReport (not applied)
    imported = Signal(object)  # ImportReport (applied)
    refused = Signal(str)  # the message shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QDialog | None = None
        self.progress: ProgressDialog | None = None
        self.message: QMessageBox | None = None

    @property
    def database(self) -> Database:
        assert self.window.database is not None
        return self.window.database

    # -- sites --------------------------------------------------------------------------------

    def show_identity(self) -> None:
        from db.errors import AppError
        from db.exchange import local_identity
        from db.exchange.keys import identity_bytes

        try:
            identity = local_identity(self.database)
        except AppError as exc:
            self._refuse(exc.message)
            return
        self.dialog = IdentityDialog(identity, identity_bytes(identity), self.window)
        self.dialog.open()

    def pair_site(self) -> PairDialog:
        assert self.window.actor is not None
        dialog = PairDialog(self.database, self.window.actor, self.window)
        dialog.paired.connect(self._paired)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _paired(self, identity: object) -> None:
        self.message = show_message(self.window, self.tr("Paired"), self.tr(
            "This site now accepts data packages from {code} {name}.").format(
            code=getattr(identity, "code", ""), name=getattr(identity, "name", "")))

    def show_peers(self) -> None:
        dialog = PeersDialog(self.database, self.window)
        dialog.pair_button.clicked.connect(self._pair_from_peers)
        self.dialog = dialog
        dialog.open()

    def _pair_from_peers(self) -> None:
        peers = self.dialog
        pairing = self.pair_site()
        if isinstance(peers, PeersDialog):
            pairing.paired.connect(peers.reload)

    # -- export -------------------------------------------------------------------------------

    def export_package(self) -> None:
        from db.exchange import list_peers

        peers = list_peers(self.database)
        if not peers:
            self._refuse(self.tr("This site is not paired with any other site yet, so there is "
                                 "nobody to send a package to. Pair first (Data exchange → "
                                 "Pair with a site…) with the identity file of the receiving "
                                 "office."))
            return
        dialog = ExportPackageDialog(peers, documents_dir(), self.window)
        dialog.accepted.connect(self._export_chosen)
        self.dialog = dialog
        dialog.open()

    def _export_chosen(self) -> None:
        dialog = self.dialog
        if isinstance(dialog, ExportPackageDialog):
            self.write_package(dialog.receiver_code(), dialog.out_dir(), full=dialog.full(),
                               include_care=dialog.include_care.isChecked())

    def write_package(self, receiver: str, out_dir: Path, *, full: bool = False,
                      include_care: bool = False) -> None:
        database = self.database
        actor = self.window.actor

        def work(progress: Progress) -> ExportResult:
            from db.exchange import export_package

            out_dir.mkdir(parents=True, exist_ok=True)
            return export_package(database, receiver, out_dir, full=full,
                                  include_care=include_care, progress=progress, actor=actor,
                                  cancelled=lambda: progress.cancelled)

        def done(result: ExportResult) -> None:
            self.message = show_message(self.window, self.tr("Package exported"), self.tr(
                "The package for {code} was saved as {path} ({count} records). Carry it to the "
                "receiver on a USB stick or send it by e-mail.").format(
                code=result.receiver, path=result.path, count=result.total))
            self.exported.emit(result)

        self.progress = ProgressDialog(self.tr("Exporting a data package"), self.window)
        self.progress.start(work, done, on_error=self._failed, on_cancelled=self._cancelled)

    # -- import -------------------------------------------------------------------------------

    def import_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import a data package"), str(documents_dir()),
            self.tr("Data packages (*.mqpkg);;All files (*)"))
        if path:
            self.preview_package(Path(path))

    def preview_package(self, path: Path) -> None:
        """Verify *path* and show what importing it would do (in the background)."""
        database = self.database

        def work(progress: Progress) -> ImportReport:
            from db.exchange import preview_import

            return preview_import(database, path, progress=progress,
                                  cancelled=lambda: progress.cancelled)

        def done(report: ImportReport) -> None:
            dialog = PackageReportDialog(report, self.window)
            dialog.accepted.connect(lambda: self.apply_package(path))
            self.dialog = dialog
            dialog.open()
            self.previewed.emit(report)

        self.progress = ProgressDialog(self.tr("Checking the data package"), self.window)
        self.progress.start(work, done, on_error=self._failed, on_cancelled=self._cancelled)

    def apply_package(self, path: Path) -> None:
        database, actor = self.database, self.window.actor
        assert actor is not None

        def work(progress: Progress) -> ImportReport:
            from db.exchange import import_package

            return import_package(database, path, actor=actor, progress=progress,
                                  cancelled=lambda: progress.cancelled)

        def done(report: ImportReport) -> None:
            dialog = PackageReportDialog(report, self.window)
            self.dialog = dialog
            dialog.open()
            self.window.refresh()
            self.imported.emit(report)

        self.progress = ProgressDialog(self.tr("Importing the data package"), self.window)
        self.progress.start(work, done, on_error=self._failed, on_cancelled=self._cancelled)

    # -- refusals -----------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        from db.errors import AppError

        if isinstance(exc, AppError):
            self._refuse(exc.message)
        elif isinstance(exc, OSError):
            self._refuse(self.tr("The file could not be read or written: {reason}. Nothing was "
                                 "changed. Check the folder and try again.").format(
                reason=exc.strerror or exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: the crash dialog

    def _cancelled(self) -> None:
        self._refuse(self.tr("Cancelled: nothing was changed."))

    def _refuse(self, text: str) -> None:
        self.message = show_message(self.window, self.tr("Data exchange"), text, warning=True)
        self.refused.emit(text)


def install(window: MainWindow) -> None:
    feature = ExchangeFeature(window)
    window.exchange = feature  # type: ignore[attr-defined]  # the tests reach the slots here
    window.provide("export", feature.export_package)
    window.provide("import", feature.import_package)
    window.menus["exchange"].addSeparator()
    window.add_action(
        "exchange", "exchange_identity",
        lambda: QCoreApplication.translate("ExchangeMenu", "This site's i&dentity…"),
        feature.show_identity)
    window.add_action(
        "exchange", "exchange_pair",
        lambda: QCoreApplication.translate("ExchangeMenu", "&Pair with a site…"),
        feature.pair_site)
    window.add_action(
        "exchange", "exchange_peers",
        lambda: QCoreApplication.translate("ExchangeMenu", "Paired &sites…"),
        feature.show_peers)
