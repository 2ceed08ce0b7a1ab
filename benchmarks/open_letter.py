"""The longest freeze while a letter or a reply opens on the long case, its overview shown.

Usage: python benchmarks/open_letter.py DATA_DIR [--runs N] [--where]

With the real main window on the long case (``big``) as a person finds it, its
overview shown and settled, each action is started as a click would, and a 10 ms
heartbeat on the GUI thread measures the longest gap until what the person waits
for is there: the composer open with its letter written, the reply reader open
with its reading, a ladder step marked, an event logged after an ended saga
(asked first). Prints
one JSON line: for each action, the median of ``N`` runs of the longest gap and
of the time until done, in milliseconds; ``--where`` adds each gap over 50 ms
with where the GUI thread was.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gui_probe import BIG, Heartbeat, breathe, settle
from PySide6.QtWidgets import QApplication


def main() -> None:
    data_dir = Path(sys.argv[1])
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    app = QApplication(sys.argv[:1])
    from plainte.core.model import CaseStatus
    from plainte.core.store import Store
    from plainte.gui.main_window import MainWindow
    from plainte.gui.operations.events import EventOps

    store = Store.open(data_dir, daily_backup=False)
    window = MainWindow(store, date(2026, 11, 22))
    window.resize(1280, 780)
    window.show()
    settle(app, lambda: window.current_case_id() is not None)
    pane = window.pane

    def show_big() -> None:
        """The long case shown afresh, its overview settled: nothing of it held whole."""
        window.case_view.selectRow(window.cases.row_of("c000"))
        settle(app, lambda: window.current_case_id() == "c000" and pane.is_settled())
        window.case_view.selectRow(window.cases.row_of(BIG))
        settle(app, lambda: window.current_case_id() == BIG and pane.is_settled())
        settle(app, lambda: bool(pane.figures.text()))
        breathe(app, 0.3)

    def timed(start, done) -> tuple[float, float]:
        """(longest gap, time until done) in ms for one action."""
        show_big()
        beat = Heartbeat()
        beat.start()
        began = time.perf_counter()
        start()
        settle(app, done)
        took = time.perf_counter() - began
        breathe(app, 0.05)
        beat.stop()
        if "--where" in sys.argv:
            where.extend(beat.long_gaps)
        return beat.longest * 1e3, took * 1e3

    def compose():
        window.composer_dialog = None
        return lambda: window.compose_ops.compose("complaint")

    def composed() -> bool:
        dialog = getattr(window, "composer_dialog", None)
        return dialog is not None and dialog.result is not None

    def reply():
        window.mail_ops.dialog = None
        return lambda: window.mail_ops.paste_reply("We will call you back tomorrow.")

    def replied() -> bool:
        dialog = window.mail_ops.dialog
        return dialog is not None and dialog.reading is not None

    results: dict[str, dict] = {}
    where: list[dict] = []

    def measure(name: str, start, done, close) -> None:
        gaps, took = [], []
        for _ in range(runs):
            gap, ms = timed(start(), done)
            gaps.append(gap)
            took.append(ms)
            close()
        results[name] = {
            "longest_gap_ms": round(statistics.median(gaps)),
            "until_done_ms": round(statistics.median(took)),
            "gaps_ms": [round(g) for g in gaps],
        }
        if where:
            results[name]["where"] = where[:]
            where.clear()

    measure("composer", compose, composed, lambda: window.composer_dialog.reject())
    measure("reply", reply, replied, lambda: window.mail_ops.dialog.reject())

    step = window.event_ops.steps()[0][0]
    marked: list[bool] = []

    def mark():
        marked.clear()
        return lambda: marked.append(window.event_ops.mark_step(step, "e10"))

    measure("mark_step", mark, lambda: bool(marked), lambda: None)

    asked: list[date] = []
    EventOps.ask_to_reopen = lambda _ops, day, _event, _label: bool(asked.append(day))
    window.editor.set_case_status(BIG, CaseStatus.SWITCHED)
    settle(app, lambda: pane.header.status is CaseStatus.SWITCHED)

    def log_after_end():
        asked.clear()
        return lambda: window.acts["they_called"].trigger()

    measure("log_after_end", log_after_end, lambda: bool(asked), lambda: None)
    window.editor.set_case_status(BIG, CaseStatus.OPEN)
    results["events"] = len(store.load_case(BIG).events)
    window.close()
    store.close()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
