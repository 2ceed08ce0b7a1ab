"""Imports from the window run as ``plainte import`` in a process of their own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QProgressBar, QPushButton

from plainte.core import i18n
from plainte.core.store import Store
from plainte.gui.operations.imports import STEPS

from ...conftest import long_saga_doc, saga_doc

WAIT_MS = 60_000


def _state(store: Store) -> tuple:
    """What an import would change: the counts of every kind of row and each journal's head."""
    conn = store.conn
    counts = tuple(
        conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("cases", "events", "promises", "journal")
    )
    heads = conn.execute(
        "SELECT case_id, max(n), hash FROM journal GROUP BY case_id ORDER BY case_id"
    ).fetchall()
    return counts, heads


def test_a_file_is_imported_by_another_process_and_listed(qtbot, window, make_saga):
    path = make_saga(saga_doc())
    task = window.import_ops.import_paths([path])
    assert task.process.processId() not in (0, None)
    with qtbot.waitSignal(task.signals.done, timeout=WAIT_MS):
        pass
    assert window.cases.row_of("case-1") >= 0
    said = window.statusBar().currentMessage()
    assert said.startswith(f"{path.name}: imported 1 case (1 new), 4 events.")
    assert "added" in said and str(path.parent) not in said
    assert window.import_ops.progress is None


def test_progress_follows_the_bytes_read_with_the_file_name(qtbot, window, make_saga):
    path = make_saga(long_saga_doc(3000))
    task = window.import_ops.import_paths([path])
    seen: list[tuple[int, int, int, str]] = []

    def note(done: int, total: int, number: int) -> None:
        dialog = window.import_ops.progress
        seen.append((done, total, dialog.value(), dialog.labelText()))
        assert number == 1 and dialog.maximum() == STEPS

    task.progressed.connect(note)
    with qtbot.waitSignal(task.signals.done, timeout=WAIT_MS):
        pass
    size = path.stat().st_size
    assert len(seen) >= 2 and {total for _, total, _, _ in seen} == {size}
    assert [done for done, *_ in seen] == sorted(done for done, *_ in seen)
    first_done, _, first_value, first_label = seen[0]
    assert first_done < size and first_value == first_done * STEPS // size
    assert first_label == f"Importing {path.name}…"
    assert seen[-1][0] == size and seen[-1][2] == STEPS
    assert seen[-1][3] == f"Checking and saving {path.name}…"
    assert window.cases.row_of("long") >= 0


def test_cancel_kills_the_import_and_the_store_is_as_before(qtbot, window, make_saga, data_dir):
    window.case_ops.load_demo()
    before = _state(window.store)
    path = make_saga(long_saga_doc(20_000))
    task = window.import_ops.import_paths([path])
    dialog = window.import_ops.progress
    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    with qtbot.waitSignal(task.progressed, timeout=WAIT_MS) as first:
        pass
    assert first.args[0] < first.args[1]  # mid-way
    with qtbot.waitSignal(task.cancelled, timeout=WAIT_MS):
        cancel.click()
    assert task.process.exitStatus() == QProcess.ExitStatus.CrashExit  # killed, not ended
    assert window.statusBar().currentMessage() == "Import cancelled: nothing was changed."
    assert _state(window.store) == before
    assert window.cases.row_of("long") < 0
    again = Store.open(data_dir)  # after the kill: opens, checks itself, finds it whole
    try:
        assert again.integrity_problem is None and _state(again) == before
    finally:
        again.close()


def test_a_bad_file_is_refused_in_the_person_language(qtbot, window, make_saga, no_modal_boxes):
    window.case_ops.load_demo()
    before = _state(window.store)
    doc = saga_doc()
    doc["cases"][0]["events"][3]["at"] = "hier"
    path = make_saga(doc)
    i18n.set_language("fr")
    task = window.import_ops.import_paths([path])
    dialog = window.import_ops.progress
    assert dialog.labelText() == f"Import de {path.name}…"
    assert dialog.findChild(QProgressBar).format() == "%p\u202f%"  # 36 %, as French writes it
    with qtbot.waitSignal(task.signals.failed, timeout=WAIT_MS):
        pass
    said = no_modal_boxes[-1]
    assert said.startswith("Refusé, rien n'a été importé : ")
    assert "cases[0].events[3].at" in said and "pas une date : « hier »" in said
    assert str(path) in said and "Traceback" not in said
    assert _state(window.store) == before
    assert window.import_ops.progress is None


def test_of_several_files_the_good_ones_are_kept_and_the_bad_one_said(
    qtbot, window, make_saga, no_modal_boxes
):
    good = make_saga(saga_doc())
    bad = make_saga("{ oops")
    task = window.import_ops.import_paths([bad, good])
    with qtbot.waitSignal(task.signals.failed, timeout=WAIT_MS):
        pass
    assert window.cases.row_of("case-1") >= 0
    assert window.statusBar().currentMessage().startswith(f"{good.name}: imported 1 case")
    assert Path(bad).name in no_modal_boxes[-1] and "not valid JSON" in no_modal_boxes[-1]
