"""管理 → 立即备份… / 从备份恢复…, and the offer of the newest good backup when the database
is damaged at start.

Both run on a worker thread under a progress dialog. A restore checks the chosen backup in full
first (``db.backup.restore_sqlite`` refuses a damaged or foreign file before touching
anything), keeps a copy of the current file, then restarts the application so every window
opens the restored data. Backing up and restoring are the administrator's
(``db.backup.require_backup_rights``). A PostgreSQL server is backed up on the server
(docs/server.md), not from a client PC.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QProcess
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from db.backup import (
    backup_sqlite,
    newest_good_backup,
    require_backup_rights,
    restore_sqlite,
)
from db.engine import probe_sqlite_file
from db.errors import AppError
from db.paths import backup_dir
from desktop.progress import Progress
from desktop.ui.worker import ProgressDialog

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


translate = QCoreApplication.translate


def restart_application() -> None:
    """Start a fresh copy of the application and close this one (after a restore, so nothing
    keeps showing the replaced data)."""
    if getattr(sys, "frozen", False):
        QProcess.startDetached(sys.executable, sys.argv[1:])
    else:
        QProcess.startDetached(sys.executable, sys.argv)
    QApplication.quit()


def _configured_folder(window: MainWindow) -> tuple[Path, int]:
    """The backup folder and how many to keep, as the administrator set them in 设置 (the
    data folder's ``backups`` and 30 by default)."""
    from db.services.settings import backup_target

    assert window.database is not None
    with window.database.session() as session:
        return backup_target(session, backup_dir())


def _file_database(window: MainWindow) -> Path | None:
    """The open SQLite file, after checking the actor may back up; None (with a message)
    when it may not or the data is on a server."""
    database = window.database
    if database is None or window.actor is None:
        return None
    try:
        require_backup_rights(window.actor)
    except AppError as exc:
        QMessageBox.warning(window, translate("BackupMenu", "Not permitted"), exc.message)
        return None
    if database.path is None:
        QMessageBox.information(
            window,
            translate("BackupMenu", "Server database"),
            translate(
                "BackupMenu",
                "This database is on a PostgreSQL server. It is backed up on the server by its "
                "administrator (pg_dump, see docs/server.md), not from this PC.",
            ),
        )
        return None
    return database.path


def backup_now(window: MainWindow, folder: Path | None = None) -> ProgressDialog | None:
    """Ask for a folder (the data folder's backups by default; a USB drive or a network share
    will do) and copy the database there through SQLite's online backup API."""
    path = _file_database(window)
    if path is None:
        return None
    default_folder, keep = _configured_folder(window)
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(
            window, translate("BackupMenu", "Back up to which folder?"), str(default_folder)
        )
        if not chosen:
            return None
        folder = Path(chosen)

    def work(progress: Progress) -> Path:
        progress.update(translate("BackupMenu", "Copying the database…"))
        return backup_sqlite(path, folder, reason="manual", keep=keep)

    def done(made: Path) -> None:
        QMessageBox.information(
            window,
            translate("BackupMenu", "Backup made"),
            translate(
                "BackupMenu",
                "The database was backed up to\n{path}\n\nThe newest {keep} backups in that folder "
                "are kept.",
            ).format(path=made, keep=keep),
        )

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(
            window,
            translate("BackupMenu", "Backup failed"),
            translate(
                "BackupMenu",
                "The backup could not be written to {folder}: {error}\nThe database itself is "
                "unchanged. Check that the folder exists, is writable and has free space, then try "
                "again.",
            ).format(folder=folder, error=getattr(exc, "message", str(exc))),
        )

    dialog = ProgressDialog(translate("BackupMenu", "Backing up"), window)
    dialog.start(work, done, on_error=failed)
    return dialog


def _describe_backup(path: Path) -> str:
    when = datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    return translate("BackupMenu", "{name} (made {when})").format(name=path.name, when=when)


def restore_from_backup(window: MainWindow, backup: Path | None = None) -> ProgressDialog | None:
    """Ask for a backup file, check it, confirm, keep a copy of the current file, restore,
    then restart the application."""
    path = _file_database(window)
    if path is None:
        return None
    if backup is None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            translate("BackupMenu", "Restore from which backup?"),
            str(_configured_folder(window)[0]),
            translate("BackupMenu", "Database backups (*.db)"),
        )
        if not chosen:
            return None
        backup = Path(chosen)
    try:  # quick look first, so a wrong file is refused before any question is asked
        state = probe_sqlite_file(backup)
        if state.revision is None:
            raise AppError(
                translate(
                    "BackupMenu",
                    "“{path}” is not a backup of a Minqing Ledger database. Nothing was restored.",
                ).format(path=backup)
            )
    except AppError as exc:
        QMessageBox.warning(
            window, translate("BackupMenu", "Cannot restore this file"), exc.message
        )
        return None
    answer = QMessageBox.question(
        window,
        translate("BackupMenu", "Restore from backup"),
        translate(
            "BackupMenu",
            "Replace the current data with the backup {backup}?\n\nEverything entered after that "
            "backup was made is replaced. A copy of the current database is kept in {folder} "
            "first, so this can be undone. The program restarts afterwards.",
        ).format(backup=_describe_backup(backup), folder=backup_dir()),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    database = window.database
    assert database is not None
    source = backup

    def work(progress: Progress) -> Path | None:
        progress.update(translate("BackupMenu", "Checking the backup and restoring…"))
        database.dispose()  # every connection closed before the file is replaced
        return restore_sqlite(source, path, backup_dir())

    def done(kept: Path | None) -> None:
        kept_note = (
            translate("BackupMenu", "The previous database was kept as {path}.").format(path=kept)
            if kept is not None
            else ""
        )
        QMessageBox.information(
            window,
            translate("BackupMenu", "Restored"),
            translate(
                "BackupMenu",
                "The database was restored from {backup}. {kept}\n\nThe program now restarts to "
                "open the restored data.",
            ).format(backup=source.name, kept=kept_note),
        )
        restart_application()

    def failed(exc: BaseException) -> None:
        message = exc.message if isinstance(exc, AppError) else str(exc)
        QMessageBox.warning(
            window,
            translate("BackupMenu", "Restore failed"),
            translate(
                "BackupMenu", "Nothing was restored: {error}\nThe current database is unchanged."
            ).format(error=message),
        )

    dialog = ProgressDialog(translate("BackupMenu", "Restoring"), window)
    dialog.start(work, done, on_error=failed)
    return dialog


def offer_backup_restore(parent: QWidget | None, path: Path, problem: str) -> bool:
    """At start, the database *path* is damaged (*problem* says how): offer the newest good
    backup. True when it was restored (the caller opens the database again), False when the
    user declined or there is no good backup (the caller exits)."""
    from db.backup import restore_sqlite as restore

    backup = newest_good_backup([backup_dir(), path.parent / "backups"], path.stem)
    if backup is None:
        QMessageBox.critical(
            parent,
            translate("BackupMenu", "The database is damaged"),
            translate(
                "BackupMenu",
                "{problem}\n\nNo intact backup of it was found in {folder}. Do not delete the "
                "file; ask the administrator or support for help.",
            ).format(problem=problem, folder=backup_dir()),
        )
        return False
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("BackupMenu", "The database is damaged"),
        translate(
            "BackupMenu",
            "{problem}\n\nThe newest intact backup is {backup}. Restore it now? Whatever was "
            "entered after it was made is lost; the damaged file is kept in {folder} for "
            "support.",
        ).format(problem=problem, backup=_describe_backup(backup), folder=backup_dir()),
        parent=parent,
    )
    restore_button = box.addButton(
        translate("BackupMenu", "Restore this backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(translate("BackupMenu", "Exit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is not restore_button:
        return False
    try:
        restore(backup, path, backup_dir())
    except AppError as exc:
        QMessageBox.critical(parent, translate("BackupMenu", "Restore failed"), exc.message)
        return False
    return True


def recover_damaged_database(parent: QWidget | None, path: Path | None, problem: str) -> int:
    """What start-up does with a damaged database file (desktop/ui/app.py calls this): offer
    the newest good backup; after a restore the application restarts on it. Returns the exit
    code for this run: 0 when restored (a fresh copy is starting), 2 otherwise."""
    if path is None:
        QMessageBox.critical(parent, translate("BackupMenu", "The database is damaged"), problem)
        return 2
    if offer_backup_restore(parent, path, problem):
        QMessageBox.information(
            parent,
            translate("BackupMenu", "Restored"),
            translate(
                "BackupMenu",
                "The database was restored from the backup. The program now restarts to open it.",
            ),
        )
        restart_application()
        return 0
    return 2
