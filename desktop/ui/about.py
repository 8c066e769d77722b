"""The About box, the shortcut summary, and F1 (the manual at the current tab's chapter)."""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.fonts import FONTS, licences_dir
from desktop.version import app_version

# Spelled out at each call (not wrapped) so pyside6-lupdate finds the strings.
translate = QCoreApplication.translate


# The main libraries shipped with the program: (distribution, licence). The versions are read
# from the installed packages; the licences are those the projects publish.
LIBRARIES = [
    ("PySide6-Essentials", "Qt for Python", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("sqlmodel", "SQLModel", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("reportlab", "ReportLab", "BSD"),
    ("matplotlib", "Matplotlib", "Matplotlib License (PSF-based)"),
    ("numpy", "NumPy", "BSD-3-Clause"),
    ("openpyxl", "openpyxl", "MIT"),
    ("python-calamine", "python-calamine", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 / BSD-3-Clause"),
    ("argon2-cffi", "argon2-cffi", "MIT"),
    ("pypinyin", "pypinyin", "MIT"),
    ("chinesecalendar", "chinese-calendar", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("psycopg", "Psycopg 3", "LGPL-3.0"),
]


def library_version(distribution: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "—"


def _link(path: Path, text: str | None = None) -> str:
    return f"<a href='{QUrl.fromLocalFile(str(path)).toString()}'>{escape(text or str(path))}</a>"


def about_html(data_folder: str, database: str | None) -> str:
    title = translate("AboutBox", "Minqing Ledger")
    purpose = translate("AboutBox", "Campaign ledger for grassroots visits and the three lists.")
    version_label = translate("AboutBox", "Version:")
    folder_label = translate("AboutBox", "Data folder:")
    folder_note = translate("AboutBox", "the database, the daily backups, the logs and the "
                                        "exchange keys are kept here")
    database_label = translate("AboutBox", "Database:")
    fonts_label = translate("AboutBox", "Bundled fonts:")
    licences_label = translate("AboutBox", "Licence texts:")
    libraries_label = translate("AboutBox", "Main libraries:")
    python_label = translate("AboutBox", "Python {version}").format(
        version=sys.version.split()[0])
    fonts = "".join(
        f"<tr><td>{escape(font.label)}</td><td>{escape(font.family)}</td>"
        f"<td>{escape(font.licence)}</td><td>"
        + "、".join(_link(licences_dir() / name, name) for name in font.licence_files)
        + "</td></tr>"
        for font in FONTS.values()
    )
    libraries = "".join(
        f"<tr><td>{escape(name)}</td><td>{escape(library_version(dist))}</td>"
        f"<td>{escape(licence)}</td></tr>"
        for dist, name, licence in LIBRARIES
    )
    parts = [
        f"<h3>{escape(title)}</h3>",
        f"<p>{escape(purpose)}</p>",
        f"<p><b>{escape(version_label)}</b> {escape(app_version())}（{escape(python_label)}）</p>",
        f"<p><b>{escape(folder_label)}</b> {_link(Path(data_folder))}<br>"
        f"<small>{escape(folder_note)}</small></p>",
    ]
    if database:
        parts.append(f"<p><b>{escape(database_label)}</b> {escape(database)}</p>")
    parts += [
        f"<p><b>{escape(fonts_label)}</b></p>"
        f"<table cellpadding='3' border='0'>{fonts}</table>",
        f"<p>{escape(licences_label)} {_link(licences_dir())}</p>",
        f"<p><b>{escape(libraries_label)}</b></p>"
        f"<table cellpadding='3' border='0'>{libraries}</table>",
    ]
    return "".join(parts)


class AboutDialog(QDialog):
    """Version, data folder, fonts and libraries with their licences; the links open the
    folder and the licence texts in the system's own programs."""

    def __init__(self, data_folder: str, database: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Minqing Ledger"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(about_html(data_folder, database))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(640, 620)


def show_about(parent: QWidget, data_folder: str, database: str | None) -> AboutDialog:
    dialog = AboutDialog(data_folder, database, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def help_html() -> str:
    rows = [
        ("Ctrl+N", translate("AboutBox", "New record")),
        ("Ctrl+S", translate("AboutBox", "Save")),
        ("Ctrl+P", translate("AboutBox", "Print")),
        ("Ctrl+F", translate("AboutBox", "Find")),
        ("Ctrl+C", translate("AboutBox", "Copy the selected rows (pastes into Excel)")),
        ("Del", translate("AboutBox", "Delete the selected record")),
        ("F5", translate("AboutBox", "Refresh")),
        ("F1", translate("AboutBox", "Help")),
    ]
    table = "".join(f"<tr><td><b>{k}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
    intro = translate(
        "AboutBox",
        "The tabs hold personnel and contact points, the visit log, the three lists and the "
        "progress charts. Reports and data exchange are in the menus.",
    )
    shortcuts = translate("AboutBox", "Keyboard shortcuts")
    return (
        f"<p>{escape(intro)}</p>"
        f"<p><b>{escape(shortcuts)}</b></p><table cellpadding='3'>{table}</table>"
    )


def current_tab_key(parent: QWidget) -> str | None:
    """The key (main_window.TABS) of the tab the main window shows, if *parent* is one."""
    tabs = getattr(parent, "tabs", None)
    if tabs is None:
        return None
    from desktop.ui.main_window import TABS

    index = tabs.currentIndex()
    if not 0 <= index < len(TABS):
        return None
    key = TABS[index][0]
    # The monthly studies live inside the three lists but have a chapter of their own.
    page = tabs.currentWidget()
    inner = getattr(getattr(page, "body", None), "tabs", None)
    studies = getattr(page, "studies_index", None)
    if key == "lists" and inner is not None and inner.currentIndex() == studies:
        return "studies"
    return key


def show_help(parent: QWidget) -> QDialog:
    """F1: the manual, at the chapter about the current tab."""
    from desktop.ui.help import help_window

    window = help_window(parent)
    window.show_tab(current_tab_key(parent))
    window.show()
    window.raise_()
    window.activateWindow()
    return window
