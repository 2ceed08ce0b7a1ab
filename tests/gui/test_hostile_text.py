"""A saga whose every text is hostile markup: shown as typed, in every widget, without growth.

Qt's labels, message boxes and tool tips guess rich text from the first tag
they see: a provider named ``<img width=60000 height=60000 src=x>`` made a
60,000-pixel label, and ``<img src="/dev/zero">`` read that device until the
system killed the app.
"""

from __future__ import annotations

import json
import resource

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from plainte.core.sagafile import parse_saga
from plainte.gui.case_pane import LADDER, TIMELINE
from plainte.gui.widgets import PlainLabel, shown

from ..conftest import saga_doc

GIANT = "<img width=60000 height=60000 src=x>"
ENDLESS = '<img src="/dev/zero">'
SPOOF = "<b>Case closed</b><br><font color=red>refund paid</font>"
TEXTS = [GIANT, ENDLESS, SPOOF]


def _hostile_saga() -> dict:
    doc = saga_doc()
    case = doc["cases"][0]
    for n, field in enumerate(("title", "provider", "provider_handle", "account_ref", "notes")):
        case[field] = TEXTS[n % 3] + f" {field}"
    case["customer"] = {k: GIANT for k in ("name", "address", "email", "phone")}
    for n, event in enumerate(case["events"]):
        for field in ("counterpart", "reference", "summary"):
            event[field] = TEXTS[n % 3] + f" {field}"
        for promise in event.get("promises", []):
            promise["text"] = ENDLESS + " promise"
        event["attachments"] = [{"name": GIANT + ".pdf", "sha256": "ab" * 32, "size": 1}]
    return doc


@pytest.fixture
def hostile_window(window, store):
    store.import_cases(parse_saga(json.dumps(_hostile_saga()).encode()).cases)
    return window


def _labels_are_plain(top: QWidget) -> None:
    """No label that shows imported text may render it as rich text."""
    for label in top.findChildren(QLabel):
        if any(marker in label.text() for marker in ("<img", "<b>")):
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
            assert label.sizeHint().width() < 5000 and label.sizeHint().height() < 5000


def _grab_is_bounded(widget: QWidget) -> None:
    pixmap = widget.grab()
    assert 0 < pixmap.width() < 5000 and 0 < pixmap.height() < 5000


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_shown_escapes_only_what_qt_would_render(qapp):
    assert shown("Broadband down, 3 weeks") == "Broadband down, 3 weeks"
    escaped = shown(GIANT)
    assert "&lt;img" in escaped and "<img" not in escaped
    label = PlainLabel(GIANT)
    assert label.textFormat() == Qt.TextFormat.PlainText and label.text() == GIANT


def test_every_widget_shows_hostile_text_as_typed(
    qtbot, hostile_window, answer, monkeypatch, no_modal_boxes
):
    w = hostile_window
    before = _rss_mb()
    w.case_ops.load_demo()  # the list refreshes; the hostile case is in it
    w.case_view.selectRow(w.cases.row_of("case-1"))
    assert w.case and w.case.id == "case-1"
    assert w.pane.title.text().startswith(w.case.provider)
    assert w.pane.title.textFormat() == Qt.TextFormat.PlainText
    title_index = next(
        w.cases.index(w.cases.row_of("case-1"), c)
        for c in range(w.cases.columnCount())
        if w.cases.index(0, c).data(Qt.ItemDataRole.ToolTipRole) is not None
    )
    assert "&lt;img" in title_index.data(Qt.ItemDataRole.ToolTipRole)
    for tab in range(w.pane.tabs.count()):
        w.pane.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        _labels_are_plain(w)
        _grab_is_bounded(w)

    w.pane.tabs.setCurrentIndex(TIMELINE)
    qtbot.waitUntil(lambda: w.pane.filter.rowCount() > 0)
    w.pane.timeline_view.selectRow(0)
    assert w.selected_event() is not None
    opened: list[QWidget] = []
    for dialog_class in ("CaseDialog", "EventDialog"):
        module = {"CaseDialog": "case_dialog", "EventDialog": "event_dialog"}[dialog_class]
        cls = getattr(__import__(f"plainte.gui.{module}", fromlist=[dialog_class]), dialog_class)

        def fill(dialog, opened=opened):
            _labels_are_plain(dialog)
            _grab_is_bounded(dialog)
            opened.append(dialog)
            dialog.reject()

        answer(cls, fill)
    w.case_ops.edit_case()
    w.pane.timeline_view.selectRow(0)
    w.event_ops.edit_event()
    assert len(opened) == 2, no_modal_boxes
    for dialog in (w.compose_ops.compose("complaint"), w.call_ops.on_a_call()):
        QApplication.processEvents()
        _labels_are_plain(dialog)
        _grab_is_bounded(dialog)
        dialog.close()
    w.pane.timeline_view.selectRow(0)
    w.event_ops.show_history()
    _grab_is_bounded(w.history_box)
    w.history_box.close()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _w, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.No,
    )
    w.case_ops.delete_case()  # the confirmation quotes the title: escaped for the box
    assert asked and "&lt;img" in asked[0] and "<img" not in asked[0]
    assert _rss_mb() - before < 300


