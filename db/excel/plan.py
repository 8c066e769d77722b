"""Planning an import without writing anything: which rows are new, which are already stored
(skipped), which update a stored record, and every error with its sheet, row and column.

The clerk sees the plan first; ``apply.apply_import`` writes it only when it has no errors.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from sqlmodel import Session

from db.engine import Database
from db.excel.bulk import no_gc_pauses
from db.excel.cells import name_key
from db.excel.columns import spec_for
from db.excel.existing import Existing, Stored, load_existing
from db.excel.issues import ImportIssue
from db.excel.kinds import RULES, Key, KindRules, Values
from db.excel.lookups import Lookups
from db.excel.reader import SheetRow, read_rows
from db.excel.rowcheck import RowCheck, SheetContext


class ProgressLike(Protocol):
    """Anything with ``update(text, fraction)``, e.g. ``desktop.progress.Progress``."""

    def update(self, text: str | None = None, fraction: float | None = None) -> None: ...


class PlannedRow(NamedTuple):
    """A checked row (a named tuple: made 100,000 times, faster than a frozen dataclass)."""

    sheet: str
    row: int
    values: Values
    key: Key


@dataclass(frozen=True)
class PlannedChange:
    sheet: str
    row: int
    record_id: uuid.UUID
    version: int
    label: str  # how the record is named to the clerk
    changes: dict[str, tuple[Any, Any]]  # field → (stored, new)


@dataclass(frozen=True)
class SkippedRow:
    sheet: str
    row: int
    reason: str


@dataclass
class ImportPlan:
    kind: str
    path: Path
    sha256: str = ""
    sheets: list[str] = field(default_factory=list)
    rows_read: int = 0
    to_add: list[PlannedRow] = field(default_factory=list)
    to_change: list[PlannedChange] = field(default_factory=list)
    duplicates: list[SkippedRow] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    # sheet → column key → the header as written there, so later messages name the column
    # as the clerk wrote it.
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def header(self, sheet: str, key: str) -> str:
        found = self.headers.get(sheet, {}).get(key)
        return found or spec_for(self.kind).column(key).label

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)

    @property
    def is_noop(self) -> bool:
        return not self.errors and not self.to_add and not self.to_change

    def summary(self) -> str:
        """One line for the clerk, in Chinese."""
        noun = spec_for(self.kind).noun
        text = (f"读取 {self.rows_read} 行：新增{noun} {len(self.to_add)} 条，"
                f"更新 {len(self.to_change)} 条，已存在（跳过）{len(self.duplicates)} 条")
        if self.errors:
            text += f"；有 {len(self.errors)} 处错误，改正后才能导入"
        return text


def _file_hash(path: Path) -> str:
    try:
        h = hashlib.sha256()
        with Path(path).open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return ""


@contextmanager
def _reading(source: Database | Session) -> Iterator[Session]:
    if isinstance(source, Session):
        yield source
        return
    session = source.session()
    try:
        yield session
    finally:
        session.close()


def plan_import(source: Database | Session, kind: str, path: Path,
                progress: ProgressLike | None = None) -> ImportPlan:
    """Read *path* and check every row of *kind* against the database; writes nothing and
    never raises for anything the file contains."""
    with no_gc_pauses():
        return _plan(source, kind, path, progress)


def _plan(source: Database | Session, kind: str, path: Path,
          progress: ProgressLike | None) -> ImportPlan:
    rules = RULES[spec_for(kind).kind]
    path = Path(path)
    plan = ImportPlan(kind, path, _file_hash(path))
    if progress:
        progress.update("正在读取文件……", None)
    read = read_rows(path, kind)
    plan.errors.extend(read.issues)
    plan.sheets = [s.name for s in read.sheets]
    plan.headers = {s.name: dict(s.headers) for s in read.sheets}
    with _reading(source) as session:
        lookups = Lookups(session)
        checked: list[PlannedRow] = []
        total = sum(len(s.rows) for s in read.sheets) or 1
        done = 0
        for sheet in read.sheets:
            missing = [c for c in rules.spec.import_columns
                       if c.required and c.key not in sheet.headers]
            if missing:
                for c in missing:
                    also = "、".join(c.aliases[:4])
                    plan.errors.append(ImportIssue(
                        sheet.name, sheet.header_row, c.label,
                        f"缺少必填列“{c.label}”" + (f"（列名也可写作：{also}）" if also else "")
                        + "，请在表头行加上这一列"))
                continue
            ctx = SheetContext(rules.spec, sheet, lookups)
            for part in _parts(sheet.rows):
                ready = rules.check_sheet(ctx, part) if rules.check_sheet else [None] * len(part)
                for row, found in zip(part, ready, strict=True):
                    if found is None:  # checked alone: every message, or the values after all
                        rc = RowCheck(ctx, row)
                        values = rules.check(rc)
                        if values is None or not rc.ok:
                            plan.errors.extend(rc.issues())
                            continue
                        found = values, rules.key(values)
                    checked.append(PlannedRow(row.sheet, row.number, *found))
                plan.rows_read += len(part)
                done += len(part)
                if progress:
                    progress.update(f"正在检查第 {done} 行……", done / total)
        existing = load_existing(session, kind, _dates(kind, checked))
        classify(rules, checked, existing, plan)
    if progress:
        progress.update(plan.summary(), 1.0)
    return plan


CHECK_PART_ROWS = 5000  # rows checked between two progress reports


def _parts(rows: list[SheetRow]) -> Iterator[list[SheetRow]]:
    for i in range(0, len(rows), CHECK_PART_ROWS):
        yield rows[i:i + CHECK_PART_ROWS]


def _dates(kind: str, rows: list[PlannedRow]) -> list[Any]:
    field_ = {"visits": "visit_date", "problems": "reported_on"}.get(kind)
    if field_ is None or not rows:
        return []
    ds = [r.values[field_] for r in rows]
    return [min(ds), max(ds)]


def classify(rules: KindRules, checked: list[PlannedRow], existing: Existing,
             plan: ImportPlan) -> None:
    """Sort checked rows into new, already stored (or repeated in the file) and updates."""
    seen: dict[Key, PlannedRow] = {}
    seen_phones: dict[str, PlannedRow] = {}
    noun = rules.spec.noun
    # A key holds UUIDs, whose hash is computed in Python: each key is hashed once per row
    # (setdefault), and not at all for the stored records when none are in the file's dates.
    by_key = existing.by_key
    for row in checked:
        earlier = seen.setdefault(row.key, row)
        if earlier is not row:
            where = "" if earlier.sheet == row.sheet else f"工作表“{earlier.sheet}”"
            plan.duplicates.append(SkippedRow(
                row.sheet, row.row, f"与{where}第 {earlier.row} 行重复，已跳过"))
            continue
        match: Stored | bool | None = by_key.get(row.key) if by_key else None
        if rules.table == "cadre":
            match = _cadre_match(row, match if isinstance(match, Stored) else None, existing,
                                 seen_phones, plan)
        if match is False:
            continue  # an error was recorded
        if not isinstance(match, Stored):
            plan.to_add.append(row)
            continue
        stored = match
        if stored.deleted:
            plan.errors.append(ImportIssue(
                row.sheet, row.row, plan.header(row.sheet, "name"),
                f"该区域已有名为“{stored.fields['name']}”的单位（已删除），"
                "请换一个单位名称或联系管理员恢复该单位", str(row.values.get("name", ""))))
            continue
        changes = _changes(rules, stored, row.values)
        if changes:
            plan.to_change.append(PlannedChange(
                row.sheet, row.row, stored.id, stored.version,
                str(stored.fields.get("name") or noun), changes))
        else:
            plan.duplicates.append(SkippedRow(row.sheet, row.row, f"该{noun}已存在，已跳过"))


def _cadre_match(row: PlannedRow, stored: Stored | None, existing: Existing,
                 seen_phones: dict[str, PlannedRow], plan: ImportPlan) -> Stored | bool | None:
    """A cadre is the stored one with the same name and unit, or the one with the same name
    and phone (moved to another unit). A phone already used by someone else is an error."""
    phone = row.values["phone"]
    if phone:
        other = seen_phones.get(phone)
        if other is not None and name_key(other.values["name"]) != name_key(row.values["name"]):
            plan.errors.append(ImportIssue(
                row.sheet, row.row, plan.header(row.sheet, "phone"),
                f"与第 {other.row} 行的“{other.values['name']}”联系电话相同，请检查", phone))
            return False
        seen_phones.setdefault(phone, row)
    if stored is not None or not phone:
        return stored
    by_phone = existing.by_phone.get(phone)
    if by_phone is None:
        return None
    if name_key(by_phone.fields["name"]) == name_key(row.values["name"]):
        return by_phone
    plan.errors.append(ImportIssue(
        row.sheet, row.row, plan.header(row.sheet, "phone"),
        f"已有干部“{by_phone.fields['name']}”使用该联系电话，请检查电话或姓名是否填错", phone))
    return False


def _changes(rules: KindRules, stored: Stored, values: Values) -> dict[str, tuple[Any, Any]]:
    """The updatable fields the row gives (a blank cell never clears a stored value) that
    differ from the stored ones; a cadre found by phone may also have moved unit."""
    fields = list(rules.updatable)
    if rules.table == "cadre":
        fields.append("unit_id")
    out = {}
    for f in fields:
        new = values.get(f)
        if new is None or new == "":
            continue
        old = stored.fields.get(f)
        if old != new:
            out[f] = (old, new)
    return out
