"""E-mails into the saga: reading messages, the events they make, evidence and duplicates."""

from __future__ import annotations

import json
import mailbox
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainte.core import attachments
from plainte.core.mail import (
    MAX_TEXT,
    MailError,
    add_mail,
    find_reference,
    html_to_text,
    parse_message,
    read_messages,
    summary_of,
    to_event,
)
from plainte.core.model import Channel, Direction
from plainte.core.sagafile import dump_saga, parse_saga, read_saga
from plainte.core.verify import verify_case, verify_file

from ..conftest import saga_doc

ROGERS_STYLE = """\
From: Customer Care <care@provider.example>
To: Alex Smith <alex@example.net>
Subject: Re: Please answer in writing [ref: CAS-2026081]
Date: Wed, 12 Aug 2026 10:14:00 -0400
Message-ID: <reply-1@provider.example>
Content-Type: text/plain; charset="utf-8"

Hi Alex,

We're sorry to hear you're thinking of leaving us. To discuss your account,
please call our Loyalty team on 0800 000 000, 8am to 8pm. We can't process
cancellations by email.

Kind regards,
Customer Care

On Tue, 11 Aug 2026 at 21:02, Alex Smith <alex@example.net> wrote:
> Please answer this complaint in writing: I want a final response.
"""


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def message(**headers) -> EmailMessage:
    msg = EmailMessage()
    body = headers.pop("body", "Hello, this is the body.")
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body)
    return msg


@pytest.fixture
def case(store):
    from plainte.core.sagafile import parse_saga as parse

    store.import_cases(parse(json.dumps(saga_doc()).encode()).cases)
    return store.load_case("case-1")


def test_a_message_becomes_an_event_with_its_date_offset_and_counterpart(tmp_path, case):
    mail = read_messages(write(tmp_path, "reply.eml", ROGERS_STYLE))[0]
    event = to_event(mail, case)
    assert event.at.text == "2026-08-12T10:14:00-04:00"
    assert event.at.value.utcoffset() == timedelta(hours=-4)
    assert event.channel is Channel.EMAIL and event.direction is Direction.IN
    assert event.counterpart == "Customer Care"
    assert event.reference == "CAS-2026081"
    assert event.summary.startswith("Re: Please answer in writing")
    assert "please call our Loyalty team" in event.summary
    assert "Hi Alex" not in event.summary  # the greeting
    assert "Kind regards" not in event.summary and "final response" not in event.summary
    assert event.attachments[0].sha256 == mail.sha256
    assert event.attachments[0].size == len(ROGERS_STYLE.encode())


def test_direction_comes_from_the_persons_own_addresses(case):
    sent = message(
        From="Alex <ALEX@example.net>",
        To="Complaints Dept <complaints@provider.example>",
        Date="Mon, 10 Aug 2026 09:00:00 +0100",
        Subject="Complaint",
    )
    mail = parse_message(bytes(sent), "sent.eml", "sent.eml")
    event = to_event(mail, case)
    assert event.direction is Direction.OUT and event.counterpart == "Complaints Dept"
    other = message(
        From="me@elsewhere.example",
        To="care@provider.example",
        Subject="x",
        Date="Mon, 10 Aug 2026 09:00:00 +0100",
    )
    mail = parse_message(bytes(other), "o.eml", "o.eml")
    assert to_event(mail, case).direction is Direction.IN
    assert to_event(mail, case, {"Me@Elsewhere.example"}).direction is Direction.OUT
    assert to_event(mail, case, {"me@elsewhere.example"}).counterpart == "Care"


def test_references_per_provider_then_generic():
    assert find_reference("Rogers", "Re: your file", "Ticket TKT-00123456 opened") == "TKT-00123456"
    assert find_reference("Examplecom", "Votre dossier n° 12-4478812", "") == "12-4478812"
    assert find_reference("Examplecom", "Hello", "We will refund 30 pounds.") is None
    quoted = "Thanks.\n\nOn Mon, 3 Aug 2026, Alex wrote:\n> my ref INC-204981"
    assert find_reference("Examplecom", "Re: help", quoted) is None


