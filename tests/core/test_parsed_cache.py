"""The locale files kept parsed between runs: same content as the YAML, rebuilt when it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from plainte.core import i18n, parsed_cache
from plainte.core.resources import data_folder

from ..conftest import two_starts


def _yaml(path: Path) -> object:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / "parsed").glob("*.marshal"))


def test_kept_copy_equals_the_yaml(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    for lang in i18n.LANGUAGES:
        path = data_folder("locales") / f"{lang}.yaml"
        first = parsed_cache.load_yaml(path)  # parsed, then kept
        again = parsed_cache.load_yaml(path)  # read back from the kept copy
        assert first == again == _yaml(path)
    assert len(_kept(tmp_path)) == len(i18n.LANGUAGES)


def test_an_edited_file_is_parsed_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "locales" / "en.yaml"
    path.parent.mkdir()
    path.write_text("greeting: Hello\n", encoding="utf-8")
    assert parsed_cache.load_yaml(path) == {"greeting": "Hello"}
    path.write_text("greeting: Hi\n", encoding="utf-8")  # same size would not matter either
    assert parsed_cache.load_yaml(path) == {"greeting": "Hi"}
    assert len(_kept(tmp_path / "cache")) == 1  # the stale copy is dropped


def test_a_damaged_copy_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "en.yaml"
    path.write_text("a:\n  b: [1, 2]\n", encoding="utf-8")
    parsed_cache.load_yaml(path)
    (kept,) = _kept(tmp_path / "cache")
    kept.write_bytes(b"\x00garbage")
    assert parsed_cache.load_yaml(path) == {"a": {"b": [1, 2]}}
    kept.write_bytes(kept.read_bytes()[:3])  # cut short
    assert parsed_cache.load_yaml(path) == {"a": {"b": [1, 2]}}


def test_a_cache_folder_that_cannot_be_written_costs_only_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(blocker))
    path = tmp_path / "en.yaml"
    path.write_text("a: b\n", encoding="utf-8")
    assert parsed_cache.load_yaml(path) == {"a": "b"}
    assert parsed_cache.load_yaml(path) == {"a": "b"}


def test_values_marshal_cannot_hold_are_parsed_each_time(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "en.yaml"
    path.write_text("day: 2026-11-22\n", encoding="utf-8")  # YAML reads a date
    assert str(parsed_cache.load_yaml(path)["day"]) == "2026-11-22"
    assert _kept(tmp_path / "cache") == []


def test_a_second_start_does_not_load_the_yaml_parser(tmp_path):
    code = (
        "import sys; from plainte.core import i18n; i18n.tr('language_name');"
        "print('yaml' in sys.modules)"
    )
    runs = two_starts(code, tmp_path)
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]


def test_the_installed_locales_folder_is_read(tmp_path, monkeypatch):
    """A copy of the locale folder elsewhere (an installed package) is kept under its own hash."""
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "locales"
    shutil.copytree(data_folder("locales"), copy)
    assert parsed_cache.load_yaml(copy / "fr.yaml") == _yaml(data_folder("locales") / "fr.yaml")
