"""The main window: four tabs, menus, toolbar, status bar.

It is built and shown before the database is open (``attach_database`` comes after the first
paint), so this module imports nothing from ``db`` or the tab modules at import time: those pull
in SQLAlchemy/SQLModel, which costs more than building the window.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStyle,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop.ui.i18n import LANGUAGES, current_language, install_translators
from desktop.ui.settings import LANGUAGE_KEY, app_settings
from desktop.ui.table_model import copy_rows_as_tsv

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database
    from desktop.ui.record_counts import RecordCounts
    from desktop.ui.tabs.base import Command, TabPage

log = logging.getLogger(__name__)

# (key, module, class) of each tab, in order; the titles are in MainWindow.tab_titles().
TABS = [
    ("personnel", "desktop.ui.tabs.personnel", "PersonnelTab"),
    ("visits", "desktop.ui.tabs.visits", "VisitsTab"),
    ("lists", "desktop.ui.tabs.lists", "ListsTab"),
    ("charts", "desktop.ui.tabs.charts", "ChartsTab"),
]

# Window action → the tab command it runs (names of desktop.ui.tabs.base.Command members;
# strings because that module is imported only after the first paint).
COMMAND_ACTIONS = {
    "new": "NEW", "save": "SAVE", "print": "PRINT", "find": "FIND", "delete": "DELETE",
}

# Actions present from the start, so the menus and toolbar have their final shape, that a
# feature module takes over with MainWindow.provide(); disabled until then.
PLACEHOLDER_ACTIONS = ("reports", "export", "import", "settings")

# Feature modules that add menu entries. Each has ``install(window: MainWindow) -> None``, called
# once, when the first database is attached (so it may import db; it must not at module level).
FEATURES: list[str] = [
    "desktop.ui.reports",
    "desktop.ui.exchange.feature",
    "desktop.ui.excel.feature",
    "desktop.ui.admin",
    "desktop.ui.publish.feature",
    "desktop.ui.settings_dialog",
]


class _Pages(dict[str, QWidget]):
    """The window's tab pages by key; asking for one that is not built yet builds it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self._window = window

    def __getitem__(self, key: str) -> QWidget:
        self._window._build_page(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        if key not in self:
            return default
        return self[key]  # builds it: dict.get would hand out the placeholder


class MainWindow(QMainWindow):
    first_painted = Signal()
    database_attached = Signal()
    preview_shown = Signal()  # the visit log's first rows, before the database is attached
    counts_updated = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.settings = settings if settings is not None else app_settings()
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.org_name: str | None = None
        self.demo = False
        self.counts: RecordCounts | None = None
        self._painted = False
        self.pages = _Pages(self)
        self._pending: set[str] = set()  # tabs not built yet over the attached database
        self._provided: set[str] = set()
        self._feature_texts: dict[str, Callable[[], str]] = {}
        self._features_installed = False

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        for key, _module, _cls in TABS:
            waiting = QLabel()
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.pages[key] = waiting
            self.tabs.addTab(waiting, "")
        self._shown_tab = 0
        self.tabs.currentChanged.connect(self._tab_changed)
        self.tabs.installEventFilter(self)
        self.setCentralWidget(self.tabs)

        self.actions_: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus()
        self._build_toolbar()

        self.location_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addWidget(self.location_label, 1)
        # "Due this week" and "overdue" open the task list filtered to them when clicked.
        self.due_button = QPushButton()
        self.overdue_button = QPushButton()
        for button, slot in ((self.due_button, self.show_due_soon),
                             (self.overdue_button, self.show_overdue)):
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(slot)
            button.hide()
            self.statusBar().addPermanentWidget(button)
        self.statusBar().addPermanentWidget(self.counts_label)

        self.retranslate()
        self._update_actions()
        self._restore_state()

    # -- building -----------------------------------------------------------------------------

    def _action(self, key: str, slot: Callable[[], Any] | None = None,
                shortcut: QKeySequence | str | None = None,
                icon: QStyle.StandardPixmap | None = None) -> QAction:
        action = QAction(self)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if slot is not None:
            action.triggered.connect(slot)
        self.actions_[key] = action
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        for key, seq, icon in [
            ("new", QKeySequence.StandardKey.New, sp.SP_FileIcon),
            ("save", QKeySequence.StandardKey.Save, sp.SP_DialogSaveButton),
            ("print", QKeySequence.StandardKey.Print, None),
            ("find", QKeySequence.StandardKey.Find, sp.SP_FileDialogContentsView),
            ("delete", QKeySequence.StandardKey.Delete, sp.SP_TrashIcon),
        ]:
            self._action(key, self._command_slot(key), seq, icon)
        self._action("quit", self.close, "Ctrl+Q")  # StandardKey.Quit is empty on Windows
        self._action("copy", self.copy_selection, QKeySequence.StandardKey.Copy)
        self._action("refresh", self.refresh, QKeySequence.StandardKey.Refresh, sp.SP_BrowserReload)
        self.actions_["refresh"].setShortcuts([QKeySequence("F5")])
        for key in PLACEHOLDER_ACTIONS:
            self._action(key).setEnabled(False)
        self._action("help", self.show_help, QKeySequence.StandardKey.HelpContents)
        self.actions_["help"].setShortcuts([QKeySequence("F1")])
        self._action("about", self.show_about)
        self.language_group = QActionGroup(self)
        for lang in LANGUAGES:
            action = self._action(f"lang_{lang}")
            action.setText(LANGUAGES[lang])  # each language named in itself: never translated
            action.setCheckable(True)
            action.setData(lang)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(lambda a: self.set_language(a.data()))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus: dict[str, QMenu] = {}

        def menu(key: str, items: list[str | None]) -> QMenu:
            m = bar.addMenu("")
            m.setObjectName(f"menu_{key}")
            m.setToolTipsVisible(True)  # the disabled actions say why
            for item in items:
                if item is None:
                    m.addSeparator()
                else:
                    m.addAction(self.actions_[item])
            self.menus[key] = m
            return m

        menu("file", ["new", "save", None, "print", None, "quit"])
        menu("edit", ["find", "copy", "delete"])
        view = menu("view", ["refresh", None])
        self.language_menu = view.addMenu("")
        self.language_menu.addActions(self.language_group.actions())
        menu("reports", ["reports"])
        menu("exchange", ["export", "import"])
        menu("settings", ["settings"])
        menu("admin", [])
        menu("help", ["help", None, "about"])

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("mainToolbar")  # saveState needs the name
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for key in ("new", "save", "print", None, "find", "refresh", None, "reports", "export"):
            if key is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions_[key])
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    # -- features -----------------------------------------------------------------------------

    def provide(self, key: str, slot: Callable[[], Any]) -> None:
        """A feature takes over a placeholder action (one of PLACEHOLDER_ACTIONS)."""
        action = self.actions_[key]
        action.triggered.connect(slot)
        self._provided.add(key)
        action.setToolTip("")
        action.setStatusTip("")
        self._update_actions()

    def add_action(self, menu: str, key: str, text: Callable[[], str],
                   slot: Callable[[], Any], shortcut: QKeySequence | str | None = None,
                   ) -> QAction:
        """Add a feature's own entry to one of the menus (``self.menus`` keys).

        *text* returns the translated text; it is called again when the language changes."""
        action = self._action(key, slot, shortcut)
        self._feature_texts[key] = text
        action.setText(text())
        self.menus[menu].addAction(action)
        if menu == "admin":
            self.menus[menu].menuAction().setVisible(True)
        return action

    def _install_features(self) -> None:
        if self._features_installed:
            return
        self._features_installed = True
        for module_name in FEATURES:
            importlib.import_module(module_name).install(self)

    # -- texts --------------------------------------------------------------------------------

    def tab_titles(self) -> list[str]:
        return [
            self.tr("Personnel and contact points"),
            self.tr("Visit log"),
            self.tr("Three lists"),
            self.tr("Progress charts"),
        ]

    def retranslate(self) -> None:
        """Set every text; called at construction and when the language changes."""
        for number, title in enumerate(self.tab_titles()):
            self.tabs.setTabText(number, title)
        for page in self.pages.values():
            if isinstance(page, QLabel):
                page.setText(self.tr("Opening the database…"))
        texts = {
            "new": self.tr("&New record"),
            "save": self.tr("&Save"),
            "print": self.tr("&Print…"),
            "quit": self.tr("E&xit"),
            "find": self.tr("&Find"),
            "copy": self.tr("&Copy"),
            "delete": self.tr("&Delete"),
            "refresh": self.tr("&Refresh"),
            "reports": self.tr("&Make a report…"),
            "export": self.tr("&Export a data package…"),
            "import": self.tr("&Import a data package…"),
            "settings": self.tr("&Settings…"),
            "help": self.tr("&Help"),
            "about": self.tr("&About"),
        }
        for key, text in texts.items():
            self.actions_[key].setText(text)
            # Toolbar buttons: no mnemonic, no ellipsis ("新建记录(&N)" → "新建记录").
            self.actions_[key].setIconText(re.sub(r"\(&\w\)|&", "", text).rstrip("…"))
        for key, text_of in self._feature_texts.items():
            self.actions_[key].setText(text_of())
        later = self.tr("Not available yet: comes in a later version.")
        for key in PLACEHOLDER_ACTIONS:
            if key not in self._provided:
                self.actions_[key].setToolTip(later)
                self.actions_[key].setStatusTip(later)
        menu_titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "view": self.tr("&View"),
            "reports": self.tr("&Reports"),
            "exchange": self.tr("Data e&xchange"),
            "settings": self.tr("&Settings"),
            "admin": self.tr("&Administration"),
            "help": self.tr("&Help"),
        }
        for key, text in menu_titles.items():
            self.menus[key].setTitle(text)
        # A menu with nothing in it yet (before the features are installed) stays out of sight.
        self.menus["admin"].menuAction().setVisible(
            any(a.isVisible() for a in self.menus["admin"].actions()))
        self.language_menu.setTitle(self.tr("&Language"))
        self.actions_[f"lang_{current_language()}"].setChecked(True)
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._update_title()
        self._update_status()
        self._update_actions()

    def _update_title(self) -> None:
        app_name = self.tr("Minqing Ledger")
        title = f"{self.org_name} — {app_name}" if self.org_name else app_name
        if self.demo:
            title += " " + self.tr("[demo data]")
        self.setWindowTitle(title)

    def _update_status(self) -> None:
        if self.database is None:
            self.location_label.setText(self.tr("Opening the database…"))
            self.counts_label.setText("")
            return
        self.location_label.setText(self.tr("Database: {location}").format(
            location=self.database.location))
        self.location_label.setToolTip(self.database.location)
        if self.counts is None:
            self.counts_label.setText("")
        else:
            self.counts_label.setText(self.tr("Visits {visits} · Problems {problems} · Tasks "
                                              "{tasks}").format(
                visits=self.counts.visits, problems=self.counts.problems, tasks=self.counts.tasks))
            self.due_button.setText(self.tr("Due this week: {n}").format(
                n=self.counts.due_this_week))
            overdue = self.tr("⚠ Overdue: {n}").format(n=self.counts.overdue)
            if getattr(self.counts, "escalated", 0):  # chased, supervised or criticised
                overdue += " · " + self.tr("escalated {n}").format(n=self.counts.escalated)
            self.overdue_button.setText(overdue)
            self.due_button.setToolTip(self.tr("Show the tasks due soon"))
            self.overdue_button.setToolTip(self.tr("Show the overdue tasks"))
            self.due_button.show()
            self.overdue_button.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @Slot(str)
    def set_language(self, lang: str) -> None:
        """Switch the interface language now (widgets retranslate on LanguageChange) and keep
        the choice for the next start, where the settings dialog keeps it too."""
        install_translators(lang)
        self.settings.setValue(LANGUAGE_KEY, lang)
        self.settings.sync()

    # -- the database -------------------------------------------------------------------------

    def attach_database(self, database: Database, *, demo: bool = False,
                        actor: Actor | None = None) -> None:
        """Show an open database: build the real tabs, the title and the status bar.

        *actor* is who signed in; without one the window works as the PC's local user."""
        from db.campaign import get_setting
        from db.services.accounts import local_actor

        self.database = database
        self.demo = demo
        with database.session() as session:
            self.org_name = str(get_setting(session, "org.name") or "") or None
            self.actor = actor or local_actor(session)
        # Only the tab on screen is built now; the others when first shown (or asked for
        # through ``pages``): each tab's module pulls in its own libraries — the charts tab
        # matplotlib, the lists the services — and the clerk is waiting for this one's rows.
        self._pending = {key for key, _module, _cls in TABS}
        self._build_page(TABS[max(self.tabs.currentIndex(), 0)][0])
        self._shown_tab = self.tabs.currentIndex()
        self._install_features()
        self._update_title()
        self._update_status()
        self._update_actions()
        self.refresh_counts()
        self.database_attached.emit()

    def _build_page(self, key: str) -> None:
        """Build tab *key* over the attached database, if it is still waiting to be built."""
        if key not in self._pending or self.database is None or self.actor is None:
            return
        self._pending.discard(key)
        _key, module_name, class_name = next(tab for tab in TABS if tab[0] == key)
        cls = getattr(importlib.import_module(module_name), class_name)
        page: TabPage = cls(self.database, self.actor)
        page.data_changed.connect(self.refresh_counts)
        page.commands_changed.connect(self._update_actions)
        page.status_message.connect(self._show_message)
        old = self._swap_page(key, page)
        # A preview of the first rows lies over the real tab until its rows are read.
        cover = getattr(old, "cover", None)
        if cover is not None:
            cover(page)
        else:
            old.deleteLater()

    def _swap_page(self, key: str, page: QWidget) -> QWidget:
        """Put *page* in tab *key*'s place; returns the widget that was there."""
        number = next(i for i, (k, _m, _c) in enumerate(TABS) if k == key)
        old = dict.__getitem__(self.pages, key)
        current = self.tabs.currentIndex()
        # Swapping the widget under the current tab must not count as the user switching tabs.
        self.tabs.blockSignals(True)
        self.tabs.removeTab(number)
        self.tabs.insertTab(number, page, self.tab_titles()[number])
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        dict.__setitem__(self.pages, key, page)
        return old

    def show_visits_preview(self, rows: Sequence[Any]) -> None:
        """Show the newest visits, read before the database is open (desktop.ui.app.Startup),
        read-only in the visit log tab's place until the real tab is built over them."""
        if self.database is not None or not rows:
            return  # the real tab is there (or on its way) already
        if not isinstance(dict.__getitem__(self.pages, "visits"), QLabel):
            return
        from desktop.ui.visits.preview import VisitsPreview

        self._swap_page("visits", VisitsPreview(rows)).deleteLater()
        self.preview_shown.emit()

    @Slot()
    def refresh_counts(self) -> None:
        """Count visits, problems and tasks off the GUI thread; the status bar shows them."""
        database = self.database
        if database is None:
            return
        from desktop.ui.record_counts import record_counts
        from desktop.ui.worker import run_task

        def count(_progress: object) -> RecordCounts:
            with database.session() as session:
                return record_counts(session)

        def show(counts: RecordCounts) -> None:
            self.counts = counts
            self._update_status()
            self.counts_updated.emit()

        run_task(count, show)

    # -- commands -----------------------------------------------------------------------------

    def current_page(self) -> TabPage | None:
        from desktop.ui.tabs.base import TabPage

        page = self.tabs.currentWidget()
        return page if isinstance(page, TabPage) else None

    def _command(self, key: str) -> Command:
        from desktop.ui.tabs.base import Command

        return Command[COMMAND_ACTIONS[key]]

    def _command_slot(self, key: str) -> Callable[[], None]:
        def run() -> None:
            page = self.current_page()
            if page is not None and self._command(key) in page.commands():
                page.run_command(self._command(key))

        return run

    @Slot()
    def _update_actions(self) -> None:
        page = self.current_page()
        supported = page.commands() if page is not None else set()
        for key in COMMAND_ACTIONS:
            action = self.actions_[key]
            enabled = page is not None and self._command(key) in supported
            action.setEnabled(enabled)
        self.actions_["refresh"].setEnabled(self.database is not None)
        for key in self._provided:
            self.actions_[key].setEnabled(self.database is not None)

    @Slot()
    def copy_selection(self) -> None:
        """Ctrl+C: the focused table's selected rows as TSV (line edits copy text themselves)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractItemView):
            copy_rows_as_tsv(focus)
            return
        page = self.current_page()
        if page is not None:
            from desktop.ui.tabs.base import Command

            if Command.COPY in page.commands():
                page.run_command(Command.COPY)

    @Slot()
    def refresh(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()
        self.refresh_counts()

    @Slot()
    def show_help(self) -> None:
        from desktop.ui.about import show_help

        show_help(self)

    @Slot()
    def show_about(self) -> None:
        from db.paths import data_dir
        from desktop.ui.about import show_about

        location = self.database.location if self.database is not None else None
        show_about(self, str(data_dir()), location)

    # -- window state -------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("mainwindow/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 780)
        state = self.settings.value("mainwindow/state")
        if state is not None:
            self.restoreState(state)
        tab = self.settings.value("mainwindow/tab", 0, type=int)
        if isinstance(tab, int) and 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_state(self) -> None:
        self.settings.setValue("mainwindow/geometry", self.saveGeometry())
        self.settings.setValue("mainwindow/state", self.saveState())
        self.settings.setValue("mainwindow/tab", self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A tab with typed, unsaved input asks first (save / discard / stay).
        for page in self.pages.values():
            confirm = getattr(page, "confirm_discard", None)
            if confirm is not None and not confirm():
                self.tabs.setCurrentWidget(page)
                event.ignore()
                return
        self.save_state()
        super().closeEvent(event)

    @Slot(int)
    def _tab_changed(self, index: int) -> None:
        """Leaving a tab with unsaved input asks first; staying switches straight back."""
        previous = self.tabs.widget(self._shown_tab) if self._shown_tab >= 0 else None
        confirm = getattr(previous, "confirm_discard", None)
        if index != self._shown_tab and confirm is not None and not confirm():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._shown_tab)
            self.tabs.blockSignals(False)
            return
        self._shown_tab = index
        if 0 <= index < len(TABS):
            self._build_page(TABS[index][0])
        self._update_actions()

    @Slot()
    def show_overdue(self) -> None:
        """The task list, filtered to overdue tasks (from the status bar)."""
        page = self.pages.get("lists")
        if hasattr(page, "show_overdue"):
            self.tabs.setCurrentWidget(page)
            page.show_overdue()

    @Slot()
    def show_due_soon(self) -> None:
        page = self.pages.get("lists")
        if hasattr(page, "show_due_soon"):
            self.tabs.setCurrentWidget(page)
            page.show_due_soon()

    @Slot(str)
    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The tab widget's first paint is part of the window's first paint (QMainWindow's own
        # paintEvent is not called when its children cover it).
        if watched is self.tabs and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.tabs.removeEventFilter(self)
            # Queued: slow work starts only after this paint has been flushed to the screen.
            QTimer.singleShot(0, self.first_painted.emit)
        return super().eventFilter(watched, event)
