"""Export names a person can copy to a USB stick or a Windows machine."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from plainte.core.export import file_stem


@pytest.mark.parametrize(
    ("provider", "title", "stem"),
    [
        ("Rogers", "Rogers: phone upgrade, then calls", "Rogers-phone-upgrade-then-calls"),
        ("RED by SFR", "Connexion mobile en panne", "RED-by-SFR-Connexion-mobile-en-panne"),
        ("Op", 'a/b\\c:d*e?"f"<g>|h', "Op-a-b-c-d-e-f-g-h"),
    ],
)
def test_file_stems_are_safe_and_do_not_repeat_the_provider(provider, title, stem):
    assert file_stem(provider, title) == stem


@pytest.mark.parametrize(
    ("provider", "title", "stem"),
    [
        (
            "Rogers",
            "Rogers: phone upgrade, a promised credit and three months of billing",
            "Rogers-phone-upgrade-a-promised-credit-and-three-months-of",
        ),
        (
            "RED by SFR",
            "La fibre qui n'arrive jamais, la ligne coupée et le forfait facturé",
            "RED-by-SFR-La-fibre-qui-n'arrive-jamais-la-ligne-coupée-et",
        ),
    ],
)
def test_long_file_stems_are_cut_between_words(provider, title, stem):
    assert file_stem(provider, title) == stem


def test_the_export_dialog_offers_a_safe_name(qtbot, window, monkeypatch):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    offered = []

    def fake(_parent, _title, name, *_args, **_kwargs):
        offered.append(name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    window.acts["export_pdf"].trigger()
    (name,) = offered
    assert not set(name) & set(':,;"<>|?*') and name.endswith(".pdf")
    assert name.count("Rogers") == 1
