"""The kinds as data: the composer and the command line read the same list."""

from __future__ import annotations

import pytest

from plainte import cli
from plainte.core import compose, kinds
from plainte.core.resources import data_folder


def test_the_composer_writes_exactly_the_kinds_listed():
    assert compose.KINDS == kinds.KINDS == kinds.LETTERS + kinds.POSTS
    assert frozenset(kinds.POSTS) == compose.PUBLIC
    templates = data_folder("templates")
    for kind in kinds.KINDS:
        for lang in ("fr", "en"):
            assert (templates / compose.Composer.template_name(kind, lang)).is_file()


@pytest.mark.parametrize("kind", kinds.KINDS)
def test_the_command_line_accepts_each_kind(kind):
    assert cli.parse(["letter", "c1", "--kind", kind]).kind == kind


def test_the_command_line_refuses_another_kind(capsys):
    with pytest.raises(SystemExit):
        cli.parse(["letter", "c1", "--kind", "love-letter"])
    assert "complaint" in capsys.readouterr().err
