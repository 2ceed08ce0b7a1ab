"""A long case's figures line, computed in a child process: the same words as in the window."""

from __future__ import annotations

import json

import pytest

from plainte.core.dated import judged_on
from plainte.core.sagafile import parse_saga
from plainte.core.stats import compute
from plainte.gui.case_reading import FiguresLine
from tests.conftest import saga_doc
from tests.gui.test_timeline_model import _events


def _expected(qtbot, store, today) -> str:
    """The figures line as the window writes it from the case read in its own process."""
    case = store.load_case("long")
    line = FiguresLine()
    qtbot.addWidget(line)
    line.show_stats(compute(case, judged_on(case, today)))
    return line.text()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_long_case_s_figures_come_from_a_child_and_say_what_the_whole_case_says(
    qtbot, window, monkeypatch, lang
):
    from plainte.gui import case_pane
    from plainte.gui.case_pane import TIMELINE

    events = _events(600)
    for event in events[::5]:
        event["answered"] = False
        event["wait_minutes"] = 12
    events[4]["promises"] = [{"id": "p4", "text": "A credit", "due": "2025-02-01"}]
    doc = saga_doc(events, id="long")
    window.store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    monkeypatch.setattr(case_pane, "WHOLE", 2_000)  # 600 events: figures computed, shown apart
    read: list[str] = []
    load_case = type(window.store).load_case
    monkeypatch.setattr(
        type(window.store), "load_case", lambda s, i, **kw: read.append(i) or load_case(s, i, **kw)
    )
    window.set_language(lang)
    try:
        window.refresh_cases()
        pane = window.pane
        pane.tabs.setCurrentIndex(TIMELINE)
        window.case_view.selectRow(window.cases.row_of("long"))
        qtbot.waitUntil(lambda: pane.is_settled() and pane.figures.text() != "", timeout=30_000)
        assert read == [] and pane.case is None  # never read whole in the window's process
        assert pane.figures.text() == _expected(qtbot, window.store, window.today)
        assert not pane.figures.due

        before = pane.figures.text()
        window.event_ops.log_they_called()  # one more call without a message
        qtbot.waitUntil(lambda: pane.is_settled() and pane.figures.text() != before, timeout=30_000)
        assert pane.case is None
        read.clear()
        assert pane.figures.text() == _expected(qtbot, window.store, window.today)
    finally:
        window.set_language("en")


def test_without_a_child_process_the_case_is_read_in_the_window_instead(qtbot, window, monkeypatch):
    from plainte.gui import case_pane, command_process
    from plainte.gui.case_pane import TIMELINE

    doc = saga_doc(_events(600), id="long")
    window.store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    monkeypatch.setattr(case_pane, "WHOLE", 2_000)
    monkeypatch.setattr(command_process.sys, "executable", "/nonexistent/python")
    window.refresh_cases()
    pane = window.pane
    pane.tabs.setCurrentIndex(TIMELINE)
    window.case_view.selectRow(window.cases.row_of("long"))
    qtbot.waitUntil(lambda: pane.case is not None and pane.is_settled(), timeout=30_000)
    assert pane.figures.text() == _expected(qtbot, window.store, window.today)


def test_the_figures_line_writes_its_numbers_as_the_language_does(qtbot):
    from datetime import date

    from plainte.core import i18n
    from plainte.core.stats import SagaStats

    stats = SagaStats(today=date(2026, 11, 22), first_day=date(2020, 1, 1), days=2517)
    stats.contacts_out, stats.unanswered, stats.wait_minutes = 3_000, 400, 65_775
    stats.promises, stats.promises_broken = 1_200, 1_100
    line = FiguresLine()
    qtbot.addWidget(line)
    previous = i18n.language()
    for lang, hold, days, promises in (
        ("en", "65,775 min on hold", "Day 2,517 since", "1,100 of 1,200"),
        ("fr", "65\u202f775 min d'attente", "Jour 2\u202f517 depuis", "1\u202f100 sur 1\u202f200"),
    ):
        i18n.set_language(lang)
        try:
            line.show_stats(stats)
        finally:
            i18n.set_language(previous)
        text = line.text()
        assert hold in text and text.startswith(days) and text.endswith(promises), text
