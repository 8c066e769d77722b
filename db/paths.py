"""Where the application keeps its files (per user, from platformdirs).

``MQ_DATA_DIR`` overrides the data folder (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "MinqingTaizhang"


def data_dir() -> Path:
    override = os.environ.get("MQ_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "minqing.db"


def demo_db_path() -> Path:
    return data_dir() / "demo" / "demo.db"


def backup_dir() -> Path:
    return data_dir() / "backups"


def attachments_dir() -> Path:
    return data_dir() / "attachments"


def log_dir() -> Path:
    return data_dir() / "logs"
