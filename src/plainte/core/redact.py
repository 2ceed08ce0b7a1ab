"""Keep private data out of public posts, however it is written.

What is masked, in any text a public kind prints:

- the account reference, with or without its separators (``ROG-4471-220``,
  ``ROG4471220``, ``rog 4471 220``);
- phone numbers: those libphonenumber finds for the case's country (and in
  international form), plus any run of eight digits or more;
- e-mail addresses, also spelled out ("nadia at example dot org",
  « nadia arobase example point org », ``nadia [at] example [dot] org``),
  and the domain of the customer's own address;
- postcodes of the case's country (patterns in ``templates/posts/redact.yaml``)
  and the customer's own postcode and street, with its number, with or without
  its type ("rue"), "St" for "Saint", spaces for hyphens;
- the customer's names, whole or one by one (the first name alone too, each part
  of "Marie-Ève"), with or without accents and hyphens;
- agents' surnames, also after a role or a title ("agent Marc Lefebvre-Roy",
  "Mme Tremblay"): an agent is named by first name or role only.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

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
_SEPARATORS = r"[\s.\-_/\u2010-\u2015]*"
_HYPHEN = r"[\s\-\u2010-\u2015]*"
"""Between the parts of a compound name: "Marie-Ève", "Marie Eve", "MarieEve"."""
_TITLES = frozenset({"mr", "mrs", "ms", "m", "mme", "mlle", "dr", "miss", "madame", "monsieur"})
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
        if char in "-\u2010\u2011\u2012\u2013\u2014\u2015":
            out.append(_HYPHEN)
            continue
        if char in "'’ʼ`´":  # "O'Connor", "O’Connor", "OConnor"
            out.append("['’ʼ`´]?")
            continue
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
    from plainte.core.parsed_cache import load_yaml
    from plainte.core.resources import data_folder

    return load_yaml(data_folder("templates") / "posts" / "redact.yaml")  # type: ignore[return-value]


def _country_rule(table: dict, country: str):
    """The entry for ``country`` (``CA-QC``), else for its state (``CA``), else None."""
    code = (country or "").upper()
    return table.get(code) or table.get(code.split("-")[0])


def _phone_region(country: str) -> str:
    return (country or "").upper().split("-")[0] or "ZZ"


def _agent_surnames(case: Case) -> frozenset[str]:
    """Words after the first name of every agent named "First Last" in the case."""
    counterparts = frozenset(e.counterpart for e in case.events if e.counterpart)
    return _surnames_in(counterparts, case.provider or "")


@lru_cache(maxsize=32)
def _surnames_in(counterparts: frozenset[str], provider_name: str) -> frozenset[str]:
    """The surnames in ``counterparts`` (a long saga names few agents: read each once)."""
    roles = {w.lower() for w in _rules()["roles"]}
    provider = {w.lower() for w in _NAME_WORD.findall(provider_name)}
    found: set[str] = set()
    for counterpart in counterparts:
        who = re.sub(r"\(.*?\)|\[.*?\]", " ", counterpart)
        if "@" in who:
            continue
        words = _NAME_WORD.findall(who)
        titled = False
        while words and words[0].lower() in roles:  # "agent Marc Lefebvre", "Mme Tremblay"
            titled = titled or words.pop(0).lower() in _TITLES
        surnames = words if titled else words[1:]
        for word in surnames:
            for part in {word, *re.split(r"[-\u2010-\u2015]", word)}:
                low = part.lower().rstrip(".")
                if len(low) >= 2 and low not in roles and low not in provider and part[0].isupper():
                    found.add(part)
    return frozenset(found)


@cache
def _patterns_for(key: tuple) -> list[re.Pattern]:
    return [re.compile(p, re.IGNORECASE) for p in key]


def _private_patterns(case: Case, surnames: frozenset[str]) -> list[re.Pattern]:
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
            number = re.match(r"\d+", part)
            house = rf"(?:{number.group()}(?:\s*(?:bis|ter))?[\s,]*)?" if number else ""
            if len(street) >= 6:
                patterns.append(house + _loose_street(street))
            named = _without_street_type(street)
            if named != street and len(named) >= 6:
                patterns.append(house + _loose_street(named))
        for number in re.findall(r"\d{4,}", part):  # a postcode however it is spaced
            patterns.append(rf"(?<![\d]){_loose_chars(number)}(?![\d])")
    if customer.name:
        for word in _NAME_WORD.findall(customer.name):
            words.update(w for w in {word, *re.split(r"[-\u2010-\u2015]", word)} if len(w) >= 2)
    words.update(surnames)
    if customer.email:
        local, _, domain = customer.email.partition("@")
        if "." in domain and len(domain) >= 4:  # a family's own domain names them too
            patterns.append(rf"(?:@|%40|(?<![\w-])){re.escape(domain.strip())}(?![\w-])")
        words.update(w for w in re.split(r"[._+-]", local) if len(w) >= 3)
    provider = {w.lower() for w in _NAME_WORD.findall(case.provider or "")}
    for word in sorted(words, key=len, reverse=True):
        if word.lower() in provider:
            continue
        patterns.append(rf"(?<![\w@]){_loose_word(word)}(?:['’]s)?(?![\w])")
    return _patterns_for(tuple(patterns))


def _loose_street(street: str) -> str:
    """A regex for a street however it is written: "rue St-Denis", "rue saint denis"."""
    words = [w for w in re.split(r"[\s.,\-\u2010-\u2015]+", street) if w]
    short = _rules()["street_abbreviations"]

    def one(word: str) -> str:
        forms = [_loose_word(word)] + [
            rf"{re.escape(a)}\.?" for a in short.get(_fold_word(word), [])
        ]
        return f"(?:{'|'.join(forms)})"

    return r"[\s.,\-\u2010-\u2015]+".join(one(w) for w in words)


def _without_street_type(street: str) -> str:
    """``street`` without the word that opens it ("rue", "avenue"…), when it has one."""
    first, _, rest = street.partition(" ")
    types = {_fold_word(t) for t in _rules()["street_types"]}
    return rest.strip() if _fold_word(first.rstrip(".")) in types else street


def _fold_word(word: str) -> str:
    return "".join(_base(c) for c in word)


def _phone_spans(text: str, country: str) -> list[tuple[int, int]]:
    import phonenumbers

    matcher = phonenumbers.PhoneNumberMatcher(
        text, _phone_region(country), leniency=phonenumbers.Leniency.POSSIBLE
    )
    # POSSIBLE finds fictional and 555 numbers too; it also takes a year for a
    # short UK number, hence the floor of seven digits
    return [(m.start, m.end) for m in matcher if sum(c.isdigit() for c in m.raw_string) >= 7]


class Redactor:
    """The redaction rules of one case, built once: a post redacts many parts."""

    def __init__(self, case: Case) -> None:
        surnames = _agent_surnames(case)
        self.patterns = _private_patterns(case, surnames)
        self.surnames = [
            re.compile(rf"(?<=[^\W\d_])\s+{_loose_word(name)}(?![\w])", re.IGNORECASE)
            for name in sorted(surnames, key=len, reverse=True)
        ]
        self.postcode = _country_rule(_rules()["postcodes"], case.country)
        self.handles = {h for h in (*case.handles.values(), case.provider_handle) if h}
        self.country = case.country

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where private data sits in ``text`` (the provider's own handles left out)."""
        public = [m.span() for h in self.handles for m in re.finditer(re.escape(h), text)]
        found: list[tuple[int, int]] = []
        for pattern in (*self.patterns, EMAIL, SPELLED_EMAIL, PHONE):
            found += [m.span() for m in pattern.finditer(text)]
        found += _phone_spans(text, self.country)
        if self.postcode:
            found += [m.span() for m in re.finditer(self.postcode, text)]
        # "@rogers@mstdn.ca" is the provider's public account, not an e-mail
        return _merge([(a, b) for a, b in found if not any(x <= a and b <= y for x, y in public)])

    def __call__(self, text: str) -> str:
        """``text`` with every private value masked; agents keep their first name only."""
        if not text:
            return text
        for surname in self.surnames:  # "Priya Sharma" becomes "Priya"
            text = surname.sub("", text)
        out, last = [], 0
        for start, end in self.spans(text):
            out.append(text[last:start])
            out.append(MASK)
            last = end
        out.append(text[last:])
        return re.sub(r"(?:\[…\]\s*){2,}", MASK + " ", "".join(out))

    def leaks(self, text: str) -> list[str]:
        """What of the private data is still in ``text`` (empty when it is clean)."""
        return [text[s:e] for s, e in self.spans(text) if text[s:e] != MASK]


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
    return Redactor(case)(text) if text else text


def leaks(text: str, case: Case) -> list[str]:
    """What of the private data is still in ``text`` (empty when it is clean)."""
    return Redactor(case).leaks(text)
