"""What waits for the whole case: one call per action, said when it starts and ends."""

from __future__ import annotations

from plainte.core.model import Case
from plainte.gui.waiting import Waiting


def test_a_second_ask_replaces_the_first_and_each_is_called_once(qtbot):
    waiting = Waiting()
    said: list[bool] = []
    waiting.changed.connect(said.append)
    called: list[tuple[str, str]] = []
    waiting.add("letter", lambda c: called.append(("first", c.id)))
    waiting.add("letter", lambda c: called.append(("second", c.id)))
    waiting.add("reply", lambda c: called.append(("reply", c.id)))
    assert waiting and said == [True]
    waiting.call(Case("x", "t", "p", "GB", "internet"))
    assert called == [("second", "x"), ("reply", "x")] and said == [True, False]
    assert not waiting
    waiting.call(Case("y", "t", "p", "GB", "internet"))
    assert len(called) == 2


def test_dropped_with_an_error_says_why_once(qtbot):
    waiting = Waiting()
    errors: list[object] = []
    waiting.failed.connect(errors.append)
    waiting.drop(OSError("gone"))  # nothing waited: nothing to say
    waiting.add("letter", lambda c: None)
    with qtbot.waitSignal(waiting.changed) as blocker:
        waiting.drop(OSError("gone"))
    assert blocker.args == [False] and [str(e) for e in errors] == ["gone"]
