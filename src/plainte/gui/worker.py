"""Run slow work off the GUI thread; the result comes back as a signal on the GUI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_live: set[Task] = set()


class TaskSignals(QObject):
    """What a background task reports: its result, its failure, its progress."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int)


class Task(QRunnable):
    """A function run in Qt's thread pool.

    Connect to ``signals.done`` (the return value) and ``signals.failed`` (the
    exception); both arrive on the GUI thread. The function may take a
    ``progress`` callable to report 0–100.
    """

    def __init__(self, fn: Callable[..., Any], *, with_progress: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.with_progress = with_progress
        self.signals = TaskSignals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(self._progress) if self.with_progress else self.fn()
        except Exception as exc:  # handed to the GUI, which words it for the person
            self._emit(self.signals.failed, exc)
        else:
            self._emit(self.signals.done, result)
        finally:
            _live.discard(self)

    def _progress(self, percent: int) -> None:
        self._emit(self.signals.progress, percent)

    @staticmethod
    def _emit(signal, value: object) -> None:
        """Emit, unless the app is closing and the receiving side is already gone."""
        with contextlib.suppress(RuntimeError):  # "Signal source has been deleted"
            signal.emit(value)


def finish(timeout_ms: int = 30_000) -> bool:
    """At quit: drop tasks not yet started and wait for the running ones to end.

    Return:
        True if every task ended within ``timeout_ms``.
    """
    pool = QThreadPool.globalInstance()
    pool.clear()
    return pool.waitForDone(timeout_ms)


def run_in_background(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None] | None = None,
    *,
    on_progress: Callable[[int], None] | None = None,
) -> Task:
    """Start ``fn`` in the global thread pool and wire its signals."""
    task = Task(fn, with_progress=on_progress is not None)
    task.signals.done.connect(on_done)
    if on_failed is not None:
        task.signals.failed.connect(on_failed)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    _live.add(task)
    QThreadPool.globalInstance().start(task)
    return task
