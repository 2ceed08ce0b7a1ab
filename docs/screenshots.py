"""Render the app's screens to PNG, in French and English, light and dark.

Usage: QT_QPA_PLATFORM=offscreen python docs/screenshots.py [OUTDIR]
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from plainte.core import i18n
from plainte.core.store import Store

ROGERS_REPLY = """\
From: Service fidélisation <fidelisation@rogers.example>
To: Client <client@example.org>
Subject: Re: Demande écrite de mise à jour de l'appareil [ref: CAS-20100719]
Date: Mon, 19 Jul 2010 10:14:00 -0400
Message-ID: <reply-20100719@rogers.example>
Content-Type: text/plain; charset="utf-8"

Bonjour,

Nous sommes désolés d'apprendre que vous souhaitez nous quitter. Pour toute
demande concernant votre appareil ou votre contrat, merci de contacter notre
service fidélisation au 1 888 000-0000, du lundi au vendredi de 9 h à 21 h.
Nous ne pouvons pas traiter cette demande par courriel.

Cordialement,
Le service fidélisation
"""


def dark_palette() -> QPalette:
    """A dark palette like the one a desktop in dark mode hands Qt.

    Built from its button and window colours, so the shades Fusion draws frames
    and check boxes with (light, mid, dark, shadow) are dark too; disabled text dim.
    """
    pal = QPalette(QColor("#35353a"), QColor("#2b2b2e"))
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e8e8ea",
        QPalette.ColorRole.Base: "#1e1e20",
        QPalette.ColorRole.AlternateBase: "#2a2a2d",
        QPalette.ColorRole.Text: "#e8e8ea",
        QPalette.ColorRole.Button: "#35353a",
        QPalette.ColorRole.ButtonText: "#e8e8ea",
        QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#35353a",
        QPalette.ColorRole.ToolTipText: "#e8e8ea",
        QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Link: "#8ab4f8",
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role, color in roles.items():
            pal.setColor(group, role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#808086"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#808086"))
    return pal


def grab(widget, path: Path, app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()
    widget.grab().save(str(path))


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    light = app.palette()
    from plainte.gui.case_pane import DASHBOARD, LADDER, OVERVIEW, PROMISES, TIMELINE
    from plainte.gui.main_window import MainWindow

    for theme in ("light", "dark"):
        app.setPalette(dark_palette() if theme == "dark" else light)
        for lang in ("en", "fr"):
            i18n.set_language(lang)
            with tempfile.TemporaryDirectory() as tmp:
                store = Store.open(Path(tmp))
                window = MainWindow(store, date(2010, 7, 20))
                window.resize(1300, 780)
                window.show()
                grab(window, out / f"empty-{lang}-{theme}.png", app)
                window.case_ops.load_demo()
                window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
                grab(window, out / f"main-{lang}-{theme}.png", app)  # the overview, shown first
                tabs = {"timeline": TIMELINE, "tab1": PROMISES, "tab2": LADDER, "tab3": DASHBOARD}
                for name, tab in tabs.items():
                    window.pane.tabs.setCurrentIndex(tab)
                    grab(window, out / f"{name}-{lang}-{theme}.png", app)
                window.pane.tabs.setCurrentIndex(OVERVIEW)
                window.resize(1000, 640)  # the smallest window the layout is made for
                grab(window.pane, out / f"overview-small-{lang}-{theme}.png", app)
                window.resize(1300, 780)
                composer = window.compose_ops.compose("formal-notice")
                composer.resize(900, 700)
                app.processEvents()
                from PySide6.QtCore import QThreadPool

                QThreadPool.globalInstance().waitForDone(5000)
                grab(composer, out / f"composer-{lang}-{theme}.png", app)
                composer.close()
                wizard = window.compose_ops.switch_assistant()
                grab(wizard, out / f"switch-{lang}-{theme}.png", app)
                wizard.next()
                grab(wizard, out / f"switch2-{lang}-{theme}.png", app)
                wizard.next()
                grab(wizard, out / f"switch3-{lang}-{theme}.png", app)
                wizard.close()
                call = window.call_ops.on_a_call()
                grab(call, out / f"call-{lang}-{theme}.png", app)
                call.close()
                dialogs(window, store, out, f"{lang}-{theme}", app)
                reply = Path(tmp) / "reply.eml"
                reply.write_text(ROGERS_REPLY, encoding="utf-8")
                window.mail_ops.add_paths([reply])
                QThreadPool.globalInstance().waitForDone(5000)
                for _ in range(20):
                    app.processEvents()
                grab(window.mail_ops.dialog, out / f"reply-{lang}-{theme}.png", app)
                window.mail_ops.dialog.close()
                grab(window, out / f"mail-{lang}-{theme}.png", app)
                window.close()
                window.deleteLater()
                app.processEvents()
                store.close()


def dialogs(window, store: Store, out: Path, tag: str, app: QApplication) -> None:
    """The event dialog (as opened, then with a date it refuses), a promise, the settings."""
    from plainte.gui.event_dialog import EventDialog
    from plainte.gui.promise_dialog import PromiseDialog
    from plainte.gui.settings_dialog import SettingsDialog

    event = next(e for e in window.case.events if e.promises)
    dialog = EventDialog(window, event, window.event_ops.steps(), store.data_dir, is_new=False)
    dialog.show()
    grab(dialog, out / f"event-{tag}.png", app)
    dialog.when.edit.setText("hier soir" if tag.startswith("fr") else "last night")
    dialog.accept()  # refused: the message takes its reserved place
    grab(dialog, out / f"event-error-{tag}.png", app)
    dialog.close()
    promise = PromiseDialog(window, event.promises[0], made=event.at)
    promise.show()
    grab(promise, out / f"promise-{tag}.png", app)
    promise.close()
    settings = SettingsDialog(window, window.prefs, i18n.language())
    settings.show()
    grab(settings, out / f"settings-{tag}.png", app)
    settings.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
