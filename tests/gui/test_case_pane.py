"""The case pane: the provider named once, column titles and directions that stay readable."""

from __future__ import annotations

import pytest


def test_header_shows_the_title_alone_when_it_names_the_provider(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2026"))
    title = window.pane.title.text()
    assert title.count("RED by SFR") == 1
    assert "Connexion mobile en panne" in title


def test_header_keeps_the_provider_when_the_title_does_not_name_it(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    header = window.pane.header
    assert header.provider.casefold() not in header.title.casefold()
    assert window.pane.title.text() == f"{header.provider} — {header.title}"


def test_an_edit_frees_the_case_it_replaced_only_when_the_case_is_read_again(
    qtbot, window, monkeypatch
):
    import json

    from plainte.core.sagafile import parse_saga
    from plainte.gui import case_reading
    from tests.conftest import saga_doc
    from tests.gui.test_timeline_model import _events

    doc = saga_doc(_events(600), id="long")
    window.store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    window.refresh_cases()
    window.case_view.selectRow(window.cases.row_of("long"))
    qtbot.waitUntil(
        lambda: window.pane.case is not None and window.pane.is_settled(), timeout=10_000
    )
    freed = []
    monkeypatch.setattr(case_reading, "let_go", lambda case: freed.append(case))
    before = window.pane.case
    window.event_ops.log_they_called()
    assert freed == []  # nothing freed while the new row is painted
    qtbot.waitUntil(lambda: window.pane.case is not None, timeout=10_000)
    assert freed == [before]  # freed when the case was read again


def test_narrow_column_titles_end_in_an_ellipsis_and_keep_their_whole_title(qtbot, window):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.set_language("fr")
    try:
        window.case_ops.load_demo()
        window.resize(1000, 640)
        qtbot.waitUntil(lambda: window.width() == 1000)
        QApplication.processEvents()
        for view in (window.case_view, window.pane.timeline_view):
            header, model = view.horizontalHeader(), view.model()
            assert header.textElideMode() == Qt.TextElideMode.ElideRight
            metrics = header.fontMetrics()
            narrow = [
                c
                for c in range(model.columnCount())
                if metrics.horizontalAdvance(model.headerData(c, Qt.Orientation.Horizontal))
                > header.sectionSize(c)
            ]
            for column in narrow:
                title = model.headerData(column, Qt.Orientation.Horizontal)
                tip = model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
                )
                assert tip == title
        timeline = window.pane.timeline_view
        assert any(
            timeline.horizontalHeader().sectionSize(c)
            < timeline.fontMetrics().horizontalAdvance(
                timeline.model().headerData(c, Qt.Orientation.Horizontal)
            )
            for c in range(timeline.model().columnCount())
        )  # at 1000 px some French titles do not fit: the case this is about
    finally:
        window.set_language("en")


@pytest.mark.parametrize("size", [(1000, 640), (1300, 780)])
def test_the_direction_and_its_unanswered_mark_are_never_cut(qtbot, window, size):
    from PySide6.QtWidgets import QApplication

    from plainte.gui.timeline_model import TimelineModel

    window.set_language("fr")
    try:
        window.case_ops.load_demo()
        window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
        window.resize(*size)
        qtbot.waitUntil(lambda: window.width() == size[0])
        QApplication.processEvents()
        view, model = window.pane.timeline_view, window.pane.timeline
        column = TimelineModel.COLUMNS.index("direction")
        texts = {model.index(r, column).data() for r in range(model.rowCount())}
        assert "← eux ✗" in texts  # the calls received without a message
        style = view.style()
        margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        widest = max(view.fontMetrics().horizontalAdvance(t) for t in texts)
        assert widest + margin <= view.columnWidth(column)
    finally:
        window.set_language("en")


def _long_pane(qtbot, store, monkeypatch, events=1_000, whole=500):
    import json
    from datetime import date

    from plainte.core.sagafile import parse_saga
    from plainte.gui import case_pane
    from plainte.gui.case_pane import CasePane
    from tests.conftest import saga_doc

    doc = saga_doc(
        [
            {
                "id": f"e{i}",
                "at": f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T09:{i % 60:02d}:00",
                "channel": "phone",
                "direction": "out",
                "summary": "The technician never came" if i % 7 == 0 else "Hold music",
            }
            for i in range(events)
        ],
        id="long",
    )
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    monkeypatch.setattr(case_pane, "WHOLE", whole)
    read: list[str] = []
    load_case = type(store).load_case
    monkeypatch.setattr(
        type(store), "load_case", lambda self, i, **kw: read.append(i) or load_case(self, i, **kw)
    )
    from plainte.core.ladder import load_ladders

    ladders = load_ladders(store.data_dir / "ladders")
    pane = CasePane(lambda: ladders)
    qtbot.addWidget(pane)
    pane.show()
    qtbot.waitExposed(pane)
    pane.show_case(store, store.case_header("long"), date(2026, 8, 22))
    return pane, read


def test_a_case_too_long_to_read_whole_is_not_read_for_its_first_page_or_a_search(
    qtbot, store, monkeypatch
):
    """Its first page and a search show fewer rows than it holds: neither reads it whole."""
    from PySide6.QtCore import QThreadPool

    pane, read = _long_pane(qtbot, store, monkeypatch)
    qtbot.waitUntil(pane.is_settled, timeout=10_000)
    pane.search.setText("technician")
    qtbot.waitUntil(lambda: pane.timeline.rowCount() < 500 and pane.is_settled(), timeout=20_000)
    qtbot.wait(600)  # a read after the search would have started by now
    QThreadPool.globalInstance().waitForDone(10_000)
    assert read == [] and pane.case is None
    from plainte.gui.case_pane import PROMISES

    pane.tabs.setCurrentIndex(PROMISES)  # the promises tab needs it: read then
    qtbot.waitUntil(lambda: pane.case is not None, timeout=20_000)
    assert read == ["long"] and len(pane.case.events) == 1_000


def test_a_case_short_enough_is_read_whole_once_its_order_is_known(qtbot, store, monkeypatch):
    pane, read = _long_pane(qtbot, store, monkeypatch, events=1_000, whole=2_000)
    qtbot.waitUntil(lambda: pane.case is not None, timeout=20_000)
    assert read == ["long"] and pane.figures.text()


@pytest.mark.parametrize(("lang", "hold"), [("en", "min on hold"), ("fr", "min d'attente")])
def test_header_says_nothing_of_hold_time_when_there_was_none(qtbot, window, lang, hold):
    import json

    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    window.set_language(lang)
    try:
        doc = saga_doc()
        for event in doc["cases"][0]["events"]:
            event.pop("wait_minutes", None)
        held = saga_doc(id="held")
        cases = parse_saga(json.dumps(doc).encode()).cases
        cases += parse_saga(json.dumps(held).encode()).cases
        window.store.import_cases(cases, backup=False)
        window.refresh_cases()
        for case_id, shown in (("case-1", False), ("held", True)):
            window.case_view.selectRow(window.cases.row_of(case_id))
            qtbot.waitUntil(
                lambda case_id=case_id: (
                    window.pane.case is not None
                    and window.pane.case.id == case_id
                    and bool(window.pane.figures.text())
                ),
                timeout=10_000,
            )
            text = window.pane.figures.text()
            assert (hold in text) is shown, text
            assert "0 min" not in text and " ·  · " not in text
    finally:
        window.set_language("en")
