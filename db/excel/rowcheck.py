"""Checking one sheet row: cells parsed by type, then the services' own field rules.

The rules are the services' (``db.services``): the same ``Errors`` collector with its checks of
required text, lengths, dates (not before 2000, not in the future), counts (≥ 0), vocabulary
codes and phone numbers, so a row imported from Excel obeys exactly what a form obeys. The field
names given to the collector are the column keys, so every message lands on its column.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from db.excel.cells import (
    VocabMatcher,
    cell_text,
    is_blank,
    parse_bool,
    parse_date,
    parse_int,
    phone_text,
    split_multi,
)
from db.excel.columns import Column, KindSpec
from db.excel.issues import ImportIssue
from db.excel.lookups import CadreRef, Lookups, UnitRef
from db.excel.reader import SheetRow, SheetRows
from db.services._common import Errors
from db.services.people import check_phone
from db.vocab import Term, Vocabulary

Result = tuple[Any, str | None]  # a parsed cell: (value, None) or (None or a default, message)

# By name and terms: a vocabulary a bureau extended is another vocabulary than the fixed one.
_MATCHERS: dict[tuple[str, tuple[Term, ...]], VocabMatcher] = {}


def matcher(vocab: Vocabulary) -> VocabMatcher:
    key = (vocab.name, vocab.terms)
    found = _MATCHERS.get(key)
    if found is None:
        found = _MATCHERS[key] = VocabMatcher(vocab)
    return found


def _service_check(check: Any, value: Any) -> tuple[Any, str | None]:
    """Run one of the services' checks on a parsed value: (value, None) or (None, message).
    Used where the outcome depends on the value alone, so it can be remembered per value."""
    e = Errors()
    check(e)
    return (None, e.items[0].message) if e.items else (value, None)


class SheetContext:
    """What every row of one sheet shares: its columns, their positions and the lookups."""

    def __init__(self, spec: KindSpec, sheet: SheetRows, lookups: Lookups) -> None:
        self.spec = spec
        self.sheet = sheet
        self.lookups = lookups
        self.columns = spec.import_columns
        self.index = {c.key: i for i, c in enumerate(self.columns)}
        self.by_key: dict[str, Column] = {c.key: c for c in self.columns}
        # Parsed cells by (column, type, value): a sheet repeats its methods, units and cadre
        # names thousands of times, and each is parsed and looked up once.
        self.memo: dict[tuple[str, type, Any], tuple[Any, str | None]] = {}

    def header(self, key: str) -> str:
        return self.sheet.headers.get(key) or self.by_key[key].label

    # -- a whole column at once (``KindRules.check_sheet``) -----------------------------------

    def cells(self, rows: list[SheetRow]) -> dict[str, tuple[Any, ...]]:
        """The cells of *rows*, column by column."""
        columns = list(zip(*(r.values for r in rows), strict=True)) if rows else []
        return {c.key: (columns[i] if columns else ()) for i, c in enumerate(self.columns)}

    def parsed(self, key: str, cells: tuple[Any, ...], parse: Any, *args: Any
               ) -> tuple[list[Any], list[int]]:
        """``parse(ctx, key, raw, *args)`` of every cell of column *key*, as ``RowCheck``'s
        typed readers compute (and remember, in the same place) it cell by cell: the values,
        and the indexes of the cells with a message. One pass: 100,000 cells are 100,000
        objects scattered in memory, and every pass over them costs as much as the parsing."""
        memo, values, failed = self.memo, [], []
        append = values.append
        for raw in cells:
            memo_key = (key, type(raw), raw)
            hit = memo.get(memo_key)
            if hit is None:
                hit = memo[memo_key] = parse(self, key, raw, *args)
            if hit[1]:
                failed.append(len(values))
            append(hit[0])
        return values, failed

    def unit_of(self, key: str, raw: Any, region_raw: Any, region_id: uuid.UUID | None
                ) -> Result:
        """The unit named by the (non-blank) cell *raw*, in the region of *region_raw*.
        Remembered per (unit cell, region cell): the region id follows from the region cell
        alone, and a key of strings hashes faster than one holding a UUID."""
        memo_key = (key, type(raw), (raw, type(region_raw), region_raw))
        hit = self.memo.get(memo_key)
        if hit is None:
            hit = self.memo[memo_key] = self.lookups.unit(cell_text(raw), region_id)
        return hit


class RowCheck:
    """Reads the cells of one row; collects at most one message per column."""

    def __init__(self, ctx: SheetContext, row: SheetRow) -> None:
        self.ctx = ctx
        self.row = row
        self.e = Errors()
        # Bound once per row: the typed readers below run a dozen times per row.
        self._values = row.values
        self._index = ctx.index
        self._memos = ctx.memo

    # -- raw cells -----------------------------------------------------------------------

    def raw(self, key: str) -> Any:
        return self._values[self._index[key]]

    def label(self, key: str) -> str:
        return self.ctx.by_key[key].label

    def blank(self, key: str) -> bool:
        return is_blank(self.raw(key))

    def fail(self, key: str, message: str) -> None:
        self.e.add(key, message)

    def failed(self, key: str) -> bool:
        return self.e.has(key)

    @property
    def ok(self) -> bool:
        return not self.e.items

    def issues(self) -> list[ImportIssue]:
        out = []
        for item in self.e.items:
            key = item.field
            value = cell_text(self.raw(key)) if key in self.ctx.index else ""
            out.append(ImportIssue(self.row.sheet, self.row.number, self.ctx.header(key),
                                   item.message, value))
        return out

    # -- typed cells (the services' rules on the parsed values) ----------------------------

    def text(self, key: str, *, max_len: int, required: bool = False) -> str:
        raw = self._values[self._index[key]]
        if type(raw) is str:
            # The common case, settled without the collector: exactly what ``cell_text`` and
            # ``Errors.text`` make of a text cell that is neither missing nor too long.
            value = raw.strip()
            if (value or not required) and len(value) <= max_len:
                return value
        return self.e.text(key, cell_text(raw), self.label(key), max_len=max_len,
                           required=required)

    def _memo(self, key: str, parse: Any, *args: Any) -> Any:
        """``parse(ctx, key, raw, *args)`` → (value, message), remembered per distinct cell
        value of the column (the parsers below depend on nothing else)."""
        raw = self._values[self._index[key]]
        memo_key = (key, type(raw), raw)
        hit = self._memos.get(memo_key)
        if hit is None:
            hit = self._memos[memo_key] = parse(self.ctx, key, raw, *args)
        if hit[1]:
            self.e.add(key, hit[1])
        return hit[0]

    def day(self, key: str, *, required: bool = False, not_future: bool = True) -> date | None:
        return self._memo(key, day_cell, required, not_future)  # type: ignore[no-any-return]

    def count(self, key: str) -> int:
        value = self._memo(key, count_cell)
        return 0 if value is None else int(value)

    def flag(self, key: str) -> bool:
        return bool(self._memo(key, flag_cell))

    def phone(self, key: str) -> str:
        return check_phone(self.e, key, phone_text(self.raw(key)), self.label(key))

    def code(self, key: str, vocab: Vocabulary, *, required: bool = True) -> str:
        """The vocabulary code written in the cell (by label or code), or ""."""
        return str(self._memo(key, code_cell, vocab, required))

    def codes(self, key: str, vocab: Vocabulary) -> tuple[str, ...]:
        return tuple(self._memo(key, codes_cell, vocab))

    # -- references ----------------------------------------------------------------------

    def region_id(self, key: str = "region") -> uuid.UUID | None:
        if key not in self.ctx.index:
            return None
        found = self._memo(key, region_cell)
        return found if isinstance(found, uuid.UUID) else None

    def unit(self, key: str = "unit", *, required: bool = True) -> UnitRef | None:
        raw = self.raw(key)
        region_id = self.region_id()
        if is_blank(raw):
            if required:
                self.fail(key, f"请填写{self.label(key)}")
            return None
        if self.failed("region"):
            return None
        region_raw = self._values[self._index["region"]] if "region" in self._index else None
        hit = self.ctx.unit_of(key, raw, region_raw, region_id)
        if hit[1]:
            self.fail(key, hit[1])
        return hit[0]  # type: ignore[no-any-return]

    def cadre(self, key: str, *, required: bool = True) -> CadreRef | None:
        text = cell_text(self.raw(key))
        if not text:
            if required:
                self.fail(key, f"请填写{self.label(key)}")
            return None
        cadre, message = self.ctx.lookups.cadre(text)
        if message:
            self.fail(key, message)
        return cadre

    def cadres(self, key: str) -> tuple[CadreRef, ...]:
        """Several cadres in one cell: the visit service's rules (at least one, no repeats,
        each on the list and active)."""
        return tuple(self._memo(key, cadres_cell))


# -- cell parsers: (value, message), the services' rules applied to the parsed value ----------


def day_cell(ctx: SheetContext, key: str, raw: Any, required: bool, not_future: bool
             ) -> Result:
    value, message = parse_date(raw)
    if message:
        return None, message
    label = ctx.by_key[key].label
    return _service_check(lambda e: e.day(key, value, label, required=required,
                                           not_future=not_future), value)


def count_cell(ctx: SheetContext, key: str, raw: Any) -> Result:
    value, message = parse_int(raw)
    if message:
        return 0, message
    value = 0 if value is None else value
    label = ctx.by_key[key].label
    return _service_check(lambda e: e.count(key, value, label), value)


def flag_cell(ctx: SheetContext, key: str, raw: Any) -> Result:
    return parse_bool(raw)


def code_cell(ctx: SheetContext, key: str, raw: Any, vocab: Vocabulary, required: bool
              ) -> Result:
    m = matcher(vocab)
    label = ctx.by_key[key].label
    text = cell_text(raw)
    if not text:
        return "", (f"请填写{label}，可填：{m.choices()}" if required else None)
    found = m.code(text)
    if found is None:
        return "", f"{label}“{text}”不在可选范围内，请填写以下之一：{m.choices()}"
    return found, None


def codes_cell(ctx: SheetContext, key: str, raw: Any, vocab: Vocabulary) -> Result:
    m = matcher(vocab)
    found = []
    for item in split_multi(raw):
        code = m.code(item)
        if code is None:
            return (), (f"{ctx.by_key[key].label}“{item}”不在可选范围内，"
                        f"请从以下选择（多项用顿号分开）：{m.choices()}")
        found.append(code)
    return tuple(sorted(set(found))), None


def region_cell(ctx: SheetContext, key: str, raw: Any) -> Result:
    text = cell_text(raw)
    if not text:
        return None, None
    ref, message = ctx.lookups.region(text)
    return (ref.id if ref else None), message


def cadres_cell(ctx: SheetContext, key: str, raw: Any) -> Result:
    names = split_multi(raw)
    if not names:
        return (), "请至少填写一名参加走访的干部"
    found: list[CadreRef] = []
    for name in names:
        cadre, message = ctx.lookups.cadre(name)
        if message or cadre is None:
            return (), message or f"干部名单中没有“{name}”"
        if not cadre.active:
            return (), f"干部“{cadre.name}”已停用，不能登记走访，请检查参加干部"
        found.append(cadre)
    if len(found) > 1 and len({c.id.int for c in found}) != len(found):  # .int: hashed in C
        return (), "参加走访的干部有重复，请去掉重复的人"
    return tuple(found), None
