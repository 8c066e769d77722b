"""佐证材料: evidence files of an effect, copied into the data folder (never linked, so a moved
or deleted original does not break the record), hashed with SHA-256 and recorded as
Attachment rows.

A file is stored once per content, under ``attachments/<first two hex digits>/<sha256><suffix>``
of the data folder; two rows with the same content share the copy. Removing evidence tombstones
its row and keeps the copy: the audit log and exchange partners may still refer to it. Closed-out
items are read-only, their evidence too.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from db.audit import Actor
from db.campaign import get_setting
from db.engine import Database
from db.errors import FieldError, NotFoundError, RuleError, ValidationError
from db.models import Attachment, Effect, Task
from db.paths import attachments_dir
from db.services._common import audit_create, get_live, refuse_if_closed, site_code, tombstone
from db.services.permissions import require
from db.services.tasks import task_units

OWNER_KIND = "effect"
DEFAULT_MAX_MB = 20
NOTE_MAX = 200
CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    """One live evidence file of an effect, as the lists show it."""

    id: uuid.UUID
    file_name: str
    size: int
    sha256: str
    note: str
    path: Path  # the copy in the data folder


def max_bytes(session: Session) -> int:
    value = get_setting(session, "attachment.max_mb")
    mb = value if isinstance(value, int) and not isinstance(value, bool) and value > 0 \
        else DEFAULT_MAX_MB
    return mb * 1024 * 1024


def size_text(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def stored_path(stored_name: str, root: Path | None = None) -> Path:
    return (root or attachments_dir()) / stored_name


def _effect_and_task(s: Session, effect_id: uuid.UUID) -> tuple[Effect, Task]:
    effect = get_live(s, Effect, effect_id, "效果")
    task = get_live(s, Task, effect.task_id, "任务")
    return effect, task


def copy_to_store(source: Path, root: Path, limit: int) -> tuple[str, str, int, bool]:
    """Copy *source* into the content store under *root* (the data folder's attachments, which
    effect evidence and the five-batches write-ups share): (stored name, sha256, size, newly
    written). FileTooLarge when it exceeds *limit* bytes; OSError when it cannot be copied.

    Copied to a temporary file first and renamed once complete, so a failed copy never leaves
    a half file under its final name; the size limit is enforced while reading too (the file
    may grow between the check and the copy)."""
    root.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=root)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise FileTooLarge(size)
                digest.update(chunk)
                out.write(chunk)
        sha = digest.hexdigest()
        stored = f"{sha[:2]}/{sha}{source.suffix.lower()[:16]}"
        final = root / stored
        if final.exists():
            tmp.unlink()
            return stored, sha, size, False
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(tmp, final)
        return stored, sha, size, True
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class FileTooLarge(Exception):
    """The file grew past the size limit while it was being copied (``size``: bytes read)."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def add_evidence(db: Database, actor: Actor, effect_id: uuid.UUID, source: Path | str,
                 note: str = "", *, root: Path | None = None) -> Attachment:
    """Copy *source* into the data folder as evidence of the effect, and record it."""
    source = Path(source)
    root = root or attachments_dir()
    note = (note or "").strip()
    with db.session() as s:
        _effect, task = _effect_and_task(s, effect_id)
        require(actor, "effect.record", unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        limit = max_bytes(s)
    errors: list[FieldError] = []
    if len(note) > NOTE_MAX:
        errors.append(FieldError("note", f"说明最多 {NOTE_MAX} 个字，请精简"))
    if not source.is_file():
        errors.append(FieldError("file", f"找不到文件“{source}”，或它不是一个文件。"
                                         "请重新选择要上传的佐证材料"))
    elif source.stat().st_size > limit:
        errors.append(FieldError("file", _too_large(source, source.stat().st_size, limit)))
    if errors:
        raise ValidationError(errors)
    try:
        stored, sha, size, new = copy_to_store(source, root, limit)
    except FileTooLarge as big:
        raise ValidationError([FieldError("file", _too_large(source, big.size, limit))]) \
            from None
    except OSError as exc:
        raise RuleError(f"无法复制文件“{source.name}”到数据文件夹（{exc.strerror or exc}）。"
                        "请确认文件没有被其他程序占用、磁盘空间足够，然后重试。") from exc
    try:
        with db.transaction() as s:
            _effect, task = _effect_and_task(s, effect_id)
            # Checked again inside the transaction: the task may have been closed meanwhile.
            refuse_if_closed(task.status, "任务")
            row = Attachment(owner_kind=OWNER_KIND, owner_id=effect_id,
                             file_name=source.name[:255], stored_name=stored, sha256=sha,
                             size=size, note=note, site=site_code(s))
            s.add(row)
            audit_create(s, actor, row,
                         f"任务 {task.number} 的效果添加佐证材料“{source.name}”"
                         f"（{size_text(size)}，SHA-256 {sha[:12]}…）")
            return row
    except BaseException:
        if new and not _referenced(db, stored):
            (root / stored).unlink(missing_ok=True)  # nothing half-written
        raise


def _too_large(source: Path, size: int, limit: int) -> str:
    return (f"文件“{source.name}”有 {size_text(size)}，超过了佐证材料的上限 "
            f"{size_text(limit)}。请压缩图片或把文档另存为 PDF 后再上传，或拆分成几个文件。")


def _referenced(db: Database, stored: str) -> bool:
    with db.session() as s:
        return s.execute(select(Attachment.id).where(Attachment.stored_name == stored)
                         ).first() is not None


def remove_evidence(db: Database, actor: Actor, attachment_id: uuid.UUID) -> Attachment:
    """Take a file off the effect's evidence (the row is tombstoned, the copy kept)."""
    with db.transaction() as s:
        row = get_live(s, Attachment, attachment_id, "佐证材料")
        if row.owner_kind != OWNER_KIND:
            raise NotFoundError("找不到该佐证材料，可能已被删除。请刷新后重试。")
        _effect, task = _effect_and_task(s, row.owner_id)
        require(actor, "effect.record", unit_ids=task_units(s, task))
        refuse_if_closed(task.status, "任务")
        tombstone(s, actor, row, f"任务 {task.number} 的效果移除佐证材料“{row.file_name}”")
        return row


def evidence_files(session: Session, effect_id: uuid.UUID, *,
                   root: Path | None = None) -> list[EvidenceFile]:
    rows = session.execute(
        select(Attachment).where(Attachment.owner_kind == OWNER_KIND,
                                 Attachment.owner_id == effect_id,
                                 Attachment.deleted_at.is_(None))  # type: ignore[union-attr]
        .order_by(Attachment.created_at)).scalars().all()  # type: ignore[arg-type]
    return [EvidenceFile(r.id, r.file_name, r.size, r.sha256, r.note,
                         stored_path(r.stored_name, root)) for r in rows]


def checked_path(session: Session, attachment_id: uuid.UUID, *,
                 root: Path | None = None) -> Path:
    """The copy of an evidence file, after checking it is there and unchanged (its SHA-256);
    a RuleError saying what is wrong otherwise."""
    row = get_live(session, Attachment, attachment_id, "佐证材料")
    path = stored_path(row.stored_name, root)
    if not path.is_file():
        raise RuleError(f"佐证材料“{row.file_name}”的文件不在数据文件夹中（{path}）。"
                        "可能是从其他站点交换来的记录，或数据文件夹被移动过；请从原件重新上传。")
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    if digest.hexdigest() != row.sha256:
        raise RuleError(f"佐证材料“{row.file_name}”的文件已被改动（校验值不符），不能作为佐证。"
                        "请从原件重新上传，并移除这一份。")
    return path

