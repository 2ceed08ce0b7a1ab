"""``plainte mail`` and ``plainte react``: the command-line contract of design.md."""

from __future__ import annotations

import io
import json
import sys

from .conftest import saga_doc
from .core.test_mail import ROGERS_STYLE


def load_case(run_cli, make_saga, **fields):
    assert run_cli("import", str(make_saga(saga_doc(**fields)))).code == 0


def test_mail_adds_the_rogers_style_reply_and_react_proposes_a_written_answer(
    run_cli, make_saga, tmp_path, data_dir
):
    load_case(run_cli, make_saga)
    eml = tmp_path / "reply.eml"
    eml.write_text(ROGERS_STYLE, encoding="utf-8")
    added = run_cli("mail", "case-1", str(eml))
    assert added.code == 0, added.err
    assert "1 message added to" in added.out and "CAS-2026081" in added.out
    again = run_cli("mail", "case-1", str(eml))
    assert again.code == 0 and "0 messages added" in again.out and "1 already" in again.out
    doc = json.loads(run_cli("export", "case-1", "--format", "json").out)
    events = [e for e in doc["cases"][0]["events"] if e.get("attachments")]
    assert len(events) == 1 and events[0]["channel"] == "email"
    assert events[0]["at"] == "2026-08-12T10:14:00-04:00"
    assert run_cli("verify", "case-1").code == 0

    reading = run_cli("react", "case-1", str(eml), "--json", today="2026-08-12")
    assert reading.code == 0, reading.err
    data = reading.json()
    assert {"language", "kind", "promise", "next"} <= set(data)
    assert data["language"] == "en" and data["kind"] == "deflection"
    assert data["promise"] is None
    assert data["next"]["step"] == "written_complaint" and data["next"]["letter"] == "complaint"
    assert data["next"]["wants"] == "written_answer"
    assert data["matched"] and all({"words", "weight", "kind"} <= set(m) for m in data["matched"])
    text = run_cli("react", "case-1", str(eml), today="2026-08-12").out
    assert "Deflection" in text and "written answer" in text and "please call" in text
    logged = run_cli("react", "case-1", str(eml), "--log", today="2026-08-12")
    assert logged.code == 0 and "--kind complaint" in logged.err
    assert len(
        json.loads(run_cli("export", "case-1", "--format", "json").out)["cases"][0]["events"]
    ) == len(doc["cases"][0]["events"])  # the e-mail already there: amended, not added
    letter = run_cli("letter", "case-1", "--kind", "complaint", today="2026-08-12")
    assert "in writing (not by phone)" in letter.out


def test_react_reads_the_standard_input_and_logs_a_promise(run_cli, make_saga, monkeypatch):
    load_case(run_cli, make_saga)
    reply = "Hello Alex, an engineer will call you within 48 hours. Regards, Dan"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(reply.encode())))
    result = run_cli("react", "case-1", "-", "--json", "--log", today="2026-08-12")
    assert result.code == 0, result.err
    data = result.json()
    assert data["kind"] == "promise"
    assert data["promise"]["due"] == "2026-08-14"
    assert "within 48 hours" in data["promise"]["text"]
    doc = json.loads(run_cli("export", "case-1", "--format", "json").out)
    promises = [p for e in doc["cases"][0]["events"] for p in e.get("promises", [])]
    assert any(p.get("due") == "2026-08-14" for p in promises)
    assert run_cli("verify", "case-1").code == 0


def test_a_uk_final_response_opens_the_ombudsman_on_the_command_line(run_cli, make_saga, tmp_path):
    load_case(run_cli, make_saga)
    reply = tmp_path / "final.txt"
    reply.write_text(
        "Dear Alex, this is our final response. You can now go to the Communications Ombudsman.",
        encoding="utf-8",
    )
    data = run_cli("react", "case-1", str(reply), "--json", "--log", today="2026-08-20").json()
    assert data["kind"] == "final_response" and data["event"]["step"] == "adr_letter"
    assert (data["next"]["step"], data["next"]["letter"]) == ("ombudsman", "ombudsman")
    ladder = run_cli("ladder", "case-1", "--json", today="2026-08-20").json()
    steps = {s["id"]: s for s in ladder["steps"]}
    assert steps["ombudsman"]["status"] == "open"
    assert steps["ombudsman"]["opens_on"] == "2026-08-20"


def test_exit_codes_and_messages_in_french(run_cli, make_saga, tmp_path, monkeypatch):
    load_case(run_cli, make_saga)
    bad = tmp_path / "bad.eml"
    bad.write_bytes(b"From: a@b.example\nSubject: sans date\n\ncorps\n")
    monkeypatch.setenv("PLAINTE_LANG", "fr")
    from plainte.core import i18n

    i18n.set_language(None)
    result = run_cli("mail", "case-1", str(bad))
    assert result.code == 1
    assert "pas de date" in result.err and str(bad) in result.err and "Traceback" not in result.err
    assert "1 fichier ou message illisible, non ajouté" in result.err
    assert run_cli("mail", "case-1").code == 2  # no file: usage error
    assert run_cli("mail", "no-such-case", str(bad)).code == 1
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    refused = run_cli("react", "case-1", str(empty))
    assert refused.code == 1 and "aucun texte" in refused.err
    missing = run_cli("react", "case-1", str(tmp_path / "absent.eml"))
    assert missing.code == 1 and "Traceback" not in missing.err
    reply = tmp_path / "r.txt"
    reply.write_text("Nous vous proposons un avoir de 30 € si cela vous convient.", "utf-8")
    shown = run_cli("react", "case-1", str(reply), today="2026-08-20")
    assert shown.code == 0 and "Proposition de règlement" in shown.out and "Que faire" in shown.out


def test_reading_a_replys_text_loads_neither_the_email_package_nor_the_editor(
    run_cli, make_saga, data_dir, tmp_path
):
    from .test_cli import _modules_after

    load_case(run_cli, make_saga)
    reply = tmp_path / "reply.txt"
    reply.write_text("Hello Alex, an engineer will call you within 48 hours.", encoding="utf-8")
    loaded = _modules_after(["react", "case-1", str(reply), "--json"], data_dir)
    assert "plainte.core.react" in loaded
    assert not loaded & {"email.parser", "email.policy", "plainte.core.editor"}
