"""Letters and posts: Jinja2 templates rendered in a sandbox from a context core builds.

The person's own texts are data, never template code. Templates are looked up
first in ``DATA_DIR/templates`` (the person's overrides), then in the shipped
``templates/``; a faulty override is reported with its file and line and the
shipped template is used instead.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from plainte.core import i18n, kept_templates, template_sandbox
from plainte.core import letter_views as views
from plainte.core.errors import PlainteError
from plainte.core.kinds import KINDS, LETTERS, POSTS
from plainte.core.ladder import LadderSet, evaluate
from plainte.core.language import case_language
from plainte.core.letter_facts import chosen_promises, letter_facts
from plainte.core.letter_views import TITLE_WORDS
from plainte.core.letterform import letter_form
from plainte.core.model import Case, Event
from plainte.core.precheck import Prepared, check, stale_phrase
from plainte.core.promises import ledger
from plainte.core.redact import redact
from plainte.core.resources import data_folder
from plainte.core.stats import compute

PUBLIC = frozenset(POSTS)
REPLY_DAYS = {
    "complaint": 30,
    "formal-notice": 15,
    "ombudsman": 30,
    "cancellation": 10,
    "call-recap": 7,
}
"""Reply deadlines asked for, in days from "today", unless the ladder step gives one."""
_SETTINGS = {
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}
"""The template environment's options (they shape the compiled code the cache keeps)."""
_AUTOESCAPED = ("html", "htm", "xml", "html.j2")
PART = "\x1e"
"""Separates the parts of a post; a part starting with ``?`` may be dropped to fit."""


class TemplateProblem(PlainteError):
    """A template that does not parse or fails to render: ``path`` and ``line``."""

    def __init__(self, path: str, line: int | None, detail: str) -> None:
        super().__init__("template_broken", path=path, line=line or "?", detail=detail)
        self.path = path
        self.line = line


@dataclass
class Composition:
    """A rendered letter or post."""

    kind: str
    lang: str
    text: str
    subject: str | None = None
    platform: str | None = None
    count: int | None = None
    limit: int | None = None
    template: str = ""
    warnings: list[TemplateProblem] = field(default_factory=list)
    event_id: str | None = None
    posts: list[str] = field(default_factory=list)
    """A public text's posts: one, or a numbered thread."""
    flags: list = field(default_factory=list)
    """A public text's loaded words (:class:`plainte.core.tone.Flag`)."""
    findings: list = field(default_factory=list)
    """What to look at before sending (``precheck.Finding``), letters only."""


@dataclass
class _Facts:
    case: Case  # held so that its id() cannot be reused by another case while cached
    stats: Any
    ladder: Any
    state: Any
    entries: list
    events: list[Event]
    evidence: list[Event]
    prepared: Prepared  # the pre-send check's per-event work, kept for the next letters
    views: dict = field(default_factory=dict)  # lists as letters write them, per language


def _city(address: str | None) -> str | None:
    """The town of a postal address: its last part that is not a postcode nor a province.

    "88 Queen Street West, Toronto, ON M5H 2N2" gives "Toronto"; "17 Hyde Park
    Road, Leeds LS6 1AH" gives "Leeds".
    """
    if not address:
        return None
    for part in reversed(re.split(r"[,\n]", address.strip())):
        words = [w for w in part.split() if not any(c.isdigit() for c in w)]
        if words and not (len(words) == 1 and words[0].isupper() and len(words[0]) <= 3):
            return " ".join(words)
    return None


def _version(case: Case, today: date) -> tuple:
    """What tells one version of a case from another (a case is treated as a value).

    Its events by identity, count and last id; its own fields by value, so that a copy
    made to carry another journal tail (as the composer window does) is the same version.
    """
    own = repr([(f, getattr(case, f)) for f in _OWN_FIELDS])
    return (
        id(case.events),
        len(case.events),
        case.events[-1].id if case.events else None,
        own,
        today,
    )


_OWN_FIELDS = tuple(f.name for f in fields(Case) if f.name not in ("events", "journal"))


def _fingerprint(case: Case) -> str:
    """The journal fingerprint a letter carries (empty when the case was loaded without it)."""
    from plainte.core.fingerprint import of_entries

    found = of_entries(case.journal)
    return found.text if found else ""


