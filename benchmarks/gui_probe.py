"""What a person lives in the window, measured in one process with the real main window.

Usage: python benchmarks/gui_probe.py DATA_DIR [--export] [--as-if-long] [--where] [--tabs]

Prints one JSON line: opening the long case to its first painted rows (from
another case), each search keystroke to the repainted result, a quick log to
its repainted row, and the longest gap of a 10 ms heartbeat on the GUI thread
while it opens, scrolls, searches, logs and (with ``--export``) exports JSON in
the background: a gap is a freeze the person sees.

``--as-if-long`` treats the long case as too long to be read whole (as a
million-event case is) and reads its search texts apart, at a size a test
can afford: the shape of a million-event session in seconds.

``--tabs`` then shows each tab filled from the whole case (promises, ladder,
figures, overview), timing each until filled.

``--where`` adds each gap over 50 ms with where the GUI thread and the other
threads were during it (sampled every 5 ms by a watchdog thread).
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from cProfile import Profile
from datetime import date
from pathlib import Path
from pstats import Stats

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PLAINTE_LANG", "en")

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

RUNS = 5
"""Opens and quick logs measured (the median is reported), each after the case settled."""
BIG = "big"
PROFILED = "profiled"
"""The heartbeat's phase while an action runs under the profiler (its gaps are not counted)."""
WORD = "technician"


LONG = 0.05
"""Seconds: a gap this long is looked into (where the GUI thread was, sampled)."""


def _stack(frame, depth: int = 4) -> str:
    """The innermost plainte (or benchmark) frames of a stack, innermost first."""
    found = []
    while frame is not None and len(found) < depth:
        code = frame.f_code
        name = Path(code.co_filename).name
        if "plainte" in code.co_filename or "benchmarks" in code.co_filename or not found:
            found.append(f"{name}:{code.co_name}:{frame.f_lineno}")
        frame = frame.f_back
    return " < ".join(found)


class Watchdog:
    """Samples where every thread is while the GUI thread has not ticked for a while.

    A thread of its own, waking every 5 ms; it runs only when it gets the
    interpreter's lock, so a gap spent in one long C call holding the lock shows as
    that call's caller when the call returns. Used by the probe only.
    """

    def __init__(self, beat: Heartbeat) -> None:
        self.beat = beat
        self.gui = threading.get_ident()
        self.samples: list[tuple[str, str]] = []  # (GUI stack, other threads' stacks)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(0.005):
            if time.perf_counter() - self.beat.last < LONG * 0.6 or self.beat.phase == PROFILED:
                continue
            frames = sys._current_frames()
            gui = frames.get(self.gui)
            others = " | ".join(_stack(f, 3) for t, f in frames.items() if t not in (me, self.gui))
            self.samples.append((_stack(gui) if gui is not None else "?", others))

    def take(self) -> list[tuple[str, str]]:
        """The samples since the last call."""
        taken, self.samples = self.samples, []
        return taken


class Heartbeat:
    """A 10 ms timer on the GUI thread; the longest gap between its ticks is the worst freeze.

    Each gap over :data:`LONG` is kept with where the GUI thread (and the other
    threads) were during it, as sampled by a :class:`Watchdog`.
    """

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self.where = ""
        self.phase = "start"
        self.by_phase: dict[str, float] = {}
        self.last = time.perf_counter()
        self.long_gaps: list[dict] = []
        self.watchdog = Watchdog(self)
        self._cpu = (time.thread_time(), time.process_time())
        self._gc_started = 0.0
        self._gc = 0.0  # seconds of cyclic garbage collection since the last tick (any thread)

    def start(self) -> None:
        self.clock.start()
        self.last = time.perf_counter()
        self.timer.start()
        self.watchdog.start()
        gc.callbacks.append(self._collecting)

    def stop(self) -> None:
        self.timer.stop()
        self.watchdog.stop()
        gc.callbacks.remove(self._collecting)

    def _collecting(self, stage: str, _info: dict) -> None:
        if stage == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gc += time.perf_counter() - self._gc_started

    def _tick(self) -> None:
        gap = self.clock.restart() / 1000
        self.last = time.perf_counter()
        samples = self.watchdog.take()
        cpu, self._cpu = self._cpu, (time.thread_time(), time.process_time())
        collected, self._gc = self._gc, 0.0
        if self.phase == PROFILED:  # the profiler slows the window: not a person's freeze
            return
        if gap > LONG:  # its GUI thread's and whole process's CPU tell waiting from working
            gui = Counter(s for s, _ in samples).most_common(3)
            others = Counter(o for _, o in samples if o).most_common(2)
            self.long_gaps.append(
                {
                    "phase": self.phase,
                    "ms": round(gap * 1e3),
                    "gui_cpu_ms": round((self._cpu[0] - cpu[0]) * 1e3),
                    "process_cpu_ms": round((self._cpu[1] - cpu[1]) * 1e3),
                    "gc_ms": round(collected * 1e3),
                    "load": round(os.getloadavg()[0], 1),
                    "gui": gui,
                    "others": others,
                }
            )
        if gap > self.by_phase.get(self.phase, 0.0):
            self.by_phase[self.phase] = gap
        if gap > self.longest:
            self.longest, self.where = gap, self.phase


