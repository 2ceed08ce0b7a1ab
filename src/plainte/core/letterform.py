"""The local form of a letter: words, locale and currency per jurisdiction and language.

Data, not code: ``templates/letters/forms/<jurisdiction>.<lang>.yaml`` over
``generic.<lang>.yaml``, each convention with its source (see the folder's README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from plainte.core.parsed_cache import load_yaml
from plainte.core.resources import data_folder


@dataclass(frozen=True)
class LetterForm:
    """How a letter looks where it is sent: ``words`` for templates, ``locale`` for Babel."""

    jurisdiction: str
    lang: str
    locale: str
    currency: str
    words: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)

    def word(self, key: str, **params: object) -> str:
        """The word at ``key``, filled with ``params`` (``""`` when the form has none)."""
        text = self.words.get(key, "")
        return text.format(**params) if params and text else text


def _read(name: str) -> dict[str, Any]:
    path = data_folder("templates") / "letters" / "forms" / f"{name}.yaml"
    if not path.is_file():
        return {}
    return load_yaml(path) or {}  # type: ignore[return-value]


@cache
def letter_form(country: str, lang: str) -> LetterForm:
    """The form of a ``lang`` letter for a case in ``country`` (``GB``, ``CA-QC``…)."""
    lang = lang if lang in ("fr", "en") else "en"
    base = _read(f"generic.{lang}")
    own = _read(f"{(country or 'generic').lower()}.{lang}")
    words = {**base.get("words", {}), **own.get("words", {})}
    sources = {**base.get("sources", {}), **own.get("sources", {})}
    return LetterForm(
        jurisdiction=country or "*",
        lang=lang,
        locale=own.get("locale") or base.get("locale") or ("fr_FR" if lang == "fr" else "en_GB"),
        currency=own.get("currency") or base.get("currency") or "EUR",
        words={k: str(v) for k, v in words.items()},
        sources={k: str(v) for k, v in sources.items()},
    )
