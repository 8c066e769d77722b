"""Work-arounds for bugs in the PySide6 release we ship, applied once when ``desktop.ui`` loads.

PySide6/shiboken6 6.12.0 (abi3 wheels) return ``None`` from every void call — ``label.setText``,
``action.setEnabled``, ``processEvents`` — and from Python overrides of void virtuals without
taking a new reference to it. CPython 3.12+ makes ``None`` immortal, so there it costs nothing;
on CPython 3.11 each such call lowers ``None``'s reference count by one, and after a few
thousand calls (about 5,000 references exist at start) the interpreter aborts with "Fatal Python
error: none_dealloc". Measured here: 3,000 ``QLabel.setText`` calls lower it by 3,000 on 6.12.0
and by 0 on 6.11.2.

The fix gives ``None`` a reference count it cannot run out of, which is what 3.12 does. Remove
it when the project runs on Python 3.12+ or a PySide6 release without the bug.
"""

from __future__ import annotations

import sys

_applied = False

# Far more void calls than a session can make (2**40 ≈ 10**12), far below overflow (2**63).
_RESERVE = 1 << 40


def none_needs_reserve() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def keep_none_alive() -> None:
    global _applied
    if _applied or not none_needs_reserve():
        return
    import ctypes

    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    _applied = True
