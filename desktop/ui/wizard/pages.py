"""The first-run wizard's pages. Each checks its fields as the user types and shows what is
wrong under the field; Next stays disabled until the page is right.

The rules themselves are the services' (``db.campaign`` for the site, ``db.services.settings``
for the campaign and the backup folder, ``db.services.accounts`` for the password), so the
wizard never accepts what the database would refuse.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from db.campaign import DEFAULT_CAMPAIGN_NAME, DEFAULT_ORG_NAME, SiteSetup, default_phases
from db.errors import ValidationError
from db.services.accounts import RESERVED_USERNAMES, normalise_username, password_problem
from db.services.settings import (
    DEFAULT_BACKUP_KEEP,
    MAX_BACKUP_KEEP,
    PhaseDates,
    backup_folder_problem,
    campaign_problems,
)
from db.vocab import PHASES, SITE_LEVELS
from desktop.ui.login import MessageLabel, add_field_row
from desktop.ui.widgets import note, to_date, to_qdate

# Page ids, in the order of the flow.
START, SITE, CAMPAIGN, SETUP_FILE, ADMIN, BACKUP, DEMO, FINISH = range(8)

NEW_SITE, IMPORT_SETUP, OPEN_DEMO = "new", "import", "demo"




class CheckedPage(QWizardPage):
    """A page whose fields each have a message label; ``problems()`` names what is wrong.

    A message appears once the user has touched the field (or pressed Next, which then stays
    on the page), so an empty page does not open full of red."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages: dict[str, MessageLabel] = {}
        self.touched: set[str] = set()
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def add_row(self, label: str, field: str, widget: QWidget | None = None,
                layout: QHBoxLayout | None = None) -> MessageLabel:
        return add_field_row(self.form, self.messages, label, field, widget, layout)

    def watch(self, field: str, signal: Signal) -> None:  # type: ignore[valid-type]
        def changed(*_args: object) -> None:
            self.touched.add(field)
            self.recheck()

        signal.connect(changed)  # type: ignore[attr-defined]

    def problems(self) -> dict[str, str]:
        return {}

    def recheck(self, *, show_all: bool = False) -> None:
        found = self.problems()
        for field, label in self.messages.items():
            shown = show_all or field in self.touched
            label.set_message(found.get(field) if shown else None)
        self.completeChanged.emit()

    # Next stays enabled: pressing it on a page with problems shows every message (the
    # wizard's validateCurrentPage), so nobody is left wondering why the button is grey.

    def initializePage(self) -> None:
        self.recheck()


