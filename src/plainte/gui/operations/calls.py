"""Calls: the on-a-call window, and the recap e-mail the minute it ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plainte.core.errors import PlainteError
from plainte.core.model import Event
from plainte.gui import commands
from plainte.gui.operations.events import now_on

if TYPE_CHECKING:
    from plainte.gui.call_window import CallWindow
    from plainte.gui.main_window import MainWindow


class CallOps:
    """A call in progress: its notes become an event, then a recap to send."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.call_window: CallWindow | None = None

    def on_a_call(self) -> CallWindow | None:
        """Open the call window for the selected case."""
        from plainte.gui.call_window import CallWindow

        w = self.window
        if not w.case_header:
            return None
        self.call_window = CallWindow(w, w.case_header.provider, now_on(w.today))
        self.call_window.logged.connect(self.call_logged)
        self.call_window.show()
        return self.call_window

    def call_logged(self, event: Event) -> None:
        """Store the call, then show the recap e-mail to send."""
        w = self.window
        if not w.event_ops.save(event, commands.label("gui.actions.i_called")):
            return
        w.pane.when_read("recap", lambda case: self._recap(case, event))

    def _recap(self, case, event: Event) -> None:
        """The recap e-mail of ``event``, written from the whole ``case``, read."""
        from plainte.gui.recap_dialog import RecapDialog

        w = self.window
        try:
            recap = w.composer.compose(
                case, "call-recap", w.today, event_id=event.id, sender=w.prefs.sender()
            )
        except PlainteError as exc:
            w.ops.report(exc)
            return
        w.recap_box = RecapDialog(w, recap.text)
        w.recap_box.show()
