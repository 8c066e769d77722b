"""The package file: a zip with a signed manifest and one JSON-lines entry per table.

::

    manifest.json        what is inside (see ``build_manifest``), checksums per entry
    manifest.sig         Ed25519 signature over manifest.json's bytes (base64)
    data/<table>.jsonl   one record per line, in dependency order

Reading trusts nothing: the file arrives on a USB stick or by e-mail. Entry names come from a
fixed list (so nothing can escape a folder, whatever we later do with them), sizes are checked
as declared and again while reading in chunks (zip bombs), and every entry's SHA-256 must match
the signed manifest. Anything wrong ends in ExchangeError before the database is touched.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.exchange.errors import ExchangeCancelled, ExchangeError
from db.exchange.tables import BY_NAME, entry_name

FORMAT = "mqtz-exchange-package"
FORMAT_VERSION = 1
SUFFIX = ".mqpkg"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"

# Limits. A package of 100,000 visits with their problems is about 60 MB uncompressed.
MAX_PACKAGE_BYTES = 512 * 1024 * 1024  # the file as it lies on the stick
MAX_ENTRY_BYTES = 1024 * 1024 * 1024  # one entry, uncompressed
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024  # all entries, uncompressed
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_ENTRIES = len(BY_NAME) + 2
MAX_RATIO = 200  # uncompressed / compressed: JSON compresses ~10×; bombs 1000×+
CHUNK = 1024 * 1024

ALLOWED_NAMES = frozenset({MANIFEST, SIGNATURE} | {entry_name(t) for t in BY_NAME})

Progress = Callable[[str, float], None]
Cancelled = Callable[[], bool]

NOTHING_CHANGED = "数据库没有任何改动。"


def refuse(what: str, fix: str) -> ExchangeError:
    return ExchangeError(f"{what}，已拒绝导入，{NOTHING_CHANGED}{fix}")


_RESEND = "请让对方重新导出交换包，并用新文件导入。"


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in words a clerk reads (Windows' own text may be English)."""
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有权限，或文件正被其他程序占用"
    if isinstance(exc, IsADirectoryError):
        return "这是一个文件夹"
    if exc.errno == 28:
        return "磁盘空间不足"
    return exc.strerror or "读写错误"


@dataclass(frozen=True)
class RawPackage:
    path: Path
    manifest_bytes: bytes
    signature: bytes
    entries: dict[str, bytes]  # data entries by name, checksums not yet verified


def safe_name(name: str) -> bool:
    """A relative path that stays inside the package's folder."""
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name:
        return False
    parts = name.split("/")
    return all(p not in ("", ".", "..") for p in parts)


def read_raw(path: Path, *, cancelled: Cancelled | None = None) -> RawPackage:
    """The manifest, signature and entries of a package file, with sizes and names checked."""
    name = f"“{path.name}”"
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExchangeError(f"无法读取文件{name}（{os_reason(exc)}），{NOTHING_CHANGED}"
                            "请检查文件是否存在、U盘是否已插好。") from exc
    if size > MAX_PACKAGE_BYTES:
        raise refuse(f"文件{name}有 {size // (1024 * 1024)} MB，超过交换包的上限 "
                     f"{MAX_PACKAGE_BYTES // (1024 * 1024)} MB",
                     "请确认选择的是民情台账的交换包（.mqpkg），或请对方分批导出。")
    try:
        with zipfile.ZipFile(path) as zf:
            return _read_zip(zf, path, name, size, cancelled)
    except ExchangeError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
            ValueError, NotImplementedError, RuntimeError, struct.error, KeyError,
            UnicodeError, IndexError, OverflowError) as exc:
        raise refuse(f"文件{name}不是完整的交换包（文件已损坏、被截断或不是 .mqpkg 文件）",
                     "如文件是从U盘或邮件复制来的，请重新复制一次；仍不行时" + _RESEND) from exc


def _read_zip(zf: zipfile.ZipFile, path: Path, name: str, size: int,
              cancelled: Cancelled | None) -> RawPackage:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(f"文件{name}中有 {len(infos)} 个条目，超过交换包允许的 {MAX_ENTRIES} 个",
                     "该文件不是民情台账生成的交换包。" + _RESEND)
    seen: set[str] = set()
    total = 0
    for info in infos:
        if not safe_name(info.filename):
            raise refuse(f"文件{name}中的条目“{info.filename[:80]}”指向交换包以外的位置"
                         "（含 ../ 或绝对路径），可能是恶意文件",
                         "请勿使用来源不明的文件；" + _RESEND)
        if info.filename not in ALLOWED_NAMES:
            raise refuse(f"文件{name}中有不属于交换包的条目“{info.filename[:80]}”",
                         "该文件可能被改动过。" + _RESEND)
        if info.filename in seen:
            raise refuse(f"文件{name}中的条目“{info.filename}”出现了两次，文件可能被改动过",
                         _RESEND)
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise refuse(f"文件{name}中的条目被加密，本程序无法读取", _RESEND)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(f"文件{name}使用了不支持的压缩方式", _RESEND)
        limit = MAX_MANIFEST_BYTES if info.filename in (MANIFEST, SIGNATURE) else MAX_ENTRY_BYTES
        if info.file_size > limit or (
                info.file_size > CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
            raise refuse(f"文件{name}中的条目“{info.filename}”解压后过大"
                         f"（{info.file_size // (1024 * 1024)} MB），可能是恶意的压缩炸弹",
                         "请勿使用来源不明的文件；" + _RESEND)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise refuse(f"文件{name}解压后共 {total // (1024 * 1024)} MB，超过上限 "
                     f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB", "请对方分批导出。")
    for required in (MANIFEST, SIGNATURE):
        if required not in seen:
            raise refuse(f"文件{name}缺少“{required}”，不是完整的交换包", _RESEND)
    contents: dict[str, bytes] = {}
    for info in infos:
        if cancelled is not None and cancelled():
            raise ExchangeCancelled()
        contents[info.filename] = _read_entry(zf, info, name)
    try:
        signature = base64.b64decode(contents.pop(SIGNATURE), validate=True)
    except ValueError as exc:
        raise refuse(f"文件{name}的签名无法识别", _RESEND) from exc
    manifest = contents.pop(MANIFEST)
    return RawPackage(path, manifest, signature, contents)


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """Read in chunks, never past the declared size (which the limits above were checked on)."""
    parts: list[bytes] = []
    got = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            got += len(chunk)
            if got > info.file_size:
                raise refuse(f"文件{name}中的条目“{info.filename}”的实际大小超过其声明的大小，"
                             "可能是恶意文件", "请勿使用来源不明的文件；" + _RESEND)
            parts.append(chunk)
    if got != info.file_size:
        raise refuse(f"文件{name}中的条目“{info.filename}”不完整", _RESEND)
    return b"".join(parts)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_package(out_dir: Path, file_name: str, manifest: dict[str, Any],
                  entries: list[tuple[str, bytes]], sign: Callable[[bytes], bytes]) -> Path:
    """Write the zip aside and rename it into place, so a half-written package never exists
    under the real name (a clerk may pull the stick the moment the file appears)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / file_name
    tmp = out_dir / (file_name + ".part")
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, sort_keys=True,
                                indent=1).encode("utf-8")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for entry, data in entries:
                zf.writestr(entry, data)
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, base64.b64encode(sign(manifest_bytes)))
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return final
