"""Names plainte writes: safe on every file system, whatever text they come from."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plainte.core.filenames import RESERVED, cut_words, safe_filename, unique_filename

BAD_CHARS = set('<>:"/\\|?*,;')


def _acceptable(name: str) -> None:
    assert name and name not in (".", "..")
    assert not BAD_CHARS & set(name)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in name)
    assert name == name.strip(" .")
    assert len(name.encode("utf-8")) <= 120
    assert name.split(".")[0].upper() not in RESERVED
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("facture.pdf", "facture.pdf"),
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c.pdf", "a-b-c.pdf"),
        ("..", "file"),
        ("", "file"),
        ("x\x00y.pdf", "x y.pdf"),
        ("ligne\nautre.pdf", "ligne autre.pdf"),
        ("cv\u202efdp.exe", "cv fdp.exe"),
        ("a\u2066b\u2069.txt", "a b.txt"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1.tar.gz", "_com1.tar.gz"),
        ("Free: 12:30, tarif?.csv", "Free 12-30 tarif.csv"),
        ("  .hidden  ", "hidden"),
        ("trailing. . ", "trailing"),
    ],
)
def test_known_names(raw: str, expected: str) -> None:
    assert safe_filename(raw) == expected
    _acceptable(safe_filename(raw))


def test_long_name_keeps_extension_and_cuts_on_a_character() -> None:
    name = safe_filename("é" * 300 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name.encode("utf-8")) <= 120
    assert set(name[:-4]) == {"é"}


def test_long_name_is_cut_between_words() -> None:
    name = safe_filename("Relevé de facturation " * 10 + ".pdf")
    assert (
        name.endswith("facturation.pdf") or name.endswith("Relevé.pdf") or name.endswith("de.pdf")
    )
    assert len(name.encode("utf-8")) <= 120
    assert set(name[:-4].split()) <= {"Relevé", "de", "facturation"}


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("phone-upgrade-credit", 16, "phone-upgrade"),
        ("phone-upgrade-credit", 13, "phone-upgrade"),
        ("phone upgrade", 100, "phone upgrade"),
        ("unbreakable", 5, "unbre"),
    ],
)
def test_cut_words(text: str, limit: int, expected: str) -> None:
    assert cut_words(text, limit) == expected


def test_decomposed_accents_are_composed() -> None:
    assert safe_filename("cafe\u0301.txt") == "café.txt"


@given(st.text(max_size=400))
def test_any_text_gives_an_acceptable_name(raw: str) -> None:
    _acceptable(safe_filename(raw))


def test_unique_filename_counts_casefolded() -> None:
    taken: set[str] = set()
    assert unique_filename("a.pdf", taken) == "a.pdf"
    assert unique_filename("A.pdf", taken) == "A (2).pdf"
    assert unique_filename("a.pdf", taken) == "a (3).pdf"
    assert unique_filename("noext", taken) == "noext"
    assert unique_filename("noext", taken) == "noext (2)"
