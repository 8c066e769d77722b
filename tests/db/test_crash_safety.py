"""Writes survive a killed process: a writer recording visits through the services is killed
with SIGKILL at random moments, over and over; after every kill each visit it reported as saved
is in the file and SQLite's full integrity check passes.

(SIGKILL stops the process between any two instructions, mid-transaction included; with WAL
and ``synchronous=FULL`` a committed transaction is on disk before ``commit`` returns, so the
same holds for a power cut as far as the disk honours fsync.)
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from queue import Empty, Queue

import pytest
from sqlalchemy import select

from db.audit import SYSTEM
from db.engine import Database
from db.models import Region
from db.services.org import UnitInput, create_unit
from db.services.people import CadreInput, create_cadre

KILLS = 50
WRITER = Path(__file__).with_name("crash_writer.py")

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the writer forks (POSIX)")


def _stored_ids(path: Path) -> tuple[str, set[str]]:
    conn = sqlite3.connect(path)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchall()
        ids = {str(r[0]).replace("-", "").lower()
               for r in conn.execute("SELECT id FROM visit")}
        conn.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        conn.close()
    return ("ok" if check == [("ok",)] else str(check)), ids


def test_killed_writer_loses_nothing_reported_as_saved(db: Database) -> None:
    assert db.path is not None
    with db.session() as s:
        region = s.execute(select(Region.id).where(Region.code == "zengdu")).scalar_one()
    unit = create_unit(db, SYSTEM, UnitInput("第一中学", "school", region)).id
    cadre = create_cadre(db, SYSTEM, CadreInput("张三", "cadre", unit)).id
    db.dispose()

    writer = subprocess.Popen(
        [sys.executable, str(WRITER), str(db.path), str(unit), str(cadre)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
    lines: Queue[str] = Queue()

    def pump() -> None:
        assert writer.stdout is not None
        for line in writer.stdout:
            lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()

    def next_line(timeout: float = 20) -> str:
        return lines.get(timeout=timeout)

    rng = random.Random(20260601)
    reported: set[str] = set()
    mid_write_kills = 0
    started = time.monotonic()
    try:
        assert next_line() == "ready"
        assert writer.stdin is not None
        for run in range(KILLS):
            writer.stdin.write("run\n")
            writer.stdin.flush()
            first = next_line()
            assert first.startswith("child "), first
            pid = int(first.split()[1])
            # Let it save at least once (the kill must land among real writes), then kill it
            # after a random while: inside a transaction, between two, or mid-commit.
            saved_before = len(reported)
            line = next_line()
            assert line.startswith("saved "), line
            reported.add(line.split()[1])
            deadline = time.monotonic() + rng.uniform(0.0, 0.12)
            while time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
                except Empty:
                    break
                reported.add(line.split()[1])
            os.kill(pid, signal.SIGKILL)
            while (line := next_line()) != "dead":
                reported.add(line.split()[1])  # a commit that returned before the kill
            mid_write_kills += len(reported) > saved_before
            check, stored = _stored_ids(db.path)
            assert check == "ok", f"run {run}: integrity check failed: {check}"
            lost = reported - stored
            assert not lost, f"run {run}: {len(lost)} visits reported as saved are missing"
    finally:
        if writer.stdin is not None:
            writer.stdin.close()
        writer.wait(timeout=10)
    elapsed = time.monotonic() - started
    print(f"{KILLS} kills, {len(reported)} visits reported saved, 0 lost, {elapsed:.1f} s")
    assert mid_write_kills == KILLS
    assert len(stored) >= len(reported)  # a commit may land just before the kill unreported
    assert elapsed < 30
