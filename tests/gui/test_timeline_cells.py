"""What each cell of the timeline answers, role by role: the roles turned away early are
the ones no cell ever answered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from plainte.gui.timeline_model import TimelineModel

ROLES = Qt.ItemDataRole


def test_each_role_is_answered_only_where_it_means_something(qtbot, store):
    import json

    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc
    from tests.gui.test_timeline_model import _events

    events = _events(12)
    for event in events[::3]:
        event["answered"] = False
    events[4]["wait_minutes"] = 25
    store.import_cases(parse_saga(json.dumps(saga_doc(events, id="c")).encode()).cases)
    model = TimelineModel()
    model.show_case(store, "c")
    columns = TimelineModel.COLUMNS
    for row in range(12):
        event = model.event_at(row)
        unanswered = not event.answered and event.is_contact
        for column, name in enumerate(columns):
            cell = model.index(row, column)
            for role in (ROLES.FontRole, ROLES.BackgroundRole, ROLES.CheckStateRole):
                assert model.data(cell, role) is None
            assert model.data(cell, TimelineModel.EventRole) == event.id
            assert model.data(cell, TimelineModel.ChannelRole) == event.channel.value
            assert isinstance(model.data(cell), str)
            right = model.data(cell, ROLES.TextAlignmentRole)
            assert (right is not None) == (name == "wait")
            icon = model.data(cell, ROLES.DecorationRole)
            assert isinstance(icon, QIcon) if name == "channel" else icon is None
            tip = model.data(cell, ROLES.ToolTipRole)
            assert (tip is not None) == (name in ("direction", "summary"))
            muted = model.data(cell, ROLES.ForegroundRole)
            assert (muted is not None) == unanswered
    assert model.data(model.index(0, columns.index("summary"))).startswith("The technician")


def test_the_muted_colour_follows_a_palette_change(qtbot, store):
    import json

    from plainte.core.sagafile import parse_saga
    from tests.conftest import saga_doc

    events = [
        {"id": "e1", "at": "2025-01-02", "channel": "phone", "direction": "out", "answered": False}
    ]
    store.import_cases(parse_saga(json.dumps(saga_doc(events, id="c")).encode()).cases)
    model = TimelineModel()
    model.show_case(store, "c")
    cell = model.index(0, 0)
    app = QApplication.instance()
    before = app.palette()
    try:
        assert model.data(cell, ROLES.ForegroundRole) == before.color(
            QPalette.ColorRole.PlaceholderText
        )
        changed = QPalette(before)
        changed.setColor(QPalette.ColorRole.PlaceholderText, QColor("#123456"))
        app.setPalette(changed)
        qtbot.waitUntil(lambda: model.data(cell, ROLES.ForegroundRole) == QColor("#123456"))
    finally:
        app.setPalette(before)
