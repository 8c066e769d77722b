"""The writer killed by tests/db/test_crash_safety.py.

Run as ``python crash_writer.py DB UNIT_ID CADRE_ID``. It imports the application once, says
"ready", then for every "run" line on stdin forks a child that opens the database and records
visits through the services as fast as it can, printing "saved <id>" after each commit has
returned (the moment the application tells a clerk "saved"). It reports "child <pid>" so the
test can SIGKILL that child, and "dead" once the child is gone. Forking after the imports
makes each of the 50+ runs start in milliseconds instead of a second.
"""

from __future__ import annotations

import os
import sys
import uuid
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from db.audit import SYSTEM
from db.engine import Database, make_engine, sqlite_url
from db.services.visits import FindingInput, VisitInput, record_visit


def _visit(unit: uuid.UUID, cadre: uuid.UUID, n: int) -> VisitInput:
    return VisitInput(
        visit_date=date(2022, 6, 1), cadre_ids=(cadre,), unit_id=unit, method="field_visit",
        content=f"第 {n} 次走访", findings="食堂卫生有待改进",
        problems=(FindingInput("canteen", "management_service", f"问题 {n}", False,
                               "student"),))


def _database(path: Path) -> Database:
    # The application's engine (WAL, synchronous=FULL, foreign keys); the file was migrated
    # by the test, so open_database's probe and migration check are skipped for speed.
    return Database(make_engine(sqlite_url(path)), path)


def write_forever(database: Database, unit: uuid.UUID, cadre: uuid.UUID) -> None:
    # The pool's connections belong to the parent: forget them unclosed (SQLAlchemy's rule
    # after fork) and open new ones; the compiled statements of the warm-up stay cached.
    database.engine.dispose(close=False)
    n = 0
    while True:
        n += 1
        saved = record_visit(database, SYSTEM, _visit(unit, cadre, n))
        os.write(1, f"saved {saved.visit.id.hex}\n".encode())


def main() -> None:
    path, unit, cadre = Path(sys.argv[1]), uuid.UUID(sys.argv[2]), uuid.UUID(sys.argv[3])
    # One write before forking sets up SQLAlchemy's mappers and statement cache once for all
    # children; no child uses the parent's connection.
    warm = _database(path)
    record_visit(warm, SYSTEM, _visit(unit, cadre, 0))
    print("ready", flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(warm, unit, cadre)
            finally:
                os._exit(1)
        print(f"child {pid}", flush=True)
        os.waitpid(pid, 0)
        print("dead", flush=True)


if __name__ == "__main__":
    main()
