"""Backups through SQLite's online backup API (consistent even while the app is writing)."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.audit import Actor

DEFAULT_KEEP = 30


def backup_sqlite(src: Path, dest_dir: Path, *, reason: str = "manual",
                  keep: int = DEFAULT_KEEP) -> Path:
    """Copy *src* into *dest_dir* as a timestamped file; keep the newest *keep* backups."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{src.stem}-{stamp}-{reason}.db"
    source = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True)
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        if target.execute("PRAGMA quick_check").fetchone() != ("ok",):
            raise sqlite3.DatabaseError("backup copy failed its integrity check")
    finally:
        target.close()
        source.close()
    prune_backups(dest_dir, src.stem, keep)
    return dest


def backup_if_due(src: Path, dest_dir: Path, *, max_age: timedelta = timedelta(days=1),
                  keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path | None:
    """The automatic backup on start: a copy when the newest backup of *src* in *dest_dir* is
    older than *max_age* (or there is none); None when a recent one exists."""
    now = now or datetime.now()
    newest = next(iter(list_backups(dest_dir, src.stem)), None)
    if newest is not None and now - datetime.fromtimestamp(newest.stat().st_mtime) < max_age:
        return None
    return backup_sqlite(src, dest_dir, reason="auto", keep=keep)


def list_backups(dest_dir: Path, stem: str) -> list[Path]:
    """Backups of the database named *stem*, newest first."""
    if not dest_dir.is_dir():
        return []
    return sorted(dest_dir.glob(f"{stem}-*.db"), key=lambda p: p.name, reverse=True)


def prune_backups(dest_dir: Path, stem: str, keep: int) -> None:
    for old in list_backups(dest_dir, stem)[keep:]:
        old.unlink(missing_ok=True)


def restore_sqlite(backup: Path, target: Path, dest_dir: Path) -> Path | None:
    """Replace *target* with the contents of *backup*; return the copy kept of the old file.

    The backup is checked (header, full integrity check, known schema) before anything is
    touched. The current file is kept in *dest_dir* first — through the backup API when it is
    readable, byte for byte when it is damaged — so a restore can itself be undone.
    """
    import shutil

    from db.engine import probe_sqlite_file
    from db.errors import CorruptDatabaseError, DatabaseError, NotADatabaseError

    state = probe_sqlite_file(backup, full_check=True)  # raises with a message if unusable
    if not state.exists or state.revision is None:
        raise NotADatabaseError(f"“{backup}” 不是民情台账的备份文件，未做任何恢复。")
    kept: Path | None = None
    if target.exists():
        try:
            probe_sqlite_file(target)
            kept = backup_sqlite(target, dest_dir, reason="before-restore", keep=DEFAULT_KEEP + 1)
        except (CorruptDatabaseError, DatabaseError, sqlite3.DatabaseError):
            dest_dir.mkdir(parents=True, exist_ok=True)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            kept = dest_dir / f"{target.stem}-{stamp}-damaged.db.bak"
            shutil.copyfile(target, kept)
    partial = target.with_name(target.name + ".restoring")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    for side in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        side.unlink(missing_ok=True)
    partial.replace(target)  # atomic on the same file system
    return kept


def newest_good_backup(dest_dirs: list[Path], stem: str) -> Path | None:
    """The newest backup of the database *stem* in any of *dest_dirs* that is a readable,
    intact 民情台账 database this version can open (what a damaged database is restored
    from); None when there is none."""
    from db.engine import probe_sqlite_file
    from db.errors import DatabaseError

    candidates: dict[Path, Path] = {}
    for folder in dest_dirs:
        for backup in list_backups(folder, stem):
            candidates.setdefault(backup.resolve(), backup)
    for backup in sorted(candidates.values(), key=lambda p: p.stat().st_mtime, reverse=True):
        try:
            state = probe_sqlite_file(backup)
        except (DatabaseError, OSError):
            continue
        if state.revision is not None:
            return backup
    return None


def require_backup_rights(actor: Actor) -> None:
    """Backing up and restoring from the menu is the administrator's (PermissionDenied)."""
    from db.services.permissions import require

    require(actor, "backup")
