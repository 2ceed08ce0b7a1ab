"""Keep private data out of public posts, however it is written.

What is masked, in any text a public kind prints:

- the account reference, with or without its separators (``ROG-4471-220``,
  ``ROG4471220``, ``rog 4471 220``);
- phone numbers: those libphonenumber finds for the case's country (and in
  international form), plus any run of eight digits or more;
- e-mail addresses, also spelled out ("nadia at example dot org",
  « nadia arobase example point org », ``nadia [at] example [dot] org``);
- postcodes of the case's country (patterns in ``templates/posts/redact.yaml``)
  and the customer's own postcode and street;
- the customer's names, whole or one by one (the first name alone too), with or
  without accents;
- agents' surnames: an agent is named by first name or role only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from plainte.core.model import Case

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AT_WORD = r"(?:at|arobase|arrobe|chez)"
_AT = rf"(?:@|\s+@\s+|\s*[\[({{<]\s*{_AT_WORD}\s*[\])}}>]\s*|\s+{_AT_WORD}\s+)"
_DOT = r"(?:\.|\s+\.\s+|\s*[\[({<]\s*(?:dot|point)\s*[\])}>]\s*|\s+(?:dot|point)\s+)"
SPELLED_EMAIL = re.compile(
    rf"[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,24}}\b", re.IGNORECASE
)
"""An address written to dodge robots: "name at domain dot com", « x arobase y point fr »."""
PHONE = re.compile(r"(?<![\w])\+?\d(?:[\s.\-()/]{0,2}\d){7,}(?![\w])")
"""Eight digits or more, with the separators people write between them."""
MASK = "[…]"
_SEPARATORS = r"[\s.\-_/]*"
_ACCENTS = {
    "a": "aàâäáãå",
    "e": "eéèêë",
    "i": "iîïíì",
    "o": "oôöóòõ",
    "u": "uùûüú",
    "c": "cç",
    "n": "nñ",
    "y": "yÿ",
}
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def _base(char: str) -> str:
    return unicodedata.normalize("NFKD", char)[0].lower()


def _loose_word(word: str) -> str:
    """A regex for ``word`` that matches it with or without accents, any case."""
    out = []
    for char in word:
        base = _base(char)
        out.append(f"[{_ACCENTS[base]}]" if base in _ACCENTS else re.escape(char))
    return "".join(out)


def _loose_chars(value: str) -> str | None:
    """A regex for ``value``'s letters and digits with any separators between them."""
    chars = [c for c in value if c.isalnum()]
    if len(chars) < 4:
        return None
    return _SEPARATORS.join(re.escape(c) for c in chars)


@cache
def _rules() -> dict:
    import yaml

    from plainte.core.resources import data_folder

    path = data_folder("templates") / "posts" / "redact.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _country_rule(table: dict, country: str):
    """The entry for ``country`` (``CA-QC``), else for its state (``CA``), else None."""
    code = (country or "").upper()
    return table.get(code) or table.get(code.split("-")[0])


def _phone_region(country: str) -> str:
    return (country or "").upper().split("-")[0] or "ZZ"


def _agent_surnames(case: Case) -> set[str]:
    """Words after the first name of every agent named "First Last" in the case."""
    roles = {w.lower() for w in _rules()["roles"]}
    provider = {w.lower() for w in _NAME_WORD.findall(case.provider or "")}
    found: set[str] = set()
    for event in case.events:
        who = re.sub(r"\(.*?\)|\[.*?\]", " ", event.counterpart or "")
        if "@" in who:
            continue
        words = _NAME_WORD.findall(who)
        if len(words) < 2 or words[0].lower() in roles:
            continue
        for word in words[1:]:
            low = word.lower().rstrip(".")
            if len(low) >= 2 and low not in roles and low not in provider and word[0].isupper():
                found.add(word)
    return found


@cache
def _patterns_for(key: tuple) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in key]


