"""Quitting while a background task runs: no Qt traceback, the task waited for."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel
    from plainte.gui import worker

    app = QApplication(sys.argv)
    label = QLabel("x")
    label.show()

    def slow():
        time.sleep(0.8)
        return "done"

    worker.run_in_background(slow, lambda r: label.setText(r))
    QTimer.singleShot(100, app.quit)
    app.exec()
    if sys.argv[1] == "finish":
        assert worker.finish(10_000)
        print("finished", flush=True)
    del label
    del app
    """
)


def test_quitting_with_a_task_running_prints_no_traceback(tmp_path):
    script = tmp_path / "quit.py"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": os.pathsep.join(sys.path)}
    for mode in ("finish", "no-finish"):
        done = subprocess.run(
            [sys.executable, str(script), mode], capture_output=True, text=True, env=env, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr and "RuntimeError" not in done.stderr, done.stderr
        assert ("finished" in done.stdout) == (mode == "finish")
