"""The vocabularies a bureau may extend (areas, categories, source channels), as stored.

The fixed terms live in ``db.vocab`` and never change. A bureau adds its own terms in the
settings; they are stored in the setting ``vocab.extra.<name>`` as a list of
``{"code", "zh", "en"}`` and appended after the fixed ones. Codes of added terms start with
``x_`` so they can never collide with a fixed code a later version adds, and a stored term is
never removed or recoded (``db.services.settings`` refuses that): problems that carry the code
keep their label for ever. Settings travel downwards in exchange packages, so the city's
additions reach every county and school.

Use ``vocabulary(session, name)`` wherever a choice is offered or a code is validated, and
``label(session, name, code)`` for a label; both cost one settings read. A screen, report or
import that labels many rows loads all three once with ``load_vocabularies(session)`` and
passes the ``Vocabularies`` on to where no session is at hand (table rows, filter bars, chart
data, Excel drop-downs): never a settings read per row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
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
    return _stored_terms(raw)


def _stored_terms(raw: str | None) -> list[Term]:
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


@dataclass(frozen=True)
class Vocabularies:
    """The three extensible vocabularies as loaded once, for handing to code that labels or
    offers terms without a session of its own. ``FIXED`` is the one without additions (a
    database whose bureau added nothing, or a caller with no database at all)."""

    area: Vocabulary = AREAS
    category: Vocabulary = CATEGORIES
    source_channel: Vocabulary = SOURCE_CHANNELS

    def __getitem__(self, name: str) -> Vocabulary:
        if name not in EXTENSIBLE:
            raise KeyError(name)
        return getattr(self, name)  # type: ignore[no-any-return]

    def label(self, name: str, code: str | None, lang: str = "zh") -> str:
        return self[name].label(code, lang)

    def extend(self, vocab: Vocabulary) -> Vocabulary:
        """*vocab* with the additions when it is one of the extensible ones (matched by its
        name), else *vocab* itself: for code that holds a fixed vocabulary, e.g. an Excel
        column's."""
        return self[vocab.name] if vocab.name in EXTENSIBLE else vocab


FIXED = Vocabularies()


def load_vocabularies(session: Session) -> Vocabularies:
    """All three extensible vocabularies with the bureau's additions, in one settings read."""
    keys = {setting_key(name): name for name in EXTENSIBLE}
    stored: dict[str, str] = {key: value for key, value in session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(list(keys))))}  # type: ignore[attr-defined]
    return Vocabularies(**{name: merged(name, _stored_terms(stored.get(key)))
                           for key, name in keys.items()})


__all__ = ["CODE_PREFIX", "EXTENSIBLE", "FIXED", "Vocabularies", "extra_terms", "label",
           "load_vocabularies", "merged", "parse_terms", "setting_key", "terms_json",
           "vocabulary"]
