"""The application's version, read from the one place it is written: ``pyproject.toml``.

The project is not installed (``uv`` with ``package = false``), so ``importlib.metadata`` does
not know it; read the file relative to this package instead. A frozen build may bundle
``pyproject.toml`` at the root of ``sys._MEIPASS``; when it does not, the version is unknown
rather than an error.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from desktop.resources import SOURCE_ROOT, app_root

UNKNOWN_VERSION = "0+unknown"


def read_version(pyproject: Path) -> str | None:
    """The ``[project] version`` of a pyproject file, or None when it cannot be read."""
    try:
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    version = data.get("project", {}).get("version")
    return str(version) if version else None


@cache
def app_version() -> str:
    for root in (app_root(), SOURCE_ROOT):
        version = read_version(root / "pyproject.toml")
        if version:
            return version
    return UNKNOWN_VERSION
