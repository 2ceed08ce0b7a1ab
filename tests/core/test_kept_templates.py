"""Compiled templates kept between runs: used when whole, compiled afresh when not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import jinja2
import pytest

from plainte.core import kept_templates
from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.sagafile import parse_saga
from plainte.core.template_sandbox import BoundedEnvironment

TODAY = date(2026, 8, 22)


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(folder))
    return folder / "templates"


@pytest.fixture
def case(saga):
    return parse_saga(json.dumps(saga).encode()).cases[0]


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja2 compiles from source."""
    names: list[str] = []
    original = jinja2.Environment.compile

    def counted(self, source, name=None, filename=None, raw=False, defer_init=False):
        names.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    return names


def _letter(case, kind: str = "complaint", lang: str = "en", folder: Path | None = None) -> str:
    return Composer(load_ladders(), folder).compose(case, kind, TODAY, lang=lang).text


def test_a_second_composer_compiles_nothing(cache, case, compiles):
    first = _letter(case)
    assert compiles and sorted(p.suffix for p in cache.iterdir()) == [".jinja"] * len(compiles)
    compiles.clear()
    assert _letter(case) == first
    assert compiles == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # a torn write
        lambda raw: raw[:-40] + bytes(b ^ 0x55 for b in raw[-40:]),  # the code's bytes changed
        lambda raw: raw[:20] + b"\x00" + raw[21:],  # one byte in the header
        lambda raw: b"",
        lambda raw: b"not a cache file at all" * 50,
    ],
)
def test_a_damaged_kept_file_is_compiled_again_and_the_letter_is_right(
    cache, case, compiles, damage
):
    right = _letter(case, "formal-notice", "fr")
    for kept in cache.iterdir():
        kept.write_bytes(damage(kept.read_bytes()))
    compiles.clear()
    assert _letter(case, "formal-notice", "fr") == right
    assert compiles  # the damaged copies were not run
    compiles.clear()
    assert _letter(case, "formal-notice", "fr") == right
    assert compiles == []  # and were written whole again


def test_an_edited_template_is_compiled_again(cache, case, tmp_path, compiles):
    mine = tmp_path / "mine" / "letters" / "complaint.en.txt.j2"
    mine.parent.mkdir(parents=True)
    mine.write_text("Before: {{ case.provider }}\n", encoding="utf-8")
    assert _letter(case, folder=tmp_path / "mine") == "Before: Examplecom\n"
    mine.write_text("After: {{ case.provider }}\n", encoding="utf-8")
    assert _letter(case, folder=tmp_path / "mine") == "After: Examplecom\n"


def test_another_environment_or_setting_does_not_share_the_kept_code(cache):
    sandboxed = kept_templates.for_environment(BoundedEnvironment, trim_blocks=True)
    assert sandboxed.pattern == (
        kept_templates.for_environment(BoundedEnvironment, trim_blocks=True).pattern
    )
    assert sandboxed.pattern != (
        kept_templates.for_environment(jinja2.Environment, trim_blocks=True).pattern
    )
    assert sandboxed.pattern != (
        kept_templates.for_environment(BoundedEnvironment, trim_blocks=False).pattern
    )


def test_a_cache_folder_that_cannot_be_written_only_costs_time(cache, tmp_path, monkeypatch, case):
    right = _letter(case)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(blocked))
    assert _letter(case) == right
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


COUNTED = """
import sys, jinja2
calls = []
original = jinja2.Environment.compile
def counted(self, *args, **kwargs):
    calls.append(1)
    return original(self, *args, **kwargs)
jinja2.Environment.compile = counted
from plainte.cli import main, parse
parse(sys.argv[1:])
composer = "plainte.core.compose" in sys.modules
code = main(sys.argv[1:])
sys.stderr.write(f"\\ncompiled={len(calls)} composer_before_command={composer}\\n")
raise SystemExit(code)
"""


def test_the_second_letter_call_compiles_no_template(tmp_path):
    env = dict(os.environ, PLAINTE_CACHE_DIR=str(tmp_path / "cache"), PLAINTE_LANG="en")
    data = ["--data-dir", str(tmp_path / "data")]
    subprocess.run(
        [sys.executable, "-m", "plainte", *data, "demo"], env=env, check=True, capture_output=True
    )
    letter = [*data, "--today", "2016-10-01", "letter", "demo-red-2016", "--kind", "complaint"]
    runs = [
        subprocess.run(
            [sys.executable, "-c", COUNTED, *letter], env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr[-2000:]
    assert runs[0].stdout.strip() and runs[0].stdout == runs[1].stdout
    assert "compiled=0 " not in runs[0].stderr  # the first call compiles
    assert "compiled=0 composer_before_command=False" in runs[1].stderr
    assert list((tmp_path / "cache" / "templates").glob("*.jinja"))
