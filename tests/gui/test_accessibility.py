"""Every interactive widget has a name for screen readers, and Tab alone reaches them all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from plainte.gui.case_pane import TIMELINE


def _focusable(window) -> list[QWidget]:
    widgets = []
    for widget in window.findChildren(QWidget):
        policy = widget.focusPolicy()
        if (policy & Qt.FocusPolicy.TabFocus) and widget.isVisibleTo(window) and widget.isEnabled():
            widgets.append(widget)
    return widgets


def test_every_interactive_widget_has_an_accessible_name(window):
    window.case_ops.load_demo()
    for tab in range(window.pane.tabs.count()):
        window.pane.tabs.setCurrentIndex(tab)
        for widget in _focusable(window):
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name) if interface else ""
            assert name.strip(), f"{type(widget).__name__} {widget.objectName()!r} has no name"


def test_tab_alone_walks_the_main_window(qtbot, window):
    window.case_ops.load_demo()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.pane.overview.view is not None)  # filled after the frame
    window.case_view.setFocus()
    seen = []
    for _ in range(60):
        focused = QApplication.focusWidget()
        if focused is not None:
            seen.append(focused.objectName() or type(focused).__name__)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    for expected in ("caseList", "overviewSatire", "qt_tabwidget_tabbar"):
        assert expected in seen, (expected, seen)
    window.pane.tabs.setCurrentIndex(TIMELINE)  # what the timeline tab holds, by Tab too
    window.case_view.setFocus()
    for _ in range(60):
        focused = QApplication.focusWidget()
        if focused is not None:
            seen.append(focused.objectName() or type(focused).__name__)
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    for expected in ("timeline", "QComboBox", "QLineEdit"):
        assert expected in seen, (expected, seen)
