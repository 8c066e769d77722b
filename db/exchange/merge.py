"""Importing a package: the merge rule, the preview, and applying it in one transaction.

Merge rule, per record (the README copies this):

1. **New id** → insert. (A record that is the same thing under another id — the regions,
   campaign, phases and settings every site makes at set-up, a unit of the same name in the same
   region, the one effect of a task — is recognised by its natural key and merged into ours.)
2. **Same id, same content** (every column but the local ones and the version counter, plus the
   visit's cadres and activities) → nothing to do.
3. **Incoming is newer** (later ``updated_at``) **and our copy was not changed since the last
   exchange with the sender** → update. "Not changed since" means: not modified after the
   sender's newest acknowledged package from us (``ack`` in its manifest: the changes it had
   seen), and not written by an import from another site since then. Without an ack every
   differing record counts as changed on both sides.
4. **Incoming is older**, our copy unchanged → keep ours ("already here"). Importing the same
   package twice, or an older package after a newer one, therefore writes nothing.
5. **Both changed** since they last exchanged → CONFLICT. The winner is chosen the same way on
   every site, so all converge: the later ``updated_at``; on a tie, the larger SHA-256 of the
   content. The loser is never lost: it is written to the audit log (action ``update``,
   ``before`` = the losing version, ``after`` = the winning one, summary “交换冲突…”) and listed in
   the import report for the clerk to review. A package older than one already applied from
   the same sender never raises a conflict for a record where ours is newer (its loser was
   already reviewed, or will be at the sender).
6. **Downward-only tables** (regions, campaign, phases, settings) are accepted only from a site
   above us, which is authoritative for them: its version replaces a row we made ourselves
   (the defaults from set-up) — a conflict if we had edited it.
7. **Tombstones** (``deleted_at``) are ordinary columns and travel by the same rule.
8. Visits' cadres and activities travel with the visit and are replaced with it; a task's
   problems are only ever added (a package to a school carries only that school's problems).

The search index is kept right: arriving visits and problems get a new local ``sort_key``
(``db.numbering.next_sort_key``) and are indexed; changed ones are unindexed with their old
document first; a visit whose problems changed is reindexed. Numbers (问题编号 ...) are kept as
they are: they carry the origin's site code and never collide.
"""

from __future__ import annotations

import functools
import hashlib
import json
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from db.audit import SYSTEM, Actor, write_audit
from db.engine import Database
from db.excel.bulk import no_gc_pauses, python_type, sqlite_storing
from db.exchange import state
from db.exchange.errors import ExchangeCancelled, ExchangeError
from db.exchange.export import chunks
from db.exchange.indexing import SearchIndex, SortKeys
from db.exchange.package import NOTHING_CHANGED, Cancelled, Progress
from db.exchange.report import Conflict, ImportReport
from db.exchange.tables import (
    DOWN,
    LABELS,
    SPECS,
    RowCodec,
    TableSpec,
    content_of,
    exportable_setting,
    to_json_value,
)
from db.exchange.verify import Package, open_package
from db.models import utcnow
from db.services.permissions import require

NEW, CHANGED, SAME, OLDER, CONFLICT, IGNORED = (
    "new", "changed", "same", "older", "conflict", "ignored")
COUNT_FIELD = {NEW: "new", CHANGED: "changed", SAME: "same", OLDER: "older",
               CONFLICT: "conflicts"}
IMPORT_CACHE_KIB = 256 * 1024  # page cache while importing
SORT_DATE = {"visit": "visit_date", "problem": "reported_on"}
STAMP_CHUNK = 5000  # ids per IN (...) of plain SQL: SQLite allows 32,766 parameters


@dataclass
class Item:
    row: dict[str, Any]
    links: dict[str, list[Any]]
    kind: str = NEW
    local: dict[str, Any] | None = None
    local_links: dict[str, list[Any]] = field(default_factory=dict)
    incoming_wins: bool = True

    @property
    def writes(self) -> bool:
        return self.kind in (NEW, CHANGED) or (self.kind == CONFLICT and self.incoming_wins)


