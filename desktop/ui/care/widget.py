"""关爱帮扶: the care register — the record form and the help-entry form on the left, the
filters, the counts per group, the table and the selected record's details on the right.

The most sensitive data in the system. Without the care grant (``Actor.can_view_care`` or the
setting ``care.visible_by_default``) the widget is a notice and nothing else: no model, no
table, no query of care data. With it, every record opened in the details panel is read
through ``care_record_detail``, which writes an audit entry "view". Roles that may not write
(viewers) see the register without the forms.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from db.audit import Actor
from db.engine import Database
from db.errors import AppError, ConflictError, ValidationError
from db.queries.care import (
    CareDetail,
    CareFilter,
    care_count,
    care_group_counts,
    care_page,
    care_record_detail,
)
from db.services.care import (
    WRITE_ROLES,
    add_care_entry,
    care_visible,
    create_care_record,
    end_care_record,
    update_care_record,
)
from db.vocab import CARE_GROUPS
from desktop.progress import Progress
from desktop.ui.care.details import CareDetailsPanel
from desktop.ui.care.filters import CareFilterBar
from desktop.ui.care.forms import CareEntryForm, CareRecordForm, cadre_choice, unit_choice
from desktop.ui.care.table import CareTableView, Page, make_model, prefetched_fetcher
from desktop.ui.table_model import PagedTableModel
from desktop.ui.visits.common import lang
from desktop.ui.visits.lookups import cadre_choices, region_choices, unit_choices
from desktop.ui.visits.pickers import Choice
from desktop.ui.worker import run_task

log = logging.getLogger(__name__)

FORM_WIDTH = 430
Loaded = tuple[int, dict[str, int], Page]


class CareRegisterWidget(QWidget):
    """The care register over *database* as *actor*. ``data_changed`` after every save;
    ``status_message`` carries what the window may show in its status bar."""

    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careRegister")
        self.database = database
        self.actor = actor
        self._generation = 0
        self.loading = False
        self.model: PagedTableModel[Any] | None = None
        self.detail: CareDetail | None = None
        self._units: dict[uuid.UUID, Choice] = {}
        self._cadres: dict[uuid.UUID, Choice] = {}
        self._focus_entry_for: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        with database.session() as session:
            self.allowed = care_visible(session, actor)
        self.can_write = self.allowed and actor.role in WRITE_ROLES
        if not self.allowed:
            self.notice = QLabel()
            self.notice.setObjectName("careNotice")
            self.notice.setWordWrap(True)
            self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.notice.setStyleSheet("color: #555; padding: 40px;")
            font = self.notice.font()
            font.setPointSizeF(font.pointSizeF() * 1.2)
            self.notice.setFont(font)
            layout.addWidget(self.notice)
            self.retranslate()
            return
        self._build(layout)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _build(self, layout: QVBoxLayout) -> None:
        self.record_form = CareRecordForm()
        self.entry_form = CareEntryForm()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.record_form)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        left_layout.addWidget(line)
        left_layout.addWidget(self.entry_form)
        left_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(left)
        self.scroll.setMinimumWidth(FORM_WIDTH)

        self.filters = CareFilterBar()
        self.count_label = QLabel()
        self.count_label.setObjectName("careCount")
        self.privacy = QLabel()
        self.privacy.setStyleSheet("color: #8a6d3b;")
        self.model = make_model(self)
        self.table = CareTableView()
        self.table.setModel(self.model)
        self.table.apply_widths()
        self.details = CareDetailsPanel()
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("careEdit")
        self.end_button = QPushButton()
        self.end_button.setObjectName("careEnd")
        for button in (self.edit_button, self.end_button):
            button.setVisible(self.can_write)
            button.setEnabled(False)

        table_box = QWidget()
        table_layout = QVBoxLayout(table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addWidget(self.filters)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        counts.addWidget(self.privacy)
        table_layout.addLayout(counts)
        table_layout.addWidget(self.table, 1)
        details_box = QWidget()
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.end_button)
        details_layout.addLayout(buttons)
        details_layout.addWidget(self.details, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(table_box)
        self.right.addWidget(details_box)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        if self.can_write:
            self.splitter.addWidget(self.scroll)
        else:
            self.scroll.hide()
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(self.splitter.count() - 1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter)

        self.record_form.save_requested.connect(self.save_record)
        self.record_form.cancel_requested.connect(self.cancel_record)
        self.entry_form.save_requested.connect(self.save_entry)
        self.entry_form.cancel_requested.connect(self.cancel_entry)
        self.filters.changed.connect(self.reload_table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.model.modelReset.connect(self._selection_changed)
        self.retranslate()

    def retranslate(self) -> None:
        if not self.allowed:
            self.notice.setText(self.tr(
                "Care records concern minors and health information and are shown only to "
                "authorised staff. To see them, ask the administrator for authorisation."))
            return
        self.record_form.retranslate()
        self.entry_form.retranslate()
        self.filters.retranslate()
        self.privacy.setText(self.tr("Confidential: each opened record is logged"))
        self.edit_button.setText(self.tr("Edit the record"))
        self.end_button.setText(self.tr("End the help…"))
        self.details.show_record(self.detail)

    # -- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the pickers' choices and the table (F5, or after changes elsewhere)."""
        if not self.allowed:
            return
        with self.database.session() as session:
            cadres = cadre_choices(session)
            units = unit_choices(session)
            regions = region_choices(session)
        self.record_form.set_choices(units, cadres)
        self.entry_form.set_choices(cadres)
        self.filters.set_choices(regions, units)
        self._units = {u.id: unit_choice(u) for u in units}
        self._cadres = {c.id: cadre_choice(c) for c in cadres}
        self.reload_table()

    def reload_table(self, select_id: uuid.UUID | None = None) -> None:
        """Count and read the first page off the GUI thread, then show them."""
        if self.model is None:
            return
        self._generation += 1
        generation = self._generation
        filters = self.filters.value()
        database, actor, page_size = self.database, self.actor, self.model.page_size
        self.loading = True
        self.count_label.setText(self.tr("Searching…"))

        def work(_progress: Progress) -> Loaded:
            with database.session() as session:
                total = care_count(session, actor, filters)
                groups = care_group_counts(session, actor, filters)
                rows = care_page(session, actor, filters, limit=page_size)
            return total, groups, (rows, rows[-1].cursor if rows else None)

        run_task(work, lambda result: self._show_page(generation, filters, result, select_id),
                 on_error=lambda exc: self._page_failed(generation, exc))

    def _show_page(self, generation: int, filters: CareFilter, result: Loaded,
                   select_id: uuid.UUID | None) -> None:
        if generation != self._generation or not isValid(self) or self.model is None:
            return
        total, groups, first = result
        self.loading = False
        self.model.reset(prefetched_fetcher(self.database, self.actor, filters, first),
                         lambda: total)
        self.model.fetchMore()
        per_group = " · ".join(f"{CARE_GROUPS.label(code, lang())} {n}"
                               for code, n in groups.items())
        self.count_label.setText(self.tr("{n} records ({groups})").format(n=total,
                                                                          groups=per_group))
        if select_id is not None:
            self.select_record(select_id)
        record = self.entry_form.record
        if self._focus_entry_for is not None and record is not None \
                and record.id == self._focus_entry_for and record.active:
            self.entry_form.focus_first()
        self._focus_entry_for = None

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation or not isValid(self):
            return
        self.loading = False
        if isinstance(exc, AppError):
            self.count_label.setText(exc.message)
        else:
            log.error("reading the care register failed", exc_info=exc)
            self.count_label.setText(self.tr("The records could not be read: {error}").format(
                error=exc))

    def select_record(self, record_id: uuid.UUID) -> bool:
        if self.model is None:
            return False
        number = self.model.find_row(record_id)
        if number is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(number, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(number, 0))
        return True

    def selected_id(self) -> uuid.UUID | None:
        number = self.table.selected_row() if self.model is not None else None
        return None if number is None or self.model is None else self.model.row_id(number)

    def _selection_changed(self, *_args: object) -> None:
        record_id = self.selected_id()
        self.detail = None
        if record_id is not None:
            # Opening a record is a "view" in the audit log (care_record_detail writes it).
            try:
                self.detail = care_record_detail(self.database, self.actor, record_id)
            except AppError as exc:
                self._say(exc.message)
        self.details.show_record(self.detail)
        self.edit_button.setEnabled(self.detail is not None)
        self.end_button.setEnabled(self.detail is not None and self.detail.active)
        # Help being typed stays with the record it was begun for, never moves to another.
        if not self.entry_form.has_unsaved_changes():
            self.entry_form.set_record(self.detail)
        elif self.entry_form.record is not None and self.detail is not None \
                and self.entry_form.record.id != self.detail.id:
            self._say(self.tr("The help being typed is still for {name}: add it or press Esc "
                              "first.").format(name=self.entry_form.record.person_name))

    # -- records ------------------------------------------------------------------------------

    def new_record(self) -> None:
        """Ctrl+N: an empty record form (after asking about unsaved changes)."""
        if not self.can_write or not self._confirm_discard():
            return
        self.record_form.clear()
        self.record_form.focus_first()

    def focus_search(self) -> None:
        """Ctrl+F."""
        if self.allowed:
            self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.filters.search.selectAll()

    def has_unsaved_changes(self) -> bool:
        return self.can_write and (self.record_form.has_unsaved_changes()
                                   or self.entry_form.has_unsaved_changes())

    def _confirm_discard(self) -> bool:
        if not self.record_form.has_unsaved_changes():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved care record"),
            self.tr("The care record form has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def cancel_record(self) -> None:
        """Esc in the record form: leave editing or empty it, asking when something was typed."""
        if not self._confirm_discard():
            return
        self.record_form.clear()
        self.record_form.focus_first()
        self._say("")

    def save_record(self) -> bool:
        """Enter / Ctrl+S in the record form. On refusal the messages go next to their fields
        and the form keeps everything."""
        data = self.record_form.collect()
        editing = self.record_form.editing
        try:
            if editing is None:
                saved = create_care_record(self.database, self.actor, data)
            else:
                saved = update_care_record(self.database, self.actor, editing.id, data,
                                           expected_version=editing.version)
        except ValidationError as exc:
            self.record_form.show_errors(exc.errors)
            self._say(self.tr("Not saved: please correct what is marked in red."))
            return False
        except ConflictError as exc:
            self._say(self.tr("Not saved: someone else changed this record."))
            QMessageBox.warning(self, self.tr("Changed by someone else"), exc.message)
            return False
        except AppError as exc:
            self._say(self.tr("Not saved."))
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return False
        self.record_form.clear()
        self._say(self.tr("Saved the care record of {name}.").format(name=saved.person_name))
        # A new record usually gets its first help entry next: the focus goes there once the
        # table shows (and selects) it.
        self._focus_entry_for = saved.id if editing is None else None
        self.record_form.focus_first()
        self.reload_table(select_id=saved.id)
        self.data_changed.emit()
        return True

    def edit_selected(self) -> None:
        """Enter / double-click on a row, or 修改: the record into the form for editing."""
        if not self.can_write or self.detail is None or not self._confirm_discard():
            return
        d = self.detail
        self.record_form.load(d, self._units.get(d.unit_id),
                              self._cadres.get(d.responsible_cadre_id)
                              if d.responsible_cadre_id else None)
        self.record_form.focus_first()

    def end_selected(self) -> bool:
        """结束帮扶: after a confirmation; the record and its help stay on file."""
        d = self.detail
        if d is None or not d.active:
            return False
        answer = QMessageBox.question(
            self, self.tr("End the help"),
            self.tr("End the regular help for {name}? The record and its help entries stay on "
                    "file; ticking “Being helped” later resumes it.").format(name=d.person_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            end_care_record(self.database, self.actor, d.id, expected_version=d.version)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return False
        self._say(self.tr("Ended the help for {name}.").format(name=d.person_name))
        self.reload_table(select_id=d.id)
        self.data_changed.emit()
        return True

    # -- help entries -------------------------------------------------------------------------

    def save_entry(self) -> bool:
        data = self.entry_form.collect()
        record = self.entry_form.record
        try:
            add_care_entry(self.database, self.actor, data)
        except ValidationError as exc:
            self.entry_form.show_errors(exc.errors)
            self._say(self.tr("Not saved: please correct what is marked in red."))
            return False
        except AppError as exc:
            self._say(self.tr("Not saved."))
            QMessageBox.warning(self, self.tr("Not saved"), exc.message)
            return False
        self.entry_form.clear()
        name = record.person_name if record is not None else ""
        self._say(self.tr("Added help for {name}.").format(name=name))
        self.reload_table(select_id=data.record_id)
        self.data_changed.emit()
        self.entry_form.focus_first()
        return True

    def cancel_entry(self) -> None:
        self.entry_form.clear()
        self.entry_form.set_record(self.detail)
        self._say("")

    # -- plumbing -----------------------------------------------------------------------------

    def add_shortcuts(self) -> None:
        """Ctrl+N/S/F on this widget itself, for use outside the main window (which owns those
        keys as window actions and calls the methods)."""
        if not self.allowed:
            return
        for keys, slot in [(QKeySequence.StandardKey.New, self.new_record),
                           (QKeySequence.StandardKey.Save, self.save_record),
                           (QKeySequence.StandardKey.Find, self.focus_search)]:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _say(self, message: str) -> None:
        if self.can_write:
            self.record_form.status.setText(message)
        if message:
            self.status_message.emit(message)
