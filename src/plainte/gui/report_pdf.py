"""The evidence report as a PDF drawn page by page with QPainter: linear in the saga's size.

The same content as the HTML report (``core.report.report_context``): cover,
parties, figures, the whole chronology (amendments and retractions marked),
the ladder and the journal's footer. Each table row is measured, placed on
the page where it fits (the table's header repeated on each page) and drawn;
nothing is laid out twice as the document grows, unlike a paginated
QTextDocument whose cost per page grows with the document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from plainte.core.i18n import tr
from plainte.gui.pdf import ensure_app

WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
STYLES = {  # the HTML report's classes: (point size, bold, colour, struck out)
    "body": (9.0, False, "#1a1a1a", False),
    "muted": (9.0, False, "#555555", False),
    "h1": (16.0, True, "#1a1a1a", False),
    "h2": (12.0, True, "#1a1a1a", False),
    "th": (9.0, True, "#1a1a1a", False),
    "figure": (13.0, True, "#1a1a1a", False),
    "broken": (9.0, True, "#b00020", False),
    "kept": (9.0, False, "#1b5e20", False),
    "amended": (9.0, False, "#8a4b00", False),
    "retracted": (9.0, False, "#8a0000", True),
}
Cell = list[tuple[str, str]]
"""Paragraphs of a cell, each (text, style), stacked as the HTML's line breaks stack them."""


SHORT = 40
"""Texts this long or shorter are measured once per style and width: dates, channels,
directions and names repeat down a long chronology (a third of the measuring at 10,000
events); a summary seldom does, and is not kept."""


class _Pages:
    """Places blocks down the pages; measures only (``draw`` False) or draws as well."""

    def __init__(
        self, writer: QPdfWriter, measure: QPainter, header: str, lang: str, draw: bool
    ) -> None:
        painter = measure if draw else None
        self.writer, self.painter, self.header, self.lang = writer, painter, header, lang
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width, self.height = rect.width(), rect.height()
        self.dpi = writer.resolution()
        self.pad = self.dpi * 0.04
        self.band = self.dpi * 0.3
        self.fonts = {}
        for name, (size, bold, colour, strike) in STYLES.items():
            font = QFont("DejaVu Sans")
            font.setPointSizeF(size)
            font.setBold(bold)
            font.setStrikeOut(strike)
            font.setFeature(QFont.Tag("liga"), 0)  # text copied out reads "ff", not "ﬀ"
            self.fonts[name] = (font, QColor(colour))
        self.page, self.pages, self.y = 1, 0, self.band
        self.table_head: tuple[list[float], Cell | list[Cell]] | None = None
        self.measure = measure
        self.heights: list[float] = []
        self.measured: dict[tuple[str, str, float], float] = {}
        self.border = QPen(QColor("#bbbbbb"), self.dpi / 150)
        self.replay = None

    def _font(self, style: str) -> None:
        font, colour = self.fonts[style]
        self.measure.setFont(font)
        if self.painter is not None:
            self.painter.setPen(colour)

    def text_height(self, text: str, style: str, width: float) -> float:
        """The height of ``text`` wrapped to ``width``: measured once, replayed when drawing."""
        if self.replay is not None:
            return next(self.replay)
        key = (text, style, width)
        height = self.measured.get(key)
        if height is None:
            self._font(style)
            height = self.measure.boundingRect(QRectF(0, 0, width, 1e7), WRAP, text).height()
            if len(text) <= SHORT:
                self.measured[key] = height
        self.heights.append(height)
        return height

    def new_page(self) -> None:
        if self.painter is not None:
            self.writer.newPage()
        self.page += 1
        self.y = self.band
        self.start_page()

    def start_page(self) -> None:
        if self.painter is not None:
            self._font("muted")
            self.painter.drawText(QRectF(0, 0, self.width, self.band), WRAP, self.header)
            footer = tr("report.page", self.lang, page=self.page, pages=self.pages)
            self.painter.drawText(
                QRectF(0, self.height - self.band * 0.8, self.width, self.band),
                int(Qt.AlignmentFlag.AlignRight),
                footer,
            )
        if self.table_head is not None:
            widths, head = self.table_head
            self.table_head = None  # drawn without recursion
            self.row(widths, head, shade=True)
            self.table_head = (widths, head)

    def room(self, height: float) -> None:
        """Go to the next page unless ``height`` fits (a block taller than a page starts one)."""
        if self.y + height > self.height - self.band and self.y > self.band:
            self.new_page()

    def paragraph(self, text: str, style: str, space: float = 0.0) -> None:
        height = self.text_height(text, style, self.width) + space
        self.room(height)
        if self.painter is not None:
            self._font(style)
            self.painter.drawText(QRectF(0, self.y + space, self.width, height), WRAP, text)
        self.y += height

    def row(self, widths: list[float], cells: list[Cell], shade: bool = False) -> None:
        """One table row: cells side by side, each its paragraphs; bordered like the HTML."""
        inner = [w * self.width - 2 * self.pad for w in widths]
        heights = [
            [self.text_height(t, s, inner[i]) for t, s in cell] for i, cell in enumerate(cells)
        ]
        height = max(sum(h) for h in heights) + 2 * self.pad
        self.room(height)
        if self.painter is not None:
            painter, x = self.painter, 0.0
            for i, cell in enumerate(cells):
                box = QRectF(x, self.y, widths[i] * self.width, height)
                if shade:
                    painter.fillRect(box, QColor("#eeeeee"))
                painter.setPen(self.border)
                painter.drawRect(box)
                top = self.y + self.pad
                for (text, style), h in zip(cell, heights[i], strict=True):
                    self._font(style)
                    painter.drawText(QRectF(x + self.pad, top, inner[i], h), WRAP, text)
                    top += h
                x += widths[i] * self.width
        self.y += height


