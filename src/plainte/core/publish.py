"""Render a public kind: the post (or X thread) from the figures, redacted and checked.

Kept apart from :mod:`plainte.core.compose`, which renders letters: a public
text gets a context with no private field at all (see :mod:`plainte.core.posts`),
every part is redacted, French typography is applied, and the result carries its
tone flags and leaks so the composer can show them. :func:`check` re-runs the
same checks on a text the person edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from plainte.core import i18n
from plainte.core.compose import PART, Composer, Composition
from plainte.core.figures import compute as compute_figures
from plainte.core.model import Case
from plainte.core.platforms import PLATFORMS, Platform, fit
from plainte.core.posts import phrases, post_context
from plainte.core.redact import Redactor
from plainte.core.tone import Flag
from plainte.core.tone import check as tone_check

THREAD_PLATFORMS = frozenset({"x"})
"""Networks where a long saga is told as a numbered thread rather than cut."""
MAX_THREAD = 5


@dataclass
class Check:
    """What a public text holds against its platform and the case's private data."""

    count: int
    limit: int
    fits: bool
    leaks: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)


def thread(parts: list[tuple[str, bool]], platform: Platform) -> list[str]:
    """``parts`` as a numbered thread ("1/3"), each post within ``platform``'s limit.

    Parts are never split between posts; optional parts are dropped, last first,
    if the thread would grow past :data:`MAX_THREAD` posts.
    """
    keep = [p for p in parts if p[0].strip()]
    while True:
        posts: list[str] = []
        for text, _ in keep:
            candidate = f"{posts[-1]} {text}" if posts else text
            if posts and platform.fits(candidate + " 9/9"):
                posts[-1] = candidate
            else:
                fits = platform.fits(text + " 9/9")
                posts.append(text if fits else fit([(text, False)], _room(platform)))
        optional = [i for i, (_, opt) in enumerate(keep) if opt]
        if len(posts) <= MAX_THREAD or not optional:
            break
        del keep[optional[-1]]
    if len(posts) == 1:
        return posts
    return [f"{post} {i}/{len(posts)}" for i, post in enumerate(posts, 1)]


def _dropped(parts: list[tuple[str, bool]], post: str) -> int:
    """How many of ``parts`` did not make it into ``post``."""
    return sum(text not in post for text, _ in parts)


def _room(platform: Platform) -> Platform:
    return Platform(platform.id, platform.name, platform.limit - 4)


def _parts(text: str, clean: Redactor, lang: str) -> list[tuple[str, bool]]:
    parts = []
    for raw in (x.strip() for x in text.split(PART)):
        if not raw:
            continue
        optional = raw.startswith("?")
        # collapse layout whitespace only: no-break spaces ("4 h 5 min") stay
        body = clean(re.sub(r"[ \t\r\n]+", " ", raw.lstrip("?")).strip())
        if lang == "fr":
            body = i18n.french_typography(body)
        if body:
            parts.append((body, optional))
    return parts


def _broken_promises(case: Case, today: date, clean: Redactor) -> list[str]:
    """The texts of the promises broken by ``today``, redacted."""
    return [
        clean(pr.text)
        for e in case.events
        if e.at.day <= today
        for pr in e.promises
        if pr.is_broken(today)
    ]


def compose_post(
    composer: Composer,
    case: Case,
    kind: str,
    today: date,
    lang: str,
    platform: str,
    *,
    quote: bool = False,
):
    """Render the public ``kind`` for ``platform``: a post, or a thread on X for a long saga."""
    # the figures, the redaction rules and the broken promises, once per case version
    fig = composer.kept(case, today, "figures", lambda: compute_figures(case, today))
    clean = composer.kept(case, today, "redactor", lambda: Redactor(case))
    p = post_context(case, kind, platform, fig, lang)
    quoted = {
        "title": clean(case.title) if quote else "",
        "promises": list(
            composer.kept(case, today, "broken", lambda: _broken_promises(case, today, clean))
        )
        if quote
        else [],
    }
    context = {
        "p": p,
        "n": p["n"],
        "w": p["w"],
        "quote": quoted,
        "lang": lang,
        "plural": i18n.plural_words(lang),
        "num": lambda value: i18n.format_number(value, lang),
        "sep": PART,
    }
    name = composer.template_name(kind, lang)
    text, warnings = composer.render_template(name, context)
    target = PLATFORMS[platform]
    parts = _parts(text, clean, lang)
    posts = [fit(parts, target)]
    if platform in THREAD_PLATFORMS and _dropped(parts, posts[0]) >= 2:
        # a long saga: tell it all in a numbered thread rather than cut two points
        posts = thread(parts, target)
    body = "\n\n".join(posts)
    flags = tone_check(body, lang, phrases(fig, lang))
    return Composition(
        kind,
        lang,
        body,
        platform=platform,
        count=max(target.count(post) for post in posts),
        limit=target.limit,
        template=name,
        warnings=warnings,
        posts=posts,
        flags=flags,
    )


def check(
    text: str,
    case: Case,
    platform: str,
    lang: str,
    today: date,
    *,
    clean: Redactor | None = None,
    factual: dict[str, str] | None = None,
) -> Check:
    """Re-check an edited public text: its length per post, private data and loaded words.

    A text of several posts (an X thread) is split at blank lines and each post
    is counted against the limit; ``count`` is the longest. ``clean`` and
    ``factual`` (the case's :class:`Redactor` and :func:`phrases`) may be given
    by a caller that checks at every keystroke, so a long saga is read once.
    """
    target = PLATFORMS[platform]
    posts = [p for p in text.split("\n\n") if p.strip()] or [""]
    counts = [target.count(p.strip()) for p in posts]
    if factual is None:
        factual = phrases(compute_figures(case, today), lang)
    return Check(
        count=max(counts),
        limit=target.limit,
        fits=all(target.fits(p.strip()) for p in posts),
        leaks=(clean or Redactor(case)).leaks(text),
        flags=tone_check(text, lang, factual),
    )
