"""Evidence files of an effect (db.services.evidence): copied into the data folder by content,
hashed, size-limited, audited, and refused on closed-out tasks."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from db.engine import Database
from db.errors import PermissionDenied, RuleError, ValidationError
from db.models import Attachment, Effect, Setting
from db.paths import attachments_dir, data_dir
from db.services import EvaluationInput, close_out, record_evaluation
from db.services.evidence import (
    add_evidence,
    checked_path,
    evidence_files,
    remove_evidence,
)
from tests.db.services.conftest import CLERK, LEADER, TODAY, VIEWER, Org, audit_entries, fingerprint
from tests.db.services.test_closeout import done_task


def effect_of(db: Database, org: Org) -> tuple[Effect, object]:
    task, _ids = done_task(db, org)
    with db.session() as s:
        effect = s.execute(select(Effect).where(Effect.task_id == task.id)).scalar_one()
    return effect, task


def photo(tmp_path: Path, name: str = "整改后照片.JPG", content: bytes = b"\xff\xd8photo") -> Path:
    path = tmp_path / "originals" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    return path


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_evidence_is_copied_hashed_and_recorded(db: Database, org: Org, tmp_path: Path) -> None:
    effect, _task = effect_of(db, org)
    source = photo(tmp_path)
    sha = hashlib.sha256(source.read_bytes()).hexdigest()
    row = add_evidence(db, CLERK, effect.id, source, "食堂价格公示牌")
    # Copied (not linked) into the data folder's attachments/<prefix>/ by content.
    copy = attachments_dir() / sha[:2] / f"{sha}.jpg"
    assert attachments_dir() == data_dir() / "attachments"
    assert (row.stored_name, row.sha256, row.size, row.file_name, row.note) == \
        (f"{sha[:2]}/{sha}.jpg", sha, len(source.read_bytes()), "整改后照片.JPG", "食堂价格公示牌")
    assert copy.read_bytes() == source.read_bytes() and not copy.is_symlink()
    source.unlink()  # the original may go: the copy is what counts
    with db.session() as s:
        (listed,) = evidence_files(s, effect.id)
        assert checked_path(s, row.id) == copy
    assert (listed.file_name, listed.path) == ("整改后照片.JPG", copy)
    (entry,) = audit_entries(db, "attachment", row.id, "create")
    assert "整改后照片.JPG" in entry.summary and sha[:12] in entry.summary

    # The same content again shares the copy; both rows stand.
    again = add_evidence(db, CLERK, effect.id, photo(tmp_path, "副本.jpg"))
    assert again.stored_name == row.stored_name
    assert files_under(attachments_dir()) == [copy]

    # Removing tombstones the row (audited) and keeps the shared copy.
    remove_evidence(db, CLERK, row.id)
    with db.session() as s:
        assert [f.file_name for f in evidence_files(s, effect.id)] == ["副本.jpg"]
    assert audit_entries(db, "attachment", row.id, "delete")
    assert copy.exists()


def test_oversize_file_is_refused_and_nothing_is_written(db: Database, org: Org,
                                                         tmp_path: Path) -> None:
    effect, _task = effect_of(db, org)
    with db.transaction() as s:
        s.execute(select(Setting).where(Setting.key == "attachment.max_mb")
                  ).scalar_one().value = "1"
    big = photo(tmp_path, "会议录像.mp4", b"0" * (1024 * 1024 + 1))
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        add_evidence(db, CLERK, effect.id, big)
    (error,) = exc.value.errors
    assert error.field == "file"
    assert "会议录像.mp4" in error.message and "超过了佐证材料的上限 1.0 MB" in error.message
    assert "压缩" in error.message  # says how to fix it
    assert fingerprint(db) == before
    assert files_under(attachments_dir()) == []
    # Just at the limit is fine.
    ok = add_evidence(db, CLERK, effect.id, photo(tmp_path, "刚好.bin", b"0" * 1024 * 1024))
    assert ok.size == 1024 * 1024


def test_missing_file_and_long_note_are_refused(db: Database, org: Org, tmp_path: Path) -> None:
    effect, _task = effect_of(db, org)
    before = fingerprint(db)
    with pytest.raises(ValidationError) as exc:
        add_evidence(db, CLERK, effect.id, tmp_path / "没有这个文件.pdf", "说" * 201)
    assert {e.field for e in exc.value.errors} == {"file", "note"}
    assert fingerprint(db) == before


def test_no_evidence_changes_on_a_closed_task(db: Database, org: Org, tmp_path: Path) -> None:
    effect, task = effect_of(db, org)
    row = add_evidence(db, CLERK, effect.id, photo(tmp_path))
    close_out(db, LEADER, task.id, "李局长", TODAY)  # type: ignore[attr-defined]
    before = fingerprint(db)
    stored = files_under(attachments_dir())
    with pytest.raises(RuleError) as exc:
        add_evidence(db, CLERK, effect.id, photo(tmp_path, "补充.pdf", b"%PDF-1.4 more"))
    assert "已销号，不能修改" in exc.value.message
    with pytest.raises(RuleError):
        remove_evidence(db, LEADER, row.id)
    assert fingerprint(db) == before
    assert files_under(attachments_dir()) == stored
    with db.session() as s:  # still readable
        assert checked_path(s, row.id).exists()


def test_permissions_and_tampering(db: Database, org: Org, tmp_path: Path) -> None:
    effect, task = effect_of(db, org)
    with pytest.raises(PermissionDenied):
        add_evidence(db, VIEWER, effect.id, photo(tmp_path))
    row = add_evidence(db, CLERK, effect.id, photo(tmp_path))
    with pytest.raises(PermissionDenied):
        remove_evidence(db, VIEWER, row.id)
    # A copy altered afterwards is no longer evidence: opening it says so.
    (attachments_dir() / row.stored_name).write_bytes(b"changed")
    with db.session() as s, pytest.raises(RuleError) as exc:
        checked_path(s, row.id)
    assert "校验值不符" in exc.value.message
    (attachments_dir() / row.stored_name).unlink()
    with db.session() as s, pytest.raises(RuleError) as missing:
        checked_path(s, row.id)
    assert "不在数据文件夹中" in missing.value.message
    # An unsatisfied rating reopens the task; evidence may be added again then.
    record_evaluation(db, CLERK, task.id, EvaluationInput("unsatisfied"))  # type: ignore[attr-defined]
    add_evidence(db, CLERK, effect.id, photo(tmp_path, "新照片.png", b"png"))
    with db.session() as s:
        rows = s.execute(select(Attachment).where(Attachment.owner_id == effect.id)).all()
    assert len(rows) == 2
