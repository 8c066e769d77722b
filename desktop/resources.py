"""Where the bundled resources (fonts, translations) are, from source and when frozen.

In the source tree ``resources/`` sits next to ``desktop/``; PyInstaller unpacks data files
under ``sys._MEIPASS`` and the spec is expected to keep the same ``resources/...`` layout.
"""

from __future__ import annotations

import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def app_root() -> Path:
    """The folder that holds ``resources/`` (and ``pyproject.toml`` in the source tree)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return SOURCE_ROOT


def resources_dir() -> Path:
    return app_root() / "resources"
