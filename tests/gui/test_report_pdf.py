"""The evidence report drawn page by page: same content as the HTML, read back with pdftotext."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date

import pytest

from plainte.core.ladder import load_ladders
from plainte.core.report import report_context
from plainte.core.sagafile import parse_saga
from plainte.gui.report_pdf import report_pdf
from tests.conftest import saga_doc

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def _events(count: int) -> list[dict]:
    return [
        {
            "id": f"e{i}",
            "at": f"2026-{1 + i // 28 % 9:02d}-{1 + i % 28:02d}T09:{i % 60:02d}:00+01:00",
            "channel": "phone" if i % 2 else "email",
            "direction": "out",
            "counterpart": f"Agent {i}",
            "reference": f"INC-{1000 + i}",
            "summary": f"Entry number {i}: still no line.",
        }
        for i in range(count)
    ]


def _text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_every_entry_and_section_is_in_the_pdf(store, tmp_path):
    store.import_cases(parse_saga(json.dumps(saga_doc(_events(300))).encode()).cases)
    case = store.load_case("case-1", with_journal=True)
    context = report_context(case, load_ladders(), date(2026, 11, 22), "en")
    pages = report_pdf(context, tmp_path / "r.pdf", lang="en", header="Examplecom — saga")
    text = _text(tmp_path / "r.pdf")
    assert pages > 5 and f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    for needle in ("The parties", "Figures", "Chronology", "Escalation", "300 entries"):
        assert needle in text
    for i in (0, 150, 299):
        assert f"Entry number {i}: still no line." in text and f"INC-{1000 + i}" in text
    assert "Exported on November 22, 2026 by plainte" in text


def test_a_fingerprint_with_ff_is_printed_as_letters_not_a_ligature(store, tmp_path):
    store.import_cases(parse_saga(json.dumps(saga_doc()).encode()).cases)
    context = report_context(
        store.load_case("case-1", with_journal=True), load_ladders(), date(2026, 11, 22), "en"
    )
    context["fingerprint"] = "#17 94b2377b4ffc (2026-11-23)"  # a hash seen to print as "4ﬀc"
    report_pdf(context, tmp_path / "r.pdf", lang="en", header="Examplecom")
    assert "94b2377b4ffc" in _text(tmp_path / "r.pdf")


def test_the_pdf_prints_at_reading_size(store, tmp_path):
    store.import_cases(parse_saga(json.dumps(saga_doc(_events(5))).encode()).cases)
    case = store.load_case("case-1", with_journal=True)
    context = report_context(case, load_ladders(), date(2026, 11, 22), "fr")
    report_pdf(context, tmp_path / "r.pdf", lang="fr", header="Examplecom")
    fonts = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
    ).stdout
    heights = [
        float(line.split('yMax="')[1].split('"')[0]) - float(line.split('yMin="')[1].split('"')[0])
        for line in fonts.splitlines()
        if "<word " in line
    ]
    body = sorted(heights)[len(heights) // 2]
    assert 8 <= body <= 14  # points: a 9 pt body, as the HTML report's 10 pt reads on paper
