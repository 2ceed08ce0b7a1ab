"""One measured start of a window, run in its own process by benchmarks/run.py.

Usage: python benchmarks/gui_probe.py bare|app DATA_DIR [CASE_ID]

Prints JSON: seconds from process start to an idle window, peak memory (KiB),
and, with CASE_ID, the time to open that case to its first painted rows.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

STARTED = time.perf_counter()


def main() -> None:
    mode, data_dir = sys.argv[1], sys.argv[2]
    case_id = sys.argv[3] if len(sys.argv) > 3 else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    result: dict[str, float] = {}
    if mode == "bare":
        window = QWidget()
        window.resize(1280, 780)
    else:
        from datetime import date
        from pathlib import Path

        from plainte.core.store import Store
        from plainte.gui.main_window import MainWindow

        store = Store.open(Path(data_dir), daily_backup=False)
        window = MainWindow(store, date(2026, 11, 22))
    window.show()

    def idle() -> None:
        result["startup"] = time.perf_counter() - STARTED
        if case_id:
            start = time.perf_counter()
            window.case_view.selectRow(window.cases.row_of(case_id))
            window.pane.timeline_view.viewport().repaint()
            result["open_case"] = time.perf_counter() - start
            result["rows"] = window.pane.timeline.rowCount()
        app.quit()

    QTimer.singleShot(0, idle)
    app.exec()
    result["max_rss_kib"] = peak_kib()
    print(json.dumps(result))


def peak_kib() -> int:
    """This process's own peak resident memory.

    ``ru_maxrss`` survives ``exec`` on Linux, so a child started by a large
    parent would report the parent's peak; ``VmHWM`` belongs to this image.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