class StartPage(QWizardPage):
    """New site, setup file from the bureau, or the demo data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to 民情台账"))
        self.setSubTitle(self.tr(
            "This PC has no ledger database yet. Choose how to start; you can change every "
            "setting later in Settings."))
        self.new_site = QRadioButton(self.tr("Set up this site myself (organisation, campaign, "
                                             "administrator)"))
        self.import_setup = QRadioButton(self.tr(
            "Import a setup file from my bureau (units, cadres and settings already filled in)"))
        self.open_demo = QRadioButton(self.tr("Open the demo data to look around first"))
        self.new_site.setObjectName("choice_new")
        self.import_setup.setObjectName("choice_import")
        self.open_demo.setObjectName("choice_demo")
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button, text in (
            (self.new_site, self.tr("For a city or county bureau, or a school without a "
                                    "setup file.")),
            (self.import_setup, self.tr("Your county or city bureau gives you this file "
                                        "(ending in .mqsetup) on a USB stick or by e-mail.")),
            (self.open_demo, self.tr("Invented records of a whole city, kept apart from your "
                                     "own data. The wizard appears again at the next start.")),
        ):
            self.group.addButton(button)
            layout.addWidget(button)
            hint = note(text)
            hint.setContentsMargins(24, 0, 0, 8)
            layout.addWidget(hint)
        layout.addStretch(1)
        self.new_site.setChecked(True)

    def choice(self) -> str:
        if self.import_setup.isChecked():
            return IMPORT_SETUP
        if self.open_demo.isChecked():
            return OPEN_DEMO
        return NEW_SITE

    def nextId(self) -> int:
        return {NEW_SITE: SITE, IMPORT_SETUP: SETUP_FILE, OPEN_DEMO: DEMO}[self.choice()]


class SitePage(CheckedPage):
    """The organisation and this site: code, name, level, parent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Organisation and this site"))
        self.setSubTitle(self.tr(
            "The organisation's name heads every report. The site code is short and unique "
            "among all sites that exchange data (e.g. SZ for the city, SX for a county, "
            "SX01 for a school); ask your bureau if unsure."))
        self.org_name = QLineEdit(DEFAULT_ORG_NAME)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. SX01"))
        self.code.setMaxLength(16)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. 随县第一中学"))
        self.level = QComboBox()
        for term in SITE_LEVELS:
            self.level.addItem(term.zh, term.code)
        self.level.setCurrentIndex(SITE_LEVELS.codes().index("school"))
        self.parent_code = QLineEdit()
        self.parent_code.setPlaceholderText(self.tr("the code of the bureau above, e.g. SX"))
        self.parent_code.setMaxLength(16)
        for key, w in (("org_name", self.org_name), ("code", self.code), ("name", self.name),
                       ("parent_code", self.parent_code)):
            w.setObjectName(key)
        self.level.setObjectName("level")
        self.add_row(self.tr("Organisation name"), "org_name", self.org_name)
        self.add_row(self.tr("Site code"), "code", self.code)
        self.add_row(self.tr("Site name"), "name", self.name)
        self.add_row(self.tr("Level"), "level", self.level)
        self.parent_label = QLabel(self.tr("Parent site code"))
        self.add_row("", "parent_code", self.parent_code)
        self.form.setWidget(self.form.rowCount() - 1, QFormLayout.ItemRole.LabelRole,
                            self.parent_label)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        for key, w in (("org_name", self.org_name), ("code", self.code), ("name", self.name),
                       ("parent_code", self.parent_code)):
            self.watch(key, w.textChanged)
        self.watch("level", self.level.currentIndexChanged)
        self.level.currentIndexChanged.connect(self._level_changed)
        self._level_changed()

    def _level_changed(self, *_args: object) -> None:
        city = self.level.currentData() == "city"
        self.parent_code.setEnabled(not city)

    def setup(self) -> SiteSetup:
        level = str(self.level.currentData())
        parent = self.parent_code.text().strip().upper() if level != "city" else ""
        return SiteSetup(code=self.code.text().strip().upper(), name=self.name.text().strip(),
                         level=level, parent_code=parent or None,
                         org_name=self.org_name.text().strip())

    def problems(self) -> dict[str, str]:
        from db.campaign import _validate  # the service's own rules for a site

        setup = self.setup()
        found: dict[str, str] = {}
        try:
            _validate(setup)
        except ValidationError as exc:
            for error in exc.errors:
                found.setdefault(error.field, error.message)
        parent = setup.parent_code or ""
        if setup.level != "city":
            if not parent:
                found["parent_code"] = self.tr(
                    "Enter the code of the bureau above this site (a school: its county "
                    "bureau; a county: the city bureau)")
            elif not parent.replace("-", "").isalnum() or not parent.isascii():
                found["parent_code"] = self.tr(
                    "The parent code has letters and digits only, e.g. SX")
            elif parent == setup.code:
                found["parent_code"] = self.tr(
                    "The parent code must differ from this site's own code")
        return found


