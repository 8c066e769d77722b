"""Benchmarks live apart from tests: ``uv run pytest benchmarks -m benchmark -s``.

The default run (testpaths = tests) never collects this folder. Nothing here is autouse, so the
benchmark modules stay independent of each other.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
for p in (ROOT, BENCH):  # `import db...` and `import harness` from anywhere
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))


def pytest_report_header() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"benchmarks: {os.cpu_count()} cores, load average {load:.1f} "
            "(figures under load are slower; the ratios printed transfer better)")
