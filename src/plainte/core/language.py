"""Which language a case's letters are written in: its own, or detected from its texts.

plainte writes French and English only, so langdetect's detector is built from
those two profiles (not the 55 it ships: about 65 MB less), on first use and
seeded, so the same texts always give the same answer.

Since the answer for a text never changes (same detector, same seed), the
answers are kept between runs in the cache folder, keyed by a hash of each text
(never the text itself), for as long as the same langdetect is installed: a
letter on an unchanged case loads neither langdetect nor its profiles (about
30 ms of every call).
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
    _load_factory()


@lru_cache(maxsize=256)
def detect_text(text: str) -> str | None:
    """``fr`` or ``en`` for ``text``, or None when it is too short or says nothing."""
    if len(text.strip()) < 12:
        return None
    key = _text_key(text)
    answers = _kept_answers()
    if key in answers:
        return answers[key] or None
    found = _detect(text)
    with _lock:
        if not _changed:
            import atexit

            atexit.register(_keep_answers)
        _changed.append(key)
        answers[key] = found or ""
    return found


KEEP_ANSWERS = 5000
"""At most this many answers are kept between runs (the latest)."""
_KEPT = "langdetect-answers"
_DETECTOR = f"{','.join(LANGUAGES)};seed=0"
"""What, besides the installed langdetect, gives an answer: the profiles and the seed."""
_answers: dict[bytes, str] | None = None
_changed: list[bytes] = []


def _text_key(text: str) -> bytes:
    from plainte.core.parsed_cache import blake2b

    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).digest()


def _kept_answers() -> dict[bytes, str]:
    """The answers kept by earlier runs (read once)."""
    global _answers
    with _lock:
        if _answers is None:
            found = _read_answers()
            _answers = found if isinstance(found, dict) else {}
    return _answers


def _answers_key() -> str | None:
    from plainte.core.parsed_cache import installed

    install = installed("langdetect")
    return None if install is None else f"{install}|{_DETECTOR}"


def _read_answers() -> object:
    from plainte.core.parsed_cache import read_kept

    key = _answers_key()
    return None if key is None else read_kept(_KEPT, key)


def _keep_answers() -> None:
    """Write the answers, the latest ``KEEP_ANSWERS``, for the next runs (at exit)."""
    from plainte.core.parsed_cache import write_kept

    key = _answers_key()
    with _lock:
        if key is None or _answers is None or not _changed:
            return
        latest = list(_answers.items())[-KEEP_ANSWERS:]
        _changed.clear()
    write_kept(_KEPT, key, dict(latest))


def _detect(text: str) -> str | None:
    """langdetect's answer for ``text`` (French or English), None when it has none."""
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
