"""Events: log (quick or in the dialog), edit, delete, and read an event's history."""

from __future__ import annotations

import copy
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import CaseStatus, Channel, Direction, Event, parse_typed_when
from plainte.gui import commands
from plainte.gui.widgets import shown

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow


def now_on(today: date) -> datetime:
    """Now, on the app's "today" (which tests and demos may set)."""
    moment = datetime.now().replace(second=0, microsecond=0)
    return moment if moment.date() == today else datetime.combine(today, moment.time())


class EventOps:
    """What a person does to the events of the selected case."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def steps(self) -> list[tuple[str, str]]:
        """The ladder steps of the case, as (id, title in the interface language)."""
        w = self.window
        if not w.case_header:
            return []
        ladder = w.ladders.for_case(w.case_header)
        return [(s.id, s.title[i18n.language()]) for s in ladder.steps]

    def draft(self, channel: Channel, direction: Direction, answered: bool = True) -> Event | None:
        """A new event at the moment the toolbar's "when" says (now by default), not stored.

        None, and the person told why, when that text is no past moment.
        """
        now = now_on(self.window.today)
        box = getattr(self.window, "when_box", None)
        moment = box.moment(now) if box is not None else now
        if moment is None:
            self.window.ops.report(ValueError(tr("gui.when.bad", value=box.currentText())))
            return None
        import uuid  # imported when first used: its platform probe costs every start

        when = parse_typed_when(moment.strftime("%Y-%m-%d %H:%M"))
        return Event(
            id=str(uuid.uuid4()), at=when, channel=channel, direction=direction, answered=answered
        )

    def edit_in_dialog(self, event: Event, *, is_new: bool) -> Event | None:
        """Open the event dialog; return the edited event, or None if cancelled."""
        from plainte.gui.event_dialog import EventDialog

        w = self.window
        dialog = EventDialog(w, event, self.steps(), w.store.data_dir, is_new=is_new)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_event()

    def save(
        self, event: Event, label: str | commands.Label, base: Event | None = None, sent=None
    ) -> bool:
        """Store ``event`` in the selected case (new or amended from ``base``), undoable."""
        w = self.window
        if not w.case_header:
            return False
        ended_on = self._ended_before(event)
        if ended_on is not None and not self.ask_to_reopen(ended_on, event, label):
            return False  # the person kept the saga ended: nothing stored
        w.last_channel = event.channel
        command = commands.SaveEvent(w.editor, w.case_header.id, event, label, base, sent)
        said = commands.as_label(label)
        if ended_on is None:
            stored = w.ops.apply(command, tr("gui.status.logged", what=said()))
        else:  # the event and the reopening: one undo step

            def group() -> str:
                return tr("overview.reopen.undo", what=said().rstrip("…"))

            reopen = commands.SetCaseStatus(w.editor, w.case_header.id, CaseStatus.OPEN, group)
            stored = w.ops.apply_all(
                [command, reopen], group, tr("overview.reopen.done", what=said().rstrip("…"))
            )
        if stored and getattr(w, "when_box", None) is not None:
            w.when_box.reset()  # the next quick log is "now" again
        return stored

    def _ended_before(self, event: Event) -> date | None:
        """The day the selected saga ended, when it ended before ``event``'s day; else None.

        Logging after the end would silently restart its figures ("day 10" becoming
        "day 3724"): the person is asked first. An event inside the saga is not.
        """
        w = self.window
        header = w.case_header
        if header is None or header.status is CaseStatus.OPEN:
            return None
        from plainte.core.dated import judged_from_end

        # read from the end: a long case is not read whole to find the day it ended
        ended_on = judged_from_end(
            header.status, w.store.iter_events(header.id, 64, backwards=True), w.today
        )
        return ended_on if event.at.day > ended_on else None

    def ask_to_reopen(self, ended_on: date, event: Event, label: str | commands.Label) -> bool:
        """Ask whether to reopen the ended saga to log ``event``; True for *Reopen and log*."""
        w = self.window
        how = tr(f"ladder.ended_as.{w.case_header.status.value}")
        box = QMessageBox(w)
        box.setObjectName("reopenQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("overview.reopen.title"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(tr("overview.reopen.question", day=i18n.format_date(ended_on), how=how))
        box.setInformativeText(
            shown(
                tr(
                    "overview.reopen.detail",
                    what=commands.as_label(label)().rstrip("…"),
                    when=i18n.format_date(event.at.day),
                )
            )
        )
        reopen = box.addButton(tr("overview.reopen.button"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(tr("gui.cancel"))  # Qt's own word stays English without its catalogue
        box.setDefaultButton(cancel)  # Enter keeps the saga ended: nothing is stored
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is reopen

    def new_event(self) -> None:
        draft = self.draft(self.window.last_channel, Direction.OUT)
        event = draft and self.edit_in_dialog(draft, is_new=True)
        if event:
            self.save(event, commands.label("gui.undo.new_event"))

    def edit_event(self) -> None:
        current = self.window.selected_event()
        if current is None:
            return
        base = copy.deepcopy(current)
        event = self.edit_in_dialog(current, is_new=False)
        if event:
            self.save(event, commands.label("gui.undo.edit_event"), base)

    def delete_event(self) -> None:
        """Retract the selected event after asking (undoable; kept in the history)."""
        w = self.window
        current = w.selected_event()
        if current is None or not w.case_header:
            return
        answer = QMessageBox.question(w, tr("gui.confirm.title"), tr("gui.confirm.delete_event"))
        if answer == QMessageBox.StandardButton.Yes:
            w.ops.apply(
                commands.DeleteEvent(
                    w.editor,
                    w.case_header.id,
                    current.id,
                    commands.label("gui.undo.delete_event"),
                ),
                tr("gui.status.undo_hint"),
            )

    def mark_step(self, step_id: str, event_id: str) -> bool:
        """Say that ``event_id`` is the event that accomplished the ladder step ``step_id``."""
        from dataclasses import replace

        w = self.window
        if w.case_header is None:
            return False
        found = w.store.load_events(w.case_header.id, ids=[event_id])  # that one, not the case
        if not found:
            return False
        event = found[0]
        return self.save(replace(event, step=step_id), commands.label("gui.undo.mark_step"))

    def log_they_called(self) -> None:
        """One keystroke: they called, no one spoke, no message. Logged now.

        No sentence is stored: the fields say it, and each reader says it in
        its own language (``core.event_text``).
        """
        event = self.draft(Channel.PHONE, Direction.IN, answered=False)
        if event:
            self.save(event, commands.label("gui.actions.they_called"))

    def log_i_called(self) -> None:
        draft = self.draft(Channel.PHONE, Direction.OUT)
        event = draft and self.edit_in_dialog(draft, is_new=True)
        if event:
            self.save(event, commands.label("gui.actions.i_called"))

    def log_email_sent(self) -> None:
        # an e-mail just sent has no answer yet: "someone answered" starts unticked
        draft = self.draft(Channel.EMAIL, Direction.OUT, answered=False)
        event = draft and self.edit_in_dialog(draft, is_new=True)
        if event:
            self.save(event, commands.label("gui.actions.email_sent"))

    def show_history(self) -> None:
        """Every recorded version of the selected event, field by field, from the journal."""
        from plainte.core.history import event_entries, event_history
        from plainte.gui.history_dialog import HistoryDialog

        w = self.window
        current = w.selected_event()
        if current is None or not w.case_header:
            w.ops.status(tr("gui.history.none_selected"))
            return
        titles = dict(self.steps())
        versions = event_history(
            event_entries(w.store.conn, w.case_header.id, current.id),
            current.id,
            step_title=lambda s: titles.get(s, s),
        )
        title = tr(
            "gui.history.of_event",
            day=i18n.format_date(current.at.day),
            channel=tr(f"channel.{current.channel.value}"),
            direction=tr(f"direction.{current.direction.value}"),
        )
        box = HistoryDialog(w, title, versions)
        box.show()
        w.history_box = box
