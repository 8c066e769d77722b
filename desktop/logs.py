"""The application log: a rotating file in the data folder's ``logs/`` (Qt-free).

The GUI and the headless commands both call ``setup_logging``; the crash dialog tells the user
where the file is so it can be sent to whoever supports them.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_NAME = "minqing.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_file(folder: Path | None = None) -> Path:
    if folder is None:
        from db.paths import log_dir  # db.paths is light: platformdirs only

        folder = log_dir()
    return folder / LOG_NAME


def setup_logging(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Log to a rotating UTF-8 file; returns its path, or None when it cannot be written.

    Calling it again with the same file does not add a second handler.
    """
    path = log_file(folder)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(
            handler.baseFilename
        ) == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        # A read-only or full disk must not stop the program from starting.
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path
