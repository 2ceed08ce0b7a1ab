"""Which language a case's letters are written in: its own, or detected from its texts.

plainte writes French and English only, so langdetect's detector is built from
those two profiles (not the 55 it ships: about 65 MB less), on first use and
seeded, so the same texts always give the same answer.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from plainte.core.event_text import own_words
from plainte.core.model import Case

LANGUAGES = ("fr", "en")
"""The languages plainte writes, and the only profiles loaded."""

_lock = threading.Lock()
_factory = None


def _load_factory():
    """langdetect's factory with the French and English profiles only (cached)."""
    global _factory
    with _lock:
        if _factory is None:
            from importlib import resources

            from langdetect import DetectorFactory

            folder = resources.files("langdetect") / "profiles"
            profiles = [(folder / lang).read_text(encoding="utf-8") for lang in LANGUAGES]
            factory = DetectorFactory()
            factory.load_json_profile(profiles)
            factory.set_seed(0)
            _factory = factory
    return _factory


def is_loaded() -> bool:
    """Whether the profiles are loaded (the warm-up is over)."""
    return _factory is not None


def loaded_languages() -> list[str]:
    """The profiles the detector holds (loading them if needed)."""
    return _load_factory().get_lang_list()


def warm_up() -> None:
    """Load the profiles now (call it off the GUI thread)."""
    detect_text("bonjour tout le monde")


@lru_cache(maxsize=256)
def detect_text(text: str) -> str | None:
    """``fr`` or ``en`` for ``text``, or None when it is too short or says nothing."""
    if len(text.strip()) < 12:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    factory = _load_factory()
    try:
        with _lock:  # langdetect's seeded random state is not thread-safe
            detector = factory.create()
            detector.append(text)
            guesses = detector.get_probabilities()
    except LangDetectException:
        return None
    for guess in guesses:
        if guess.lang in LANGUAGES:
            return guess.lang
    return None


def case_text(case: Case, limit: int = 4000) -> str:
    """The person's own words in the case: title, notes, summaries (the first ``limit`` chars)."""
    parts = [case.title, case.notes or ""]
    size = sum(len(p) for p in parts)
    for event in case.events:
        if size > limit:
            break
        words = own_words(event)  # the app's own sentences say nothing of the person's language
        if words:
            parts.append(words)
            size += len(words)
    return "\n".join(p for p in parts if p)[:limit]


COUNTRY_LANGUAGE = {"FR": "fr", "BE": "fr", "CA-QC": "fr", "GB": "en", "US": "en", "CA": "en"}
"""The language a provider in each country is written to when the person's words do not say."""

SURE = 20
"""Fewer characters of the person's own words than this: too few to detect a language."""


def case_language(case: Case, default: str = "en") -> str:
    """The case's language if set, else the one of the person's own words, else the country's.

    ``default`` (the interface's language) comes last.
    """
    if case.language in LANGUAGES:
        return case.language
    text = case_text(case)
    detected = detect_text(text) if len(text) >= SURE else None
    return detected or COUNTRY_LANGUAGE.get((case.country or "").upper()) or default
