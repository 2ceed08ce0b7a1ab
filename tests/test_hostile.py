"""Hostile input at every entry point: a saga file, a user template, a ladder file, a dialog.

Each is mutated at random; plainte either accepts it with the data intact or
refuses it with a located message: never a traceback, and the store unchanged.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from plainte import cli
from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.resources import data_folder
from plainte.core.sagafile import parse_saga

from .conftest import saga_doc

ODD_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "\ud800",
            "﻿",
            "‮evil",
            "{{ 7*7 }}",
            "{% raw %}",
            "2026-02-30",
            "yesterday",
            "NaN",
            "-1",
            "9" * 400,
        ]
    ),
    st.just("x" * 200_001),
)
VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**12), 10**12),
        st.floats(allow_nan=False, allow_infinity=False),
        ODD_TEXT,
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(node, prefix=()):
    """Every (container, key) place in a JSON document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


@st.composite
def mutated_sagas(draw):
    doc = copy.deepcopy(saga_doc())
    for _ in range(draw(st.integers(1, 3))):
        places = list(_paths(doc))
        place = draw(st.sampled_from(places))
        parent = doc
        for key in place[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["set", "delete", "duplicate", "nest", "rename"]))
        last = place[-1]
        if action == "set":
            parent[last] = draw(VALUES)
        elif action == "delete":
            del parent[last]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif action == "nest":
            value = parent[last]
            for _ in range(draw(st.integers(1, 200))):
                value = [value]
            parent[last] = value
        elif action == "rename" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=10))] = parent.pop(last)
    return doc


def _run(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = cli.main(argv)
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def _import_is_intact_or_refused(path, tmp_path, capsys) -> None:
    """Import ``path`` next to the demo: a clean import or a located refusal, never a traceback."""
    data = tmp_path / uuid.uuid4().hex  # hypothesis seeds `random`: it would repeat
    base = ["--data-dir", str(data)]
    assert _run([*base, "demo"], capsys)[0] == 0
    before = _run([*base, "export", "all", "--format", "json"], capsys)[1]
    code, _out, err = _run([*base, "import", str(path)], capsys)
    assert "Traceback" not in err and "Unexpected error" not in err, err
    after = _run([*base, "export", "all", "--format", "json"], capsys)[1]
    if code == 1:
        assert str(path) in err and ": " in err
        assert json.loads(after)["cases"] == json.loads(before)["cases"]
        return
    assert code == 0, err
    imported = parse_saga(path.read_bytes()).cases
    stored = {c["id"]: c for c in json.loads(after)["cases"]}
    for case in imported:
        again = parse_saga(
            json.dumps(
                {"format": "plainte-saga", "version": 1, "cases": [stored[case.id]]}
            ).encode()
        ).cases[0]
        assert [(e.id, e.at, e.summary, e.channel, e.promises) for e in again.events] == [
            (e.id, e.at, e.summary, e.channel, e.promises) for e in case.events
        ]
    for fmt in ("csv", "ics", "html"):
        for case in imported:
            result = _run([*base, "export", case.id, "--format", fmt], capsys)
            assert result[0] == 0 and "Traceback" not in result[2], result[2]


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(doc=mutated_sagas())
def test_a_mutated_saga_file_is_imported_intact_or_refused_with_a_place(doc, tmp_path, capsys):
    path = tmp_path / "mutated.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    _import_is_intact_or_refused(path, tmp_path, capsys)


HOSTILE_LITERALS = [
    '"FR\\n"',
    '"GB\\n"',
    '"ombudsman\\n"',
    '"\\ud800"',
    '"x\\udfff"',
    "1e999",
    "-1e999",
    "NaN",
    "Infinity",
    str(2**63),
    str(2**63 - 1),
    str(-(2**63)),
    "9" * 4000,
    '"9999-12-31"',
    '"9999-12-31T23:59:59-12:00"',
    '"0001-01-01"',
    '"0001-01-01T00:00:00+14:00"',
    '"2026-08-03T09:15:00+01:00\\n"',
    "[" * 300 + "]" * 300,
    '{"a": 1, "a": 2}',
    '"<img width=60000 height=60000 src=x>"',
    '"\\u202eevil\\u2066"',
    '"=HYPERLINK(\\"x\\")"',
    '"a/../b\\\\c"',
    '""',
    "1.5",
    "true",
    "null",
    "[]",
    "{}",
]
_KEY = re.compile(r'"([^"\\]*)": ')


def _saga_text() -> str:
    """The reference saga with an attachment, as text (mutations work on the text)."""
    doc = saga_doc()
    doc["cases"][0]["events"][0]["attachments"] = [
        {"name": "bill.pdf", "sha256": "ab" * 32, "size": 12}
    ]
    return json.dumps(doc, ensure_ascii=False)


def _replaced(key: str, literal: str) -> str:
    """The saga text with the first value of ``key`` replaced by ``literal``."""
    text = _saga_text()
    found = re.search(f'"{key}": ', text)
    _value, end = json.JSONDecoder().raw_decode(text, found.end())
    return text[: found.end()] + literal + text[end:]


@st.composite
def textually_mutated_sagas(draw) -> str:
    """A saga file's text with values swapped for hostile literals and keys given twice."""
    text = _saga_text()
    for _ in range(draw(st.integers(1, 3))):
        keys = list(_KEY.finditer(text))
        found = draw(st.sampled_from(keys))
        literal = draw(st.sampled_from(HOSTILE_LITERALS))
        try:
            _value, end = json.JSONDecoder().raw_decode(text, found.end())
        except ValueError:  # a value an earlier round made hostile (a 5,000-digit number)
            continue
        if draw(st.booleans()):  # replace the value
            text = text[: found.end()] + literal + text[end:]
        else:  # give the key twice, the hostile value first
            text = text[: found.start()] + f"{found.group(0)}{literal}, " + text[found.start() :]
    return text


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=textually_mutated_sagas())
@example(text=_replaced("country", '"FR\\n"'))
@example(text=_replaced("size", str(2**63)))
@example(text=_replaced("id", '"\\ud800"'))
@example(text=_replaced("due", '"9999-12-31"'))
@example(text=_replaced("due", '"0001-01-01"'))
@example(text=_replaced("at", '"0001-01-01T00:00:00+14:00"'))
@example(text=_replaced("wait_minutes", "1e999"))
@example(text=_replaced("wait_minutes", "9" * 400))
@example(text=_replaced("summary", '"<img src=\\"/dev/zero\\">"'))
def test_a_saga_file_with_hostile_literals_is_imported_or_refused_with_a_place(
    text, tmp_path, capsys
):
    path = tmp_path / "literals.json"
    path.write_text(text, encoding="utf-8")
    _import_is_intact_or_refused(path, tmp_path, capsys)


