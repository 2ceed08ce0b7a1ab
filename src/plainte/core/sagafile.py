"""Saga files (``docs/saga-format.md``): read with every check, write losslessly.

The reader trusts nothing: a file that breaks the contract raises
:class:`SagaFileError` naming the first place that is wrong, and nothing of it
is kept. Fields the contract does not name are reported as warnings.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from plainte.core.errors import SagaFileError
from plainte.core.eventrows import PromiseRow, Row, event_row
from plainte.core.journal import Entry
from plainte.core.model import (
    PROBLEMS,
    SECTORS,
    STEP_ID,
    Attachment,
    Case,
    CaseStatus,
    Channel,
    Customer,
    Direction,
    Event,
    EventKind,
    Promise,
    PromiseStatus,
    When,
    parse_when,
)
from plainte.core.sagafields import FieldsReader, case_fields_to_dict

FORMAT = "plainte-saga"
VERSION = 1
MAX_SHORT = 1_000
"""Longest title, name, reference… a file may give (characters)."""
MAX_LONG = 100_000
"""Longest summary or note (characters): a long e-mail pasted whole fits."""
MAX_INTEGER = 2**63 - 1
"""Largest whole number a file may give: SQLite's integer range."""
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
"""Dates a saga may hold: room for any real contact and deadline, and for date
arithmetic (steps open months later, calendars end a day later) never to overflow."""

_COUNTRY = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters a saga's texts may not hold (tab, line feed and return may be)."""
_NAMESPACE = "6f1c2a52-8f0e-4c84-9c8a-5d6a2b0e7d31"
"""The namespace of the ids made for records without one (uuid5)."""

_CHANNELS = {c.value: c for c in Channel}
_DIRECTIONS = {d.value: d for d in Direction}
_CASE_STATUSES = tuple(s.value for s in CaseStatus)
_EVENT_KINDS = {k.value: k for k in EventKind}
_PROMISE_STATUSES = tuple(s.value for s in PromiseStatus)
_TOP_FIELDS = {"format", "version", "exported_at", "cases"}
_CASE_FIELDS = {
    "id",
    "title",
    "provider",
    "provider_handle",
    "country",
    "sector",
    "language",
    "account_ref",
    "customer",
    "status",
    "notes",
    "problem",
    "monthly_price",
    "service_down",
    "wants",
    "handles",
    "events",
    "journal",
}
_CUSTOMER_FIELDS = {"name", "address", "email", "phone"}
_EVENT_FIELDS = {
    "id",
    "at",
    "channel",
    "direction",
    "answered",
    "kind",
    "counterpart",
    "reference",
    "summary",
    "wait_minutes",
    "step",
    "promises",
    "attachments",
}
_PROMISE_FIELDS = {"id", "text", "due", "status", "closed_at", "window"}
_ATTACHMENT_FIELDS = {"name", "sha256", "size"}
_JOURNAL_FIELDS = {"n", "entity", "entity_id", "action", "at", "content", "prev", "hash"}


@dataclass
class SagaFile:
    """What a saga file holds once checked."""

    cases: list[Case]
    warnings: list[str] = field(default_factory=list)


def _at(where: str, name: str) -> str:
    """The location of field ``name`` inside ``where`` (the top level has no prefix)."""
    return f"{where}.{name}" if where else name


