"""The window's actions, menus and quick-log toolbar, built in the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QToolBar

from plainte.core import i18n
from plainte.core.i18n import tr

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow

QUICK = ("they_called", "i_called", "email_sent", "promise_made")
LETTERS = ("paste_reply", "on_call", "compose", "switch")
EXPORTS = (
    "export_pdf",
    "export_html",
    "export_pack",
    "export_png",
    "export_ics",
    "export_json",
    "export_csv",
    "add_mail",
)
NEED_A_CASE = (
    "edit_case",
    "case_history",
    "delete_case",
    "new_event",
    "edit_event",
    "delete_event",
    *QUICK,
    *LETTERS,
    "export_json",
    "export_csv",
    "add_mail",
)


def _action(window: MainWindow, key: str, slot, shortcut=None) -> QAction:
    action = QAction(tr(f"gui.actions.{key}"), window)
    action.setObjectName(key)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(w: MainWindow) -> dict[str, QAction]:
    """Every action of the window, each wired to its feature's operation."""
    cases, events, promises = w.case_ops, w.event_ops, w.promise_ops
    exports, composing = w.export_ops, w.compose_ops

    def a(key, slot, shortcut=None):
        return _action(w, key, slot, shortcut)

    acts = {
        "new_case": a("new_case", cases.new_case, QKeySequence.StandardKey.New),
        "edit_case": a("edit_case", cases.edit_case, "Ctrl+Shift+E"),
        "delete_case": a("delete_case", cases.delete_case),
        "import": a("import", w.import_ops.import_files, QKeySequence.StandardKey.Open),
        **{
            f"export_{fmt}": a(f"export_{fmt}", lambda fmt=fmt: exports.export(fmt))
            for fmt in ("json", "csv", "html", "ics", "png", "pack")
        },
        "export_pdf": a("export_pdf", lambda: exports.export("pdf"), "Ctrl+P"),
        "history": a("history", events.show_history, "Ctrl+H"),
        "case_history": a("case_history", cases.show_history, "Ctrl+Shift+H"),
        "demo": a("demo", cases.load_demo),
        "settings": a("settings", w.open_settings, "Ctrl+,"),
        "quit": a("quit", w.close, QKeySequence.StandardKey.Quit),
        "new_event": a("new_event", events.new_event, "Ctrl+E"),
        "edit_event": a("edit_event", events.edit_event, "Return"),
        "delete_event": a("delete_event", events.delete_event, QKeySequence.StandardKey.Delete),
        "they_called": a("they_called", events.log_they_called, "Ctrl+1"),
        "i_called": a("i_called", events.log_i_called, "Ctrl+2"),
        "email_sent": a("email_sent", events.log_email_sent, "Ctrl+3"),
        "promise_made": a("promise_made", promises.log_promise, "Ctrl+4"),
        "on_call": a("on_call", w.call_ops.on_a_call, "Ctrl+T"),
        "compose": a("compose", lambda: composing.compose(None), "Ctrl+L"),
        "switch": a("switch", composing.switch_assistant),
        "find": a("find", w.pane.search.setFocus, QKeySequence.StandardKey.Find),
        **w.mail_ops.actions(),
    }
    for key in ("edit_event", "delete_event"):  # keys of the timeline, not of the window
        acts[key].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        w.pane.timeline_view.addAction(acts[key])
    w.addAction(acts["find"])
    return acts


def build_undo(w: MainWindow) -> tuple[QAction, QAction]:
    """Undo and Redo, each saying in the status bar what it undid or did again."""
    stack, say = w.undo_stack, w.statusBar().showMessage
    undo = stack.createUndoAction(w, tr("gui.actions.undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(lambda: say(tr("gui.status.undone", what=stack.redoText())))
    redo = stack.createRedoAction(w, tr("gui.actions.redo"))
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    redo.triggered.connect(lambda: say(tr("gui.status.redone", what=stack.undoText())))
    return undo, redo


def build_languages(w: MainWindow) -> dict[str, QAction]:
    """One checkable action per interface language."""
    languages = {}
    for lang, name in (("fr", "Français"), ("en", "English")):
        action = QAction(name, w)
        action.setCheckable(True)
        action.setChecked(lang == i18n.language())
        action.triggered.connect(lambda _c=False, code=lang: w.set_language(code))
        languages[lang] = action
    return languages


def build_menus(w: MainWindow) -> None:
    """The menu bar: File, Edit, Saga, Language."""
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("gui.menu.file"))
    for key in ("new_case", "import", "add_mail"):
        file_menu.addAction(w.acts[key])
    export = file_menu.addMenu(tr("gui.menu.export"))
    for key in EXPORTS:
        export.addAction(w.acts[key])
    file_menu.addAction(w.acts["demo"])
    file_menu.addSeparator()
    file_menu.addAction(w.acts["settings"])
    file_menu.addSeparator()
    file_menu.addAction(w.acts["quit"])
    edit = bar.addMenu(tr("gui.menu.edit"))
    edit.addAction(w.undo_action)
    edit.addAction(w.redo_action)
    edit.addSeparator()
    for key in ("new_event", "edit_event", "delete_event", "history"):
        edit.addAction(w.acts[key])
    edit.addSeparator()
    for key in ("edit_case", "case_history", "delete_case"):
        edit.addAction(w.acts[key])
    saga = bar.addMenu(tr("gui.menu.saga"))
    for key in QUICK:
        saga.addAction(w.acts[key])
    saga.addSeparator()
    for key in LETTERS:
        saga.addAction(w.acts[key])
    view = bar.addMenu(tr("gui.menu.language"))
    for action in w.languages.values():
        view.addAction(action)


def build_toolbar(w: MainWindow) -> QToolBar:
    """The quick-log toolbar: one click per thing that just happened."""
    bar = QToolBar(tr("gui.toolbar"))
    bar.setObjectName("quickLog")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    from plainte.gui.when_box import WhenBox

    w.when_box = WhenBox()
    label = QLabel(tr("gui.when.toolbar"))
    label.setObjectName("quickWhenLabel")
    label.setBuddy(w.when_box)
    label.setContentsMargins(4, 0, 4, 0)
    bar.addWidget(label)
    bar.addWidget(w.when_box)
    for key in QUICK:
        bar.addAction(w.acts[key])
    bar.addSeparator()
    for key in LETTERS:
        bar.addAction(w.acts[key])
    for action in bar.actions():
        if action.shortcut().toString():
            action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
    w.addToolBar(bar)
    return bar