def _chronology_cells(r: dict[str, Any], t: Callable[..., str]) -> list[Cell]:
    base = "retracted" if r["retracted_on"] else "body"
    small = "retracted" if r["retracted_on"] else "muted"
    when: Cell = [(r["date"], base)] + ([(r["time"], base)] if r["time"] else [])
    direction = r["direction"] + ("" if r["answered"] else f" — {t('no_answer')}")
    who: Cell = [(r["counterpart"], base)] if r["counterpart"] else []
    if r["reference"]:
        who.append((f"{t('ref')} {r['reference']}", base))
    if r["wait"]:
        who.append((t("hold", minutes=r["wait"]), base))
    what: Cell = [(r["summary"], base)] if r["summary"] else []
    for p in r["promises"]:
        style = {"broken": "broken", "overdue": "broken", "kept": "kept"}.get(p["state"], base)
        text = t("promise", text=p["text"])
        if p["due"]:
            text += f" — {t('due', due=p['due'])}"
        what.append((f"{text} — {p['state_label']}", style))
    if r["files"]:
        what.append((f"{t('files')} {', '.join(r['files'])}", small))
    if r["amended_on"]:
        text = t("amended_on", day=r["amended_on"])
        if r["original"] and r["original"] != r["summary"]:
            text += f" — {t('original', text=r['original'])}"
        what.append((text, "amended"))
    if r["retracted_on"]:
        what.append((t("retracted_on", day=r["retracted_on"]), "retracted"))
    return [
        when,
        [(r["channel"], base), (direction, small)],
        who or [("", base)],
        what or [("", base)],
    ]


def _document(pages: _Pages, c: dict[str, Any], progress: Callable[[int], None] | None) -> None:
    t, case = c["t"], c["case"]
    pages.start_page()
    pages.paragraph(t("title"), "h1")
    handle = f" ({case.provider_handle})" if case.provider_handle else ""
    pages.paragraph(f"{case.provider}{handle} — {case.title}", "muted")
    space = pages.dpi * 0.15
    pages.paragraph(t("parties"), "h2", space)
    customer = [
        case.customer.name or "—",
        case.customer.address,
        case.customer.email,
        case.customer.phone,
    ]
    parties = [
        (t("consumer"), [(x, "body") for x in customer if x]),
        (t("provider"), [(case.provider, "body")]),
        (t("account"), [(case.account_ref or "—", "body")]),
        (t("jurisdiction"), [(f"{case.country} — {c['sector']} — {c['status']}", "body")]),
        (t("period"), [(t("since", since=c["since"], today=c["today"]), "body")]),
    ]
    for label, value in parties:
        pages.row([0.25, 0.75], [[(label, "th")], value])
    pages.paragraph(t("figures"), "h2", space)
    for chunk in (c["figures"][:5], c["figures"][5:]):
        cells = [[(str(value), "figure"), (label, "body")] for label, value in chunk]
        pages.row([0.2] * len(cells), cells)
    rows = c["rows"]
    pages.paragraph(t("chronology"), "h2", space)
    pages.paragraph(c["chronology_note"], "muted")
    widths = [0.17, 0.18, 0.2, 0.45]
    head = [[(t(k), "th")] for k in ("when", "channel", "who", "what")]
    pages.row(widths, head, shade=True)
    pages.table_head = (widths, head)
    for n, r in enumerate(rows):
        pages.row(widths, _chronology_cells(r, t))
        if progress and n % 500 == 0:
            progress(int(90 * n / max(1, len(rows))))
    pages.table_head = None
    pages.paragraph(f"{t('ladder')} — {c['ladder_title']}", "h2", space)
    widths = [0.36, 0.16, 0.16, 0.16, 0.16]
    pages.row(
        widths, [[(t(k), "th")] for k in ("step", "state", "done", "opens", "deadline")], True
    )
    for s in c["steps"]:
        title = s["title"] + (f" ({t('parallel')})" if s["parallel"] else "")
        cells = [title, s["status"], s["done_on"], s["opens_on"], s["deadline"]]
        pages.row(widths, [[(x, "body")] for x in cells])
    footer = t(
        "footer", today=c["today"], entries=c["journal_entries"], fingerprint=c["fingerprint"]
    )
    pages.paragraph(footer, "muted", space)


def report_pdf(
    context: dict[str, Any],
    path: Path,
    *,
    lang: str,
    header: str,
    paper: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the report of ``context`` as a PDF at ``path``; return the number of pages.

    Args:
        lang: the document's language (French: A4; English: Letter unless ``paper``).
        header: the line printed at the top of every page.
        paper: ``A4`` or ``Letter`` to choose.
        progress: called with 0–100 as pages are drawn.
    """
    ensure_app()
    size_id = QPageSize.PageSizeId.A4
    if (paper or ("A4" if lang == "fr" else "Letter")) == "Letter":
        size_id = QPageSize.PageSizeId.Letter
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size_id),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(header)
    writer.setCreator("plainte")
    painter = QPainter()
    painter.begin(writer)  # measures with the printer's own metrics, then draws
    dry = _Pages(writer, painter, header, lang, draw=False)
    _document(dry, context, None)  # the first pass only counts the pages ("page 3 of 569")
    pages = _Pages(writer, painter, header, lang, draw=True)
    pages.pages = dry.page
    pages.replay = iter(dry.heights)
    try:
        _document(pages, context, progress)
    finally:
        painter.end()
    if progress:
        progress(100)
    return pages.page