class CampaignPage(CheckedPage):
    """The campaign's name, year and the four phases (defaults from the 2022 plan)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The campaign"))
        self.setSubTitle(self.tr(
            "The four phases of the plan, with its dates moved to the year you choose. "
            "Change them if your bureau's plan differs."))
        self.name = QLineEdit(DEFAULT_CAMPAIGN_NAME)
        self.name.setObjectName("campaign_name")
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.add_row(self.tr("Campaign name"), "campaign_name", self.name)
        self.add_row(self.tr("Year"), "year", self.year)
        self.starts: dict[str, QDateEdit] = {}
        self.ends: dict[str, QDateEdit] = {}
        for term in PHASES:
            start, end = QDateEdit(), QDateEdit()
            for edit, side in ((start, "start"), (end, "end")):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setObjectName(f"phase_{term.code}_{side}")
            self.starts[term.code], self.ends[term.code] = start, end
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(end)
            row.addStretch(1)
            self.add_row(term.zh, f"phase.{term.code}", layout=row)
        self.set_year_defaults(self.year.value())
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.watch("campaign_name", self.name.textChanged)
        self.year.valueChanged.connect(self.set_year_defaults)
        for term in PHASES:
            self.watch(f"phase.{term.code}", self.starts[term.code].dateChanged)
            self.watch(f"phase.{term.code}", self.ends[term.code].dateChanged)

    def set_year_defaults(self, year: int) -> None:
        for code, start, end in default_phases(year):
            self.starts[code].setDate(to_qdate(start))
            self.ends[code].setDate(to_qdate(end))

    def phases(self) -> tuple[PhaseDates, ...]:
        return tuple(PhaseDates(t.code, to_date(self.starts[t.code].date()),
                                to_date(self.ends[t.code].date())) for t in PHASES)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for error in campaign_problems(self.name.text(), self.year.value(), self.phases()):
            found.setdefault(error.field, error.message)
        return found


class SetupFilePage(CheckedPage):
    """Choose the setup file; shows whom it is for and the bureau's fingerprint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Setup file from your bureau"))
        self.setSubTitle(self.tr(
            "Choose the file your bureau gave you. Its units, cadres, campaign and settings "
            "are imported, and the bureau becomes a trusted site for exchanging data."))
        self.path = QLineEdit()
        self.path.setObjectName("setup_path")
        self.path.setReadOnly(True)
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.add_row(self.tr("Setup file"), "setup_file", layout=row)
        self.info = QLabel()
        self.info.setObjectName("setup_info")
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.setup = None
        self._error = ""
        self.path.textChanged.connect(self._read)  # read first: the check needs the result
        self.watch("setup_file", self.path.textChanged)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the setup file"), str(Path.home()),
            self.tr("Setup files (*.mqsetup)"))
        if name:
            self.path.setText(name)

    def _read(self, text: str) -> None:
        from db.errors import AppError
        from db.exchange.setup_file import read_setup_file

        self.setup, self._error = None, ""
        self.info.clear()
        if not text:
            return
        try:
            self.setup = read_setup_file(Path(text))
        except AppError as exc:
            self._error = exc.message
            return
        s = self.setup
        self.info.setText(self.tr(
            "This file sets up site {code} {name} ({level}) under {sender} {sender_name}.\n"
            "Fingerprint of the bureau's key: {fingerprint}\n"
            "To be sure the file really comes from your bureau, phone them and compare this "
            "fingerprint with the one their screen shows.").format(
                code=s.code, name=s.name, level=SITE_LEVELS.label(s.level),
                sender=s.sender.code, sender_name=s.sender.name,
                fingerprint=s.sender.fingerprint))

    def problems(self) -> dict[str, str]:
        if self._error:
            return {"setup_file": self._error}
        if self.setup is None:
            return {"setup_file": self.tr("Choose the setup file (ending in .mqsetup)")}
        return {}


