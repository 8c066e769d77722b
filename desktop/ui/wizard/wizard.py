"""``FirstRunWizard``: the one flow a new installation goes through before its first record.

Start → (new site: organisation and site → campaign | setup file from the bureau) →
administrator → backups → summary → Finish; or start → demo data → Finish. Nothing is written
until Finish: the database is then built in a hidden file on a worker thread (with a progress
bar and Cancel) and moved into place only when complete (``build.build_database``).
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from db.audit import Actor
from db.errors import AppError, ValidationError
from db.vocab import PHASES, SITE_LEVELS
from desktop.ui.wizard.build import (
    AdminAccount,
    DatabaseExists,
    FirstRunPlan,
    NewSite,
    build_database,
    remove_partials,
)
from desktop.ui.wizard.pages import (
    ADMIN,
    BACKUP,
    CAMPAIGN,
    DEMO,
    FINISH,
    OPEN_DEMO,
    SETUP_FILE,
    SITE,
    START,
    AdminPage,
    BackupPage,
    CampaignPage,
    CheckedPage,
    DemoPage,
    FinishPage,
    SetupFilePage,
    SitePage,
    StartPage,
)
from desktop.ui.worker import ProgressDialog

log = logging.getLogger(__name__)

NEW, DEMO_DATA, EXISTING = "new", "demo", "existing"


@dataclass(frozen=True)
class FirstRunResult:
    kind: str  # NEW: the database was made; DEMO_DATA: open the demo; EXISTING: one appeared
    actor: Actor | None = None  # the administrator just created, signed in


class FirstRunWizard(QWizard):
    def __init__(self, target: Path, default_backup_folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.setWindowTitle(self.tr("民情台账 — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.target = target
        self.result_: FirstRunResult | None = None
        self.progress_dialog: ProgressDialog | None = None
        self.start_page = StartPage()
        self.site_page = SitePage()
        self.campaign_page = CampaignPage()
        self.setup_page = SetupFilePage()
        self.admin_page = AdminPage()
        self.backup_page = BackupPage(default_backup_folder)
        self.demo_page = DemoPage()
        self.finish_page = FinishPage()
        for page_id, page in ((START, self.start_page), (SITE, self.site_page),
                              (CAMPAIGN, self.campaign_page), (SETUP_FILE, self.setup_page),
                              (ADMIN, self.admin_page), (BACKUP, self.backup_page),
                              (DEMO, self.demo_page), (FINISH, self.finish_page)):
            self.setPage(page_id, page)
        self.site_page.nextId = lambda: CAMPAIGN  # type: ignore[method-assign]
        self.campaign_page.nextId = lambda: ADMIN  # type: ignore[method-assign]
        self.setup_page.nextId = lambda: ADMIN  # type: ignore[method-assign]
        self.admin_page.nextId = lambda: BACKUP  # type: ignore[method-assign]
        self.backup_page.nextId = lambda: FINISH  # type: ignore[method-assign]
        self.setStartId(START)
        # A message appearing under a field adjusts the window's size (MessageLabel): never
        # below this, so the page titles and notes are never cut off.
        self.setMinimumSize(780, 620)
        remove_partials(target)

    # -- the plan ----------------------------------------------------------------------------

    def plan(self) -> FirstRunPlan:
        admin = AdminAccount(self.admin_page.username.text(),
                             self.admin_page.display_name.text(), self.admin_page.password.text())
        common = {"target": self.target, "admin": admin,
                  "backup_folder": self.backup_page.chosen_folder(),
                  "backup_keep": self.backup_page.keep.value()}
        if self.start_page.choice() == OPEN_DEMO:
            raise ValueError("the demo needs no plan")
        if self.start_page.choice() == "import":
            assert self.setup_page.setup is not None
            return FirstRunPlan(setup_file=self.setup_page.setup.path, **common)  # type: ignore[arg-type]
        setup = self.site_page.setup()
        site = NewSite(
            org_name=setup.org_name, code=setup.code, name=setup.name, level=setup.level,
            parent_code=setup.parent_code, campaign_name=self.campaign_page.name.text().strip(),
            year=self.campaign_page.year.value(),
            phases=tuple((p.code, p.starts_on, p.ends_on) for p in self.campaign_page.phases()))
        return FirstRunPlan(site=site, **common)  # type: ignore[arg-type]

    def summary_text(self) -> str:
        plan = self.plan()
        lines = []
        if plan.site is not None:
            site = plan.site
            lines += [
                self.tr("Organisation: {name}").format(name=site.org_name),
                self.tr("This site: {code} {name} ({level})").format(
                    code=site.code, name=site.name, level=SITE_LEVELS.label(site.level)),
            ]
            if site.parent_code:
                lines.append(self.tr("Parent site: {code}").format(code=site.parent_code))
            lines.append(self.tr("Campaign: {year} {name}").format(year=site.year,
                                                                 name=site.campaign_name))
            for code, start, end in site.phases:
                lines.append(f"    {PHASES.label(code)}：{start} — {end}")
        else:
            setup = self.setup_page.setup
            assert setup is not None
            lines.append(self.tr("Setup file: {path}").format(path=setup.path))
            lines.append(self.tr("This site: {code} {name} ({level}), under {sender}").format(
                code=setup.code, name=setup.name, level=SITE_LEVELS.label(setup.level),
                sender=setup.sender.name))
        lines.append(self.tr("Administrator: {username} ({name})").format(
            username=plan.admin.username.strip().lower(), name=plan.admin.display_name.strip()))
        lines.append(self.tr("Backups: {folder}, the newest {keep} kept").format(
            folder=self.backup_page.folder.text().strip(), keep=plan.backup_keep))
        lines.append(self.tr("Database file: {path}").format(path=self.target))
        return "\n".join(lines)

    # -- QWizard -----------------------------------------------------------------------------

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == FINISH:
            self.finish_page.error.set_message(None)
            self.finish_page.summary.setText(self.summary_text())

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if isinstance(page, CheckedPage) and page.problems():
            page.recheck(show_all=True)
            return False
        if self.currentId() == DEMO:
            self.result_ = FirstRunResult(DEMO_DATA)
            return True
        if self.currentId() == FINISH:
            if self.result_ is not None:
                return True
            self._build()
            return False  # the wizard closes when the database is made
        return super().validateCurrentPage()

    def _build(self) -> None:
        plan = self.plan()
        dialog = ProgressDialog(self.tr("Creating the database"), self)
        self.progress_dialog = dialog
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        dialog.start(lambda progress: build_database(plan, progress), self._built,
                     on_error=self._failed, on_cancelled=self._cancelled)

    def _built(self, actor: Actor) -> None:
        self.result_ = FirstRunResult(NEW, actor)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, DatabaseExists):
            log.warning("%s", exc.message)
            self.result_ = FirstRunResult(EXISTING)
            self.accept()
        elif isinstance(exc, ValidationError | AppError):
            self.finish_page.error.set_message(self.tr(
                "The database was not created and nothing was saved: {message} "
                "Go back, correct it and press Finish again.").format(message=exc.message))
        else:  # a bug: the crash dialog and the log; nothing was kept
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _cancelled(self) -> None:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.finish_page.error.set_message(self.tr(
            "Cancelled: no database was created. Press Finish to try again."))
