"""The vocabularies a bureau may extend (areas, categories, source channels), as stored.

The fixed terms live in ``db.vocab`` and never change. A bureau adds its own terms in the
settings; they are stored in the setting ``vocab.extra.<name>`` as a list of
``{"code", "zh", "en"}`` and appended after the fixed ones. Codes of added terms start with
``x_`` so they can never collide with a fixed code a later version adds, and a stored term is
never removed or recoded (``db.services.settings`` refuses that): problems that carry the code
keep their label for ever. Settings travel downwards in exchange packages, so the city's
additions reach every county and school.

Use ``vocabulary(session, name)`` wherever a choice is offered or a code is validated, and
``label(session, name, code)`` for a label; both cost one settings read.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.models import Setting
from db.vocab import AREAS, CATEGORIES, SOURCE_CHANNELS, Term, Vocabulary

# name → the fixed vocabulary it extends.
EXTENSIBLE: dict[str, Vocabulary] = {
    "area": AREAS,
    "category": CATEGORIES,
    "source_channel": SOURCE_CHANNELS,
}

SETTING_PREFIX = "vocab.extra."
CODE_PREFIX = "x_"


def setting_key(name: str) -> str:
    return SETTING_PREFIX + name


def parse_terms(value: Any) -> list[Term]:
    """The well-formed terms of a stored list; anything else is skipped, never fatal (a
    damaged setting must not stop the forms from opening)."""
    terms: list[Term] = []
    if not isinstance(value, list):
        return terms
    for item in value:
        if isinstance(item, dict) and all(isinstance(item.get(k), str) for k in ("code", "zh")):
            terms.append(Term(item["code"], item["zh"], str(item.get("en") or item["zh"])))
    return terms


def terms_json(terms: list[Term] | tuple[Term, ...]) -> list[dict[str, str]]:
    return [{"code": t.code, "zh": t.zh, "en": t.en} for t in terms]


def extra_terms(session: Session, name: str) -> list[Term]:
    """The terms the bureau added to vocabulary *name* (in the order added)."""
    if name not in EXTENSIBLE:
        raise KeyError(name)
    raw = session.execute(
        select(Setting.value).where(Setting.key == setting_key(name))
    ).scalar_one_or_none()
    if raw is None:
        return []
    try:
        return parse_terms(json.loads(raw))
    except ValueError:
        return []


def merged(name: str, extra: list[Term] | tuple[Term, ...]) -> Vocabulary:
    """The fixed vocabulary followed by *extra* (terms whose code is already taken are
    dropped, so a fixed code always keeps its fixed label)."""
    base = EXTENSIBLE[name]
    known = set(base.codes())
    added = []
    for term in extra:
        if term.code not in known:
            known.add(term.code)
            added.append(term)
    if not added:
        return base
    return Vocabulary(base.name, base.zh, base.en, [*base.terms, *added])


def vocabulary(session: Session, name: str) -> Vocabulary:
    """Vocabulary *name* ("area", "category", "source_channel") with the bureau's additions."""
    return merged(name, extra_terms(session, name))


def label(session: Session, name: str, code: str | None, lang: str = "zh") -> str:
    return vocabulary(session, name).label(code, lang)


__all__ = ["CODE_PREFIX", "EXTENSIBLE", "extra_terms", "label", "merged", "parse_terms",
           "setting_key", "terms_json", "vocabulary"]