@dataclass
class Plan:
    items: dict[str, list[Item]] = field(default_factory=dict)
    link_additions: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _digest(content: tuple[Any, ...]) -> str:
    """A tie-breaker every site computes alike: over the JSON form of the values."""
    return hashlib.sha256(json.dumps([to_json_value(v) for v in content], ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()


def _where(package: str, table: str, line: int) -> str:
    return f"“{package}”{LABELS[table]}第 {line} 行"


def _label(row: dict[str, Any]) -> str:
    for key in ("number", "name", "key", "title", "code"):
        if row.get(key):
            return str(row[key])
    return str(row["id"])[:8]


def _load_by_ids(s: Session, spec: TableSpec, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict]:
    table = spec.table
    out: dict[uuid.UUID, dict[str, Any]] = {}
    for part in chunks(ids):
        for r in s.execute(select(table).where(table.c.id.in_(part))):
            out[r.id] = dict(r._mapping)
    return out


def _load_stamps(s: Session, spec: TableSpec, ids: list[uuid.UUID]
                 ) -> dict[uuid.UUID, datetime]:
    table = spec.table
    out: dict[uuid.UUID, Any] = {}
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        # Plain SQL with the ids as SQLite stores them (32 hex digits): compiling 200 IN
        # queries and converting their parameters took longer than the lookups themselves.
        # The stamps go through the column type's own result conversion, as the ORM reads them.
        to_stamp = table.c.updated_at.type.result_processor(conn.dialect, None)
        by_hex = {i.hex: i for i in ids}
        keys = list(by_hex)
        sql = f"SELECT id, updated_at FROM {conn.dialect.identifier_preparer.quote(table.name)}"
        for part in chunks(keys, STAMP_CHUNK):
            marks = ",".join("?" * len(part))
            for rid, stamp in conn.exec_driver_sql(f"{sql} WHERE id IN ({marks})", tuple(part)):
                out[by_hex[rid]] = to_stamp(stamp) if to_stamp else stamp
        return out
    for part in chunks(ids):
        for rid, stamp in s.execute(select(table.c.id, table.c.updated_at)
                                    .where(table.c.id.in_(part))):
            out[rid] = stamp
    return out


def _load_links(s: Session, spec: TableSpec, ids: list[uuid.UUID]
                ) -> dict[uuid.UUID, dict[str, list[Any]]]:
    out: dict[uuid.UUID, dict[str, list[Any]]] = defaultdict(dict)
    for link in spec.links:
        parent, value = link.table.c[link.parent_col], link.table.c[link.value_col]
        for part in chunks(ids):
            for pid, val in s.execute(select(parent, value).where(parent.in_(part))):
                out[pid].setdefault(link.table.name, []).append(val)
    return out


class Analysis:
    """Classifies every incoming record against the database, without writing."""

    def __init__(self, s: Session, pkg: Package, report: ImportReport) -> None:
        self.s = s
        self.pkg = pkg
        self.report = report
        me = s.execute(text("SELECT code, parent_code FROM site WHERE is_local")).one()
        self.me = me.code
        peers = state.load_peers(s)
        parents = {c: p.parent_code for c, p in peers.items()}
        parents.update({c.code: c.parent_code for c in pkg.sites if c.code not in parents})
        parents[self.me] = me.parent_code
        self.from_above = pkg.sender_code in state.ancestors(self.me, parents)
        peer = pkg.sender
        self.stale = (peer.last_received_created_at is not None
                      and pkg.created_at <= datetime.fromisoformat(peer.last_received_created_at))
        # The point up to which the sender has seen our changes (our clock).
        self.seen_until = min(pkg.ack, utcnow()) if pkg.ack is not None else None
        self.journal = state.journal_latest(s)
        self.id_map: dict[str, dict[uuid.UUID, uuid.UUID]] = defaultdict(dict)
        self.plan = Plan()

    # -- ids -------------------------------------------------------------------------------

    def map_refs(self) -> None:
        """Translate the ids of rows every site made for itself (regions, campaign, phases)."""
        from db.models import Campaign, Phase, Region

        by_code = {c: i for i, c in self.s.execute(select(Region.id, Region.code))}  # type: ignore[call-overload]
        for rid, (code,) in self.pkg.refs.get("region", {}).items():
            if code in by_code and by_code[code] != rid:
                self.id_map["region"][rid] = by_code[code]
        by_year = {y: i for i, y in self.s.execute(  # the newest campaign of a year wins
            select(Campaign.id, Campaign.year).order_by(Campaign.created_at))}  # type: ignore[call-overload]
        for cid, (year,) in self.pkg.refs.get("campaign", {}).items():
            if year in by_year and by_year[year] != cid:
                self.id_map["campaign"][cid] = by_year[year]
        by_phase = {(c, k): i for i, c, k in self.s.execute(
            select(Phase.id, Phase.campaign_id, Phase.code))}  # type: ignore[call-overload]
        for pid, natural in self.pkg.refs.get("phase", {}).items():
            if len(natural) != 2:
                continue
            try:
                cid = uuid.UUID(str(natural[0]))
            except ValueError:
                continue
            local = by_phase.get((self.id_map["campaign"].get(cid, cid), natural[1]))
            if local is not None and local != pid:
                self.id_map["phase"][pid] = local

    def _remap(self, spec: TableSpec, row: dict[str, Any], links: dict[str, list[Any]]) -> None:
        for col, target in spec.fk_targets().items():
            value = row[col]
            if value is not None:
                row[col] = self.id_map[target].get(value, value)
        for link in spec.links:
            if link.target and link.table.name in links:
                m = self.id_map[link.target]
                links[link.table.name] = [m.get(v, v) for v in links[link.table.name]]

    def _alias_by_natural_key(self, spec: TableSpec, items: list[Item],
                              local: dict[uuid.UUID, dict[str, Any]]) -> None:
        missing = [it for it in items if it.row["id"] not in local]
        if not missing or not spec.natural_keys:
            return
        table = spec.table
        aliased: list[uuid.UUID] = []
        for key_cols in spec.natural_keys:
            cols = [table.c[c] for c in key_cols]
            # Only the local rows that could match: filtered on the key's first column.
            firsts = sorted({it.row[key_cols[0]] for it in missing
                             if it.row[key_cols[0]] is not None}, key=str)
            existing: dict[tuple[Any, ...], uuid.UUID] = {}
            for part in chunks(firsts):
                existing.update((tuple(r[:-1]), r[-1]) for r in self.s.execute(
                    select(*cols, table.c.id).where(cols[0].in_(part))))
            for it in missing:
                if it.row["id"] in local or it.row["id"] in aliased:
                    continue
                found = existing.get(tuple(it.row[c] for c in key_cols))
                if found is not None and found != it.row["id"]:
                    self.id_map[spec.name][it.row["id"]] = found
                    it.row["id"] = found
                    aliased.append(found)
        local.update(_load_by_ids(self.s, spec, aliased))

    # -- classification --------------------------------------------------------------------

    def _changed_here(self, spec: TableSpec, loc: dict[str, Any]) -> bool:
        """Has our copy changed since the sender last saw it?

        Our copy is unchanged if it is exactly what an import from this sender wrote (a local
        edit afterwards stamps ``updated_at`` with our clock, later than the import). Else it
        has changed if it was edited here, or written by an import from someone else, after the
        point up to which the sender has acknowledged our packages.
        """
        written = self.journal.get(spec.name, {}).get(loc["id"].hex)
        if written is not None:
            at, sender = written
            if sender == self.pkg.sender_code and loc["updated_at"] <= at:
                return False
        if self.seen_until is None:
            return True
        if written is not None and written[1] != self.pkg.sender_code \
                and written[0] > self.seen_until:
            return True
        return bool(loc["updated_at"] > self.seen_until)

    def _classify(self, spec: TableSpec, it: Item) -> None:
        loc = it.local
        if loc is None:
            it.kind = NEW
            return
        incoming = content_of(spec, it.row, it.links)
        ours = content_of(spec, loc, it.local_links)
        if incoming == ours:
            it.kind = SAME
            return
        if spec.direction == DOWN and loc["site"] == self.me:
            # Our own set-up default of a row the site above owns: its version replaces ours.
            it.kind = CONFLICT if loc["version"] > 1 else CHANGED
            it.incoming_wins = True
            return
        newer = (it.row["updated_at"], _digest(incoming)) > (loc["updated_at"], _digest(ours))
        if self.stale and not newer:
            it.kind = OLDER
        elif not self._changed_here(spec, loc):
            it.kind = CHANGED if newer else OLDER
        else:
            it.kind = CONFLICT
            it.incoming_wins = newer

    def run(self, cancelled: Cancelled, progress: Progress) -> Plan:
        self.map_refs()
        in_package: dict[str, set[uuid.UUID]] = {}
        total = max(len(self.pkg.rows), 1)
        for n, spec in enumerate(s for s in SPECS if s.name in self.pkg.rows):
            if cancelled():
                raise ExchangeCancelled()
            progress(f"正在比对{LABELS[spec.name]}…", 0.1 + 0.4 * n / total)
            counts = self.report.counts(spec.name)
            rows = self.pkg.rows[spec.name]
            if spec.direction == DOWN and not self.from_above:
                counts.ignored += len(rows)
                continue
            codec = RowCodec.for_spec(spec)
            id_map = self.id_map[spec.name]
            if spec.name == "setting":
                kept = [r for r in rows if exportable_setting(str(r.obj.get("key", "")))]
                counts.ignored += len(rows) - len(kept)
                rows = kept
            stamps = _load_stamps(self.s, spec, [id_map.get(r.id, r.id) for r in rows])
            in_package[spec.name] = set()
            items = []
            for r in rows:
                local_id = id_map.get(r.id, r.id)
                in_package[spec.name].add(local_id)
                # (id, updated_at) names a version: every change stamps updated_at, so a record
                # with both equal is already here and need not even be decoded.
                if stamps.get(local_id) == r.updated_at:
                    counts.same += 1
                    continue
                row, links = codec.decode(r.obj, functools.partial(
                    _where, self.pkg.path.name, spec.name, r.line))
                self._remap(spec, row, links)
                items.append(Item(row, links))
            # Full local rows only for records we have (the stamps said which).
            local = _load_by_ids(self.s, spec, [it.row["id"] for it in items
                                                if it.row["id"] in stamps])
            self._alias_by_natural_key(spec, items, local)
            if any(t == spec.name for t in spec.fk_targets().values()):
                for it in items:  # self references (unit.parent_id): after aliasing
                    self._remap(spec, it.row, it.links)
            present = [it.row["id"] for it in items if it.row["id"] in local]
            local_links = _load_links(self.s, spec, present) if spec.links else {}
            for it in items:
                it.local = local.get(it.row["id"])
                it.local_links = local_links.get(it.row["id"], {})
                self._classify(spec, it)
                field_name = COUNT_FIELD[it.kind]
                setattr(counts, field_name, getattr(counts, field_name) + 1)
                if it.kind == CONFLICT:
                    assert it.local is not None
                    self.report.conflicts.append(Conflict(
                        spec.name, it.row["id"], _label(it.row),
                        "incoming" if it.incoming_wins else "local",
                        it.row["updated_at"], it.local["updated_at"]))
            self.plan.items[spec.name] = items
            in_package[spec.name].update(it.row["id"] for it in items)
            self._union_links(spec, items)
        self._check_references(in_package)
        return self.plan

    def _union_links(self, spec: TableSpec, items: list[Item]) -> None:
        for link in spec.links:
            if link.replace:
                continue
            adds = self.plan.link_additions.setdefault(link.table.name, [])
            for it in items:
                have = set(it.local_links.get(link.table.name, []))
                adds.extend({link.parent_col: it.row["id"], link.value_col: v}
                            for v in it.links.get(link.table.name, []) if v not in have)

    def _exists(self, table_name: str, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        spec_table = next(s.table for s in SPECS if s.name == table_name) \
            if any(s.name == table_name for s in SPECS) else None
        if spec_table is None:
            return set()
        found: set[uuid.UUID] = set()
        for part in chunks(sorted(ids, key=str)):
            found.update(self.s.execute(
                select(spec_table.c.id).where(spec_table.c.id.in_(part))).scalars())
        return found

    def _check_references(self, in_package: dict[str, set[uuid.UUID]]) -> None:
        """Every record written must point at records we have or that arrive with it; else the
        sender must send everything (its previous package may not have reached us)."""
        wanted: dict[str, dict[uuid.UUID, tuple[str, Item]]] = defaultdict(dict)
        for spec in SPECS:
            for it in self.plan.items.get(spec.name, []):
                if not it.writes:
                    continue
                for col, target in spec.fk_targets().items():
                    value = it.row[col]
                    if value is not None and value not in in_package.get(target, ()):
                        wanted[target].setdefault(value, (spec.name, it))
                for link in spec.links:
                    if link.replace and link.target:
                        for value in it.links.get(link.table.name, []):
                            if value not in in_package.get(link.target, ()):
                                wanted[link.target].setdefault(value, (spec.name, it))
        for target, refs in wanted.items():
            missing = set(refs) - self._exists(target, refs)
            if missing:
                table, it = refs[sorted(missing, key=str)[0]]
                raise ExchangeError(
                    f"交换包中的{LABELS[table]}“{_label(it.row)}”引用了本站没有的"
                    f"{LABELS.get(target, target)}（共 {len(missing)} 条缺失），已拒绝导入，"
                    f"{NOTHING_CHANGED}可能是对方之前发来的交换包没有导入。请先导入之前的交换包，"
                    "或请对方导出时勾选“全部数据”重新导出。")
        # Union links to records we do not hold (another school's problems) are skipped.
        for name, adds in self.plan.link_additions.items():
            link = next(lk for s in SPECS for lk in s.links if lk.table.name == name)
            if link.target is None:
                continue
            values = {a[link.value_col] for a in adds}
            have = self._exists(link.target, values - in_package.get(link.target, set()))
            have |= in_package.get(link.target, set())
            self.plan.link_additions[name] = [a for a in adds if a[link.value_col] in have]


def _apply(s: Session, pkg: Package, plan: Plan, report: ImportReport, actor: Actor,
           cancelled: Cancelled, progress: Progress) -> None:
    if s.connection().dialect.name == "sqlite":
        # References within a table (unit.parent_id) may point forward; checked at commit.
        s.execute(text("PRAGMA defer_foreign_keys=ON"))
        # Random UUID keys touch pages all over every index: with SQLite's default 2 MB cache a
        # 100,000-visit import spends most of its time re-reading pages (reset in _run).
        s.execute(text(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}"))
    me = report_site = s.execute(text("SELECT code FROM site WHERE is_local")).scalar_one()
    search = SearchIndex(s)
    # Capture the indexed documents before anything changes: the index is contentless.
    problems = [it for it in plan.items.get("problem", []) if it.writes]
    visits = [it for it in plan.items.get("visit", []) if it.writes]
    touched_visits = {it.row["id"] for it in visits if it.local is not None}
    for it in problems:
        for v in (it.row.get("visit_id"), (it.local or {}).get("visit_id")):
            if v is not None:
                touched_visits.add(v)
    changed_problems = [it.row["id"] for it in problems if it.local is not None]
    before_visits = search.visit_docs(touched_visits)
    before_problems = search.problem_docs(changed_problems)

    keys = SortKeys(s)
    journal: dict[str, list[str]] = {}
    total = max(len(plan.items), 1)
    for n, spec in enumerate(sp for sp in SPECS if sp.name in plan.items):
        if cancelled():
            raise ExchangeCancelled()
        progress(f"正在写入{LABELS[spec.name]}…", 0.5 + 0.4 * n / total)
        _write_table(s, spec, plan.items[spec.name], keys)
        journal[spec.name] = [it.row["id"].hex for it in plan.items[spec.name] if it.writes]
        for link in spec.links:
            adds = plan.link_additions.get(link.table.name)
            if adds:
                s.execute(insert(link.table), adds)
                journal.setdefault(spec.name, []).extend(
                    {a[link.parent_col].hex for a in adds} - set(journal[spec.name]))
    progress("正在更新检索索引…", 0.92)
    touched_visits |= {it.row["id"] for it in visits}
    search.swap("problem_fts", before_problems,
                search.problem_docs(it.row["id"] for it in problems))
    search.swap("visit_fts", before_visits, search.visit_docs(touched_visits))

    for conflict, it in _conflict_items(plan, report):
        assert it.local is not None
        incoming = it.row | {"version": it.local["version"]}
        winner, loser = (incoming, it.local) if it.incoming_wins else (it.local, incoming)
        source = f"来自 {pkg.sender_code} 的版本" if conflict.winner == "local" else "本站原有版本"
        write_audit(s, actor, "update", conflict.table, conflict.record_id,
                    f"交换冲突：{LABELS.get(conflict.table, conflict.table)}“{conflict.label}”"
                    f"在两处都被修改，{source}未被采用，完整内容见“修改前”",
                    before=_jsonable(loser), after=_jsonable(winner), site=me)
    journal = {t: ids for t, ids in journal.items() if ids}
    if journal:
        state.prune_journal(s)
        state.add_journal(s, state.JournalEntry(utcnow().isoformat(), pkg.sender_code,
                                                pkg.package_id, journal), me)
    if not report.nothing_to_do:
        write_audit(s, actor, "import", "exchange", pkg.package_id,
                    f"导入来自 {pkg.sender_code} 的交换包 {pkg.path.name}：新增 "
                    f"{sum(c.new for c in report.tables.values())} 条，更新 "
                    f"{sum(c.changed for c in report.tables.values())} 条，冲突 "
                    f"{len(report.conflicts)} 条", site=report_site)
    _remember(s, pkg, me)


def _conflict_items(plan: Plan, report: ImportReport) -> list[tuple[Conflict, Item]]:
    by_key = {(t, it.row["id"]): it for t, items in plan.items.items() for it in items
              if it.kind == CONFLICT}
    return [(c, by_key[(c.table, c.record_id)]) for c in report.conflicts]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    from db.exchange.tables import to_json_value

    return {k: to_json_value(v) for k, v in row.items()}


def _remember(s: Session, pkg: Package, me: str) -> None:
    """Advance the sender's marks, only for a package newer than any applied before (so a
    re-import or an older package leaves the database exactly as it was)."""
    peers = state.load_peers(s)
    peer = peers.get(pkg.sender_code)
    if peer is None:
        return
    last = peer.last_received_created_at
    if last is not None and pkg.created_at <= datetime.fromisoformat(last):
        return
    peer.last_received_at = utcnow().isoformat()
    peer.last_received_created_at = pkg.created_at.isoformat()
    peer.last_received_package = pkg.package_id
    if pkg.ack is not None:
        peer.acked_at = pkg.ack.isoformat()
    state.save_peers(s, peers, me)
    sites = state.load_sites(s)
    merged = dict(sites)
    for info in pkg.sites:
        if info.code != me and info.code not in peers:
            merged[info.code] = info
    if merged != sites:
        state.save_sites(s, merged, me)


def _write_table(s: Session, spec: TableSpec, items: list[Item], keys: SortKeys) -> None:
    table = spec.table
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    replaced: list[Item] = []
    date_col = SORT_DATE.get(spec.name)
    for it in items:
        if not it.writes:
            continue
        row = dict(it.row)
        if it.local is None:
            for col in spec.local_cols:
                row[col] = None
            if date_col:
                row["sort_key"] = keys.take(spec.name, row[date_col])
            inserts.append(row)
        else:
            # Our own counter for optimistic locking: a clerk holding the old version must not
            # save over what just arrived.
            row["version"] = it.local["version"] + 1
            for col in spec.local_cols:
                row[col] = it.local[col]
            if date_col and row[date_col] != it.local[date_col]:
                row["sort_key"] = keys.take(spec.name, row[date_col])
            updates.append({"b_" + k: v for k, v in row.items()})
        replaced.append(it)
    _insert_rows(s, table, inserts)
    if updates:
        cols = [c.key for c in table.columns if c.key != "id"]
        stmt = (update(table).where(table.c.id == bindparam("b_id"))
                .values({c: bindparam("b_" + c) for c in cols}))
        for part in chunks(updates, 2000):
            s.execute(stmt, part)
    for link in spec.links:
        if not link.replace:
            continue
        existing = [it.row["id"] for it in replaced if it.local is not None]
        parent = link.table.c[link.parent_col]
        for part in chunks(existing):
            s.execute(link.table.delete().where(parent.in_(part)))
        rows = [{link.parent_col: it.row["id"], link.value_col: v}
                for it in replaced for v in it.links.get(link.table.name, [])]
        _insert_rows(s, link.table, rows)


def _insert_rows(s: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT *rows* (each holding every column of *table*).

    On SQLite: each value through its column type's own bind processor — so it is stored
    exactly as a Core insert stores it (UUIDs as hex, naive UTC timestamps) — and one
    ``executemany`` of plain tuples. Core's per-row parameter handling cost more than SQLite's
    inserts themselves at 100,000 rows. Elsewhere, or for rows lacking a column: Core insert.
    """
    if not rows:
        return
    conn = s.connection()
    names = list(table.c.keys())
    if conn.dialect.name != "sqlite" or any(len(r) != len(names) for r in rows):
        for part in chunks(rows, 2000):
            s.execute(insert(table), part)
        return
    dialect = conn.dialect
    pick = itemgetter(*names)  # a KeyError here is a bug (a row with a misspelt column)
    if len(names) == 1:
        params: list[tuple[Any, ...]] = [(pick(r),) for r in rows]
    else:
        params = [pick(r) for r in rows]
    converting = []
    for i, n in enumerate(names):
        proc = sqlite_storing(table.c[n].type, dialect)
        if proc is not None:
            # Dates and timestamps repeat (a day's visits, a batch's stamps): converted once
            # per distinct value; ids are unique, converted directly.
            memo: dict[Any, Any] | None = \
                {} if python_type(table.c[n].type) in (date, datetime) else None
            converting.append((i, proc, memo))
    if converting:
        out = []
        for values in params:
            row = list(values)
            for i, proc, memo in converting:
                v = row[i]
                if memo is None:
                    row[i] = proc(v)
                else:
                    try:
                        row[i] = memo[v]
                    except KeyError:
                        row[i] = memo[v] = proc(v)
            out.append(tuple(row))
        params = out
    quote = dialect.identifier_preparer.quote
    conn.exec_driver_sql(f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)})"
                         f" VALUES ({', '.join('?' * len(names))})", params)


def _new_report(pkg: Package, applied: bool) -> ImportReport:
    return ImportReport(package=pkg.path.name, sender=pkg.sender_code, sender_name=pkg.sender.name,
                        created_at=pkg.created_at, applied=applied)


def preview_import(db: Database, path: Path, *, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> ImportReport:
    """What importing *path* would do (counts per table, conflicts), writing nothing."""
    return _run(db, Path(path), SYSTEM, apply=False, progress=progress, cancelled=cancelled)


def import_package(db: Database, path: Path, *, actor: Actor = SYSTEM,
                   progress: Progress | None = None, cancelled: Cancelled | None = None
                   ) -> ImportReport:
    """Verify *path* and merge it in one transaction; ExchangeError with nothing written if the
    package is refused or the import is cancelled."""
    return _run(db, Path(path), actor, apply=True, progress=progress, cancelled=cancelled)


def _run(db: Database, path: Path, actor: Actor, *, apply: bool, progress: Progress | None,
         cancelled: Cancelled | None) -> ImportReport:
    if apply:
        require(actor, "exchange")
    with no_gc_pauses():  # hundreds of thousands of rows, dicts and UUIDs, none of them cycles
        return _run_held(db, path, actor, apply=apply, progress=progress, cancelled=cancelled)


def _run_held(db: Database, path: Path, actor: Actor, *, apply: bool,
              progress: Progress | None, cancelled: Cancelled | None) -> ImportReport:
    started = time.perf_counter()
    report_progress = progress or (lambda _t, _f: None)
    is_cancelled = cancelled or (lambda: False)
    report_progress("正在检查交换包…", 0.0)
    with db.session() as s:
        pkg = open_package(s, path, cancelled=is_cancelled)
    if not apply:
        with db.session() as s:
            report = _new_report(pkg, applied=False)
            Analysis(s, pkg, report).run(is_cancelled, report_progress)
            s.rollback()
    else:
        try:
            with db.transaction() as s:
                report = _new_report(pkg, applied=True)
                try:
                    plan = Analysis(s, pkg, report).run(is_cancelled, report_progress)
                    _apply(s, pkg, plan, report, actor, is_cancelled, report_progress)
                    report_progress("正在提交…", 0.97)
                finally:
                    if db.is_sqlite:  # the pooled connection goes back with the usual cache
                        s.connection().exec_driver_sql("PRAGMA cache_size=-2000")
        except IntegrityError as exc:
            raise ExchangeError(
                f"交换包“{path.name}”中的记录与本站已有记录冲突（{str(exc.orig)[:120]}），"
                f"已拒绝导入，{NOTHING_CHANGED}请把此信息告诉技术支持。") from exc
    report.seconds = time.perf_counter() - started
    report_progress("完成", 1.0)
    return report
