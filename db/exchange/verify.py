"""Opening a package and proving it is whole, signed by a trusted peer and meant for us.

Nothing here writes to the database: every refusal happens before a transaction is opened.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from db.campaign import local_site
from db.exchange import state
from db.exchange.errors import ExchangeCancelled, ExchangeError
from db.exchange.keys import fingerprint, verify
from db.exchange.package import (
    FORMAT,
    FORMAT_VERSION,
    Cancelled,
    RawPackage,
    read_raw,
    refuse,
    sha256,
)
from db.exchange.tables import (
    BY_NAME,
    LABELS,
    REF_TABLES,
    entry_name,
    parse_datetime,
    parse_uuid,
)
from db.migrate import known_revisions

_RESEND = "请让对方重新导出交换包，并用新文件导入。"

@dataclass(frozen=True)
class Incoming:
    """One line of a data entry: its id and ``updated_at`` read, the rest decoded only when
    it is not already here (a re-imported package of 100,000 visits is then mostly skipped)."""

    id: uuid.UUID
    updated_at: datetime
    obj: dict[str, Any]
    line: int


@dataclass
class Package:
    """A verified package: its manifest's facts and its decoded rows, per table."""

    path: Path
    package_id: str
    created_at: datetime
    sender: state.Peer
    sender_code: str
    receiver: str
    schema_revision: str
    includes_care: bool
    ack: datetime | None
    sites: list[state.SiteInfo]
    refs: dict[str, dict[uuid.UUID, tuple[Any, ...]]]
    rows: dict[str, list[Incoming]] = field(default_factory=dict)


def _bad_manifest(name: str) -> ExchangeError:
    return refuse(f"交换包“{name}”的清单（manifest.json）格式不对，不是本程序生成的交换包",
                  _RESEND)