@pytest.fixture
def plain_ladder(store):
    """A person's French ladder whose switching texts are plain strings, bodies hostile."""
    import yaml

    from plainte.core.resources import data_folder

    data = yaml.safe_load((data_folder("ladders") / "fr.yaml").read_text(encoding="utf-8"))
    for key, value in data["switching"].items():
        for item in value if isinstance(value, list) else [value]:
            item["text"] = f"{GIANT} {key}"
    for step in data["steps"]:
        step["body"] = {"name": ENDLESS, "url": SPOOF, "address": GIANT}
    folder = store.data_dir / "ladders"
    folder.mkdir()
    (folder / "fr.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_ladder_view_and_the_switch_assistant_take_plain_and_hostile_texts(
    qtbot, plain_ladder, window, store
):
    doc = saga_doc(country="FR")
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    w = window
    w.case_ops.load_demo()
    w.case_view.selectRow(w.cases.row_of("case-1"))
    assert not w.ladders.problems and w.ladders.for_case(w.case).jurisdiction == "FR"
    w.pane.tabs.setCurrentIndex(LADDER)
    panel = w.pane.ladder_panel
    for n in range(panel.tree.topLevelItemCount()):
        panel.tree.setCurrentItem(panel.tree.topLevelItem(n))
        QApplication.processEvents()
        _labels_are_plain(w)
    assert ENDLESS in panel.detail.text()
    _grab_is_bounded(w)
    wizard = w.compose_ops.switch_assistant()
    for _ in range(len(wizard.pageIds())):
        QApplication.processEvents()
        _labels_are_plain(wizard)
        _grab_is_bounded(wizard)
        wizard.next()
    assert any(GIANT in label.text() for label in wizard.findChildren(QLabel))
    wizard.reject()


def test_export_names_built_from_a_hostile_provider_stay_in_the_chosen_folder(
    qtbot, window, store, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from plainte.core.filenames import safe_filename

    doc = saga_doc(provider="../../escaped/C:dir\\x<y>|z\u202e", title="a/b: c, d")
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    w = window
    w.case_ops.load_demo()
    w.case_view.selectRow(w.cases.row_of("case-1"))
    out = tmp_path / "out"
    out.mkdir()
    written = w.export_ops.export_case_files(out)
    assert len(written) == 5
    for path in written:
        assert path.parent == out and path.exists(), path
        assert path.name == safe_filename(path.name)
    assert not (tmp_path / "escaped").exists()
    offered: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _w, _t, name, *a: offered.append(name) or ("", "")
    )
    w.export_ops.export("csv")
    assert offered and "/" not in offered[0] and ":" not in offered[0] and "," not in offered[0]
    assert offered[0] == safe_filename(offered[0])
