"""Writing one report to a private temporary file, all or nothing (no Qt: runs on a worker).

The PDF goes to a folder of its own under the system's temporary folder; the preview shows it
from there and "Save as…" copies it where the clerk wants it. If the report fails or is
cancelled, the folder is removed, so nothing half-written is ever left behind or offered.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.progress import Progress
from desktop.reports.catalog import REPORTS, ReportParams, build_report

if TYPE_CHECKING:
    from db.engine import Database

TEMP_PREFIX = "minqing-report-"
STALE_SECONDS = 24 * 3600


def file_name(title: str) -> str:
    """A file name from a report's title: characters Windows forbids become "_"."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_") or "report"


def generate(database: Database, key: str, params: ReportParams, progress: Progress) -> Path:
    """Write report *key* and return the PDF's path (in a new temporary folder).

    Raises what the report raised (``Cancelled`` included) after removing the folder.
    """
    kind = REPORTS[key]
    folder = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX))
    out = folder / f"{file_name(kind.title)}.pdf"
    try:
        progress.check()
        build_report(database, key, out, params, progress)
        # Cancel pressed during the last page: the file is complete, but the clerk said stop.
        progress.check()
        if not out.is_file():
            raise FileNotFoundError(out)
    except BaseException:
        discard(out)
        raise
    return out


def discard(pdf: Path) -> None:
    """Remove a generated report and its temporary folder (no error if already gone)."""
    folder = pdf.parent
    if folder.name.startswith(TEMP_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)
    else:
        pdf.unlink(missing_ok=True)


def sweep_stale(now: float | None = None) -> int:
    """Remove report folders older than a day (left by a crash or a power cut while a preview
    was open); returns how many. A preview open in another running copy is younger than that."""
    now = time.time() if now is None else now
    removed = 0
    for folder in Path(tempfile.gettempdir()).glob(f"{TEMP_PREFIX}*"):
        try:
            old = now - folder.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if old and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed
