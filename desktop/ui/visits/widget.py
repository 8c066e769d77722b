"""走访日志: the whole body of the visit-log tab — the entry form on the left, the filters, the
visit table and the selected visit's details on the right.

Writes go through db.services (record_visit, update_visit, delete_visit), reads through
db.queries (and the few look-ups in ``lookups``). The count and the first page of the table are
read off the GUI thread (desktop.ui.worker); a newer request makes older answers void.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ConflictError, ValidationError
from db.queries import VisitFilter, visit_page
from db.queries.visits import CONFIRM_LIMIT, VisitCount, visit_count, visit_count_estimate
from db.services import SavedVisit, delete_visit, record_visit, update_visit
from db.vocab_extra import load_vocabularies
from desktop.progress import Progress
from desktop.ui.table_model import PagedTableModel, copy_rows_as_tsv
from desktop.ui.visits.details import VisitDetailsPanel
from desktop.ui.visits.filters import VisitFilterBar
from desktop.ui.visits.form import VisitForm
from desktop.ui.visits.lookups import (
    VisitDetail,
    cadre_choices,
    region_choices,
    unit_choices,
    visit_detail,
)
from desktop.ui.visits.table import (
    Page,
    VisitTableView,
    make_model,
    prefetched_fetcher,
)
from desktop.ui.worker import run_task

log = logging.getLogger(__name__)

FORM_WIDTH = 470


class VisitLogWidget(QWidget):
    """The visit log. ``data_changed`` after every save or delete; ``status_message`` carries
    what the window may show in its status bar; ``selection_changed`` when the table's
    selection changes (the Delete command needs a selected row)."""

    data_changed = Signal()
    status_message = Signal(str)
    selection_changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitLog")
        self.database = database
        self.actor = actor
        self._generation = 0  # the newest table request; older answers are dropped
        self._total: int | None = None
        self._total_exact = True
        # A search with more index matches than this is first counted as "about N"
        # (db.queries.visits.visit_count_estimate), then exactly in the background.
        self.confirm_limit = CONFIRM_LIMIT
        self.loading = False

        self.form = VisitForm()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("visitFormScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.form)
        self.scroll.setMinimumWidth(FORM_WIDTH)

        self.filters = VisitFilterBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("visitCount")
        self.model: PagedTableModel[Any] = make_model(self)
        self.table = VisitTableView()
        self.table.setModel(self.model)
        self.table.apply_widths()
        self.details = VisitDetailsPanel()

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.filters)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        table_layout.addLayout(counts)
        table_layout.addWidget(self.table, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(table_box)
        self.right.addWidget(self.details)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 1)
        self.right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.cancel)
        self.filters.changed.connect(self.reload_table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.table.copy_requested.connect(self.copy_selected)
        self.table.edit_requested.connect(self.edit_selected)
        self.table.delete_requested.connect(self.delete_selected)
        self.model.modelReset.connect(self._selection_changed)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the pickers' choices and the table (F5, or after changes elsewhere)."""
        with self.database.session() as session:
            cadres = cadre_choices(session)
            units = unit_choices(session)
            regions = region_choices(session)
            vocabs = load_vocabularies(session)
        self.form.set_choices(cadres, units)
        self.form.problems.set_vocabularies(vocabs)
        self.filters.set_choices(regions, units, cadres)
        self.reload_table()

    def reload_table(self, select_id: uuid.UUID | None = None) -> None:
        """Count and read the first page off the GUI thread, then show them."""
        self._generation += 1
        generation = self._generation
        filters = self.filters.value()
        database = self.database
        page_size = self.model.page_size
        self.loading = True
        self.count_label.setText(self.tr("Searching…"))

        def work(_progress: Progress) -> tuple[VisitCount, Page]:
            # A search with hundreds of thousands of hits is counted as "about N": exactness
            # would mean reading every hit's row (db.queries.visits.visit_count_estimate).
            with database.session() as session:
                total = visit_count_estimate(session, filters,
                                             confirm_limit=self.confirm_limit)
                rows = visit_page(session, filters=filters, limit=page_size)
            return total, (rows, rows[-1].sort_key if rows else None)

        run_task(work, lambda result: self._show_page(generation, filters, result, select_id),
                 on_error=lambda exc: self._page_failed(generation, exc))

    def _show_page(self, generation: int, filters: VisitFilter,
                   result: tuple[VisitCount, Page], select_id: uuid.UUID | None) -> None:
        if generation != self._generation or not isValid(self):
            return  # a newer request is on its way, or the tab is gone
        count, first = result
        self.loading = False
        self.model.reset(prefetched_fetcher(self.database, filters, first), lambda: count.n)
        self.model.fetchMore()
        self._total = count.n
        self._total_exact = count.exact
        self._show_count()
        if select_id is not None:
            self.select_visit(select_id)
        if not count.exact:
            self._count_exactly(generation, filters)

    def _count_exactly(self, generation: int, filters: VisitFilter) -> None:
        """The rows are on screen with "about N"; the exact count (every match's row read,
        a few hundred ms for a common term at scale 100) replaces it when ready."""
        database = self.database

        def work(_progress: Progress) -> int:
            with database.session() as session:
                return visit_count(session, filters)

        def show(n: int) -> None:
            if generation != self._generation or not isValid(self):
                return  # the filter has changed since: its own count is on its way
            self._total = n
            self._total_exact = True
            self._show_count()

        run_task(work, show, on_error=lambda exc: self._page_failed(generation, exc))

    def _show_count(self) -> None:
        if self._total is None:
            return
        if self._total_exact:
            self.count_label.setText(self.tr("{n} visits").format(n=self._total))
        else:
            self.count_label.setText(self.tr("About {n} visits").format(n=self._total))

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or not isValid(self):
            return
        self.loading = False
        if isinstance(exc, AppError):
            self.count_label.setText(exc.message)
        else:
            log.error("reading the visit table failed", exc_info=exc)
            self.count_label.setText(self.tr("The visits could not be read: {error}").format(
                error=exc))

    def select_visit(self, visit_id: uuid.UUID) -> bool:
        number = self.model.find_row(visit_id)
        if number is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(number, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(number, 0))
        return True

    def selected_ids(self) -> list[uuid.UUID]:
        return [self.model.row_id(n) for n in self.table.selected_rows()]

    def _selection_changed(self, *_args: object) -> None:
        ids = self.selected_ids()
        detail = None
        if len(ids) == 1:
            with self.database.session() as session:
                detail = visit_detail(session, ids[0])
        self.details.show_visit(detail)
        self.selection_changed.emit()

    def _detail(self, visit_id: uuid.UUID) -> VisitDetail | None:
        with self.database.session() as session:
            return visit_detail(session, visit_id)

    # -- commands -----------------------------------------------------------------------------

    def new_visit(self) -> None:
        """Ctrl+N: an empty form (after asking about unsaved changes), the date focused."""
        if not self.confirm_discard():
            return
        self.form.clear()
        self.form.focus_first()

    def focus_search(self) -> None:
        """Ctrl+F."""
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def has_unsaved_changes(self) -> bool:
        return self.form.has_unsaved_changes()

    def confirm_discard(self) -> bool:
        """Before the form is replaced (tab switch, closing, another visit): True when it is
        fine to go on — nothing unsaved, saved now, or the user chose to discard."""
        if not self.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved visit"),
            self.tr("The visit form has changes that are not saved. Save them now?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.form.clear()
            return True
        return False

    def cancel(self) -> None:
        """Esc: leave editing or empty the form, asking first when something was typed."""
        if self.has_unsaved_changes():
            answer = QMessageBox.question(
                self, self.tr("Discard changes"),
                self.tr("Discard what was typed in the visit form?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.form.clear()
        self.form.focus_first()
        self._say("")

    def save(self) -> bool:
        """Ctrl+S / Enter / 保存: one call to the service writes the visit and its problems.
        On refusal the messages go next to their fields and the form keeps everything."""
        data = self.form.collect()
        editing = self.form.editing
        try:
            if editing is None:
                saved = record_visit(self.database, self.actor, data)
            else:
                saved = update_visit(self.database, self.actor, editing.id, data,
                                     expected_version=editing.version)
        except ValidationError as exc:
            self.form.show_errors(exc.errors)
            self._say(self.tr("Not saved: please correct what is marked in red."))
            return False
        except ConflictError as exc:
            self._conflict(exc, editing)
            return False
        except AppError as exc:
            self._say(self.tr("Not saved."))
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return False
        self._saved(saved, new=editing is None)
        return True

    def _saved(self, saved: SavedVisit, *, new: bool) -> None:
        self.form.clear(keep_batch=new)
        if new:
            message = self.tr("Saved visit {number}, {n} new problems").format(
                number=saved.visit.number, n=len(saved.problems))
        else:
            message = self.tr("Saved changes to visit {number}, {n} new problems").format(
                number=saved.visit.number, n=len(saved.problems))
        self._say(message)
        # The next visit of the batch starts at the unit (date and cadres are kept).
        (self.form.unit if new and self.form.cadres.cadre_ids() else self.form.date).setFocus(
            Qt.FocusReason.OtherFocusReason)
        self.reload_table(select_id=saved.visit.id)
        self.data_changed.emit()

    def _conflict(self, exc: ConflictError, editing: VisitDetail | None) -> None:
        self._say(self.tr("Not saved: someone else changed this visit."))
        answer = QMessageBox.warning(
            self, self.tr("Changed by someone else"),
            exc.message + "\n\n" + self.tr(
                "Reload the visit as it is stored now? Your changes in the form are then "
                "replaced. Choose No to keep them in the form."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes and editing is not None:
            fresh = self._detail(editing.id)
            if fresh is None:
                QMessageBox.information(self, self.tr("Deleted"), self.tr(
                    "This visit has been deleted meanwhile. What you typed stays in the form; "
                    "press Esc to empty it."))
                return
            self.form.load(fresh)
            self._say(self.tr("Reloaded visit {number}.").format(number=fresh.number))

    def edit_selected(self) -> None:
        """Double-click / Enter on a row: open the visit in the form for editing."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        if self.form.editing is not None and self.form.editing.id == ids[0] \
                and not self.has_unsaved_changes():
            self.form.focus_first()
            return
        if not self.confirm_discard():
            return
        detail = self._detail(ids[0])
        if detail is None:
            QMessageBox.information(self, self.tr("Deleted"), self.tr(
                "This visit has been deleted meanwhile."))
            self.reload_table()
            return
        self.form.load(detail)
        self.form.focus_first()
        self._say(self.tr("Editing visit {number}.").format(number=detail.number))

    def copy_selected(self) -> str:
        """The selected rows as TSV with a header row, on the clipboard (for Excel)."""
        text = copy_rows_as_tsv(self.table)
        if text:
            self._say(self.tr("Copied {n} rows.").format(n=len(self.table.selected_rows())))
        return text

    def delete_selected(self) -> bool:
        """Del: after a confirmation, delete the selected visits (and the problems they found,
        unless one is being handled — then the service refuses and says why)."""
        ids = self.selected_ids()
        if not ids:
            return False
        numbers = [self.model.row(n).number for n in self.table.selected_rows()]
        answer = QMessageBox.question(
            self, self.tr("Delete visits"),
            self.tr("Delete {n} visits ({numbers})? The problems they found are deleted "
                    "with them.").format(n=len(ids), numbers="、".join(numbers[:5])
                                         + ("…" if len(numbers) > 5 else "")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        deleted: list[str] = []
        try:
            for visit_id in ids:
                detail = self._detail(visit_id)
                if detail is None:
                    continue
                delete_visit(self.database, self.actor, visit_id, expected_version=detail.version)
                deleted.append(detail.number)
                if self.form.editing is not None and self.form.editing.id == visit_id:
                    self.form.clear()
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Not deleted"), exc.message)
        if deleted:
            self._say(self.tr("Deleted visit {numbers}.").format(numbers="、".join(deleted)))
            self.reload_table()
            self.data_changed.emit()
        return bool(deleted)

    def add_shortcuts(self) -> None:
        """Ctrl+N/S/F and Del on this widget itself, for use outside the main window (which
        owns those keys as window actions and calls the methods; both would be ambiguous)."""
        for keys, slot in [(QKeySequence.StandardKey.New, self.new_visit),
                           (QKeySequence.StandardKey.Save, self.save),
                           (QKeySequence.StandardKey.Find, self.focus_search)]:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)

    def _say(self, message: str) -> None:
        self.form.status.setText(message)
        if message:
            self.status_message.emit(message)

    def retranslate(self) -> None:
        """Every text again, in the language now installed (headers and vocabulary labels in
        the table too)."""
        self.form.retranslate()
        self.filters.retranslate()
        columns = self.model.columnCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(self.model.rowCount() - 1, columns - 1))
        if not self.loading:
            self._show_count()
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
