"""Opening a letter or a reply on a long case: the case is read whole off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QGuiApplication

from plainte.core.i18n import tr
from plainte.core.store import Store
from tests.gui.operations.conftest import LONG


def _busy() -> bool:
    return QGuiApplication.overrideCursor() is not None


def test_the_composer_of_a_long_case_opens_once_it_is_read_off_the_gui_thread(
    qtbot, long_window, reads, monkeypatch
):
    """The overview summed up apart is not computed again in the window when the case comes."""
    from plainte.core import overview

    computed = []
    compute = overview.compute
    monkeypatch.setattr(overview, "compute", lambda *a: computed.append(a) or compute(*a))
    w = long_window
    assert w.compose_ops.compose("complaint") is None  # being read: the window answers
    assert _busy() and w.statusBar().currentMessage() == tr("gui.status.reading_letter")
    assert w.compose_ops.compose("complaint") is None  # a second click: no second reading
    qtbot.waitUntil(lambda: getattr(w, "composer_dialog", None) is not None, timeout=30_000)
    dialog = w.composer_dialog
    qtbot.addWidget(dialog)
    assert dialog.case.id == "long" and len(dialog.case.events) == LONG
    assert reads == [False] and computed == []  # one reading, in a worker
    assert not _busy() and w.statusBar().currentMessage() == ""
    QThreadPool.globalInstance().waitForDone(5000)
    assert w.findChildren(type(dialog)) == [dialog]  # one composer for the two clicks
    dialog.reject()


def test_a_reply_on_a_long_case_opens_once_it_is_read_off_the_gui_thread(qtbot, long_window, reads):
    w = long_window
    assert w.mail_ops.paste_reply("We will call you back.") is None
    assert w.statusBar().currentMessage() == tr("gui.status.reading_reply")
    qtbot.waitUntil(lambda: w.mail_ops.dialog is not None, timeout=30_000)
    qtbot.addWidget(w.mail_ops.dialog)
    assert w.mail_ops.dialog.case.id == "long" and len(w.mail_ops.dialog.case.events) == LONG
    assert reads == [False] and not _busy()
    w.mail_ops.dialog.reject()


def test_showing_another_case_meanwhile_drops_the_letter(qtbot, long_window, reads):
    w = long_window
    w.compose_ops.compose("complaint")
    assert _busy()
    w.case_view.selectRow(w.cases.row_of("demo-red-2016"))
    assert not _busy() and w.statusBar().currentMessage() == ""
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # the worker's result, delivered (and dropped) by the event loop
    assert getattr(w, "composer_dialog", None) is None
    assert w.pane.header.id == "demo-red-2016"


def test_a_reading_that_fails_says_so_and_opens_nothing(qtbot, long_window, monkeypatch):
    def broken(self, case_id, **kwargs):
        raise OSError("disk unplugged")

    monkeypatch.setattr(Store, "load_case", broken)
    w = long_window
    w.compose_ops.compose("complaint")
    qtbot.waitUntil(lambda: not _busy(), timeout=30_000)
    assert w.statusBar().currentMessage() == tr(
        "gui.status.reading_failed", detail="disk unplugged"
    )
    assert getattr(w, "composer_dialog", None) is None


def test_a_short_case_opens_the_composer_at_once(qtbot, window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    dialog = window.compose_ops.compose("complaint")
    assert dialog is not None and dialog.case.id == "demo-red-2016" and not _busy()
    dialog.reject()


def test_switching_language_while_reading_leaves_no_busy_cursor(qtbot, long_window):
    w = long_window
    w.compose_ops.compose("complaint")
    assert _busy()
    w.set_language("fr")
    assert not _busy()
    w.set_language("en")
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)
    assert getattr(w, "composer_dialog", None) is None


def test_the_reply_of_a_long_case_is_read_in_a_worker(qtbot, long_window, monkeypatch):
    """Past ``APART`` events, the ladder over them all is not walked on the GUI thread."""
    import threading

    from plainte.core import react
    from plainte.gui import reply_dialog

    where: list[bool] = []
    real = react.read_reply

    def spy(*args, **kwargs):
        where.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(reply_dialog, "read_reply", spy)
    monkeypatch.setattr(reply_dialog, "APART", 5_000)
    w = long_window
    w.mail_ops.paste_reply("We have closed your complaint. This is our final response.")
    qtbot.waitUntil(lambda: w.mail_ops.dialog is not None, timeout=30_000)
    dialog = w.mail_ops.dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.reading is not None, timeout=30_000)
    assert dialog.reading.kind == "final_response" and where == [False]
    assert dialog.log_button.isEnabled()
    dialog.text.setPlainText("")
    dialog.read()
    assert dialog.reading is None and not dialog.log_button.isEnabled()
    dialog.reject()
