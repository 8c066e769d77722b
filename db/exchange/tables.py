"""Which tables travel, in which order and direction, and how a row becomes a JSON line.

Every exchanged table is a ``Record`` (UUID key, timestamps, site, tombstone, version). The link
tables without keys of their own (visit_cadre, visit_activity, task_problem) travel inside their
parent's line under ``"_links"``. ``audit_entry``, ``number_sequence``, ``site`` and
``app_user`` are local to a database and never leave it.

Columns that only make sense in one database are *local*: they are not sent, keep their local
value on update, and a new row gets a fresh value (``sort_key``: a row id in this database's
full-text index; ``task.approved_by_user_id``: a user account, and accounts do not travel —
the approver's name in ``approved_by`` does).
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
    Uuid,
)

from db.exchange.errors import ExchangeError
from db.models import (
    Assignment,
    Attachment,
    BranchPairing,
    BranchPairingMember,
    Cadre,
    Campaign,
    CareEntry,
    CareRecord,
    Effect,
    Evaluation,
    Outcome,
    PartyBranch,
    Phase,
    Problem,
    Region,
    Setting,
    StudySession,
    Task,
    TaskProblem,
    TaskProgress,
    TaskStep,
    Unit,
    UTCDateTime,
    Visit,
    VisitActivity,
    VisitCadre,
)

UP, DOWN, BOTH = "up", "down", "both"
# "local.": this PC's own settings (e.g. the backup folder, db.services.settings).
SETTING_PRIVATE_PREFIX = ("exchange.", "accounts.", "local.")


@dataclass(frozen=True)
class LinkSpec:
    """A keyless link table that travels inside its parent's line."""

    table: Table
    parent_col: str
    value_col: str
    target: str | None  # the table value_col refers to, if any (checked on import)
    replace: bool  # True: incoming set replaces ours; False: union (links are only added)


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: Any
    direction: str  # UP: school → county → city; DOWN: only from above; BOTH
    care: bool = False  # only with the explicit include-care flag
    links: tuple[LinkSpec, ...] = ()
    local_cols: frozenset[str] = frozenset()
    # Unique column sets other than the id, for recognising "the same thing with another id"
    # (every site creates its own default regions, campaign, phases and settings).
    natural_keys: tuple[tuple[str, ...], ...] = ()
    fts: str | None = None  # the search table this record is indexed in

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[no-any-return]

    @property
    def sent_cols(self) -> tuple[str, ...]:
        return _sent_cols(self)

    def fk_targets(self) -> dict[str, str]:
        """column → referenced table, for sent columns only."""
        return _fk_targets(self)


# Computed once per table: these are asked for every row of a 100,000-row package.
@functools.cache
def _sent_cols(spec: TableSpec) -> tuple[str, ...]:
    return tuple(c.key for c in spec.table.columns if c.key not in spec.local_cols)


@functools.cache
def _fk_targets(spec: TableSpec) -> dict[str, str]:
    out: dict[str, str] = {}
    for col in spec.table.columns:
        if col.key in spec.local_cols:
            continue
        for fk in col.foreign_keys:
            out[col.key] = fk.column.table.name
    return out


def _spec(name: str, model: Any, direction: str, **kw: Any) -> TableSpec:
    return TableSpec(name=name, model=model, direction=direction, **kw)


