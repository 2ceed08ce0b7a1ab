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
        (b'{"format": "plainte-saga", "version": 1, "cases": [], "x": NaN}', "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
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
    assert result.warnings == ["cases[0].mood", "cases[0].events[0].colour"]
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
