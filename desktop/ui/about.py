"""The About and Help boxes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.fonts import FONTS, licences_dir
from desktop.version import app_version

# Spelled out at each call (not wrapped) so pyside6-lupdate finds the strings.
translate = QCoreApplication.translate


def about_html(data_folder: str, database: str | None) -> str:
    fonts = "".join(
        f"<li>{escape(font.label)}：{escape(font.family)}（{escape(font.licence)}）</li>"
        for font in FONTS.values()
    )
    title = translate("AboutBox", "Minqing Ledger")
    purpose = translate("AboutBox", "Campaign ledger for grassroots visits and the three lists.")
    folder_label = translate("AboutBox", "Data folder:")
    database_label = translate("AboutBox", "Database:")
    fonts_label = translate("AboutBox", "Bundled fonts:")
    licences_label = translate("AboutBox", "Licence texts:")
    parts = [
        f"<h3>{escape(title)} {escape(app_version())}</h3>",
        f"<p>{escape(purpose)}</p>",
        f"<p><b>{escape(folder_label)}</b> {escape(data_folder)}</p>",
    ]
    if database:
        parts.append(f"<p><b>{escape(database_label)}</b> {escape(database)}</p>")
    parts += [
        f"<p><b>{escape(fonts_label)}</b></p><ul>{fonts}</ul>",
        f"<p>{escape(licences_label)} {escape(str(licences_dir()))}</p>",
    ]
    return "".join(parts)


def show_about(parent: QWidget, data_folder: str, database: str | None) -> None:
    title = translate("AboutBox", "About Minqing Ledger")
    QMessageBox.about(parent, title, about_html(data_folder, database))


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


def show_help(parent: QWidget) -> None:
    QMessageBox.information(parent, translate("AboutBox", "Help"), help_html())
