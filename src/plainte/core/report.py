"""The evidence report: a case's cover, figures and whole chronology, amendments marked.

One context serves the HTML page (``templates/reports/timeline.html.j2``), the
PDF (the same page, paginated by Qt) and the filing pack.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from plainte.core import i18n
from plainte.core.event_text import content_summary, direction_word, is_note
from plainte.core.history import amendments, settled
from plainte.core.journal import Entry, event_content, latest, local_day
from plainte.core.ladder import LadderSet, evaluate
from plainte.core.model import Case, Direction, parse_when
from plainte.core.promises import ledger
from plainte.core.stats import HEADLINE, compute


def _recorded(at: str, lang: str) -> str:
    """A journal timestamp (stored in UTC) as the day it was on this machine, in the language."""
    return i18n.format_date(local_day(at), lang)


def _fingerprint_text(entries: list) -> str:
    from plainte.core.fingerprint import of_entries

    found = of_entries(entries)
    return found.text if found else "—"


def report_context(case: Case, ladders: LadderSet, today: date, lang: str) -> dict[str, Any]:
    """Everything the report shows. ``case`` must be loaded with its journal."""
    tr = lambda key, **kw: i18n.tr(key, lang, **kw)  # noqa: E731
    entries: list[Entry] = case.journal
    amended = amendments(entries)  # corrections made right after logging are not amendments
    first = settled(entries)
    last = latest(entries)
    state_of = {e.promise.id: e.state for e in ledger(case, today)}
    promises_of: dict[str, list[Entry]] = {}
    for (entity, _pid), entry in last.items():
        if entity == "promise":
            promises_of.setdefault(entry.content.get("event_id"), []).append(entry)

    def row(content: dict, retracted: Entry | None) -> dict[str, Any]:
        at = parse_when(content["at"])
        event_id = content["id"]
        promises = []
        for entry in promises_of.get(event_id, []):
            pid = entry.entity_id
            status = state_of.get(pid, entry.content["status"])
            promises.append(
                {
                    "text": entry.content["text"],
                    "due": i18n.format_date(parse_when(entry.content["due"]).day, lang)
                    if entry.content["due"]
                    else "",
                    "state": status,
                    "state_label": tr(f"promise_status.{status}"),
                    "retracted": entry.action == "retract",
                }
            )
        change = amended.get(event_id)
        original = first.get(event_id)
        return {
            "id": event_id,
            "sort": at.sort_key,
            "date": i18n.format_date(at.day, lang),
            "time": i18n.format_time(at.value, lang) if at.has_time else "",  # type: ignore[arg-type]
            "channel": tr(f"channel.{content['channel']}"),
            "direction": direction_word(content["direction"], content.get("kind")),
            "outgoing": content["direction"] == Direction.OUT.value,
            "answered": content["answered"] or is_note(content.get("kind")),
            "counterpart": content.get("counterpart") or "",
            "reference": content.get("reference") or "",
            "wait": content.get("wait_minutes") or "",
            "summary": content_summary(content, lang),
            "step": content.get("step") or "",
            "files": [a["name"] for a in content.get("attachments", [])],
            "promises": promises,
            "amended_on": _recorded(change.at, lang) if change else "",
            "original": content_summary(original.content, lang) if change and original else "",
            "retracted_on": _recorded(retracted.at, lang) if retracted else "",
        }

    rows = []
    live_ids = set()
    for event in case.events:
        live_ids.add(event.id)
        rows.append(row(event_content(event), None))
    for (entity, entity_id), entry in last.items():
        if entity == "event" and entry.action == "retract" and entity_id not in live_ids:
            rows.append(row(entry.content, entry))
    rows.sort(key=lambda r: r["sort"])
    stats = compute(case, today)
    ladder = ladders.for_case(case)
    state = evaluate(ladder, case, today)
    steps = [
        {
            "title": s.step.title[lang],
            "status": tr(f"ladder.status.{s.status}"),
            "done_on": i18n.format_date(s.done_on, lang) if s.done_on else "",
            "opens_on": i18n.format_date(s.opens_on, lang) if s.opens_on else "",
            "deadline": i18n.format_date(s.deadline, lang) if s.deadline else "",
            "parallel": s.step.parallel,
        }
        for s in state.steps
    ]
    figures = [(tr(f"stats.{key}"), getattr(stats, key)) for key in HEADLINE]
    return {
        "lang": lang,
        "t": lambda key, **kw: tr(f"report.{key}", **kw),
        "case": case,
        "status": tr(f"status.{case.status.value}"),
        "sector": tr(f"sector.{case.sector}"),
        "today": i18n.format_date(today, lang),
        "since": i18n.format_date(stats.first_day, lang) if stats.first_day else "—",
        "figures": figures,
        "rows": rows,
        "amended": sum(1 for r in rows if r["amended_on"]),
        "retracted": sum(1 for r in rows if r["retracted_on"]),
        "chronology_note": chronology_note(
            len(rows),
            sum(1 for r in rows if r["amended_on"]),
            sum(1 for r in rows if r["retracted_on"]),
            lang,
        ),
        "journal_entries": i18n.trn("plural.entries", len(entries), lang),
        "steps": steps,
        "ladder_title": ladder.title[lang],
        "journal_size": len(entries),
        "journal_head": entries[-1].hash if entries else "",
        "fingerprint": _fingerprint_text(entries),
    }


def chronology_note(count: int, amended: int, retracted: int, lang: str) -> str:
    """ "21 entries; marked, with the original kept: 3 amended entries." (none: not said)."""
    entries = i18n.trn("plural.entries", count, lang)
    marked = [
        i18n.trn(f"plural.{what}_entries", n, lang)
        for what, n in (("amended", amended), ("retracted", retracted))
        if n
    ]
    if not marked:
        return i18n.tr("report.chronology_note", lang, entries=entries)
    return i18n.tr("report.chronology_marked", lang, entries=entries, marked=", ".join(marked))


def render_html(case: Case, ladders: LadderSet, today: date, lang: str, user_templates=None) -> str:
    """The self-contained HTML report (styles inline, every value escaped)."""
    return html_of(report_context(case, ladders, today, lang), ladders, user_templates)


def html_of(context: dict[str, Any], ladders: LadderSet, user_templates=None) -> str:
    """The HTML report of a context already built (the PDF draws the same one)."""
    from plainte.core.compose import Composer

    composer = Composer(ladders, user_templates)
    html, _warnings = composer.render_template("reports/timeline.html.j2", context)
    return html
