"""How audit entries read to a person: record kinds, field names and stored values in words.

The entries keep field names and codes as stored (English); these tables turn them into the
interface language. A field not listed here shows under its stored name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from db import vocab
from db.vocab import Vocabulary
from db.vocab_extra import FIXED, Vocabularies
from desktop.ui.i18n import current_language

TABLE_LABELS: dict[str, str] = {
    "app_user": QT_TRANSLATE_NOOP("AuditLabels", "User account"),
    "site": QT_TRANSLATE_NOOP("AuditLabels", "Site"),
    "region": QT_TRANSLATE_NOOP("AuditLabels", "Region"),
    "unit": QT_TRANSLATE_NOOP("AuditLabels", "Unit"),
    "party_branch": QT_TRANSLATE_NOOP("AuditLabels", "Party branch"),
    "branch_pairing": QT_TRANSLATE_NOOP("AuditLabels", "Branch pairing"),
    "branch_pairing_member": QT_TRANSLATE_NOOP("AuditLabels", "Pairing member"),
    "cadre": QT_TRANSLATE_NOOP("AuditLabels", "Cadre"),
    "assignment": QT_TRANSLATE_NOOP("AuditLabels", "Contact point"),
    "visit": QT_TRANSLATE_NOOP("AuditLabels", "Visit"),
    "problem": QT_TRANSLATE_NOOP("AuditLabels", "Problem"),
    "task": QT_TRANSLATE_NOOP("AuditLabels", "Task"),
    "task_progress": QT_TRANSLATE_NOOP("AuditLabels", "Task progress"),
    "effect": QT_TRANSLATE_NOOP("AuditLabels", "Effect"),
    "evaluation": QT_TRANSLATE_NOOP("AuditLabels", "Evaluation"),
    "attachment": QT_TRANSLATE_NOOP("AuditLabels", "Attachment"),
    "study_session": QT_TRANSLATE_NOOP("AuditLabels", "Study session"),
    "care_record": QT_TRANSLATE_NOOP("AuditLabels", "Care record"),
    "care_entry": QT_TRANSLATE_NOOP("AuditLabels", "Care entry"),
    "outcome": QT_TRANSLATE_NOOP("AuditLabels", "Outcome"),
    "campaign": QT_TRANSLATE_NOOP("AuditLabels", "Campaign"),
    "phase": QT_TRANSLATE_NOOP("AuditLabels", "Phase"),
    "setting": QT_TRANSLATE_NOOP("AuditLabels", "Setting"),
}

FIELD_LABELS: dict[str, str] = {
    "username": QT_TRANSLATE_NOOP("AuditLabels", "username"),
    "display_name": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "name": QT_TRANSLATE_NOOP("AuditLabels", "name"),
    "role": QT_TRANSLATE_NOOP("AuditLabels", "role"),
    "active": QT_TRANSLATE_NOOP("AuditLabels", "active"),
    "can_view_care": QT_TRANSLATE_NOOP("AuditLabels", "care register granted"),
    "failed_logins": QT_TRANSLATE_NOOP("AuditLabels", "wrong passwords in a row"),
    "locked_until": QT_TRANSLATE_NOOP("AuditLabels", "locked until"),
    "unit_id": QT_TRANSLATE_NOOP("AuditLabels", "unit"),
    "region_id": QT_TRANSLATE_NOOP("AuditLabels", "region"),
    "cadre_id": QT_TRANSLATE_NOOP("AuditLabels", "cadre"),
    "number": QT_TRANSLATE_NOOP("AuditLabels", "number"),
    "status": QT_TRANSLATE_NOOP("AuditLabels", "status"),
    "title": QT_TRANSLATE_NOOP("AuditLabels", "title"),
    "description": QT_TRANSLATE_NOOP("AuditLabels", "description"),
    "measures": QT_TRANSLATE_NOOP("AuditLabels", "measures"),
    "deadline": QT_TRANSLATE_NOOP("AuditLabels", "deadline"),
    "progress_pct": QT_TRANSLATE_NOOP("AuditLabels", "progress"),
    "closed_on": QT_TRANSLATE_NOOP("AuditLabels", "closed on"),
    "opened_on": QT_TRANSLATE_NOOP("AuditLabels", "opened on"),
    "visit_date": QT_TRANSLATE_NOOP("AuditLabels", "visit date"),
    "method": QT_TRANSLATE_NOOP("AuditLabels", "method"),
    "findings": QT_TRANSLATE_NOOP("AuditLabels", "findings"),
    "reported_on": QT_TRANSLATE_NOOP("AuditLabels", "reported on"),
    "reporter_type": QT_TRANSLATE_NOOP("AuditLabels", "raised by"),
    "reporter_name": QT_TRANSLATE_NOOP("AuditLabels", "reporter's name"),
    "reporter_phone": QT_TRANSLATE_NOOP("AuditLabels", "reporter's phone"),
    "respondent": QT_TRANSLATE_NOOP("AuditLabels", "respondent"),
    "area": QT_TRANSLATE_NOOP("AuditLabels", "area"),
    "category": QT_TRANSLATE_NOOP("AuditLabels", "category"),
    "result": QT_TRANSLATE_NOOP("AuditLabels", "result"),
    "rating": QT_TRANSLATE_NOOP("AuditLabels", "rating"),
    "note": QT_TRANSLATE_NOOP("AuditLabels", "note"),
    "phone": QT_TRANSLATE_NOOP("AuditLabels", "phone"),
    "position": QT_TRANSLATE_NOOP("AuditLabels", "position"),
    "deleted_at": QT_TRANSLATE_NOOP("AuditLabels", "deleted at"),
    "key": QT_TRANSLATE_NOOP("AuditLabels", "setting"),
    "value": QT_TRANSLATE_NOOP("AuditLabels", "value"),
    "code": QT_TRANSLATE_NOOP("AuditLabels", "code"),
    "level": QT_TRANSLATE_NOOP("AuditLabels", "level"),
    "is_local": QT_TRANSLATE_NOOP("AuditLabels", "this site"),
    "kind": QT_TRANSLATE_NOOP("AuditLabels", "kind"),
    "address": QT_TRANSLATE_NOOP("AuditLabels", "address"),
    "tier": QT_TRANSLATE_NOOP("AuditLabels", "tier"),
    "branch_id": QT_TRANSLATE_NOOP("AuditLabels", "party branch"),
    "parent_id": QT_TRANSLATE_NOOP("AuditLabels", "parent unit"),
    "content": QT_TRANSLATE_NOOP("AuditLabels", "content"),
    "talked_with": QT_TRANSLATE_NOOP("AuditLabels", "talked with"),
    "person_name": QT_TRANSLATE_NOOP("AuditLabels", "person's name"),
    "situation": QT_TRANSLATE_NOOP("AuditLabels", "situation"),
    "source_channel": QT_TRANSLATE_NOOP("AuditLabels", "source channel"),
    "resolution_mode": QT_TRANSLATE_NOOP("AuditLabels", "resolution mode"),
    "responsible_person": QT_TRANSLATE_NOOP("AuditLabels", "responsible person"),
    "strongly_reported": QT_TRANSLATE_NOOP("AuditLabels", "strongly reported"),
}

# Fields stored as a vocabulary code: shown by label.
CODE_FIELDS: dict[str, Vocabulary] = {
    "role": vocab.ROLES,
    "area": vocab.AREAS,
    "category": vocab.CATEGORIES,
    "method": vocab.METHODS,
    "reporter_type": vocab.REPORTER_TYPES,
    "source_channel": vocab.SOURCE_CHANNELS,
    "resolution_mode": vocab.RESOLUTION_MODES,
    "rating": vocab.RATINGS,
    "level": vocab.SITE_LEVELS,
    "tier": vocab.TIERS,
}
# "kind" means something else in each table.
KIND_FIELDS: dict[str, Vocabulary] = {
    "unit": vocab.UNIT_KINDS,
    "assignment": vocab.ASSIGNMENT_KINDS,
}


def _tr(text: str) -> str:
    """*text*, declared above with QT_TRANSLATE_NOOP, in the interface language."""
    return QCoreApplication.translate("AuditLabels", text)


def table_label(table: str) -> str:
    return _tr(TABLE_LABELS[table]) if table in TABLE_LABELS else table


def field_label(field: str) -> str:
    return _tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field


def action_label(action: str) -> str:
    return vocab.AUDIT_ACTIONS.label(action, current_language()) if action else ""


def value_text(table: str, field: str, value: Any, vocabs: Vocabularies = FIXED) -> str:
    """A stored value as a person reads it: labels for codes (with the bureau's added terms
    from *vocabs*), 是/否, "∅" for nothing."""
    if value is None or value == "":
        return "∅"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("AuditLabels", "yes")
            if value
            else QCoreApplication.translate("AuditLabels", "no")
        )
    text = str(value)
    if field == "status":
        statuses = vocab.TASK_STATUSES if table == "task" else vocab.PROBLEM_STATUSES
        return statuses.label(text, current_language()) if text in statuses else text
    if field == "kind" and table in KIND_FIELDS and text in KIND_FIELDS[table]:
        return KIND_FIELDS[table].label(text, current_language())
    if field in CODE_FIELDS and text in (terms := vocabs.extend(CODE_FIELDS[field])):
        return terms.label(text, current_language())
    if field.endswith("_id") and len(text) == 36:
        return text[:8] + "…"  # a link to another record; the summary names it
    if field.endswith(("_at", "_until")) and "T" in text:
        try:  # stored in UTC; shown on the clerk's clock
            return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return text
    return text
