"""Naming a case by id, id start or word, from the case table alone."""

from __future__ import annotations

import pytest

from plainte.core.caseref import AmbiguousCase
from plainte.core.demo import demo_files
from plainte.core.errors import NotFound
from plainte.core.sagafile import read_saga
from plainte.core.store import Store


@pytest.fixture
def demo_store(store: Store, monkeypatch) -> Store:
    store.import_cases([c for f in demo_files() for c in read_saga(f).cases])

    def refuse(*args, **kwargs):
        raise AssertionError("resolving a case must not load one")

    monkeypatch.setattr(Store, "load_case", refuse)
    return store


@pytest.mark.parametrize(
    ("text", "case_id"),
    [
        ("demo-red-2016", "demo-red-2016"),
        ("demo-re", "demo-red-2016"),
        ("SFR", "demo-red-2016"),
        ("red by sfr", "demo-red-2016"),
        ("Harcelement", "demo-rogers-2010"),
        ("d'appareil", "demo-rogers-2010"),
    ],
)
def test_one_case_is_named(demo_store, text, case_id):
    assert demo_store.resolve_case(text) == case_id


def test_several_cases_are_refused_with_their_rows(demo_store):
    with pytest.raises(AmbiguousCase) as caught:
        demo_store.resolve_case("demo-")
    assert [c[0] for c in caught.value.candidates] == ["demo-red-2016", "demo-rogers-2010"]
    assert "Rogers" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "mobil", "2016", "Demo-red-2016", "%"])
def test_nothing_named_is_not_found(demo_store, text):
    with pytest.raises(NotFound):
        demo_store.resolve_case(text)
