"""Backups through SQLite's online backup API (consistent even while the app is writing)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

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


def list_backups(dest_dir: Path, stem: str) -> list[Path]:
    """Backups of the database named *stem*, newest first."""
    if not dest_dir.is_dir():
        return []
    return sorted(dest_dir.glob(f"{stem}-*.db"), key=lambda p: p.name, reverse=True)


def prune_backups(dest_dir: Path, stem: str, keep: int) -> None:
    for old in list_backups(dest_dir, stem)[keep:]:
        old.unlink(missing_ok=True)
