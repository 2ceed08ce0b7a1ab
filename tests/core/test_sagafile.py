"""The saga-file reader refuses every breach of the contract, saying where."""

from __future__ import annotations

import json

import pytest

from plainte.core.errors import SagaFileError
from plainte.core.sagafile import dump_saga, parse_saga


def _bytes(doc) -> bytes:
    return json.dumps(doc).encode()


def test_reads_the_reference_saga(saga):
    result = parse_saga(_bytes(saga))
    case = result.cases[0]
    assert case.provider == "Examplecom"
    assert [e.id for e in case.events] == ["a", "b", "c", "d"]
    assert case.events[0].promises[0].due.day.isoformat() == "2026-08-05"
    assert case.events[3].wait_minutes == 15.5
    assert result.warnings == []


def test_events_are_sorted_by_time_whatever_the_file_order(saga):
    saga["cases"][0]["events"].reverse()
    case = parse_saga(_bytes(saga)).cases[0]
    assert [e.id for e in case.events] == ["a", "b", "c", "d"]


def _mutate(saga, path: str, value):
    """Set (or with value=KeyError, delete) the field at a dotted path like cases.0.events.3.at."""
    node = saga
    parts = path.split(".")
    for part in parts[:-1]:
        node = node[int(part)] if part.isdigit() else node[part]
    last = parts[-1]
    if value is KeyError:
        del node[last]
    else:
        node[int(last) if last.isdigit() else last] = value
    return saga


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        ("cases.0.events.3.at", "yesterday", "cases[0].events[3].at", 'not a date: "yesterday"'),
        ("cases.0.events.1.at", "2026-02-30", "cases[0].events[1].at", "not a date"),
        (
            "cases.0.events.0.channel",
            "pigeon",
            "cases[0].events[0].channel",
            '"pigeon" is not one of',
        ),
        ("cases.0.events.0.direction", "sideways", "cases[0].events[0].direction", "not one of"),
        ("cases.0.events.0.wait_minutes", -3, "cases[0].events[0].wait_minutes", "from 0 up"),
        ("cases.0.events.0.wait_minutes", "long", "cases[0].events[0].wait_minutes", "a number"),
        ("cases.0.title", KeyError, "cases[0].title", "required field missing"),
        ("cases.0.provider", KeyError, "cases[0].provider", "required field missing"),
        ("cases.0.events", KeyError, "cases[0].events", "required field missing"),
        ("cases.0.events.2.at", KeyError, "cases[0].events[2].at", "required field missing"),
        (
            "cases.0.events.0.promises.0.text",
            KeyError,
            "cases[0].events[0].promises[0].text",
            "missing",
        ),
        (
            "cases.0.events.0.promises.0.due",
            "soon",
            "cases[0].events[0].promises[0].due",
            "not a date",
        ),
        ("cases.0.events.0.answered", "yes", "cases[0].events[0].answered", "true or false"),
        ("cases.0.sector", "spaceflight", "cases[0].sector", "not one of"),
        ("cases.0.country", "France", "cases[0].country", "country code"),
        ("cases.0.status", "furious", "cases[0].status", "not one of"),
        ("cases.0.events.1.id", "a", "cases[0].events[1].id", "used twice"),
        ("cases.0.events.0.step", "Go To Court!", "cases[0].events[0].step", "step id"),
        ("format", "something-else", "format", "not a plainte saga file"),
        ("version", "1", "version", "whole number"),
        ("cases", {}, "cases", "expected a list"),
    ],
)
def test_refuses_with_location(saga, path, value, where, words):
    with pytest.raises(SagaFileError) as info:
        parse_saga(_bytes(_mutate(saga, path, value)))
    assert info.value.location == where
    assert words in str(info.value)
    assert str(info.value).startswith(where)


def test_newer_version_names_both_versions(saga):
    saga["version"] = 7
    with pytest.raises(SagaFileError) as info:
        parse_saga(_bytes(saga))
    message = str(info.value)
    assert "version 7" in message and "version 1" in message


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b'{"format": "plainte-saga", "version": 1, "cases": [], "x": NaN}', "x: not a finite"),
        (b"[" * 100_000, "nested too deep"),
        (b"[]", "expected an object"),
    ],
)
def test_refuses_what_is_not_a_saga_file(data, words):
    with pytest.raises(SagaFileError) as info:
        parse_saga(data)
    assert words in str(info.value)


