"""Run a ``plainte`` command in a process of its own; its outcome comes back as a signal.

A long job (an export of a million events) run in a thread still shares the
interpreter with the window: each of its long C calls holds the window. In a
process of its own, it cannot: the window only waits for the process's end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.gui.worker import TaskSignals

_running: set[CommandTask] = set()


class CommandFailed(Exception):
    """The command ended without doing its work; the message says why, in the person's language."""


class CommandTask(QObject):
    """``plainte ARGS`` in a child process, speaking the window's language.

    Connect to ``signals.done`` (the command's standard output) and
    ``signals.failed`` (a :class:`CommandFailed` with what the command said on
    its standard error); both arrive on the GUI thread.
    """

    def __init__(self, args: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.signals = TaskSignals()
        self.process = QProcess(self)
        self.process.setProgram(sys.executable)
        self.process.setArguments(["-m", "plainte", *args])
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PLAINTE_LANG", i18n.language())
        package_root = str(Path(__file__).resolve().parents[2])  # the same plainte as ours
        env.insert(
            "PYTHONPATH", os.pathsep.join(filter(None, (package_root, env.value("PYTHONPATH"))))
        )
        self.process.setProcessEnvironment(env)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)

    def start(self) -> CommandTask:
        _running.add(self)
        self.process.start()
        return self

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        _running.discard(self)
        out = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.signals.done.emit(out)
            return
        said = err.strip()
        self.signals.failed.emit(
            CommandFailed(said or tr("gui.status.export_stopped", detail=code))
        )

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            _running.discard(self)
            self.signals.failed.emit(
                CommandFailed(tr("gui.status.export_stopped", detail=self.process.errorString()))
            )


def run_command(args: list[str], parent: QObject | None = None) -> CommandTask:
    """Start ``plainte ARGS`` in a child process (see :class:`CommandTask`)."""
    return CommandTask(args, parent).start()


def finish(timeout_ms: int = 30_000) -> bool:
    """At quit: let the running commands end (an export half written is never kept anyway).

    Return:
        True if every command ended within ``timeout_ms``.
    """
    ended = True
    for task in list(_running):
        ended = task.process.waitForFinished(timeout_ms) and ended
    return ended
