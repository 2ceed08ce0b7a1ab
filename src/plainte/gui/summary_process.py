"""A long case's figures and overview, computed by a child process for the window.

The window then holds neither the case nor the modules that compute them (see
:mod:`plainte.core.case_summary`); it only waits for one line of JSON.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from plainte.gui.command_process import python_process


class SummaryReader(QObject):
    """Starts ``python -m plainte.core.case_summary``; then ``done`` or ``failed``.

    ``done`` carries the case's :class:`~plainte.core.stats.SagaStats` and the
    overview's :class:`~plainte.core.overview.Lines`; ``failed`` says why not
    (the window then reads the case itself: nothing is lost, it only costs more).
    """

    done = Signal(object, object)
    failed = Signal(str)

    def __init__(
        self, store_path: Path, case_id: str, today: date, lang: str, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._dropped = False
        args = [str(store_path), case_id, today.isoformat(), lang]
        self.process = python_process(["-m", "plainte.core.case_summary", *args], self)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._error)
        self.process.start()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._dropped:
            return
        self._dropped = True  # reported once
        out = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        if status == QProcess.ExitStatus.NormalExit and code == 0:
            from plainte.core.case_summary import parse

            try:
                figures, lines = parse(out)
            except ValueError as exc:
                self.failed.emit(str(exc))
            else:
                self.done.emit(figures, lines)
        else:
            err = bytes(self.process.readAllStandardError().data()).decode("utf-8", "replace")
            self.failed.emit(err.strip() or str(code))
        self.deleteLater()

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._dropped:
            self._dropped = True
            self.failed.emit(self.process.errorString())
            self.deleteLater()

    def drop(self) -> None:
        """Stop it (the case is no longer shown, or changed): nothing more is reported."""
        if not self._dropped:
            self._dropped = True
            self.process.kill()
            self.process.waitForFinished(1000)
            self.deleteLater()


APART = 5_000
"""From this many events, a case whose overview alone is shown is summed up by a child process:
the window holds it (1.3 KB an event) only for a tab that needs it, or a letter."""


class Summing(QObject):
    """A pane's summing up of its case apart: one child at a time, a replaced one's result
    dropped. ``shown(figures, lines)`` gets the result; ``failed()`` is asked to read the case
    in the window instead."""

    def __init__(self, parent: QObject, shown, failed) -> None:
        super().__init__(parent)
        self._shown, self._failed = shown, failed
        self.child: SummaryReader | None = None
        self.failed_once = False
        """A child could not sum up: the window computes the overview itself from then on."""

    @staticmethod
    def fits(events: int | None) -> bool:
        """Whether a case of ``events`` (None: not known yet) is summed up apart."""
        return (events or 0) >= APART

    def start(self, store_path: Path, case_id: str, today: date, lang: str) -> None:
        self.drop()
        child = self.child = SummaryReader(store_path, case_id, today, lang, self)

        def done(figures, lines) -> None:
            if child is self.child:
                self.child = None
                self._shown(figures, lines)

        def failed(_why: str) -> None:  # read in the window instead: slower, never wrong
            if child is self.child:
                self.child = None
                self.failed_once = True
                self._failed()

        child.done.connect(done)
        child.failed.connect(failed)

    def drop(self) -> None:
        """Stop a child still summing up (another case is shown, or it changed)."""
        if self.child is not None:
            self.child, child = None, self.child
            child.drop()
