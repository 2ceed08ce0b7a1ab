"""What a person may type for CASE: an id, a unique prefix of one, or a word of it.

Read from the case table's id, provider and title only: no case is loaded.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

from plainte.core.errors import NotFound, PlainteError


class AmbiguousCase(PlainteError):
    """CASE matches several cases; ``candidates`` are their (id, provider, title)."""

    def __init__(self, text: str, candidates: list[tuple[str, str, str]]) -> None:
        width = max(len(c[0]) for c in candidates)
        pwidth = max(len(c[1]) for c in candidates)
        lines = "\n".join(f"  {i.ljust(width)}  {p.ljust(pwidth)}  {t}" for i, p, t in candidates)
        super().__init__("ambiguous_case", case=text, count=len(candidates), candidates=lines)
        self.candidates = candidates


def _fold(text: str) -> str:
    """``text`` without case or accents, for matching what a person typed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def resolve_case(conn: sqlite3.Connection, text: str) -> str:
    """The id of the one case ``text`` names.

    Exact id first; then a unique id prefix; then a unique case whose provider
    or title holds ``text`` as a whole word (case and accents ignored).

    Raises:
        NotFound: no case matches.
        AmbiguousCase: several cases match at the first rule that matches any.
    """
    rows: list[tuple[str, str, str]] = conn.execute(
        "SELECT id, provider, title FROM cases ORDER BY id"
    ).fetchall()
    if any(row[0] == text for row in rows):
        return text
    wanted = text.strip()
    if wanted:
        by_prefix = [row for row in rows if row[0].startswith(wanted)]
        word = re.compile(rf"(?<!\w){re.escape(_fold(wanted))}(?!\w)")
        by_word = [row for row in rows if word.search(_fold(f"{row[1]}\n{row[2]}"))]
        for found in (by_prefix, by_word):
            if len(found) == 1:
                return found[0][0]
            if found:
                raise AmbiguousCase(text, found)
    raise NotFound("no_such_case", case=text)
