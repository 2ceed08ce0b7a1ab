"""The command line's sentences read right in both languages: counts agree with their
nouns, no double space, no doubled full stop, nothing said of what is zero."""

from __future__ import annotations

import re

import pytest

from plainte.core import i18n

from .conftest import saga_doc

SLIPS = re.compile(
    r"\b1 (contacts|cases|events|entries|files|records|sagas|characters"
    r"|dossiers|événements|entrées|fichiers|enregistrements|nouveaux|nouvelles"
    r"|retirées|modifiées|caractères)\b"
    r"|\b0 retracted entries are marked|\b0 (amended|retracted) entr"
)
DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)| [.,](?:\s|$)")


def _check(text: str, *, table: bool = False) -> None:
    assert not SLIPS.search(text), SLIPS.search(text).group(0)
    assert not DOUBLED.search(text), DOUBLED.search(text).group(0)
    if not table:
        for line in text.splitlines():
            assert "  " not in line.strip(), line


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_one_event_case_is_counted_in_words(run_cli, make_saga, tmp_path, monkeypatch, lang):
    monkeypatch.setenv("PLAINTE_LANG", lang)
    i18n.set_language(None)
    one = [{"id": "e1", "at": "2026-08-03T09:15:00", "channel": "email", "direction": "out"}]
    path = make_saga(saga_doc(one, language=lang))
    try:
        imported = run_cli("import", str(path))
        assert imported.code == 0, imported.err
        _check(imported.out)
        assert (
            "1 case (1 new), 1 event."
            if lang == "en"
            else "1 dossier importé (1 nouveau), 1 événement."
        ) in imported.out
        verified = run_cli("verify", "case-1")
        _check(verified.out)
        html = tmp_path / "x.html"
        assert run_cli("export", "case-1", "--format", "html", "-o", str(html)).code == 0
        text = re.sub(r"<[^>]+>", "\n", html.read_text(encoding="utf-8"))
        _check(text)
        assert ("1 entry." if lang == "en" else "1 entrée.") in text
        post = run_cli("letter", "case-1", "--kind", "public-post", "--platform", "x")
        _check(post.err)
        demo = run_cli("demo")
        _check(demo.out)
        stats = run_cli("stats", "case-1")
        _check(stats.out, table=True)
    finally:
        i18n.set_language(None)


def test_every_locale_string_is_free_of_doubled_spaces_and_stops():
    """GUI and CLI strings alike, every plural form included."""
    import yaml

    from plainte.core.resources import data_folder

    found = []
    for lang in ("en", "fr"):
        data = yaml.safe_load((data_folder("locales") / f"{lang}.yaml").read_text(encoding="utf-8"))
        stack = [("", data)]
        while stack:
            where, node = stack.pop()
            if isinstance(node, dict):
                stack += [(f"{where}.{k}", v) for k, v in node.items()]
            elif isinstance(node, str) and (
                "  " in node.replace("\n  ", "\n") or DOUBLED.search(node)
            ):
                found.append(f"{lang}{where}: {node[:60]!r}")
    assert found == []
