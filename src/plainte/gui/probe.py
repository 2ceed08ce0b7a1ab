"""Measuring hooks for the benchmark: report the first painted frame, then quit.

Set ``PLAINTE_PROBE=first-paint`` and the app prints one line
``PROBE {"painted": …, "rss_kib": …, "hwm_kib": …}`` once the main window's
first frame is painted (all of it: the report waits for the paint cycle to
end), and quits. ``PLAINTE_PROBE=warm`` waits after that for the background
warm-up (language detection) to finish before it reports memory and quits.
``painted`` is ``time.perf_counter()``: the system's monotonic clock, which
the parent process compares with the moment it started this one.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

MODES = ("first-paint", "warm")


def memory_kib() -> dict[str, int]:
    """This process's resident memory now and at its peak (KiB), from /proc."""
    found = {}
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    found[line[:5]] = int(line.split()[1])
    except OSError:
        pass
    return {"rss_kib": found.get("VmRSS", 0), "hwm_kib": found.get("VmHWM", 0)}


class _FirstPaint(QObject):
    """Watches paint events of one window; reports after the first frame, then quits."""

    def __init__(self, app: QApplication, window: QWidget, mode: str, ready) -> None:
        super().__init__(app)
        self.app, self.window, self.mode, self.ready = app, window, mode, ready
        self.painted: float | None = None
        self.waited = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.painted is None
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self.window
        ):
            self.painted = 0.0
            QTimer.singleShot(0, self._frame_done)  # after every widget of the frame painted
        return False

    def _frame_done(self) -> None:
        self.painted = time.perf_counter()
        self.app.removeEventFilter(self)
        if self.mode == "warm":
            self._wait_warm()
        else:
            self._report()

    def _wait_warm(self) -> None:
        self.waited += 1
        if self.ready() or self.waited > 600:
            QTimer.singleShot(300, self._report)  # let the warm-up's own results settle
        else:
            QTimer.singleShot(50, self._wait_warm)

    def _report(self) -> None:
        result = {"painted": self.painted, "mode": self.mode, **memory_kib()}
        print("PROBE " + json.dumps(result), flush=True)
        sys.stdout.flush()
        self.app.quit()


def install(app: QApplication, window: QWidget, ready: Callable[[], bool] = lambda: True) -> bool:
    """Report ``window``'s first frame as ``PLAINTE_PROBE`` asks (no-op when unset)."""
    mode = os.environ.get("PLAINTE_PROBE")
    if mode not in MODES:
        return False
    watcher = _FirstPaint(app, window, mode, ready)
    app.installEventFilter(watcher)
    app._plainte_probe = watcher  # kept alive with the application
    return True
