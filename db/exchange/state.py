"""What the exchange remembers between packages, kept in the ``setting`` table.

No migration may be added by this package, so its state lives in settings under ``exchange.*``
(never exported: see ``tables.exportable_setting``). The report to the lead describes the tables
that should replace these keys.

- ``exchange.peers``: the trusted sites, by code: identity, public key, and per peer the
  high-water marks (last package sent there, last package received from there).
- ``exchange.sites``: every site we have heard of (code → name, level, parent), learned from
  pairing and from packages, so that "is X below me?" can be answered for schools we never
  paired with directly (the city learns the county's schools from the county's packages).
- ``exchange.journal.<stamp>.<package>``: one row per import that wrote something: which records
  it wrote and when (local clock). This is the local change log that lets a county pass on
  upwards what its schools sent it: those records carry the school's ``updated_at``, which may
  be older than the county's last package to the city, so ``updated_at`` alone would miss them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from db.models import Setting, utcnow

PEERS_KEY = "exchange.peers"
SITES_KEY = "exchange.sites"
JOURNAL_PREFIX = "exchange.journal."
# Journal rows older than this are dropped; a peer whose mark is older gets a full package.
JOURNAL_KEEP = timedelta(days=400)


@dataclass
class Peer:
    code: str
    name: str
    level: str
    parent_code: str | None
    public_key: str  # base64 of the raw Ed25519 key
    fingerprint: str
    paired_at: str
    last_sent_at: str | None = None  # local clock: when the last package to this peer was made
    last_sent_package: str | None = None
    last_received_at: str | None = None  # local clock: when we last applied one of theirs
    last_received_created_at: str | None = None  # their clock: newest package applied
    last_received_package: str | None = None
    # Our clock: created_at of our newest package the peer says it has applied.
    acked_at: str | None = None


@dataclass(frozen=True)
class SiteInfo:
    code: str
    name: str
    level: str
    parent_code: str | None


def _row(session: Session, key: str) -> Setting | None:
    return session.execute(select(Setting).where(Setting.key == key)).scalar_one_or_none()  # type: ignore[arg-type]


def get_json(session: Session, key: str, default: Any) -> Any:
    row = _row(session, key)
    return default if row is None else json.loads(row.value)


def put_json(session: Session, key: str, value: Any, site: str) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    row = _row(session, key)
    if row is None:
        session.add(Setting(key=key, value=text, site=site))
    elif row.value != text:
        row.value = text
        row.updated_at = utcnow()
    session.flush()


def load_peers(session: Session) -> dict[str, Peer]:
    raw = get_json(session, PEERS_KEY, {})
    return {code: Peer(**{k: v for k, v in data.items() if k in Peer.__dataclass_fields__})
            for code, data in raw.items()}


def save_peers(session: Session, peers: dict[str, Peer], site: str) -> None:
    put_json(session, PEERS_KEY, {c: asdict(p) for c, p in sorted(peers.items())}, site)


def load_sites(session: Session) -> dict[str, SiteInfo]:
    raw = get_json(session, SITES_KEY, {})
    return {c: SiteInfo(c, d.get("name", ""), d.get("level", ""), d.get("parent_code"))
            for c, d in raw.items()}


def save_sites(session: Session, sites: dict[str, SiteInfo], site: str) -> None:
    put_json(session, SITES_KEY, {c: {"name": s.name, "level": s.level,
                                      "parent_code": s.parent_code}
                                  for c, s in sorted(sites.items())}, site)


def ancestors(code: str, parents: dict[str, str | None]) -> list[str]:
    """The chain of parent codes above *code*, nearest first (cycles cut)."""
    chain: list[str] = []
    current = parents.get(code)
    while current and current not in chain and current != code:
        chain.append(current)
        current = parents.get(current)
    return chain


def subtree(code: str, parents: dict[str, str | None]) -> set[str]:
    """*code* and every site known to be below it."""
    return {code} | {c for c in parents if code in ancestors(c, parents)}


@dataclass
class JournalEntry:
    at: str
    sender: str
    package: str
    ids: dict[str, list[str]] = field(default_factory=dict)  # table → record ids (hex)


def add_journal(session: Session, entry: JournalEntry, site: str) -> None:
    stamp = entry.at.replace(":", "").replace("-", "")
    key = f"{JOURNAL_PREFIX}{stamp}.{entry.package[:8]}"
    put_json(session, key, asdict(entry), site)


def journal_since(session: Session, since: datetime, *, exclude_sender: str
                  ) -> dict[str, set[str]] | None:
    """Ids written by imports from anyone but *exclude_sender* at or after *since*.

    None when the journal no longer reaches back that far (the caller then sends everything).
    """
    if since < utcnow() - JOURNAL_KEEP:
        return None  # older entries may have been pruned
    out: dict[str, set[str]] = {}
    for (value,) in session.execute(
        select(Setting.value).where(Setting.key.startswith(JOURNAL_PREFIX))  # type: ignore[attr-defined,call-overload]
    ):
        data = json.loads(value)
        if datetime.fromisoformat(data["at"]) < since or data["sender"] == exclude_sender:
            continue
        for table, ids in data["ids"].items():
            out.setdefault(table, set()).update(ids)
    return out


def journal_latest(session: Session) -> dict[str, dict[str, tuple[datetime, str]]]:
    """table → record id (hex) → (when, from whom) the newest import wrote it."""
    out: dict[str, dict[str, tuple[datetime, str]]] = {}
    for (value,) in session.execute(
        select(Setting.value).where(Setting.key.startswith(JOURNAL_PREFIX))  # type: ignore[attr-defined,call-overload]
    ):
        data = json.loads(value)
        at = datetime.fromisoformat(data["at"])
        for table, ids in data["ids"].items():
            seen = out.setdefault(table, {})
            for rid in ids:
                old = seen.get(rid)
                if old is None or old[0] < at:
                    seen[rid] = (at, data["sender"])
    return out


def prune_journal(session: Session) -> None:
    limit = utcnow() - JOURNAL_KEEP
    for row in session.execute(
        select(Setting).where(Setting.key.startswith(JOURNAL_PREFIX))  # type: ignore[attr-defined,arg-type]
    ).scalars():
        if datetime.fromisoformat(json.loads(row.value)["at"]) < limit:
            session.delete(row)
