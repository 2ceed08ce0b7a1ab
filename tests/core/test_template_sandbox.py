"""User templates run within bounds: a runaway template is stopped, reported, replaced."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from plainte.core import template_sandbox
from plainte.core.compose import Composer, TemplateProblem
from plainte.core.ladder import load_ladders
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

NAME = "letters/complaint.en.txt.j2"
RUNAWAY = [
    # nested ranges that would take forever and write nothing
    ("{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}", 1),
    # loops over a list that call nothing inside
    (
        "{% set r = range(10000)|list %}\n"
        "{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}{% endfor %}",
        2,
    ),
    # output that grows without end
    ("{% for a in range(10000) %}{% for b in range(10000) %}xxxxxxxxxx{% endfor %}{% endfor %}", 1),
    # one huge value
    ("{{ 'x' * 1000000000 }}", 1),
    ("{{ 'x'|center(1000000000) }}", 1),
    ("{{ 9 ** 99999999 }}", 1),
    ("{{ '%0999999999d' % 1 }}", 1),
    ("{{ '%0999999999d'|format(1) }}", 1),
    ("\n\n{{ range(100000000)|list|length }}", 3),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", 1),
]


def _case():
    return parse_saga(json.dumps(saga_doc()).encode()).cases[0]


def _compose(tmp_path: Path, text: str):
    path = tmp_path / "templates" / NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    composer = Composer(load_ladders(), tmp_path / "templates")
    return composer.compose(_case(), "complaint", date(2026, 8, 22), lang="en")


@pytest.fixture(autouse=True)
def _short_budget(monkeypatch):
    monkeypatch.setattr(template_sandbox, "TIME_BUDGET", 1.0)
    monkeypatch.setattr(template_sandbox, "MAX_OUTPUT", 2_000_000)


@pytest.mark.parametrize(("text", "line"), RUNAWAY)
def test_a_runaway_template_is_stopped_reported_and_replaced(tmp_path, text, line):
    start = time.monotonic()
    result = _compose(tmp_path, text)
    assert time.monotonic() - start < 10
    assert result.text.startswith("Alex Smith")  # the built-in letter
    (problem,) = result.warnings
    assert isinstance(problem, TemplateProblem)
    assert NAME.split("/")[1] in str(problem) and f"line {line}" in str(problem), str(problem)


def test_a_fair_template_still_works_with_big_values(tmp_path):
    text = (
        "{{ case.provider }}: {{ 2000000|string }} {{ (1.5 * 2)|round }} "
        "{% for i in range(3) %}{{ i }}{% endfor %} {{ 'ab' * 3 }} {{ 2 ** 10 }} "
        "{{ '%05d' % 42 }}\n"
    )
    result = _compose(tmp_path, text)
    assert result.warnings == []
    assert result.text == "Examplecom: 2000000 3.0 012 ababab 1024 00042\n"


def test_the_budget_does_not_outlive_the_render(tmp_path):
    _compose(tmp_path, RUNAWAY[0][0])
    assert getattr(template_sandbox._budget, "deadline", None) is None
    start = time.monotonic()
    while time.monotonic() - start < 1.2:  # past the old deadline: nothing raises
        pass
    assert _compose(tmp_path, "{{ case.provider }}\n").text == "Examplecom\n"
