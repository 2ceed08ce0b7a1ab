"""The ladder panel: where the case stands, each step's dates, the next letter one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainte.core import event_text, i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, Event
from plainte.gui.colors import status_color
from plainte.gui.widgets import PlainLabel

TYPE_CHECKING = False  # the ladders (and YAML) are read when the tab is first shown
if TYPE_CHECKING:
    from plainte.core.ladder import LadderState

COLUMNS = ("step", "status", "opens", "done_on", "deadline")


def _deadline(state, lang: str) -> str:
    """A deadline, or for a soft one the day past which the body may refuse."""
    if state.deadline is None:
        return "—"
    day = i18n.format_date(state.deadline)
    return tr("ladder.soft_deadline", lang, deadline=day) if state.deadline_soft else day


class LadderPanel(QWidget):
    """Emits ``write`` with a letter kind when the person asks for a step's letter."""

    write = Signal(str)
    pack = Signal()
    confirm = Signal(str, str)  # step id, event id: "this event did the step"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.state: LadderState | None = None
        self.case: Case | None = None
        self.lang = "en"
        self.headline = PlainLabel()
        self.headline.setObjectName("ladderNext")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.reviewed = PlainLabel()
        self.reviewed.setObjectName("ladderReviewed")
        self.reviewed.setWordWrap(True)
        self.reviewed.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setObjectName("ladderSteps")
        self.tree.setAccessibleName(tr("gui.tabs.ladder"))
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.setHeaderLabels([tr(f"gui.ladder.{c}") for c in COLUMNS])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            self.tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.detail = PlainLabel()
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.letter_button = QPushButton(tr("gui.ladder.write"))
        self.letter_button.clicked.connect(self._write)
        self.pack_button = QPushButton(tr("gui.ladder.pack"))
        self.pack_button.clicked.connect(self.pack.emit)
        self.pack_button.setVisible(False)
        self.confirm_button = QPushButton(tr("gui.ladder.confirm"))
        self.confirm_button.clicked.connect(self._confirm)
        self.confirm_button.setVisible(False)
        buttons = QVBoxLayout()
        buttons.addWidget(self.letter_button)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.pack_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.detail, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.reviewed)
        layout.addWidget(self.tree, 3)
        layout.addLayout(row, 2)
        self.tree.currentItemChanged.connect(self._selected)

    def show_state(self, state: LadderState | None, lang: str, case: Case | None = None) -> None:
        """Show ``state`` in ``lang``; ``case`` names the events that did or suggest each step."""
        self.state, self.lang, self.case = state, lang, case
        self.tree.clear()
        if state is None:
            self.headline.setText("")
            self.reviewed.setText("")
            self.detail.setText("")
            self.letter_button.setEnabled(False)
            return
        from plainte.core.ladder_text import next_action, review_note

        self.headline.setText(next_action(state, lang))
        self.reviewed.setText(review_note(state, lang))
        self.reviewed.setVisible(bool(self.reviewed.text()))
        focus = state.next_step()
        for step_state in state.steps:
            step = step_state.step
            title = step.title[lang] + (f" ({tr('gui.ladder.parallel')})" if step.parallel else "")
            shown = step_state.shown
            done_on = step_state.done_on or step_state.suggested_on
            item = QTreeWidgetItem(
                [
                    title,
                    tr(f"ladder.status.{shown}"),
                    _short(step_state.opens_on),
                    _short(done_on) + (" ?" if step_state.done_on is None and done_on else ""),
                    _deadline(step_state, lang),
                ]
            )
            item.setToolTip(0, title)
            item.setForeground(1, status_color(shown, self.palette()))
            item.setData(0, Qt.ItemDataRole.UserRole, step.id)
            self.tree.addTopLevelItem(item)
            if focus is step_state:
                self.tree.setCurrentItem(item)
        if focus is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))

    def _step(self):
        item = self.tree.currentItem()
        if item is None or self.state is None:
            return None
        step_id = item.data(0, Qt.ItemDataRole.UserRole)
        # None while the tree is cleared for another case's ladder (its step ids differ)
        return next((s for s in self.state.steps if s.step.id == step_id), None)

    def _selected(self, *_args) -> None:
        state = self._step()
        if state is None:
            return
        step = state.step
        lines = [step.action[self.lang]]
        bodies = step.body.get("bodies") or ([step.body] if step.body.get("name") else [])
        for body in bodies:  # e.g. the Communications Ombudsman and CISAS
            lines.append(f"{body['name']} {body.get('url') or ''}".strip())
        if step.body.get("address"):
            lines.append(step.body["address"])
        done_by = self._event(state.done_by_event or state.suggested_by_event)
        if done_by is not None:
            key = "gui.ladder.done_by" if state.done_on else "gui.ladder.suggested_by"
            lines.append(tr(key, event=self._describe(done_by)))
        if state.why:
            lines.append(tr("ladder.because", why=state.why[self.lang]))
        if step.check:
            lines.append("⚠ " + tr("gui.ladder.check", text=step.check[self.lang]))
        self.detail.setText("\n".join(lines))
        self.letter_button.setEnabled(step.letter is not None and state.status != "done")
        self.confirm_button.setVisible(state.done_on is None and done_by is not None)
        self.pack_button.setVisible(step.kind == "adr")
        self.letter_button.setProperty("kind", step.letter)

    def _event(self, event_id: str | None) -> Event | None:
        if event_id is None or self.case is None:
            return None
        return next((e for e in self.case.events if e.id == event_id), None)

    def _describe(self, event: Event) -> str:
        """The event in one line: date, channel, direction, its words."""
        parts = [
            i18n.format_date(event.at.day),
            tr(f"channel.{event.channel.value}"),
            event_text.direction_word(event.direction.value, event.kind.value).lower(),
        ]
        words = event_text.summary(event)
        if words:
            parts.append(event_text.quoted(words, self.lang))
        return " · ".join(parts)

    def _confirm(self) -> None:
        state = self._step()
        if state is not None and state.suggested_by_event:
            self.confirm.emit(state.step.id, state.suggested_by_event)

    def _write(self) -> None:
        kind = self.letter_button.property("kind")
        if kind:
            self.write.emit(kind)


def _short(day) -> str:
    return i18n.format_date_short(day) if day else "—"