def test_unknown_fields_are_warned_and_not_kept(saga):
    saga["cases"][0]["mood"] = "grim"
    saga["cases"][0]["events"][0]["colour"] = "red"
    result = parse_saga(_bytes(saga))
    assert sorted(result.warnings) == ["cases[0].events[0].colour", "cases[0].mood"]
    assert "mood" not in dump_saga(result.cases)


def test_missing_ids_are_made_deterministically(saga):
    for event in saga["cases"][0]["events"]:
        del event["id"]
    del saga["cases"][0]["id"]
    first = parse_saga(_bytes(saga)).cases[0]
    second = parse_saga(_bytes(saga)).cases[0]
    assert first.id == second.id
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == 4


def test_templates_in_texts_are_plain_data(saga):
    saga["cases"][0]["events"][0]["summary"] = "{{ 7*7 }} and {% raw %}"
    case = parse_saga(_bytes(saga)).cases[0]
    assert case.events[0].summary == "{{ 7*7 }} and {% raw %}"


def _with_new_fields(saga):
    case = saga["cases"][0]
    case.update(
        problem="no_service",
        monthly_price={"amount": 39.99, "currency": "GBP"},
        service_down=[{"from": "2026-08-03", "to": "2026-08-25"}, {"from": "2026-09-01"}],
        wants=[
            {"kind": "repair", "by": "2026-08-30"},
            {"kind": "refund", "amount": 29.33},
            {"kind": "other", "text": "A written apology"},
        ],
        handles={"x": "@examplecom_help", "bluesky": "examplecom.bsky.social"},
    )
    case["events"][2]["kind"] = "note"
    case["events"][0]["promises"][0]["window"] = {"from": "17:00", "to": "19:00"}
    return saga


def test_reads_the_fields_added_in_november_2026(saga):
    case = parse_saga(_bytes(_with_new_fields(saga))).cases[0]
    assert case.problem == "no_service"
    assert (case.monthly_price.amount, case.monthly_price.currency) == (39.99, "GBP")
    assert [p.start.text for p in case.service_down] == ["2026-08-03", "2026-09-01"]
    assert case.service_down[1].end is None
    from datetime import date

    assert case.days_down(date(2026, 9, 4)) == 22 + 3
    assert [w.kind for w in case.wants] == ["repair", "refund", "other"]
    assert case.wants[1].amount == 29.33 and case.wants[0].by.text == "2026-08-30"
    assert case.handle("bluesky") == "examplecom.bsky.social"
    assert case.handle("mastodon") is None
    assert [e.kind.value for e in case.events] == ["contact", "contact", "note", "contact"]
    window = case.events[0].promises[0].window
    assert (window.start, window.end) == ("17:00", "19:00")


def test_the_new_fields_are_written_back_as_read(saga):
    doc = _with_new_fields(saga)
    written = json.loads(dump_saga(parse_saga(_bytes(doc)).cases))["cases"][0]
    original = doc["cases"][0]
    for key in ("problem", "monthly_price", "service_down", "wants", "handles"):
        assert written[key] == original[key]
    assert written["events"][2]["kind"] == "note"
    assert "kind" not in written["events"][0]  # a contact is the default, left implicit
    assert written["events"][0]["promises"][0]["window"] == {"from": "17:00", "to": "19:00"}


