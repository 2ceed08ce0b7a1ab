"""A person's ladder file: every field's type checked, refused at its line, never a crash.

The ladders that ship keep working whatever a user file holds: a file with
``id: generic`` for one country must not take the generic ladder away from
every other one.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from plainte.core.ladder import evaluate, load_ladders
from plainte.core.ladder_text import render
from plainte.core.resources import data_folder
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

FR = yaml.safe_load((data_folder("ladders") / "fr.yaml").read_text(encoding="utf-8"))


def _case(country: str):
    return parse_saga(json.dumps(saga_doc(country=country)).encode()).cases[0]


def _write(tmp_path: Path, data: dict | str) -> Path:
    folder = tmp_path / "ladders"
    folder.mkdir(exist_ok=True)
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    return folder


def _every_country_still_works(ladders) -> None:
    for country in ("FR", "GB", "DE", "JP"):
        case = _case(country)
        state = evaluate(ladders.for_case(case), case, date(2026, 8, 22))
        render(state, case, "en")
        state.to_json()
        ladders.for_case(case).switching_on(date(2026, 8, 22))


def _changed(change) -> dict:
    data = copy.deepcopy(FR)
    change(data)
    return data


def test_a_user_ladder_named_generic_for_one_country_is_refused(tmp_path):
    data = _changed(lambda d: d.update(id="generic"))
    ladders = load_ladders(_write(tmp_path, data))
    (problem,) = ladders.problems
    message = str(problem)
    assert "mine.yaml" in message and "line" in message
    assert '"generic" is the built-in ladder for *' in message and '"fr-mine"' in message
    assert ladders.for_case(_case("DE")).id == "generic"
    _every_country_still_works(ladders)


def test_a_user_ladder_may_replace_a_built_in_one_for_the_same_place(tmp_path):
    data = _changed(lambda d: d.update(title={"fr": "La mienne", "en": "Mine"}))
    ladders = load_ladders(_write(tmp_path, data))
    assert ladders.problems == []
    assert ladders.for_case(_case("FR")).title["en"] == "Mine"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(id=["fr"]), "ladder id"),
        (lambda d: d.update(id="FR Telecom"), "ladder id"),
        (lambda d: d.update(jurisdiction="FR\n"), "country code"),
        (lambda d: d.update(jurisdiction=33), "country code"),
        (lambda d: d["steps"][0].update(parallel="no"), '"parallel" must be true or false'),
        (lambda d: d["steps"][0].update(body={"name": 5}), '"name" must be a text'),
        (lambda d: d["steps"][0].update(body={"bodies": ["CISAS"]}), "must be a mapping"),
        (lambda d: d["steps"][0].update(body={"address": ["a"]}), '"address" must be a text'),
        (lambda d: d["steps"][0].update(documents=[5]), '"documents" must be a text'),
        (
            lambda d: d["steps"][0].update(
                documents=[{"fr": "a", "en": "b", "evidence": {"files": "bill"}}]
            ),
            '"files" must be a list',
        ),
        (
            lambda d: d["steps"][0].update(
                documents=[{"fr": "a", "en": "b", "evidence": {"calls": "yes"}}]
            ),
            '"calls" must be true or false',
        ),
        (lambda d: d["sources"].update(zz={"title": "t", "url": 5}), '"url" must be a text'),
        (lambda d: d["switching"].update(porting_code="just a string"), "must be a mapping"),
        (lambda d: d["switching"].update(checklist="just a string"), "must be a mapping"),
    ],
)
def test_every_field_type_is_checked_with_its_file_and_line(tmp_path, change, words):
    ladders = load_ladders(_write(tmp_path, _changed(change)))
    (problem,) = ladders.problems
    message = str(problem)
    assert "mine.yaml, line " in message and words in message, message
    assert "line 0" not in message
    _every_country_still_works(ladders)


def test_a_switching_text_given_as_a_plain_string_is_the_same_in_both_languages(tmp_path):
    def plain(d):
        d["switching"]["porting_code"]["text"] = "Appelez le 3179."
        d["switching"]["checklist"][0]["text"] = "Exportez la saga."

    ladders = load_ladders(_write(tmp_path, _changed(plain)))
    assert ladders.problems == []
    facts = ladders.for_case(_case("FR")).switching_on(date(2026, 8, 22))
    assert facts["porting_code"]["text"] == {"fr": "Appelez le 3179.", "en": "Appelez le 3179."}
    _every_country_still_works(ladders)


def test_a_key_given_twice_in_a_ladder_file_is_refused_at_its_line(tmp_path):
    text = (data_folder("ladders") / "fr.yaml").read_text(encoding="utf-8")
    text = text.replace("id: fr-telecom\n", "id: fr-telecom\nid: fr-other\n", 1)
    ladders = load_ladders(_write(tmp_path, text))
    (problem,) = ladders.problems
    assert '"id" appears twice' in str(problem) and "line 4" in str(problem)
