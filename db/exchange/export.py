"""Making a package for one receiver.

What goes in (for receiver X, with mark M = when our last package to X was made):

- every exchanged record whose ``updated_at`` is at or after M − ``OVERLAP`` (changes made here:
  their ``updated_at`` is this site's clock), and
- every record an import wrote here at or after M − ``OVERLAP`` (the import journal), except
  imports from X itself: this is how a county passes its schools' records on to the city. Those
  records keep the school's ``updated_at``, which may be older than M, so a mark on
  ``updated_at`` alone would lose them; a per-record local change counter would be the clean
  fix (see the report), the journal stands in for it without a schema change.

With ``full=True`` (or when there is no mark yet) everything goes. Importing is idempotent, so
sending a record twice costs only bytes; ``OVERLAP`` re-sends the last minutes before M so that
a clerk's save that was being committed while the previous package was read is never skipped.

Direction: to a site below us (a county's school, the city's county) go the reference data
(regions, campaign, phases, settings, units, branches, cadres, assignments) and the problems and
tasks of that site's subtree with their progress, effects and evaluations. To a site above us
goes everything but the downward-only tables. Care records go only with ``include_care=True``.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import Session

from db.audit import SYSTEM, Actor
from db.campaign import local_site
from db.engine import Database
from db.excel.bulk import no_gc_pauses
from db.exchange import state
from db.exchange.errors import ExchangeCancelled, ExchangeError
from db.exchange.keys import default_key_dir, fingerprint, load_or_create_key, public_raw
from db.exchange.package import (
    FORMAT,
    FORMAT_VERSION,
    SUFFIX,
    Cancelled,
    Progress,
    os_reason,
    sha256,
    write_package,
)
from db.exchange.tables import (
    BOTH,
    DOWN,
    LABELS,
    REF_TABLES,
    SPECS,
    UP,
    TableSpec,
    encode_row,
    entry_name,
    exportable_setting,
)
from db.migrate import head_revision
from db.models import Problem, TaskProblem, utcnow
from db.services.permissions import require

OVERLAP = timedelta(minutes=2)
IN_CHUNK = 500  # ids per IN (...) query: well under SQLite's variable limit


@dataclass(frozen=True)
class ExportResult:
    path: Path
    receiver: str
    full: bool
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def stamp(at: datetime) -> str:
    return at.strftime("%Y%m%dT%H%M%SZ")


def chunks(items: list[Any], size: int = IN_CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def site_parents(session: Session, peers: dict[str, state.Peer]) -> dict[str, str | None]:
    """code → parent code for every site we know of: ourselves, our peers and hearsay."""
    known = state.load_sites(session)
    parents: dict[str, str | None] = {c: s.parent_code for c, s in known.items()}
    parents.update({c: p.parent_code for c, p in peers.items()})
    me = local_site(session)
    if me is not None:
        parents[me.code] = me.parent_code
    return parents


def _known_sites(session: Session, peers: dict[str, state.Peer], me: str
                 ) -> list[dict[str, Any]]:
    """The site directory we pass on, so the receiver learns who is below whom."""
    known = state.load_sites(session)
    for c, p in peers.items():
        known[c] = state.SiteInfo(c, p.name, p.level, p.parent_code)
    return [{"code": c, "name": i.name, "level": i.level, "parent_code": i.parent_code}
            for c, i in sorted(known.items()) if c != me]


def _select_rows(session: Session, spec: TableSpec, since: datetime | None,
                 journal: dict[str, set[str]]) -> list[dict[str, Any]]:
    table: Table = spec.table
    stmt = select(table)
    if since is None:
        rows = [dict(r._mapping) for r in session.execute(stmt.order_by(table.c.created_at,
                                                                         table.c.id))]
    else:
        rows = [dict(r._mapping) for r in session.execute(
            stmt.where(table.c.updated_at >= since).order_by(table.c.created_at, table.c.id))]
        have = {r["id"] for r in rows}
        extra = [uuid.UUID(h) for h in journal.get(spec.name, ()) if uuid.UUID(h) not in have]
        for part in chunks(extra):
            rows.extend(dict(r._mapping) for r in session.execute(
                stmt.where(table.c.id.in_(part))))
    if spec.name == "setting":
        rows = [r for r in rows if exportable_setting(r["key"])]
    return rows


def _links(session: Session, spec: TableSpec, ids: list[uuid.UUID]
           ) -> dict[uuid.UUID, dict[str, list[Any]]]:
    out: dict[uuid.UUID, dict[str, list[Any]]] = defaultdict(dict)
    for link in spec.links:
        parent = link.table.c[link.parent_col]
        value = link.table.c[link.value_col]
        for part in chunks(ids):
            for pid, val in session.execute(select(parent, value).where(parent.in_(part))):
                out[pid].setdefault(link.table.name, []).append(val)
    return out


def _refs(session: Session) -> dict[str, dict[str, list[Any]]]:
    """Natural keys of the rows every site makes for itself, so the receiver can translate our
    ids for them even when the rows themselves do not travel (upwards)."""
    from db.models import Campaign, Phase, Region

    return {
        "region": {str(i): [c] for i, c in session.execute(select(Region.id, Region.code))},  # type: ignore[call-overload]
        "campaign": {str(i): [y] for i, y in session.execute(select(Campaign.id, Campaign.year))},  # type: ignore[call-overload]
        "phase": {str(i): [str(c), k] for i, c, k in session.execute(
            select(Phase.id, Phase.campaign_id, Phase.code))},  # type: ignore[call-overload]
    }


def _downward_filter(session: Session, receiver_sites: set[str]
                     ) -> tuple[set[uuid.UUID], set[uuid.UUID]]:
    """Problems of the receiver's subtree, and the tasks serving them."""
    problems = set(session.execute(
        select(Problem.id).where(Problem.site.in_(sorted(receiver_sites)))  # type: ignore[attr-defined,call-overload]
    ).scalars())
    tasks: set[uuid.UUID] = set()
    plist = sorted(problems, key=str)
    for part in chunks(plist):
        tasks.update(session.execute(
            select(TaskProblem.task_id).where(TaskProblem.problem_id.in_(part))  # type: ignore[attr-defined,call-overload]
        ).scalars())
    return problems, tasks


