"""Start the desktop app: the QApplication, the store, the main window."""

from __future__ import annotations

import argparse
import linecache
import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from plainte.core import i18n, paths
from plainte.core.errors import PlainteError, StoreDamaged
from plainte.core.i18n import tr
from plainte.core.store import Store
from plainte.gui import single_instance
from plainte.gui.widgets import shown


def interface_language() -> str:
    """``PLAINTE_LANG`` if set, else the system locale's language (fr or en)."""
    if os.environ.get("PLAINTE_LANG"):
        return i18n.system_language()
    return "fr" if QLocale.system().name().lower().startswith("fr") else "en"


def qt_data_dir(explicit: str | None) -> Path:
    """``--data-dir``, else ``PLAINTE_DATA_DIR``, else the folder the command line uses too."""
    return paths.data_dir(explicit)


def name_application(app: QApplication) -> None:
    """Name the organisation and the application: QSettings files go under ``plainte/``."""
    app.setOrganizationName(paths.APP_NAME)
    app.setApplicationName(paths.APP_NAME)
    app.setDesktopFileName(paths.APP_NAME)


def open_main_window(store: Store, today: date):
    """The main window with the saved preferences applied: language and sender details."""
    from plainte.gui import settings
    from plainte.gui.main_window import MainWindow

    prefs = settings.load()
    i18n.set_language(prefs.language or interface_language())
    return MainWindow(store, today, prefs, at_start=True)


def open_store(data_dir: Path) -> Store | None:
    """Open the store, or explain why not and offer the backups; None to quit."""
    while True:
        try:
            return Store.open(data_dir)
        except StoreDamaged as exc:
            if not offer_backups(exc):
                return None
        except PlainteError as exc:
            QMessageBox.critical(None, "plainte", shown(str(exc)))
            return None


def offer_backups(exc: StoreDamaged) -> bool:
    """Tell the person the store is damaged; restore the newest good backup if they agree.

    A backup that cannot be read is skipped for the next older one; once restored,
    the person is told where the damaged file is kept.
    """
    from plainte.core import restore as restoring

    found = restoring.usable_backups(exc.path.parent)
    box = QMessageBox(QMessageBox.Icon.Critical, "plainte", shown(str(exc)))
    if found:
        box.setInformativeText(shown(tr("gui.damaged.offer", backup=found[0].name)))
        box.setDetailedText("\n".join(str(p) for p in found))
        restore = box.addButton(tr("gui.damaged.restore"), QMessageBox.ButtonRole.AcceptRole)
    else:
        box.setInformativeText(tr("gui.damaged.none"))
        restore = None
    box.addButton(tr("gui.damaged.quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        kept = restoring.restore(found[0], exc.path.parent)
    except PlainteError as error:
        QMessageBox.critical(None, "plainte", shown(str(error)))
        return False
    QMessageBox.information(
        None, "plainte", shown(tr("gui.damaged.restored", backup=found[0].name, kept=str(kept)))
    )
    return True


def _say_raised(data_dir: Path) -> None:
    """Tell the person the app already open on this store came forward, in their language."""
    from plainte.gui import settings

    i18n.set_language(settings.load().language or interface_language())
    print(tr("gui.single_instance.raised", path=str(data_dir)), file=sys.stderr)


def said_not_traced(data_dir: Path):
    """A hook for exceptions raised in Qt's calls (slots, dialogs open at start-up): the
    traceback goes to a report in the data folder and the person reads one line."""

    def hook(kind, error, trace) -> None:
        if not isinstance(error, Exception):  # Ctrl+C and exits keep their usual course
            sys.__excepthook__(kind, error, trace)
            return
        from plainte.core.errors import unexpected

        print(unexpected(data_dir, error.with_traceback(trace)), file=sys.stderr)

    return hook


def drop_sources() -> None:
    """Let go of the source of every module imported since PySide6 (2 MB at start): PySide6
    reads each one to look for ``from __feature__`` imports, and linecache keeps it."""
    linecache.clearcache()


def bring_dialog_forward() -> None:
    """Raise the dialog the app is waiting on (a later launch asked for the app)."""
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        single_instance.bring_forward(dialog)


def run(args: argparse.Namespace) -> int:
    """Open the main window and run the event loop; return the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    name_application(app)
    from PySide6.QtGui import QIcon

    from plainte.core.resources import PACKAGE

    app.setWindowIcon(QIcon(str(PACKAGE / "data" / "plainte.svg")))
    i18n.set_language(interface_language())  # for the store's messages, before the settings
    data_dir = qt_data_dir(args.data_dir)
    previous, sys.excepthook = sys.excepthook, said_not_traced(data_dir)
    try:
        return _run(app, args, data_dir)
    finally:
        sys.excepthook = previous


def _run(app: QApplication, args: argparse.Namespace, data_dir: Path) -> int:
    """Claim the store, open it (with its start-up dialogs), and run the window."""
    instance = None
    if single_instance.may_be_taken(data_dir):  # else nobody to ask: listen once painted
        instance = single_instance.claim(data_dir, app)
        if instance is None:  # the app already open on this store came forward
            _say_raised(data_dir)
            return 0
    if instance is not None:  # a later launch brings a start-up dialog forward
        instance.raise_asked.connect(bring_dialog_forward)
    store = open_store(data_dir)
    if instance is not None:
        instance.raise_asked.disconnect(bring_dialog_forward)
    if store is None:
        if instance is not None:
            instance.close()
        return 1
    window = open_main_window(store, args.today or date.today())
    if os.environ.get("PLAINTE_PROBE"):
        from plainte.core.language import is_loaded
        from plainte.gui import probe

        # warm: language detection loaded, the shown case read or summed up
        probe.install(app, window, lambda: is_loaded() and window.pane.is_settled())
    guard: list[single_instance.Instance] = []

    def claimed(got: single_instance.Instance | None) -> None:
        if got is None:  # another launch took the store while this one started: it came forward
            _say_raised(data_dir)
            app.exit(0)
            return
        guard.append(got)
        got.raise_asked.connect(lambda: single_instance.bring_forward(window))

    if instance is None:
        single_instance.claim_after_paint(window, data_dir, claimed)
    else:
        claimed(instance)
    window.show()
    QTimer.singleShot(300, drop_sources)  # with the warm-up, once painted
    code = app.exec()
    for held in guard:
        held.close()
    from plainte.gui import command_process, worker

    worker.finish()  # no task may outlive the window it reports to
    command_process.finish()  # an export under way is written to its end
    window.deleteLater()  # before the QApplication goes, or Qt warns at exit
    app.processEvents()
    store.close()
    return code
