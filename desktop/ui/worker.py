"""Long work off the GUI thread: one helper, ``run_task``, and a progress dialog.

The function runs on a QThreadPool with a ``desktop.progress.Progress`` it may update and check
for cancellation; its result (or exception) is delivered to callbacks on the GUI thread. The
function must not touch widgets or share an ORM session with the GUI: it opens its own
(``database.session()``). Tests may make everything synchronous with ``set_synchronous(True)``.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.progress import Cancelled, Progress

log = logging.getLogger(__name__)

T = TypeVar("T")

_synchronous = False
_running: set[Task[Any]] = set()  # keeps tasks (and their relays) alive until they finish


def set_synchronous(value: bool) -> None:
    """Run tasks inline on the calling thread (tests); callbacks are still called."""
    global _synchronous
    _synchronous = value


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker arrive there queued."""

    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any]) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._execute()


class Task(Generic[T]):
    """A function running (or about to run) on the pool; ``progress.cancel()`` asks it to stop."""

    def __init__(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_cancelled: Callable[[], None] | None,
        progress: Progress,
    ) -> None:
        self.fn = fn
        self.progress = progress
        self.done = False
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancelled = on_cancelled
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver_result, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self.progress.cancel()

    def _execute(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            self._emit(self._relay.failed, exc)
        else:
            self._emit(self._relay.finished, result)

    @staticmethod
    def _emit(signal: Any, value: object) -> None:
        # RuntimeError: the application is shutting down and the relay is gone; nobody waits
        # for the answer any more (e.g. a record count still running when the window closed).
        with contextlib.suppress(RuntimeError):
            signal.emit(value)

    def _execute_inline(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:
            self._deliver_error(exc)
        else:
            self._deliver_result(result)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._finish()
        if self._on_done is not None:
            self._on_done(result)

    @Slot(object)
    def _deliver_error(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, Cancelled):
            if self._on_cancelled is not None:
                self._on_cancelled()
            return
        if self._on_error is not None:
            self._on_error(exc)
        else:
            # No handler: it is a bug; the excepthook shows the crash dialog and logs it.
            sys.excepthook(type(exc), exc, exc.__traceback__)

    def _finish(self) -> None:
        self.done = True
        _running.discard(self)


def run_task(
    fn: Callable[[Progress], T],
    on_done: Callable[[T], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    progress: Progress | None = None,
    pool: QThreadPool | None = None,
) -> Task[T]:
    """Run ``fn(progress)`` off the GUI thread; call ``on_done(result)`` on the GUI thread.

    An exception goes to ``on_error`` (or the excepthook when there is none); ``Cancelled``
    raised by ``progress.check()`` goes to ``on_cancelled``.
    """
    task: Task[T] = Task(fn, on_done, on_error, on_cancelled, progress or Progress())
    if _synchronous:
        task._execute_inline()
        return task
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


class ProgressDialog(QDialog):
    """A bar, a line of text and 取消 for one task; Esc or closing the window cancels too.

    It polls the Progress object ten times a second rather than being signalled per update,
    so a chatty operation cannot flood the event loop.
    """

    POLL_MS = 100

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(420)
        self.task: Task[Any] | None = None
        self.label = QLabel(self.tr("Starting…"))
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self.poll)

    def start(
        self,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None] | None = None,
        *,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        pool: QThreadPool | None = None,
    ) -> Task[T]:
        """Show the dialog and run the task; the dialog closes itself when the task ends."""

        def finished(callback: Callable[..., None] | None) -> Callable[..., None]:
            def deliver(*args: Any) -> None:
                self._timer.stop()
                self.poll()
                self.accept()
                if callback is not None:
                    callback(*args)

            return deliver

        self.show()
        self._timer.start()
        task = run_task(
            fn,
            finished(on_done),
            on_error=finished(on_error) if on_error else _then_raise(finished(None)),
            on_cancelled=finished(on_cancelled),
            pool=pool,
        )
        self.task = task
        return task

    @Slot()
    def poll(self) -> None:
        if self.task is None:
            return
        text, fraction = self.task.progress.snapshot()
        if text:
            self.label.setText(text)
        if fraction is None:
            self.bar.setRange(0, 0)  # busy indicator
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(fraction * 1000))

    @Slot()
    def cancel(self) -> None:
        if self.task is None or self.task.done:
            return
        self.task.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))

    def reject(self) -> None:  # Esc and the window's close button
        if self.task is not None and not self.task.done:
            self.cancel()
            return  # the dialog closes when the task has stopped
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self.task is not None and not self.task.done:
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def _then_raise(close: Callable[..., None]) -> Callable[[BaseException], None]:
    def handle(exc: BaseException) -> None:
        close()
        sys.excepthook(type(exc), exc, exc.__traceback__)

    return handle