def settle(app: QApplication, until, timeout: float = 300.0) -> None:
    """Let the event loop run until ``until()`` holds (what a person waits for)."""
    deadline = time.perf_counter() + timeout
    while not until():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the window never got there")
        time.sleep(0.001)


def profiled(action: Callable[[Profile], object], top: int = 6) -> list[str]:
    """Where the time of one more ``action`` goes (cProfile, own time, biggest first).

    The profiler slows Python code more than Qt's and SQLite's: read it for where,
    not for how much.
    """
    profile = Profile()
    action(profile)
    found = []
    for (path, _line, name), (_cc, _nc, own, _cum, _callers) in Stats(profile).stats.items():
        where = f"{Path(path).name}:{name}" if path != "~" else name.strip("<>")
        found.append((own, where))
    found.sort(reverse=True)
    return [f"{where} {own * 1e3:.1f} ms" for own, where in found[:top]]


def breathe(app: QApplication, seconds: float = 0.05) -> None:
    """Let the event loop run a moment between two actions, as between a person's keystrokes.

    Without it, actions chained in this script with no event loop between them
    would add up to one long gap that no person lives; a freeze inside one
    action is measured all the same.
    """
    end = time.perf_counter() + seconds
    settle(app, lambda: time.perf_counter() > end)


def main() -> None:
    data_dir = Path(sys.argv[1])
    with_export = "--export" in sys.argv
    app = QApplication(sys.argv[:1])
    if "--as-if-long" in sys.argv:
        from plainte.gui import case_pane, timeline_model

        case_pane.WHOLE = 1_000
        timeline_model.SHORT_TEXTS = timeline_model.PREFETCH = 1_000
    from plainte.core.store import Store
    from plainte.gui.main_window import MainWindow

    (data_dir.parent / "gui-export.json").unlink(missing_ok=True)  # a big file: not timed
    store = Store.open(data_dir, daily_backup=False)
    window = MainWindow(store, date(2026, 11, 22))
    window.show()
    beat = Heartbeat()
    settle(app, lambda: window.current_case_id() is not None)
    view = window.pane.timeline_view
    result: dict[str, object] = {}

    def select(case_id: str) -> None:
        window.case_view.selectRow(window.cases.row_of(case_id))

    def visible_rows() -> int:
        return view.model().rowCount()

    from plainte.gui.case_pane import TIMELINE

    window.pane.tabs.setCurrentIndex(TIMELINE)  # its rows are what opening a case paints
    select("c000")
    settle(app, lambda: window.current_case_id() == "c000" and window.pane.is_settled())
    app.processEvents()
    beat.start()
    beat.phase = "open"

    def open_big() -> float:
        started = time.perf_counter()
        select(BIG)
        settle(app, lambda: window.current_case_id() == BIG and visible_rows() > 0)
        view.viewport().repaint()
        return time.perf_counter() - started

    started = time.perf_counter()
    opens = [open_big()]
    settle(app, window.pane.is_settled)  # the whole order, the figures: then a person acts
    result["open_settled"] = time.perf_counter() - started
    total = visible_rows()
    runs = RUNS if total <= 200_000 else 1  # a million events take a minute to settle

    def reopen_big(profile: Profile | None = None) -> float:
        select("c000")
        settle(app, lambda: window.current_case_id() == "c000" and window.pane.is_settled())
        app.processEvents()
        if profile is not None:
            profile.enable()
        took = open_big()
        if profile is not None:
            profile.disable()
        settle(app, window.pane.is_settled)
        return took

    opens += [reopen_big() for _ in range(runs - 1)]
    result["open_first_rows"] = statistics.median(opens)
    result["open_runs"] = opens
    beat.phase = PROFILED
    result["open_profile"] = profiled(reopen_big)

    beat.phase = "scroll"
    bar = view.verticalScrollBar()
    for fraction in (0.25, 0.5, 0.75, 1.0, 0.0):
        bar.setValue(int(bar.maximum() * fraction))
        view.viewport().repaint()
        breathe(app)

    beat.phase = "search"
    keystrokes = []
    for n in range(1, len(WORD) + 1):
        started = time.perf_counter()
        window.pane.search.setText(WORD[:n])
        settle(app, window.pane.timeline.is_settled)
        view.viewport().repaint()
        keystrokes.append(time.perf_counter() - started)
        breathe(app)
    result["search_keystroke"] = statistics.median(keystrokes)
    result["search_keystroke_max"] = max(keystrokes)
    result["search_hits"] = visible_rows()
    window.pane.search.setText("")
    settle(app, lambda: visible_rows() == total)
    breathe(app)

    beat.phase = "quick log"

    def quick_log(profile: Profile | None = None) -> float:
        if profile is not None:
            profile.enable()
        started = time.perf_counter()
        window.event_ops.log_they_called()
        settle(app, lambda: visible_rows() == total + 1)
        view.viewport().repaint()
        took = time.perf_counter() - started
        if profile is not None:
            profile.disable()
        breathe(app)
        settle(app, window.pane.is_settled)
        window.undo_stack.undo()  # the store stays as it was (the entries stay in the journal)
        settle(app, lambda: visible_rows() == total and window.pane.is_settled())
        breathe(app)
        return took

    logs = [quick_log() for _ in range(runs)]
    result["quick_log"] = statistics.median(logs)
    result["quick_log_runs"] = logs
    beat.phase = PROFILED
    result["quick_log_profile"] = profiled(quick_log)
    breathe(app)

    if with_export:
        beat.phase = "export"
        target = data_dir.parent / "gui-export.json"
        window.export_ops.export_to(target, "json")
        settle(app, target.exists)  # written to a side file, then renamed: whole when there
    if "--tabs" in sys.argv:  # each tab filled from the whole case, then back to the timeline
        from plainte.gui.case_pane import DASHBOARD, LADDER, OVERVIEW, PROMISES

        tabs = {}
        for name, tab in (
            ("promises", PROMISES),
            ("ladder", LADDER),
            ("figures", DASHBOARD),
            ("overview", OVERVIEW),
        ):
            beat.phase = f"tab {name}"
            started = time.perf_counter()
            window.pane.tabs.setCurrentIndex(tab)
            settle(app, window.pane.is_settled)
            tabs[name] = time.perf_counter() - started
            breathe(app, 0.2)
        result["tabs_filled"] = tabs
        window.pane.tabs.setCurrentIndex(TIMELINE)
        breathe(app)
    beat.phase = "idle"
    end = time.perf_counter() + 0.3
    settle(app, lambda: time.perf_counter() > end)
    result["events"] = total
    result["longest_freeze"] = beat.longest
    result["longest_freeze_during"] = beat.where
    result["freeze_by_phase"] = beat.by_phase
    beat.stop()
    if "--where" in sys.argv:  # each gap over LONG, with where the threads were
        result["long_gaps"] = beat.long_gaps
    print("PROBE " + json.dumps(result), flush=True)
    window.close()
    store.close()


if __name__ == "__main__":
    main()
