"""Writing a checked import plan: every row in ONE transaction, part by part through
``bulk.BulkWriter`` (100,000 visits through the ORM would take minutes), keeping the services'
storage contract:

- numbers from ``NumberSequence`` (``format_number``), sort keys after the day's last key
  (``next_sort_key``), in date order and, within a day, in file order;
- the full-text documents of ``db.search`` (``visit_document`` / ``problem_document``) under
  the record's sort key;
- ONE audit entry summarising the import (action "import"), with the file's hash, the counts,
  the numbers given and every update's before and after values.

Duplicates and references are checked again inside the transaction: a row stored meanwhile is
skipped, a unit or cadre deleted meanwhile refuses the import, an update made meanwhile raises
the usual ``ConflictError``.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, pairwise
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, Table, func, select, update
from sqlmodel import Session

from db.audit import Actor, write_audit
from db.campaign import local_site_code
from db.engine import Database, checkpoint_in_background
from db.errors import ConflictError
from db.excel.bulk import Batch, BulkWriter, Carried, Rows, attach_stage, no_gc_pauses
from db.excel.columns import spec_for
from db.excel.existing import load_existing
from db.excel.issues import ImportRefused
from db.excel.kinds import RULES, KindRules, Values
from db.excel.lookups import Lookups
from db.excel.plan import ImportPlan, PlannedRow, ProgressLike, _dates, classify
from db.models import (
    Assignment,
    Cadre,
    NumberSequence,
    Problem,
    Unit,
    Visit,
    VisitActivity,
    VisitCadre,
    utcnow,
)
from db.numbering import DAY_SHIFT, day_base, format_number, next_sort_key
from db.search import problem_document, visit_document
from db.services.people import name_initials
from db.services.permissions import require

IMPORT_CACHE_KIB = 256 * 1024  # SQLite's page cache while writing an import (as exchange)
PART_ROWS, FIRST_PART_ROWS = 20_000, 2_000  # see ``_parts``
WAL_AUTOCHECKPOINT_PAGES = 1000  # SQLite's default


@dataclass
class ImportResult:
    kind: str
    added: int = 0
    changed: int = 0
    skipped: int = 0
    numbers: list[str] = field(default_factory=list)  # first and last number given, if any
    audit_seq: int | None = None

    def summary(self) -> str:
        noun = spec_for(self.kind).noun
        text = (f"已导入：新增{noun} {self.added} 条，更新 {self.changed} 条，"
                f"已存在跳过 {self.skipped} 条")
        if self.numbers:
            text += f"（编号 {self.numbers[0]} 至 {self.numbers[-1]}）"
        return text


def apply_import(db: Database, actor: Actor, plan: ImportPlan,
                 progress: ProgressLike | None = None) -> ImportResult:
    """Write *plan* in one transaction; refuse (writing nothing) if it has errors."""
    if plan.errors:
        first = "；".join(str(i) for i in plan.errors[:3])
        more = f"等 {len(plan.errors)} 处" if len(plan.errors) > 3 else ""
        raise ImportRefused(f"导入文件有错误，未导入任何数据。请改正后重新导入：{first}{more}",
                            plan.errors)
    rules = RULES[plan.kind]
    result = ImportResult(plan.kind)
    with no_gc_pauses(), _bulk_writing(db) as bind, db.transaction(bind=bind) as s:
        _write(s, actor, rules, plan, result, progress)
    if progress:
        progress.update(result.summary(), 1.0)
    return result


@contextmanager
def _bulk_writing(db: Database) -> Iterator[Connection | None]:
    """On SQLite, a connection set up for writing many rows in one transaction, put back as
    it was afterwards (None elsewhere: the usual pooled connection).

    - A larger page cache: the visit table's indexes and the search index touch more pages
      than SQLite's default 2 MB holds; evicted pages are spilled to the WAL and read back.
    - No foreign-key checks: every unit, region and cadre a row names is checked again inside
      the transaction (``_check_references``) and the new records point only at each other;
      SQLite's own check would look every one of them up again per row (about 5 % of a
      100,000-visit import). The pragma only takes effect outside a transaction, hence here.
    - An in-memory database attached, which ``BulkWriter`` stages the rows in.
    - The write-ahead log is copied into the file afterwards on a thread of its own
      (``checkpoint_in_background``), not inside the commit.
    """
    if not db.is_sqlite:
        yield None
        return
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("PRAGMA wal_autocheckpoint=0")
        try:
            with attach_stage(raw):
                yield conn
        finally:  # after the commit or rollback: the pooled connection goes back as it was
            raw.execute("PRAGMA foreign_keys=ON")
            raw.execute("PRAGMA cache_size=-2000")
            raw.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
    if db.path is not None:
        checkpoint_in_background(db.path)


def _write(s: Session, actor: Actor, rules: KindRules, plan: ImportPlan, result: ImportResult,
           progress: ProgressLike | None) -> None:
    """The body of ``apply_import``'s transaction."""
    named = _Named.by(plan.to_add)
    _require(actor, rules, named)
    # Again, inside the transaction: what is stored now decides, not what was at planning.
    fresh = ImportPlan(plan.kind, plan.path, plan.sha256, headers=plan.headers)
    existing = load_existing(s, plan.kind, _dates(plan.kind, plan.to_add))
    classify(rules, plan.to_add, existing, fresh)
    if fresh.errors:
        raise ImportRefused("导入期间数据已被他人修改，未导入任何数据。请重新检查文件后再导入："
                            + "；".join(str(i) for i in fresh.errors[:3]), fresh.errors)
    to_add = fresh.to_add
    if len(to_add) != len(plan.to_add):  # rows stored meanwhile are left out (a subset)
        named = _Named.by(to_add)
    _check_references(s, plan.kind, to_add, named)
    # Rows that became updates meanwhile are left alone: the clerk approved an addition.
    result.skipped = len(plan.duplicates) + len(fresh.duplicates) + len(fresh.to_change)
    site = local_site_code(s)
    if progress:
        progress.update(f"正在写入 {len(to_add)} 条记录……", None)
    writer = _WRITERS[plan.kind]
    result.numbers = writer(s, site, to_add)
    result.added = len(to_add)
    changes = _apply_changes(s, rules, plan)
    result.changed = len(changes)
    if result.added or result.changed:
        entry = write_audit(
            s, actor, "import", rules.table, None,
            f"从 Excel 导入{rules.spec.title}“{plan.path.name}”：新增 {result.added} 条，"
            f"更新 {result.changed} 条，跳过 {result.skipped} 条",
            after={"file": plan.path.name, "sha256": plan.sha256, "sheets": plan.sheets,
                   "added": result.added, "changed": result.changed,
                   "skipped": result.skipped, "numbers": result.numbers,
                   "updates": changes},
            site=site)
        result.audit_seq = entry.seq


