"""A record's history read from the journal: each version, what changed field by field.

The journal keeps every version of an event, a promise and the case's own
fields (:mod:`plainte.core.journal`). This module compares consecutive
versions and says what changed ("Channel: Phone → E-mail") in the reader's
language, the original first, with each recording time on this machine's
clock. It also holds the one rule that tells a *correction* from an
*amendment*: a record fixed within :data:`CORRECTION_GRACE` of its creation,
before any fingerprint was recorded (a letter sent carries one), is still
journaled but is not marked "amended" in the timeline, letters and exports.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from plainte.core import i18n
from plainte.core.event_text import content_summary
from plainte.core.journal import Entry, local_time

CORRECTION_GRACE = timedelta(minutes=10)
"""How long after its creation a record can be fixed without counting as amended."""

FIELDS: dict[str, tuple[str, ...]] = {
    "event": (
        "at",
        "channel",
        "direction",
        "answered",
        "kind",
        "counterpart",
        "reference",
        "wait_minutes",
        "summary",
        "step",
        "attachments",
    ),
    "promise": ("text", "due", "window", "status", "closed_at"),
    "case": (
        "title",
        "provider",
        "provider_handle",
        "country",
        "sector",
        "language",
        "account_ref",
        "customer.name",
        "customer.address",
        "customer.email",
        "customer.phone",
        "status",
        "notes",
        "problem",
        "monthly_price",
        "service_down",
        "wants",
        "handles",
    ),
}
"""The fields compared, per record kind, in the order a person reads them."""

StepTitle = Callable[[str], str]


@dataclass(frozen=True)
class FieldChange:
    """One field of one version: its label and its value before and after, as read."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class Version:
    """One journal entry of a record, compared with the version before it."""

    entry: Entry
    correction: bool
    """An amendment inside the grace period: journaled, not marked "amended"."""
    changes: tuple[FieldChange, ...]
    """For a creation, every field set (``before`` empty); else the fields that changed."""
    lang: str
    """The language its changes are written in."""

    @property
    def recorded(self) -> datetime:
        """When it was recorded, on this machine's clock."""
        return local_time(self.entry.at)


def _utc(at: str) -> datetime:
    moment = datetime.fromisoformat(at)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def within_grace(created_at: str, changed_at: str, fingerprinted: bool) -> bool:
    """True when a change at ``changed_at`` to a record created at ``created_at`` is a correction.

    ``fingerprinted``: a fingerprint was recorded since the creation (the record
    has left the machine in a letter), which ends the grace at once.
    """
    if fingerprinted:
        return False
    return timedelta(0) <= _utc(changed_at) - _utc(created_at) <= CORRECTION_GRACE


def corrections(entries: Iterable[Entry]) -> set[int]:
    """The numbers of the ``amend`` entries that are corrections under :func:`within_grace`."""
    created: dict[tuple[str, str], Entry] = {}
    last_sent = 0
    found = set()
    for entry in entries:
        key = (entry.entity, entry.entity_id)
        if entry.entity == "sent":
            last_sent = entry.n
        elif entry.action == "create":
            created.setdefault(key, entry)
        elif entry.action == "amend" and key in created:
            first = created[key]
            if within_grace(first.at, entry.at, last_sent > first.n):
                found.add(entry.n)
    return found


def amendments(entries: list[Entry]) -> dict[str, Entry]:
    """Each event's last real amendment (corrections in the grace period left out)."""
    fixed = corrections(entries)
    return {
        e.entity_id: e
        for e in entries
        if e.entity == "event" and e.action == "amend" and e.n not in fixed
    }


def settled(entries: list[Entry]) -> dict[str, Entry]:
    """Each event's original as it stood once its grace ended: creation plus its corrections."""
    fixed = corrections(entries)
    found: dict[str, Entry] = {}
    amended: set[str] = set()
    for e in entries:
        if e.entity != "event" or e.entity_id in amended:
            continue
        if e.action == "create" or e.n in fixed:
            found[e.entity_id] = e
        elif e.action == "amend":
            amended.add(e.entity_id)
    return found


_COLUMNS = "SELECT n, entity, entity_id, action, at, content, prev, hash FROM journal"


