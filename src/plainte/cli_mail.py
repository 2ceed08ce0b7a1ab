"""``plainte mail`` and ``plainte react``: e-mails into the saga, and the reply reader."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from plainte.core import i18n
from plainte.core.errors import PlainteError
from plainte.core.i18n import tr, trn

MAX_INPUT = 50 * 1024 * 1024
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]", re.MULTILINE)
_MAIL_HEADERS = re.compile(rb"^(from|date|subject|message-id|received):", re.IGNORECASE | re.M)


class ReactRefused(PlainteError):
    """Input the reply reader cannot read (exit 1)."""

    def __str__(self) -> str:
        return tr(f"react.error.{self.key}", **self.params)


def _language(case) -> str:
    from plainte.core.language import case_language

    return case_language(case, i18n.language())


def run_mail(ctx) -> int:
    """Add each message of the files to the case; report what was added and what was not."""
    from plainte.core.mail import add_mail

    case = ctx.load(ctx.args.case)
    result = add_mail(ctx.store, case, ctx.args.files, set(ctx.args.me or ()))
    lang = i18n.language()
    for event in result.added:
        line = tr(
            "mail.cli.added_one",
            day=i18n.format_date(event.at.value, lang),
            direction=tr(f"direction.{event.direction.value}"),
            who=event.counterpart or "—",
            ref=event.reference or "—",
            summary=(event.summary or "")[:70],
        )
        print(line)
    for error in result.errors:
        print(tr("mail.cli.refused", error=str(error)), file=sys.stderr)
    print(trn("mail.cli.done", len(result.added), known=len(result.known), case=case.id))
    if result.errors:
        print(trn("mail.cli.some_refused", len(result.errors)), file=sys.stderr)
        return 1
    return 0


def _looks_like_mail(data: bytes) -> bool:
    head = data[:8192]
    return bool(_HEADER.match(head)) and len(_MAIL_HEADERS.findall(head)) >= 2


def _read_input(name: str) -> tuple[bytes, Path | str]:
    if name == "-":
        data = sys.stdin.buffer.read(MAX_INPUT + 1)
        where: Path | str = tr("react.stdin")
    else:
        path = Path(name)
        try:
            if path.stat().st_size > MAX_INPUT:
                raise ReactRefused("too_large", path=path, limit=MAX_INPUT // (1024 * 1024))
            data = path.read_bytes()
        except OSError as exc:
            raise ReactRefused("unreadable", path=path, detail=exc.strerror) from None
        where = path
    if len(data) > MAX_INPUT:
        raise ReactRefused("too_large", path=where, limit=MAX_INPUT // (1024 * 1024))
    return data, where


def run_react(ctx) -> int:
    """Read a reply for the case: its kind, its promise, what follows; log it with --log."""
    from plainte.core.ladder import load_ladders
    from plainte.core.mail import parse_message, read_messages, store_raw, to_event
    from plainte.core.react import read_reply
    from plainte.core.react_text import lines

    case = ctx.load(ctx.args.case)
    data, where = _read_input(ctx.args.file)
    mail = event = None
    suffix = Path(ctx.args.file).suffix.lower()
    if suffix == ".mbox":
        mail = read_messages(Path(ctx.args.file))[-1]
    elif suffix == ".eml" or _looks_like_mail(data):
        mail = parse_message(data, Path(str(where)).name or "reply.eml", where)
    if mail is not None:
        known = {e.id: e for e in case.events}
        event = known.get(mail.event_id) or to_event(mail, case)
        text = f"{mail.subject}\n{mail.body}"
    else:
        text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise ReactRefused("empty", path=where)
    ladders = load_ladders(ctx.data_dir / "ladders")
    ladder = ladders.for_case(case)
    reading = read_reply(text, case, ladder, ctx.today, event=event)
    if ctx.args.log:
        from plainte.core.editor import Editor

        if mail is not None:
            store_raw(ctx.store.data_dir, mail)
        editor = Editor(ctx.store)
        editor.save_event(case.id, reading.event)
        wants = reading.next.wants
        if wants and all(w.kind != wants for w in case.wants):
            from dataclasses import replace

            from plainte.core.model import Want

            editor.save_case(replace(case, wants=[*case.wants, Want(kind=wants)]))
            print(tr("react.wants_added", want=tr(f"react.wants.{wants}")), file=sys.stderr)
    if ctx.args.json:
        print(json.dumps(reading.to_json(), ensure_ascii=False, indent=2))
    else:
        lang = _language(case) if i18n.language() not in ("fr", "en") else i18n.language()
        rows = lines(reading, ladder, lang)
        width = max(len(label) for label, _ in rows)
        print("\n".join(f"{label.ljust(width)}  {value}" for label, value in rows))
    if ctx.args.log:
        print(tr("react.logged", case=case.id), file=sys.stderr)
    return 0
