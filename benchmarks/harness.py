"""A small benchmark harness: median of N runs against a baseline measured in the same run.

Figures on one machine drift with its load; the ratio to a baseline measured in the same
process, just before or after, is what transfers between machines (FACTS.md).
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Timing:
    name: str
    median: float  # wall-clock seconds
    cpu: float  # this process's CPU seconds (median), less sensitive to other load
    runs: tuple[float, ...]


def runs_from_env(default: int = 1) -> int:
    """How many runs each side gets: MQ_BENCH_RUNS, else *default*."""
    return max(1, int(os.environ.get("MQ_BENCH_RUNS", default)))


def measure(name: str, fn: Callable[[], object], runs: int = 1) -> Timing:
    """Run *fn* *runs* times; the median wall-clock and CPU seconds."""
    walls, cpus = [], []
    for _ in range(runs):
        c0, t0 = time.process_time(), time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return Timing(name, statistics.median(walls), statistics.median(cpus), tuple(walls))


def report(subject: Timing, baseline: Timing) -> float:
    """Print the line every benchmark prints and return the ratio subject / baseline."""
    ratio = subject.median / baseline.median if baseline.median > 0 else float("inf")
    print(f"{subject.name}: {subject.median:.2f} s; baseline {baseline.name}: "
          f"{baseline.median:.2f} s; ratio {ratio:.2f}")
    print(f"    (cpu {subject.cpu:.2f} s vs {baseline.cpu:.2f} s; runs {len(subject.runs)}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    return ratio


def compare(name: str, fn: Callable[[], object], baseline_name: str,
            baseline_fn: Callable[[], object], runs: int = 1) -> float:
    """Measure *fn* and *baseline_fn* (median of *runs* each), print the line, return the
    ratio."""
    subject = measure(name, fn, runs)
    baseline = measure(baseline_name, baseline_fn, runs)
    return report(subject, baseline)


def bench_db_path(tmp_factory: Any, scale: float) -> Path:
    """The demo database at *scale*, generated once and reused from the folder MQ_BENCH_DB
    (else a temporary folder, so once per run). Generation takes 80-200 s at scale 100."""
    from db.demo import generate

    folder = os.environ.get("MQ_BENCH_DB")
    base = Path(folder) if folder else tmp_factory.mktemp("bench")
    base.mkdir(parents=True, exist_ok=True)
    path = base / f"demo-scale{scale:g}.db"
    if not path.exists():
        # A file left half-written by an interrupted run is removed by generate() itself.
        t0 = time.perf_counter()
        counts = generate(path, scale=scale)
        print(f"\n    generated {counts.visits:,} visits at scale {scale:g} in "
              f"{time.perf_counter() - t0:.0f} s: {path}")
    return path
