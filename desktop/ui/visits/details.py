"""The selected visit in full, with the numbers and descriptions of the problems it found."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QWidget

from db.vocab import ACTIVITIES, METHODS, PROBLEM_STATUSES
from desktop.ui.visits.common import lang
from desktop.ui.visits.lookups import VisitDetail


def _para(text: str) -> str:
    return "<br>".join(escape(line) for line in text.strip().splitlines()) or "—"


class VisitDetailsPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitDetails")
        self.setOpenLinks(False)
        self.detail: VisitDetail | None = None
        self.show_visit(None)

    def show_visit(self, detail: VisitDetail | None) -> None:
        self.detail = detail
        if detail is None:
            hint = self.tr("Select a visit to see it in full. Double-click (or Enter) opens it "
                           "in the form for editing.")
            self.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        lg = lang()
        # The facts that identify the visit on one line, then its problems (what a reader
        # looks for first), then the rest.
        facts = " · ".join(escape(part) for part in (
            detail.visit_date.isoformat(), f"{detail.unit.name}（{detail.unit.region_name}）",
            METHODS.label(detail.method, lg), "、".join(c.name for c in detail.cadres)))
        rows = [
            (self.tr("Activities"),
             escape("、".join(ACTIVITIES.label(a, lg) for a in detail.activities)) or "—"),
            (self.tr("People met"), escape(self.tr(
                "{s} students, {t} teachers, {p} parents").format(
                    s=detail.students_met, t=detail.teachers_met, p=detail.parents_met))),
            (self.tr("What was done"), _para(detail.content)),
            (self.tr("Talked with"), _para(detail.talked_with)),
            (self.tr("What was found"), _para(detail.findings)),
            (self.tr("Reported to the party organisation"),
             escape(self.tr("yes") if detail.reported_to_branch else self.tr("not yet"))),
        ]
        table = "".join(
            f"<tr><td style='color:#555; padding-right:10px; white-space:nowrap' "
            f"valign='top'>{escape(label)}</td><td>{value}</td></tr>" for label, value in rows)
        if detail.problems:
            items = "".join(
                f"<li><b>{escape(p.number)}</b>"
                f"{' <span style=color:#c0392b>★</span>' if p.strongly_reported else ''} "
                f"{escape(p.description)} "
                f"<span style='color:#666'>（{escape(PROBLEM_STATUSES.label(p.status, lg))}）"
                f"</span></li>" for p in detail.problems)
            title = self.tr("Problems found: {n}").format(n=len(detail.problems))
            problems = (f"<p style='margin-bottom:0'><b>{escape(title)}</b></p>"
                        f"<ul style='margin-top:2px'>{items}</ul>")
        else:
            none = self.tr("No problems recorded.")  # outside the f-string: lupdate reads it
            problems = f"<p style='color:#666'>{escape(none)}</p>"
        self.setHtml(f"<h3 style='margin-bottom:2px'>{escape(detail.number)}</h3>"
                     f"<p style='margin-top:0'>{facts}</p>{problems}"
                     f"<table cellspacing='2'>{table}</table>")
