"""The Qt application that drawn outputs (PDF letters and reports, the saga card) need.

They run without a window: the command line gets an offscreen application.
"""

from __future__ import annotations

import atexit
import os

from PySide6.QtGui import QGuiApplication

_app: QGuiApplication | None = None


def _shutdown() -> None:
    """Take the application down before Python's own teardown (else PySide6 may crash)."""
    global _app
    if _app is not None:
        if hasattr(_app, "shutdown"):
            _app.shutdown()
        _app = None


def ensure_app() -> None:
    """A QGuiApplication for fonts and painting, offscreen when there is no display."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        # a QApplication, not just a QGuiApplication: the same process may open windows later
        _app = QApplication([])
        atexit.register(_shutdown)
