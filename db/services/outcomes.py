"""五个一批: the write-ups (experiences, mechanisms, warm stories) with their attachments, and
the two batches that come from the lists (practical projects done, problems solved).

The first two batches are never typed in: they are the livelihood projects (民生实事) and the
problems closed out on the lists, read here for the compendium and the screen. The other three
are write-ups a clerk enters: a title, the text, the unit it is about, the date written, the
author, and files (photos, the rules adopted, a news clipping) copied into the data folder —
never linked, so that a moved or deleted original does not break the record.

Files are stored by content, in the same store as effect evidence (db.services.evidence, whose
copy-and-hash and size limit this reuses): the same photo attached twice is stored once, and
the hash in the row proves the stored file unchanged.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from db.audit import Actor, snapshot
from db.engine import Database
from db.errors import FieldError, PermissionDenied, RuleError, ValidationError
from db.models import Attachment, Cadre, Outcome, Problem, Region, Task, Unit, utcnow
from db.paths import attachments_dir
from db.services._common import (
    Errors,
    audit_change,
    audit_create,
    check_version,
    find_live,
    get_live,
    site_code,
    tombstone,
    touch,
)

# The copy-and-hash of effect evidence, shared (its names are private to that module for now).
from db.services.evidence import FileTooLarge, copy_to_store, max_bytes, size_text
from db.services.permissions import ACTIONS, require
from db.vocab import OUTCOME_BATCHES, ROLES

# The batches entered as write-ups; the other two come from the lists.
WRITEUP_BATCHES = ("experiences", "mechanisms", "stories")
LIST_BATCHES = ("projects", "problems")

# Write-ups are list work (campaign results) for the roles that edit tasks; a school user
# writes up its own unit only (permissions.require confines the school role).
OUTCOME_ACTION = "task.edit"
OWNER_KIND = "outcome"
TITLE_MAX = 200
BODY_MAX = 20_000
AUTHOR_MAX = 50
MAX_FILES = 20


@dataclass(frozen=True)
class OutcomeInput:
    batch: str  # one of WRITEUP_BATCHES
    title: str
    body: str
    written_on: date | None
    unit_id: uuid.UUID | None = None
    author: str = ""


@dataclass(frozen=True)
class StoredFile:
    """A file copied into the data folder (before its row is written)."""

    file_name: str
    stored_name: str  # relative to attachments_dir()
    sha256: str
    size: int
    new: bool  # this copy made the file (removed again if the transaction fails)


def _require(actor: Actor, unit_id: uuid.UUID | None) -> None:
    try:
        require(actor, OUTCOME_ACTION, unit_id=unit_id)
    except PermissionDenied as exc:
        if actor.role == "school" and actor.unit_id is not None:
            raise PermissionDenied(
                "学校用户只能登记和修改本单位的“五个一批”材料，"
                "请在“单位”中选择本单位，或请市、县教育局的录入员办理。") from None
        raise PermissionDenied(
            f"您的角色（{ROLES.label(actor.role)}）无权登记或修改“五个一批”材料"
            f"（需要“{ACTIONS[OUTCOME_ACTION]}”的权限）。请由录入员、局领导或管理员办理。"
        ) from exc


# ---- files -------------------------------------------------------------------------------------

def check_files(e: Errors, paths: Sequence[Path], limit: int, already: int = 0) -> list[Path]:
    """The files to attach, each an existing readable file within the size limit (the same
    setting as effect evidence, ``attachment.max_mb``)."""
    out: list[Path] = []
    if already + len(paths) > MAX_FILES:
        e.add("attachments", f"每份材料最多 {MAX_FILES} 个附件，现在有 {already + len(paths)} 个，"
                             "请删去一些或合并成一个文件")
        return out
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            e.add("attachments", f"附件“{path}”不存在或不是文件，请重新选择")
            continue
        size = path.stat().st_size
        if size > limit:
            e.add("attachments", _too_large(path, size, limit))
            continue
        if not os.access(path, os.R_OK):
            e.add("attachments",
                  f"附件“{path.name}”无法读取（没有权限或被其他程序占用），请关闭后重试")
            continue
        out.append(path)
    return out


def _too_large(path: Path, size: int, limit: int) -> str:
    return (f"附件“{path.name}”有 {size_text(size)}，超过上限 {size_text(limit)}。"
            "请压缩图片或把文档另存为 PDF 后再附上，或拆分成几个文件。")


def store_file(path: Path, limit: int) -> StoredFile:
    """Copy *path* into the data folder under its SHA-256 — the same content store as effect
    evidence (db.services.evidence), so a photo used for both is kept once."""
    try:
        stored, sha, size, new = copy_to_store(path, attachments_dir(), limit)
    except FileTooLarge as big:
        raise ValidationError([FieldError("attachments", _too_large(path, big.size, limit))]) \
            from None
    except OSError as exc:
        raise RuleError(f"无法复制附件“{path.name}”到数据文件夹（{exc.strerror or exc}）。"
                        "请确认文件没有被其他程序占用、磁盘空间足够，然后重试。") from exc
    return StoredFile(path.name[:255], stored, sha, size, new)


def _unstore(db: Database, files: Sequence[StoredFile]) -> None:
    """Remove the copies this attempt made (the save failed), unless another row uses them."""
    for f in files:
        if f.new:
            with db.session() as s:
                used = s.execute(select(Attachment.id).where(
                    col(Attachment.stored_name) == f.stored_name)).first() is not None
            if not used:
                with contextlib.suppress(OSError):
                    (attachments_dir() / f.stored_name).unlink()


def attachment_path(stored_name: str) -> Path:
    return attachments_dir() / stored_name


# ---- services ----------------------------------------------------------------------------------

def _validate(s: Session, data: OutcomeInput, e: Errors) -> tuple[str, str, str]:
    if data.batch not in WRITEUP_BATCHES:
        if data.batch in LIST_BATCHES:
            e.add("batch", f"“{OUTCOME_BATCHES.label(data.batch)}”来自三个清单，不需要另写材料")
        else:
            e.code("batch", data.batch, OUTCOME_BATCHES)
    title = e.text("title", data.title, "标题", max_len=TITLE_MAX)
    body = e.text("body", data.body, "正文", max_len=BODY_MAX)
    e.day("written_on", data.written_on, "成文日期")
    author = e.text("author", data.author, "撰稿人", max_len=AUTHOR_MAX, required=False)
    if data.unit_id is not None and find_live(s, Unit, data.unit_id) is None:
        e.add("unit_id", "所选单位不存在或已被删除，请重新选择")
    return title, body, author


def _attach(s: Session, outcome: Outcome, files: Sequence[StoredFile]) -> None:
    for f in files:
        s.add(Attachment(owner_kind=OWNER_KIND, owner_id=outcome.id, file_name=f.file_name,
                         stored_name=f.stored_name, sha256=f.sha256, size=f.size,
                         site=site_code(s)))


def _live_attachments(s: Session, outcome_id: uuid.UUID) -> list[Attachment]:
    return list(s.execute(
        select(Attachment).where(col(Attachment.owner_kind) == OWNER_KIND,
                                 col(Attachment.owner_id) == outcome_id,
                                 col(Attachment.deleted_at).is_(None))
        .order_by(col(Attachment.created_at))).scalars())


def _file_list(s: Session, outcome_id: uuid.UUID) -> dict[str, Any]:
    # The audit image names the files with their hashes, so the log shows what was attached.
    return {"attachments": [f"{a.file_name} ({a.sha256[:12]})"
                            for a in _live_attachments(s, outcome_id)]}


def create_outcome(db: Database, actor: Actor, data: OutcomeInput,
                   files: Sequence[Path] = ()) -> Outcome:
    """A new write-up with its files (one audit entry)."""
    e = Errors()
    stored: list[StoredFile] = []
    try:
        with db.transaction() as s:
            _require(actor, data.unit_id)
            title, body, author = _validate(s, data, e)
            paths = check_files(e, files, max_bytes(s))
            e.raise_if_any()
            assert data.written_on is not None  # checked above
            stored = [store_file(p, max_bytes(s)) for p in paths]
            outcome = Outcome(batch=data.batch, title=title, body=body,
                              written_on=data.written_on, unit_id=data.unit_id, author=author,
                              site=site_code(s))
            s.add(outcome)
            s.flush()
            _attach(s, outcome, stored)
            audit_create(s, actor, outcome,
                         f"登记{OUTCOME_BATCHES.label(data.batch)}材料：{title}",
                         extra=_file_list(s, outcome.id))
            return outcome
    except BaseException:
        _unstore(db, stored)
        raise


def update_outcome(db: Database, actor: Actor, outcome_id: uuid.UUID, expected_version: int,
                   data: OutcomeInput, *, add_files: Sequence[Path] = (),
                   remove_attachments: Sequence[uuid.UUID] = ()) -> Outcome:
    """Change a write-up, add files and remove attachments (tombstoned; the stored file stays,
    it may be shared and the audit log names it)."""
    e = Errors()
    stored: list[StoredFile] = []
    try:
        with db.transaction() as s:
            outcome = get_live(s, Outcome, outcome_id, "“五个一批”材料")
            # Both units are checked: a school may neither edit another unit's write-up nor
            # move its own to another unit.
            _require(actor, outcome.unit_id)
            _require(actor, data.unit_id)
            title, body, author = _validate(s, data, e)
            current = _live_attachments(s, outcome.id)
            removing = [a for a in current if a.id in set(remove_attachments)]
            if len(removing) != len(set(remove_attachments)):
                e.add("attachments", "要删除的附件已不在这份材料上，请刷新后重试")
            paths = check_files(e, add_files, max_bytes(s),
                                already=len(current) - len(removing))
            e.raise_if_any()
            check_version(outcome, expected_version, "“五个一批”材料")
            before = snapshot(outcome) | _file_list(s, outcome.id)
            stored = [store_file(p, max_bytes(s)) for p in paths]
            outcome.batch = data.batch
            outcome.title = title
            outcome.body = body
            outcome.written_on = data.written_on  # type: ignore[assignment]
            outcome.unit_id = data.unit_id
            outcome.author = author
            for a in removing:
                a.deleted_at = utcnow()
                touch(a)
            _attach(s, outcome, stored)
            touch(outcome)
            s.flush()
            audit_change(s, actor, outcome, before,
                         f"修改{OUTCOME_BATCHES.label(data.batch)}材料：{title}",
                         extra=_file_list(s, outcome.id))
            return outcome
    except BaseException:
        _unstore(db, stored)
        raise


def delete_outcome(db: Database, actor: Actor, outcome_id: uuid.UUID,
                   expected_version: int) -> Outcome:
    """Tombstone a write-up and its attachment rows (the files stay for the audit trail)."""
    with db.transaction() as s:
        outcome = get_live(s, Outcome, outcome_id, "“五个一批”材料")
        _require(actor, outcome.unit_id)
        check_version(outcome, expected_version, "“五个一批”材料")
        for a in _live_attachments(s, outcome.id):
            a.deleted_at = utcnow()
            touch(a)
        tombstone(s, actor, outcome,
                  f"删除{OUTCOME_BATCHES.label(outcome.batch)}材料：{outcome.title}")
        return outcome


# ---- reading -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class AttachmentRow:
    id: uuid.UUID
    file_name: str
    stored_name: str
    sha256: str
    size: int

    @property
    def path(self) -> Path:
        return attachment_path(self.stored_name)


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    id: uuid.UUID
    batch: str
    title: str
    body: str
    written_on: date
    unit_id: uuid.UUID | None
    unit: str
    author: str
    version: int
    attachments: tuple[AttachmentRow, ...]


def list_outcomes(session: Session, batch: str | None = None) -> list[OutcomeRow]:
    """The write-ups (of one batch), newest first, with their live attachments."""
    conds: list[Any] = [Outcome.deleted_at.is_(None)]  # type: ignore[union-attr]
    if batch is not None:
        conds.append(Outcome.batch == batch)
    rows = session.execute(
        select(Outcome.id, Outcome.batch, Outcome.title, Outcome.body, Outcome.written_on,
               Outcome.unit_id, Unit.name, Outcome.author, Outcome.version)
        .outerjoin(Unit, Unit.id == Outcome.unit_id)  # type: ignore[arg-type]
        .where(*conds)
        .order_by(Outcome.written_on.desc(), Outcome.created_at.desc())  # type: ignore[attr-defined]
    ).all()
    files: dict[uuid.UUID, list[AttachmentRow]] = {}
    ids = [r[0] for r in rows]
    if ids:
        for aid, owner, name, stored, sha, size in session.execute(
                select(Attachment.id, Attachment.owner_id, Attachment.file_name,
                       Attachment.stored_name, Attachment.sha256, Attachment.size)
                .where(Attachment.owner_kind == OWNER_KIND,
                       Attachment.owner_id.in_(ids),  # type: ignore[attr-defined]
                       Attachment.deleted_at.is_(None))  # type: ignore[union-attr]
                .order_by(Attachment.created_at)):  # type: ignore[arg-type]
            files.setdefault(owner, []).append(AttachmentRow(aid, name, stored, sha, int(size)))
    return [OutcomeRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6] or "", r[7], r[8],
                       tuple(files.get(r[0], ()))) for r in rows]


@dataclass(frozen=True, slots=True)
class ProjectRow:
    """A practical project (民生实事) closed out: the first batch."""

    id: uuid.UUID
    number: str
    title: str
    lead_leader: str
    responsible_unit: str
    opened_on: date
    closed_on: date | None


@dataclass(frozen=True, slots=True)
class SolvedProblemRow:
    """A problem closed out: the second batch."""

    id: uuid.UUID
    number: str
    sort_key: int
    reported_on: date
    closed_on: date | None
    unit: str
    region: str
    area: str
    description: str


def _projects_where() -> list[Any]:
    return [Task.deleted_at.is_(None), Task.is_livelihood_project.is_(True),  # type: ignore[union-attr, attr-defined]
            Task.status == "closed"]


def _solved_where() -> list[Any]:
    return [Problem.deleted_at.is_(None), Problem.status == "closed"]  # type: ignore[union-attr]


def projects_page(session: Session, after: str | None, limit: int) -> list[ProjectRow]:
    """Closed-out livelihood projects by number, keyset-paged after the number *after*."""
    conds = _projects_where()
    if after is not None:
        conds.append(Task.number > after)
    rows = session.execute(
        select(Task.id, Task.number, Task.title, Cadre.name, Unit.name, Task.opened_on,
               Task.closed_on)
        .outerjoin(Cadre, Cadre.id == Task.lead_leader_id)  # type: ignore[arg-type]
        .outerjoin(Unit, Unit.id == Task.responsible_unit_id)  # type: ignore[arg-type]
        .where(*conds).order_by(Task.number).limit(limit))
    return [ProjectRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6]) for r in rows]


def solved_page(session: Session, after: int | None, limit: int) -> list[SolvedProblemRow]:
    """Closed-out problems, newest first, keyset-paged below the sort key *after*."""
    conds = _solved_where()
    if after is not None:
        conds.append(Problem.sort_key < after)
    region_id = func.coalesce(Problem.region_id, Unit.region_id)
    rows = session.execute(
        select(Problem.id, Problem.number, Problem.sort_key, Problem.reported_on,
               Problem.closed_on, Unit.name, Region.name, Problem.area, Problem.description)
        .outerjoin(Unit, Unit.id == Problem.unit_id)  # type: ignore[arg-type]
        .outerjoin(Region, Region.id == region_id)
        .where(*conds).order_by(Problem.sort_key.desc()).limit(limit))  # type: ignore[attr-defined]
    return [SolvedProblemRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8])
            for r in rows]


def batch_counts(session: Session) -> dict[str, int]:
    """How many items each of the five batches holds now."""
    counts = {code: 0 for code in OUTCOME_BATCHES.codes()}
    counts["projects"] = int(session.execute(
        select(func.count()).select_from(Task).where(*_projects_where())).scalar_one())
    counts["problems"] = int(session.execute(
        select(func.count()).select_from(Problem).where(*_solved_where())).scalar_one())
    for batch, n in session.execute(
            select(Outcome.batch, func.count()).where(Outcome.deleted_at.is_(None))  # type: ignore[union-attr]
            .group_by(Outcome.batch)):
        if batch in WRITEUP_BATCHES:
            counts[batch] = int(n)
    return counts
