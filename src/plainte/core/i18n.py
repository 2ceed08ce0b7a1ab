"""Words in the person's language: ``locales/*.yaml``, dates, numbers, money.

Every language file has the same keys (a test proves it). Lookups are dotted
paths (``channel.phone``); messages use ``str.format`` fields.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from functools import cache

TYPE_CHECKING = False  # importing typing costs every command-line call 2 ms
if TYPE_CHECKING:
    from typing import Any

LANGUAGES = ("en", "fr")
_current: str | None = None


def system_language() -> str:
    """The interface language the environment asks for: ``fr`` or ``en``.

    ``PLAINTE_LANG`` wins; then the POSIX locale variables in their order.
    """
    for var in ("PLAINTE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


_system: str | None = None


def set_language(lang: str | None) -> None:
    """Choose the interface language for the rest of the process (None: the system's)."""
    global _current, _system
    _current = lang if lang in LANGUAGES else None
    _system = None


def language() -> str:
    """The interface language in force (the system's is read once, not at every word)."""
    global _system
    if _current:
        return _current
    if _system is None:
        _system = system_language()
    return _system


@cache
def catalog(lang: str) -> dict[str, Any]:
    """The parsed ``locales/<lang>.yaml``."""
    import yaml

    from plainte.core.resources import data_folder

    path = data_folder("locales") / f"{lang}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted keys of a nested mapping, e.g. ``{"channel.phone": "Phone"}``."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = value
    return flat


def lookup(key: str, lang: str | None = None) -> Any:
    """The raw value at ``key`` (a string, a list, or a mapping)."""
    return _lookup(key, lang or language())


@cache
def _lookup(key: str, lang: str) -> Any:
    node: Any = catalog(lang)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return key
        node = node[part]
    return node


def tr(key: str, lang: str | None = None, /, **params: object) -> str:
    """The message at ``key`` in ``lang`` (default: the interface's), filled with params."""
    text = lookup(key, lang)
    if not isinstance(text, str):
        return key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def format_date(day: date | datetime, lang: str | None = None) -> str:
    """A day written the way the language writes it: "22 novembre 2026", "November 22, 2026"."""
    lang = lang or language()
    if isinstance(day, datetime):
        day = day.date()
    month = lookup("months", lang)[day.month - 1]
    if lang == "fr":
        first = "1er" if day.day == 1 else str(day.day)
        return f"{first} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"


def format_date_short(day: date | datetime, lang: str | None = None) -> str:
    """A compact day for tables: "14 sept. 2016", "Sep 14, 2016"."""
    lang = lang or language()
    if isinstance(day, datetime):
        day = day.date()
    month = lookup("months_short", lang)[day.month - 1]
    if lang == "fr":
        return f"{day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"


def format_time(moment: datetime, lang: str | None = None) -> str:
    """A clock time: "14 h 32" in French, "2:32 pm" in English."""
    lang = lang or language()
    if lang == "fr":
        return f"{moment.hour} h {moment.minute:02d}"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}:{moment.minute:02d} {suffix}"


def format_number(value: float, lang: str | None = None, decimals: int = 0) -> str:
    """A number with the language's separators: "1 234,5" (fr), "1,234.5" (en)."""
    lang = lang or language()
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def format_money(amount: float, currency: str = "EUR", lang: str | None = None) -> str:
    """An amount of money: "12,50 €" (fr), "€12.50" (en)."""
    lang = lang or language()
    symbol = {"EUR": "€", "GBP": "£", "CAD": "$", "USD": "$"}.get(currency, currency)
    number = format_number(amount, lang, 2)
    return f"{number}\u00a0{symbol}" if lang == "fr" else f"{symbol}{number}"
