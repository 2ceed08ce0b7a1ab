"""The figures tab shows the case's contrasts, strongest first, in the interface language."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest

from plainte.core import i18n
from plainte.core.demo import demo_files
from plainte.core.sagafile import read_saga
from plainte.gui.dashboard import Dashboard
from plainte.gui.widgets import PlainLabel


@pytest.fixture
def demos() -> dict:
    return {c.id: c for path in demo_files() for c in read_saga(path).cases}


def test_the_contrasts_of_each_demo(qtbot, demos):
    board = Dashboard()
    qtbot.addWidget(board)
    board.show()
    board.show_case(demos["demo-rogers-2010"], date(2010, 7, 20))
    panel = board.contrasts
    assert list(panel.cells)[:2] == ["window", "silent"]
    assert panel.cells["window"][0].text() == "8/8"
    assert "5\u00a0pm–7\u00a0pm" in panel.cells["window"][1].text()
    assert panel.cells["silent"][0].text() == "4" and "July 8" in panel.cells["silent"][1].text()
    assert panel.lead.text().startswith("The strongest contrast: 8 calls outside")
    i18n.set_language("fr")
    board.show_case(demos["demo-red-2016"], date(2016, 10, 1))
    assert list(panel.cells)[:2] == ["private", "public"]
    assert panel.cells["private"][0].text() == "4\u00a0h\u00a05\u00a0min"
    assert panel.cells["public"][0].text() == "35 minutes"
    assert "message privé sans réponse pendant 4" in panel.lead.text()
    # nothing left over from the other case: out of the grid, hidden at once
    assert panel.grid.count() == 2 * len(panel.cells)
    stale = [w for w in panel.findChildren(PlainLabel) if w.objectName() == "highlight_window"]
    assert stale and all(w.isHidden() for w in stale)
    board.show_case(None, date(2016, 10, 1))
    assert not panel.isVisible()


def _four_calls_a_day() -> object:
    import json

    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    calls = [
        {"id": f"c{i}", "at": at, "channel": "phone", "direction": "out", "answered": False}
        for i, at in enumerate(
            (
                "2026-08-03T09:00:00",
                "2026-08-03T09:05:00",
                "2026-08-03T09:10:00",
                "2026-08-03T16:00:00",
                "2026-08-04",
                "2026-08-04",
            )
        )
    ]
    return parse_saga(json.dumps(saga_doc(calls)).encode()).cases[0]


def _marks_below_the_line(image, base) -> list[int]:
    """The x of each mark crossing the row just below the drawn line (the fullest row)."""
    from PySide6.QtGui import QColor

    def inked(x: int, y: int) -> bool:
        return QColor(image.pixel(x, y)).name() != base.name()

    line = max(range(image.height()), key=lambda y: sum(inked(x, y) for x in range(image.width())))
    runs, inside = [], False
    for x in range(image.width()):
        marked = inked(x, line + 10)
        if marked and not inside:
            runs.append(x)
        inside = marked
    return runs


def test_every_call_of_a_busy_day_is_a_mark_of_its_own(qtbot):
    from PySide6.QtGui import QPalette

    board = Dashboard()
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    board.show_case(_four_calls_a_day(), date(2026, 8, 4))
    strip = board.strip
    # as drawn: six ticks below the line, not two
    base = strip.palette().color(QPalette.ColorRole.Base)
    runs = _marks_below_the_line(strip.grab().toImage(), base)
    assert len(runs) == 6, runs
    marks = strip.marks()
    assert len(marks) == 6
    xs = sorted(m.x for m in marks)
    assert all(b - a >= 4.9 for a, b in pairwise(xs))
    # the two days without a time are told apart from the first day's morning calls
    assert xs[3] < strip.width() / 2 < xs[4]


def test_the_drawn_timeline_fills_the_tab_and_ends_on_the_saga_s_last_day(qtbot, window):
    from plainte.gui.case_pane import DASHBOARD

    window.resize(1300, 780)
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    window.pane.tabs.setCurrentIndex(DASHBOARD)
    board = window.pane.dashboard
    qtbot.waitUntil(lambda: board.strip.case is not None)
    qtbot.waitUntil(lambda: board.strip.height() > 200)
    assert board.height() - board.strip.geometry().bottom() < 30  # no empty half below
    # the Rogers saga ended on 10 July 2010: the line stops there, not today
    assert board.strip.days() == (date(2010, 7, 5), 6)


def test_a_note_is_a_circle_on_the_line_not_a_contact_from_me(qtbot):
    import json

    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    events = [
        {"id": "c", "at": "2026-08-03T09:00:00", "channel": "phone", "direction": "out"},
        {"id": "n", "at": "2026-08-03T19:00:00", "channel": "other", "direction": "out"},
    ]
    events[1]["kind"] = "note"
    board = Dashboard()
    qtbot.addWidget(board)
    board.show()
    board.show_case(parse_saga(json.dumps(saga_doc(events)).encode()).cases[0], date(2026, 8, 4))
    sides = sorted((m.up is None, m.up) for m in board.strip.marks())
    assert sides == [(False, False), (True, None)]


def test_a_long_saga_s_marks_are_placed_once_per_size_and_drawn_once_per_pixel(qtbot, monkeypatch):
    """A repaint (a tooltip, the window shown again) placed every mark again: 100,000 of
    them held the window; and a mark hidden under the same mark is not drawn twice."""
    import json

    from PySide6.QtCore import QLineF
    from PySide6.QtGui import QPainter

    from plainte.core.sagafile import parse_saga
    from plainte.gui.dashboard import TimelineStrip
    from tests.conftest import saga_doc

    events = [
        {
            "id": f"e{i}",
            "at": f"2026-08-{1 + i % 3:02d}T{8 + i % 10:02d}:{i % 60:02d}:00",
            "channel": "phone",
            "direction": "out",
        }
        for i in range(3_000)
    ]
    case = parse_saga(json.dumps(saga_doc(events)).encode()).cases[0]
    board = Dashboard()
    qtbot.addWidget(board)
    board.resize(900, 600)
    board.show()
    placed = []
    place = TimelineStrip._place
    monkeypatch.setattr(TimelineStrip, "_place", lambda self: placed.append(1) or place(self))
    lines = []
    draw = QPainter.drawLine
    monkeypatch.setattr(QPainter, "drawLine", lambda self, *a: lines.append(a[0]) or draw(self, *a))
    board.show_case(case, date(2026, 8, 4))
    strip = board.strip
    strip.grab()  # painted twice, as by a tooltip and the window shown again
    strip.grab()
    assert placed == [1] and len(strip.marks()) == 3_000
    ticks = [line for line in lines if isinstance(line, QLineF) and line.dy()]
    assert 0 < len(ticks) <= 2 * 2 * strip.width()  # two paints, a long and a short per pixel
    strip.resize(strip.width() - 100, strip.height())
    strip.marks()
    assert placed == [1, 1]  # placed again for the new width


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("width", [620, 760, 900])
def test_the_dates_under_a_long_line_never_run_into_each_other(qtbot, monkeypatch, lang, width):
    """The room for a date was measured on the first day ("Jan 1, 2020"): "Nov 24, 2021"
    is wider, and ran into the date after it."""
    import json
    from itertools import pairwise

    from PySide6.QtGui import QFontMetricsF, QPainter

    from plainte.core import i18n
    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    events = [
        {"id": f"e{i}", "at": f"{2020 + i // 12}-{1 + i % 12:02d}-01", "channel": "phone",
         "direction": "in"}
        for i in range(72)
    ]  # fmt: skip
    i18n.set_language(lang)
    case = parse_saga(json.dumps(saga_doc(events)).encode()).cases[0]
    board = Dashboard()
    qtbot.addWidget(board)
    board.resize(width, 600)
    board.show()
    texts = []
    draw = QPainter.drawText

    def spy(self, *args):
        if len(args) == 3 and isinstance(args[2], str) and any(c.isdigit() for c in args[2]):
            texts.append((args[0].x(), QFontMetricsF(self.font()).horizontalAdvance(args[2])))
        return draw(self, *args)

    monkeypatch.setattr(QPainter, "drawText", spy)
    board.show_case(case, date(2026, 1, 1))
    board.strip.grab()
    assert len(texts) >= 5
    for (x, width), (next_x, _) in pairwise(texts):
        assert x + width + 8 <= next_x, texts  # a space between two dates


@pytest.mark.parametrize(("lang", "written"), [("en", "1,250"), ("fr", "1\u202f250")])
def test_the_big_figures_are_written_with_the_language_s_separators(qtbot, lang, written):
    """The header said "219,825 min on hold" and the figures tab "219825"."""
    import json

    from plainte.core import i18n
    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    events = [
        {"id": "a", "at": "2026-08-01T10:00:00", "channel": "phone", "direction": "out",
         "wait_minutes": 1250},
    ]  # fmt: skip
    i18n.set_language(lang)
    case = parse_saga(json.dumps(saga_doc(events)).encode()).cases[0]
    board = Dashboard()
    qtbot.addWidget(board)
    board.show_case(case, date(2026, 8, 4))
    assert board.values["wait_minutes"].text() == written
    assert board.values["contacts_out"].text() == "1"
