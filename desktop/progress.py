"""Progress of a long operation, handed to it as an object (Qt-free).

The operation calls ``update(text, fraction)`` and ``check()`` (or reads ``cancelled``) as it
goes; whoever started it shows the progress however it likes — a dialog polling the object, a
CLI bar through ``listener``, or nothing in a test. Thread-safe: the operation runs on a worker
thread while the GUI reads it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """Raised by ``Progress.check()`` once the user has asked to stop."""


class Progress:
    def __init__(self, listener: Callable[[str, float | None], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._text = ""
        self._fraction: float | None = None  # None: unknown length (busy indicator)
        self._cancel = threading.Event()
        self._listener = listener

    def update(self, text: str | None = None, fraction: float | None = None) -> None:
        """Say what is happening and how far along (0..1); None keeps the previous text."""
        if fraction is not None:
            fraction = min(max(fraction, 0.0), 1.0)
        with self._lock:
            if text is not None:
                self._text = text
            self._fraction = fraction
            snapshot = (self._text, self._fraction)
        if self._listener is not None:
            self._listener(*snapshot)

    # Operations that take a plain ``progress(text, fraction)`` callback (demo generation,
    # exchange) accept a Progress object as well.
    __call__ = update

    def snapshot(self) -> tuple[str, float | None]:
        with self._lock:
            return self._text, self._fraction

    @property
    def text(self) -> str:
        return self.snapshot()[0]

    @property
    def fraction(self) -> float | None:
        return self.snapshot()[1]

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop; call it between steps."""
        if self._cancel.is_set():
            raise Cancelled()
