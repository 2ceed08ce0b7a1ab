"""A long case's figures and overview, computed in a process of its own.

``python -m plainte.core.case_summary STORE CASE_ID TODAY LANG`` reads the
case whole, computes its headline figures and the overview's lines in ``LANG``
as of ``TODAY`` (or its last day, once it ended), and writes them as one JSON
object on its standard output. A window that shows only the overview then
never holds the case (about 1.3 KB an event) nor imports the figures, posts
and ladders: their memory is this process's, and it ends.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

from plainte.core.overview import Lines
from plainte.core.stats import SagaStats

_DAYS = ("today", "first_day", "last_day")


def summarize(store_path: Path, case_id: str, today: date, lang: str) -> dict[str, object]:
    """The case's figures and overview lines, as JSON-ready values."""
    from plainte.core import i18n, overview, stats, timeline
    from plainte.core.ladder import load_ladders
    from plainte.core.store import Store

    i18n.set_language(lang)
    store = Store(store_path, timeline.reader(store_path), read_only=True)
    try:
        case = store.load_case(case_id)
    finally:
        store.close()
    day = overview.as_of(case, today)
    ladder = load_ladders(store_path.parent / "ladders").for_case(case)
    view = overview.compute(case, ladder, day, lang)
    return {
        "stats": stats.compute(case, day).to_json(),
        "overview": overview.lines(view, lang).to_json(),
    }


def parse(text: str) -> tuple[SagaStats, Lines]:
    """The figures and lines :func:`main` wrote.

    Raises:
        ValueError: ``text`` is not such a summary.
    """
    try:
        data = json.loads(text)
        figures = dict(data["stats"])
        for key in _DAYS:
            figures[key] = date.fromisoformat(figures[key]) if figures[key] else None
        return SagaStats(**figures), Lines.from_json(data["overview"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a case summary: {exc!r}") from exc


def main(argv: list[str] | None = None) -> int:
    """Write the summary of one case (see the module's docstring)."""
    path, case_id, today, lang = (argv if argv is not None else sys.argv[1:])[:4]
    if hasattr(os, "nice"):  # the window's painting comes first when the two cores are busy
        os.nice(10)
    found = summarize(Path(path), case_id, date.fromisoformat(today), lang)
    sys.stdout.write(json.dumps(found))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
