"""A person's main paths through the app, driven on real widgets."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from plainte.core.model import CaseStatus, Direction
from plainte.gui.case_dialog import CaseDialog
from plainte.gui.case_pane import DASHBOARD, LADDER, PROMISES
from plainte.gui.event_dialog import EventDialog, PromiseDialog

from .conftest import TODAY


def _new_case(qtbot, window, answer):
    def fill(dialog: CaseDialog):
        qtbot.keyClicks(dialog.title, "Broadband down since August")
        qtbot.keyClicks(dialog.provider, "Examplecom")
        qtbot.keyClicks(dialog.handle, "@examplecom")
        dialog.country.setCurrentIndex(dialog.country.findData("GB"))
        dialog.sector.setCurrentIndex(dialog.sector.findData("internet"))
        qtbot.keyClicks(dialog.account, "ACC-1")
        dialog.accept()

    answer(CaseDialog, fill)
    return window.case_ops.new_case()


def test_create_a_case(qtbot, window, answer):
    case = _new_case(qtbot, window, answer)
    assert window.pages.currentIndex() == 1
    stored = window.store.load_case(case.id)
    assert (stored.provider, stored.country, stored.sector) == ("Examplecom", "GB", "internet")
    assert stored.customer.name == "Alex Smith"  # from the settings
    assert window.case.id == case.id


def test_a_case_needs_a_title_and_a_company(qtbot, window, monkeypatch):
    dialog = CaseDialog(window, None, window.prefs)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and "title" in dialog.error.text()
    qtbot.keyClicks(dialog.title, "x")
    dialog.accept()
    assert "company" in dialog.error.text()


def test_quick_log_three_events(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    window.activateWindow()
    qtbot.waitExposed(window)
    window.acts["they_called"].trigger()
    answer(
        EventDialog,
        lambda d: (
            qtbot.keyClicks(d.counterpart, "Priya"),
            qtbot.keyClicks(d.reference, "INC-204981"),
            d.wait.setValue(42),
            d.accept(),
        ),
    )
    window.acts["i_called"].trigger()
    answer(EventDialog, lambda d: (qtbot.keyClicks(d.summary, "Written complaint"), d.accept()))
    window.acts["email_sent"].trigger()
    events = window.store.load_case(window.case.id).events
    assert [(e.channel.value, e.direction.value, e.answered) for e in events] == [
        ("phone", "in", False),
        ("phone", "out", True),
        ("email", "out", False),
    ]
    assert all(e.at.day == TODAY for e in events)
    assert events[1].counterpart == "Priya" and events[1].wait_minutes == 42
    assert window.pane.timeline.rowCount() == 3
    window.pane.tabs.setCurrentIndex(DASHBOARD)
    assert window.pane.dashboard.values["calls_without_message"].text() == "1"


def test_a_date_that_does_not_parse_is_shown_not_dropped(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    event = window.event_ops.draft(window.last_channel, Direction.OUT)
    dialog = EventDialog(window, event, [], window.store.data_dir, is_new=True)
    qtbot.addWidget(dialog)
    dialog.when.edit.setText("")
    qtbot.keyClicks(dialog.when.edit, "yesterday")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() != QDialog.DialogCode.Accepted  # kept open, the text kept
    assert "yesterday" in dialog.when.error.text()
    assert dialog.when.edit.text() == "yesterday"
    dialog.when.edit.setText("2026-08-20 09:30")
    assert dialog.when.error.text() == ""
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_event().at.value.hour == 9


def test_a_promise_goes_overdue_and_is_marked_broken(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    due = (TODAY + timedelta(days=2)).isoformat()

    def fill(dialog: PromiseDialog):
        qtbot.keyClicks(dialog.text, "An engineer will call back")
        qtbot.keyClicks(dialog.due.edit, due)
        dialog.accept()

    answer(PromiseDialog, fill)
    window.acts["promise_made"].trigger()
    window.pane.tabs.setCurrentIndex(PROMISES)
    panel = window.pane.promises_panel
    assert panel.model.entries[0].state == "pending"
    window.today = TODAY + timedelta(days=5)
    window.refresh_cases()
    assert panel.model.entries[0].state == "overdue"
    index = panel.model.index(0, 4)
    assert index.data() == "Overdue"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert window.cases.index(0, 4).data() == 1  # broken promises in the case list
    panel.select_row(0)
    qtbot.mouseClick(panel.broken, Qt.MouseButton.LeftButton)
    assert panel.model.entries[0].state == "broken"
    text = panel.model.index(0, panel.model.COLUMNS.index("text"))
    assert text.data(Qt.ItemDataRole.FontRole).strikeOut()  # broken looks broken
    assert panel.model.index(0, 4).data(Qt.ItemDataRole.ForegroundRole) is not None
    window.undo_stack.undo()
    assert panel.model.entries[0].state == "overdue"


def test_compose_a_formal_notice_and_mark_it_sent(qtbot, window):
    window.case_ops.load_demo()
    window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)  # still running that day
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.today = window.today.replace(year=2016, month=10, day=1)
    window.refresh_cases()
    dialog = window.compose_ops.compose("formal-notice")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Mise en demeure" in dialog.preview.toPlainText(), timeout=5000)
    assert dialog.channel.currentData() == "registered_letter"
    dialog.platform.setCurrentIndex(dialog.platform.findData("x"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("satire"))
    qtbot.waitUntil(lambda: "/ 280" in dialog.counter.text(), timeout=5000)
    dialog.kind.setCurrentIndex(dialog.kind.findData("formal-notice"))
    qtbot.waitUntil(lambda: "Mise en demeure" in dialog.preview.toPlainText(), timeout=5000)
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    case = window.store.load_case("demo-red-2016")
    sent = case.events[-1]
    assert sent.step == "formal_notice" and sent.channel.value == "registered_letter"
    (letter,) = sent.attachments  # the letter itself is kept as evidence
    assert letter.name == "formal-notice-2016-10-01.txt"
    from plainte.core.attachments import stored_path

    assert "Mise en demeure" in stored_path(window.store.data_dir, letter).read_text("utf-8")
    assert sent.at.day.isoformat() == "2016-10-01"
    window.pane.tabs.setCurrentIndex(LADDER)
    steps = {s.step.id: s for s in window.pane.ladder_panel.state.steps}
    assert steps["formal_notice"].status == "done"


def test_undo_a_deletion(qtbot, window, say_yes):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    window.pane.timeline_view.selectRow(3)
    gone = window.selected_event().id
    window.event_ops.delete_event()
    assert gone not in {e.id for e in window.store.load_case("demo-rogers-2010").events}
    assert window.pane.timeline.rowCount() == 13
    window.undo_action.trigger()
    case = window.store.load_case("demo-rogers-2010")
    assert gone in {e.id for e in case.events}
    assert next(e for e in case.events if e.id == gone).promises[0].id == "rp1"
    window.case_ops.delete_case()
    assert not window.store.has_case("demo-rogers-2010")
    window.undo_stack.undo()
    assert len(window.store.load_case("demo-rogers-2010").events) == 14
    window.undo_stack.redo()
    assert not window.store.has_case("demo-rogers-2010")


def test_switching_assistant_to_the_end(qtbot, window, tmp_path):
    window.case_ops.load_demo()
    window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)  # relive it before the switch
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    wizard = window.compose_ops.switch_assistant()
    qtbot.addWidget(wizard)
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()  # export first
    out = tmp_path / "evidence"
    out.mkdir()
    wizard.export_page.export_to(out)
    files = sorted(p.suffix for p in out.iterdir())
    assert files == ["", ".csv", ".html", ".ics", ".json"]  # the pack folder and the exports
    pack = next(p for p in out.iterdir() if p.is_dir())
    assert (pack / "manifest.csv").is_file() and (pack / "chronologie.pdf").is_file()  # in French
    assert wizard.button(wizard.WizardButton.NextButton).isEnabled()
    wizard.next()
    assert "3179" in wizard.currentPage().findChildren(type(window.pane.title))[0].text()
    wizard.next()
    assert any("Unlocking is free" in b.text() for b in wizard.checkboxes)  # the interface language
    wizard.next()
    wizard.accept()
    assert window.store.load_case("demo-red-2016").status is CaseStatus.SWITCHED
    window.undo_stack.undo()
    assert window.store.load_case("demo-red-2016").status is CaseStatus.OPEN


def test_on_a_call_logs_the_call_and_offers_the_recap(qtbot, window, answer, no_modal_boxes):
    _new_case(qtbot, window, answer)
    now = [1000.0]
    call = window.call_ops.on_a_call()
    call.clock = lambda: now[0]
    qtbot.addWidget(call)
    assert call.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    call.hold_button.click()  # start
    now[0] += 125
    assert call.display.text() == "00:00"
    call._tick()
    assert call.display.text() == "02:05"
    call.hold_button.click()  # stop after 125 s
    qtbot.keyClicks(call.agent, "Priya")
    qtbot.keyClicks(call.reference, "INC-204981")
    qtbot.keyClicks(call.promise, "A credit of £20")
    qtbot.mouseClick(call.hang_up, Qt.MouseButton.LeftButton)
    assert no_modal_boxes == []
    event = window.store.load_case(window.case.id).events[-1]
    assert event.wait_minutes == 3 and event.counterpart == "Priya"
    assert event.promises[0].text == "A credit of £20"
    recap = window.recap_box.text.toPlainText()
    assert "with Priya, reference INC-204981" in recap and "A credit of £20" in recap
    QThreadPool.globalInstance().waitForDone(2000)


def test_attachments_are_copied_under_their_sha256(qtbot, window, answer, tmp_path):
    import hashlib

    _new_case(qtbot, window, answer)
    evidence = tmp_path / "screenshot.png"
    evidence.write_bytes(b"\x89PNG fake screenshot bytes")
    event = window.event_ops.draft(window.last_channel, Direction.IN)
    dialog = EventDialog(window, event, [], window.store.data_dir, is_new=True)
    qtbot.addWidget(dialog)
    attachment = dialog.attach(evidence)
    sha = hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert attachment.sha256 == sha and attachment.size == evidence.stat().st_size
    assert (
        window.store.data_dir / "attachments" / sha[:2] / sha
    ).read_bytes() == evidence.read_bytes()
    window.event_ops.save(dialog.result_event(), "x")
    stored = window.store.load_case(window.case.id).events[-1]
    assert stored.attachments[0].name == "screenshot.png"


def test_pdf_export_runs_in_the_background(qtbot, window, tmp_path):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    target = tmp_path / "rogers.pdf"
    task = window.export_ops.export_to(target, "pdf")
    with qtbot.waitSignal(task.signals.done, timeout=20000):
        pass
    assert target.read_bytes().startswith(b"%PDF")
    assert "Exported to" in window.statusBar().currentMessage()


def test_an_edit_shows_as_amended_with_its_history(qtbot, window, answer, journal_clock):
    window.case_ops.load_demo()
    journal_clock(60)  # an hour after loading: an amendment, not a correction
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.pane.timeline_view.selectRow(2)
    answer(EventDialog, lambda d: (d.summary.setPlainText("Corrected summary"), d.accept()))
    window.event_ops.edit_event()
    row = next(
        r
        for r in range(window.pane.timeline.rowCount())
        if window.pane.timeline.event_at(r).id == "e3"
    )
    index = window.pane.timeline.index(row, window.pane.timeline.COLUMNS.index("summary"))
    assert index.data().startswith("✎ Corrected summary")
    assert "Amended on" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.pane.timeline_view.selectRow(index.row())
    window.event_ops.show_history()
    history = window.history_box.text.toPlainText()
    assert "Event logged (the original)" in history and "Event amended" in history
    assert "Message privé au community manager" in history and "Corrected summary" in history


def test_the_ladder_offers_the_filing_pack_on_the_ombudsman_step(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.pane.tabs.setCurrentIndex(LADDER)
    tree = window.pane.ladder_panel.tree
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "ombudsman"
    )
    tree.setCurrentItem(item)
    assert not window.pane.ladder_panel.pack_button.isHidden()
    tree.setCurrentItem(tree.topLevelItem(0))
    assert window.pane.ladder_panel.pack_button.isHidden()
