"""Every status colour reads at 4.5:1 or more on the rows it is drawn on, light and dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from plainte.gui.colors import STATUS, contrast, status_color

LIGHT = {"Base": "#ffffff", "AlternateBase": "#f7f7f7", "Window": "#efefef"}
DARK = {"Base": "#1e1e20", "AlternateBase": "#2a2a2d", "Window": "#2b2b2e"}  # docs/screenshots.py


def _palette(colors: dict[str, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    return palette


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("name", sorted(STATUS))
def test_status_colour_contrast(qapp, name, colors):
    palette = _palette(colors)
    color = status_color(name, palette)
    for background in colors.values():
        ratio = contrast(color, QColor(background))
        assert ratio >= 4.5, f"{name} on {background}: {ratio:.2f}"


def test_the_old_dark_colours_failed():
    assert contrast(QColor("#2e7d32"), QColor(DARK["Base"])) < 4.5  # the old "done"
    assert contrast(QColor("#1565c0"), QColor(DARK["Base"])) < 4.5  # the old "open"
