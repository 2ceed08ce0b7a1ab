"""Composing: the letter composer, and the switching assistant that ends a case."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, CaseStatus, Channel, Direction, EventKind
from plainte.gui import commands

if TYPE_CHECKING:
    from plainte.gui.composer_dialog import ComposerDialog
    from plainte.gui.main_window import MainWindow
    from plainte.gui.switch_wizard import SwitchWizard


class ComposeOps:
    """Letters from the record, and leaving the provider."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def compose(self, kind: str | None) -> ComposerDialog | None:
        """Open the composer on ``kind`` (a complaint by default).

        Return:
            The dialog, or None when there is no case or a long one is read first
            (the dialog opens once it is: :attr:`MainWindow.composer_dialog`).
        """
        w = self.window
        if not w.case_header:
            return None
        opened: list[ComposerDialog] = []
        w.pane.when_read("letter", lambda case: opened.append(self._open(case, kind)))
        return opened[0] if opened else None

    def _open(self, case: Case, kind: str | None) -> ComposerDialog:
        """The composer on the whole ``case``, read."""
        from plainte.core.fingerprint import last_entry, of_entries
        from plainte.gui.composer_dialog import ComposerDialog

        w = self.window
        tail = last_entry(w.store.conn, case.id)
        carried = of_entries(tail)  # the fingerprint the letter carries, recorded when sent
        dialog = ComposerDialog(
            w,
            w.composer,
            dataclasses.replace(case, journal=tail),  # the whole case, and its fingerprint
            w.today,
            w.prefs.sender(),
            kind or "complaint",
            w.store.data_dir,
        )
        dialog.sent.connect(
            lambda event: w.event_ops.save(event, commands.label("gui.undo.sent"), sent=carried)
        )
        dialog.saved.connect(w.ops.status)
        w.composer_dialog = dialog
        dialog.open()
        return dialog

    def switch_assistant(self) -> SwitchWizard | None:
        """Open the switching assistant; finishing it marks the case switched."""
        from plainte.gui.switch_wizard import SwitchWizard

        w = self.window
        if not w.case_header:
            return None
        wizard = SwitchWizard(
            w,
            w.ladders.for_case(w.case_header),
            i18n.language(),
            w.export_ops.export_case_files,
            w.today,
        )
        case_id = w.case_header.id

        def finished() -> None:
            """The person left: the switch step is done today, and the case ends."""
            left = w.event_ops.draft(Channel.OTHER, Direction.OUT)
            left.kind, left.step = EventKind.NOTE, "switch"
            label = commands.label("gui.undo.switched")
            w.ops.apply_all(
                [
                    commands.SaveEvent(w.editor, case_id, left, label),
                    commands.SetCaseStatus(w.editor, case_id, CaseStatus.SWITCHED, label),
                ],
                label,
                tr("gui.status.switched"),
            )

        wizard.accepted.connect(finished)
        w.switch_wizard = wizard
        wizard.open()
        return wizard

    def offer_switch(self, header: Case | None) -> None:
        """Offer the switching assistant for a running saga only; an ended one says why not."""
        action = self.window.acts["switch"]
        if action.property("offeredTip") is None:  # once per action: "Switching assistant"
            action.setProperty("offeredTip", action.toolTip())
        ended = header is not None and header.status is not CaseStatus.OPEN
        action.setEnabled(header is not None and not ended)
        how = tr(f"ladder.ended_as.{header.status.value}") if ended else ""
        action.setToolTip(
            tr("gui.switch.not_offered", how=how) if ended else action.property("offeredTip")
        )
