"""管理 → 审计日志: the audit log, filtered, newest first, read-only for everyone.

The table pages lazily through ``db.audit.audit_page`` (keyset on the entry number), so a log of
a million entries opens as fast as a short one. The selected entry's before → after is shown in
full below the table. 校验审计链 re-computes the hash chain on a worker thread.

Reading the log is refused by ``db.audit`` itself for roles other than administrator and
leader; this dialog only shows the refusal.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.audit import (
    Actor,
    AuditCursor,
    AuditFilter,
    AuditRow,
    audit_count,
    audit_page,
    audit_tables,
    audit_usernames,
    require_audit_access,
    verify_audit_log,
)
from db.engine import Database
from db.errors import AppError
from db.vocab import AUDIT_ACTIONS
from db.vocab_extra import FIXED, Vocabularies, load_vocabularies
from desktop.ui.admin.labels import action_label, field_label, table_label, value_text
from desktop.ui.i18n import current_language
from desktop.ui.table_model import Column, PagedTableModel
from desktop.ui.widgets import apply_column_widths, debounce_timer, setup_record_table
from desktop.ui.worker import run_task

CTX = "AuditColumns"
NO_DATE = QDate(2000, 1, 1)  # the date boxes' minimum, shown as "any"


def change_lines(row: AuditRow, vocabs: Vocabularies = FIXED) -> list[str]:
    """Each changed field as "field: before → after" (a new record: "field: value")."""
    if row.hidden:
        return [
            QCoreApplication.translate(
                "AuditLogDialog",
                "(care record: values shown only to users granted the care register)",
            )
        ]
    lines = []
    for c in row.changes:
        before = value_text(row.table_name, c.field, c.before, vocabs)
        after = value_text(row.table_name, c.field, c.after, vocabs)
        if row.action == "create" and c.after in (None, ""):
            continue  # a new record's empty fields say nothing
        if row.action == "create":
            lines.append(f"{field_label(c.field)}: {after}")
        else:
            lines.append(f"{field_label(c.field)}: {before} → {after}")
    return lines


def audit_columns(vocabs: Vocabularies = FIXED) -> list[Column[AuditRow]]:
    """The log's columns; *vocabs* labels the bureau's added terms in the changes."""
    return [
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "No."),
            lambda r: r.seq,
            CTX,
            width=60,
            alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "When"),
            lambda r: r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            CTX,
            width=150,
        ),
        Column(QT_TRANSLATE_NOOP("AuditColumns", "User"), lambda r: r.username, CTX, width=90),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "Action"), lambda r: action_label(r.action), CTX,
            width=70,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "Record kind"),
            lambda r: table_label(r.table_name),
            CTX,
            width=90,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "Record"),
            lambda r: r.record_id[:8],
            CTX,
            width=80,
            tooltip=lambda r: r.record_id,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "Summary"),
            lambda r: r.summary,
            CTX,
            width=260,
            tooltip=lambda r: r.summary,
        ),
        Column(
            QT_TRANSLATE_NOOP("AuditColumns", "Before → after"),
            lambda r: "；".join(change_lines(r, vocabs)),
            CTX,
            width=360,
            tooltip=lambda r: "\n".join(change_lines(r, vocabs)),
        ),
    ]


class AuditLogDialog(QDialog):
    """The audit log viewer. Construct it only for an actor allowed to read the log: the
    constructor asks ``db.audit`` and raises PermissionDenied otherwise (``open_for`` shows
    that refusal in words)."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        require_audit_access(actor)
        self.database = database
        self.actor = actor
        self.setObjectName("AuditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1180, 720)
        self.filters = AuditFilter()
        with database.session() as s:
            self.vocabs = load_vocabularies(s)

        self.user = QComboBox()
        self.user.setObjectName("auditUser")
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.kind = QComboBox()
        self.kind.setObjectName("auditKind")
        self.record = QLineEdit()
        self.record.setObjectName("auditRecord")
        self.record.setPlaceholderText(self.tr("record number, or id (or its beginning)"))
        self.record.setClearButtonEnabled(True)
        self.date_from = self._date_box("auditFrom")
        self.date_to = self._date_box("auditTo")
        self._fill_choices()
        for combo in (self.user, self.action, self.kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumWidth(150)
        self.record.setMinimumWidth(240)

        top = QHBoxLayout()
        form = QFormLayout()
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Kind of change"), self.action)
        top.addLayout(form)
        form2 = QFormLayout()
        form2.addRow(self.tr("Record kind"), self.kind)
        form2.addRow(self.tr("Record"), self.record)
        top.addLayout(form2)
        form3 = QFormLayout()
        form3.addRow(self.tr("From"), self.date_from)
        form3.addRow(self.tr("To"), self.date_to)
        top.addLayout(form3)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)

        self.model: PagedTableModel[AuditRow] = PagedTableModel(
            audit_columns(self.vocabs), self._fetch, self._count, row_id=lambda r: r.seq,
            parent=self
        )
        self.table = QTableView()
        setup_record_table(
            self.table, "auditTable", QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setModel(self.model)
        apply_column_widths(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)

        self.details = QPlainTextEdit()
        self.details.setObjectName("auditDetails")
        self.details.setReadOnly(True)
        self.details.setPlaceholderText(self.tr("Select an entry to see what it changed."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.count_label = QLabel()
        self.count_label.setObjectName("auditCount")
        self.verify_button = QPushButton(self.tr("Verify the chain"))
        self.verify_button.setObjectName("auditVerify")
        self.verify_button.setToolTip(
            self.tr("Checks that no entry was removed or altered since it was written")
        )
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("auditVerifyResult")
        self.verify_result.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.verify_button)
        bottom.addWidget(self.verify_result, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._timer = debounce_timer(self, 300, self.apply_filters)
        for combo in (self.user, self.action, self.kind):
            combo.currentIndexChanged.connect(self._timer.start)
        self.record.textChanged.connect(self._timer.start)
        self.date_from.dateChanged.connect(self._timer.start)
        self.date_to.dateChanged.connect(self._timer.start)
        self.apply_filters()

    # -- building -----------------------------------------------------------------------------

    def _date_box(self, name: str) -> QDateEdit:
        box = QDateEdit()
        box.setObjectName(name)
        box.setCalendarPopup(True)
        box.setDisplayFormat("yyyy-MM-dd")
        box.setMinimumDate(NO_DATE)
        box.setSpecialValueText(self.tr("any"))  # shown while the minimum (no limit) is set
        box.setDate(NO_DATE)
        return box

    def _fill_choices(self) -> None:
        with self.database.session() as s:
            users = audit_usernames(s, self.actor)
            tables = audit_tables(s, self.actor)
        self.user.addItem(self.tr("(everyone)"), "")
        for name in users:
            self.user.addItem(name, name)
        self.action.addItem(self.tr("(any)"), "")
        for term in AUDIT_ACTIONS:
            self.action.addItem(term.label(current_language()), term.code)
        self.kind.addItem(self.tr("(any)"), "")
        for table in sorted(tables, key=table_label):
            self.kind.addItem(table_label(table), table)

    # -- data ---------------------------------------------------------------------------------

    def _fetch(self, cursor: AuditCursor | None, limit: int) -> tuple[list[AuditRow], Any]:
        with self.database.session() as s:
            return audit_page(s, self.actor, self.filters, after=cursor, limit=limit)

    def _count(self) -> int:
        with self.database.session() as s:
            return audit_count(s, self.actor, self.filters)

    @staticmethod
    def _day(box: QDateEdit) -> date | None:
        return None if box.date() == NO_DATE else box.date().toPython()  # type: ignore[return-value]

    def current_filters(self) -> AuditFilter:
        return AuditFilter(
            username=str(self.user.currentData() or ""),
            date_from=self._day(self.date_from),
            date_to=self._day(self.date_to),
            table_name=str(self.kind.currentData() or ""),
            record_id=self.record.text(),
            action=str(self.action.currentData() or ""),
        )

    @Slot()
    def apply_filters(self) -> None:
        self._timer.stop()
        self.filters = self.current_filters()
        self.model.reset()
        if self.model.canFetchMore():
            self.model.fetchMore()
        self.details.clear()
        total = self.model.total() or 0
        self.count_label.setText(self.tr("{n} entries").format(n=total))

    @Slot()
    def clear_filters(self) -> None:
        for combo in (self.user, self.action, self.kind):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for box in (self.date_from, self.date_to):
            box.blockSignals(True)
            box.setDate(NO_DATE)
            box.blockSignals(False)
        self.record.blockSignals(True)
        self.record.clear()
        self.record.blockSignals(False)
        self.apply_filters()

    def show_record(self, table_name: str, record_id: str) -> None:
        """Narrow the log to one record (e.g. from a record's context menu)."""
        index = self.kind.findData(table_name)
        self.kind.setCurrentIndex(max(index, 0))
        self.record.setText(record_id)
        self.apply_filters()

    @Slot()
    def _show_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.details.clear()
            return
        row = self.model.row(index.row())
        head = self.tr("No. {seq} · {when} · {user} · {action} · {kind} {record}").format(
            seq=row.seq,
            when=row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            user=row.username,
            action=action_label(row.action),
            kind=table_label(row.table_name),
            record=row.record_id,
        )
        lines = [head, row.summary, ""]
        lines += change_lines(row, self.vocabs) or [self.tr("(no field values recorded)")]
        self.details.setPlainText("\n".join(lines))

    # -- the chain ----------------------------------------------------------------------------

    @Slot()
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setText(self.tr("Verifying…"))
        database, actor = self.database, self.actor
        run_task(
            lambda _p: verify_audit_log(database, actor),
            self._verified,
            on_error=self._verify_failed,
        )

    def _verified(self, problems: list[str]) -> None:
        self.verify_button.setEnabled(True)
        if not problems:
            text = self.tr("The audit log is intact: no entry was removed or altered.")
            self.verify_result.setStyleSheet("color: #1b5e20;")
            self.verify_result.setText("✔ " + text)
            return
        shown = "\n".join(problems[:20])
        more = len(problems) - 20
        if more > 0:
            shown += "\n" + self.tr("… and {n} more").format(n=more)
        self.verify_result.setStyleSheet("color: #b3261e;")
        self.verify_result.setText(
            "⚠ "
            + self.tr("The audit log has been tampered with: {n} problems found.").format(
                n=len(problems)
            )
        )
        QMessageBox.warning(
            self,
            self.tr("Audit log tampered with"),
            self.tr(
                "Entries of the audit log were removed or altered after they were written:\n\n"
                "{problems}\n\nKeep this database as it is and tell the administrator; restoring "
                "an earlier backup shows what the entries were."
            ).format(problems=shown),
        )

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.verify_result.setText("")
        if isinstance(exc, AppError):
            QMessageBox.warning(self, self.tr("Cannot verify"), exc.message)
            return
        raise exc


def open_audit_log(parent: QWidget, database: Database, actor: Actor) -> AuditLogDialog | None:
    """Show the viewer (non-modal), or the refusal when *actor* may not read the log."""
    try:
        dialog = AuditLogDialog(database, actor, parent)
    except AppError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("AuditLogDialog", "Not permitted"), exc.message
        )
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
