"""Helpers for work on 100,000 rows at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc_pauses() -> Iterator[None]:
    """Hold the cyclic garbage collector while millions of small objects (cells, tuples,
    rows) are made: each pass walks the whole growing heap, and the passes cost seconds at
    100,000 rows. Reference counting still frees everything that is not a cycle; the collector
    resumes (and catches up) afterwards. Process-wide, which is harmless for a few seconds."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
