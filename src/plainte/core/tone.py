"""A tone check for public texts: loaded words flagged, the factual version proposed.

Calling a company a fraud or its calls harassment is how a true story becomes a
defamation claim. The words are data (``templates/posts/tone.yaml``), grouped by
what they are about; each group maps to a figure that says it factually.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Flag:
    """A loaded word in a text: where it is, what it is about, what to say instead."""

    word: str
    start: int
    end: int
    group: str
    factual: str = ""


def fold(text: str) -> str:
    """``text`` without accents, lower-cased, the same length (offsets stay valid)."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[0]
        out.append(base.lower() if len(base.lower()) == 1 else char.lower()[:1] or char)
    return "".join(out)


@cache
def _data() -> dict:
    from plainte.core.parsed_cache import load_yaml
    from plainte.core.resources import data_folder

    return load_yaml(data_folder("templates") / "posts" / "tone.yaml")  # type: ignore[return-value]


@cache
def _patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    found = []
    for group, words in _data()["groups"].items():
        for word in words.get(lang, []) + [w for k, v in words.items() if k != lang for w in v]:
            whole = word.endswith(".")
            stem = re.escape(fold(word.rstrip(".")))
            tail = r"(?![\w])" if whole else r"[\w'-]*"
            found.append((group, re.compile(rf"(?<![\w]){stem}{tail}")))
    return tuple(found)


def check(text: str, lang: str, phrases: dict[str, str] | None = None) -> list[Flag]:
    """The loaded words of ``text`` (both languages' lists; ``lang``'s first).

    Args:
        phrases: the factual phrase per figure (``calls``, ``promises``, ``lead``),
            as :func:`plainte.core.posts.phrases` writes them, to propose instead.
    """
    folded = fold(text)
    flags: dict[int, Flag] = {}
    factual = _data()["factual"]
    for group, pattern in _patterns(lang):
        for match in pattern.finditer(folded):
            if match.start() in flags:
                continue
            proposal = (phrases or {}).get(factual.get(group, "lead"), "")
            flags[match.start()] = Flag(
                text[match.start() : match.end()], match.start(), match.end(), group, proposal
            )
    return [flags[k] for k in sorted(flags)]
