"""The journal fingerprint: in letters and exports, recorded when sent, checked by verify."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from datetime import date

import pytest

from plainte.core.editor import Editor
from plainte.core.export import export
from plainte.core.fingerprint import of_store, parse
from plainte.core.journal import canonical, entry_hash
from plainte.core.sagafile import read_saga
from plainte.core.verify import verify_case
from plainte.gui.drawing import QtDrawing

CASE = "demo-rogers-2010"
TODAY = date(2026, 8, 22)


@pytest.fixture
def demo(store, demo_paths):
    for path in demo_paths:
        store.import_cases(read_saga(path).cases)
    return store


def test_every_export_carries_the_fingerprint(demo, tmp_path):
    fp = of_store(demo.conn, CASE)
    assert parse(fp.text) == (fp.n, fp.short)
    export(demo, CASE, "html", tmp_path / "t.html", TODAY, "en")
    assert fp.text in (tmp_path / "t.html").read_text(encoding="utf-8")
    export(demo, CASE, "pdf", tmp_path / "t.pdf", TODAY, "en", QtDrawing())
    pdf = subprocess.run(
        ["pdftotext", str(tmp_path / "t.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert fp.short in pdf
    export(demo, CASE, "csv", tmp_path / "t.csv", TODAY)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "t.csv").read_text("utf-8-sig"))))
    assert {r["journal_fingerprint"] for r in rows} == {fp.text}
    export(demo, CASE, "json", tmp_path / "t.json", TODAY)
    saga = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert saga["cases"][0]["journal"][-1]["hash"] == fp.hash
    export(demo, CASE, "pack", tmp_path / "pack", TODAY, "en", QtDrawing())
    assert fp.text in (tmp_path / "pack" / "fingerprint.txt").read_text(encoding="utf-8")
    assert "fingerprint.txt" in (tmp_path / "pack" / "manifest.csv").read_text(encoding="utf-8")


def test_a_fingerprint_copied_from_a_pdf_with_a_ligature_is_read():
    assert parse("#17 94b2377b4\ufb00c (2026-11-23)") == (17, "94b2377b4ffc")


def test_a_letter_carries_the_fingerprint(run_cli):
    run_cli("demo")
    letter = run_cli("letter", CASE, "--kind", "formal-notice", "--lang", "en").out
    line = next(x for x in letter.splitlines() if x.startswith("Record fingerprint"))
    assert run_cli("verify", CASE, "--fingerprint", line.split(": ", 1)[1]).code == 0


def _forge(store, case_id: str, n: int, summary: str) -> None:
    """Rewrite entry ``n``'s event and recompute every hash after it: a consistent forgery."""
    rows = store.conn.execute(
        "SELECT n, entity, entity_id, action, at, content, prev FROM journal"
        " WHERE case_id = ? ORDER BY n",
        (case_id,),
    ).fetchall()
    prev = None
    for row_n, entity, entity_id, action, at, content, old_prev in rows:
        if row_n < n:
            continue
        data = json.loads(content)
        if row_n == n:
            data["summary"] = summary
            store.conn.execute(
                "UPDATE events SET summary = ? WHERE case_id = ? AND id = ?",
                (summary, case_id, entity_id),
            )
        prev = old_prev if prev is None else prev
        text = canonical(data)
        digest = entry_hash(prev, row_n, entity, entity_id, action, at, text)
        store.conn.execute(
            "UPDATE journal SET content = ?, prev = ?, hash = ? WHERE case_id = ? AND n = ?",
            (text, prev, digest, case_id, row_n),
        )
        prev = digest


def test_a_forged_rehashed_history_is_caught_by_a_fingerprint_sent_out(demo):
    sent = of_store(demo.conn, CASE)
    event = Editor(demo).find_event(CASE, "r5")
    event.id, event.promises, event.summary = "letter-1", [], "Formal notice sent"
    Editor(demo).save_event(CASE, event, sent=sent)
    first_event = next(e for e in demo.journal(CASE) if e.entity == "event")
    _forge(demo, CASE, first_event.n, "Forged: they answered at once")
    verdict = verify_case(demo, CASE)
    assert not verdict.ok
    assert [p.key for p in verdict.problems] == ["sent_fingerprint_missing"]


def test_a_rewrite_that_drops_the_sent_record_is_caught_by_the_letter(demo):
    letter = of_store(demo.conn, CASE).text
    first_event = next(e for e in demo.journal(CASE) if e.entity == "event")
    _forge(demo, CASE, first_event.n, "Forged: they answered at once")
    alone = verify_case(demo, CASE)
    assert alone.ok  # consistent: an unkeyed chain cannot tell
    against_letter = verify_case(demo, CASE, [letter])
    assert [p.key for p in against_letter.problems] == ["given_fingerprint_missing"]


def test_verify_says_what_it_checked_and_what_it_cannot_prove(run_cli):
    run_cli("demo")
    out = run_cli("verify", CASE).out
    assert "chain of" in out and "unbroken" in out
    assert "Fingerprint now: #" in out
    assert "cannot prove alone" in out
    assert "--fingerprint" in out
