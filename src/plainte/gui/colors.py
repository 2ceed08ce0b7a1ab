"""Status colours that stay readable (WCAG AA, 4.5:1) on the light and the dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

# name: (on a light background, on a dark background)
STATUS = {
    "done": ("#1b5e20", "#81c784"),
    "open": ("#0d47a1", "#90caf9"),
    "waiting": ("#8a4500", "#ffb74d"),
    "later": ("#5c5c5c", "#bdbdbd"),
    "suggested": ("#6a1b9a", "#ce93d8"),
    "closed": ("#5c5c5c", "#b0b0b0"),
    "expired": ("#b71c1c", "#ef9a9a"),
    "overdue": ("#b71c1c", "#ef9a9a"),
    "broken": ("#b71c1c", "#ef9a9a"),
    "error": ("#b71c1c", "#ef9a9a"),
    "warning": ("#8a4500", "#ffb74d"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's base (where rows are drawn) is dark."""
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def status_color(name: str, palette: QPalette | None = None) -> QColor:
    """The colour of ``name`` for the palette in use."""
    light, dark = STATUS[name]
    return QColor(dark if is_dark(palette) else light)


def style(name: str, palette: QPalette | None = None) -> str:
    """A style sheet giving a label the colour of ``name``."""
    return f"color: {status_color(name, palette).name()}"


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
