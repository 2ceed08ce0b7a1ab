"""Imports: saga files read by ``plainte import`` in a process of its own, all or nothing each."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QProgressDialog

from plainte.core.i18n import tr, trn
from plainte.gui.widgets import shown

if TYPE_CHECKING:
    from plainte.gui.command_process import CommandTask
    from plainte.gui.main_window import MainWindow

STEPS = 1000
"""The progress bar's resolution: a tenth of a percent."""


def summary(output: str, paths: list[Path]) -> str:
    """The command's report on one line, each file named without its folder."""
    for path in paths:
        output = output.replace(str(path), path.name)
    return " ".join(line.strip() for line in output.splitlines() if line.strip())


class ImportOps:
    """Bring saga files into the store."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task: CommandTask | None = None
        self.progress: QProgressDialog | None = None

    def import_files(self) -> None:
        """Ask which files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, tr("gui.actions.import"), "", tr("gui.import_filter")
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> CommandTask:
        """Import saga files as ``plainte import`` does, in a process of its own.

        The window never waits for the reading (a thread would share the
        interpreter with it); the bar follows the bytes read. Cancel kills the
        process: the file it was reading is one transaction, so the store keeps
        its state from before that file. Errors are the command's own words.
        """
        from plainte.gui.command_process import run_command

        w = self.window
        paths = [Path(p).absolute() for p in paths]
        before = w.store.data_version()
        args = ["--data-dir", str(w.store.data_dir), "import", *map(str, paths)]
        progress = QProgressDialog(self._label(paths, 1), tr("gui.cancel"), 0, STEPS, w)
        progress.setWindowTitle("plainte")
        bar = QProgressBar(progress)
        bar.setFormat(tr("gui.status.import_percent"))  # "36 %" in French
        progress.setBar(bar)
        progress.setRange(0, STEPS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.setMinimumDuration(300)
        progress.setMinimumWidth(420)
        progress.setValue(0)
        self.progress = progress
        task = run_command(args, w, progress=True, stopped="gui.status.import_stopped")
        self.task = task

        def advanced(done: int, total: int, number: int) -> None:
            if not total or done >= total:
                progress.setLabelText(tr("gui.status.import_saving", name=paths[number - 1].name))
                progress.setValue(STEPS)
                return
            progress.setLabelText(self._label(paths, number))
            progress.setValue(done * STEPS // total)

        def finished() -> None:
            progress.close()
            self.progress = None

        def done(output: str) -> None:
            finished()
            w.refresh_cases()
            w.ops.status(summary(output, paths))
            if task.errors.strip():  # fields not in the saga format, left out
                QMessageBox.information(w, "plainte", shown(task.errors.strip()))

        def failed(error: Exception) -> None:
            finished()
            if task.output.strip():  # some files imported, others refused
                w.refresh_cases()
                w.ops.status(summary(task.output, paths))
            w.ops.report(error)

        def cancelled() -> None:
            finished()
            kept = sum(line.startswith("imported ") for line in task.lines)
            if w.store.data_version() == before:
                w.ops.status(tr("gui.status.import_cancelled"))
                return
            w.refresh_cases()
            w.ops.status(trn("gui.status.import_cancelled_after", max(kept, 1)))

        task.progressed.connect(advanced)
        task.signals.done.connect(done)
        task.signals.failed.connect(failed)
        task.cancelled.connect(cancelled)
        progress.canceled.connect(task.cancel)
        return task

    @staticmethod
    def _label(paths: list[Path], number: int) -> str:
        """Which file is being read (and which of how many, when there are several)."""
        name = paths[number - 1].name
        if len(paths) == 1:
            return tr("gui.status.importing_file", name=name)
        return tr("gui.status.importing_of", name=name, n=number, count=len(paths))
