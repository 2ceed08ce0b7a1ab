"""The case pane's header: the provider named once."""

from __future__ import annotations


def test_header_shows_the_title_alone_when_it_names_the_provider(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2026"))
    title = window.pane.title.text()
    assert title.count("RED by SFR") == 1
    assert "Connexion mobile en panne" in title


def test_header_keeps_the_provider_when_the_title_does_not_name_it(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    header = window.pane.header
    assert header.provider.casefold() not in header.title.casefold()
    assert window.pane.title.text() == f"{header.provider} — {header.title}"
