"""Words in the person's language: ``locales/*.yaml``, dates, numbers, money.

Every language file has the same keys (a test proves it). Lookups are dotted
paths (``channel.phone``); messages use ``str.format`` fields.
"""

from __future__ import annotations

import os
from datetime import date, datetime, time
from functools import cache, lru_cache

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
    """The parsed ``locales/<lang>.yaml`` (kept parsed between runs: no YAML parser at start)."""
    from plainte.core.parsed_cache import load_yaml
    from plainte.core.resources import data_folder

    return load_yaml(data_folder("locales") / f"{lang}.yaml")


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


# Dates, numbers, money and plurals: CLDR data through Babel --------------------------

DEFAULT_LOCALES = {"fr": "fr_FR", "en": "en_US"}
"""The locale of a bare language, when nothing says which country writes."""


def _babel_locale(tag: str):
    """The Babel ``Locale`` for ``fr``/``en`` or a tag such as ``fr_CA``/``en-GB``."""
    from babel import Locale  # imported on first use: nothing at import time

    return _parse_locale(tag, Locale)


@cache
def _parse_locale(tag: str, locale_class):
    return locale_class.parse(tag.replace("-", "_"))


@cache
def _known_locale(tag: str) -> bool:
    from plainte.core import quick_dates  # kept from Babel: Babel is not loaded to know

    return quick_dates.known(tag)


def interface_locale(lang: str | None = None) -> str:
    """The locale the interface writes dates and numbers in.

    The system's own locale (``LC_ALL``, ``LC_TIME``, ``LANG``) when it speaks the
    interface language (a Québec desktop in French gets ``fr_CA``), else the
    language's default.
    """
    lang = lang or language()
    return _interface_locale(lang, *(os.environ.get(v, "") for v in ("LC_ALL", "LC_TIME", "LANG")))


@cache
def _interface_locale(lang: str, *values: str) -> str:
    for value in values:
        tag = value.split(".")[0].split("@")[0]
        if tag.lower().startswith(lang + "_") and _known_locale(tag):
            return tag
    return DEFAULT_LOCALES.get(lang, "en_US")


def resolve_locale(lang: str | None = None) -> str:
    """A locale tag for ``lang``, which may be a language (``fr``) or a locale (``fr_CA``)."""
    if not lang or lang in LANGUAGES:
        return interface_locale(lang)
    return lang.replace("-", "_")


def language_of(lang: str | None) -> str:
    """The catalogue language (``fr`` or ``en``) of a language or locale tag."""
    if not lang:
        return language()
    short = lang[:2].lower()
    return short if short in LANGUAGES else "en"


def format_date(day: date | datetime, lang: str | None = None) -> str:
    """A day written as the locale writes it: "22 novembre 2026", "10 October 2026" (GB),
    "October 10, 2026" (US, CA); French writes the first of the month "1er"."""
    if isinstance(day, datetime):
        day = day.date()
    return _format_date(day, resolve_locale(lang))


@lru_cache(maxsize=4096)
def _format_date(day: date, tag: str) -> str:
    from plainte.core import quick_dates

    text = quick_dates.write_date(day, tag, "date.long")
    if text is None:
        from babel.dates import format_date as babel_date

        text = babel_date(day, "long", locale=_babel_locale(tag))
    if tag.startswith("fr") and day.day == 1 and text[:2] in ("1 ", "1\u00a0"):
        text = "1er" + text[1:]
    return text


def format_date_short(day: date | datetime, lang: str | None = None) -> str:
    """A compact day for tables: "14 sept. 2016", "Sep 14, 2016", "14 Sept 2016" (GB)."""
    if isinstance(day, datetime):
        day = day.date()
    return _format_date_short(day, resolve_locale(lang))


@lru_cache(maxsize=4096)
def _format_date_short(day: date, tag: str) -> str:
    from plainte.core import quick_dates  # CLDR's pattern, kept: no Babel at start

    text = quick_dates.write_date(day, tag, "date.medium")
    if text is None:
        from babel.dates import format_date as babel_date

        text = babel_date(day, "medium", locale=_babel_locale(tag))
    return text


def format_time(moment: datetime, lang: str | None = None) -> str:
    """A clock time as the locale writes it: "14:32" (fr-FR, en-GB), "14 h 32" (fr-CA),
    "2:32 PM" (en-US), "2:32 p.m." (en-CA)."""
    return _format_time(moment.hour, moment.minute, resolve_locale(lang))


@lru_cache(maxsize=4096)
def _format_time(hour: int, minute: int, tag: str) -> str:
    from plainte.core import quick_dates

    text = quick_dates.write_time(time(hour, minute), tag)
    if text is None:
        from babel.dates import format_time as babel_time

        text = babel_time(time(hour, minute), "short", locale=_babel_locale(tag))
    return text


def format_number(value: float, lang: str | None = None, decimals: int = 0) -> str:
    """A number with the locale's separators: "1 234,5" (fr), "1,234.5" (en)."""
    from plainte.core import quick_dates  # CLDR's symbols, kept: no locale data loaded

    tag = resolve_locale(lang)
    text = quick_dates.write_number(value, tag, decimals)
    if text is None:
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(value, pattern, locale=_babel_locale(tag))
    return text


