"""The timeline model over a real store: windows of rows, slices of search, row-level edits."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QThreadPool

from plainte.core.editor import Editor
from plainte.core.model import Channel, Direction, Event, parse_typed_when
from plainte.core.sagafile import parse_saga
from plainte.gui import timeline_model
from plainte.gui.timeline_model import FIRST, TimelineModel
from tests.conftest import saga_doc

CHANNELS = ("phone", "email", "chat")


def _events(count: int) -> list[dict]:
    return [
        {
            "id": f"e{i}",
            "at": f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}T{8 + i % 10:02d}:{i % 60:02d}:00",
            "channel": CHANNELS[i % 3],
            "direction": "in" if i % 2 else "out",
            "summary": ("The technician never came" if i % 7 == 0 else "Hold music") + f" #{i}",
            "reference": f"INC-{i}",
        }
        for i in range(count)
    ]


@pytest.fixture
def long_store(store):
    doc = saga_doc(_events(1_000), id="long")
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    return store


@pytest.fixture
def model(qtbot, long_store):
    model = TimelineModel()
    model.show_case(long_store, "long")
    yield model
    QThreadPool.globalInstance().waitForDone(5000)


def test_opens_with_its_first_page_then_the_whole_order(qtbot, model, long_store):
    # shown again here: pytest-qt runs the event loop after the fixtures, which may deliver
    # the fixture's background read; nothing runs the loop between these two lines
    model.show_case(long_store, "long")
    assert model.rowCount() == FIRST  # painted before the rest is read
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        pass
    assert model.rowCount() == 1_000 and model.is_settled()
    whole = long_store.load_case("long").events
    assert [model.event_at(r).id for r in (0, 499, 999)] == [whole[r].id for r in (0, 499, 999)]
    assert len(model._pages) <= 3  # only the pages read for those rows


def test_search_in_slices_finds_what_a_full_scan_finds(qtbot, model, long_store, monkeypatch):
    monkeypatch.setattr(timeline_model, "SHORT_TEXTS", 10)  # texts read off the GUI thread
    monkeypatch.setattr(timeline_model, "SLICE", 128)  # and searched in slices
    monkeypatch.setattr(timeline_model, "STEP", 100)
    qtbot.waitUntil(model.is_settled)
    model.set_channel("phone")
    model.set_needle("TECHNICIAN")
    qtbot.waitUntil(model.is_settled, timeout=10_000)
    expected = [
        e.id
        for e in long_store.load_case("long").events
        if e.channel is Channel.PHONE and "technician" in e.summary.casefold()
    ]
    assert [model.event_at(r).id for r in range(model.rowCount())] == expected
    model.set_needle("")
    model.set_channel(None)
    qtbot.waitUntil(model.is_settled)
    assert model.rowCount() == 1_000


def test_an_edit_moves_only_its_row(qtbot, model, long_store):
    qtbot.waitUntil(model.is_settled)
    resets, inserted, removed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, _last: inserted.append(first))
    model.rowsRemoved.connect(lambda _p, first, _last: removed.append(first))
    editor = Editor(long_store)
    event = Event(
        id="new",
        at=parse_typed_when("2030-01-01 10:00"),
        channel=Channel.EMAIL,
        direction=Direction.OUT,
        summary="Sent the formal notice",
    )
    editor.save_event("long", event)
    model.update_events({"new"})
    assert inserted == [1_000] and not resets
    assert model.event_at(1_000).summary == "Sent the formal notice"
    first = model.event_at(0)
    editor.delete_event("long", first.id)
    model.update_events({first.id})
    assert removed == [0] and not resets
    assert model.rowCount() == 1_000 and model.event_at(0).id != first.id
    event.summary = "Sent the formal notice, registered"
    editor.save_event("long", event)
    changed = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    model.update_events({"new"})
    assert changed == [999] and model.event_at(999).summary.endswith("registered")


def test_a_held_model_reads_its_first_page_only_until_released(qtbot, long_store, monkeypatch):
    from plainte.gui import command_process

    started = []

    class Counted(command_process.BlockReader):  # the order is read by a child process
        def __init__(self, what, *rest):
            started.append(what)
            super().__init__(what, *rest)

    monkeypatch.setattr(command_process, "BlockReader", Counted)
    model = TimelineModel()
    model.hold()  # as the case pane does until its first frame
    model.show_case(long_store, "long")
    model.show_case(long_store, "long")  # shown again while held: still nothing read
    assert model.rowCount() == FIRST and not model.is_settled() and started == []
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.release()
    assert model.rowCount() == 1_000 and started.count("order") == 1  # once, for the last shown


def test_a_note_shows_no_direction(qtbot, store):
    from PySide6.QtCore import Qt

    note = {
        "id": "n1",
        "at": "2026-08-04T19:00:00+01:00",
        "channel": "other",
        "direction": "out",
        "answered": False,
        "kind": "note",
        "summary": "Rebooted the router",
    }
    store.import_cases(parse_saga(json.dumps(saga_doc([note])).encode()).cases, backup=False)
    model = TimelineModel()
    model.show_case(store, "case-1")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.is_settled())
    cell = model.index(0, TimelineModel.COLUMNS.index("direction"))
    assert model.data(cell) == "note"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == "Note"
    assert model.data(cell, Qt.ItemDataRole.ForegroundRole) is None  # not greyed as unanswered
    QThreadPool.globalInstance().waitForDone(5000)


def test_showing_a_long_case_starts_no_reader_before_its_first_rows_are_painted(
    qtbot, long_store, monkeypatch
):
    from plainte.gui import command_process

    started = []

    class Counted(command_process.BlockReader):  # the order is read by a child process
        def __init__(self, what, *rest):
            started.append(what)
            super().__init__(what, *rest)

    monkeypatch.setattr(command_process, "BlockReader", Counted)
    model = TimelineModel()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.show_case(long_store, "long")
        assert model.rowCount() == FIRST and started == []  # the event loop paints first
    assert model.rowCount() == 1_000 and started == ["order"]
    QThreadPool.globalInstance().waitForDone(5000)


def test_with_no_child_process_the_order_and_texts_are_read_in_a_thread(
    qtbot, long_store, monkeypatch
):
    from plainte.gui import command_process

    monkeypatch.setattr(command_process.sys, "executable", "/nonexistent/python")
    monkeypatch.setattr(timeline_model, "SHORT_TEXTS", 10)
    model = TimelineModel()
    model.show_case(long_store, "long")
    qtbot.waitUntil(lambda: model.rowCount() == 1_000 and model.is_settled(), timeout=10_000)
    model.set_needle("technician")
    qtbot.waitUntil(lambda: model.is_settled() and model.rowCount() < 1_000, timeout=10_000)
    expected = [
        e.id for e in long_store.load_case("long").events if "technician" in e.summary.casefold()
    ]
    assert [model.event_at(r).id for r in range(model.rowCount())] == expected
    QThreadPool.globalInstance().waitForDone(5000)


def test_a_keystroke_that_keeps_the_same_rows_lays_nothing_out_again(qtbot, model, long_store):
    """Typing on in a word every shown row holds changes nothing the view must redo."""
    qtbot.waitUntil(model.is_settled)
    model.set_needle("techn")
    qtbot.waitUntil(model.is_settled)
    shown = [model.event_at(r).id for r in range(model.rowCount())]
    assert 0 < len(shown) < 1_000
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    for typed in ("techni", "technic", "technician"):
        model.set_needle(typed)
        qtbot.waitUntil(model.is_settled)
    assert resets == [] and [model.event_at(r).id for r in range(model.rowCount())] == shown
    model.set_needle("technician never came #7")  # fewer rows: laid out again, once
    qtbot.waitUntil(model.is_settled)
    fewer = [model.event_at(r).id for r in range(model.rowCount())]
    assert resets == [1] and fewer == [e for e in shown if e.startswith("e7")] and fewer
    model.set_needle("#")  # every row holds it: shown as the whole timeline
    qtbot.waitUntil(model.is_settled)
    assert model.rowCount() == 1_000 and model._visible is None
