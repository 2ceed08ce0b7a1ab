"""E-mails and replies: messages dropped on the timeline, and *Paste their reply*."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMessageBox

from plainte.core.i18n import tr, trn
from plainte.core.model import Direction, Want
from plainte.gui import commands
from plainte.gui.worker import run_in_background

if TYPE_CHECKING:
    from plainte.core.mail import Mail
    from plainte.gui.main_window import MainWindow
    from plainte.gui.reply_dialog import ReplyDialog

SUFFIXES = (".eml", ".mbox")


def mail_paths(mime) -> list[Path]:
    """The local ``.eml`` and ``.mbox`` files a drag carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in SUFFIXES]


class _DropTarget(QObject):
    """Lets the timeline take e-mail files dropped on it."""

    def __init__(self, ops: MailOps) -> None:
        super().__init__(ops.window)
        self.ops = ops

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.ops.window.case_header and mail_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = mail_paths(event.mimeData())
            if self.ops.window.case_header and paths:
                event.acceptProposedAction()
                self.ops.add_paths(paths)
                return True
        return False


class MailOps:
    """Bring e-mails into the selected case, and read the provider's replies."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.task = None
        self.dialog: ReplyDialog | None = None
        self._drop = _DropTarget(self)

    def actions(self) -> dict[str, QAction]:
        """*Add e-mails…* (File menu) and *Paste their reply…* (Saga menu and toolbar)."""
        w = self.window
        add = QAction(tr("mail.gui.action"), w)
        add.setObjectName("add_mail")
        add.triggered.connect(lambda _c=False: self.add_mail_files())
        paste = QAction(tr("react.gui.action"), w)
        paste.setObjectName("paste_reply")
        paste.setShortcut(QKeySequence("Ctrl+R"))
        paste.triggered.connect(lambda _c=False: self.paste_reply())
        return {"add_mail": add, "paste_reply": paste}

    def accept_drops(self, view: QAbstractItemView) -> None:
        """Take e-mail files dropped on ``view`` (the timeline)."""
        view.setAcceptDrops(True)
        view.viewport().setAcceptDrops(True)
        view.viewport().installEventFilter(self._drop)
        view.setToolTip(tr("mail.gui.drop_hint"))

    def add_mail_files(self) -> None:
        """Ask which e-mail files, then add them."""
        w = self.window
        if not w.case_header:
            return
        paths, _ = QFileDialog.getOpenFileNames(w, tr("mail.gui.action"), "", tr("mail.gui.filter"))
        if paths:
            self.add_paths([Path(p) for p in paths])

    def add_paths(self, paths: list[Path]):
        """Read the messages off the GUI thread, then add the new ones in one undoable step.

        The newest message from the provider is then read as a reply.
        """
        from plainte.core.mail import MailError, read_messages, store_raw

        w = self.window
        if not w.case_header:
            return None
        case_id, data_dir = w.case_header.id, w.store.data_dir

        def work():
            errors: list[MailError] = []
            mails: list[Mail] = []
            for path in paths:
                try:
                    mails.extend(read_messages(path, errors))
                except MailError as exc:
                    errors.append(exc)
            for mail in mails:
                store_raw(data_dir, mail)
            return mails, errors

        def done(result) -> None:
            self._added(case_id, *result)

        self.task = run_in_background(work, done, w.ops.report)
        return self.task

    def _added(self, case_id: str, mails: list[Mail], errors: list) -> None:
        from plainte.core.mail import to_event

        w = self.window
        case = w.store.case_header(case_id)  # its own fields: the events are not read whole
        known = {e.id: e for e in w.store.load_events(case_id, ids=[m.event_id for m in mails])}
        own = {w.prefs.email} if w.prefs.email else set()
        pairs, new = [], []
        for mail in mails:
            event = known.get(mail.event_id)
            if event is None:
                event = to_event(mail, case, own)
                known[event.id] = event
                new.append(event)
            pairs.append((mail, event))
        stored = True
        if new:
            command = commands.AddEvents(w.editor, case_id, new, commands.label("mail.gui.undo"))
            stored = w.ops.apply(command)
        w.ops.status(trn("mail.gui.added", len(new) if stored else 0, known=len(pairs) - len(new)))
        if errors:
            listed = "\n".join(str(e) for e in errors)
            QMessageBox.warning(w, "plainte", tr("mail.gui.refused", errors=listed))
        incoming = [(m, e) for m, e in pairs if e.direction is Direction.IN]
        if stored and incoming and w.case_header and w.case_header.id == case_id:
            mail, event = max(incoming, key=lambda pair: pair[1].at.sort_key)
            self.paste_reply(text=f"{mail.subject}\n{mail.body}", event=event)

    def paste_reply(self, text: str = "", event=None) -> ReplyDialog | None:
        """Open the reply reader on the selected case (on ``text``, or empty to paste).

        Return:
            The dialog, or None when there is no case or a long one is read first
            (the dialog opens once it is: :attr:`dialog`).
        """
        w = self.window
        if not w.case_header:
            return None
        opened: list[ReplyDialog] = []
        w.pane.when_read("reply", lambda case: opened.append(self._open(case, text, event)))
        return opened[0] if opened else None

    def _open(self, case, text: str, event) -> ReplyDialog:
        """The reply reader on the whole ``case``, read."""
        from plainte.gui.reply_dialog import ReplyDialog

        w = self.window
        dialog = ReplyDialog(w, case, w.ladders.for_case(case), w.today, text=text, event=event)
        dialog.log_requested.connect(lambda ev: self._log(dialog, ev))
        dialog.letter_requested.connect(self._write)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _log(self, dialog: ReplyDialog, event) -> None:
        """Open the event dialog on the prefilled reply; store what the person confirms."""
        w = self.window
        if not w.case_header:
            return
        is_new = not w.store.load_events(w.case_header.id, ids=[event.id])  # not the whole case
        edited = w.event_ops.edit_in_dialog(event, is_new=is_new)
        if edited is not None and w.event_ops.save(edited, commands.label("react.gui.undo")):
            dialog.logged(edited)

    def _write(self, letter: str, wants: str | None) -> None:
        """Open the composer on the letter; ask for ``wants`` in the case first (undoable)."""
        w = self.window
        if not w.case_header:
            return
        if wants and all(want.kind != wants for want in w.case_header.wants):
            case = replace(w.case_header, wants=[*w.case_header.wants, Want(kind=wants)])
            w.ops.apply(commands.SaveCase(w.editor, case, commands.label("react.gui.undo_wants")))
        w.compose_ops.compose(letter)
