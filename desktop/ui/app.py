"""Starting the desktop application: ``run_gui``.

Order matters for how fast the window appears. Before the first paint: create the
QApplication, load the one interface font, install translators, build and show the main window
— Qt and our small modules only. After the first paint: the log file, the other fonts, then
the database is opened on a worker thread (importing SQLAlchemy/SQLModel and migrating if
needed), then the tabs are built over it. matplotlib and reportlab are imported only when a
chart or report is first made.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.crash import handle_exception, install_excepthook
from desktop.ui.fonts import apply_ui_font, register_fonts
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import APPLICATION, ORGANIZATION
from desktop.ui.worker import run_task

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_BUG = 1
EXIT_DATABASE_ERROR = 2

translate = QCoreApplication.translate


def create_application(lang: str = "zh_CN", argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, crash dialog, interface font and translations.

    The log file is set up after the first paint (``Startup.run``), or by the crash handler
    if something fails before that.
    """
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        argv if argv is not None else sys.argv[:1]
    )
    if sys.platform == "win32":
        # Group the taskbar button under our own name rather than python.exe.
        import ctypes

        with suppress(Exception):
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APPLICATION)
    install_excepthook()
    apply_ui_font(app)
    install_translators(lang)
    return app


class Startup(QObject):
    """The work after the first paint: fonts, then the database, then the tabs.

    ``quit_with`` ends the event loop with a code (``QApplication.exit``); tests pass their own.
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        db_path: Path | None = None,
        db_url: str | None = None,
        demo: bool = False,
        quit_with: Callable[[int], None] = QApplication.exit,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db_path = db_path
        self.db_url = db_url
        self.demo = demo
        self._exit = quit_with
        self.database: Database | None = None
        self.exit_code: int | None = None

    @Slot()
    def run(self) -> None:
        from desktop.logs import setup_logging  # logging.handlers imports socket: after paint

        setup_logging()
        register_fonts()
        run_task(self._open, self._opened, on_error=self._failed)

    def _open(self, _progress: object) -> Database:
        # Runs on a worker thread: the first import of db.engine (SQLAlchemy, SQLModel,
        # Alembic) and any migration happen while the window stays responsive.
        from db.engine import open_database
        from db.paths import default_db_path, demo_db_path

        if self.db_url is not None:
            return open_database(url=self.db_url)
        path = self.db_path
        if path is None:
            path = demo_db_path() if self.demo else default_db_path()
        # The whole-file check waits until the window is usable (``_check``): it reads every
        # page, which takes seconds on a large database. The header, the schema and its
        # version are still checked here.
        return open_database(path, check="none")

    def _check(self, _progress: object) -> None:
        """On a worker thread, beside the tabs' first queries: the whole-file check, then the
        daily backup — only of a file that passed it."""
        from db.engine import check_integrity

        path = self.database.path if self.database is not None else None
        if path is None:  # a server looks after its own storage
            return
        check_integrity(path)
        if not self.demo:
            self._daily_backup(path)

    def _damaged(self, exc: BaseException) -> None:
        """The background check found damage: say so and stop before anything is written."""
        from db.errors import CorruptDatabaseError

        if not isinstance(exc, CorruptDatabaseError):
            handle_exception(type(exc), exc, exc.__traceback__)
            return
        log.error("integrity check failed: %s", exc)
        self.close()
        QMessageBox.critical(
            self.window, translate("Startup", "The database is damaged"), str(exc)
        )
        self.exit_code = EXIT_DATABASE_ERROR
        self._exit(self.exit_code)

    @staticmethod
    def _daily_backup(path: Path) -> None:
        """A copy on start when the last one is more than a day old (office PCs are rarely
        backed up otherwise). A failure is logged, never in the clerk's way."""
        from db.backup import backup_if_due
        from db.paths import backup_dir

        try:
            made = backup_if_due(path, backup_dir())
        except Exception:  # a full disk must not stop the clerk from working
            log.exception("automatic backup of %s failed", path)
            return
        if made is not None:
            log.info("automatic backup: %s", made)

    def _opened(self, database: Database) -> None:
        self.database = database
        log.info("opened %s", database.location)
        run_task(self._check, on_error=self._damaged)
        if self.database is None:  # damaged: found at once when tasks run inline (tests)
            return
        actor = self._sign_in(database)
        if actor is False:
            self.exit_code = 0
            self._exit(0)  # the user cancelled the sign-in
            return
        self.window.attach_database(database, demo=self.demo, actor=actor or None)

    def _sign_in(self, database: Database) -> Actor | bool | None:
        """Who works in this window: a signed-in user when the database has accounts (this
        PC's remembered clerk, or the sign-in dialog), None for the PC's local user when it
        has none yet, False when the user cancelled the sign-in."""
        from db.services.accounts import has_users

        with database.session() as session:
            if not has_users(session):
                return None
        from desktop.ui.login import LoginDialog, remembered_actor

        actor = remembered_actor(database, self.window.settings)
        if actor is None:
            actor = LoginDialog.login(database, self.window)
        return actor if actor is not None else False

    def _failed(self, exc: BaseException) -> None:
        from db.errors import DatabaseError

        if isinstance(exc, DatabaseError):
            log.warning("cannot open the database: %s", exc)
            QMessageBox.critical(
                self.window, translate("Startup", "Cannot open the database"), str(exc)
            )
            self.exit_code = EXIT_DATABASE_ERROR
        else:
            handle_exception(type(exc), exc, exc.__traceback__)
            self.exit_code = EXIT_BUG
        self._exit(self.exit_code)

    def close(self) -> None:
        if self.database is not None:
            self.database.dispose()
            self.database = None


def run_gui(
    *,
    db_path: Path | None = None,
    db_url: str | None = None,
    lang: str = "zh_CN",
    demo: bool = False,
) -> int:
    """Run the desktop application until its window closes; returns the exit code.

    Opens ``db_path`` or ``db_url`` (at most one), else the demo database when ``demo``, else the
    default database in the user's data folder. A database that cannot be opened is explained in
    a message box and the exit code is 2.
    """
    if db_path is not None and db_url is not None:
        raise ValueError("give at most one of db_path and db_url")
    app = create_application(lang)
    window = MainWindow()
    startup = Startup(window, db_path=db_path, db_url=db_url, demo=demo)
    window.first_painted.connect(startup.run)
    window.show()
    try:
        code = app.exec()
    finally:
        startup.close()
    return startup.exit_code if startup.exit_code is not None else code
