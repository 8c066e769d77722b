"""The PySide6 6.12 None-reference work-around keeps a long session alive."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.ui.pyside_fixes import none_needs_reserve

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
    import sys
    {fix}
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    for _ in range(20_000):  # more void calls than None has references on 3.11
        label.setText("张")
    print("alive", flush=True)
"""


def run(fix: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT.format(fix=fix))],
                          env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_many_void_calls_with_the_fix() -> None:
    result = run("import desktop.ui")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout
    assert "Fatal Python error" not in result.stderr


@pytest.mark.skipif(not none_needs_reserve(), reason="None is immortal on Python 3.12+")
def test_the_bug_is_still_there_without_the_fix() -> None:
    """When this fails, PySide6 is fixed: drop desktop/ui/pyside_fixes.py."""
    result = run("")
    assert result.returncode != 0
    assert "none_dealloc" in result.stderr
