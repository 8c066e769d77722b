"""Guards against PySide6 releases with bugs that would crash a clerk's long session.

PySide6 6.12.0 returned ``None`` from every void call (``label.setText``...) without taking a
reference to it; on Python 3.11 the interpreter aborted with "none_dealloc" after a few thousand
calls. pyproject.toml pins a release without the bug; this test fails if a new pin brings it
back.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
    import sys
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):  # more void calls than None has references at start on 3.11
        label.setText("张")
    print("drift", before - sys.getrefcount(None), flush=True)
"""


def test_void_calls_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], env=env,
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Fatal Python error" not in result.stderr
    drift = int(result.stdout.split("drift")[1])
    assert abs(drift) < 100, f"None lost {drift} references over 20,000 void calls"
