"""Days, clock times, numbers and plurals from CLDR's data, without loading Babel's locales.

Importing Babel and loading a locale's CLDR data costs about 20 ms: as much as the
rest of plainte's part of the first screen. That screen only writes days and
times, in three patterns (the medium and long date, the short time) and the names
they use. Those are read from Babel once per locale and Babel install, kept in the
cache folder (:mod:`plainte.core.parsed_cache`), and applied here. A pattern with
a field this module does not write is left to Babel (``None``), and so is a
locale Babel does not know.

The same record keeps the locale's number symbols (and :mod:`plainte.core.plural`
its plural rules), so a count in a sentence ("3 calls") does not load the
locale's whole CLDR data (about 15 MB resident) nor Babel. Number symbols are
kept only when writing a set of samples with them gives exactly what Babel writes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

STYLES = ("date.medium", "date.long", "time.short")

_WRITES = {"d": (1, 2), "M": (1, 2, 3, 4), "y": (1, 2, 3, 4), "H": (1, 2), "h": (1, 2)}
_WRITES.update({"m": (1, 2), "a": (1,)})
"""The pattern fields written here, with the widths (number of letters) understood."""

_records: dict[str, dict | None] = {}


def record(tag: str) -> dict | None:
    """What this module needs to write days and times in ``tag`` (None: unknown to Babel)."""
    found = _records.get(tag, ...)
    if found is ...:
        found = _records[tag] = _kept_record(tag)
    return found


def known(tag: str) -> bool:
    """Whether Babel knows the locale ``tag``."""
    return record(tag) is not None


def write_date(day: date, tag: str, style: str) -> str | None:
    """``day`` in ``tag``'s ``date.medium`` or ``date.long`` pattern; None: ask Babel."""
    found = record(tag)
    tokens = found and found[style]
    if tokens is None:
        return None
    return _write(tokens, found, day.year, day.month, day.day, 0, 0)


def write_time(moment: datetime | time, tag: str) -> str | None:
    """``moment``'s clock time in ``tag``'s ``time.short`` pattern; None: ask Babel."""
    found = record(tag)
    tokens = found and found["time.short"]
    if tokens is None:
        return None
    return _write(tokens, found, 0, 1, 1, moment.hour, moment.minute)


_NUMBER_SAMPLES = (0, 1, -1, 0.05, -0.4, 2.5, 3.5, 999, 1000, -1234.5, 12345.678, 1234567, 1e9)


def write_number(value: float, tag: str, decimals: int = 0) -> str | None:
    """``value`` with ``tag``'s separators and ``decimals`` places, as Babel's ``#,##0.0…``
    pattern writes it (half to even); None: ask Babel."""
    found = record(tag)
    symbols = found and found.get("number")
    if not symbols:
        return None
    return _number(value, decimals, symbols)


def _number(value: float, decimals: int, symbols: dict[str, str]) -> str:
    from decimal import ROUND_HALF_EVEN, Decimal

    exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    text = f"{abs(rounded):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", symbols["decimal"]).replace("\0", symbols["group"])
    return symbols["minus"] + text if rounded.is_signed() else text  # "-0", as Babel


def _number_symbols(locale) -> dict[str, str] | None:
    """The locale's group, decimal and minus signs, if they write the samples as Babel does."""
    from babel.numbers import format_decimal

    table = locale.number_symbols
    table = table.get("latn", table)  # keyed by numbering system since Babel 2.14
    try:
        symbols = {k: table[n] for k, n in (("group", "group"), ("decimal", "decimal"))}
        symbols["minus"] = table["minusSign"]
    except KeyError:
        return None
    for decimals in (0, 1, 2):
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        for value in _NUMBER_SAMPLES:
            if _number(value, decimals, symbols) != format_decimal(value, pattern, locale=locale):
                return None
    return symbols


def _write(tokens, found: dict, year: int, month: int, day: int, hour: int, minute: int) -> str:
    out = []
    for field, width in tokens:
        if field is None:
            out.append(width)
        elif field == "d":
            out.append(f"{day:0{width}d}")
        elif field == "M":
            out.append(found["months"][width][month - 1] if width > 2 else f"{month:0{width}d}")
        elif field == "y":
            out.append(f"{year % 100:02d}" if width == 2 else f"{year:0{width}d}")
        elif field == "H":
            out.append(f"{hour:0{width}d}")
        elif field == "h":
            out.append(f"{hour % 12 or 12:0{width}d}")
        elif field == "m":
            out.append(f"{minute:0{width}d}")
        else:  # "a"
            out.append(found["periods"][hour >= 12])
    return "".join(out)


def tokens(pattern: str) -> list[tuple[str | None, object]] | None:
    """A CLDR date pattern as (field, width) and (None, literal text); None if a field is not
    written here."""
    out: list[tuple[str | None, object]] = []
    i, n = 0, len(pattern)
    while i < n:
        char = pattern[i]
        if char == "'":
            end = i + 1
            text = []
            while end < n:
                if pattern[end] == "'":
                    if end + 1 < n and pattern[end + 1] == "'":
                        text.append("'")
                        end += 2
                        continue
                    break
                text.append(pattern[end])
                end += 1
            out.append((None, "".join(text) if end > i + 1 else "'"))
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < n and pattern[end] == char:
                end += 1
            if end - i not in _WRITES.get(char, ()):
                return None
            out.append((char, end - i))
            i = end
        else:
            out.append((None, char))
            i += 1
    return out


def from_babel(tag: str) -> dict | None:
    """The patterns and names of ``tag``, read from Babel (None: Babel does not know it)."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None
    months = locale.months["format"]
    periods = locale.day_periods["format"]["abbreviated"]
    return {
        "date.medium": tokens(locale.date_formats["medium"].pattern),
        "date.long": tokens(locale.date_formats["long"].pattern),
        "time.short": tokens(locale.time_formats["short"].pattern),
        "months": {
            3: [months["abbreviated"][m] for m in range(1, 13)],
            4: [months["wide"][m] for m in range(1, 13)],
        },
        "periods": [periods["am"], periods["pm"]],
        "number": _number_symbols(locale),
    }


def _kept_record(tag: str) -> dict | None:
    return kept_from_babel(f"cldr.{tag}", lambda: from_babel(tag))  # type: ignore[return-value]


def kept_from_babel(name: str, build: Callable[[], object]) -> object:
    """What ``build()`` reads from Babel, kept under ``name`` until another Babel is installed."""
    from plainte.core import parsed_cache

    install = _babel_install()
    if install is None:  # no way to tell a later Babel from this one: do not keep
        return build()
    return parsed_cache.remember(name, install, build)


def _babel_install() -> str | None:
    """What identifies the installed Babel (its path, size and time), without importing it."""
    from plainte.core.parsed_cache import installed

    return installed("babel")
