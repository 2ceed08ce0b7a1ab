"""Run a ``plainte`` command in a process of its own; its outcome comes back as a signal.

A long job (an export of a million events) run in a thread still shares the
interpreter with the window: each of its long C calls holds the window. In a
process of its own, it cannot: the window only waits for the process's end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.gui.worker import TaskSignals

_running: set[CommandTask] = set()


def python_process(args: list[str], parent: QObject) -> QProcess:
    """A (not yet started) ``python ARGS`` with our plainte, in the window's language."""
    process = QProcess(parent)
    process.setProgram(sys.executable)
    process.setArguments(args)
    env = QProcessEnvironment.systemEnvironment()
    env.insert("PLAINTE_LANG", i18n.language())
    package_root = str(Path(__file__).resolve().parents[2])  # the same plainte as ours
    env.insert("PYTHONPATH", os.pathsep.join(filter(None, (package_root, env.value("PYTHONPATH")))))
    process.setProcessEnvironment(env)
    return process


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
        self.process = python_process(["-m", "plainte", *args], self)
        env = self.process.processEnvironment()
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


class BlockReader(QObject):
    """A long case's order, search texts or figures, made in a child process, read block by
    block.

    Making a million texts is seconds of Python: in a thread it would hold the
    window, in a child it cannot. Each block is handed to ``consume`` as it
    arrives (a few milliseconds each). Then ``done``, or ``failed`` with why.
    """

    done = Signal()
    failed = Signal(str)

    def __init__(self, what: str, store_path: Path, case_id: str, consume, *more: str) -> None:
        super().__init__()
        from plainte.core import timeline

        self._read_blocks = timeline.read_blocks
        self._consume = consume
        self._buffer = bytearray()
        self._dropped = False
        self._exit: tuple | None = None  # the child's exit, once it ended
        args = ["-m", "plainte.core.timeline", what, str(store_path), case_id, *more]
        self.process = python_process(args, self)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self.process.start()

    def _read(self) -> None:
        """Take one block (then let the event loop run: several at once would hold it)."""
        if self._dropped:
            return
        self._buffer += self.process.readAllStandardOutput().data()
        blocks = self._read_blocks(self._buffer, 1)
        if blocks:
            self._consume(blocks[0])
            QTimer.singleShot(0, self._read)  # the next one, if it has come
        elif self._exit is not None:
            self._end(*self._exit)

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._exit = (code, status)
        self._read()

    def _end(self, code: int, status: QProcess.ExitStatus) -> None:
        self._dropped = True  # reported once
        if status == QProcess.ExitStatus.NormalExit and code == 0 and not self._buffer:
            self.done.emit()
        else:
            err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
            self.failed.emit(err.strip() or str(code))

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._dropped:
            self.failed.emit(self.process.errorString())

    def drop(self) -> None:
        """Stop reading (the case is no longer shown): nothing more is reported."""
        self._dropped = True
        self.process.kill()
        self.deleteLater()