# Dependency order: a row's references come before it (or in its own table).
SPECS: tuple[TableSpec, ...] = (
    _spec("region", Region, DOWN, natural_keys=(("code",), ("name",))),
    _spec("campaign", Campaign, DOWN, natural_keys=(("year",),)),
    _spec("phase", Phase, DOWN, natural_keys=(("campaign_id", "code"),)),
    _spec("setting", Setting, DOWN, natural_keys=(("key",),)),
    _spec("unit", Unit, BOTH, natural_keys=(("region_id", "name"),)),
    _spec("party_branch", PartyBranch, BOTH, natural_keys=(("name",),)),
    _spec("branch_pairing", BranchPairing, BOTH),
    _spec("branch_pairing_member", BranchPairingMember, BOTH,
          natural_keys=(("pairing_id", "branch_id"),)),
    _spec("cadre", Cadre, BOTH),
    _spec("assignment", Assignment, BOTH),
    _spec("visit", Visit, UP, local_cols=frozenset({"sort_key"}), natural_keys=(("number",),),
          fts="visit_fts",
          links=(LinkSpec(VisitCadre.__table__, "visit_id", "cadre_id", "cadre", True),  # type: ignore[attr-defined]
                 LinkSpec(VisitActivity.__table__, "visit_id", "activity", None, True))),  # type: ignore[attr-defined]
    _spec("problem", Problem, BOTH, local_cols=frozenset({"sort_key"}),
          natural_keys=(("number",),), fts="problem_fts"),
    _spec("task", Task, BOTH, local_cols=frozenset({"approved_by_user_id"}),
          natural_keys=(("number",),),
          links=(LinkSpec(TaskProblem.__table__, "task_id", "problem_id", "problem", False),)),  # type: ignore[attr-defined]
    _spec("task_progress", TaskProgress, BOTH),
    _spec("task_step", TaskStep, BOTH, local_cols=frozenset({"by_user_id"})),
    _spec("effect", Effect, BOTH, natural_keys=(("task_id",),)),
    _spec("evaluation", Evaluation, BOTH),
    _spec("attachment", Attachment, UP),
    _spec("care_record", CareRecord, UP, care=True),
    _spec("care_entry", CareEntry, UP, care=True),
    _spec("outcome", Outcome, UP),
    _spec("study_session", StudySession, UP),
)
# What the clerk reads in progress messages and reports.
LABELS: dict[str, str] = {
    "region": "县（市、区）", "campaign": "活动", "phase": "活动阶段", "setting": "设置",
    "unit": "单位", "party_branch": "党支部", "branch_pairing": "结对共建",
    "branch_pairing_member": "结对支部", "cadre": "党员干部", "assignment": "联系点",
    "visit": "走访记录", "problem": "问题清单", "task": "任务清单", "task_progress": "任务进展",
    "task_step": "延期与督办",
    "effect": "效果清单", "evaluation": "回访评价", "attachment": "附件信息",
    "care_record": "关爱对象", "care_entry": "关爱帮扶记录", "outcome": "五个一批材料",
    "study_session": "专题研究",
}
BY_NAME: dict[str, TableSpec] = {s.name: s for s in SPECS}
# Tables whose ids are translated by natural key even when their rows are not in the package
# (every site makes its own copies at set-up); the manifest carries their keys.
REF_TABLES = ("region", "campaign", "phase")


def entry_name(table: str) -> str:
    return f"data/{table}.jsonl"


# -- values ------------------------------------------------------------------------------------

def to_json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


_UNKNOWN_SAFETY = uuid.SafeUUID.unknown  # an enum lookup per UUID costs more than the parse
_UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse_uuid(v: Any) -> uuid.UUID:
    """A UUID in the canonical form we write (``str(uuid)``), refusing any other spelling.

    Built without ``uuid.UUID("...")``, whose parsing is the single largest cost of reading a
    package of 100,000 visits; the pattern check makes it exactly as strict.
    """
    if not isinstance(v, str) or _UUID_TEXT.fullmatch(v) is None:
        raise ValueError(v)
    value = object.__new__(uuid.UUID)
    object.__setattr__(value, "int", int(v.replace("-", ""), 16))
    object.__setattr__(value, "is_safe", _UNKNOWN_SAFETY)
    return value


_parse_uuid = parse_uuid


def parse_datetime(v: Any) -> datetime:
    if not isinstance(v, str):
        raise ValueError(v)
    d = datetime.fromisoformat(v)
    if d.tzinfo is None:
        raise ValueError(v)
    return d.astimezone(UTC)


def _parse_date(v: Any) -> date:
    if not isinstance(v, str) or len(v) != 10:
        raise ValueError(v)
    return date.fromisoformat(v)


def _parse_bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise ValueError(v)
    return v


def _parse_int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or abs(v) >= 2**63:
        raise ValueError(v)
    return v


def _parse_str(v: Any) -> str:
    if not isinstance(v, str):
        raise ValueError(v)
    return v


def _parser(col_type: Any) -> Callable[[Any], Any]:
    if isinstance(col_type, UTCDateTime):
        return parse_datetime
    if isinstance(col_type, TypeDecorator):  # sqlmodel's AutoString is a String underneath
        return _parser(col_type.impl_instance)
    if isinstance(col_type, Uuid):
        return _parse_uuid
    if isinstance(col_type, Boolean):
        return _parse_bool
    if isinstance(col_type, Date):
        return _parse_date
    if isinstance(col_type, Integer | BigInteger):
        return _parse_int
    if isinstance(col_type, String | Text):
        return _parse_str
    raise TypeError(f"no exchange parser for {col_type!r}")  # a new column type: extend here


