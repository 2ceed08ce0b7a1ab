"""The Qt side of the drawn exports (PDF, saga card), handed to ``core.export``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from plainte.core.model import Case


class QtDrawing:
    """Draws PDFs with QPdfWriter and the card with QPainter (Qt imported on first use)."""

    def report(self, context: dict, path: Path, lang: str, header: str) -> int:
        """Draw the evidence report page by page as a PDF at ``path``; return its pages."""
        from plainte.gui.report_pdf import report_pdf

        return report_pdf(context, path, lang=lang, header=header)

    def card(self, case: Case, today: date, lang: str, path: Path) -> None:
        """Write the saga card of ``case`` as a PNG at ``path``."""
        from plainte.gui.card import save_card

        save_card(case, today, lang, path)
