"""The letter a person prints and posts: real size text, the paper of the provider's country."""

from __future__ import annotations

import statistics
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QFileDialog

from plainte.core.paper import paper_for
from plainte.gui.letter_pdf import BODY_POINTS, letter_to_pdf

PAGE_POINTS = {"A4": (595, 842), "Letter": (612, 792)}


def page_size(path: Path) -> tuple[int, int]:
    """The first page's size in points, as pdfinfo reads it."""
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Page size:"))
    width, _x, height = line.split()[2:5]
    return round(float(width)), round(float(height))


def word_heights(path: Path) -> list[float]:
    """The height in points of every word box pdftotext finds."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    heights = []
    for line in out.splitlines():
        if line.strip().startswith("<word"):
            attrs = dict(part.split("=", 1) for part in line.split(">")[0].split()[1:])
            y_min, y_max = (float(attrs[k].strip('"')) for k in ("yMin", "yMax"))
            heights.append(y_max - y_min)
    return heights


def assert_print_size(path: Path) -> None:
    height = statistics.median(word_heights(path))
    # a word box is the font's ascent plus descent: about 1.1–1.3 times its size
    assert BODY_POINTS < height < BODY_POINTS * 1.5, height


@pytest.mark.parametrize(
    ("country", "lang", "paper"),
    [("FR", "fr", "A4"), ("CA-QC", "fr", "Letter"), ("CA", "en", "Letter"), ("GB", "en", "A4")],
)
def test_the_paper_follows_the_provider_country(country, lang, paper):
    assert paper_for(country, lang) == paper


def test_a_long_letter_is_at_print_size_on_every_page(qapp, tmp_path):
    text = "Madame, Monsieur,\n\n" + "\n".join(f"Ligne numéro {i} du courrier." for i in range(90))
    out = tmp_path / "letter.pdf"
    pages = letter_to_pdf(text, out, paper="A4", title="Réclamation")
    assert pages >= 2
    assert page_size(out) == PAGE_POINTS["A4"]
    assert_print_size(out)
    text_back = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True)
    assert "Ligne numéro 89 du courrier." in text_back.stdout


def test_the_composer_saves_the_letter_at_print_size(qtbot, window, tmp_path, monkeypatch):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    dialog = window.compose_ops.compose("complaint")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "RED" in dialog.preview.toPlainText(), timeout=10000)
    out = tmp_path / "complaint.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    QThreadPool.globalInstance().waitForDone(5000)
    assert page_size(out) == PAGE_POINTS["A4"]  # RED is a French provider
    assert_print_size(out)
    assert str(out) in window.statusBar().currentMessage()


def test_the_command_line_writes_a_real_pdf(run_cli, tmp_path):
    assert run_cli("demo").code == 0
    out = tmp_path / "rogers.pdf"
    result = run_cli("letter", "demo-rogers-2010", "--kind", "complaint", "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    assert page_size(out) == PAGE_POINTS["Letter"]  # Rogers is in Canada
    back = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Rogers" in back
    assert_print_size(out)
