"""The ladder tab: steps done by what the person says, which event did each, an ended saga."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from plainte.core import event_text
from plainte.core.i18n import tr
from plainte.core.model import CaseStatus
from plainte.gui.case_dialog import CaseDialog
from plainte.gui.case_pane import LADDER, TIMELINE
from plainte.gui.event_dialog import EventDialog


def _quebec_case_with_a_discount_email(qtbot, window, answer):
    def fill(dialog: CaseDialog):
        qtbot.keyClicks(dialog.title, "Upgrade refused")
        qtbot.keyClicks(dialog.provider, "Rogers")
        dialog.country.setCurrentIndex(dialog.country.findData("CA-QC"))
        dialog.accept()

    answer(CaseDialog, fill)
    window.case_ops.new_case()
    answer(
        EventDialog, lambda d: (qtbot.keyClicks(d.summary, "Could I get a discount?"), d.accept())
    )
    window.acts["email_sent"].trigger()
    window.pane.tabs.setCurrentIndex(LADDER)
    return window.pane.ladder_panel


def _row(panel, step_id: str):
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == step_id:
            return item
    raise AssertionError(step_id)


def test_an_email_only_suggests_the_written_complaint_and_says_which(qtbot, window, answer):
    panel = _quebec_case_with_a_discount_email(qtbot, window, answer)
    row = _row(panel, "written_complaint")
    assert row.text(1) == "done? (to confirm)"
    assert row.text(3).endswith("?")  # the "done on" column, to confirm
    panel.tree.setCurrentItem(row)
    assert "Could I get a discount?" in panel.detail.text()
    assert panel.confirm_button.isVisibleTo(panel)


def test_mark_as_sent_does_the_step_and_the_ombudsman_waits_with_a_reason(qtbot, window, answer):
    panel = _quebec_case_with_a_discount_email(qtbot, window, answer)
    dialog = window.compose_ops.compose("complaint")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    window.pane.tabs.setCurrentIndex(TIMELINE)
    window.pane.tabs.setCurrentIndex(LADDER)
    state = {s.step.id: s for s in panel.state.steps}
    sent = window.store.load_case(window.case.id).events[-1]
    assert state["written_complaint"].status == "done"
    assert state["written_complaint"].done_by_event == sent.id
    assert _row(panel, "written_complaint").text(1) == "done"
    ombudsman = _row(panel, "ombudsman")
    assert ombudsman.text(1) == "waiting" and state["ombudsman"].why is not None
    panel.tree.setCurrentItem(_row(panel, "written_complaint"))
    assert "Done by:" in panel.detail.text()


def test_confirming_a_suggestion_marks_the_event(qtbot, window, answer):
    panel = _quebec_case_with_a_discount_email(qtbot, window, answer)
    panel.tree.setCurrentItem(_row(panel, "written_complaint"))
    qtbot.mouseClick(panel.confirm_button, Qt.MouseButton.LeftButton)
    assert window.store.load_case(window.case.id).events[0].step == "written_complaint"
    window.pane.tabs.setCurrentIndex(TIMELINE)
    window.pane.tabs.setCurrentIndex(LADDER)
    assert _row(window.pane.ladder_panel, "written_complaint").text(1) == "done"


def test_after_switching_there_is_no_next_step(qtbot, window, tmp_path):
    window.case_ops.load_demo()
    window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.today = window.today.replace(year=2016, month=10, day=1)
    window.refresh_cases()
    wizard = window.compose_ops.switch_assistant()
    qtbot.addWidget(wizard)
    wizard.accept()
    window.pane.tabs.setCurrentIndex(LADDER)
    panel = window.pane.ladder_panel
    assert "Next step" not in panel.headline.text()
    assert (
        "ended" in panel.headline.text() and "switched to another provider" in panel.headline.text()
    )
    assert _row(panel, "switch").text(1) == "done"
    assert _row(panel, "second_level").text(1) == "not taken"
    assert "Switched" in window.statusBar().currentMessage()


def test_an_ended_saga_reads_as_french_and_titles_have_single_spaces(window):
    window.case_ops.load_demo()
    window.set_language("fr")
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    window.pane.tabs.setCurrentIndex(LADDER)
    panel = window.pane.ladder_panel
    assert "pris fin le 10 juillet 2010 : résolue." in panel.headline.text()
    titles = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert any(t.endswith(" (en parallèle)") for t in titles)
    assert not [t for t in titles if "  " in t]
    assert panel.detail.alignment() & Qt.AlignmentFlag.AlignTop


def _details(panel) -> list[str]:
    texts = []
    for i in range(panel.tree.topLevelItemCount()):
        panel.tree.setCurrentItem(panel.tree.topLevelItem(i))
        texts.append(panel.detail.text())
    return texts


@pytest.mark.parametrize(("lang", "done", "marks"), [("fr", "fait", "«»"), ("en", "done", "“”")])
def test_a_saga_ended_by_switching_took_the_switch_step(window, lang, done, marks):
    window.case_ops.load_demo()
    window.set_language(lang)
    try:
        window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
        window.pane.tabs.setCurrentIndex(LADDER)
        panel = window.pane.ladder_panel
        assert _row(panel, "switch").text(1) == done
        assert _row(panel, "second_level").text(1) == tr("ladder.status.closed", lang)
    finally:
        window.set_language("en")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_step_details_quote_whole_words_with_one_full_stop(window, lang):
    window.case_ops.load_demo()
    window.set_language(lang)
    try:
        quotes, summaries = [], []
        for case_id in ("demo-rogers-2010", "demo-red-2016"):
            window.case_view.selectRow(window.cases.row_of(case_id))
            window.pane.tabs.setCurrentIndex(LADDER)
            summaries += [" ".join(event_text.summary(e).split()) for e in window.case.events]
            for text in _details(window.pane.ladder_panel):
                assert ". »." not in text and ".”." not in text, text
                quotes += re.findall(r"(?:« |“)(.*?)(?: »|”)", text)
        cut = [q[:-1] for q in quotes if q.endswith("…")]
        assert quotes and cut  # the demo has a long summary, cut
        for head in cut:  # a cut falls between two words of the summary
            assert any(s.startswith(head) and s[len(head)] in " ,;:." for s in summaries), head
    finally:
        window.set_language("en")