class _Reader(FieldsReader):
    """Walks the parsed JSON, building the model and raising at the first fault."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.warnings: list[str] = []

    def fail(self, where: str, key: str, **params: object) -> SagaFileError:
        return SagaFileError(self.path, where, key, **params)

    def obj(self, value: Any, where: str, known: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "not_an_object")
        for name in value:
            if name not in known:
                self.warnings.append(f"{where}.{name}" if where else name)
        return value

    def text(
        self, data: dict, name: str, where: str, *, required: bool = False, limit: int = MAX_SHORT
    ) -> str | None:
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(_at(where, name), "missing")
            return None
        if (
            type(value) is not str
            or len(value) > limit
            or (required and not value.strip())
            or CONTROL.search(value)
        ):
            raise self._bad_text(_at(where, name), value, required, limit)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise self.fail(_at(where, name), "not_valid_text") from None
        return value

    def _bad_text(self, loc: str, value: Any, required: bool, limit: int) -> SagaFileError:
        """What is wrong with a text that is not one the format takes (in the order checked)."""
        if not isinstance(value, str):
            return self.fail(loc, "not_text")
        if required and not value.strip():
            return self.fail(loc, "empty")
        if len(value) > limit:
            return self.fail(loc, "too_long", limit=limit)
        return self.fail(loc, "control_character")

    def choice(
        self, data: dict, name: str, where: str, allowed, *, default=None, required: bool = False
    ):
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(_at(where, name), "missing")
            return default
        if not isinstance(value, str) or value not in allowed:
            shown = value if isinstance(value, str) else json.dumps(value)[:60]
            return self._bad_choice(_at(where, name), shown, allowed)
        return value

    def _bad_choice(self, loc: str, shown: str, allowed) -> Any:
        raise self.fail(loc, "not_one_of", value=shown[:60], allowed=", ".join(allowed))

    def when(self, data: dict, name: str, where: str, *, required: bool = False) -> When | None:
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(_at(where, name), "missing")
            return None
        if not isinstance(value, str):
            raise self.fail(_at(where, name), "not_a_date", value=json.dumps(value)[:60])
        try:
            when = parse_when(value)
        except ValueError:
            raise self.fail(_at(where, name), "not_a_date", value=value[:60]) from None
        if not FIRST_DAY <= when.day <= LAST_DAY:
            raise self.fail(
                _at(where, name),
                "date_out_of_range",
                value=value[:60],
                first=FIRST_DAY,
                last=LAST_DAY,
            )
        return when

    def ident(self, data: dict, where: str, seen: set[str], make: str) -> str:
        value = data.get("id")
        if value is None:
            import uuid  # only for a record without an id: uuid imports platform (3 ms)

            value = str(uuid.uuid5(uuid.UUID(_NAMESPACE), make))
        elif not isinstance(value, str) or not value.strip() or len(value) > 200:
            raise self.fail(f"{where}.id", "bad_id")
        elif CONTROL.search(value):
            raise self.fail(f"{where}.id", "control_character")
        if value in seen:
            raise self.fail(f"{where}.id", "duplicate_id", value=value[:60])
        seen.add(value)
        return value

    def items(self, data: dict, name: str, where: str, *, required: bool = False) -> list:
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(_at(where, name), "missing")
            return []
        if not isinstance(value, list):
            raise self.fail(_at(where, name), "not_a_list")
        return value

    def top(self, top: dict[str, Any], *, final: bool = True) -> None:
        """Check the top-level fields (only those given so far when not ``final``)."""
        if final:
            self.obj(top, "", _TOP_FIELDS)
        if (final or "format" in top) and top.get("format") != FORMAT:
            raise self.fail("format", "wrong_format", value=str(top.get("format"))[:60])
        if final or "version" in top:
            version = top.get("version")
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise self.fail("version", "bad_version", value=json.dumps(version)[:30])
            if version > VERSION:
                raise self.fail("version", "version_too_new", found=version, supported=VERSION)
        if final:
            self.items(top, "cases", "", required=True)

    def head(self, data: dict[str, Any], where: str, seen: set[str], *, final: bool) -> Case:
        """The case's own fields, checked (unknown ones warned of when ``final``), no events."""
        if final:
            self.obj(data, where, _CASE_FIELDS)
        title = self.text(data, "title", where, required=True)
        provider = self.text(data, "provider", where, required=True)
        country = self.text(data, "country", where, required=True)
        if not _COUNTRY.fullmatch(country):
            raise self.fail(f"{where}.country", "bad_country", value=country[:20])
        sector = self.choice(data, "sector", where, SECTORS, required=True)
        case_id = self.ident(data, where, seen, f"case|{provider}|{title}|{country}")
        customer = Customer()
        if data.get("customer") is not None:
            cust = self.obj(data["customer"], f"{where}.customer", _CUSTOMER_FIELDS)
            customer = Customer(
                **{k: self.text(cust, k, f"{where}.customer") for k in sorted(_CUSTOMER_FIELDS)}
            )
        case = Case(
            id=case_id,
            title=title,
            provider=provider,
            country=country,
            sector=sector,
            provider_handle=self.text(data, "provider_handle", where),
            language=self.choice(data, "language", where, ("fr", "en")),
            account_ref=self.text(data, "account_ref", where),
            customer=customer,
            status=CaseStatus(self.choice(data, "status", where, _CASE_STATUSES, default="open")),
            notes=self.text(data, "notes", where, limit=MAX_LONG),
            problem=self.choice(data, "problem", where, PROBLEMS),
        )
        self.case_fields(case, data, where)
        if final:
            self.items(data, "events", where, required=True)
            if data.get("journal") is not None and not isinstance(data["journal"], list):
                raise self.fail(f"{where}.journal", "not_a_list")
        return case

    def journal_entry(self, item: Any, loc: str) -> Entry:
        """One journal entry, its fields checked (the chain is checked by the caller)."""
        from plainte.core.journal import ACTIONS, Entry

        data = self.obj(item, loc, _JOURNAL_FIELDS)
        n = data.get("n")
        if isinstance(n, bool) or not isinstance(n, int):
            raise self.fail(f"{loc}.n", "not_a_number")
        if abs(n) > MAX_INTEGER:
            raise self.fail(f"{loc}.n", "number_too_large", limit=MAX_INTEGER)
        for name in ("entity_id", "at", "prev", "hash"):
            self.text(data, name, loc, required=True)
        self.choice(data, "entity", loc, ("event", "promise", "case", "sent"), required=True)
        self.choice(data, "action", loc, ACTIONS, required=True)
        if not isinstance(data.get("content"), dict):
            raise self.fail(f"{loc}.content", "not_an_object")
        return Entry(
            n,
            data["entity"],
            data["entity_id"],
            data["action"],
            data["at"],
            data["content"],
            data["prev"],
            data["hash"],
        )

    def broken(self, where: str, problem: Any) -> SagaFileError:
        """The refusal of a journal that does not hold, at its first problem."""
        from plainte.core.i18n import tr

        detail = tr(f"verify.problem.{problem.key}", detail=problem.detail)
        return self.fail(where, "journal_broken", at=problem.where, detail=detail)

    def event(
        self, raw: Any, where: str, case_id: str, seen: set[str], promise_ids: set[str]
    ) -> Event:
        data = self.obj(raw, where, _EVENT_FIELDS)
        at = self.when(data, "at", where, required=True)
        channel = _CHANNELS[self.choice(data, "channel", where, _CHANNELS, required=True)]
        direction = _DIRECTIONS[self.choice(data, "direction", where, _DIRECTIONS, required=True)]
        answered = data.get("answered", True)
        if not isinstance(answered, bool):
            raise self.fail(f"{where}.answered", "not_a_boolean")
        wait = data.get("wait_minutes")
        if wait is not None:
            if isinstance(wait, bool) or not isinstance(wait, (int, float)):
                raise self.fail(f"{where}.wait_minutes", "not_a_number")
            if not _finite(wait) or wait < 0 or wait > 1_000_000:
                raise self.fail(f"{where}.wait_minutes", "negative_wait", value=wait)
            wait = float(wait)
        step = self.text(data, "step", where)
        if step is not None and not STEP_ID.fullmatch(step):
            raise self.fail(f"{where}.step", "bad_step", value=step[:60])
        summary = self.text(data, "summary", where, limit=MAX_LONG)
        make = (
            ""
            if data.get("id") is not None
            else (f"event|{case_id}|{at.text}|{channel.value}|{direction.value}|{summary}")
        )
        event = Event(
            id=self.ident(data, where, seen, make),
            at=at,
            channel=channel,
            direction=direction,
            answered=answered,
            counterpart=self.text(data, "counterpart", where),
            reference=self.text(data, "reference", where),
            summary=summary,
            wait_minutes=wait,
            step=step,
            kind=_EVENT_KINDS[self.choice(data, "kind", where, _EVENT_KINDS, default="contact")],
        )
        for i, raw_promise in enumerate(self.items(data, "promises", where)):
            event.promises.append(
                self.promise(raw_promise, f"{where}.promises[{i}]", event, promise_ids)
            )
        for i, raw_att in enumerate(self.items(data, "attachments", where)):
            event.attachments.append(self.attachment(raw_att, f"{where}.attachments[{i}]"))
        return event

    def promise(self, raw: Any, where: str, event: Event, seen: set[str]) -> Promise:
        data = self.obj(raw, where, _PROMISE_FIELDS)
        text = self.text(data, "text", where, required=True, limit=MAX_LONG)
        return Promise(
            id=self.ident(data, where, seen, f"promise|{event.id}|{text}"),
            text=text,
            due=self.when(data, "due", where),
            status=PromiseStatus(
                self.choice(data, "status", where, _PROMISE_STATUSES, default="pending")
            ),
            closed_at=self.when(data, "closed_at", where),
            event_id=event.id,
            window=self.window(data["window"], f"{where}.window")
            if data.get("window") is not None
            else None,
        )

    def attachment(self, raw: Any, where: str) -> Attachment:
        data = self.obj(raw, where, _ATTACHMENT_FIELDS)
        name = self.text(data, "name", where, required=True)
        sha = data.get("sha256")
        if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
            raise self.fail(f"{where}.sha256", "bad_sha256")
        size = data.get("size")
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise self.fail(f"{where}.size", "bad_size")
        if size > MAX_INTEGER:
            raise self.fail(f"{where}.size", "number_too_large", limit=MAX_INTEGER)
        return Attachment(name=name, sha256=sha, size=size)


