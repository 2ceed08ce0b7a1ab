"""Exports: every format of the current case, drawn off the GUI thread with progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from plainte.core.errors import PlainteError
from plainte.core.i18n import tr
from plainte.gui.drawing import QtDrawing

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow


class ExportOps:
    """Write the current case out, for a person, a body or a calendar."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task = None

    def export(self, fmt: str) -> None:
        """Ask where, then export the current case as ``fmt``."""
        w = self.window
        if not w.case_header:
            return
        from plainte.core.export import file_stem

        stem = file_stem(w.case_header.provider, w.case_header.title)
        if fmt == "pack":
            folder = QFileDialog.getExistingDirectory(w, tr("gui.actions.export_pack"))
            if folder:
                self.export_to(Path(folder) / stem, fmt)
            return
        path, _ = QFileDialog.getSaveFileName(w, tr(f"gui.actions.export_{fmt}"), f"{stem}.{fmt}")
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str):
        """Export to ``path`` as ``plainte export`` does, in a process of its own.

        However long the case, the window never waits for it: a thread would
        share the interpreter with the window, a process does not. The file is
        written whole or not at all; a failure is said in the person's language.
        """
        from plainte.gui.command_process import run_command

        w = self.window
        args = ["--data-dir", str(w.store.data_dir), "--today", w.today.isoformat()]
        args += ["export", w.case_header.id, "--format", fmt, "-o", str(path)]
        if w.case_header.language in ("fr", "en"):
            args += ["--lang", w.case_header.language]
        progress = QProgressDialog(tr("gui.status.exporting"), None, 0, 0, w)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def done(_output) -> None:
            progress.close()
            w.ops.status(tr("gui.status.exported", path=path))

        def failed(error: Exception) -> None:
            progress.close()
            w.ops.report(error)

        self.task = run_command(args, w)
        self.task.signals.done.connect(done)
        self.task.signals.failed.connect(failed)
        return self.task

    def export_case_files(self, folder: Path) -> list[Path]:
        """Before porting: the filing pack and every full export, in one go."""
        from plainte.core.export import export

        w = self.window
        case = w.case_header
        from plainte.core.export import file_stem

        stem = "plainte-" + file_stem(case.provider, "")
        written = []
        for fmt, target in (
            ("pack", folder / f"{stem}-pack"),
            ("json", folder / f"{stem}.json"),
            ("csv", folder / f"{stem}.csv"),
            ("html", folder / f"{stem}.html"),
            ("ics", folder / f"{stem}.ics"),
        ):
            try:
                export(w.store, case.id, fmt, target, w.today, case.language or None, QtDrawing())
            except PlainteError as exc:
                w.ops.report(exc)
                continue
            written.append(target)
        return written
