"""Keep private data out of public posts: account references, phones, e-mails, addresses."""

from __future__ import annotations

import re

from plainte.core.model import Case

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])\+?\d(?:[\s.\-()/]{0,2}\d){7,}(?![\w])")
"""Eight digits or more, with the separators people write between them."""
MASK = "[…]"


def private_values(case: Case) -> list[str]:
    """The case's private strings: account reference and every customer detail."""
    values = [
        case.account_ref,
        case.customer.phone,
        case.customer.email,
        case.customer.address,
        case.customer.name,
    ]
    found = [v.strip() for v in values if v and len(v.strip()) >= 3]
    if case.customer.address:
        found += [p.strip() for p in case.customer.address.split(",") if len(p.strip()) >= 6]
    return sorted(set(found), key=len, reverse=True)


def redact(text: str, case: Case) -> str:
    """``text`` with the case's private values, phone numbers and e-mail addresses masked."""
    for value in private_values(case):
        text = re.sub(re.escape(value), MASK, text, flags=re.IGNORECASE)
    text = EMAIL.sub(MASK, text)
    return PHONE.sub(MASK, text)


def leaks(text: str, case: Case) -> list[str]:
    """What of the private data is still in ``text`` (empty when it is clean)."""
    found = [v for v in private_values(case) if v.lower() in text.lower()]
    found += EMAIL.findall(text) + PHONE.findall(text)
    return found