def test_summary_leaves_out_quoted_history_and_signatures_in_french():
    body = (
        "Bonjour Madame,\n\nVotre demande a bien été enregistrée.\nUn conseiller vous rappellera.\n"
        "\nCordialement,\nLe service clients\n\n"
        "Le 3 août 2026 à 10:02, Alex a écrit :\n> Je veux une réponse écrite.\n"
    )
    text = summary_of("Votre réclamation", body)
    assert text == (
        "Votre réclamation — Votre demande a bien été enregistrée. Un conseiller vous rappellera."
    )


def test_html_only_messages_become_text_safely(case):
    msg = EmailMessage()
    msg["From"] = "Support <support@provider.example>"
    msg["Date"] = "Thu, 13 Aug 2026 08:00:00 +0000"
    msg["Subject"] = "Your case"
    msg.set_content(
        "<html><head><style>p{color:red}</style><script>alert('x')</script></head><body>"
        "<p>Dear customer,</p><p>This is our <b>final response</b> &amp; position.</p>"
        "<img src='http://tracker.example/pixel.gif'><blockquote>old text</blockquote>"
        "</body></html>",
        subtype="html",
    )
    mail = parse_message(bytes(msg), "h.eml", "h.eml")
    assert "final response & position." in mail.body
    for gone in ("alert", "color:red", "tracker", "<"):
        assert gone not in mail.body
    assert "old text" not in to_event(mail, case).summary
    assert html_to_text("<p>unclosed <b>tags<script>x") == "unclosed tags"


def test_a_message_already_in_the_saga_is_not_added_twice(tmp_path, store, case):
    path = write(tmp_path, "reply.eml", ROGERS_STYLE)
    first = add_mail(store, case, [path])
    assert len(first.added) == 1 and not first.errors
    again = add_mail(store, store.load_case(case.id), [path, path])
    assert again.added == [] and len(again.known) == 2
    assert len(store.load_case(case.id).events) == len(case.events) + 1


def test_an_mbox_adds_each_message_once_with_its_bytes_as_evidence(tmp_path, store, case):
    box_path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(str(box_path))
    for n in range(3):
        box.add(
            message(
                From="care@provider.example",
                To="alex@example.net",
                Subject=f"n{n}",
                Date=f"Mon, 1{n} Aug 2026 09:00:00 +0100",
                Message_ID=f"<m{n}@p>",
            )
        )
    box.add(
        message(
            From="care@provider.example",
            Subject="n0 again",
            Date="Mon, 10 Aug 2026 09:00:00 +0100",
            Message_ID="<m0@p>",
        )
    )
    box.flush()
    box.close()
    result = add_mail(store, case, [box_path])
    assert len(result.added) == 3 and len(result.known) == 1
    for event in result.added:
        stored = attachments.stored_path(store.data_dir, event.attachments[0])
        assert stored.read_bytes().startswith(b"From: care@provider.example")
        assert attachments.check(store.data_dir, event.attachments[0]) == "ok"
    assert verify_case(store, case.id).ok


def test_imported_messages_round_trip_through_saga_files_and_verify(tmp_path, store, case):
    add_mail(store, case, [write(tmp_path, "reply.eml", ROGERS_STYLE)])
    first = dump_saga([store.load_case(case.id, with_journal=True)])
    path = write(tmp_path, "saga.json", first)
    assert all(v.ok for v in verify_file(path))
    from plainte.core.store import Store

    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other = Store.open(other_dir)
    try:
        other.import_cases(read_saga(path).cases)
        second = dump_saga([other.load_case(case.id, with_journal=True)])
    finally:
        other.close()
    strip = lambda text: [line for line in text.splitlines() if "exported_at" not in line]  # noqa: E731
    assert strip(first) == strip(second)
    imported = [e for e in parse_saga(second.encode()).cases[0].events if e.attachments]
    assert imported[0].attachments[0].name == "reply.eml"
    # the evidence check: the bytes are in this data folder, and a changed byte is seen
    stored = attachments.stored_path(store.data_dir, imported[0].attachments[0])
    assert verify_case(store, case.id).ok
    stored.write_bytes(stored.read_bytes() + b" ")
    assert [p.key for p in verify_case(store, case.id).problems] == ["file_altered"]