class _Named(NamedTuple):
    """The distinct units, regions and cadres some rows name."""

    units: set[uuid.UUID]
    regions: set[uuid.UUID]
    cadres: set[uuid.UUID]

    @classmethod
    def by(cls, rows: list[PlannedRow]) -> _Named:
        values = [r.values for r in rows]
        fields = values[0].keys() if values else ()  # every row of a kind has the same fields

        def named(key: str) -> set[Any]:
            return _distinct([v[key] for v in values]) if key in fields else set()

        cadres = named("cadre_id") | named("collected_by_id")
        if "cadre_ids" in fields:
            cadres |= _distinct(chain.from_iterable(v["cadre_ids"] for v in values))
        return cls(named("unit_id"), named("region_id"), cadres)


def _distinct(values: Iterable[Any]) -> set[Any]:
    """The distinct *values* but None, each distinct object hashed once: a sheet's rows share
    the id objects of the lookups, and a UUID's hash runs in Python (0.1 s a set of 100,000)."""
    return set({id(v): v for v in values}.values()) - {None}


def _require(actor: Actor, rules: KindRules, named: _Named) -> None:
    if rules.table in ("visit", "problem", "assignment", "cadre") and named.units:
        require(actor, rules.action, unit_ids=named.units)
    else:
        require(actor, rules.action)


