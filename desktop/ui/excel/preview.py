"""The preview of an Excel import: what it would add, change and skip, and every error with its
sheet, row and column, copyable for the clerk who fixes the file. Nothing is written here; 导入
asks the caller (``accepted``) to write the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.excel.kinds import kind_name
from desktop.ui.table_model import rows_as_tsv
from desktop.ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from db.excel import ImportIssue, ImportPlan

_AnyIndex = QModelIndex | QPersistentModelIndex
MAX_FITTED_ROWS = 1000


class IssueModel(QAbstractTableModel):
    """The errors of a plan: sheet, row, column, what is wrong, the value."""

    def __init__(self, issues: list[ImportIssue], parent: QWidget | None = None, *,
                 notes: bool = False) -> None:
        super().__init__(parent)
        self._issues = list(issues)
        self._notes = notes  # rows skipped or changed, not errors

    def headers(self) -> list[str]:
        what = self.tr("What will happen") if self._notes else self.tr("What is wrong")
        return [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), what,
                self.tr("Value in the file")]

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._issues):
            return None
        issue = self._issues[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = [issue.sheet, str(issue.row) if issue.row else "", issue.column,
                      issue.message, issue.value]
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 5):
            return self.headers()[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)


class ImportPreviewDialog(QDialog):
    """Counts to add / change / skip, the errors, and 导入 (only when there is something to
    write and no error)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("excelImportPreview")
        self.plan = plan
        self.setModal(True)
        self.resize(900, 520)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.added = QLabel(str(len(plan.to_add)))
        self.changed = QLabel(str(len(plan.to_change)))
        self.skipped = QLabel(str(len(plan.duplicates)))
        self.error_count = QLabel(str(len(plan.errors)))
        for label in (self.added, self.changed, self.skipped, self.error_count):
            label.setObjectName("count")
        self.count_labels = [QLabel() for _ in range(4)]
        self.counts = QFormLayout()
        for label, value in zip(self.count_labels, (self.added, self.changed, self.skipped,
                                                    self.error_count), strict=True):
            self.counts.addRow(label, value)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        if plan.errors:
            self.verdict.setStyleSheet(ERROR_STYLE)
        # A 编号 column means the sheet came out of a ledger; if its rows are still "new", it
        # is most likely a tab's table exported for reading (its columns are not the import
        # format: 摘要 is not 走访内容), and importing it would store the records twice.
        self.number_header = next((h["number"] for h in plan.headers.values() if "number" in h),
                                  None)
        self.exported_warning = QLabel()
        self.exported_warning.setObjectName("exportedWarning")
        self.exported_warning.setWordWrap(True)
        self.exported_warning.setStyleSheet(ERROR_STYLE)
        self.exported_warning.setVisible(
            self.number_header is not None and bool(plan.to_add) and not plan.errors)

        # Without errors the table lists the rows that will not simply be added: updates and
        # skipped duplicates, so the clerk sees why the counts are what they are.
        rows = plan.errors or self._notes(plan)
        self.issues = IssueModel(rows, self, notes=not plan.errors)
        self.table = QTableView()
        self.table.setObjectName("importErrors")
        self.table.setModel(self.issues)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # A message says what is wrong and how to fix it in a sentence: wrapped, not cut off.
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 50, 100, 430)):
            self.table.setColumnWidth(column, width)
        header.sectionResized.connect(self._fit_rows)
        self.table.setVisible(bool(rows))
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copyErrors")
        self.copy_button.clicked.connect(self.copy_errors)
        self.copy_button.setVisible(bool(rows))

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImport")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(not plan.errors and not plan.is_noop)
        self.import_button.setDefault(self.import_button.isEnabled())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(self.counts)
        layout.addWidget(self.verdict)
        layout.addWidget(self.exported_warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        if not rows:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()
        if not rows:
            self.resize(560, self.sizeHint().height())

    def _notes(self, plan: ImportPlan) -> list[ImportIssue]:
        from db.excel import ImportIssue, spec_for

        spec = spec_for(plan.kind)

        def label(field: str) -> str:
            key = field.removesuffix("_id")
            return next((c.label for c in spec.columns if c.key in (field, key)), field)

        notes = [ImportIssue(c.sheet, c.row, "、".join(label(f) for f in c.changes),
                             self.tr("Will update “{name}”").format(name=c.label))
                 for c in plan.to_change]
        notes += [ImportIssue(d.sheet, d.row, "", d.reason) for d in plan.duplicates]
        return sorted(notes, key=lambda n: (n.sheet, n.row))

    def _fit_rows(self) -> None:
        if self.issues.rowCount() <= MAX_FITTED_ROWS:  # measuring every row costs
            self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()

    def retranslate(self) -> None:
        plan = self.plan
        self.setWindowTitle(self.tr("Import preview: {kind}").format(kind=kind_name(plan.kind)))
        self.file_label.setText(self.tr("File: {name} — {rows} rows read").format(
            name=plan.path.name, rows=plan.rows_read))
        labels = [self.tr("To add:"), self.tr("To change:"),
                  self.tr("Already stored or repeated (skipped):"), self.tr("Errors:")]
        for label, text in zip(self.count_labels, labels, strict=True):
            label.setText(text)
        if plan.errors:
            verdict = self.tr("Nothing has been written. Correct the rows listed below in the "
                              "file (sheet, row and column as Excel shows them), save it and "
                              "import it again.")
        elif plan.is_noop:
            verdict = self.tr("Everything in this file is already stored: there is nothing to "
                              "import.")
        else:
            verdict = self.tr("Nothing has been written yet. Click Import to write these "
                              "records, all at once.")
        self.verdict.setText(verdict)
        self.exported_warning.setText(self.tr(
            "Check before importing: the sheet has a number column (“{header}”), so it seems to "
            "be an export of the ledger. A table exported from a tab is not in the import "
            "format, and importing it would store these {count} records a second time. Import "
            "it only if the records are really new here.").format(
            header=self.number_header or "", count=len(plan.to_add)))
        self.copy_button.setText(self.tr("Copy the error list (for Excel)") if plan.errors
                                 else self.tr("Copy the list (for Excel)"))
        self.import_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close") if plan.errors or plan.is_noop
                                  else self.tr("Cancel"))
        self.issues.retranslate()

    def copy_errors(self) -> str:
        """All errors (or the selected ones) as tab-separated text on the clipboard."""
        if not self.table.selectionModel().hasSelection():
            self.table.selectAll()
        text = rows_as_tsv(self.table)
        QApplication.clipboard().setText(text)
        return text

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
