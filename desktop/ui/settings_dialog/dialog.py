"""``SettingsDialog``: every setting on pages, checked as you type, saved all at once.

The campaign settings (organisation, campaign and phases, quotas, deadlines, escalation and
holidays, vocabularies, attachments, backups) are stored in the database by
``db.services.settings.save_settings`` in one transaction — administrators only, each change
audited. This PC's choices (fonts, language, database) go to the QSettings, and only after
the database part succeeded, so a refusal changes nothing anywhere. The dialog remembers its
size.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, PermissionDenied, ValidationError
from db.paths import backup_dir, default_db_path
from db.services.settings import (
    CampaignSettings,
    load_settings,
    require_settings_admin,
    save_settings,
    validate_settings,
)
from desktop.ui.i18n import current_language, install_translators
from desktop.ui.lists.common import show_app_error
from desktop.ui.login import ERROR_COLOUR
from desktop.ui.settings_dialog.base import SettingsPage
from desktop.ui.settings_dialog.campaign_pages import (
    AttachmentsPage,
    BackupPage,
    CampaignPage,
    DeadlinesPage,
    QuotasPage,
    VocabularyPage,
)
from desktop.ui.settings_dialog.pc_pages import DatabasePage, FontsPage, LanguagePage

GEOMETRY_KEY = "settings_dialog/geometry"
CHECK_DELAY_MS = 300


class SettingsDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, qsettings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.database = database
        self.actor = actor
        self.qsettings = qsettings
        self.saved_changes: list[str] = []
        with database.session() as session:
            self.loaded: CampaignSettings = load_settings(session)
            try:
                require_settings_admin(session, actor)
                self.is_admin = True
            except PermissionDenied:
                self.is_admin = False
        self.pages: list[SettingsPage] = [
            CampaignPage(), QuotasPage(), DeadlinesPage(), VocabularyPage(),
            AttachmentsPage(), BackupPage(backup_dir()), FontsPage(), LanguagePage(),
            DatabasePage(default_db_path(), database.path),
        ]
        self.list = QListWidget()
        self.list.setObjectName("settings_pages")
        self.list.setMaximumWidth(190)
        self.stack = QStackedWidget()
        for page in self.pages:
            page.load(self.loaded)
            page.load_pc(qsettings)
            if page.stores_campaign and not self.is_admin:
                page.setEnabled(False)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.list.addItem(page.title())
            page.changed.connect(self.schedule_check)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.setCurrentRow(0)
        self.banner = QLabel(self.tr(
            "Only an administrator can change the campaign settings; you can change this PC's "
            "fonts, language and database."))
        self.banner.setWordWrap(True)
        self.banner.setVisible(not self.is_admin)
        self.status = QLabel()
        self.status.setObjectName("settings_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check)
        self.setMinimumSize(760, 560)  # a message under a field adjusts the size: not below
        geometry = qsettings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(900, 640)

    # -- checking ----------------------------------------------------------------------------

    def collected(self) -> CampaignSettings:
        settings = self.loaded
        for page in self.pages:
            settings = page.apply(settings)
        return settings

    def campaign_changed(self) -> bool:
        return self.is_admin and self.collected() != self.loaded

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.campaign_changed():
            try:
                with self.database.session() as session:
                    validate_settings(session, self.collected())
            except ValidationError as exc:
                for error in exc.errors:
                    found.setdefault(error.field, error.message)
        for page in self.pages:
            found.update(page.pc_problems())
        return found

    def schedule_check(self) -> None:
        self.timer.start()

    def check(self) -> dict[str, str]:
        """Show every problem next to its field and mark the pages that have one."""
        found = self.problems()
        for row, page in enumerate(self.pages):
            wrong = page.show_problems(found)
            self.list.item(row).setText(("⚠ " if wrong else "") + page.title())
        self.status.setText(self.tr(
            "Some settings need correcting (marked ⚠); nothing has been saved yet.")
            if found else "")
        return found

    # -- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        self.timer.stop()
        found = self.check()
        if found:
            self._show_first_problem(found)
            return
        if self.campaign_changed():
            try:
                self.saved_changes = save_settings(self.database, self.actor, self.collected())
            except ValidationError as exc:  # someone else saved meanwhile: show it as usual
                self.check()
                self._show_first_problem({e.field: e.message for e in exc.errors})
                return
            except AppError as exc:
                show_app_error(self, exc)
                return
        for page in self.pages:
            self.saved_changes += page.save_pc(self.qsettings)
        self.qsettings.sync()
        language = next(p for p in self.pages if isinstance(p, LanguagePage)).chosen()
        if language != current_language():
            install_translators(language)
        self.accept()

    def _show_first_problem(self, found: dict[str, str]) -> None:
        for row, page in enumerate(self.pages):
            fields = [f for f in found if f in page.messages]
            if fields:
                self.list.setCurrentRow(row)
                QMessageBox.warning(self, self.tr("Settings not saved"), self.tr(
                    "Nothing was saved: {message}\n\nCorrect the fields marked in red and "
                    "press Save again, or press Cancel to keep the settings as they were."
                ).format(message=found[fields[0]]))
                return

    def done(self, result: int) -> None:
        self.qsettings.setValue(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)
