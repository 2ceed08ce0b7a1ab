"""Exports: HTML and PDF hold every event, amendments and retractions; ICS parses strictly;
the card holds no private data; the pack's manifest matches its files."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from plainte.core.card import card_lines
from plainte.core.editor import Editor
from plainte.core.export import export
from plainte.core.redact import leaks
from plainte.core.sagafile import parse_saga
from plainte.gui.drawing import QtDrawing

TODAY = date(2026, 8, 22)


@pytest.fixture
def case_store(store, saga, journal_clock):
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    journal_clock(60)  # the edit comes an hour later: an amendment, not a correction
    editor = Editor(store)
    event = editor.find_event("case-1", "c")
    event.summary = "Written complaint sent by e-mail, still no reply."
    editor.save_event("case-1", event)
    editor.delete_event("case-1", "b")
    return store


def test_html_is_self_contained_escaped_and_marks_changes(case_store, tmp_path):
    out = tmp_path / "t.html"
    export(case_store, "case-1", "html", out, TODAY, "en")
    html = out.read_text(encoding="utf-8")
    assert "<link" not in html and "<script" not in html and "<style>" in html
    for text in (
        "Reported the outage.",
        "INC-204981",
        "Priya",
        "42 min on hold",
        "An engineer will call back within 48 hours",
        "Overdue",
        "amended on",
        "original: &#34;Written complaint, no reply.&#34;",
        "retracted on",
        "Missed call, no message.",
        "ACC-99173-UNIQUE",
    ):
        assert text in html, text


def test_html_escapes_the_person_texts(store, saga, tmp_path):
    saga["cases"][0]["events"][0]["summary"] = "<script>alert(1)</script> & co"
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    out = tmp_path / "t.html"
    export(store, "case-1", "html", out, TODAY, "en")
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdf_holds_every_event_with_page_numbers(case_store, tmp_path):
    out = tmp_path / "t.pdf"
    export(case_store, "case-1", "pdf", out, TODAY, "en", drawing=QtDrawing())
    text = _pdftotext(out)
    squashed = " ".join(text.split())
    for summary in (
        "Reported the outage.",
        "Written complaint sent by e-mail",
        "Missed call",
        "INC-204981",
        "Sam",
    ):
        assert summary in squashed, summary
    assert "amended on" in squashed and "retracted on" in squashed
    assert re.search(r"Page 1 of \d", text)
    assert "Broadband down for three weeks" in text.splitlines()[0]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdf_of_a_long_saga_paginates(store, tmp_path):
    events = [
        {
            "id": f"e{i}",
            "at": f"2026-0{1 + i % 9}-{1 + i % 27:02d}T10:00:00",
            "channel": "phone",
            "direction": "in",
            "answered": False,
            "summary": f"Call number {i} with no message.",
        }
        for i in range(300)
    ]
    doc = {
        "format": "plainte-saga",
        "version": 1,
        "cases": [
            {
                "id": "long",
                "title": "Long",
                "provider": "P",
                "country": "FR",
                "sector": "mobile",
                "language": "fr",
                "events": events,
            }
        ],
    }
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    out = tmp_path / "long.pdf"
    export(store, "long", "pdf", out, date(2026, 12, 1), "fr", drawing=QtDrawing())
    text = " ".join(_pdftotext(out).split())
    assert all(f"Call number {i} with" in text for i in range(300))
    pages = int(re.findall(r"Page \d+ sur (\d+)", text)[0])
    assert pages >= 5


def _unfold(raw: bytes) -> list[str]:
    """A strict reader: CRLF everywhere, 75-octet lines, folding undone."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    for line in physical:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line
        line.decode("utf-8")  # never cut inside a character
    logical: list[bytes] = []
    for line in physical:
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [line.decode("utf-8") for line in logical]


def test_ics_parses_strictly_with_the_right_dates(case_store, tmp_path):
    out = tmp_path / "t.ics"
    export(case_store, "case-1", "ics", out, TODAY, "en")
    lines = _unfold(out.read_bytes())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events, current = [], None
    for line in lines:
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            for required in ("UID", "DTSTAMP", "DTSTART;VALUE=DATE", "SUMMARY"):
                assert required in current, required
            events.append(current)
            current = None
        elif current is not None:
            assert re.match(r"^[A-Z-]+(;[A-Z-]+=[^:;]+)*$", name), line
            current[name] = value
    assert len({e["UID"] for e in events}) == len(events)
    by_summary = {e["SUMMARY"]: e for e in events}
    promise = by_summary["Examplecom promised: An engineer will call back within 48 hours"]
    assert promise["DTSTART;VALUE=DATE"] == "20260805" and promise["DTEND;VALUE=DATE"] == "20260806"
    ombudsman = by_summary["ADR scheme (Communications Ombudsman or CISAS): opens today"]
    assert ombudsman["DTSTART;VALUE=DATE"] == "20260918"  # 6 weeks after 7 August 2026
    again = tmp_path / "again.ics"
    export(case_store, "case-1", "ics", again, TODAY, "en")
    assert re.findall(r"UID:\S+", again.read_text()) == re.findall(r"UID:\S+", out.read_text())


