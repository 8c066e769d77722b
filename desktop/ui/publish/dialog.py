"""公示: publishing the three lists for the portal. The dialog collects the lists as the public
will see them (in the background), shows them, shows side by side every text that masking
changes — the original on the left, what is published on the right — with counts of what was
found, and then writes the chosen formats (in the background too)."""

from __future__ import annotations

import html
import sys
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.disclosure.lists import (
    EFFECT_HEADERS,
    PROBLEM_HEADERS,
    SECTION_TITLES,
    TASK_HEADERS,
)
from db.disclosure.masking import Span
from db.engine import Database
from db.errors import AppError
from desktop.progress import Progress
from desktop.ui.lists.common import show_app_error
from desktop.ui.publish.preview import (
    GROUPS,
    MaskRow,
    PublishPreview,
    build_preview,
    output_paths,
    write_all,
)
from desktop.ui.settings import app_settings
from desktop.ui.studies.tables import make_view, memory_model, show_model
from desktop.ui.table_model import Column
from desktop.ui.worker import ProgressDialog

CTX = "PublishColumns"
FORMAT_KEYS = ("html", "xlsx", "pdf")
# Highlights: what is found (left) and what replaces it (right); the symbols carry the meaning
# too, for a reader who cannot tell the colours apart.
FOUND_STYLE = "background:#f6c6c6;text-decoration:underline;"
MASKED_STYLE = "background:#c8ecc8;"


def _public_columns(headers: tuple[str, ...]) -> list[Column[tuple[Any, ...]]]:
    # The published documents are Chinese; their column names are shown as they will appear.
    def value(i: int) -> Any:
        return lambda row: row[i].isoformat() if isinstance(row[i], date) else row[i]

    wide = {"问题描述", "任务名称", "办理措施", "最新进展", "取得成效"}
    numbers = {"问题编号", "任务编号", "对应任务", "对应问题", "单位", "责任单位", "问题类别"}

    def width(header: str) -> int:
        return 260 if header in wide else 150 if header in numbers else 90

    return [Column(h, value(i), CTX, width=width(h)) for i, h in enumerate(headers)]


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


MASK_HEADERS = (QT_TRANSLATE_NOOP("PublishColumns", "Field"),
                QT_TRANSLATE_NOOP("PublishColumns", "Found"),
                QT_TRANSLATE_NOOP("PublishColumns", "Original (stays here)"),
                QT_TRANSLATE_NOOP("PublishColumns", "Published (masked)"))


def _highlight(text: str, spans: tuple[Span, ...], *, masked: bool) -> str:
    """The text as HTML with each span highlighted: the original piece, or its replacement."""
    out: list[str] = []
    pos = 0
    for sp in spans:
        out.append(html.escape(text[pos:sp.start]))
        piece = sp.replacement if masked else sp.original
        style = MASKED_STYLE if masked else FOUND_STYLE
        out.append(f'<span style="{style}">{html.escape(piece)}</span>')
        pos = sp.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


class PublishDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publishDialog")
        self.db = db
        self.actor = actor
        self.preview: PublishPreview | None = None
        self.saved_paths: list[Path] = []
        self.settings: QSettings = app_settings()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("publishSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("publishTabs")
        # The side-by-side: every changed field, and the chosen one in full below.
        self.mask_view = make_view("maskTable")
        self.original = QTextBrowser()
        self.original.setObjectName("originalText")
        self.masked = QTextBrowser()
        self.masked.setObjectName("maskedText")
        self.original_label = QLabel()
        self.masked_label = QLabel()
        pair = QSplitter(Qt.Orientation.Horizontal)
        for label, browser in ((self.original_label, self.original),
                               (self.masked_label, self.masked)):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(label)
            column.addWidget(browser)
            pair.addWidget(box)
        masking = QSplitter(Qt.Orientation.Vertical)
        masking.addWidget(self.mask_view)
        masking.addWidget(pair)
        masking.setSizes([330, 170])
        self.tabs.addTab(masking, "")
        self.list_views: list[QTableView] = []
        for n in range(3):
            view = make_view(f"publicList{n}")
            self.list_views.append(view)
            self.tabs.addTab(view, "")
        self.format_boxes: dict[str, QCheckBox] = {}
        formats = QHBoxLayout()
        self.formats_label = QLabel()
        formats.addWidget(self.formats_label)
        chosen = str(self.settings.value("publish/formats", "html,xlsx,pdf")).split(",")
        for key in FORMAT_KEYS:
            box = QCheckBox()
            box.setObjectName(f"format_{key}")
            box.setChecked(key in chosen)
            box.toggled.connect(self._update_actions)
            self.format_boxes[key] = box
            formats.addWidget(box)
        formats.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("publishSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.choose_and_save)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        formats.addWidget(self.save_button)
        formats.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(formats)
        self.resize(1150, 760)
        self.retranslate()
        self._update_actions()

    # -- texts ----------------------------------------------------------------------------------

    def _group_names(self) -> dict[str, str]:
        return {"phone": self.tr("phone numbers"), "id_card": self.tr("ID card numbers"),
                "student_no": self.tr("student numbers"), "email": self.tr("e-mail addresses"),
                "name": self.tr("names of reporters and students")}

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Publish the three lists"))
        self.intro.setText(self.tr(
            "What the portal will show. Reporter names and phones, the people asked at "
            "follow-ups and the care register are never published; personal data found in the "
            "texts is masked as shown on the first page. Check it, then save."))
        self.formats_label.setText(self.tr("Formats:"))
        for key, text in (("html", self.tr("Web page (.html)")),
                          ("xlsx", self.tr("Excel workbook (.xlsx)")),
                          ("pdf", self.tr("PDF document (.pdf)"))):
            self.format_boxes[key].setText(text)
        self.save_button.setText(self.tr("Save…"))
        self.close_button.setText(self.tr("Close"))
        self.original_label.setText(self.tr("Original (stays in the database)"))
        self.masked_label.setText(self.tr("Published (masked)"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_counts(self) -> None:
        p = self.preview
        changed = p.changed if p else 0
        self.tabs.setTabText(0, self.tr("Masking, side by side ({n})").format(n=changed))
        sizes = ((len(p.lists.problems), len(p.lists.tasks), len(p.lists.effects)) if p
                 else (0, 0, 0))
        for n, title in enumerate(SECTION_TITLES):
            self.tabs.setTabText(n + 1, f"{title} ({sizes[n]})")
        if p is None:
            self.summary.setText(self.tr("Collecting the lists…"))
            return
        names = self._group_names()
        found = "、".join(self.tr("{name} {n}").format(name=names[g], n=p.counts[g])
                         for g in GROUPS if p.counts.get(g))
        text = self.tr("Problems {p} · tasks {t} · effects {e} will be published.").format(
            p=sizes[0], t=sizes[1], e=sizes[2])
        if changed:
            text += " " + self.tr("Masked in {n} texts: {found}.").format(n=changed, found=found)
            if changed > len(p.rows):
                text += " " + self.tr("The first {n} are listed.").format(n=len(p.rows))
        else:
            text += " " + self.tr("No personal data was found in the texts.")
        self.summary.setText(text)

    # -- showing --------------------------------------------------------------------------------

    def load(self) -> None:
        """Collect the lists and find the personal data in the background."""
        db = self.db

        def work(progress: Progress) -> PublishPreview:
            return build_preview(db, progress)

        ProgressDialog(self.tr("Preparing the publication"), self).start(
            work, self.show_preview, on_error=self._failed, on_cancelled=self.reject)

    def show_preview(self, preview: PublishPreview) -> None:
        self.preview = preview
        names = self._group_names()

        def found(row: MaskRow) -> str:
            return "、".join(names[k] for k in row.kinds if k in names)

        columns: list[Column[MaskRow]] = [
            Column(MASK_HEADERS[0], lambda r: r.field, CTX, width=230),
            Column(MASK_HEADERS[1], found, CTX, width=200),
            Column(MASK_HEADERS[2], lambda r: _short(r.original), CTX, width=330,
                   tooltip=lambda r: r.original),
            Column(MASK_HEADERS[3], lambda r: _short(r.masked), CTX, width=330,
                   tooltip=lambda r: r.masked),
        ]
        show_model(self.mask_view, memory_model(columns, preview.rows, self))
        self.mask_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_row(current.row()))
        lists = preview.lists
        for view, headers, rows in zip(self.list_views,
                                       (PROBLEM_HEADERS, TASK_HEADERS, EFFECT_HEADERS),
                                       ([p.row() for p in lists.problems],
                                        [t.row() for t in lists.tasks],
                                        [e.row() for e in lists.effects]), strict=True):
            show_model(view, memory_model(_public_columns(headers), rows, self,
                                          row_id=lambda r: r[0]))
        self._show_counts()
        if preview.rows:
            self.mask_view.selectRow(0)
            self.show_row(0)
        self._update_actions()

    def show_row(self, number: int) -> None:
        if self.preview is None or not 0 <= number < len(self.preview.rows):
            self.original.clear()
            self.masked.clear()
            return
        row = self.preview.rows[number]
        self.original.setHtml(_highlight(row.original, row.spans, masked=False))
        # The masked side is exactly the published text; highlighted when one pass made it.
        self.masked.setHtml(_highlight(row.original, row.spans, masked=True) if _one_pass(row)
                            else html.escape(row.masked).replace("\n", "<br>"))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, AppError):
            show_app_error(self, exc)
            self.reject()
            return
        self.reject()
        sys.excepthook(type(exc), exc, exc.__traceback__)

    # -- saving ---------------------------------------------------------------------------------

    def formats(self) -> list[str]:
        return [k for k in FORMAT_KEYS if self.format_boxes[k].isChecked()]

    def _update_actions(self) -> None:
        self.save_button.setEnabled(self.preview is not None and bool(self.formats()))
        self.save_button.setToolTip("" if self.formats() else
                                    self.tr("Tick at least one format to save."))

    def choose_and_save(self) -> None:
        formats = self.formats()
        if not formats or self.preview is None:
            return
        folder = str(self.settings.value("publish/folder", str(Path.home())))
        suggested = str(Path(folder) / f"三个清单公示_{self.preview.lists.as_of.isoformat()}")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the publication as"), suggested,
            self.tr("Name for the files (the extension is added per format) (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.save_to(Path(path))

    def save_to(self, base: Path) -> None:
        """Write every chosen format beside *base* in the background."""
        assert self.preview is not None
        formats = self.formats()
        paths = output_paths(base, formats)
        existing = [p for p in paths if p.exists()]
        if existing:
            answer = QMessageBox.question(
                self, self.tr("Replace the files?"),
                self.tr("These files exist already and will be replaced:\n{files}").format(
                    files="\n".join(str(p) for p in existing)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.settings.setValue("publish/formats", ",".join(formats))
        self.settings.setValue("publish/folder", str(base.parent))
        lists = self.preview.lists

        def work(progress: Progress) -> list[Path]:
            return write_all(lists, paths, progress)

        ProgressDialog(self.tr("Saving the publication"), self).start(
            work, self._saved, on_error=self._save_failed)

    def _saved(self, paths: list[Path]) -> None:
        self.saved_paths = paths
        QMessageBox.information(
            self, self.tr("Published"),
            self.tr("Saved, personal data masked:\n{files}").format(
                files="\n".join(str(p) for p in paths)))

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            QMessageBox.warning(self, self.tr("Cannot save"), self.tr(
                "The files could not be written: {error}. Choose another folder, or close the "
                "file if another program has it open, then save again.").format(error=exc))
            return
        if isinstance(exc, AppError):
            show_app_error(self, exc)
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)


def _one_pass(row: MaskRow) -> bool:
    """Whether applying the spans once gives the published text (almost always)."""
    out: list[str] = []
    pos = 0
    for sp in row.spans:
        out.append(row.original[pos:sp.start])
        out.append(sp.replacement)
        pos = sp.end
    out.append(row.original[pos:])
    return "".join(out) == row.masked


def open_publish_dialog(db: Database | None, actor: Actor | None,
                        parent: QWidget | None = None) -> PublishDialog | None:
    """Show the dialog and start collecting (from the menu and the lists tab)."""
    if db is None or actor is None:
        return None
    dialog = PublishDialog(db, actor, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.load()
    return dialog
