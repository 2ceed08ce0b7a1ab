"""Run a ``plainte`` command in a process of its own; its outcome comes back as a signal.

A long job (an export of a million events) run in a thread still shares the
interpreter with the window: each of its long C calls holds the window. In a
process of its own, it cannot: the window only waits for the process's end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

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
    its standard error); both arrive on the GUI thread. With ``progress``, the
    command is asked for its machine lines (``PLAINTE_PROGRESS=1``): each
    ``progress BYTES TOTAL N`` comes as :attr:`progressed` and each other
    machine line is kept in :attr:`lines`, never shown as an error.
    :meth:`cancel` kills the command; then :attr:`cancelled` comes instead.
    """

    progressed = Signal(object, object, int)
    """Bytes read, their total, and the number (from 1) of the file being read."""
    cancelled = Signal()

    MACHINE = ("progress ", "imported ")

    def __init__(
        self,
        args: list[str],
        parent: QObject | None = None,
        *,
        progress: bool = False,
        stopped: str = "gui.status.export_stopped",
    ) -> None:
        super().__init__(parent)
        self.signals = TaskSignals()
        self.stopped, self.machine = stopped, progress
        self.output = ""
        self.errors = ""
        self.lines: list[str] = []
        self.was_cancelled = False
        self._err = b""
        self.process = QProcess(self)
        self.process.setProgram(sys.executable)
        self.process.setArguments(["-m", "plainte", *args])
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PLAINTE_LANG", i18n.language())
        package_root = str(Path(__file__).resolve().parents[2])  # the same plainte as ours
        env.insert(
            "PYTHONPATH", os.pathsep.join(filter(None, (package_root, env.value("PYTHONPATH"))))
        )
        if progress:
            env.insert("PLAINTE_PROGRESS", "1")
            self.process.readyReadStandardError.connect(self._read_errors)
        else:
            env.remove("PLAINTE_PROGRESS")
        self.process.setProcessEnvironment(env)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)

    def start(self) -> CommandTask:
        _running.add(self)
        self.process.start()
        return self

    def cancel(self) -> None:
        """Kill the command: what it writes in one transaction is then not kept."""
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.was_cancelled = True
            self.process.kill()

    def _read_errors(self) -> None:
        """Take the machine lines out of what the command says on stderr, as they come."""
        self._err += bytes(self.process.readAllStandardError().data())
        *whole, self._err = self._err.split(b"\n")
        for raw in whole:
            line = raw.decode("utf-8", "replace")
            if not (self.machine and line.startswith(self.MACHINE)):
                self.errors += line + "\n"
                continue
            self.lines.append(line)
            parts = line.split()
            if parts[0] == "progress" and len(parts) == 4 and all(p.isdigit() for p in parts[1:]):
                self.progressed.emit(int(parts[1]), int(parts[2]), int(parts[3]))

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        _running.discard(self)
        self.output = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        self._read_errors()
        self.errors += self._err.decode("utf-8", "replace")
        self._err = b""
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            self.signals.done.emit(self.output)
            return
        if self.was_cancelled:
            self.cancelled.emit()
            return
        said = self.errors.strip()
        self.signals.failed.emit(CommandFailed(said or tr(self.stopped, detail=code)))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            _running.discard(self)
            self.signals.failed.emit(
                CommandFailed(tr(self.stopped, detail=self.process.errorString()))
            )


def run_command(
    args: list[str],
    parent: QObject | None = None,
    *,
    progress: bool = False,
    stopped: str = "gui.status.export_stopped",
) -> CommandTask:
    """Start ``plainte ARGS`` in a child process (see :class:`CommandTask`)."""
    return CommandTask(args, parent, progress=progress, stopped=stopped).start()


def finish(timeout_ms: int = 30_000) -> bool:
    """At quit: let the running commands end (an export half written is never kept anyway).

    Return:
        True if every command ended within ``timeout_ms``.
    """
    ended = True
    for task in list(_running):
        ended = task.process.waitForFinished(timeout_ms) and ended
    return ended