def _check_references(s: Session, kind: str, rows: list[PlannedRow], named: _Named) -> None:
    """Refuse when a unit, region or cadre the rows name was deleted (or a visit's cadre
    deactivated) after planning: the rows would point at nothing."""
    if not rows:
        return
    lookups = Lookups(s)
    gone = (named.units - lookups.units.keys()) | (named.regions - lookups.regions.keys()) \
        | (named.cadres - lookups.cadres.keys())
    if kind == "visits":
        gone |= {c for c in named.cadres if c in lookups.cadres and not lookups.cadres[c].active}
    if not gone:
        return
    where = []
    for r in rows:
        v = r.values
        if {v.get("unit_id"), v.get("region_id"), v.get("cadre_id"), v.get("collected_by_id"),
                *v.get("cadre_ids", ())} & gone:
            where.append(f"工作表“{r.sheet}”第 {r.row} 行")
            if len(where) == 3:
                break
    raise ImportRefused(f"导入期间有单位或干部被删除或停用（{'、'.join(where)}），"
                        "未导入任何数据。请重新检查文件后再导入。")


# -- writers -------------------------------------------------------------------------------


def _reserve_numbers(s: Session, site: str, kind: str, year: int, count: int) -> int:
    """The first of *count* numbers handed out at once (``next_number``'s counter)."""
    row = s.get(NumberSequence, (site, kind, year))
    if row is None:
        row = NumberSequence(site=site, kind=kind, year=year, last=0)
        s.add(row)
    first = row.last + 1
    row.last += count
    s.flush()
    return first


class _Numbering:
    """Numbers (``format_number``) and sort keys for new records, in date order and, within a
    day, in file order: reserved at once, handed out part by part (``take``: the parts in turn,
    on the helper thread of ``BulkWriter.write``)."""

    def __init__(self, s: Session, site: str, kind: str, model: type[Visit] | type[Problem],
                 rows: list[PlannedRow], date_field: str) -> None:
        self.site, self.kind, self.rows = site, kind, rows
        self.dates = [r.values[date_field] for r in rows]
        self.order = sorted(range(len(rows)), key=self.dates.__getitem__)  # stable: file order
        years = Counter(d.year for d in self.dates)
        self.first_seq = {y: _reserve_numbers(s, site, kind, y, n)
                          for y, n in sorted(years.items())}
        self.last_seq = {y: self.first_seq[y] + n - 1 for y, n in years.items()}
        self._next_seq = dict(self.first_seq)
        self._tops = _next_keys(s, model, self.dates)
        self._day: date | None = None
        self._key = 0

    def take(self, part: range) -> list[tuple[PlannedRow, str, int]]:
        """The rows at *part* of the date order, with their numbers and sort keys."""
        out = []
        for i in map(self.order.__getitem__, part):
            d = self.dates[i]
            if d != self._day:  # a new day: its keys start after the day's last stored one
                self._day, self._key = d, self._tops[d]
            seq = self._next_seq[d.year]
            self._next_seq[d.year] = seq + 1
            out.append((self.rows[i], format_number(self.site, self.kind, d.year, seq),
                        self._key))
            self._key += 1
        return out

    def first_and_last(self) -> list[str]:
        """The first and the last number given (one, if only one row is written)."""
        if not self.rows:
            return []
        first = self.dates[self.order[0]].year
        last = self.dates[self.order[-1]].year
        numbers = [format_number(self.site, self.kind, first, self.first_seq[first]),
                   format_number(self.site, self.kind, last, self.last_seq[last])]
        return numbers[:1] if len(self.rows) == 1 else numbers


def _next_keys(s: Session, model: type[Visit] | type[Problem], days: list[date]
               ) -> dict[date, int]:
    """``next_sort_key`` for each of *days*, in one query instead of one per day: the key
    after the largest already used on that day, or the day's base."""
    if not days:
        return {}
    if len(set(days)) <= 3:
        return {d: next_sort_key(s, model, d) for d in set(days)}
    col = model.sort_key  # type: ignore[attr-defined]
    lo, hi = day_base(min(days)), day_base(max(days)) + (1 << DAY_SHIFT)
    day = col // (1 << DAY_SHIFT)  # integer division on both back ends
    query = select(day, func.max(col)).where(col >= lo, col < hi)  # type: ignore[call-overload]
    tops: dict[int, int] = dict(s.execute(query.group_by(day)).all())
    out = {}
    for d in set(days):
        top = tops.get(day_base(d) >> DAY_SHIFT)
        out[d] = day_base(d) if top is None else int(top) + 1
    return out