def _entries(conn, sql: str, params: tuple) -> list[Entry]:
    return [
        Entry(n, entity, entity_id, action, at, json.loads(content), prev, digest)
        for n, entity, entity_id, action, at, content, prev, digest in conn.execute(sql, params)
    ]


def event_entries(conn, case_id: str, event_id: str) -> list[Entry]:
    """The journal entries an event's history needs, read alone (not the whole chain).

    Its own, its promises' and every ``sent`` entry of the case (a fingerprint
    recorded ends the correction grace), in chain order: a saga of 100,000
    events opens one event's history without decoding 100,000 entries.
    """
    return _entries(
        conn,
        _COLUMNS + " WHERE case_id = ? AND (entity = 'sent'"
        " OR (entity = 'event' AND entity_id = ?)"
        " OR (entity = 'promise' AND json_extract(content, '$.event_id') = ?)) ORDER BY n",
        (case_id, event_id, event_id),
    )


def case_entries(conn, case_id: str) -> list[Entry]:
    """The journal entries of the case's own fields, read alone."""
    return _entries(
        conn, _COLUMNS + " WHERE case_id = ? AND entity = 'case' ORDER BY n", (case_id,)
    )


def _belongs(entry: Entry, event_id: str) -> bool:
    if entry.entity in ("event", "sent"):
        return entry.entity_id == event_id
    return entry.entity == "promise" and entry.content.get("event_id") == event_id


def event_history(
    entries: list[Entry], event_id: str, lang: str | None = None, step_title: StepTitle = str
) -> list[Version]:
    """Every version of an event, its promises and the letters it sent, oldest first."""
    return _versions(entries, lambda e: _belongs(e, event_id), lang, step_title)


def case_history(entries: list[Entry], case_id: str, lang: str | None = None) -> list[Version]:
    """Every version of the case's own fields (title, provider, customer…), oldest first."""
    return _versions(entries, lambda e: e.entity == "case" and e.entity_id == case_id, lang, str)


def _versions(
    entries: list[Entry], wanted: Callable[[Entry], bool], lang: str | None, step_title: StepTitle
) -> list[Version]:
    lang = lang or i18n.language()
    fixed = corrections(entries)
    previous: dict[tuple[str, str], dict] = {}
    versions = []
    for entry in entries:
        if not wanted(entry):
            continue
        key = (entry.entity, entry.entity_id)
        before = previous.get(key)
        previous[key] = entry.content
        changes: tuple[FieldChange, ...] = ()
        if entry.entity in FIELDS:
            changes = _diff(entry.entity, before, entry.content, lang, step_title)
        versions.append(Version(entry, entry.n in fixed, changes, lang))
    return versions


def _get(content: Mapping[str, Any], name: str) -> Any:
    value: Any = content
    for part in name.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _diff(
    entity: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    lang: str,
    step_title: StepTitle,
) -> tuple[FieldChange, ...]:
    changes = []
    for name in FIELDS[entity]:
        old = _get(before, name) if before is not None else None
        new = _get(after, name)
        if before is not None and old == new and name != "summary":
            continue
        label = i18n.tr(f"history.field.{entity}.{name.replace('.', '_')}", lang)
        if name == "summary" and entity == "event":  # the app's own sentences, in ``lang``
            old = content_summary(before, lang) if before is not None else None
            new = content_summary(after, lang)
            if before is not None and old == new:
                continue
            shown_old = _quoted(old, lang) if before is not None else ""
            changes.append(FieldChange(label, shown_old, _quoted(new, lang)))
            continue
        shown_new = value_text(entity, name, new, lang, step_title)
        if before is None:
            if shown_new != EMPTY:
                changes.append(FieldChange(label, "", shown_new))
            continue
        changes.append(
            FieldChange(label, value_text(entity, name, old, lang, step_title), shown_new)
        )
    return tuple(changes)


EMPTY = "—"


def _quoted(text: str | None, lang: str) -> str:
    if not text:
        return EMPTY
    return f"« {text} »" if lang == "fr" else f"“{text}”"