def read_case_fields(case: Case, data: dict[str, Any]) -> list[str]:
    """Set ``monthly_price``, ``service_down``, ``wants`` and ``handles`` from their JSON form.

    Returns the warnings (fields not kept). Raises:
        SagaFileError: a field breaks the contract (its location is the field's name).
    """
    reader = _Reader(None)
    reader.case_fields(case, data, "")
    return reader.warnings


class _Refused:
    """A value the JSON parser met that the contract refuses; located once parsing ends."""

    __slots__ = ("key", "params")

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params


class _Duplicated(dict):
    """An object in which a key appears twice (``duplicate`` is that key)."""

    duplicate: str = ""


class _Parser:
    """JSON hooks that keep what plain ``json`` would silently drop or accept."""

    def __init__(self) -> None:
        self.refused = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """An object from its pairs, marked when a key repeats (the last would win silently)."""
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        self.refused = True
        seen: set[str] = set()
        marked = _Duplicated(result)
        marked.duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))
        return marked

    def number(self, text: str) -> float | _Refused:
        """A JSON fraction, refused when it overflows to infinity (``1e999``)."""
        value = float(text)
        if math.isfinite(value):
            return value
        self.refused = True
        return _Refused("not_finite", value=text[:30])

    def constant(self, name: str) -> _Refused:
        """``NaN``, ``Infinity`` and ``-Infinity``: not JSON, refused."""
        self.refused = True
        return _Refused("not_finite", value=name)