def export_package(
    db: Database,
    receiver: str,
    out_dir: Path,
    *,
    full: bool = False,
    include_care: bool = False,
    key_dir: Path | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    actor: Actor = SYSTEM,
) -> ExportResult:
    """Write a package for *receiver* into *out_dir*; the file is named
    ``<from>-to-<to>-<UTC stamp>.mqpkg``. Nothing in the database changes but the receiver's
    high-water mark, and that only after the file is complete."""
    require(actor, "exchange")
    report = progress or (lambda _t, _f: None)
    is_cancelled = cancelled or (lambda: False)
    receiver = receiver.strip().upper()
    started = utcnow()
    # Hundreds of thousands of row dicts and UUIDs, none of them cycles: no collector passes.
    with no_gc_pauses(), db.session() as s:
        me = local_site(s)
        if me is None:
            raise ExchangeError("本数据库尚未设置站点（站点代码、名称），不能导出交换包。"
                                "请先在“设置 → 本站点”中完成站点设置。")
        peers = state.load_peers(s)
        peer = peers.get(receiver)
        if peer is None:
            raise ExchangeError(f"尚未与站点“{receiver}”配对，不能向它导出交换包。"
                                "请先导入对方的身份文件并核对指纹完成配对。")
        key = load_or_create_key(key_dir or default_key_dir(), me.code)
        parents = site_parents(s, peers)
        downward = me.code in state.ancestors(receiver, parents)
        mark = None if full or peer.last_sent_at is None else \
            datetime.fromisoformat(peer.last_sent_at) - OVERLAP
        journal: dict[str, set[str]] = {}
        if mark is not None:
            found = state.journal_since(s, mark, exclude_sender=receiver)
            if found is None:
                mark = None  # the journal no longer reaches back: send everything
            else:
                journal = found
        receiver_sites = state.subtree(receiver, parents)
        problems_down, tasks_down = _downward_filter(s, receiver_sites) if downward else \
            (set(), set())

        entries: list[tuple[str, bytes]] = []
        manifest_entries: list[dict[str, Any]] = []
        counts: dict[str, int] = {}
        specs = [sp for sp in SPECS if (include_care or not sp.care)
                 and (sp.direction == BOTH or sp.direction == (DOWN if downward else UP))]
        for n, spec in enumerate(specs):
            if is_cancelled():
                raise ExchangeCancelled()
            report(f"正在读取{LABELS[spec.name]}…", n / (len(specs) + 1))
            rows = _select_rows(s, spec, mark, journal)
            if downward:
                if spec.name == "problem":
                    rows = [r for r in rows if r["id"] in problems_down]
                elif spec.name == "task":
                    rows = [r for r in rows if r["id"] in tasks_down]
                elif spec.name in ("task_progress", "task_step", "effect", "evaluation"):
                    rows = [r for r in rows if r["task_id"] in tasks_down]
            if not rows:
                continue
            links = _links(s, spec, [r["id"] for r in rows]) if spec.links else {}
            lines = []
            for r in rows:
                row_links = links.get(r["id"], {})
                if downward and spec.name == "task":
                    row_links = {k: [p for p in v if p in problems_down]
                                 for k, v in row_links.items()}
                lines.append(json.dumps(encode_row(spec, r, row_links), ensure_ascii=False,
                                        separators=(",", ":")))
            data = ("\n".join(lines) + "\n").encode("utf-8")
            name = entry_name(spec.name)
            entries.append((name, data))
            manifest_entries.append({"name": name, "table": spec.name, "rows": len(rows),
                                     "bytes": len(data), "sha256": sha256(data)})
            counts[spec.name] = len(rows)
        refs = _refs(s)
        sites = _known_sites(s, peers, me.code)

    package_id = uuid.uuid4()
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "package_id": str(package_id),
        "created_at": started.isoformat(),
        "sender": {"code": me.code, "name": me.name, "level": me.level,
                   "parent_code": me.parent_code, "fingerprint": fingerprint(public_raw(key))},
        "receiver": receiver,
        "schema_revision": head_revision(),
        "full": mark is None,
        "since": mark.isoformat() if mark is not None else None,
        "includes_care": include_care,
        # The newest package of the receiver's that we have applied (its clock): tells the
        # receiver which of its changes we have seen, for telling conflicts from updates.
        "ack": peer.last_received_created_at,
        "sites": sites,
        "refs": {t: refs[t] for t in REF_TABLES},
        "entries": manifest_entries,
        "counts": counts,
    }
    if is_cancelled():
        raise ExchangeCancelled()
    report("正在写入交换包文件…", len(specs) / (len(specs) + 1))
    file_name = f"{me.code}-to-{receiver}-{stamp(started)}{SUFFIX}"
    try:
        path = write_package(out_dir, file_name, manifest, entries, key.sign)
    except OSError as exc:
        raise ExchangeError(f"无法在“{out_dir}”写入交换包（{os_reason(exc)}）。"
                            "请检查U盘是否已插好、是否写保护、空间是否足够，然后重试。") from exc
    with db.transaction() as s:
        peers = state.load_peers(s)
        if receiver in peers:
            peers[receiver].last_sent_at = started.isoformat()
            peers[receiver].last_sent_package = str(package_id)
            state.save_peers(s, peers, me.code)
    report("导出完成", 1.0)
    return ExportResult(path=path, receiver=receiver, full=mark is None, counts=counts)
