"""File names plainte writes itself: safe on Windows, macOS, Linux and FAT/exFAT sticks.

Every name built from a person's or a provider's text (exports, pack folders,
evidence copies) goes through :func:`safe_filename`, so a case title or an
attachment name from an imported saga file cannot climb out of its folder,
hide its extension behind a bidi override, or be refused by the file system.
"""

from __future__ import annotations

import re
import unicodedata

RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{stem}{n}" for stem in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")]
)
"""Device names Windows refuses as a file name, whatever the extension."""

_FORBIDDEN = re.compile(r'[<>:"/\\|?*,;\x00-\x1f\x7f]')
_BEFORE_SPACE = re.compile(r'[<>:"|?*,;]+(?=\s)')
"""Characters Windows or FAT refuse, plus ``,`` and ``;`` that break shell and mail tools."""

_SPACES = re.compile(r"\s+")
_RUNS = re.compile(r"-{2,}")
MAX_BYTES = 120
"""Room for a path prefix under Windows' 260-character limit and ext4's 255 bytes."""


def _visible(char: str) -> bool:
    """False for control, format (bidi, zero-width), surrogate and unassigned code points."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def cut_words(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, between words (at a space or a dash).

    A first word longer than ``limit`` is cut where it must.
    """
    if len(text) <= limit:
        return text
    if text[limit] in " -":
        return text[:limit]
    head = text[:limit]
    boundary = max(head.rfind(" "), head.rfind("-"))
    return head[:boundary] if boundary > 0 else head


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character nor a word."""
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    fits = len(encoded[:limit].decode("utf-8", "ignore"))
    return cut_words(text, fits)


def safe_filename(name: str, fallback: str = "file", max_bytes: int = MAX_BYTES) -> str:
    """A file name (no folder part) showing ``name`` as closely as every file system allows.

    Path separators, ``..``, NUL and other control characters, bidi and other
    invisible format characters, characters Windows refuses, reserved device
    names (``CON``, ``NUL.txt``…), leading and trailing dots and spaces are
    replaced or removed; the result is NFC and at most ``max_bytes`` UTF-8
    bytes, the extension kept when it is short. An empty result becomes
    ``fallback``.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join(c if _visible(c) else " " for c in text)
    text = _FORBIDDEN.sub("-", _BEFORE_SPACE.sub("", text))
    text = _SPACES.sub(" ", text)
    text = _RUNS.sub("-", text).strip(" .-")
    if not text:
        text = fallback
    stem, dot, ext = text.rpartition(".")
    if not dot or not stem or len(ext.encode("utf-8")) > 16 or " " in ext:
        stem, dot, ext = text, "", ""
    if stem.split(".")[0].strip().upper() in RESERVED:
        stem = "_" + stem
    suffix = dot + ext
    stem = stem.rstrip(" .-")
    stem = _cut(stem, max(1, max_bytes - len(suffix.encode("utf-8")))).rstrip(" .-")
    return (stem or fallback) + suffix


def unique_filename(name: str, taken: set[str]) -> str:
    """``name``, or ``name (2)``, ``(3)``… the first one not in ``taken`` (compared casefolded)."""
    folded = {t.casefold() for t in taken}
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, dot, ext = name, "", ""
    candidate, n = name, 1
    while candidate.casefold() in folded:
        n += 1
        candidate = f"{stem} ({n}){dot}{ext}"
    taken.add(candidate)
    return candidate
