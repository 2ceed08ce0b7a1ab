"""E-mails into the saga: each ``.eml`` file or ``.mbox`` message becomes an event.

The message is read with the standard library (``email`` with the modern
policy, ``mailbox`` for mbox files) and becomes an e-mail event: its date and
offset, direction (from the person's own address, or to it), the sender's name
or department, the provider's reference found in the subject or body, a
summary of the subject and the first lines of the body (quoted history and
signature left out), and the message itself attached under its SHA-256. The
event id is derived from the Message-ID, so a message already in the saga is
recognised and not added twice. Nothing here goes online: HTML is read as text
by a parser that never loads anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from plainte.core.errors import PlainteError
from plainte.core.model import Attachment, Case, Channel, Direction, Event, When
from plainte.core.parsed_cache import load_yaml
from plainte.core.resources import data_folder

TYPE_CHECKING = False  # the e-mail package (10 ms) only for a message read, not a reply's text
if TYPE_CHECKING:
    from email.message import EmailMessage

MAX_MESSAGE = 50 * 1024 * 1024
"""Largest message read (bytes): attachments included, far above a reply."""
MAX_TEXT = 200_000
"""Characters of a body looked at: the start of a huge body is enough."""
SUMMARY_LINES = 4
SUMMARY_CHARS = 600
_NAMESPACE = "0d5b8e4c-3a57-4f0e-9d7e-2b7f0c1e6a90"
"""The namespace of a message's event id (uuid5)."""


class MailError(PlainteError):
    """A message that cannot be read: which file (and which message of an mbox), and why."""

    def __init__(self, path: Path | str, key: str, index: int | None = None, **params) -> None:
        super().__init__(key, **params)
        self.path = path
        self.index = index

    def __str__(self) -> str:
        from plainte.core.i18n import tr

        what = tr(f"mail.error.{self.key}", **self.params)
        where = str(self.path)
        if self.index is not None:
            where = tr("mail.message_of", path=self.path, n=self.index + 1)
        return f"{where}: {what}"


@dataclass
class Mail:
    """One message as read: the facts an event needs, and its raw bytes."""

    raw: bytes
    name: str
    message_id: str | None
    at: When
    sender: tuple[str, str]
    recipients: list[tuple[str, str]]
    subject: str
    body: str
    warnings: list[str] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.raw).hexdigest()

    @property
    def event_id(self) -> str:
        """A stable id: from the Message-ID, or from the bytes when there is none."""
        import uuid

        key = self.message_id or f"sha256:{self.sha256}"
        return str(uuid.uuid5(uuid.UUID(_NAMESPACE), f"mail|{key}"))


# Reading the data ----------------------------------------------------------------


@cache
def rules() -> dict[str, Any]:
    """The compiled patterns of ``replies/mail.yaml``."""
    data = load_yaml(data_folder("replies") / "mail.yaml")

    def compile_all(items: list[str]) -> list[re.Pattern]:
        return [re.compile(p, re.IGNORECASE) for p in items or []]

    refs = data.get("references", {})
    return {
        "quote": compile_all(data.get("quote_headers")),
        "signature": compile_all(data.get("signatures")),
        "greeting": compile_all(data.get("greetings")),
        "providers": {
            name: compile_all(patterns) for name, patterns in (refs.get("providers") or {}).items()
        },
        "generic": compile_all(refs.get("generic")),
    }


# HTML to text --------------------------------------------------------------------


