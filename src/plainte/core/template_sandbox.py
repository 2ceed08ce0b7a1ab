"""A Jinja2 sandbox with bounds: a person's template cannot run forever or fill the memory.

Jinja's own sandbox stops templates from reaching Python's internals, not from
nesting ``range`` loops until the machine gives up. This one caps ranges,
repeated strings, powers and the numbers handed to filters, counts the output
as it is produced, and gives each render a time budget, checked on every line
the template runs. A template that crosses a bound raises :class:`TemplateLimit`,
which the composer reports with the file and line before using the built-in
template.
"""

from __future__ import annotations

import functools
import operator
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment, SecurityError

MAX_RANGE = 10_000
"""Items a ``range`` may give (a letter lists at most a few hundred events)."""
MAX_OUTPUT = 20_000_000
"""Characters a render may write: the HTML report of 10,000 events fits many times."""
MAX_NUMBER = 1_000_000
"""Largest number a filter or an operator may be given (widths, repeats, exponents)."""
TIME_BUDGET = 5.0
"""Seconds a render may take; the built-in templates take milliseconds."""


class TemplateLimit(SecurityError):
    """A template went past one of the bounds (time, output, range or size)."""


_budget = threading.local()


def _check_time() -> None:
    """Raise in the template's own frame (so its line is known) once a bound is crossed."""
    deadline = getattr(_budget, "deadline", None)
    if deadline is None:
        return
    if getattr(_budget, "too_long", False):
        _budget.deadline = None  # raised once; the frames unwinding must not raise again
        raise TemplateLimit(f"wrote more than {MAX_OUTPUT:,} characters")
    if time.monotonic() > deadline:
        _budget.deadline = None
        raise TemplateLimit("took too long (a runaway loop?)")


def _check_number(value: Any) -> None:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and abs(value) > MAX_NUMBER:
        raise TemplateLimit(f"the number {value:.6g} is larger than {MAX_NUMBER:,}")


def _check_size(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_OUTPUT:
        raise TemplateLimit(f"a value of more than {MAX_OUTPUT:,} items")
    return value


def bounded_range(*args: int) -> Iterator[int]:
    """``range`` for templates: at most :data:`MAX_RANGE` items, the clock checked as it runs."""
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimit(f"range of {len(numbers):,} items, more than {MAX_RANGE:,}")
    for n, value in enumerate(numbers):
        if not n % 256:
            _check_time()
        yield value


def _guarded(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter refusing huge parameters (widths, counts) and huge results.

    The value filtered is left alone (``{{ 2000000|string }}`` is fine); what
    follows it (``center(10**9)``) is checked. Filters Jinja hands its
    environment or context first keep that marker (``functools.wraps``).
    """
    skip = 2 if getattr(function, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _check_time()
        for value in (*args[skip:], *kwargs.values()):
            _check_number(value)
        return _check_size(function(*args, **kwargs))

    return guarded


class BoundedEnvironment(SandboxedEnvironment):
    """Jinja's sandbox with caps on ranges, sizes, numbers, output and time."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = bounded_range
        self.globals.pop("lipsum", None)
        self.filters = {name: _guarded(f) for name, f in self.filters.items()}

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        """``*`` ``**`` ``%`` ``+`` with their operands and results bounded."""
        _check_time()
        if op == "**":
            _check_number(right)
            if isinstance(left, (int, float)) and abs(left) > 1 and abs(right) > 64:
                raise TemplateLimit(f"{left} ** {right} is too large")
        elif op == "*":
            _check_number(left)
            _check_number(right)
        elif op == "%" and isinstance(left, str):
            for digits in filter(None, "".join(c if c.isdigit() else " " for c in left).split()):
                _check_number(int(digits))
        table = {"*": operator.mul, "**": operator.pow, "%": operator.mod, "+": operator.add}
        return _check_size(table[op](left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call the template makes: the clock checked, the result's size bounded."""
        _check_time()
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def render(
    template: Template, context: dict[str, Any], *, budget: float | None = None, trusted=False
) -> str:
    """Render ``template`` within the time budget and the output bound.

    The clock is checked on every line of template code (a trace on this thread
    only, while the render runs), so even loops that call nothing are stopped.
    A ``trusted`` template (one plainte ships) skips the trace, which doubles
    the time of a long report.

    Raises:
        TemplateLimit: a bound was crossed; anything the template itself raises.
    """

    def trace(frame, event, arg):
        if not isinstance(frame.f_globals.get("environment"), BoundedEnvironment):
            return None  # not template code (includes and macros are)
        _check_time()
        return line_trace

    def line_trace(frame, event, arg):
        if event == "line":
            _check_time()
        return line_trace

    if trusted:
        return template.render(context)
    previous = getattr(_budget, "deadline", None), getattr(_budget, "too_long", False)
    previous_trace = sys.gettrace()
    _budget.deadline = time.monotonic() + (budget or TIME_BUDGET)
    _budget.too_long = False
    sys.settrace(trace)
    try:
        parts: list[str] = []
        size = 0
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_OUTPUT:
                _budget.too_long = True  # the template's next line raises, naming itself
            else:
                parts.append(chunk)
        if _budget.too_long:
            raise TemplateLimit(f"wrote more than {MAX_OUTPUT:,} characters")
        return "".join(parts)
    finally:
        sys.settrace(previous_trace)
        _budget.deadline, _budget.too_long = previous