def _moment(text: str, lang: str) -> str:
    from plainte.core.model import parse_when

    when = parse_when(text)
    day = i18n.format_date(when.day, lang)
    if not when.has_time:
        return day
    return i18n.tr("history.day_time", lang, day=day, time=i18n.format_time(when.value, lang))


def value_text(entity: str, name: str, value: Any, lang: str, step_title: StepTitle = str) -> str:
    """A field's value as a person reads it, in ``lang`` ("—" when empty)."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    tr = lambda key, **kw: i18n.tr(key, lang, **kw)  # noqa: E731
    if name in ("at", "due", "closed_at"):
        return _moment(value, lang)
    if name == "answered":
        return tr("history.yes" if value else "history.no")
    if name in ("channel", "direction", "sector"):
        return tr(f"{name}.{value}")
    if name == "status":
        return tr(f"promise_status.{value}" if entity == "promise" else f"status.{value}")
    if name == "kind":
        return tr(f"history.kind.{value}")
    if name == "country":
        return _known(f"gui.countries.{value.replace('-', '_')}", value, lang)
    if name == "problem":
        return _known(f"gui.case_fields.problem_{value}", value, lang)
    if name == "language":
        return tr(f"history.language.{value}")
    if name == "wait_minutes":
        return i18n.trn("history.minutes", value, lang)
    if name == "step":
        return step_title(value)
    if name == "attachments":
        return ", ".join(a.get("name", "") for a in value)
    if name == "window":
        return f"{value.get('from', '')}–{value.get('to', '')}"
    if name == "monthly_price":
        return i18n.format_money(value["amount"], value.get("currency", "EUR"), lang)
    if name == "service_down":
        return "; ".join(
            "–".join(_moment(p[k], lang) for k in ("from", "to") if p.get(k)) for p in value
        )
    if name == "wants":
        return "; ".join(_want(w, lang) for w in value)
    if name == "handles":
        return ", ".join(
            f"{_known(f'gui.case_fields.network_{network}', network, lang)} {handle}"
            for network, handle in value.items()
        )
    return str(value)


def _known(key: str, value: str, lang: str) -> str:
    """The message at ``key``, or ``value`` itself when there is none (a code from a file)."""
    text = i18n.tr(key, lang)
    return value if text == key else text


def _want(want: Mapping[str, Any], lang: str) -> str:
    text = i18n.tr(f"remedies.want.{want.get('kind')}", lang)
    if want.get("amount") is not None:
        text += f" ({i18n.format_number(want['amount'], lang, 2)})"
    if want.get("text"):
        text += f" — {want['text']}"
    return text


def heading(version: Version) -> str:
    """One version's line: when it was recorded (local time) and what happened."""
    lang = version.lang
    entry = version.entry
    recorded = version.recorded
    when = i18n.tr(
        "history.day_time",
        lang,
        day=i18n.format_date(recorded, lang),
        time=i18n.format_time(recorded, lang),
    )
    if entry.entity == "sent":
        what = i18n.tr(
            "history.sent",
            lang,
            n=entry.content.get("n", ""),
            hash=str(entry.content.get("hash", ""))[:12],
        )
    elif version.correction:
        minutes = int(CORRECTION_GRACE.total_seconds() // 60)
        what = i18n.trn(f"history.corrected.{entry.entity}", minutes, lang)
    else:
        what = i18n.tr(f"history.action.{entry.entity}.{entry.action}", lang)
    return f"#{entry.n} · {when} · {what}"


def version_lines(version: Version) -> list[str]:
    """What a version set or changed: "Label: value" for the original, else "before → after"."""
    lang = version.lang
    return [
        i18n.tr("history.changed", lang, label=c.label, before=c.before, after=c.after)
        if c.before
        else i18n.tr("history.set", lang, label=c.label, after=c.after)
        for c in version.changes
    ]


def history_text(versions: list[Version]) -> str:
    """The whole history as plain text, the original first, in the versions' language."""
    blocks = []
    for version in versions:
        body = "".join(f"\n    {line}" for line in version_lines(version))
        blocks.append(heading(version) + body)
    return "\n\n".join(blocks) if blocks else i18n.tr("history.empty")
