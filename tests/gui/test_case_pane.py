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
    from plainte.gui import case_pane
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
    monkeypatch.setattr(case_pane, "_release", lambda case: freed.append(case))
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