def test_a_file_without_the_new_fields_reads_and_writes_as_before(saga):
    case = parse_saga(_bytes(saga)).cases[0]
    assert case.problem is None and case.monthly_price is None and case.wants == []
    assert case.handle("x") == "@examplecom_help"  # provider_handle stands in on X
    written = json.loads(dump_saga([case]))["cases"][0]
    for key in ("problem", "monthly_price", "service_down", "wants", "handles"):
        assert key not in written


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        ("cases.0.problem", "outage", "cases[0].problem", '"outage" is not one of'),
        ("cases.0.monthly_price", 39.99, "cases[0].monthly_price", "expected an object"),
        (
            "cases.0.monthly_price",
            {"amount": -1, "currency": "EUR"},
            "cases[0].monthly_price.amount",
            "from 0 up",
        ),
        (
            "cases.0.monthly_price",
            {"amount": 10, "currency": "euros"},
            "cases[0].monthly_price.currency",
            "currency code",
        ),
        ("cases.0.monthly_price", {"amount": 10}, "cases[0].monthly_price.currency", "missing"),
        (
            "cases.0.service_down",
            [{"from": "2026-08-03"}, {"from": "last week"}],
            "cases[0].service_down[1].from",
            "not a date",
        ),
        (
            "cases.0.service_down",
            [{"from": "2026-08-03", "to": "2026-08-01"}],
            "cases[0].service_down[0].to",
            "before it starts",
        ),
        ("cases.0.wants", [{"kind": "revenge"}], "cases[0].wants[0].kind", "not one of"),
        ("cases.0.wants", [{"kind": "other"}], "cases[0].wants[0].text", "missing"),
        (
            "cases.0.wants",
            [{"kind": "refund", "amount": "lots"}],
            "cases[0].wants[0].amount",
            "a number",
        ),
        ("cases.0.handles", {"x": 5}, "cases[0].handles.x", "expected text"),
        ("cases.0.events.1.kind", "thought", "cases[0].events[1].kind", "not one of"),
        (
            "cases.0.events.0.promises.0.window",
            {"from": "5pm", "to": "19:00"},
            "cases[0].events[0].promises[0].window.from",
            "time of day",
        ),
        (
            "cases.0.events.0.promises.0.window",
            {"from": "17:00"},
            "cases[0].events[0].promises[0].window.to",
            "missing",
        ),
    ],
)
def test_the_new_fields_are_refused_with_location(saga, path, value, where, words):
    with pytest.raises(SagaFileError) as info:
        parse_saga(_bytes(_mutate(saga, path, value)))
    assert info.value.location == where
    assert words in str(info.value)


def test_an_unknown_network_is_warned_and_not_kept(saga):
    saga["cases"][0]["handles"] = {"x": "@a", "myspace": "a"}
    result = parse_saga(_bytes(saga))
    assert result.warnings == ["cases[0].handles.myspace"]
    assert result.cases[0].handles == {"x": "@a"}


