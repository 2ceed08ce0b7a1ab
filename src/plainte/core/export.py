"""Every export format, for the command line and the app's Export menu alike.

``json``, ``csv``, ``html`` and ``ics`` are pure core; ``pdf``, ``png`` and
``pack`` need something that draws, handed in by the caller (the app and the
command line pass the Qt one, ``QtDrawing``): the core never imports the GUI.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Protocol

from plainte.core import atomicfile, i18n, paths
from plainte.core.atomicfile import replace_file, replace_folder
from plainte.core.errors import PlainteError
from plainte.core.language import case_language
from plainte.core.model import Case
from plainte.core.store import Store

DRAWN = ("pdf", "png", "pack")


class Drawing(Protocol):
    """What draws the formats that are pictures, not text."""

    def report(self, context: dict, path: Path, lang: str, header: str) -> int:
        """Draw the evidence report (``core.report.report_context``) page by page as a PDF."""

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
    refuse_own_files(store.data_dir, output)
    if target == "all" and fmt not in ("json", "csv"):
        raise PlainteError("export_one_case", fmt=fmt)
    ids = store.case_ids() if target == "all" else [target]
    if fmt in ("json", "csv"):
        return _stream(store, ids, fmt, output)
    from plainte.core.ladder import evaluate, load_ladders  # the other formats show the ladder

    case = store.load_case(target, with_journal=True)
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
    if fmt == "pdf":
        from plainte.core.report import report_context

        header = f"{case.provider} — {case.title} — {i18n.format_date(today, lang)}"
        context = report_context(case, ladders, today, lang)
        replace_file(output, lambda p: drawing.report(context, p, lang, header), check=whole_pdf)
    elif fmt == "png":
        replace_file(output, lambda p: drawing.card(case, today, lang, p), check=_whole_png)
    elif fmt == "pack":
        from plainte.core.pack import write_pack

        problems: list[str] = []

        def fill(folder: Path) -> None:
            pack = write_pack(case, ladders, today, lang, folder, store.data_dir, drawing.report)
            problems.extend(pack.problems)

        replace_folder(output, fill)
        for problem in problems:
            raise PlainteError("pack_incomplete", detail=problem, folder=output)
    return None


def _stream(store: Store, ids: list[str], fmt: str, output: Path | None) -> str | None:
    """JSON or CSV written as the events are read: memory does not grow with the saga."""
    from plainte.core.csvexport import write_csv
    from plainte.core.eventrows import rows
    from plainte.core.sagafile import write_saga

    heads = [store.case_header(i) for i in ids]  # an unknown case is refused before writing
    conn = store.conn

    def fill(write) -> None:
        if fmt == "json":
            streamed = ((h, rows(conn, h.id), store.journal_rows(h.id)) for h in heads)
            write_saga(write, streamed)
        else:
            from plainte.core.fingerprint import last_entry

            for h in heads:  # the fingerprint each row carries
                h.journal = last_entry(conn, h.id)
            write_csv(write, ((h, rows(conn, h.id)) for h in heads))

    if output is None:
        parts: list[str] = []
        fill(parts.append)
        return "".join(parts)

    def to_file(path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as out:
            fill(out.write)

    replace_file(output, to_file)
    return None


def whole_pdf(path: Path) -> bool:
    """A PDF ends with its end-of-file marker: a full disk leaves it without."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 1024))
        return b"%%EOF" in fh.read()


def _whole_png(path: Path) -> bool:
    """A PNG ends with its IEND chunk."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - 12))
        return size > 12 and fh.read()[4:8] == b"IEND"


def refuse_own_files(data_dir: Path, output: Path | None) -> None:
    """The store, its data folder and its backups are never an export target.

    Raises:
        PlainteError: ``export_onto_store`` naming the place.
    """
    if output is None:
        return
    from plainte.core.store import STORE_NAME

    written = paths.absolute(output)
    # the file is replaced by a rename, so its folder is followed through links, not its name
    targets = {written, written.parent.resolve() / written.name}
    for data in {paths.absolute(data_dir), paths.absolute(data_dir).resolve()}:
        own = {data / (STORE_NAME + suffix) for suffix in ("", "-wal", "-shm")}
        for target in targets:
            if (
                target in own
                or target == data
                or data.is_relative_to(target)
                or target.is_relative_to(data / "backups")
                or target.is_relative_to(data / ".open")
            ):
                raise PlainteError("export_onto_store", path=output)


def write_text(text: str, output: Path | None) -> str | None:
    """Write ``text`` to ``output`` whole, or not at all; with no output, hand the text back."""
    if output is None:
        return text
    atomicfile.write_text(text, output)
    return None


def file_stem(provider: str, title: str, limit: int = 60) -> str:
    """A file name for a case's exports: the provider, then the title without repeating it.

    Safe on every file system and USB stick: no ``:``, ``,`` or other refused
    characters (``safe_filename``), words joined by dashes, cut between words.
    """
    from plainte.core.filenames import cut_words, safe_filename

    rest = title.strip()
    if rest.casefold().startswith(provider.strip().casefold()):
        rest = rest[len(provider.strip()) :]
    text = safe_filename(f"{provider} {rest}"[: limit * 2], fallback="plainte")
    return cut_words("-".join(text.split()), limit).strip("-") or "plainte"