def _dt(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError(value)
    d = datetime.fromisoformat(value)
    if d.tzinfo is None:
        raise ValueError(value)
    return d.astimezone(UTC)


def open_package(session: Session, path: Path, *, cancelled: Cancelled | None = None
                 ) -> Package:
    """Read and check *path*; ExchangeError (nothing written) if anything is wrong."""
    raw = read_raw(Path(path), cancelled=cancelled)
    name = raw.path.name
    try:
        manifest = json.loads(raw.manifest_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _bad_manifest(name) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bad_manifest(name)
    if manifest.get("format_version") != FORMAT_VERSION:
        raise refuse(f"交换包“{name}”由不同版本的民情台账生成（格式版本 "
                     f"{str(manifest.get('format_version'))[:10]}）",
                     "请双方安装相同版本的民情台账后重新导出。")
    sender = manifest.get("sender")
    if not isinstance(sender, dict) or not isinstance(sender.get("code"), str):
        raise _bad_manifest(name)
    sender_code = sender["code"][:32]

    me = local_site(session)
    if me is None:
        raise ExchangeError("本数据库尚未设置站点，不能导入交换包。"
                            "请先在“设置 → 本站点”中完成站点设置。")
    peers = state.load_peers(session)
    peer = peers.get(sender_code)
    if peer is None:
        raise refuse(f"交换包“{name}”来自未配对的站点“{sender_code}”",
                     "如确需与该站点交换数据，请先导入对方的身份文件、电话核对指纹完成配对，"
                     "再导入交换包。")
    import base64

    public = base64.b64decode(peer.public_key)
    if not verify(public, raw.signature, raw.manifest_bytes):
        raise refuse(f"交换包“{name}”的签名无效：它不是由站点“{sender_code}”的密钥签名的，"
                     "或在传递途中被改动过", "请勿使用该文件；" + _RESEND
                     + "如对方重新生成过密钥，请重新配对。")
    if sender.get("fingerprint") not in (None, fingerprint(public)):
        raise _bad_manifest(name)
    receiver = manifest.get("receiver")
    if receiver != me.code:
        raise refuse(f"交换包“{name}”是发给站点“{str(receiver)[:32]}”的，"
                     f"不是发给本站（{me.code}）的",
                     "请确认选择了正确的文件；如确需发给本站，请让对方选择本站重新导出。")
    revision = manifest.get("schema_revision")
    if not isinstance(revision, str) or revision not in known_revisions():
        raise refuse(f"交换包“{name}”由更新版本的民情台账生成"
                     f"（数据结构版本 {str(revision)[:40]}），本程序无法读取",
                     "请把本站的民情台账升级到最新版本后再导入。")
    try:
        pkg = Package(
            path=raw.path,
            package_id=str(uuid.UUID(manifest["package_id"])),
            created_at=_dt(manifest["created_at"]),
            sender=peer,
            sender_code=sender_code,
            receiver=me.code,
            schema_revision=revision,
            includes_care=bool(manifest.get("includes_care", False)),
            ack=_dt(manifest["ack"]) if manifest.get("ack") is not None else None,
            sites=_sites(manifest.get("sites", [])),
            refs=_refs(manifest.get("refs", {})),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise _bad_manifest(name) from exc
    _check_entries(raw, manifest, name)
    _decode(raw, manifest, pkg, cancelled)
    return pkg


def _sites(value: Any) -> list[state.SiteInfo]:
    out = []
    for item in value:
        code, parent = item["code"], item.get("parent_code")
        if not isinstance(code, str) or not (parent is None or isinstance(parent, str)):
            raise ValueError(item)
        out.append(state.SiteInfo(code[:32], str(item.get("name", ""))[:100],
                                  str(item.get("level", ""))[:32], parent))
    return out


REF_KEY_LENGTH = {"region": 1, "campaign": 1, "phase": 2}


def _refs(value: Any) -> dict[str, dict[uuid.UUID, tuple[Any, ...]]]:
    out: dict[str, dict[uuid.UUID, tuple[Any, ...]]] = {}
    for table in REF_TABLES:
        items = value.get(table, {})
        if not isinstance(items, dict):
            raise ValueError(table)
        parsed: dict[uuid.UUID, tuple[Any, ...]] = {}
        for key, natural in items.items():
            if not isinstance(natural, list) or len(natural) != REF_KEY_LENGTH[table] or not all(
                    isinstance(v, str | int) and not isinstance(v, bool) for v in natural):
                raise ValueError(key)
            parsed[uuid.UUID(key)] = tuple(natural)
        out[table] = parsed
    return out


def _check_entries(raw: RawPackage, manifest: dict[str, Any], name: str) -> None:
    listed = manifest.get("entries")
    if not isinstance(listed, list):
        raise _bad_manifest(name)
    names: set[str] = set()
    for entry in listed:
        if not isinstance(entry, dict):
            raise _bad_manifest(name)
        entry_file, table = entry.get("name"), entry.get("table")
        if table not in BY_NAME or entry_file != entry_name(table) or entry_file in names:
            raise _bad_manifest(name)
        names.add(entry_file)
        data = raw.entries.get(entry_file)
        if data is None:
            raise refuse(f"交换包“{name}”缺少{LABELS[table]}的数据（{entry_file}），文件不完整",
                         _RESEND)
        if entry.get("bytes") != len(data) or entry.get("sha256") != sha256(data):
            raise refuse(f"交换包“{name}”中{LABELS[table]}的数据（{entry_file}）与签名清单不符，"
                         "文件已损坏或被改动过", "请勿使用该文件；" + _RESEND)
    extra = set(raw.entries) - names
    if extra:
        raise refuse(f"交换包“{name}”中有清单之外的条目“{sorted(extra)[0]}”，文件可能被改动过",
                     _RESEND)


def _parse_lines(lines: list[str]) -> list[Any] | None:
    """All lines as one JSON array: one call into the C parser instead of one per line. None
    if any line is not JSON on its own (an empty line, or two values glued together)."""
    if any(not (line.startswith("{") and line.endswith("}")) for line in lines):
        return None  # every line is one object
    try:
        values = json.loads("[" + ",".join(lines) + "]")
    except (ValueError, RecursionError):
        return None
    # A line like '1,2' would add two values: the count must match the lines.
    return values if isinstance(values, list) and len(values) == len(lines) else None


def _bad_line(lines: list[str]) -> int:
    for n, line in enumerate(lines, start=1):
        try:
            if not isinstance(json.loads(line), dict):
                return n
        except (ValueError, RecursionError):
            return n
    return len(lines)


def _decode(raw: RawPackage, manifest: dict[str, Any], pkg: Package,
            cancelled: Cancelled | None) -> None:
    name = raw.path.name
    for entry in manifest["entries"]:
        table = entry["table"]
        rows: list[Incoming] = []
        try:
            text = raw.entries[entry["name"]].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _bad_manifest(name) from exc
        if cancelled is not None and cancelled():
            raise ExchangeCancelled()
        # Split on "\n" only: JSON escapes it inside strings, but not U+2028 or U+0085, which
        # str.splitlines would also break at (a clerk can paste those into a description).
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        objs = _parse_lines(lines)
        if objs is None:
            raise refuse(f"交换包“{name}”中{LABELS[table]}第 {_bad_line(lines)} 行不是有效的数据",
                         _RESEND)
        seen: set[uuid.UUID] = set()
        for n, obj in enumerate(objs, start=1):
            try:
                if not isinstance(obj, dict):
                    raise ValueError(n)
                item = Incoming(parse_uuid(obj.get("id")), parse_datetime(obj.get("updated_at")),
                                obj, n)
            except (ValueError, TypeError, OverflowError) as exc:
                raise refuse(f"交换包“{name}”中{LABELS[table]}第 {n} 行不是有效的数据",
                             _RESEND) from exc
            if item.id in seen:
                raise refuse(f"交换包“{name}”中{LABELS[table]}第 {n} 行重复出现了同一条记录",
                             _RESEND)
            seen.add(item.id)
            rows.append(item)
        if entry.get("rows") != len(rows):
            raise refuse(f"交换包“{name}”中{LABELS[table]}的条数与清单不符", _RESEND)
        pkg.rows[table] = rows