@pytest.mark.parametrize(
    ("data", "key"),
    [
        (b"", "not_a_message"),
        (b"\x00\xff\xfe binary garbage \x00", "not_a_message"),
        (b"From: a@b.example\nSubject: no date\n\nbody\n", "no_date"),
        (b"From: a@b.example\nDate: the day after tomorrow\n\nbody\n", "no_date"),
    ],
)
def test_hostile_messages_give_a_located_error(tmp_path, data, key):
    path = write(tmp_path, "bad.eml", data)
    with pytest.raises(MailError) as caught:
        read_messages(path)
    assert caught.value.key == key and str(path) in str(caught.value)


def test_a_message_over_the_size_limit_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr("plainte.core.mail.MAX_MESSAGE", 1000)
    path = write(tmp_path, "big.eml", ROGERS_STYLE + "x" * 1000)
    with pytest.raises(MailError) as caught:
        read_messages(path)
    assert caught.value.key == "too_large" and "big.eml" in str(caught.value)


def test_an_mbox_names_the_message_that_fails(tmp_path, store, case):
    path = write(
        tmp_path,
        "box.mbox",
        "From x Mon Aug 10 09:00:00 2026\nFrom: a@b.example\nDate: Mon, 10 Aug 2026 09:00:00"
        " +0100\nSubject: ok\n\nfine\n\nFrom x Mon Aug 10 09:00:00 2026\nFrom: a@b.example\n"
        "Subject: no date\n\nbroken\n",
    )
    with pytest.raises(MailError) as caught:
        read_messages(path)
    assert "message 2" in str(caught.value)
    result = add_mail(store, case, [path])
    assert len(result.added) == 1 and len(result.errors) == 1
    assert result.errors[0].index == 1 and result.errors[0].key == "no_date"
    assert len(store.load_case(case.id).events) == len(case.events) + 1


def test_bad_charsets_broken_headers_and_huge_bodies_are_read_best_effort(case):
    raw = (
        b"From: =?x-unknown?q?Caf=E9?= <care@provider.example>\n"
        b"To: <<<>>>, ,,\n"
        b"Subject: =?utf-8?q?broken=ZZ?=\n"
        b"Date: Wed, 12 Aug 2026 10:14:00 -0000\n"
        b"Content-Type: text/plain; charset=x-not-a-charset\n\n"
        b"Caf\xe9 au lait. " + b"word " * (MAX_TEXT // 2)
    )
    mail = parse_message(raw, "odd.eml", "odd.eml")
    event = to_event(mail, case)
    assert event.at.text == "2026-08-12T10:14:00"  # -0000: no offset known, kept local
    assert event.summary and len(event.summary) < 1000
    assert len(mail.body) <= MAX_TEXT


@pytest.mark.parametrize(
    ("body", "expected"),
    [("Désolé que vous nous quittiez".encode(), "Désolé"), (b"Caf\xe9 au lait", "Café")],
)
def test_an_eight_bit_body_without_a_charset_keeps_its_accents(body, expected):
    raw = (
        b"From: Rogers <care@provider.example>\n"
        b"Date: Wed, 12 Aug 2026 10:14:00 -0400\n"
        b"Subject: Votre dossier\n\n" + body + b"\n"
    )
    assert expected in parse_message(raw, "old.eml", "old.eml").body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=600)
    | st.text(max_size=400).map(lambda t: ("From: x@y.example\nDate: " + t + "\n\n" + t).encode())
)
def test_any_bytes_give_a_message_or_a_mail_error(data):
    try:
        mail = parse_message(data, "fuzz.eml", "fuzz.eml")
    except MailError:
        return
    assert mail.at.text and isinstance(mail.body, str)


def test_control_characters_of_a_message_never_reach_the_saga(tmp_path, store, case):
    raw = (
        b"From: Support\x00 Team <support@example.com>\r\nTo: me@example.org\r\n"
        b"Date: Mon, 2 Nov 2026 10:00:00 +0100\r\nSubject: Ticket\x00 INC-4411\x07\r\n\r\n"
        b"Hello,\r\nYour line\x00 will be fixed\x1b tomorrow.\r\n"
    )
    add_mail(store, case, [write(tmp_path, "nul.eml", raw)])
    event = next(e for e in store.load_case(case.id).events if e.attachments)
    assert event.summary == "Ticket INC-4411 — Your line will be fixed tomorrow."
    assert event.counterpart == "Support Team"
    # what the app wrote, the saga format takes back: exported, it imports again
    text = dump_saga([store.load_case(case.id, with_journal=True)])
    assert parse_saga(text.encode()).cases[0].events
