"""PDF output with Qt: the HTML report, paginated, with a header and page numbers.

Runs without a window (the command line creates an offscreen QGuiApplication),
and off the GUI thread in the app: only QTextDocument and QPdfWriter are used.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from plainte.core.i18n import tr

_app: QGuiApplication | None = None


def _shutdown() -> None:
    """Take the application down before Python's own teardown (else PySide6 may crash)."""
    global _app
    if _app is not None:
        if hasattr(_app, "shutdown"):
            _app.shutdown()
        _app = None


def ensure_app() -> None:
    """A QGuiApplication for fonts and painting, offscreen when there is no display."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        # a QApplication, not just a QGuiApplication: the same process may open windows later
        _app = QApplication([])
        atexit.register(_shutdown)


def html_to_pdf(
    html: str,
    path: Path,
    *,
    lang: str,
    header: str,
    paper: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``html`` as a PDF at ``path``; return the number of pages.

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
    writer.setResolution(150)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(size_id),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 18, 15, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(header)
    writer.setCreator("plainte")
    page_rect = writer.pageLayout().paintRectPixels(writer.resolution())
    band = int(writer.resolution() * 0.35)  # header and footer bands
    body = QSizeF(page_rect.width(), page_rect.height() - 2 * band)
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(html)
    document.setPageSize(body)
    pages = document.pageCount()
    painter = QPainter(writer)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(7.5)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.setFont(small)
            width = page_rect.width()
            painter.drawText(QRectF(0, 0, width, band), Qt.AlignmentFlag.AlignLeft, header)
            footer = tr("report.page", lang, page=page + 1, pages=pages)
            painter.drawText(
                QRectF(0, page_rect.height() - band * 0.8, width, band),
                Qt.AlignmentFlag.AlignRight,
                footer,
            )
            painter.save()
            painter.translate(0, band - page * body.height())
            document.drawContents(
                painter, QRectF(0, page * body.height(), body.width(), body.height())
            )
            painter.restore()
            if progress:
                progress(int(100 * (page + 1) / pages))
    finally:
        painter.end()
    return pages
