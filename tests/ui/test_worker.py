"""Background work: progress reaches the GUI, Cancel stops the job, the GUI keeps running."""

from __future__ import annotations

import threading
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.progress import Cancelled, Progress
from desktop.ui.worker import ProgressDialog, run_task

STEPS = 200


class Job:
    """A long job that reports progress and stops when asked."""

    def __init__(self, step_seconds: float = 0.005) -> None:
        self.step_seconds = step_seconds
        self.steps_done = 0
        self.thread: threading.Thread | None = None

    def __call__(self, progress: Progress) -> int:
        self.thread = threading.current_thread()
        for step in range(STEPS):
            progress.check()
            time.sleep(self.step_seconds)
            self.steps_done = step + 1
            progress.update(f"第 {step + 1} 步", (step + 1) / STEPS)
        return self.steps_done


def test_progress_is_qt_free_and_thread_safe() -> None:
    seen: list[tuple[str, float | None]] = []
    progress = Progress(listener=lambda text, fraction: seen.append((text, fraction)))
    progress.update("导出", 0.5)
    progress.update(fraction=2.0)  # clamped; the text stays
    assert seen == [("导出", 0.5), ("导出", 1.0)]
    assert not progress.cancelled
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(Cancelled):
        progress.check()


def test_job_runs_off_the_gui_thread_and_gui_stays_responsive(qtbot: QtBot) -> None:
    job = Job()
    results: list[int] = []
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    fractions: list[float] = []
    started = time.monotonic()
    task = run_task(job, results.append)
    while not task.done:
        qtbot.wait(20)
        if task.progress.fraction is not None:
            fractions.append(task.progress.fraction)
    timer.stop()
    took = time.monotonic() - started
    assert results == [STEPS]
    assert job.thread is not threading.main_thread()
    # The job takes a second or more; the GUI thread kept ticking all along (the bound is
    # loose because a loaded test machine delays timers, but far below the job's length).
    assert took >= 1.0
    assert len(ticks) > 20
    assert max(b - a for a, b in pairwise(ticks)) < min(0.5, took / 2)
    # Progress was seen in between, rising.
    assert len(set(fractions)) > 3
    assert fractions == sorted(fractions)


def test_errors_reach_the_error_callback_on_the_gui_thread(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    threads: list[threading.Thread] = []

    def fail(_progress: Progress) -> None:
        raise ValueError("坏数据")

    def on_error(exc: BaseException) -> None:
        threads.append(threading.current_thread())
        errors.append(exc)

    run_task(fail, on_error=on_error)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)
    assert threads == [threading.main_thread()]


def test_cancel_button_stops_the_job(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ProgressDialog("导出数据", parent)
    job = Job(step_seconds=0.01)
    outcome: list[str] = []
    task = dialog.start(job, lambda _r: outcome.append("done"),
                        on_cancelled=lambda: outcome.append("cancelled"))
    assert dialog.cancel_button.text() == "取消"
    qtbot.waitUntil(lambda: job.steps_done >= 10)
    qtbot.waitUntil(lambda: dialog.bar.value() > 0)  # the bar follows the job
    assert dialog.label.text().startswith("第 ")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome == ["cancelled"])
    assert task.progress.cancelled
    assert job.steps_done < STEPS
    assert not dialog.isVisible()


def test_escape_cancels_too(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ProgressDialog("生成报表", parent)
    job = Job(step_seconds=0.01)
    outcome: list[str] = []
    dialog.start(job, lambda _r: outcome.append("done"),
                 on_cancelled=lambda: outcome.append("cancelled"))
    qtbot.waitUntil(lambda: job.steps_done >= 5)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.cancel_button.text() == "取消"
    assert dialog.label.text() == "正在取消……"
    qtbot.waitUntil(lambda: outcome == ["cancelled"])
    assert job.steps_done < STEPS


def test_synchronous_mode_for_tests(sync_worker: None) -> None:
    results: list[int] = []
    job = Job(step_seconds=0)
    task = run_task(job, results.append)
    assert task.done
    assert results == [STEPS]
    assert job.thread is threading.main_thread()


def test_dialog_closes_when_the_job_finishes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = ProgressDialog("导入", parent)
    results: list[int] = []
    dialog.start(Job(step_seconds=0.001), results.append)
    qtbot.waitUntil(lambda: results == [STEPS])
    assert not dialog.isVisible()
    assert dialog.bar.value() == 1000
