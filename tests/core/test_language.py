"""Language detection with the real langdetect, French and English profiles only."""

from __future__ import annotations

import subprocess
import sys

from plainte.core import language
from plainte.core.model import Case


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


def test_profiles_load_on_first_use_only():
    code = (
        "import sys\n"
        "import plainte.core.language as l\n"
        "assert 'langdetect' not in sys.modules\n"
        "assert l.detect_text('Bonjour, ma ligne ne fonctionne toujours pas.') == 'fr'\n"
        "assert 'langdetect' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
