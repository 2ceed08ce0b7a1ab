"""Language detection with the real langdetect, French and English profiles only."""

from __future__ import annotations

import os
import subprocess
import sys

from plainte.core import language
from plainte.core.model import Case

from ..conftest import two_starts


def test_only_french_and_english_profiles_are_loaded():
    assert sorted(language.loaded_languages()) == ["en", "fr"]


def test_detects_french_and_english():
    language.detect_text.cache_clear()
    assert language.detect_text("Le technicien devait me rappeler sous 48 heures.") == "fr"
    assert language.detect_text("The technician was meant to call me back within two days.") == "en"


def test_too_short_says_nothing():
    assert language.detect_text("ok") is None


def test_same_text_same_answer():
    text = "Appel au service client, ligne coupée après une heure d'attente."
    language.detect_text.cache_clear()
    first = language.detect_text(text)
    language.detect_text.cache_clear()
    assert language.detect_text(text) == first == "fr"


def test_case_language_detects_when_unset():
    case = Case("c", "Ma box ne marche plus depuis trois semaines", "X", "FR", "internet")
    assert language.case_language(case) == "fr"


def test_profiles_load_on_first_use_only(tmp_path):
    code = (
        "import sys\n"
        "import plainte.core.language as l\n"
        "assert 'langdetect' not in sys.modules\n"
        "assert l.detect_text('Bonjour, ma ligne ne fonctionne toujours pas.') == 'fr'\n"
        "assert 'langdetect' in sys.modules\n"
    )
    env = dict(os.environ, PLAINTE_CACHE_DIR=str(tmp_path))  # no answer kept from before
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_a_later_run_has_the_answers_without_loading_langdetect(tmp_path):
    texts = [
        "Bonjour, ma ligne ne fonctionne toujours pas.",
        "The engineer never came, and nobody called to say why.",
        "12345 67890 !!!! ????",
    ]
    code = (
        "import sys\n"
        "import plainte.core.language as l\n"
        f"print([l.detect_text(t) for t in {texts!r}], 'langdetect' in sys.modules)\n"
    )
    runs = two_starts(code, tmp_path)
    assert [r.stdout.strip() for r in runs] == [
        "['fr', 'en', None] True",
        "['fr', 'en', None] False",
    ], [r.stderr for r in runs]
    (kept,) = (tmp_path / "parsed").glob("langdetect-answers-*")
    raw = kept.read_bytes()
    assert b"ligne" not in raw and b"engineer" not in raw  # hashes only, never the texts


def test_kept_answers_are_bounded_and_a_damaged_copy_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PLAINTE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(language, "_answers", None)
    monkeypatch.setattr(language, "_changed", [])
    monkeypatch.setattr(language, "KEEP_ANSWERS", 2)
    language.detect_text.cache_clear()
    for text in ("Première phrase en français, assez longue.", "A second sentence, in English.",
                 "Une troisième phrase, encore en français."):  # fmt: skip
        language.detect_text(text)
    language._keep_answers()
    monkeypatch.setattr(language, "_answers", None)
    assert list(language._kept_answers().values()) == ["en", "fr"]  # the latest two
    (kept,) = (tmp_path / "parsed").glob("langdetect-answers-*")
    kept.write_bytes(b"\x00damaged")
    monkeypatch.setattr(language, "_answers", None)
    language.detect_text.cache_clear()
    assert language.detect_text("A second sentence, in English.") == "en"
    language.detect_text.cache_clear()