class AdminPage(CheckedPage):
    """The administrator account: the one who changes settings and manages accounts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr(
            "The administrator changes settings and creates the clerks' accounts. Write the "
            "password down and keep it safe: nobody can look it up later."))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = QLineEdit()
        self.confirm = QLineEdit()
        for key, w in (("username", self.username), ("display_name", self.display_name),
                       ("password", self.password), ("confirm", self.confirm)):
            w.setObjectName(key)
        for w in (self.password, self.confirm):
            w.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row(self.tr("Username"), "username", self.username)
        self.add_row(self.tr("Full name"), "display_name", self.display_name)
        self.add_row(self.tr("Password"), "password", self.password)
        self.add_row(self.tr("Password again"), "confirm", self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note(self.tr(
            "At least 8 characters, not only digits, not the same as the username.")))
        layout.addStretch(1)
        for key, w in (("username", self.username), ("display_name", self.display_name),
                       ("password", self.password), ("confirm", self.confirm)):
            self.watch(key, w.textChanged)

    def problems(self) -> dict[str, str]:
        found: dict[str, str] = {}
        name = normalise_username(self.username.text())
        if not name:
            found["username"] = self.tr("Enter a username, e.g. admin")
        elif any(c.isspace() or not c.isprintable() for c in name) or len(name) > 50:
            found["username"] = self.tr(
                "A username has at most 50 letters, digits or Chinese characters, no spaces")
        elif name in RESERVED_USERNAMES:
            found["username"] = self.tr(
                "“{name}” is reserved by the program; choose another username").format(name=name)
        if not self.display_name.text().strip():
            found["display_name"] = self.tr("Enter the administrator's full name")
        problem = password_problem(self.password.text(), name)
        if problem:
            found["password"] = problem
        elif self.confirm.text() != self.password.text():
            found["confirm"] = self.tr(
                "The two passwords differ; type the same password again")
        return found


class BackupPage(CheckedPage):
    """Where the automatic daily backups go and how many are kept."""

    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backups"))
        self.setSubTitle(self.tr(
            "Every day, when the program starts, it copies the database to this folder. A "
            "folder on another disk or a USB stick protects against a broken hard disk."))
        self.default_folder = default_folder
        self.folder = QLineEdit(str(default_folder))
        self.folder.setObjectName("backup_folder")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.keep = QSpinBox()
        self.keep.setObjectName("backup_keep")
        self.keep.setRange(1, MAX_BACKUP_KEEP)
        self.keep.setValue(DEFAULT_BACKUP_KEEP)
        self.add_row(self.tr("Backup folder"), "backup_folder", layout=row)
        self.add_row(self.tr("Backups kept"), "backup_keep", self.keep)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.watch("backup_folder", self.folder.textChanged)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)

    def chosen_folder(self) -> str:
        """The folder as stored: empty for the data folder's own backups/."""
        text = self.folder.text().strip()
        return "" if text and Path(text) == self.default_folder else text

    def problems(self) -> dict[str, str]:
        text = self.folder.text().strip()
        if not text:
            return {"backup_folder": self.tr("Choose a folder for the backups")}
        problem = backup_folder_problem(text)
        return {"backup_folder": problem} if problem else {}


class DemoPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Demo data"))
        self.setSubTitle(self.tr("A complete, invented city for looking around."))
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "The demo database is made in a folder of its own the first time (a few seconds) "
            "and never mixes with real data. Anything may be tried in it.\n\n"
            "When you are ready to start for real, close the program and start it again: "
            "this wizard appears again.")))
        layout.addStretch(1)
        self.setFinalPage(True)

    def nextId(self) -> int:
        return -1


class FinishPage(QWizardPage):
    """What will be made; Finish makes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Ready"))
        self.setSubTitle(self.tr("Check the summary, then press Finish to create the database."))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = MessageLabel()
        self.error.setObjectName("message_finish")
        grid = QGridLayout(self)
        grid.addWidget(self.summary, 0, 0)
        grid.addWidget(self.error, 1, 0)
        grid.setRowStretch(2, 1)
        self.setFinalPage(True)

    def nextId(self) -> int:
        return -1
