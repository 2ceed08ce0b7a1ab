"""The Linux desktop entry and icon install where desktops look for them."""

from __future__ import annotations

import configparser

from plainte.desktop import install


def test_desktop_entry_and_icon_install(tmp_path):
    written = install(tmp_path)
    entry, icon = written
    assert entry == tmp_path / "applications" / "plainte.desktop"
    assert icon.read_text(encoding="utf-8").startswith("<svg")
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Exec"] == "plainte" and section["Icon"] == "plainte"
    assert section["Type"] == "Application"