def test_the_card_holds_no_private_data(store, saga, tmp_path):
    case_doc = saga["cases"][0]
    case_doc["title"] = "Line ACC-99173-UNIQUE down, call me on 07700 900123"
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    case = store.load_case("case-1")
    lines = card_lines(case, TODAY, "en")
    text = " ".join(lines.values())
    assert leaks(text, case) == []
    assert "ACC-99173-UNIQUE" not in text and "07700" not in text and "Alex" not in text
    assert lines["days"] == "Day 19" and "2 of 2 promises" not in text
    out = tmp_path / "card.png"
    export(store, "case-1", "png", out, TODAY, "en", drawing=QtDrawing())
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 675)


def test_the_pack_manifest_matches_its_files(case_store, tmp_path):
    from plainte.core import attachments

    evidence = tmp_path / "bill-august.pdf"
    evidence.write_bytes(b"%PDF-1.4 a bill")
    editor = Editor(case_store)
    event = editor.find_event("case-1", "a")
    event.attachments.append(attachments.add_file(case_store.data_dir, evidence))
    editor.save_event("case-1", event)
    folder = tmp_path / "pack"
    export(case_store, "case-1", "pack", folder, TODAY, "en", drawing=QtDrawing())
    rows = list(csv.DictReader((folder / "manifest.csv").open(encoding="utf-8")))
    listed = {r["file"] for r in rows}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert listed == on_disk - {"manifest.csv"}
    for row in rows:
        data = (folder / row["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == row["sha256"] and len(data) == int(row["size"])
    assert any(name.endswith("bill-august.pdf") for name in listed)
    checklist = (folder / "checklist.txt").read_text(encoding="utf-8")
    assert "[x] Bills, bank statements, contract" in checklist
    assert "[ ] MISSING — The ADR letter and its date" in checklist


def test_a_missing_evidence_file_is_reported_not_ignored(case_store, tmp_path):
    from plainte.core import attachments
    from plainte.core.errors import PlainteError

    evidence = tmp_path / "screenshot.png"
    evidence.write_bytes(b"pixels")
    editor = Editor(case_store)
    event = editor.find_event("case-1", "a")
    attachment = attachments.add_file(case_store.data_dir, evidence)
    event.attachments.append(attachment)
    editor.save_event("case-1", event)
    attachments.stored_path(case_store.data_dir, attachment).unlink()
    with pytest.raises(PlainteError) as info:
        export(case_store, "case-1", "pack", tmp_path / "pack", TODAY, "en", drawing=QtDrawing())
    assert "screenshot.png" in str(info.value) and "missing" in str(info.value)
    from plainte.core.verify import verify_case

    verdict = verify_case(case_store, "case-1")
    assert any("screenshot.png" in p.where and p.key == "file_missing" for p in verdict.problems)


def test_json_and_csv_are_streamed_with_the_same_content(case_store, tmp_path, monkeypatch):
    from plainte.core.csvexport import cases_to_csv
    from plainte.core.sagafile import dump_saga

    case = case_store.load_case("case-1", with_journal=True)
    monkeypatch.setattr(type(case_store), "load_case", None)  # the exports never read it whole
    export(case_store, "case-1", "json", tmp_path / "s.json", TODAY)
    export(case_store, "case-1", "csv", tmp_path / "s.csv", TODAY)
    streamed = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    whole = json.loads(dump_saga([case]))
    streamed.pop("exported_at"), whole.pop("exported_at")
    assert streamed == whole and len(streamed["cases"][0]["journal"]) == len(case.journal)
    assert (tmp_path / "s.csv").read_bytes().decode("utf-8") == cases_to_csv([case])
    assert parse_saga((tmp_path / "s.json").read_bytes()).cases[0].events == case.events


def test_streamed_events_come_in_timeline_order_across_batches(store, saga):
    saga["cases"][0]["events"] = [
        {"id": f"e{i}", "at": f"2026-08-{1 + i % 28:02d}", "channel": "email", "direction": "out"}
        for i in range(57)
    ]
    store.import_cases(parse_saga(json.dumps(saga).encode()).cases)
    whole = [e.id for e in store.load_case("case-1").events]
    assert [e.id for e in store.iter_events("case-1", batch=5)] == whole
