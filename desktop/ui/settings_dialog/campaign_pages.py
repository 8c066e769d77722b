"""The pages that edit the campaign settings stored in the database (administrators only)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.services.settings import (
    ATTACHMENT_KEY,
    DEADLINE_KEYS,
    DUE_SOON_KEY,
    ESCALATION_KEYS,
    QUOTA_KEYS,
    QUOTA_LABELS,
    RESPONSE_KEY,
    CampaignSettings,
    PhaseDates,
    new_term_code,
)
from db.vocab import PHASES, RESOLUTION_MODES, Term
from db.vocab_extra import EXTENSIBLE
from desktop.ui.settings_dialog.base import DateList, SettingsPage
from desktop.ui.widgets import note, to_date, to_qdate


class CampaignPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.org_name = QLineEdit()
        self.org_name.setObjectName("org_name")
        self.campaign_name = QLineEdit()
        self.campaign_name.setObjectName("campaign_name")
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(1990, 2200)  # the service says what is sensible
        self.add_row(self.tr("Organisation name"), "org_name", self.org_name)
        self.add_row(self.tr("Campaign name"), "campaign_name", self.campaign_name)
        self.add_row(self.tr("Year"), "year", self.year)
        self.starts: dict[str, QDateEdit] = {}
        self.ends: dict[str, QDateEdit] = {}
        for term in PHASES:
            start, end = QDateEdit(), QDateEdit()
            for edit, side in ((start, "start"), (end, "end")):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat("yyyy-MM-dd")
                edit.setObjectName(f"phase_{term.code}_{side}")
                edit.dateChanged.connect(self.changed)
            self.starts[term.code], self.ends[term.code] = start, end
            row = QHBoxLayout()
            row.addWidget(start)
            row.addWidget(QLabel(self.tr("to")))
            row.addWidget(end)
            row.addStretch(1)
            self.add_row(term.zh, f"phase.{term.code}", layout=row)
        self.messages["phases"] = self.messages[f"phase.{PHASES.codes()[0]}"]
        self.lay_out(self.tr(
            "The organisation's name heads every report and the window title. The phases "
            "decide which phase a visit counts in."))
        for w in (self.org_name, self.campaign_name):
            w.textChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)

    def title(self) -> str:
        return self.tr("Campaign and phases")

    def load(self, settings: CampaignSettings) -> None:
        self.org_name.setText(settings.org_name)
        self.campaign_name.setText(settings.campaign_name)
        self.year.setValue(settings.year)
        for phase in settings.phases:
            if phase.code in self.starts:
                self.starts[phase.code].setDate(to_qdate(phase.starts_on))
                self.ends[phase.code].setDate(to_qdate(phase.ends_on))

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        phases = tuple(PhaseDates(t.code, to_date(self.starts[t.code].date()),
                                  to_date(self.ends[t.code].date())) for t in PHASES)
        return settings.with_changes(org_name=self.org_name.text(),
                                     campaign_name=self.campaign_name.text(),
                                     year=self.year.value(), phases=phases)


def _spin(name: str, maximum: int = 999) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, maximum)  # 0 is allowed here so the page can say why it is wrong
    return spin


class QuotasPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        for key in QUOTA_KEYS:
            spin = _spin(key)
            spin.valueChanged.connect(self.changed)
            self.spins[key] = spin
            self.add_row(QUOTA_LABELS[key], key, spin)
        self.lay_out(self.tr(
            "From the plan: bureau leaders each lead the solving of 1–2 strongly reported "
            "problems, leaders of affiliated units 1, and every leadership member at least one "
            "practical project. The leaders' quota check counts against these numbers."))

    def title(self) -> str:
        return self.tr("Quotas")

    def load(self, settings: CampaignSettings) -> None:
        for key, spin in self.spins.items():
            spin.setValue(settings.quotas.get(key, 0))

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings.with_changes(quotas={k: s.value() for k, s in self.spins.items()})


@cache
def calendar_years() -> tuple[int, int]:
    """The first and last year the chinese_calendar package knows the holidays of."""
    import chinese_calendar

    known = []
    for year in range(2000, 2101):
        try:
            chinese_calendar.is_holiday(date(year, 1, 1))
        except NotImplementedError:
            continue
        known.append(year)
    return (known[0], known[-1]) if known else (0, 0)


class DeadlinesPage(SettingsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        for key in DEADLINE_KEYS:
            spin = _spin(key)
            spin.setSuffix(self.tr(" working days"))
            spin.valueChanged.connect(self.changed)
            self.spins[key] = spin
            label = RESOLUTION_MODES.label(key.split(".", 1)[1])
            self.add_row(label, key, spin)
        due = _spin(DUE_SOON_KEY)
        due.setSuffix(self.tr(" working days"))
        due.valueChanged.connect(self.changed)
        self.spins[DUE_SOON_KEY] = due
        self.add_row(self.tr("“Due soon” within"), DUE_SOON_KEY, due)
        # The escalation ladder's waits and the response rate's set time, in working days.
        captions = {
            "escalation.supervision_after_workdays": self.tr("Supervision after a chase notice"),
            "escalation.criticism_after_workdays": self.tr(
                "Public criticism after supervision"),
        }
        for key in ESCALATION_KEYS:
            spin = _spin(key)
            spin.setSuffix(self.tr(" working days"))
            spin.valueChanged.connect(self.changed)
            self.spins[key] = spin
            self.add_row(captions[key], key, spin)
        response = _spin(RESPONSE_KEY)
        response.setSuffix(self.tr(" working days"))
        response.valueChanged.connect(self.changed)
        self.spins[RESPONSE_KEY] = response
        self.add_row(self.tr("Response rate: a task within"), RESPONSE_KEY, response)
        self.holidays = DateList("holidays")
        self.workdays = DateList("workdays")
        for dates in (self.holidays, self.workdays):
            dates.changed.connect(self.changed)
        self.add_row(self.tr("Extra holidays"), "calendar", self.holidays)
        self.add_row(self.tr("Extra working days"), "workdays", self.workdays)
        first, last = calendar_years()
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "A new task's deadline is this many working days after it is opened, by how the "
            "problem is to be solved. A late task may be put under supervision only when a "
            "chase notice has gone unanswered this many working days, and listed for public "
            "criticism only after as long again under supervision. A problem counts as "
            "answered in the response rate when a task is opened for it within the set working "
            "days of its report.")))
        layout.addLayout(self.form)
        layout.addWidget(note(self.tr(
            "The official holidays and swapped working days are built in for {first}–{last}. "
            "For later years, enter that year's holidays (and the weekend days that are "
            "working days) here when the State Council publishes them. Dates entered here "
            "apply in every year.").format(first=first, last=last)))
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Deadlines and holidays")

    def load(self, settings: CampaignSettings) -> None:
        for key in (*DEADLINE_KEYS, DUE_SOON_KEY):
            self.spins[key].setValue(settings.deadlines.get(key, 0))
        for key in ESCALATION_KEYS:
            self.spins[key].setValue(settings.escalation.get(key, 0))
        self.spins[RESPONSE_KEY].setValue(settings.response_workdays)
        self.holidays.set_dates(settings.extra_holidays)
        self.workdays.set_dates(settings.extra_workdays)

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings.with_changes(
            deadlines={k: self.spins[k].value() for k in (*DEADLINE_KEYS, DUE_SOON_KEY)},
            escalation={k: self.spins[k].value() for k in ESCALATION_KEYS},
            response_workdays=self.spins[RESPONSE_KEY].value(),
            extra_holidays=self.holidays.dates(), extra_workdays=self.workdays.dates())


class VocabularyPage(SettingsPage):
    """Areas, categories and source channels: the fixed terms, the bureau's additions, and a
    way to add more. Stored terms can be neither removed nor renamed (records use them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.which = QComboBox()
        self.which.setObjectName("vocabulary")
        for name, vocab in EXTENSIBLE.items():
            self.which.addItem(vocab.zh, name)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("terms")
        self.table.setHorizontalHeaderLabels([self.tr("Chinese"), self.tr("English"),
                                              self.tr("Kind")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.zh = QLineEdit()
        self.zh.setObjectName("term_zh")
        self.zh.setPlaceholderText(self.tr("Chinese name, e.g. 心理健康"))
        self.en = QLineEdit()
        self.en.setObjectName("term_en")
        self.en.setPlaceholderText(self.tr("English name (optional)"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName("term_add")
        self.remove_button = QPushButton(self.tr("Remove unsaved"))
        self.remove_button.setObjectName("term_remove")
        row = QHBoxLayout()
        row.addWidget(self.zh, 2)
        row.addWidget(self.en, 2)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note(self.tr(
            "Terms added here appear in the forms, filters, Excel templates and charts next to "
            "the built-in ones, and reach the schools with the next data package. A term once "
            "saved stays: records may use it.")))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Vocabulary")))
        top.addWidget(self.which, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.message = self.add_row("", "vocab")
        layout.addLayout(self.form)
        for name in EXTENSIBLE:
            self.messages[f"vocab.{name}"] = self.message
        del self.messages["vocab"]
        self.extra: dict[str, list[Term]] = {name: [] for name in EXTENSIBLE}
        self.saved: dict[str, set[str]] = {name: set() for name in EXTENSIBLE}
        self.which.currentIndexChanged.connect(self.refresh)
        self.add_button.clicked.connect(self.add_term)
        self.remove_button.clicked.connect(self.remove_term)
        self.zh.returnPressed.connect(self.add_term)

    def title(self) -> str:
        return self.tr("Vocabularies")

    def current(self) -> str:
        return str(self.which.currentData())

    def refresh(self, *_args: object) -> None:
        name = self.current()
        rows = [(t, self.tr("built in")) for t in EXTENSIBLE[name]]
        rows += [(t, self.tr("added") if t.code in self.saved[name] else self.tr("new, unsaved"))
                 for t in self.extra[name]]
        self.table.setRowCount(len(rows))
        for r, (term, kind) in enumerate(rows):
            for c, text in enumerate((term.zh, term.en, kind)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, term.code)
                self.table.setItem(r, c, item)

    def add_term(self) -> None:
        zh = self.zh.text().strip()
        if not zh:
            self.message.set_message(self.tr("Type the Chinese name of the new term first"))
            return
        name = self.current()
        codes = [t.code for t in self.extra[name]]
        self.extra[name].append(Term(new_term_code(codes), zh, self.en.text().strip() or zh))
        self.zh.clear()
        self.en.clear()
        self.refresh()
        self.changed.emit()

    def remove_term(self) -> None:
        name = self.current()
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        code = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if code is None or code in EXTENSIBLE[name] or code in self.saved[name]:
            self.message.set_message(self.tr(
                "Only terms added in this window and not yet saved can be removed"))
            return
        self.extra[name] = [t for t in self.extra[name] if t.code != code]
        self.refresh()
        self.changed.emit()

    def load(self, settings: CampaignSettings) -> None:
        for name in EXTENSIBLE:
            terms = list(settings.vocab_extra.get(name, ()))
            self.extra[name] = terms
            self.saved[name] = {t.code for t in terms}
        self.refresh()

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings.with_changes(vocab_extra={n: tuple(t) for n, t in self.extra.items()})


class BackupPage(SettingsPage):
    def __init__(self, default_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.default_folder = default_folder
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        self.folder.setPlaceholderText(str(default_folder))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.keep = _spin("backup_keep", 9999)
        self.add_row(self.tr("Backup folder"), "backup_folder", layout=row)
        self.add_row(self.tr("Backups kept"), "backup_keep", self.keep)
        self.lay_out(self.tr(
            "Once a day, when the program starts, the database is copied to this folder and "
            "the oldest copies beyond this number are deleted. Empty: the data folder's own "
            "backups folder. A folder on another disk protects against a broken hard disk."))
        self.folder.textChanged.connect(self.changed)
        self.keep.valueChanged.connect(self.changed)

    def title(self) -> str:
        return self.tr("Backups")

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.folder.text() or str(self.default_folder))
        if folder:
            self.folder.setText(folder)

    def load(self, settings: CampaignSettings) -> None:
        self.folder.setText(settings.backup_folder)
        self.keep.setValue(settings.backup_keep)

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings.with_changes(backup_folder=self.folder.text().strip(),
                                     backup_keep=self.keep.value())


class AttachmentsPage(SettingsPage):
    """How large an evidence file or a five-batches attachment may be (copied into the data
    folder, and sent on in exchange packages)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_mb = _spin(ATTACHMENT_KEY, 9999)
        self.max_mb.setSuffix(" MB")
        self.max_mb.valueChanged.connect(self.changed)
        self.add_row(self.tr("Largest file"), ATTACHMENT_KEY, self.max_mb)
        self.lay_out(self.tr(
            "Evidence of an effect and the attachments of the five batches are copied into the "
            "data folder. A larger file is refused with a request to compress or split it. "
            "Photos from a phone are 3–8 MB; a scanned document as PDF is usually smaller."))

    def title(self) -> str:
        return self.tr("Attachments")

    def load(self, settings: CampaignSettings) -> None:
        self.max_mb.setValue(settings.attachment_max_mb)

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings.with_changes(attachment_max_mb=self.max_mb.value())
