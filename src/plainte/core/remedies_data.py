"""Reading and checking ``remedies/<jurisdiction>.yaml``: the law of remedies as data.

A file says, for one jurisdiction, which grounds to cite for each problem kind,
which compensation rules apply and how to compute them, the legal interest, and
the form of a formal notice and of an ombudsman referral. Every fact cites
sources of the file and carries a status: ``official`` and ``third-party`` are
facts (the second shown with its source), ``unverified`` is never a fact, only a
"check with ..." text. A faulty file is refused at its line, like a ladder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from plainte.core import model, parsed_cache, yamlfile
from plainte.core.errors import PlainteError
from plainte.core.model import PROBLEMS, SECTORS, WANT_KINDS
from plainte.core.resources import data_folder

STATUSES = ("official", "third-party", "unverified")
METHODS = ("share_per_day", "flat_per_day", "monthly_multiple")
"""How a compensation rule turns the case's figures into an amount (see ``remedies``)."""
FACTS = (
    "provider",
    "account_ref",
    "title",
    "customer_name",
    "customer_address",
    "customer_email",
    "customer_phone",
    "first_contact_on",
    "written_complaint_on",
    "second_level_on",
    "adr_letter_on",
    "days_down",
    "amount_claimed",
    "wants",
)
"""What a referral form's field can be filled with, from the case."""
CHANNEL_KINDS = ("online", "post", "email", "phone")
_LANGS = ("fr", "en")

Text = dict[str, str]