def format_money(amount: float, currency: str = "EUR", lang: str | None = None) -> str:
    """An amount of money: "29,33 €" (fr-FR), "£29.33" (en-GB), "29,33 $" (fr-CA)."""
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=_babel_locale(resolve_locale(lang)))


def plural_category(n: float, lang: str | None = None) -> str:
    """The CLDR plural category of ``n`` in the locale: ``one``, ``few``, ``many``, ``other``."""
    tag = resolve_locale(lang)
    rule = _plural_rule(tag)
    return rule(abs(n)) if rule is not None else _babel_locale(tag).plural_form(abs(n))


@cache
def _plural_rule(tag: str):
    """The plural rule of ``tag``, from CLDR's rules kept parsed (None: ask the locale)."""
    from functools import partial

    from plainte.core import plural

    rules = plural.kept_rules(tag)
    return None if rules is None else partial(plural.category, rules)


def pick_plural(forms: dict[str, str], n: float, lang: str | None = None) -> str:
    """The form of ``forms`` (keyed by CLDR category) for ``n``; ``other`` when missing."""
    category = plural_category(n, lang)
    return forms.get(category) or forms.get("other") or next(iter(forms.values()), "")


def trn(key: str, n: float, lang: str | None = None, /, **params: object) -> str:
    """The plural message at ``key`` for the count ``n``, filled with ``n`` and params.

    In ``locales/*.yaml`` a plural message is a mapping keyed by CLDR category::

        contacts:
          one: "{n} contact"
          other: "{n} contacts"

    ``{n}`` is the count written with the locale's separators.
    """
    forms = lookup(key, language_of(lang))
    if not isinstance(forms, dict):
        return tr(key, language_of(lang), n=n, **params)
    text = pick_plural(forms, n, lang)
    number = format_number(n, lang) if float(n).is_integer() else format_number(n, lang, 1)
    try:
        return text.format(n=number, **params)
    except (KeyError, IndexError, ValueError):
        return text


def plural_words(lang: str | None = None):
    """A template helper: ``plural(n, "appel reçu", "appels reçus")`` picks by CLDR rules.

    Templates with their own words in one language use it; shared messages use
    ``trn`` and the locale files.
    """

    def plural(n: float, one: str, other: str) -> str:
        return pick_plural({"one": one, "other": other}, n, lang)

    return plural


# French typography ------------------------------------------------------------------

NBSP = "\u00a0"
NNBSP = "\u202f"
_URL = r"\b(?:https?://|www\.)\S+|\S+@\S+"

VERBATIM = ("\x0e", "\x0f")
"""Marks around a quotation in another language: French spacing leaves it as written."""


def verbatim(text: str) -> str:
    """``text`` marked to be quoted as written (see ``strip_verbatim``)."""
    return f"{VERBATIM[0]}{text}{VERBATIM[1]}" if text else text


def strip_verbatim(text: str) -> str:
    """The text without the marks ``verbatim`` put in."""
    return text.replace(VERBATIM[0], "").replace(VERBATIM[1], "")


def french_typography(text: str) -> str:
    """French spacing: a no-break space before ``: ; ! ?`` and inside « », none broken.

    A narrow no-break space before ``; ! ?`` and a full one before ``:`` and inside
    guillemets, as the Imprimerie nationale writes them; URLs, e-mail addresses, clock
    times (``14:32``) and quotations marked ``verbatim`` are left alone.
    """
    import re

    urls: list[str] = []

    def keep(match) -> str:
        urls.append(match.group(0))
        return f"\x00{len(urls) - 1}\x00"

    text = re.sub(rf"{VERBATIM[0]}[^{VERBATIM[1]}]*{VERBATIM[1]}|{_URL}", keep, text)
    text = re.sub(r"[ \t\u00a0\u202f]*([;!?])(?=\s|$|[»)])", lambda m: NNBSP + m.group(1), text)
    text = re.sub(r"(?<=\S)[ \t\u00a0\u202f]*:(?=\s|$)", NBSP + ":", text)
    text = re.sub(r"«[ \t\u00a0\u202f]*", "«" + NBSP, text)
    text = re.sub(r"[ \t\u00a0\u202f]*»", NBSP + "»", text)
    # a line starting with punctuation ("?") keeps no leading no-break space
    text = re.sub(r"(^|\n)[\u00a0\u202f]+", r"\1", text)
    return re.sub("\x00(\\d+)\x00", lambda m: urls[int(m.group(1))], text)


def de(name: str) -> str:
    """French "de" before a name, elided before a vowel: "de Free", "d'Orange"."""
    first = name.strip()[:1].lower()
    return f"d'{name}" if first and first in "aeiouàâäéèêëîïôöùûü" else f"de {name}"


def lower_first(text: str, keep: tuple[str, ...] = ()) -> str:
    """``text`` with its first letter in lower case, as French writes after a colon.

    Acronyms ("SFR", "ADSL"), words with a capital inside ("iPhone") and the
    words in ``keep`` (the provider's name) stay as they are.
    """
    if not text:
        return text
    first = text.split(maxsplit=1)[0].strip("«»\"'(")
    if any(first.startswith(k) for k in keep if k) or not first[:1].isupper():
        return text
    if any(c.isupper() for c in first[1:]) or (len(first) == 1 and first != "À"):
        return text
    index = text.index(first[0])
    return text[:index] + text[index].lower() + text[index + 1 :]
