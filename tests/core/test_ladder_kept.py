"""Ladders and remedies kept checked between runs: no YAML parser while the files are unchanged,
and a changed or broken file checked again and refused at its line, in the person's language."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import yaml

from plainte.core import i18n, ladder, parsed_cache, remedies_data
from plainte.core.ladder import load_ladders, read_ladder
from plainte.core.resources import data_folder

from ..conftest import two_starts

GOOD = (
    (data_folder("ladders") / "fr.yaml")
    .read_text(encoding="utf-8")
    .replace("id: fr", "id: fr-mine", 1)
)


def _user_folder(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "ladders"
    folder.mkdir(exist_ok=True)
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    return folder


def _kept(cache: Path, kind: str = "ladder.mine") -> list[Path]:
    return sorted((cache / "parsed").glob(f"{kind}.*.pickle"))


def test_a_second_run_reads_the_checked_data_without_the_yaml_parser(tmp_path):
    """Ladders (a person's included), remedies and every plain data file a letter reads."""
    folder = _user_folder(tmp_path, GOOD)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from plainte.core import figures, letterform, mail, precheck, react, redact, tone\n"
        "from plainte.core import demand, remedies_data\n"
        "from plainte.core.ladder import load_ladders\n"
        f"ladders = load_ladders(Path({str(folder)!r}))\n"
        "assert not ladders.problems and ladders.ladders[0].id.startswith('fr-mine')\n"
        "assert remedies_data.for_jurisdiction('CA-QC').grounds\n"
        "letterform.letter_form('FR', 'fr'); precheck._patterns(); demand._ground_letters()\n"
        "mail.rules(); react.rules('fr'); react.outcomes(); figures._call_us_phrases()\n"
        "tone._data(); redact._rules()\n"
        "print('yaml' in sys.modules)\n"
    )
    runs = two_starts(code, tmp_path / "cache")
    assert [r.stdout.strip() for r in runs] == ["True", "False"], [r.stderr for r in runs]


def test_the_kept_ladders_equal_the_checked_files(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    for path in sorted(data_folder("ladders").glob("*.yaml")):
        checked = ladder._check(path, path.read_bytes())
        assert read_ladder(path) == checked  # checked, then kept
        assert read_ladder(path) == checked  # read back from the kept copy
    assert len(list((tmp_path / "parsed").glob("ladder.*.pickle"))) == 7


def test_the_kept_remedies_equal_the_checked_files(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    for path in remedies_data.files():
        checked = remedies_data._check(path, path.read_bytes())
        assert remedies_data.read_remedies(path) == checked
        assert remedies_data.read_remedies(path) == checked


def test_an_edited_user_ladder_is_checked_again_and_refused_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _user_folder(tmp_path, GOOD)
    assert not load_ladders(folder).problems
    good = _kept(tmp_path / "cache")
    assert len(good) == 1
    lines = GOOD.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("kind:"))
    lines[line - 1] = lines[line - 1].replace("kind:", "kind: tribunal #", 1)
    (folder / "mine.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for _ in range(2):  # a faulty file is never kept: refused again, at the same line
        (problem,) = load_ladders(folder).problems
        assert problem.line == line
        assert f"mine.yaml, line {line}" in str(problem)  # English, as the tests run
        assert f"mine.yaml, ligne {line}" in i18n.tr(
            "errors.ladder_at",
            "fr",
            path=problem.path,
            line=problem.line,
            what=i18n.tr(f"errors.ladder.{problem.key}", "fr", **problem.params),
        )
        assert _kept(tmp_path / "cache") == good  # only the good file's copy
    (folder / "mine.yaml").write_text(GOOD, encoding="utf-8")
    assert not load_ladders(folder).problems


def test_a_ladder_that_is_not_yaml_is_refused_at_its_line_on_every_run(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _user_folder(tmp_path, "id: mine\nsteps: [\n  - a\n")
    first = load_ladders(folder).problems
    again = load_ladders(folder).problems
    assert [(p.key, p.line) for p in first] == [(p.key, p.line) for p in again]
    assert first[0].key == "not_yaml" and first[0].line > 1


def test_a_damaged_or_foreign_kept_copy_is_rebuilt_and_never_run(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _user_folder(tmp_path, GOOD)
    expected = load_ladders(folder).ladders[0]
    (kept,) = _kept(tmp_path / "cache")
    kept.write_bytes(b"\x80\x05garbage")
    assert load_ladders(folder).ladders[0] == expected
    kept.write_bytes(kept.read_bytes()[:40])  # cut short
    assert load_ladders(folder).ladders[0] == expected

    marker = tmp_path / "ran"

    class Foreign:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    digest = kept.name.split("-")[1]
    kept.write_bytes(pickle.dumps(("plainte-kept", digest, Foreign())))
    assert load_ladders(folder).ladders[0] == expected
    assert not marker.exists()
    kept.write_bytes(pickle.dumps(("plainte-kept", "another-digest", expected)))
    assert load_ladders(folder).ladders[0] == expected


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(blocker))
    folder = _user_folder(tmp_path, GOOD)
    for _ in range(2):
        ladders = load_ladders(folder)
        assert not ladders.problems and ladders.ladders[0].id.startswith("fr-mine")


def test_a_change_in_the_checking_code_checks_again(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "checker.py"
    source.write_text("RULE = 1\n", encoding="utf-8")
    data = tmp_path / "data.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    calls: list[bytes] = []

    def check(raw: bytes) -> dict:
        calls.append(raw)
        return dict(yaml.safe_load(raw))

    def load() -> object:
        parsed_cache._code_digest.cache_clear()
        return parsed_cache.load_checked("test", data, check, (str(source),), ())

    assert load() == load() == {"a": 1}
    assert len(calls) == 1
    source.write_text("RULE = 2\n", encoding="utf-8")
    assert load() == {"a": 1}
    assert len(calls) == 2


def test_a_value_with_a_class_not_named_is_not_read_back(tmp_path, monkeypatch):
    """Only the classes the caller names come back: anything else is checked again."""
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "data.yaml"
    data.write_text("a: 1\n", encoding="utf-8")
    calls: list[bytes] = []

    def check(raw: bytes) -> object:
        calls.append(raw)
        return remedies_data.Source("k", "title")

    for _ in range(2):
        parsed_cache.load_checked("test", data, check, (), ())
    assert len(calls) == 2
    for _ in range(2):
        parsed_cache.load_checked("test", data, check, (), (remedies_data.Source,))
    assert len(calls) == 2  # the copy kept by the runs above, read back


def test_every_plain_data_file_is_kept_and_has_no_repeated_key(tmp_path, monkeypatch):
    """The files read through ``load_yaml`` (without the line-keeping loader) hold no date
    marshal cannot keep, and no key written twice (the strict loader would refuse it)."""
    from plainte.core import yamlfile

    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    templates = data_folder("templates")
    files = [
        *sorted((templates / "letters" / "forms").glob("*.yaml")),
        templates / "letters" / "checks.yaml",
        templates / "letters" / "ground-letters.yaml",
        templates / "posts" / "phrases.yaml",
        templates / "posts" / "tone.yaml",
        templates / "posts" / "redact.yaml",
        *sorted(data_folder("replies").glob("*.yaml")),
    ]
    for path in files:
        assert parsed_cache.load_yaml(path) == yamlfile.load(path), path
    assert len(list((tmp_path / "parsed").glob("*.marshal"))) == len(files)