class RemediesError(PlainteError):
    """A remedies file that breaks the schema: ``path``, ``line`` and what is wrong."""

    def __init__(self, path: Path, line: int, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.path, self.line = path, line

    def __str__(self) -> str:
        from plainte.core.i18n import tr

        what = tr(f"errors.ladder.{self.key}", **self.params)
        return tr("errors.ladder_at", path=self.path, line=self.line, what=what)


@dataclass
class Source:
    """Where a fact comes from."""

    key: str
    title: str
    url: str | None = None


@dataclass
class Fact:
    """A sentence of law or usage, with its status and sources, in force between two dates."""

    text: Text
    status: str
    sources: list[Source]
    valid_from: date | None = None
    valid_until: date | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class RemediesFile:
    """One jurisdiction's remedies, with the jurisdictions it includes merged in."""

    jurisdiction: str
    currency: str
    reviewed: date | None
    check_with: Text
    grounds: list[dict[str, Any]]
    compensation: list[dict[str, Any]]
    interest: dict[str, Any]
    notice: dict[str, Any]
    referral: dict[str, Any]
    sources: dict[str, Source]
    path: Path
    includes: list[str] = field(default_factory=list)


class _Checker:
    """Checks the parsed YAML; the first fault raises at its line."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sources: dict[str, Source] = {}

    def fail(self, node: Any, key: str | None, what: str, **params: object) -> RemediesError:
        params.setdefault("field", key or "")
        return RemediesError(self.path, yamlfile.line_of(node, key), what, **params)

    def pattern(self, node: dict, key: str) -> None:
        """An optional regular expression (e.g. the addresses a state's rule covers)."""
        value = node.get(key)
        if value is None:
            return
        try:
            re.compile(value) if isinstance(value, str) else None
        except re.error:
            value = None
        if not isinstance(value, str):
            raise self.fail(node, key, "bad_kind", value=node.get(key), allowed="regex")

    def text(self, node: dict, key: str, *, required: bool = True) -> Text | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if isinstance(value, str) and value.strip():
            return {lang: value for lang in _LANGS}
        if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in _LANGS
        ):
            raise self.fail(node, key, "not_text" if value is not None else "missing")
        return {lang: value[lang] for lang in _LANGS}

    def day(self, node: dict, key: str) -> date | None:
        value = node.get(key)
        if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
            raise self.fail(node, key, "bad_date")
        return value

    def choices(self, node: dict, key: str, allowed: tuple[str, ...]) -> list[str]:
        value = node.get(key) or []
        if not isinstance(value, list) or any(v not in allowed for v in value):
            raise self.fail(node, key, "bad_kind", value=value, allowed=", ".join(allowed))
        return list(value)

    def fact(self, node: Any, parent: Any, key: str, *, text_key: str = "text") -> dict:
        """Check an item's status, sources, dates and texts; return it with its sources."""
        if not isinstance(node, dict):
            raise self.fail(parent, key, "not_mapping")
        status = node.get("status")
        if status not in STATUSES:
            raise self.fail(node, "status", "bad_kind", value=status, allowed=", ".join(STATUSES))
        cited = node.get("sources")
        if status != "unverified" and not cited:
            raise self.fail(node, None, "missing", field="sources")
        for source in cited or []:
            if source not in self.sources:
                raise self.fail(node, "sources", "unknown_source", source=source)
        if status == "unverified":
            self.text(node, "check")
        start, end = self.day(node, "from"), self.day(node, "until")
        if start and end and end < start:
            raise self.fail(node, "until", "bad_date")
        for name in ("cite", "gives", "title", "rule", text_key, "condition", "check"):
            if name in node:
                node[name] = self.text(node, name)
        node["source_list"] = [self.sources[s] for s in cited or []]
        return node

    def read(self, top: Any) -> RemediesFile:
        if not isinstance(top, dict):
            raise RemediesError(self.path, 1, "not_mapping", field="")
        for key, raw in (top.get("sources") or {}).items():
            if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
                raise self.fail(top.get("sources"), key, "missing", field="title")
            self.sources[key] = Source(key, raw["title"], raw.get("url"))
        grounds = top.get("grounds") or []
        for item in grounds:
            self.fact(item, top, "grounds")
            self.text(item, "cite")
            self.choices(item, "problems", PROBLEMS)
            self.choices(item, "sectors", SECTORS)
            if item.get("requires_want") not in (None, *WANT_KINDS):
                raise self.fail(item, "requires_want", "bad_kind", value=item["requires_want"],
                                allowed=", ".join(WANT_KINDS))  # fmt: skip
            self.pattern(item, "address_matches")
        compensation = top.get("compensation") or []
        for item in compensation:
            self.fact(item, top, "compensation")
            self.text(item, "title")
            self.choices(item, "problems", PROBLEMS)
            self.choices(item, "sectors", SECTORS)
            self.pattern(item, "address_matches")
            compute = item.get("compute")
            if compute is not None and compute.get("method") not in METHODS:
                raise self.fail(compute, "method", "bad_kind", value=compute.get("method"),
                                allowed=", ".join(METHODS))  # fmt: skip
            for rate in (compute or {}).get("rates") or []:
                self.fact(rate, compute, "rates")
        interest = top.get("interest") or {}
        if interest:
            self.fact({**interest, "status": "official"}, top, "interest")
            interest["text"] = self.text(interest, "text")
            interest["check"] = self.text(interest, "check", required=False)
            interest["source_list"] = [self.sources[s] for s in interest.get("sources") or []]
            for rate in interest.get("rates") or []:
                self.fact(rate, interest, "rates")
        notice = top.get("notice") or {}
        for item in notice.get("requirements") or []:
            self.fact(item, notice, "requirements")
        if notice.get("deadline"):
            self.fact(notice["deadline"], notice, "deadline")
        for key in ("name", "delivery"):
            if key in notice:
                notice[key] = self.text(notice, key)
        referral = top.get("referral") or {}
        if referral:
            referral["body"] = self.text(referral, "body")
        for item in referral.get("channels") or []:
            self.fact(item, referral, "channels")
            if item.get("kind") not in CHANNEL_KINDS:
                raise self.fail(item, "kind", "bad_kind", value=item.get("kind"),
                                allowed=", ".join(CHANNEL_KINDS))  # fmt: skip
        for key in ("admissibility", "asks_for"):
            for item in referral.get(key) or []:
                self.fact(item, referral, key)
        for item in referral.get("fields") or []:
            item["label"] = self.text(item, "label")
            if item.get("fact") not in FACTS:
                raise self.fail(item, "fact", "bad_kind", value=item.get("fact"),
                                allowed=", ".join(FACTS))  # fmt: skip
        return RemediesFile(
            jurisdiction=str(top.get("jurisdiction") or ""),
            currency=str(top.get("currency") or "EUR"),
            reviewed=self.day(top, "reviewed"),
            check_with=self.text(top, "check_with"),
            grounds=list(grounds),
            compensation=list(compensation),
            interest=interest,
            notice=notice,
            referral=referral,
            sources=dict(self.sources),
            path=self.path,
            includes=[str(code) for code in top.get("includes") or []],
        )


def read_remedies(path: Path) -> RemediesFile:
    """Read and check one remedies file (its checked result kept between runs while unchanged).

    Raises:
        RemediesError: with the file, the line and what is wrong.
        OSError: the file cannot be read.
    """
    return parsed_cache.load_checked(
        "remedies", path, lambda raw: _check(path, raw), _CHECKING_CODE, (RemediesFile, Source)
    )


_CHECKING_CODE = (__file__, yamlfile.__file__, model.__file__)
"""The sources whose change may change a checked file: its kept copies are keyed by them."""


def _check(path: Path, raw: bytes) -> RemediesFile:
    """The remedies in ``raw`` (the bytes of ``path``), parsed and checked."""
    try:
        top = yamlfile.parse(raw)
    except yamlfile.YamlError as exc:
        raise RemediesError(path, exc.line, "not_yaml", detail=exc.detail) from None
    return _Checker(path).read(top)


def files() -> list[Path]:
    """The shipped remedies files."""
    return sorted(data_folder("remedies").glob("*.yaml"))


@cache
def for_jurisdiction(code: str) -> RemediesFile | None:
    """The remedies of ``code`` (``FR``, ``CA-QC``…), with those it ``includes`` merged in.

    The included file's items come after the file's own; the file's notice and
    referral win. None when no file covers the jurisdiction.
    """
    path = data_folder("remedies") / f"{code.lower()}.yaml"
    if not path.is_file():
        return None
    own = read_remedies(path)
    for included in own.includes:
        other = for_jurisdiction(included)
        if other is None:
            continue
        own.grounds += other.grounds
        own.compensation += other.compensation
        own.interest = own.interest or other.interest
        own.notice = own.notice or other.notice
        own.referral = own.referral or other.referral
        own.sources = {**other.sources, **own.sources}
    return own
