"""Event rows read straight from the store: the same as the loaded events, in the same order."""

from __future__ import annotations

import json
from datetime import date

from plainte.core.editor import Editor
from plainte.core.eventrows import event_row, rows
from plainte.core.export import export
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

EVENTS = [
    {
        "id": "=x",
        "at": "2026-08-03",
        "channel": "phone",
        "direction": "out",
        "counterpart": "@SUM(1)",
        "reference": "+1",
        "summary": "-2",
        "wait_minutes": 12.5,
        "step": "complaint",
        "promises": [
            {
                "id": "p",
                "text": "=1",
                "due": "2026-09-01T10:00:00+02:00",
                "status": "broken",
                "closed_at": "2026-09-02",
            },
            {"id": "p2", "text": "Call back", "window": {"from": "09:00", "to": "12:00"}},
            {"id": "p5", "text": "Withdrawn later"},
        ],
        "attachments": [
            {"name": "=evil.pdf", "sha256": "a" * 64, "size": 1},
            {"name": "b.png", "sha256": "b" * 64, "size": 22},
        ],
    },
    {
        "id": "n1",
        "at": "2026-08-03T10:00:00",
        "channel": "other",
        "direction": "out",
        "kind": "note",
        "summary": 'A note, "quoted", naïve',
    },
    {"id": "c1", "at": "2026-08-04T10:00:00Z", "channel": "phone", "direction": "in"},
    {
        "id": "gone",
        "at": "2026-08-02",
        "channel": "email",
        "direction": "out",
        "promises": [{"id": "p4", "text": "never shown"}],
        "attachments": [{"name": "hidden.pdf", "sha256": "c" * 64, "size": 3}],
    },
    {
        "id": "c2",
        "at": "2026-08-05",
        "channel": "chat",
        "direction": "in",
        "answered": False,
        "promises": [{"id": "p3", "text": "Refund"}],
    },
    {"id": "w0", "at": "2026-08-01", "channel": "store", "direction": "out", "wait_minutes": 0},
]


def _edge_case(store) -> None:
    store.import_cases(parse_saga(json.dumps(saga_doc(events=EVENTS)).encode()).cases)
    editor = Editor(store)
    editor.delete_event("case-1", "gone")  # its promise and file go with it
    first = editor.find_event("case-1", "=x")
    first.promises = [p for p in first.promises if p.id != "p5"]  # retracted
    editor.save_event("case-1", first)


def test_rows_are_the_loaded_events_as_rows(store):
    _edge_case(store)
    loaded = [event_row(e) for e in store.load_case("case-1").events]
    assert list(rows(store.conn, "case-1")) == loaded
    assert [r[0] for r in loaded] == ["w0", "=x", "n1", "c1", "c2"]
    by_id = {r[0]: r for r in loaded}
    assert [p[0] for p in by_id["=x"][11]] == ["p", "p2"]
    assert by_id["=x"][11][1][5:] == ("09:00", "12:00")
    assert [f[0] for f in by_id["=x"][12]] == ["=evil.pdf", "b.png"]
    assert by_id["c2"][11][0][:2] == ("p3", "Refund")


def test_json_and_csv_exports_make_no_event_objects(store, tmp_path, monkeypatch):
    """A million-event export reads rows: it never builds the timeline's model objects."""
    _edge_case(store)
    case = store.load_case("case-1", with_journal=True)
    from plainte.core.csvexport import cases_to_csv
    from plainte.core.sagafile import dump_saga

    for name in ("load_case", "load_events", "iter_events"):
        monkeypatch.setattr(type(store), name, None)
    export(store, "case-1", "json", tmp_path / "s.json", date(2026, 11, 22))
    export(store, "case-1", "csv", tmp_path / "s.csv", date(2026, 11, 22))
    streamed = (tmp_path / "s.json").read_text(encoding="utf-8").splitlines()
    whole = dump_saga([case]).splitlines()
    assert [s for s in streamed if "exported_at" not in s] == [
        w for w in whole if "exported_at" not in w
    ]
    assert (tmp_path / "s.csv").read_bytes().decode("utf-8") == cases_to_csv([case])
    assert "never shown" not in "\n".join(streamed[: streamed.index('      "journal": [')])
