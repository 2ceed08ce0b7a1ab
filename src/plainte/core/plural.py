"""CLDR's plural rules, evaluated from Babel's parsed form kept between runs.

Choosing "1 appel" or "2 appels" needs the locale's plural rule. Babel parses
CLDR's rules into a small expression tree (``PluralRule.abstract``) and turns it
into Python; importing Babel for that costs about 8 ms of every call that
prints a count. The tree is kept in the cache folder (``quick_dates.kept_from_babel``,
rebuilt when another Babel is installed) and evaluated here exactly as Babel's
generated code does it: the same operands (``n i v w f t c e``), the same
``in``/``within`` ranges and modulo. A test compares both on every French and
English locale.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from decimal import Decimal

Rules = list
"""Babel's ``PluralRule.abstract``: ``[(category, expression), …]`` in the rule's order."""

_OPERANDS = "nivwftce"


def kept_rules(tag: str) -> Rules | None:
    """The parsed plural rules of the locale ``tag`` (None: Babel does not know it)."""
    from plainte.core.quick_dates import kept_from_babel

    return kept_from_babel(f"cldr-plural.{tag}", lambda: _from_babel(tag))  # type: ignore[return-value]


def _from_babel(tag: str) -> Rules | None:
    from babel import Locale, UnknownLocaleError

    try:
        return list(Locale.parse(tag.replace("-", "_")).plural_form.abstract)
    except (UnknownLocaleError, ValueError):
        return None


def category(rules: Rules, number: float | Decimal) -> str:
    """The CLDR category (``one``, ``many``, ``other``…) of ``number`` under ``rules``."""
    values = dict(zip(_OPERANDS, operands(number), strict=True))
    for tag, expression in rules:
        if _value(expression, values):
            return str(tag)
    return "other"


def operands(source: float | Decimal) -> tuple:
    """CLDR's operands ``n i v w f t c e`` of ``source``, as Babel's ``extract_operands``."""
    n = abs(source)
    i = int(n)
    if isinstance(n, float) and i != n:
        from decimal import Decimal  # only for a fraction: decimal costs 1 ms to import

        n = Decimal(str(n))
    elif isinstance(n, float):
        n = i
    if hasattr(n, "as_tuple"):  # a Decimal
        exponent = n.as_tuple().exponent
        digits = n.as_tuple().digits
        fraction = digits[exponent:] if isinstance(exponent, int) and exponent < 0 else ()
        trailing = "".join(str(d) for d in fraction)
        bare = trailing.rstrip("0")
        return n, i, len(trailing), len(bare), int(trailing or 0), int(bare or 0), 0, 0
    return n, i, 0, 0, 0, 0, 0, 0


def _value(node: tuple, values: dict):
    """The value of one node of the tree (what Babel's generated Python computes)."""
    op, args = node
    if op in values:
        return values[op]
    if op == "value":
        return args[0]
    if op == "and":
        return _value(args[0], values) and _value(args[1], values)
    if op == "or":
        return _value(args[0], values) or _value(args[1], values)
    if op == "not":
        return not _value(args[0], values)
    if op == "mod":
        return _modulo(_value(args[0], values), _value(args[1], values))
    if op == "is":
        return _value(args[0], values) == _value(args[1], values)
    if op == "isnot":
        return _value(args[0], values) != _value(args[1], values)
    if op == "relation":
        method, expression, ranges = args
        number = _value(expression, values)
        within = any(
            _value(low, values) <= number <= _value(high, values) for low, high in ranges[1]
        )
        return within if method == "within" else number == int(number) and within
    raise ValueError(f"unknown plural rule node: {op}")


def _modulo(a, b):
    """CLDR's modulo: the sign of the dividend (Babel's ``cldr_modulo``)."""
    negative = a < 0
    rest = abs(a) % abs(b)
    return -rest if negative else rest
