"""Imports: saga files read off the GUI thread, each file all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from plainte.core.errors import PlainteError
from plainte.core.i18n import tr, trn
from plainte.core.store import Store
from plainte.gui.widgets import shown
from plainte.gui.worker import run_in_background

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow


class ImportOps:
    """Bring saga files into the store."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task = None

    def import_files(self) -> None:
        """Ask which files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, tr("gui.actions.import"), "", tr("gui.import_filter")
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]):
        """Import saga files in the background, with progress; each file all or nothing."""
        from plainte.core.merge import MergeCounts

        w = self.window
        progress = QProgressDialog(tr("gui.status.importing"), None, 0, 0, w)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        data_dir = w.store.data_dir

        def work():
            # a worker thread gets its own connection: SQLite objects stay in their thread
            store = Store.open(data_dir, daily_backup=False)
            problems, count = [], 0
            merged = MergeCounts()
            try:
                for path in paths:
                    try:
                        merged += store.import_file(path).merged
                        count += 1
                    except PlainteError as exc:
                        problems.append(str(exc))
            finally:
                store.close()
            return count, problems, merged

        def done(result) -> None:
            progress.close()
            count, problems, merged = result
            w.refresh_cases()
            w.ops.status(trn("gui.status.imported", count) + " " + merged.words())
            if problems:
                QMessageBox.warning(w, "plainte", shown("\n\n".join(problems)))

        def failed(error: Exception) -> None:
            progress.close()
            w.ops.report(error)

        self.task = run_in_background(work, done, failed)
        return self.task
