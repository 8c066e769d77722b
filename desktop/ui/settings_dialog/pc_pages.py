"""The pages for this PC's own choices (kept in the QSettings, not in the database): the fonts
of printed reports, the interface language, and where the database is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.fonts import FONTS, SYSTEM_FONT_FILES, set_report_font_source, system_font_path
from desktop.ui.i18n import LANGUAGES, current_language
from desktop.ui.login import MessageLabel
from desktop.ui.settings import (
    DATABASE_PATH_KEY,
    DATABASE_URL_KEY,
    FONT_SOURCE_KEY,
    LANGUAGE_KEY,
    stored_text,
)
from desktop.ui.settings_dialog.base import SettingsPage
from desktop.ui.widgets import note
from desktop.ui.worker import ProgressDialog, run_task

if TYPE_CHECKING:
    from desktop.progress import Progress


class FontsPage(SettingsPage):
    stores_campaign = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundled = QRadioButton(self.tr("The fonts that come with the program "
                                            "(the same on every PC)"))
        self.bundled.setObjectName("fonts_bundled")
        self.system = QRadioButton(self.tr("Windows' own 宋体, 仿宋, 黑体 and 楷体"))
        self.system.setObjectName("fonts_system")
        group = QButtonGroup(self)
        group.addButton(self.bundled)
        group.addButton(self.system)
        found = []
        for role, file_name in SYSTEM_FONT_FILES.items():
            present = system_font_path(role) is not None
            found.append(self.tr("{font} ({file}): {state}").format(
                font=FONTS[role].label, file=file_name,
                state=self.tr("found") if present else self.tr("not on this PC")))
        self.found = note("\n".join(found))
        self.found.setObjectName("fonts_found")
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "The fonts of printed reports (PDF). Official documents use 仿宋 for the body, 黑体 "
            "and 楷体 for headings. A font missing on this PC is replaced by the bundled one. "
            "The change applies to reports made after the next start.")))
        layout.addWidget(self.bundled)
        layout.addWidget(self.system)
        layout.addWidget(self.found)
        layout.addStretch(1)
        self.bundled.toggled.connect(self.changed)

    def title(self) -> str:
        return self.tr("Fonts")

    def load_pc(self, qsettings: QSettings) -> None:
        system = stored_text(qsettings, FONT_SOURCE_KEY) == "system"
        self.system.setChecked(system)
        self.bundled.setChecked(not system)

    def source(self) -> str:
        return "system" if self.system.isChecked() else "bundled"

    def save_pc(self, qsettings: QSettings) -> list[str]:
        if (stored_text(qsettings, FONT_SOURCE_KEY) or "bundled") == self.source():
            return []
        qsettings.setValue(FONT_SOURCE_KEY, self.source())
        set_report_font_source(self.source())
        return [self.tr("report fonts")]


class LanguagePage(SettingsPage):
    stores_campaign = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.add_row(self.tr("Interface language"), "language", self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note(self.tr(
            "Used from now on and at every start on this PC. Reports and the stored data stay "
            "in Chinese.")))
        layout.addStretch(1)
        self.language.currentIndexChanged.connect(self.changed)

    def title(self) -> str:
        return self.tr("Language")

    def load_pc(self, qsettings: QSettings) -> None:
        lang = stored_text(qsettings, LANGUAGE_KEY) or current_language()
        index = self.language.findData(lang)
        self.language.setCurrentIndex(max(index, 0))

    def chosen(self) -> str:
        return str(self.language.currentData())

    def save_pc(self, qsettings: QSettings) -> list[str]:
        old = stored_text(qsettings, LANGUAGE_KEY) or current_language()
        qsettings.setValue(LANGUAGE_KEY, self.chosen())
        return [self.tr("language")] if old != self.chosen() else []


class DatabasePage(SettingsPage):
    """A local file (the data folder's, or another) or a PostgreSQL server. A server address
    must pass "Test the connection" before it is saved; the choice is used at the next start.
    An office moving to a server copies the file it works in now onto the (empty) server first
    ("Copy this PC's data to the server…", ``db.transfer``)."""

    stores_campaign = False

    def __init__(self, default_file: Path, current_file: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_file = default_file
        self.current_file = current_file  # the database file open in the window, if a file
        self.local = QRadioButton(self.tr("A database file on this PC"))
        self.local.setObjectName("db_local")
        self.server = QRadioButton(self.tr("A database server (PostgreSQL) shared by several PCs"))
        self.server.setObjectName("db_server")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.path = QLineEdit()
        self.path.setObjectName("db_path")
        self.path.setPlaceholderText(str(default_file))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.url = QLineEdit()
        self.url.setObjectName("db_url")
        self.url.setPlaceholderText("postgresql+psycopg://user:password@server/minqing")
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.setObjectName("db_test")
        self.test_button.clicked.connect(self.test_connection)
        self.copy_button = QPushButton(self.tr("Copy this PC's data to the server…"))
        self.copy_button.setObjectName("db_copy")
        self.copy_button.setToolTip(self.tr(
            "Copies every record of the database file in use now onto the server, whose "
            "database must be empty; the file stays as it is"))
        self.copy_button.clicked.connect(self.copy_to_server)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.test_button)
        url_row.addWidget(self.copy_button)
        self.result = QLabel()
        self.result.setObjectName("db_test_result")
        self.result.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Where this PC keeps the ledger. The change is used at the next start; saving "
            "copies or moves nothing (“Copy this PC's data to the server…” does, once). Empty "
            "file name: the data folder's own database.")))
        layout.addWidget(self.local)
        self.add_row(self.tr("Database file"), "db_path", layout=file_row)
        layout.addLayout(self.form)
        layout.addWidget(self.server)
        self.url_message = MessageLabel()
        self.url_message.setObjectName("message_db_url")
        self.messages["db_url"] = self.url_message
        layout.addLayout(url_row)
        layout.addWidget(self.url_message)
        layout.addWidget(self.result)
        layout.addStretch(1)
        self.tested_url: str | None = None  # the address that passed the test
        self.copy_button.setEnabled(False)
        self.local.toggled.connect(self._mode_changed)
        self.path.textChanged.connect(self.changed)
        self.url.textChanged.connect(self._url_changed)

    def title(self) -> str:
        return self.tr("Database")

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Database file"), str(self.default_file.parent),
            self.tr("Ledger databases (*.db)"))
        if name:
            self.path.setText(name)

    def _mode_changed(self, *_args: object) -> None:
        server = self.server.isChecked()
        self.url.setEnabled(server)
        self.test_button.setEnabled(server)
        self.path.setEnabled(not server)
        self._update_copy_button()
        self.changed.emit()

    def _url_changed(self, *_args: object) -> None:
        self.result.clear()
        self._update_copy_button()
        self.changed.emit()

    def _update_copy_button(self) -> None:
        """Only towards a server that answered the test, from a file that is open now."""
        self.copy_button.setEnabled(
            self.server.isChecked() and self.current_file is not None
            and bool(self.url.text().strip()) and self.url.text().strip() == self.tested_url)

    def load_pc(self, qsettings: QSettings) -> None:
        url = stored_text(qsettings, DATABASE_URL_KEY)
        self.url.setText(url)
        self.path.setText(stored_text(qsettings, DATABASE_PATH_KEY))
        self.tested_url = url or None  # the one in use was tested when it was chosen
        self.server.setChecked(bool(url))
        self.local.setChecked(not url)
        self._mode_changed()

    def test_connection(self) -> None:
        from db.services.settings import server_problem

        url = self.url.text().strip()
        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Connecting…"))

        def done(problem: str | None) -> None:
            self.test_button.setEnabled(True)
            if problem is None:
                self.tested_url = url
                self.result.setText(self.tr("✓ Connected. The server can be used."))
                self.url_message.set_message(None)
            else:
                self.tested_url = None
                self.result.clear()
                self.url_message.set_message(problem)
            self._update_copy_button()
            self.changed.emit()

        run_task(lambda _p: server_problem(url), done)

    def copy_to_server(self) -> ProgressDialog | None:
        """Copy the database file in use onto the tested server, after asking; in the
        background, with a bar and Cancel (a cancelled or failed copy leaves the server
        without data)."""
        from sqlalchemy.engine import make_url

        from db.transfer import copy_to_server

        source, url = self.current_file, self.url.text().strip()
        if source is None or url != self.tested_url:
            return None
        shown = make_url(url).render_as_string(hide_password=True)
        answer = QMessageBox.question(
            self, self.tr("Copy to the server"),
            self.tr("Copy every record of\n{file}\nonto the server\n{server}?\n\nThe server's "
                    "database must be empty. This PC's file stays as it is.").format(
                file=source, server=shown))
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def work(progress: Progress) -> int:
            def report(text: str, fraction: float | None) -> None:
                progress.update(text, fraction)
                progress.check()  # Cancel: the copy's transaction is rolled back

            return copy_to_server(source, url, report).total

        def done(rows: int) -> None:
            self.result.setText(self.tr(
                "✓ {rows} rows copied to the server. Save, and this PC uses the server from "
                "the next start.").format(rows=f"{rows:,}"))

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Copy to the server"),
                                getattr(exc, "message", str(exc)))

        dialog = ProgressDialog(self.tr("Copying to the server"), self)
        dialog.start(work, done, on_error=failed)
        return dialog

    def pc_problems(self) -> dict[str, str]:
        from db.services.settings import database_file_problem

        if self.server.isChecked():
            url = self.url.text().strip()
            if not url:
                return {"db_url": self.tr("Enter the server's address, or choose a file")}
            if url != self.tested_url:
                return {"db_url": self.tr(
                    "Press “Test the connection” first: the address is saved only when the "
                    "server answers")}
            return {}
        path = self.path.text().strip()
        if path and Path(path) != self.default_file:
            problem = database_file_problem(path)
            if problem:
                return {"db_path": problem}
        return {}

    def save_pc(self, qsettings: QSettings) -> list[str]:
        old = (stored_text(qsettings, DATABASE_URL_KEY), stored_text(qsettings, DATABASE_PATH_KEY))
        if self.server.isChecked():
            new = (self.url.text().strip(), "")
        else:
            path = self.path.text().strip()
            new = ("", "" if not path or Path(path) == self.default_file else path)
        if new == old:
            return []
        qsettings.setValue(DATABASE_URL_KEY, new[0])
        qsettings.setValue(DATABASE_PATH_KEY, new[1])
        return [self.tr("database (used at the next start)")]
