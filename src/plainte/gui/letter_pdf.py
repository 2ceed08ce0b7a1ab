"""A letter as a PDF to print and post: laid out at the printer's resolution, in points.

A QTextDocument measures fonts on the screen unless told otherwise; printed on
a 300 dpi writer, 11 pt text then came out at about 3.4 pt. Here the layout's
paint device is the writer itself, so a point is a point on paper.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from plainte.gui.pdf import ensure_app

BODY_POINTS = 11.0
SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def letter_to_pdf(text: str, path: Path, *, paper: str, title: str = "plainte") -> int:
    """Write ``text`` on ``paper`` (``A4`` or ``Letter``) at ``path``; return the page count.

    Raises:
        OSError: the file cannot be written.
    """
    ensure_app()
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(SIZES[paper]),
            QPageLayout.Orientation.Portrait,
            QMarginsF(25, 20, 20, 20),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("plainte")
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at 300 dpi
    document.setDocumentMargin(0)
    font = QFont("DejaVu Serif")
    font.setPointSizeF(BODY_POINTS)
    document.setDefaultFont(font)
    document.setPlainText(text)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    height = float(page.height())
    document.setPageSize(QSizeF(page.width(), height))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    pages = document.pageCount()
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            document.drawContents(painter, QRectF(0, number * height, page.width(), height))
            painter.restore()
    finally:
        painter.end()
    return pages
