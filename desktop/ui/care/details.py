"""The selected care record in full, with its help entries (newest first)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from db.queries.care import CareDetail
from db.vocab import CARE_GROUPS, REPORTER_TYPES
from desktop.ui.visits.common import lang


def _para(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines()) or "—"


def _by(cadre_name: str) -> str:
    return f" <span style='color:#666'>（{escape(cadre_name)}）</span>" if cadre_name else ""


class CareDetailsPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careDetails")
        self.setOpenLinks(False)
        self.detail: CareDetail | None = None
        self.show_record(None)

    def show_record(self, detail: CareDetail | None) -> None:
        self.detail = detail
        if detail is None:
            hint = self.tr("Select a record to see it and its help entries. Each opening of a "
                           "record is written to the audit log.")
            self.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        lg = lang()
        person = "，".join(p for p in (
            REPORTER_TYPES.label(detail.person_role, lg), detail.gender,
            self.tr("born {year}").format(year=detail.birth_year) if detail.birth_year else "",
        ) if p)
        state = self.tr("being helped") if detail.active else self.tr("help ended")
        rows = [
            (self.tr("Group"), escape(CARE_GROUPS.label(detail.group, lg))),
            (self.tr("Person"), escape(person)),
            (self.tr("Unit"), escape(f"{detail.unit_name}（{detail.region_name}）")),
            (self.tr("Responsible cadre"), escape(detail.cadre_name) or "—"),
            (self.tr("State"), escape(state)),
            (self.tr("Situation"), _para(detail.situation)),
        ]
        table = "".join(
            f"<tr><td style='color:#555; padding-right:10px; white-space:nowrap' "
            f"valign='top'>{escape(label)}</td><td>{value}</td></tr>" for label, value in rows)
        if detail.entries:
            items = "".join(
                f"<li><b>{escape(e.helped_on.isoformat())}</b> {escape(e.help_given)}"
                f"{_by(e.cadre_name)}</li>" for e in detail.entries)
            title = self.tr("Help given: {n} times").format(n=len(detail.entries))
            entries = f"<p><b>{escape(title)}</b></p><ul style='margin-top:0'>{items}</ul>"
        else:
            nothing = self.tr("No help recorded yet.")
            entries = f"<p style='color:#666'>{escape(nothing)}</p>"
        self.setHtml(f"<h3 style='margin-bottom:4px'>{escape(detail.person_name)}</h3>"
                     f"<table cellspacing='2'>{table}</table>{entries}")