# uuid.uuid4(): random bits with the version (4) in the high nibble of byte 6 and the
# variant (RFC 4122: binary 10) in the two high bits of byte 8, set by these byte tables.
_VERSION_4 = bytes((b & 0x0F) | 0x40 for b in range(256))
_VARIANT_RFC = bytes((b & 0x3F) | 0x80 for b in range(256))


def _sorted_ids(n: int) -> list[str]:
    """*n* random (version 4) UUIDs in ascending order, as the 32 hex digits SQLite stores.
    Handed out in the order rows are inserted, they make every index on ``id`` grow at its
    end instead of at random places, which halves the time of a 100,000-row insert; the ids
    are as random as any uuid4. Made from the bytes directly, each step one C loop over all
    of them: 100,000 ``uuid.UUID`` objects, only to be turned into hex again, cost more than
    the rest of the row. (32 hex digits of equal case sort as their numbers do.)"""
    raw = bytearray(os.urandom(16 * n))
    raw[6::16] = raw[6::16].translate(_VERSION_4)
    raw[8::16] = raw[8::16].translate(_VARIANT_RFC)
    digits = raw.hex()
    ids = [digits[i:i + 32] for i in range(0, 32 * n, 32)]
    ids.sort()
    return ids


def _record(now: Any, site: str) -> dict[str, Any]:
    """The columns every new record shares (``Record``)."""
    return {"created_at": now, "updated_at": now, "site": site, "deleted_at": None,
            "version": 1}


