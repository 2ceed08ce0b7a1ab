"""Render the app's screens to PNG with QWidget.grab(), offscreen, in both languages.

Usage: QT_QPA_PLATFORM=offscreen python docs/screenshots.py OUTDIR
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


def dark_palette() -> QPalette:
    """A dark palette like the one a desktop in dark mode hands Qt."""
    pal = QPalette()
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
    }
    for role, color in roles.items():
        pal.setColor(role, QColor(color))
    return pal


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyle("Fusion")
    light = app.palette()
    from plainte.gui.main_window import MainWindow

    for theme in ("light", "dark"):
        app.setPalette(dark_palette() if theme == "dark" else light)
        for lang in ("en", "fr"):
            i18n.set_language(lang)
            with tempfile.TemporaryDirectory() as tmp:
                store = Store.open(Path(tmp))
                window = MainWindow(store, date(2016, 10, 1))
                window.resize(1300, 760)
                window.show()
                app.processEvents()
                window.grab().save(str(out / f"empty-{lang}-{theme}.png"))
                window.load_demo()
                app.processEvents()
                window.grab().save(str(out / f"main-{lang}-{theme}.png"))
                window.close()
                window.deleteLater()
                app.processEvents()
                store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
