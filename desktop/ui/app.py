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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Slot
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.ui.crash import handle_exception, install_excepthook
from desktop.ui.fonts import apply_ui_font, register_fonts
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import (
    APPLICATION,
    DATABASE_PATH_KEY,
    DATABASE_URL_KEY,
    FONT_SOURCE_KEY,
    LANGUAGE_KEY,
    ORGANIZATION,
    app_settings,
    stored_text,
)
from desktop.ui.worker import run_task

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database
    from desktop.ui.wizard import FirstRunWizard

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
        self.wizard: FirstRunWizard | None = None
        self._signed_in: Actor | None = None  # the administrator the wizard just created
        self._must_exist = False  # a file chosen in the settings is opened, never created

    @Slot()
    def run(self) -> None:
        from desktop.logs import setup_logging  # logging.handlers imports socket: after paint

        setup_logging()
        register_fonts()
        apply_pc_settings(self.window.settings)
        if self._first_run_needed():
            self._first_run()
            return
        self._preview_first_rows()  # queued first: it is on screen long before the tabs
        run_task(self._open, self._opened, on_error=self._failed)

    def _preview_first_rows(self) -> None:
        """A SQLite file's newest visits, read with plain sqlite3 beside the real open (which
        first imports SQLAlchemy, about a second), shown in the visit log's place meanwhile.
        Anything wrong gives no preview: the real open reports it."""
        if self.db_url is not None:
            return  # a server: no preview
        path = self.db_path
        if path is None:
            from db.paths import default_db_path, demo_db_path

            path = demo_db_path() if self.demo else default_db_path()

        def read(_progress: object) -> list[Any] | None:
            from db.queries.first_page import first_page
            from desktop.ui.visits.preview import PREVIEW_ROWS

            return first_page(path, PREVIEW_ROWS)

        def show(rows: list[Any] | None) -> None:
            if rows:
                self.window.show_visits_preview(rows)

        run_task(read, show, on_error=lambda exc: log.debug("no first-rows preview: %s", exc))

    # -- the first start ----------------------------------------------------------------------

    def _first_run_needed(self) -> bool:
        """No database named (no --db, --db-url, --demo, nor one chosen in the settings) and
        none in the data folder yet: a new installation."""
        if self.db_path is not None or self.db_url is not None or self.demo:
            return False
        settings = self.window.settings
        url = stored_text(settings, DATABASE_URL_KEY)
        if url:
            self.db_url = url
            return False
        path = stored_text(settings, DATABASE_PATH_KEY)
        if path:
            self.db_path = Path(path)
            self._must_exist = True
            return False
        from db.paths import default_db_path

        return not default_db_path().exists()

    def _first_run(self) -> None:
        from db.paths import backup_dir, default_db_path
        from desktop.ui.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(default_db_path(), backup_dir(), self.window)
        self.wizard.finished.connect(self._first_run_done)
        self.wizard.open()

    def _first_run_done(self, code: int) -> None:
        from desktop.ui.wizard import DEMO_DATA

        wizard = self.wizard
        result = wizard.result_ if wizard is not None else None
        if wizard is not None:
            wizard.deleteLater()
        self.wizard = None
        if code != QDialog.DialogCode.Accepted or result is None:
            log.info("first run cancelled: no database was made")
            self.exit_code = EXIT_OK
            self._exit(EXIT_OK)
            return
        if result.kind == DEMO_DATA:
            self.demo = True
        else:
            self._signed_in = result.actor
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
        if self.demo and not path.exists():
            from desktop.cli import ensure_demo_database  # made on first use (a few seconds)

            path = ensure_demo_database()
        # The whole-file check waits until the window is usable (``_check``): it reads every
        # page, which takes seconds on a large database. The header, the schema and its
        # version are still checked here.
        return open_database(path, check="none", create=not self._must_exist)

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
        path = self.database.path if self.database is not None else None
        self.close()
        from desktop.ui.admin.backups import recover_damaged_database  # offers a good backup

        self.exit_code = recover_damaged_database(self.window, path, str(exc))
        self._exit(self.exit_code)

    def _daily_backup(self, path: Path) -> None:
        """A copy on start when the last one is more than a day old (office PCs are rarely
        backed up otherwise), to the folder and count of the settings. A failure is logged,
        never in the clerk's way."""
        from db.backup import backup_if_due
        from db.paths import backup_dir

        try:
            folder, keep = backup_dir(), 30
            if self.database is not None:
                from db.services.settings import backup_target

                with self.database.session() as session:
                    folder, keep = backup_target(session, backup_dir())
            made = backup_if_due(path, folder, keep=keep)
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

        if self._signed_in is not None:  # the administrator who just finished the wizard
            return self._signed_in
        with database.session() as session:
            if not has_users(session):
                return None
        from desktop.ui.login import LoginDialog, remembered_actor

        actor = remembered_actor(database, self.window.settings)
        if actor is None:
            actor = LoginDialog.login(database, self.window)
        return actor if actor is not None else False

    def _failed(self, exc: BaseException) -> None:
        from db.errors import CorruptDatabaseError, DatabaseError

        if isinstance(exc, CorruptDatabaseError) and self.db_url is None:
            log.warning("the database is damaged: %s", exc)
            from db.paths import default_db_path, demo_db_path
            from desktop.ui.admin.backups import recover_damaged_database  # offers a backup

            path = self.db_path or (demo_db_path() if self.demo else default_db_path())
            self.exit_code = recover_damaged_database(self.window, path, str(exc))
        elif isinstance(exc, DatabaseError):
            log.warning("cannot open the database: %s", exc)
            text = str(exc)
            if self._must_exist and self.db_path is not None and not self.db_path.exists():
                text = translate(
                    "Startup",
                    "The database chosen in the settings, {path}, cannot be found. Nothing was "
                    "changed and no data was lost. If it is on a network or USB drive, connect "
                    "the drive and start the program again.").format(path=self.db_path)
            QMessageBox.critical(
                self.window, translate("Startup", "Cannot open the database"), text
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


def apply_pc_settings(settings: QSettings) -> None:
    """This PC's choices from the settings dialog that take effect at start (the report
    fonts; the language and the database are read by ``run_gui`` and ``Startup``)."""
    from desktop.fonts import set_report_font_source

    set_report_font_source(stored_text(settings, FONT_SOURCE_KEY) or "bundled")


def run_gui(
    *,
    db_path: Path | None = None,
    db_url: str | None = None,
    lang: str | None = None,
    demo: bool = False,
) -> int:
    """Run the desktop application until its window closes; returns the exit code.

    Opens ``db_path`` or ``db_url`` (at most one), else the demo database when ``demo``, else the
    database chosen in the settings, else the default database in the user's data folder — and
    when that does not exist yet, the first-run wizard makes it. A database that cannot be
    opened is explained in a message box and the exit code is 2. *lang* None means the language
    chosen in the settings (Chinese by default).
    """
    if db_path is not None and db_url is not None:
        raise ValueError("give at most one of db_path and db_url")
    if lang is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        lang = stored_text(app_settings(), LANGUAGE_KEY) or "zh_CN"
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