def _private_patterns(case: Case) -> list[re.Pattern]:
    """The case's own private values, each as a loose regex, longest first."""
    values: list[str] = []
    words: set[str] = set()
    customer = case.customer
    for exact in (case.account_ref, customer.phone, customer.email, customer.address):
        if exact and len(exact.strip()) >= 3:
            values.append(exact.strip())
    patterns = [re.escape(v) for v in sorted(set(values), key=len, reverse=True)]
    for ref in (case.account_ref, customer.phone):
        loose = _loose_chars(ref or "")
        if loose:
            patterns.append(loose)
    if customer.address:
        for part in re.split(r"[,\n]", customer.address):
            part = part.strip()
            street = re.sub(r"^\d+\s*(?:bis|ter|[a-z]\b)?,?\s*", "", part, flags=re.IGNORECASE)
            street = re.sub(r",?\s*\d+\s*(?:bis|ter|[a-z])?$", "", street, flags=re.IGNORECASE)
            if len(part) >= 6:
                patterns.append(re.escape(part))
            if street != part and len(street) >= 6:
                patterns.append(re.escape(street))
    if customer.name:
        words.update(w for w in _NAME_WORD.findall(customer.name) if len(w) >= 2)
    words.update(_agent_surnames(case))
    if customer.email:
        local = customer.email.split("@")[0]
        words.update(w for w in re.split(r"[._+-]", local) if len(w) >= 3)
    provider = {w.lower() for w in _NAME_WORD.findall(case.provider or "")}
    for word in sorted(words, key=len, reverse=True):
        if word.lower() in provider:
            continue
        patterns.append(rf"(?<![\w@]){_loose_word(word)}(?:['’]s)?(?![\w])")
    return _patterns_for(tuple(patterns))


def _phone_spans(text: str, country: str) -> list[tuple[int, int]]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(
        text, _phone_region(country), leniency=phonenumbers.Leniency.POSSIBLE
    )
    # POSSIBLE finds fictional and 555 numbers too; it also takes a year for a
    # short UK number, hence the floor of seven digits
    return [(m.start, m.end) for m in matcher if sum(c.isdigit() for c in m.raw_string) >= 7]


def _public_spans(text: str, case: Case) -> list[tuple[int, int]]:
    """Where the provider's own public handles sit: "@rogers@mstdn.ca" is no e-mail."""
    handles = {h for h in (*case.handles.values(), case.provider_handle) if h}
    return [m.span() for h in handles for m in re.finditer(re.escape(h), text)]


def _spans(text: str, case: Case) -> list[tuple[int, int]]:
    """Where private data sits in ``text``, as (start, end) spans (public handles left out)."""
    public = _public_spans(text, case)
    return [
        (start, end)
        for start, end in _private_spans(text, case)
        if not any(a <= start and end <= b for a, b in public)
    ]


def _private_spans(text: str, case: Case) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern in _private_patterns(case):
        spans += [m.span() for m in pattern.finditer(text)]
    for pattern in (EMAIL, SPELLED_EMAIL, PHONE):
        spans += [m.span() for m in pattern.finditer(text)]
    spans += _phone_spans(text, case.country)
    postcode = _country_rule(_rules()["postcodes"], case.country)
    if postcode:
        spans += [m.span() for m in re.finditer(postcode, text)]
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def redact(text: str, case: Case) -> str:
    """``text`` with every private value of ``case`` masked (see the module's list)."""
    if not text:
        return text
    text = _drop_agent_surnames(text, case)
    out, last = [], 0
    for start, end in _merge(_spans(text, case)):
        out.append(text[last:start])
        out.append(MASK)
        last = end
    out.append(text[last:])
    return re.sub(r"(?:\[…\]\s*){2,}", MASK + " ", "".join(out))


def _drop_agent_surnames(text: str, case: Case) -> str:
    """ "Priya Sharma" becomes "Priya": an agent keeps a first name only."""
    for surname in _agent_surnames(case):
        text = re.sub(
            rf"(?<=[^\W\d_])(\s+){_loose_word(surname)}(?![\w])",
            "",
            text,
            flags=re.IGNORECASE,
        )
    return text


def leaks(text: str, case: Case) -> list[str]:
    """What of the private data is still in ``text`` (empty when it is clean)."""
    return [text[s:e] for s, e in _merge(_spans(text, case)) if text[s:e] != MASK]
