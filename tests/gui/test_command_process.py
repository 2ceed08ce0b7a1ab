"""Exports from the window run as ``plainte export`` in a process of their own."""

from __future__ import annotations

import json

from plainte.core import i18n
from plainte.gui.command_process import run_command


def _demo(window, case_id="demo-rogers-2010"):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of(case_id))


def test_a_json_export_is_written_by_another_process(qtbot, window, tmp_path):
    _demo(window)
    target = tmp_path / "rogers.json"
    task = window.export_ops.export_to(target, "json")
    assert task.process.processId() not in (0, None)
    with qtbot.waitSignal(task.signals.done, timeout=30000):
        pass
    saga = json.loads(target.read_text(encoding="utf-8"))
    assert saga["cases"][0]["id"] == "demo-rogers-2010"
    assert len(saga["cases"][0]["events"]) == len(window.store.load_case("demo-rogers-2010").events)
    assert "Exported to" in window.statusBar().currentMessage()


def test_a_failed_export_says_why_in_the_person_language(qtbot, window, tmp_path, no_modal_boxes):
    _demo(window)
    i18n.set_language("fr")
    target = tmp_path / "missing" / "rogers.csv"
    task = window.export_ops.export_to(target, "csv")
    with qtbot.waitSignal(task.signals.failed, timeout=30000):
        pass
    assert not target.exists() and not target.parent.exists()
    said = no_modal_boxes[-1]
    assert said.startswith("Erreur") and "Traceback" not in said, said
    assert "missing" in said


def test_a_command_that_cannot_run_reports_it(qtbot, tmp_path):
    task = run_command(["--data-dir", str(tmp_path), "export", "nope", "--format", "json"])
    with qtbot.waitSignal(task.signals.failed, timeout=30000) as failed:
        pass
    assert "nope" in str(failed.args[0])