def test_the_documented_format_names_every_field_the_reader_keeps():
    from pathlib import Path

    from plainte.core import sagafile

    doc = (Path(__file__).parents[2] / "docs" / "saga-format.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip() for line in doc.splitlines() if line.startswith("| ")}
    for known in (
        sagafile._TOP_FIELDS,
        sagafile._CASE_FIELDS,
        sagafile._EVENT_FIELDS,
        sagafile._PROMISE_FIELDS,
    ):
        assert known <= rows, known - rows


@pytest.mark.parametrize(
    ("path", "value", "where", "words"),
    [
        ("cases.0.country", "FR\n", "cases[0].country", "country code"),
        ("cases.0.events.0.step", "ombudsman\n", "cases[0].events[0].step", "step id"),
        (
            "cases.0.monthly_price",
            {"amount": 1, "currency": "EUR\n"},
            "cases[0].monthly_price.currency",
            "currency code",
        ),
        (
            "cases.0.events.0.promises.0.window",
            {"from": "17:00\n", "to": "19:00"},
            "cases[0].events[0].promises[0].window.from",
            "time of day",
        ),
        (
            "cases.0.events.0.attachments",
            [{"name": "a", "sha256": "a" * 64 + "\n", "size": 1}],
            "cases[0].events[0].attachments[0].sha256",
            "hexadecimal",
        ),
        (
            "cases.0.events.0.attachments",
            [{"name": "a", "sha256": "a" * 64, "size": 2**63}],
            "cases[0].events[0].attachments[0].size",
            "larger than",
        ),
        (
            "cases.0.events.0.promises.0.due",
            "9999-12-31",
            "cases[0].events[0].promises[0].due",
            "date outside",
        ),
        (
            "cases.0.events.0.at",
            "0001-01-01T00:00:00+01:00",
            "cases[0].events[0].at",
            "date outside",
        ),
    ],
)
def test_validation_holes_are_closed(saga, path, value, where, words):
    with pytest.raises(SagaFileError) as info:
        parse_saga(_bytes(_mutate(saga, path, value)))
    assert info.value.location == where
    assert words in str(info.value)


def test_the_largest_sqlite_integer_is_still_a_size(saga):
    attachment = {"name": "a", "sha256": "a" * 64, "size": 2**63 - 1}
    _mutate(saga, "cases.0.events.0.attachments", [attachment])
    assert parse_saga(_bytes(saga)).cases[0].events[0].attachments[0].size == 2**63 - 1


def test_a_duplicate_key_is_refused_at_its_place(saga):
    text = json.dumps(saga).replace(
        '"summary": "Reported the outage."',
        '"summary": "Reported the outage.", "summary": "forged"',
    )
    with pytest.raises(SagaFileError) as info:
        parse_saga(text.encode())
    assert info.value.location == "cases[0].events[0]"
    assert '"summary" appears twice' in str(info.value)


@pytest.mark.parametrize(
    ("field", "where"),
    [
        ('"id": "a"', "cases[0].events[0].id"),
        ('"counterpart": "Priya"', "cases[0].events[0].counterpart"),
        ('"title": "Broadband down for three weeks"', "cases[0].title"),
    ],
)
def test_a_lone_surrogate_is_refused_at_its_place(saga, field, where):
    name, _, value = field.partition(": ")
    text = json.dumps(saga).replace(field, f'{name}: "x\\udc80{value[1:]}')
    with pytest.raises(SagaFileError) as info:
        parse_saga(text.encode())
    assert info.value.location == where
    assert "not valid Unicode" in str(info.value)


def test_a_lone_surrogate_in_an_unknown_key_is_refused(saga):
    text = json.dumps(saga).replace('"sector"', '"\\ud800x": 1, "sector"')
    with pytest.raises(SagaFileError) as info:
        parse_saga(text.encode())
    assert info.value.location == "cases[0].\\ud800x"


def test_a_paired_surrogate_escape_is_an_ordinary_character(saga):
    text = json.dumps(saga).replace('"Priya"', '"Priya \\ud83d\\ude00"')
    case = parse_saga(text.encode()).cases[0]
    assert case.events[0].counterpart == "Priya \U0001f600"


def test_an_overflowing_number_is_refused_at_its_place(saga):
    text = json.dumps(saga).replace('"wait_minutes": 42', '"wait_minutes": 1e999')
    with pytest.raises(SagaFileError) as info:
        parse_saga(text.encode())
    assert info.value.location == "cases[0].events[0].wait_minutes"
    assert "not a finite number: 1e999" in str(info.value)


def test_an_integer_too_long_to_read_is_refused(saga):
    text = json.dumps(saga).replace('"wait_minutes": 42', '"wait_minutes": ' + "9" * 5000)
    with pytest.raises(SagaFileError) as info:
        parse_saga(text.encode())
    assert "not valid JSON" in str(info.value)


@pytest.mark.parametrize(
    ("path", "where"),
    [
        ("cases.0.events.0.wait_minutes", "cases[0].events[0].wait_minutes"),
        ("cases.0.monthly_price", "cases[0].monthly_price.amount"),
    ],
)
def test_a_huge_integer_where_a_number_goes_is_refused_not_a_crash(saga, path, where):
    value = 10**400
    if path.endswith("monthly_price"):
        value = {"amount": 10**400, "currency": "EUR"}
    with pytest.raises(SagaFileError) as info:
        parse_saga(_bytes(_mutate(saga, path, value)))
    assert info.value.location == where


def _exported(tmp_path, events: int):
    """A saga file exported by a store holding one case of ``events`` events, with its journal."""
    from plainte.core.store import Store
    from tests.conftest import saga_doc

    doc = saga_doc(
        [
            {
                "id": f"e{i}",
                "at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T10:{i % 60:02d}:00+01:00",
                "channel": "phone",
                "direction": "out",
                "summary": f"Call number {i} about the outage, no fix given.",
            }
            for i in range(events)
        ]
    )
    source = Store.open(tmp_path / "source")
    source.import_cases(parse_saga(_bytes(doc)).cases, backup=False)
    text = dump_saga([source.load_case("case-1", with_journal=True)])
    source.close()
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    return path, text


def _stamp(text: str):
    from datetime import datetime

    return datetime.fromisoformat(json.loads(text)["exported_at"])


def test_an_export_imports_back_equal_read_in_small_chunks(tmp_path, monkeypatch):
    from plainte.core import sagastream
    from plainte.core.store import Store

    path, text = _exported(tmp_path, 2_000)
    # chunks of 4 KB: records, keys and numbers are cut at every kind of place
    monkeypatch.setattr(sagastream, "CHUNK", 4096)
    store = Store.open(tmp_path / "dest")
    for _ in range(2):  # importing twice changes nothing
        result = store.import_file(path, backup=False)
    assert result.events == 2_000 and result.merged.added == 0
    assert result.merged.same == 1 + 2_000
    again = dump_saga([store.load_case("case-1", with_journal=True)], _stamp(text))
    store.close()
    assert again == text
    assert parse_saga(path.read_bytes()).cases[0].events[-1].summary.startswith("Call number")