TEMPLATE_BITS = [
    "{{ case.provider }}",
    "{{",
    "}}",
    "{%",
    "%}",
    "{% for x in chronology %}",
    "{% endfor %}",
    "{% if %}",
    "{{ nothing.here }}",
    "{{ 1/0 }}",
    "\n",
    "{{ ''.__class__ }}",
    "{% include 'x' %}",
    "text",
    "{# c",
    "#}",
    "{{ stats.days|upper }}",
    "{% macro m() %}",
]


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bits=st.lists(st.sampled_from(TEMPLATE_BITS), max_size=12))
def test_a_hostile_user_template_never_breaks_the_letter(bits, tmp_path):
    folder = tmp_path / "templates" / "letters"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "complaint.en.txt.j2").write_text("".join(bits), encoding="utf-8")
    case = parse_saga(json.dumps(saga_doc()).encode()).cases[0]
    result = Composer(load_ladders(), tmp_path / "templates").compose(
        case, "complaint", date(2026, 8, 22), lang="en"
    )
    assert result.text.strip()
    for problem in result.warnings:
        assert "complaint.en.txt.j2" in str(problem)


FR_LADDER = (data_folder("ladders") / "fr.yaml").read_text(encoding="utf-8")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(
        st.tuples(
            st.integers(0, len(FR_LADDER)),
            st.integers(0, 40),
            st.sampled_from(["", ":", "  ", "- ", "{", "]", "\n", "x"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_a_damaged_user_ladder_is_refused_and_the_built_in_ones_work(cuts, tmp_path):
    text = FR_LADDER
    for start, length, insert in cuts:
        text = text[:start] + insert + text[start + length :]
    folder = tmp_path / "ladders"
    folder.mkdir(exist_ok=True)
    (folder / "fr.yaml").write_text(text, encoding="utf-8")
    ladders = load_ladders(folder)
    assert {lad.jurisdiction for lad in ladders.ladders} >= {"FR", "GB", "*"}
    for problem in ladders.problems:
        assert "fr.yaml" in str(problem) and "line" in str(problem)


@pytest.mark.usefixtures("qapp")
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    typed=ODD_TEXT.filter(lambda t: len(t) < 1000), title=ODD_TEXT.filter(lambda t: len(t) < 1000)
)
def test_dialog_fields_take_anything(typed, title, store):
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from plainte.core.model import Channel, Direction, Event, parse_typed_when
    from plainte.gui.case_dialog import CaseDialog
    from plainte.gui.event_dialog import EventDialog
    from plainte.gui.settings import Preferences

    event = Event(
        id="x",
        at=parse_typed_when("2026-08-01 10:00"),
        channel=Channel.PHONE,
        direction=Direction.OUT,
    )
    dialog = EventDialog(None, event, [], store.data_dir, is_new=True)
    dialog.when.edit.setText(typed)
    dialog.counterpart.setText(typed)
    dialog.summary.setPlainText(typed)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert (dialog.result() == QDialog.DialogCode.Accepted) == dialog.when.is_valid()
    if dialog.when.is_valid():
        assert dialog.result_event().at is not None
    else:
        assert dialog.when.error.text()
    dialog.deleteLater()
    case_dialog = CaseDialog(None, None, Preferences())
    case_dialog.title.setText(title)
    case_dialog.provider.setText(typed)
    case_dialog.accept()
    if case_dialog.result():
        assert case_dialog.case().title == title.strip()
    else:
        assert case_dialog.error.text()
    case_dialog.deleteLater()