class _TextOf(HTMLParser):
    """The visible text of an HTML body: no script, style or head; blocks on their own lines."""

    _SKIP = frozenset({"script", "style", "head", "title", "template", "noscript", "svg"})
    _BLOCK = frozenset(
        {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.quoting = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag == "blockquote":
            self.quoting += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "blockquote":
            self.quoting = max(0, self.quoting - 1)
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            text = " ".join(data.split())
            if text and self.quoting:
                text = "> " + text
            if text:
                self.parts.append(text + " ")


def html_to_text(html: str) -> str:
    """Plain text from HTML, safely: parsed as text, nothing fetched, nothing run."""
    parser = _TextOf()
    try:
        parser.feed(html[:MAX_TEXT])
        parser.close()
    except (AssertionError, ValueError):  # a parser confused by broken markup keeps what it read
        pass
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# One message ------------------------------------------------------------------------


def _decode(part: EmailMessage) -> str:
    """A text part's content, whatever its declared charset says."""
    try:
        content = part.get_content()
        # no charset declared means ASCII, which turns every 8-bit byte into "\ufffd":
        # the bytes are read again below, as UTF-8 or Latin-1
        if isinstance(content, str) and "\ufffd" not in content:
            return content
    except (LookupError, UnicodeError, ValueError, AssertionError, KeyError):
        pass
    payload = part.get_payload(decode=True) or b""
    if isinstance(payload, str):
        return payload
    for charset in (part.get_content_charset() or "", "utf-8"):
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("latin-1")


def _body(message: EmailMessage) -> str:
    """The message's text: its plain part, else its HTML part made text."""
    plain = html = None
    try:
        parts = list(message.walk())
    except (AttributeError, TypeError):
        parts = [message]
    for part in parts[:200]:
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _decode(part)
        elif kind == "text/html" and html is None:
            html = _decode(part)
    if plain and plain.strip():
        return _without_controls(plain[:MAX_TEXT])
    if html:
        return _without_controls(html_to_text(html))
    return ""


def _without_controls(text: str) -> str:
    """``text`` without the control characters (NUL, BEL…) a saga text may not hold."""
    from plainte.core.sagafile import CONTROL

    return CONTROL.sub("", text)


def _header(message: EmailMessage, name: str) -> str:
    """A header's text, or "" when absent or too broken to read."""
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, AttributeError, LookupError):
        value = None
        raw = message.get_all(name, failobj=[]) if hasattr(message, "get_all") else []
        for item in raw:
            value = str(item)
    if value is None:
        return ""
    text = _without_controls(str(value))
    return " ".join(text.split())[:2000]


def _date(message: EmailMessage) -> datetime | None:
    """The Date header, else the newest Received date."""
    from email.utils import parsedate_to_datetime

    candidates = [_header(message, "date")]
    try:
        received = message.get_all("received", failobj=[])
    except (ValueError, TypeError, IndexError):
        received = []
    candidates += [str(r).rsplit(";", 1)[-1] for r in received[:1]]
    for text in candidates:
        if not text.strip():
            continue
        try:
            return parsedate_to_datetime(text.strip())
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
    return None


def _when(moment: datetime) -> When:
    """A saga moment keeping the message's own offset (none if the message gave none)."""
    moment = moment.replace(microsecond=0)
    return When(moment.isoformat(timespec="seconds"), moment)


def parse_message(raw: bytes, name: str, path: Path | str, index: int | None = None) -> Mail:
    """Read one message's bytes.

    Raises:
        MailError: too large, not a message, or no date anywhere in it.
    """
    from email import policy
    from email.parser import BytesParser
    from email.utils import getaddresses, parseaddr

    if len(raw) > MAX_MESSAGE:
        raise MailError(path, "too_large", index, limit=MAX_MESSAGE // (1024 * 1024))
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
    except Exception as exc:  # the parser is lenient; anything it still throws is a bad file
        raise MailError(path, "not_a_message", index, detail=type(exc).__name__) from None
    if not message.keys():
        raise MailError(path, "not_a_message", index, detail="no headers")
    warnings: list[str] = []
    moment = _date(message)
    if moment is None:
        raise MailError(path, "no_date", index)
    sender = parseaddr(_header(message, "from"))
    recipients = []
    for header in ("to", "cc"):
        text = _header(message, header)
        if text:
            recipients += getaddresses([text])
    message_id = _header(message, "message-id").strip() or None
    if message_id:
        message_id = message_id[:500]
    try:
        body = _body(message)
    except Exception:  # a body too broken to decode: the event keeps the subject
        body = ""
        warnings.append("body")
    return Mail(
        raw=raw,
        name=name,
        message_id=message_id,
        at=_when(moment),
        sender=sender,
        recipients=[r for r in recipients if r[1]],
        subject=_header(message, "subject"),
        body=body,
        warnings=warnings,
    )


def read_messages(path: Path, errors: list[MailError] | None = None) -> list[Mail]:
    """Every message of an ``.mbox`` file, or the one of an ``.eml`` file.

    A message of an mbox that cannot be read is put in ``errors`` (named by its
    place) when a list is given, and the others are kept.

    Raises:
        MailError: the file cannot be read, or (without ``errors``) one of its messages.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise MailError(path, "unreadable", detail=exc.strerror or str(exc)) from None
    if path.suffix.lower() == ".mbox" or _looks_like_mbox(path):
        import mailbox

        mails = []
        try:
            box = mailbox.mbox(str(path), create=False)
            keys = list(box.keys())
            for index, key in enumerate(keys):
                raw = box.get_bytes(key)
                name = f"{path.stem}-{index + 1}.eml"
                try:
                    mails.append(parse_message(raw, name, path, index))
                except MailError as exc:
                    if errors is None:
                        raise
                    errors.append(exc)
        except (OSError, mailbox.Error) as exc:
            raise MailError(path, "unreadable", detail=str(exc)) from None
        if not mails and not (errors and errors[-1].path == path):
            raise MailError(path, "no_messages")
        return mails
    if size > MAX_MESSAGE:
        raise MailError(path, "too_large", limit=MAX_MESSAGE // (1024 * 1024))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise MailError(path, "unreadable", detail=exc.strerror or str(exc)) from None
    return [parse_message(raw, path.name, path)]


def _looks_like_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(5) == b"From "
    except OSError:
        return False


# Text: summary and reference ---------------------------------------------------------


def fresh_lines(body: str) -> list[str]:
    """The body's own lines: quoted history, signature and leading blank lines left out."""
    patterns = rules()
    lines: list[str] = []
    for raw_line in body.replace("\r\n", "\n").split("\n"):
        line = raw_line.strip()
        if line.startswith(">"):
            continue
        if any(p.search(line) for p in patterns["quote"]) or (
            raw_line.rstrip("\r") in ("-- ", "--")
            or any(p.search(line) for p in patterns["signature"])
        ):
            break
        lines.append(line)
    return lines


def summary_of(subject: str, body: str) -> str:
    """The subject, then the first lines of the message's own text (greeting skipped)."""
    greeting = rules()["greeting"]
    kept: list[str] = []
    for line in fresh_lines(body):
        if not line:
            if kept:
                kept.append("")
            continue
        if not kept and any(p.search(line) for p in greeting):
            continue
        kept.append(line)
        if sum(1 for k in kept if k) >= SUMMARY_LINES:
            break
    text = " ".join(k for k in kept if k)
    if len(text) > SUMMARY_CHARS:
        text = text[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    subject = subject.strip()
    if subject and text:
        return f"{subject} — {text}"
    return subject or text


def find_reference(provider: str, subject: str, body: str) -> str | None:
    """The provider's ticket or case number in the subject or the message's own text."""
    patterns = rules()
    own = [
        regex
        for name, regs in patterns["providers"].items()
        if re.search(rf"\b{re.escape(name)}\b", provider.lower())
        for regex in regs
    ]
    text = subject + "\n" + "\n".join(fresh_lines(body))[:20_000]
    for regex in own + patterns["generic"]:
        match = regex.search(text)
        if match:
            return match.group(1)
    return None


# Into the saga -------------------------------------------------------------------


def _display(name: str, address: str) -> str | None:
    """A counterpart: the display name, else the address's local part made readable."""
    name = " ".join(name.split()).strip("'\" ")
    if name:
        return name[:200]
    local = address.split("@", 1)[0]
    if not local:
        return None
    words = re.split(r"[._+-]+", local)
    return " ".join(w.capitalize() for w in words if w)[:200] or None


def to_event(mail: Mail, case: Case, own: set[str] | frozenset[str] = frozenset()) -> Event:
    """The event of ``mail`` in ``case``; ``own`` adds the person's other addresses."""
    mine = {a.lower() for a in own}
    if case.customer.email:
        mine.add(case.customer.email.lower())
    sent = mail.sender[1].lower() in mine
    if sent:
        counterpart = next((_display(*r) for r in mail.recipients), None)
    else:
        counterpart = _display(*mail.sender)
    return Event(
        id=mail.event_id,
        at=mail.at,
        channel=Channel.EMAIL,
        direction=Direction.OUT if sent else Direction.IN,
        answered=True,
        counterpart=counterpart,
        reference=find_reference(case.provider, mail.subject, mail.body),
        summary=summary_of(mail.subject, mail.body) or None,
        attachments=[Attachment(name=_file_name(mail), sha256=mail.sha256, size=len(mail.raw))],
    )


def _file_name(mail: Mail) -> str:
    name = mail.name if mail.name.lower().endswith(".eml") else f"{mail.name}.eml"
    return re.sub(r"[\x00-\x1f/\\]", "_", name)[:200]


@dataclass
class MailImport:
    """What adding messages did: events added, messages already there, problems met."""

    added: list[Event] = field(default_factory=list)
    known: list[Mail] = field(default_factory=list)
    errors: list[MailError] = field(default_factory=list)


def store_raw(data_dir: Path, mail: Mail) -> None:
    """Keep the message's bytes in the data directory under their SHA-256."""
    from plainte.core.attachments import add_bytes

    add_bytes(data_dir, mail.raw, _file_name(mail))


def add_mail(store, case: Case, files: list[Path], own: set[str] | None = None) -> MailImport:
    """Read ``files`` and add each new message to the case, with its bytes as evidence.

    A file or a message that cannot be read is reported and skipped; the others
    are added, all in one transaction. A message whose event is already in the case
    (same Message-ID) is not added again.
    """
    from plainte.core.editor import Editor

    seen = {e.id for e in case.events}
    result = MailImport()
    mails: list[Mail] = []
    for path in files:
        try:
            mails.extend(read_messages(Path(path), result.errors))
        except MailError as exc:
            result.errors.append(exc)
    events = []
    for mail in mails:
        if mail.event_id in seen:
            result.known.append(mail)
            continue
        seen.add(mail.event_id)
        store_raw(store.data_dir, mail)
        events.append(to_event(mail, case, own or set()))
    if events:
        Editor(store).add_events(case.id, events)
    result.added = events
    return result