@dataclass(frozen=True)
class RowCodec:
    """Turns JSON objects of one table into typed column values, refusing anything odd."""

    spec: TableSpec
    # (column, parser or None for plain text, nullable), in table order. A tuple, not a dict:
    # this loop runs for every column of every row of a 100,000-row package.
    fields: tuple[tuple[str, Callable[[Any], Any] | None, bool], ...]

    @classmethod
    def for_spec(cls, spec: TableSpec) -> RowCodec:
        return _codec(spec)

    @classmethod
    def _build(cls, spec: TableSpec) -> RowCodec:
        fields = []
        for col in spec.table.columns:
            if col.key in spec.local_cols:
                continue
            parse: Callable[[Any], Any] | None = _parser(col.type)
            fields.append((col.key, None if parse is _parse_str else parse, bool(col.nullable)))
        return cls(spec, tuple(fields))

    def decode(self, obj: dict[str, Any], where: Callable[[], str]
               ) -> tuple[dict[str, Any], dict[str, list[Any]]]:
        """Typed values and link values of one line; *where* names the line for a message."""
        row: dict[str, Any] = {}
        try:
            for key, parse, nullable in self.fields:
                value = obj[key]
                if value is None:
                    if not nullable:
                        raise ValueError(key)
                    row[key] = None
                elif parse is None:
                    if type(value) is not str:
                        raise ValueError(key)
                    row[key] = value
                else:
                    row[key] = parse(value)
            # Every column is present (else KeyError), so a longer object has unknown keys.
            if len(obj) != len(self.fields) + ("_links" in obj):
                raise ValueError("unknown keys")
            links: dict[str, list[Any]] = {}
            raw_links = obj.get("_links", {})
            if not isinstance(raw_links, dict):
                raise ValueError("_links")
            for link in self.spec.links:
                values = raw_links.get(link.table.name, [])
                if not isinstance(values, list):
                    raise ValueError(link.table.name)
                parse_link = _parse_uuid if link.target else _parse_str
                links[link.table.name] = sorted({parse_link(v) for v in values}, key=str)
            if set(raw_links) - {lk.table.name for lk in self.spec.links}:
                raise ValueError("_links")
        except (KeyError, ValueError, TypeError, OverflowError) as exc:
            raise ExchangeError(
                f"交换包中{where()}含有无法识别的数据，可能由不兼容的版本生成，已拒绝导入，"
                "数据库没有任何改动。请对方升级到相同版本后重新导出。"
            ) from exc
        return row, links


@functools.cache
def _codec(spec: TableSpec) -> RowCodec:
    return RowCodec._build(spec)


def _dt_json(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def _encoder(col_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(col_type, UTCDateTime):
        return _dt_json
    if isinstance(col_type, TypeDecorator):
        return _encoder(col_type.impl_instance)
    if isinstance(col_type, Uuid):
        return str
    if isinstance(col_type, Date):
        return date.isoformat
    return None  # already a JSON value


@functools.cache
def _encoders(spec: TableSpec) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    return tuple((c.key, _encoder(c.type)) for c in spec.table.columns
                 if c.key not in spec.local_cols)


def encode_row(spec: TableSpec, row: dict[str, Any], links: dict[str, list[Any]]) -> dict[str, Any]:
    obj = {k: (None if row[k] is None else enc(row[k])) if enc else row[k]
           for k, enc in _encoders(spec)}
    if spec.links:
        obj["_links"] = {name: sorted(to_json_value(v) for v in values)
                         for name, values in links.items()}
    return obj


@functools.cache
def _compared_cols(spec: TableSpec) -> tuple[str, ...]:
    return tuple(k for k in spec.sent_cols if k != "version")


def content_of(spec: TableSpec, row: dict[str, Any], links: dict[str, list[Any]]
               ) -> tuple[Any, ...]:
    """What "the same version" compares: every sent column but the version counter (which each
    database keeps for its own optimistic locking), plus the link sets. Typed values: UUIDs,
    aware UTC datetimes and dates compare equal whether read from JSON or the database."""
    values = tuple(row[k] for k in _compared_cols(spec))
    if not spec.links:
        return values
    link_values = tuple(tuple(sorted(str(v) for v in links.get(lk.table.name, [])))
                        for lk in spec.links if lk.replace)
    return values + link_values


def exportable_setting(key: str) -> bool:
    return not key.startswith(SETTING_PRIVATE_PREFIX)
