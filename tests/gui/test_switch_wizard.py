"""The switching assistant: its pages read as sentences about the saga, in both languages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QLabel

from plainte.core.model import CaseStatus


@pytest.mark.parametrize(
    ("lang", "says"), [("fr", "La saga est alors marquée"), ("en", "The saga")]
)
def test_the_last_page_speaks_of_the_saga_not_of_the_app_as_a_noun(qtbot, window, lang, says):
    window.case_ops.load_demo()
    window.set_language(lang)
    try:
        window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)
        window.refresh_cases()
        window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
        wizard = window.compose_ops.switch_assistant()
        qtbot.addWidget(wizard)
        final = wizard.page(wizard.pageIds()[-1])
        text = " ".join(label.text() for label in final.findChildren(QLabel))
        assert says in text
        assert not re.search(r"(^|[.;:] )plainte\b", text), text
        wizard.close()
    finally:
        window.set_language("en")
