"""Social platforms: their limits and how each one counts characters.

Figures from the research file (§6): X counts weighted code points and every URL
as 23; Bluesky counts graphemes (300) and bytes (3,000); Mastodon counts
characters with URLs as 23; Threads counts emoji as their UTF-8 bytes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_URL = re.compile(r"https?://\S+")
_X_LIGHT = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    limit: int

    def count(self, text: str) -> int:
        """The length of ``text`` as this platform counts it."""
        return _COUNTERS[self.id](text)

    def fits(self, text: str) -> bool:
        if self.id == "bluesky" and len(text.encode("utf-8")) > 3000:
            return False
        return self.count(text) <= self.limit


def _x_weight(text: str) -> int:
    urls = _URL.findall(text)
    rest = _URL.sub("", text)
    weight = 0
    for char in rest:
        code = ord(char)
        weight += 1 if any(lo <= code <= hi for lo, hi in _X_LIGHT) else 2
    return weight + 23 * len(urls)


def graphemes(text: str) -> int:
    """Approximate grapheme clusters: combining marks, joiners and selectors add nothing."""
    count = 0
    joined = False
    for char in text:
        if (
            unicodedata.combining(char)
            or 0xFE00 <= ord(char) <= 0xFE0F
            or 0x1F3FB <= ord(char) <= 0x1F3FF
        ):
            continue
        if char == "\u200d":
            joined = True
            continue
        if joined:
            joined = False
            continue
        count += 1
    return count


def _mastodon(text: str) -> int:
    return graphemes(_URL.sub("x" * 23, text))


def _threads(text: str) -> int:
    return sum(len(c.encode("utf-8")) if ord(c) > 0xFFFF else 1 for c in text)


_COUNTERS = {
    "x": _x_weight,
    "bluesky": graphemes,
    "mastodon": _mastodon,
    "threads": _threads,
    "facebook": len,
    "linkedin": len,
}

PLATFORMS: dict[str, Platform] = {
    p.id: p
    for p in (
        Platform("x", "X", 280),
        Platform("bluesky", "Bluesky", 300),
        Platform("mastodon", "Mastodon", 500),
        Platform("threads", "Threads", 500),
        Platform("facebook", "Facebook", 63_206),
        Platform("linkedin", "LinkedIn", 3_000),
    )
}


def fit(parts: list[tuple[str, bool]], platform: Platform, joiner: str = " ") -> str:
    """Join ``parts`` (text, optional) to fit ``platform``: optional parts go first, last first.

    If the required parts alone are too long, the text is cut at a word
    boundary and ends with an ellipsis: a word is never cut in half.
    """
    keep = [p for p in parts if p[0].strip()]
    while True:
        text = joiner.join(t.strip() for t, _ in keep)
        if platform.fits(text):
            return text
        optional = [i for i, (_, opt) in enumerate(keep) if opt]
        if not optional:
            break
        del keep[optional[-1]]
    words = text.split(" ")
    while words and not platform.fits(" ".join(words) + "…"):
        words.pop()
    return (" ".join(words).rstrip(",;:—-") + "…") if words else ""
