"""Which language a case's letters are written in: its own, or detected from its texts.

langdetect is imported on first use only (its profiles take about a third of a
second to load) and seeded, so the same texts always give the same answer.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from plainte.core.model import Case

_lock = threading.Lock()
_factory_ready = False


def _detector():
    global _factory_ready
    with _lock:
        from langdetect import DetectorFactory, detect_langs

        if not _factory_ready:
            DetectorFactory.seed = 0
            _factory_ready = True
    return detect_langs


def warm_up() -> None:
    """Load langdetect's profiles now (call it off the GUI thread)."""
    detect_text("bonjour tout le monde")


@lru_cache(maxsize=256)
def detect_text(text: str) -> str | None:
    """``fr`` or ``en`` for ``text``, or None when it is too short or neither."""
    if len(text.strip()) < 12:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    detect_langs = _detector()
    try:
        with _lock:
            guesses = detect_langs(text)
    except LangDetectException:
        return None
    for guess in guesses:
        if guess.lang in ("fr", "en"):
            return guess.lang
    return None


def case_text(case: Case, limit: int = 4000) -> str:
    """The person's own words in the case: title, notes, summaries (the first ``limit`` chars)."""
    parts = [case.title, case.notes or ""]
    size = sum(len(p) for p in parts)
    for event in case.events:
        if size > limit:
            break
        if event.summary:
            parts.append(event.summary)
            size += len(event.summary)
    return "\n".join(p for p in parts if p)[:limit]


def case_language(case: Case, default: str = "en") -> str:
    """The case's language if set, else the one detected in its texts, else ``default``."""
    if case.language in ("fr", "en"):
        return case.language
    return detect_text(case_text(case)) or default