class Composer:
    """Renders the seven kinds in French and English.

    Args:
        ladders: the ladders in force (for the next step and legal references).
        user_templates: the person's template folder (overrides), if any.
    """

    def __init__(self, ladders: LadderSet, user_templates: Path | None = None) -> None:
        self.ladders = ladders
        self.builtin_dir = data_folder("templates")
        self.user_dir = user_templates if user_templates and user_templates.is_dir() else None
        self._envs: dict[bool, SandboxedEnvironment] = {}
        self._cache: dict[tuple, _Facts] = {}
        self._kept: dict[tuple, tuple[Case, Any]] = {}

    def _env(self, with_user: bool) -> SandboxedEnvironment:
        env = self._envs.get(with_user)
        if env is None:
            folders = [str(self.user_dir)] if with_user and self.user_dir else []
            folders.append(str(self.builtin_dir))
            bounded = template_sandbox.BoundedEnvironment
            env = bounded(
                loader=jinja2.FileSystemLoader(folders),
                autoescape=jinja2.select_autoescape(_AUTOESCAPED),
                bytecode_cache=kept_templates.for_environment(
                    bounded, autoescaped=_AUTOESCAPED, **_SETTINGS
                ),
                **_SETTINGS,
            )
            env.filters["lower_first"] = i18n.lower_first
            env.filters["de"] = i18n.de
            env.filters["verbatim"] = i18n.verbatim
            self._envs[with_user] = env
        return env

    @staticmethod
    def template_name(kind: str, lang: str) -> str:
        folder = "posts" if kind in PUBLIC else "letters"
        return f"{folder}/{kind}.{lang}.txt.j2"

    def render_template(
        self, name: str, context: dict[str, Any]
    ) -> tuple[str, list[TemplateProblem]]:
        """Render ``name``: the person's version if it works, else the shipped one."""
        warnings: list[TemplateProblem] = []
        if self.user_dir and (self.user_dir / name).is_file():
            try:
                text = self._render(self._env(True), name, context)
                if text.strip():
                    return text, warnings
                # an override that writes nothing is a mistake, not a letter
                raise TemplateProblem(str(self.user_dir / name), None, "renders no text")
            except TemplateProblem as problem:
                warnings.append(problem)
        return self._render(self._env(False), name, context), warnings

    def _render(self, env: SandboxedEnvironment, name: str, context: dict[str, Any]) -> str:
        try:
            template = env.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(
                exc.filename or name, exc.lineno, exc.message or str(exc)
            ) from None
        except jinja2.TemplateNotFound:
            raise TemplateProblem(name, None, "template not found") from None
        try:
            mine = self.user_dir and Path(template.filename or "").is_relative_to(self.user_dir)
            return template_sandbox.render(template, context, trusted=not mine)
        except Exception as exc:  # any failure inside a template is the template's fault
            import traceback

            line = None
            for frame in traceback.extract_tb(exc.__traceback__):
                if frame.filename == template.filename:
                    line = frame.lineno
            raise TemplateProblem(
                template.filename or name, line, f"{type(exc).__name__}: {exc}"
            ) from None

    def compose(
        self,
        case: Case,
        kind: str,
        today: date,
        *,
        lang: str | None = None,
        platform: str = "x",
        event_id: str | None = None,
        sender: dict[str, str | None] | None = None,
        quote: bool = False,
    ) -> Composition:
        """Render ``kind`` for ``case`` as of ``today``.

        Args:
            lang: ``fr`` or ``en``; default: the case's language, or the detected one.
            platform: for public kinds, the platform whose limit the post must fit.
            event_id: for ``call-recap``, the call to recap (default: the latest call).
            sender: the person's details for letters, overriding the case's customer.
            quote: for public kinds, quote the person's own words (title, promises).
        """
        if kind not in KINDS:
            raise PlainteError("unknown_kind", kind=kind, kinds=", ".join(KINDS))
        lang = lang or case_language(case, i18n.language())
        if kind in PUBLIC:
            from plainte.core.publish import compose_post

            return compose_post(self, case, kind, today, lang, platform, quote=quote)
        context = self.context(case, kind, today, lang, event_id=event_id, sender=sender)
        text, warnings = self.render_template(self.template_name(kind, lang), context)
        text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
        if lang == "fr":
            text = i18n.french_typography(text)
        text = i18n.strip_verbatim(text)
        subject = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in text.splitlines()
                if ln.startswith(("Objet :", "Subject:", "Objet:", "Objet\u00a0:"))
            ),
            None,
        )
        call_id = context.get("call", {}).get("id")
        facts = self._facts(case, today)
        # the texts it quotes in the other language, each with that language named
        other = "en" if lang == "fr" else "fr"
        quoted = text.count(i18n.tr(f"letters.in_language.{other}", lang))
        return Composition(
            kind,
            lang,
            text,
            subject=subject,
            template=self.template_name(kind, lang),
            warnings=warnings,
            event_id=call_id,
            findings=check(
                case, kind, today, lang, facts.state, call_id, facts.prepared, quoted=quoted
            ),
        )

    # The context ------------------------------------------------------------------

    def context(
        self,
        case: Case,
        kind: str,
        today: date,
        lang: str,
        *,
        event_id: str | None = None,
        sender: dict | None = None,
    ) -> dict[str, Any]:
        """Everything a template may use; public kinds get no private field at all."""
        public = kind in PUBLIC
        clean = (lambda s: redact(s, case) if s else s) if public else (lambda s: s)
        facts = self._facts(case, today)
        stats, state, events, evidence = (
            facts.stats,
            facts.state,
            facts.events,
            facts.evidence,
        )
        steps = {s.step.id: s for s in state.steps}

        form = letter_form(case.country, lang)
        locale = form.locale

        def day(d: date | None) -> str:
            return i18n.format_date(d, locale) if d else ""

        letter = kind in LETTERS
        key = ("promises", lang, locale, letter)  # written once per case version
        if key not in facts.views:
            facts.views[key] = views.promises(
                facts.entries, today, lang, locale, clean, letter, case.language
            )
        every_promise = facts.views[key]
        promises, promises_omitted = chosen_promises(every_promise)
        promises = [dict(p) for p in promises]
        chronology = views.chronology(facts.evidence, lang, locale, clean, letter, case.language)
        next_state = state.next_step()
        ombudsman = steps.get("ombudsman")
        step_for_kind = next((s for s in state.steps if s.step.letter == kind), None)
        reply_days = REPLY_DAYS.get(kind, 15)
        written = steps.get("written_complaint")
        figures = stats.to_json()
        figures["contacts"] = stats.contacts_out + stats.contacts_in
        seed = int(hashlib.sha256(f"{case.id}|{kind}".encode()).hexdigest(), 16)
        customer = {} if public else {**vars(case.customer), **(sender or {})}
        context: dict[str, Any] = {
            "lang": lang,
            "locale": locale,
            "form": form.words,
            "kind": kind,
            "today": day(today),
            "place": "" if public else (_city(customer.get("address")) or ""),
            "case": {
                "title": clean(case.title),
                "provider": case.provider,
                "handle": case.provider_handle or "",
                "account_ref": "" if public else (case.account_ref or ""),
                "notes": clean(case.notes) if case.notes else "",
                "country": case.country,
                "sector": i18n.tr(f"sector.{case.sector}", lang).lower(),
            },
            "customer": {k: customer.get(k) or "" for k in ("name", "address", "email", "phone")},
            "stats": figures,
            "since": day(stats.first_day),
            "last_contact": day(stats.last_day),
            "chronology": chronology,
            "chronology_omitted": max(0, len(events) - len(evidence)),
            "timeline_count": len(events),
            "promises": promises,
            "promises_omitted": promises_omitted,
            "broken_promises": [dict(p) for p in every_promise if p["broken"]],
            "kept_promises": [dict(p) for p in every_promise if p["state"] == "kept"],
            "num": lambda n: i18n.format_number(n, locale),
            "reply_by": day(today + timedelta(days=reply_days)),
            "reply_days": reply_days,
            "written_complaint_on": day(written.taken_on) if written and written.taken_on else "",
            "ombudsman": views.step(ombudsman, lang, day) if ombudsman else None,
            "next_step": views.step(next_state, lang, day) if next_state else None,
            "this_step": views.step(step_for_kind, lang, day) if step_for_kind else None,
            "legal": [item["text"][lang] for item in state.legal],
            "variant": seed % 1000,
            "plural": i18n.plural_words(lang),
            "sep": PART,
            "fingerprint": _fingerprint(case),
        }
        if kind in LETTERS:
            context.update(
                letter_facts(case, kind, today, lang, form, events, steps, facts.prepared.written)
            )
            context["topic"] = self._topic(case, lang, form)
            for ask in context["demand"]["asks"]:
                ask["quote_lang"] = views.other_language(
                    ask["text"], lang, TITLE_WORDS, case.language
                )
        if kind == "call-recap":
            context["call"] = views.call(
                facts.events, facts.prepared.calls, event_id, lang, clean, public, locale
            )
            context["call"]["quote_lang"] = views.other_language(
                context["call"]["summary"], lang, hint=case.language
            )
            for promise in context["call"]["promise_views"]:
                promise["quote_lang"] = views.other_language(
                    promise["text"], lang, TITLE_WORDS, case.language
                )
            context["call_age_days"] = (today - context["call"].pop("day")).days
        return context

    def kept(self, case: Case, today: date, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per case version and day (a post's figures, say)."""
        key = (*_version(case, today), name)
        if key not in self._kept:
            if len(self._kept) >= 16:
                self._kept.pop(next(iter(self._kept)))
            self._kept[key] = (case, make())  # the case is held so that its id() is not reused
        return self._kept[key][1]

    def _facts(self, case: Case, today: date) -> _Facts:
        """The language-free facts of ``case`` on ``today``, computed once per case version.

        Changing the kind, the language or the platform in the composer renders
        again from these, which keeps every rendering after the first fast. A case
        is treated as a value: after an edit, load it again from the store.
        """
        key = _version(case, today)
        facts = self._cache.get(key)
        if facts is None:
            ladder = self.ladders.for_case(case)
            prepared = Prepared(case, today)
            events = prepared.events
            facts = _Facts(
                case=case,
                stats=compute(case, today),
                ladder=ladder,
                state=evaluate(ladder, case, today),
                entries=ledger(case, today),
                events=events,
                evidence=views.evidence(events),
                prepared=prepared,
            )
            if len(self._cache) >= 8:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = facts
        return facts

    def _topic(self, case: Case, lang: str, form) -> dict[str, str]:
        """The letter's subject: the case's title, or its problem in words when the title
        is in the other language; ``quote_lang`` names that language."""
        other = views.other_language(case.title, lang, TITLE_WORDS, case.language)
        # a title in the other language, or one that went stale, gives way to the problem
        plain = other or stale_phrase(case.title)
        return {
            "text": form.word(f"problem_{case.problem or 'other'}") if plain else case.title,
            "title": case.title,
            "quote_lang": other,
        }
