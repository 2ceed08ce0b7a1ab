"""A case's heading: the provider and the title, without naming the provider twice."""

from __future__ import annotations

import unicodedata


def _folded(text: str) -> str:
    """Lower case, no accents, single spaces: "Orange Télécom" matches "orange telecom"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def case_heading(provider: str, title: str) -> str:
    """``provider — title``, or the title alone when it already names the provider."""
    if not provider.strip():
        return title
    if not title.strip():
        return provider
    if _folded(provider) in _folded(title):
        return title
    return f"{provider} — {title}"