def _finite(value: float) -> bool:
    """A number a float can hold (a 400-digit integer overflows ``math.isfinite``)."""
    if isinstance(value, int):
        return abs(value) <= MAX_INTEGER
    return math.isfinite(value)


def _valid_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def first_refused(top: Any, root: str = "") -> tuple[str, str, dict[str, object]] | None:
    """The first place (in document order) of a refused value, duplicate key or lone surrogate."""
    stack: list[tuple[Any, str]] = [(top, root)]
    while stack:
        value, where = stack.pop()
        if isinstance(value, _Refused):
            return where, value.key, value.params
        if isinstance(value, str):
            if not _valid_text(value):
                return where, "not_valid_text", {}
        elif isinstance(value, dict):
            if isinstance(value, _Duplicated):
                return where, "duplicate_key", {"value": ascii(value.duplicate)[1:-1][:60]}
            for key in value:
                if not _valid_text(key):
                    return _at(where, ascii(key)[1:-1][:60]), "not_valid_text", {}
            stack.extend((v, _at(where, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, f"{where}[{i}]") for i, v in reversed(list(enumerate(value))))
    return None


def parse_saga(data: bytes, path: Path | None = None) -> SagaFile:
    """Check and read a saga file's bytes.

    Raises:
        SagaFileError: at the first place the file breaks the contract.
    """
    return _collect(io.BytesIO(data), path)


def read_saga(path: Path) -> SagaFile:
    """Read and check the saga file at ``path`` (its text is read a chunk at a time).

    Raises:
        SagaFileError: the file cannot be read or breaks the contract.
    """
    try:
        with path.open("rb") as raw:
            return _collect(raw, path)
    except OSError as exc:
        raise SagaFileError(path, "", "unreadable", detail=exc.strerror or str(exc)) from None


def _collect(raw: BinaryIO, path: Path | None) -> SagaFile:
    from plainte.core.sagastream import walk

    reader = _Reader(path)
    collected = _Collected(reader)
    walk(raw, path, collected, _Parser())
    return SagaFile(cases=collected.cases, warnings=reader.warnings)


class _Collected:
    """Builds the checked :class:`Case` objects of a saga file as it is walked."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.cases: list[Case] = []
        self.case_ids: set[str] = set()
        self._start()

    def _start(self) -> None:
        self.case: Case | None = None
        self.event_ids: set[str] = set()
        self.promise_ids: set[str] = set()
        self.entries: list[Entry] = []

    def begin(self, top: dict[str, Any]) -> None:
        self.reader.top(top, final=False)

    def head(self, data: dict[str, Any], where: str) -> None:
        self.case = self.reader.head(data, where, set(), final=False)

    def record(self, kind: str, raw: Any, where: str) -> None:
        if kind == "journal":
            self.entries.append(self.reader.journal_entry(raw, where))
            return
        assert self.case is not None  # the walk names the case before its records
        event = self.reader.event(raw, where, self.case.id, self.event_ids, self.promise_ids)
        self.case.events.append(event)

    def end_case(self, data: dict[str, Any], where: str) -> None:
        from plainte.core.journal import retracted_events, verify_chain, verify_records

        case = self.reader.head(data, where, self.case_ids, final=True)
        if self.case is not None:
            case.events = self.case.events
        case.events.sort(key=lambda e: e.at.sort_key)
        if data.get("journal") is not None:
            entries = self.entries
            problems = verify_chain(entries) + verify_records(
                entries, case.events, retracted_events(entries), case
            )
            if problems:
                raise self.reader.broken(f"{where}.journal", problems[0])
            case.journal = entries
        self.cases.append(case)
        self._start()

    def end(self, top: dict[str, Any]) -> None:
        self.reader.top(top)


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None}


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def event_to_dict(event: Event) -> dict[str, Any]:
    """The saga-file form of one event (spec field order, absent fields left out)."""
    return row_to_dict(event_row(event))


def row_to_dict(row: Row) -> dict[str, Any]:
    """The saga-file form of an event given as a row (``core.eventrows``), built field by field.

    The same as :func:`event_to_dict` of the event, with no model object made.
    """
    eid, at, channel, direction, answered, counterpart, reference, summary, wait, step = row[:10]
    kind, promises, files = row[10:]
    data: dict[str, Any] = {
        "id": eid,
        "at": at,
        "channel": channel,
        "direction": direction,
        "answered": bool(answered),
    }
    if kind != "contact":
        data["kind"] = kind
    if counterpart is not None:
        data["counterpart"] = counterpart
    if reference is not None:
        data["reference"] = reference
    if summary is not None:
        data["summary"] = summary
    if wait is not None:
        data["wait_minutes"] = _number(wait)
    if step is not None:
        data["step"] = step
    if promises:
        data["promises"] = [_promise_row_to_dict(p) for p in promises]
    if files:
        data["attachments"] = [{"name": n, "sha256": h, "size": size} for n, h, size in files]
    return data


def _promise_row_to_dict(row: PromiseRow) -> dict[str, Any]:
    pid, text, due, status, closed_at, start, end = row
    data: dict[str, Any] = {"id": pid, "text": text}
    if due is not None:
        data["due"] = due
    data["status"] = status
    if closed_at is not None:
        data["closed_at"] = closed_at
    if start is not None and end is not None:
        data["window"] = {"from": start, "to": end}
    return data


def case_head_to_dict(case: Case) -> dict[str, Any]:
    """The saga-file form of a case's own fields (no events, no journal)."""
    customer = _clean(vars(case.customer)) or None
    return _clean(
        {
            "id": case.id,
            "title": case.title,
            "provider": case.provider,
            "provider_handle": case.provider_handle,
            "country": case.country,
            "sector": case.sector,
            "language": case.language,
            "account_ref": case.account_ref,
            "customer": customer,
            "status": case.status.value,
            "notes": case.notes,
            **case_fields_to_dict(case),
        }
    )


def case_to_dict(case: Case) -> dict[str, Any]:
    """The saga-file form of a case (spec field order, absent fields left out)."""
    data = case_head_to_dict(case)
    data["events"] = [event_to_dict(e) for e in case.events]
    journal = [entry.to_json() for entry in case.journal]
    if journal:
        data["journal"] = journal
    return data


JournalRow = tuple[int, str, str, str, str, str, str, str]
"""A journal entry as stored: n, entity, entity_id, action, at, content (canonical JSON),
prev, hash."""

Streamed = tuple[Case, Iterable[Row], Iterable[JournalRow]]
"""A case to write: its own fields, then its event rows (``core.eventrows``) and its
journal as they come."""


def entry_row(entry: Any) -> JournalRow:
    """A journal :class:`~plainte.core.journal.Entry` as a stored row."""
    from plainte.core.journal import canonical

    content = canonical(entry.content)
    return (
        entry.n,
        entry.entity,
        entry.entity_id,
        entry.action,
        entry.at,
        content,
        entry.prev,
        entry.hash,
    )


def write_saga(
    write: Callable[[str], object], cases: Iterable[Streamed], exported_at: datetime | None = None
) -> None:
    """Write the saga file of ``cases`` through ``write``, one event at a time.

    The layout is indented, with one event per line: readable, diff-friendly,
    and written by the C JSON encoder (an indented dump would use the slow one).
    A journal entry's content is written as stored (its canonical JSON): never
    decoded and encoded again. Memory does not grow with the number of events.
    """
    moment = exported_at or datetime.now(timezone.utc)
    compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    write("{\n")
    write(f'  "format": {compact(FORMAT)},\n')
    write(f'  "version": {VERSION},\n')
    write(f'  "exported_at": {compact(moment.isoformat(timespec="seconds"))},\n')
    write('  "cases": [')
    written = 0
    for head, events, journal in cases:
        write(",\n    {" if written else "\n    {")
        written += 1
        for key, value in case_head_to_dict(head).items():
            write(f"\n      {compact(key)}: {compact(value)},")
        write('\n      "events": [')
        separator = "\n        "
        for row in events:
            write(separator + compact(row_to_dict(row)))
            separator = ",\n        "
        write("\n      ]" if separator != "\n        " else "]")
        separator = ',\n      "journal": [\n        '
        for n, entity, entity_id, action, at, content, prev, hash_ in journal:
            write(
                f'{separator}{{"n": {n}, "entity": {compact(entity)}, '
                f'"entity_id": {compact(entity_id)}, "action": {compact(action)}, '
                f'"at": {compact(at)}, "content": {content}, "prev": {compact(prev)}, '
                f'"hash": {compact(hash_)}}}'
            )
            separator = ",\n        "
        if separator != ',\n      "journal": [\n        ':
            write("\n      ]")
        write("\n    }")
    write("\n  ]\n}\n" if written else "]\n}\n")


def dump_saga(cases: list[Case], exported_at: datetime | None = None) -> str:
    """The saga file holding ``cases`` (loaded whole), as UTF-8 JSON text ending in a newline."""
    parts: list[str] = []
    streamed = (
        (c, (event_row(e) for e in c.events), (entry_row(e) for e in c.journal)) for c in cases
    )
    write_saga(parts.append, streamed, exported_at)
    return "".join(parts)