def _table(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


_VISIT_COLUMNS = ("id", "number", "sort_key", "unit_id", "visit_date", "method",
                  "students_met", "teachers_met", "parents_met", "content", "talked_with",
                  "findings", "reported_to_branch")
_VISIT_VALUES = itemgetter(*_VISIT_COLUMNS[4:])  # the row's own values, in column order
# Carried by each visit row: its cadres, its activities and its search document.
_VISIT_CARRIED = (Carried(_table(VisitCadre), ("visit_id", "cadre_id"), "id"),
                  Carried(_table(VisitActivity), ("visit_id", "activity"), "id"),
                  Carried("visit_fts", ("rowid", "body"), "sort_key", fts=True))


class _Hex(dict[int, str]):
    """UUIDs as SQLite stores them (``Uuid``'s bind processor gives ``value.hex``), by their
    integer, each formatted once: this runs for every unit and cadre of 100,000 rows."""

    def __call__(self, value: uuid.UUID) -> str:
        number = value.int
        found = self.get(number)
        if found is None:
            found = self[number] = f"{number:032x}"
        return found


def _parts(count: int) -> list[range]:
    """The rows of an import in parts: each is made (on a helper thread) while the one before
    it is written (``BulkWriter.write``). Making a visit costs about two thirds of moving it
    into its tables, so the parts grow by half up to ``PART_ROWS``: the first, made before
    anything is written, is small, and every later one is ready when the one before it is
    written."""
    bounds, size = [0], FIRST_PART_ROWS
    while bounds[-1] < count:
        bounds.append(min(bounds[-1] + size, count))
        size = min(size * 3 // 2, PART_ROWS)
    return [range(a, b) for a, b in pairwise(bounds)]


def _write_visits(s: Session, site: str, rows: list[PlannedRow]) -> list[str]:
    numbering = _Numbering(s, site, "visit", Visit, rows, "visit_date")
    ids = _sorted_ids(len(rows))
    hex_of = _Hex()
    constants = _record(utcnow(), site)

    def make(part: range) -> Batch:
        visits: list[tuple[Any, ...]] = []
        for (row, number, key), vid in zip(numbering.take(part), map(ids.__getitem__, part),
                                           strict=True):
            v = row.values
            visits.append((vid, number, key, hex_of(v["unit_id"]), *_VISIT_VALUES(v),
                           tuple(hex_of(c) for c in v["cadre_ids"]), v["activities"],
                           (visit_document(v["content"], v["talked_with"], v["findings"]),)))
        return [Rows(_table(Visit), _VISIT_COLUMNS, visits, constants, ("id", "unit_id"),
                     _VISIT_CARRIED)]

    BulkWriter(s.connection()).write(make, _parts(len(rows)))
    return numbering.first_and_last()


_PROBLEM_FIELDS = ("reported_on", "source_channel", "reporter_type", "reporter_name",
                   "reporter_phone", "unit_id", "region_id", "area", "category", "description",
                   "strongly_reported", "collected_by_id")


def _write_problems(s: Session, site: str, rows: list[PlannedRow]) -> list[str]:
    numbering = _Numbering(s, site, "problem", Problem, rows, "reported_on")
    ids = _sorted_ids(len(rows))
    constants = _record(utcnow(), site) | {"visit_id": None, "status": "open",
                                           "merged_into_id": None, "closed_on": None}

    def make(part: range) -> Batch:
        problems = [(pid, number, key, *(row.values[f] for f in _PROBLEM_FIELDS),
                     (problem_document(number, row.values["description"]),))
                    for (row, number, key), pid in zip(numbering.take(part),
                                                       map(ids.__getitem__, part), strict=True)]
        return [Rows(_table(Problem), ("id", "number", "sort_key", *_PROBLEM_FIELDS), problems,
                     constants, ("id",), (Carried("problem_fts", ("rowid", "body"), "sort_key",
                                                  fts=True),))]

    BulkWriter(s.connection()).write(make, _parts(len(rows)))
    return numbering.first_and_last()


def _write_plain(model: Any, extra: Callable[[Values], dict[str, Any]] | None = None,
                 constants: dict[str, Any] | None = None
                 ) -> Callable[[Session, str, list[PlannedRow]], list[str]]:
    """A writer for records with no numbers and no index (units, cadres, assignments)."""
    def write(s: Session, site: str, rows: list[PlannedRow]) -> list[str]:
        if not rows:
            return []
        full = [r.values | (extra(r.values) if extra else {}) for r in rows]
        columns = ("id", *full[0])
        ids = _sorted_ids(len(full))
        fixed = _record(utcnow(), site) | (constants or {})

        def make(part: range) -> Batch:
            return [Rows(_table(model), columns,
                         [(ids[i], *(full[i][c] for c in columns[1:])) for i in part],
                         fixed, ("id",))]

        BulkWriter(s.connection()).write(make, _parts(len(full)))
        return []
    return write


_WRITERS = {
    "visits": _write_visits,
    "problems": _write_problems,
    "units": _write_plain(Unit, constants={"parent_id": None, "sort_order": 0}),
    "cadres": _write_plain(Cadre, lambda v: {"name_initials": name_initials(v["name"])},
                           {"active": True}),
    "assignments": _write_plain(Assignment),
}


def _apply_changes(s: Session, rules: KindRules, plan: ImportPlan) -> list[dict[str, Any]]:
    """Update the records the plan changes, each only if nobody changed it since planning."""
    if not plan.to_change:
        return []
    model = {"unit": Unit, "cadre": Cadre, "assignment": Assignment}[rules.table]
    table: Table = model.__table__  # type: ignore[attr-defined]
    now = utcnow()
    done = []
    for change in plan.to_change:
        new = {f: v[1] for f, v in change.changes.items()}
        res = s.connection().execute(
            update(table).where(table.c.id == change.record_id,
                                table.c.version == change.version,
                                table.c.deleted_at.is_(None))
            .values(**new, version=change.version + 1, updated_at=now))
        if res.rowcount != 1:  # type: ignore[attr-defined]
            raise ConflictError(f"{rules.spec.noun}“{change.label}”（第 {change.row} 行）")
        done.append({"id": str(change.record_id), "row": change.row,
                     "before": {f: _plain(v[0]) for f, v in change.changes.items()},
                     "after": {f: _plain(v[1]) for f, v in change.changes.items()}})
    return done


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
