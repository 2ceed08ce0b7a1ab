"""Every export format, for the command line and the app's Export menu alike.

``json``, ``csv``, ``html`` and ``ics`` are pure core; ``pdf``, ``png`` and
``pack`` need something that draws, handed in by the caller (the app and the
command line pass the Qt one, ``QtDrawing``): the core never imports the GUI.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from plainte.core import i18n
from plainte.core.errors import PlainteError
from plainte.core.language import case_language
from plainte.core.model import Case
from plainte.core.store import Store

FORMATS = ("json", "csv", "html", "pdf", "ics", "png", "pack")
DRAWN = ("pdf", "png", "pack")


class Drawing(Protocol):
    """What draws the formats that are pictures, not text."""

    def pdf(self, html: str, path: Path, lang: str, header: str) -> int:
        """Write ``html`` as a paginated PDF; return the number of pages."""

    def card(self, case: Case, today: date, lang: str, path: Path) -> None:
        """Write the saga card of ``case`` as a PNG."""


def export(
    store: Store,
    target: str,
    fmt: str,
    output: Path | None,
    today: date,
    lang: str | None = None,
    drawing: Drawing | None = None,
) -> str | None:
    """Export ``target`` (a case id, or ``all`` for json/csv) as ``fmt``.

    ``drawing`` is needed for the drawn formats (``DRAWN``).

    Return:
        The text, for text formats written to standard output (no ``output``);
        None when a file or folder was written.

    Raises:
        PlainteError: an unknown case, a format that needs a file, a file that
            cannot be written.
    """
    from plainte.core.csvexport import cases_to_csv
    from plainte.core.ladder import evaluate, load_ladders
    from plainte.core.sagafile import dump_saga

    if target == "all" and fmt not in ("json", "csv"):
        raise PlainteError("export_one_case", fmt=fmt)
    ids = store.case_ids() if target == "all" else [target]
    cases = [store.load_case(i, with_journal=True) for i in ids]
    if fmt in ("json", "csv"):
        text = dump_saga(cases) if fmt == "json" else cases_to_csv(cases)
        return write_text(text, output)
    case = cases[0]
    lang = lang or case_language(case, i18n.language())
    ladders = load_ladders(store.data_dir / "ladders")
    if fmt == "html":
        from plainte.core.report import render_html

        return write_text(
            render_html(case, ladders, today, lang, store.data_dir / "templates"), output
        )
    if fmt == "ics":
        from plainte.core.ics import calendar

        state = evaluate(ladders.for_case(case), case, today)
        return write_text(calendar(case, state, today, lang), output)
    if output is None:
        raise PlainteError("export_needs_file", fmt=fmt)
    if drawing is None:
        raise ValueError(f"{fmt} needs a drawing")
    try:
        if fmt == "pdf":
            from plainte.core.report import render_html

            header = f"{case.provider} — {case.title} — {i18n.format_date(today, lang)}"
            drawing.pdf(render_html(case, ladders, today, lang), output, lang, header)
        elif fmt == "png":
            drawing.card(case, today, lang, output)
        elif fmt == "pack":
            from plainte.core.pack import write_pack

            pack = write_pack(case, ladders, today, lang, output, store.data_dir, drawing.pdf)
            for problem in pack.problems:
                raise PlainteError("pack_incomplete", detail=problem, folder=output)
    except OSError as exc:
        raise PlainteError("cannot_write", path=output, detail=exc.strerror or str(exc)) from None
    return None


def write_text(text: str, output: Path | None) -> str | None:
    """Write ``text`` to ``output`` atomically; with no output, hand the text back."""
    if output is None:
        return text
    partial = output.with_name(output.name + ".partial")
    try:
        partial.write_text(text, encoding="utf-8", newline="")
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PlainteError("cannot_write", path=output, detail=exc.strerror or str(exc)) from None
    return None
