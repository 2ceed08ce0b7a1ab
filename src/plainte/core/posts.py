"""What a public post says: the case's contrasts, ranked, and its figures in words.

Public kinds (``public-post``, ``satire``) are built from figures
(:mod:`plainte.core.figures`), never from the person's free text unless they
choose to quote it. The strongest contrast leads; the templates in
``templates/posts/`` hold the sentences, several hand-written variants per
contrast, language and network.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from plainte.core import i18n
from plainte.core.figures import Figures
from plainte.core.model import WANT_KINDS, Case, CaseStatus

MEASURED = frozenset({"linkedin", "facebook"})
"""Networks where people write in a measured tone, under their professional name."""


@dataclass(frozen=True)
class Contrast:
    """One point a post can make: its id, how strong it is, and whether it holds."""

    id: str
    score: float


def contrasts(fig: Figures) -> list[Contrast]:
    """The points ``fig`` supports, strongest first.

    The ranking, from the seeds of the product: a promise broken at every hour
    but the agreed one, or a private message ignored until the public post,
    outrank everything; then silent calls, "call us" answers to a written
    request, a slow private answer against a fast public one, broken promises,
    time on hold, and last the day count, which every saga has.
    """
    found: list[Contrast] = []
    private, public = fig.private_wait, fig.public_wait
    window = fig.window
    if window and window.outside >= 2:
        found.append(Contrast("window_calls", 90 + min(window.outside, 9)))
    if (
        private
        and public
        and public.answered
        and private.went_public
        and private.minutes >= 2 * max(public.minutes, 1)
    ):
        found.append(
            Contrast("ignored_until_public", 90 + min(private.minutes / max(public.minutes, 1), 9))
        )
    if fig.calls_without_message >= 3:
        found.append(Contrast("silent_calls", 70 + min(fig.calls_without_message, 19)))
    if fig.call_us:
        found.append(Contrast("call_us", 60 + min(fig.call_us, 9)))
    if (
        private
        and public
        and private.answered
        and public.answered
        and private.minutes >= 4 * max(public.minutes, 1)
    ):
        found.append(
            Contrast("slow_private", 55 + min(private.minutes / max(public.minutes, 1) / 20, 5))
        )
    if fig.promises_broken:
        found.append(Contrast("broken_promises", 50 + min(fig.promises_broken, 9)))
    if fig.hold_minutes >= 30:
        found.append(Contrast("hold", 40 + min(fig.hold_minutes / 60, 9)))
    found.append(Contrast("days", 10))
    return sorted(found, key=lambda c: -c.score)


def duration(minutes: int, lang: str) -> str:
    """A wait in words, exact to the minute below three days: "4 h 5 min", "35 minutes"."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return i18n.trn("plural.minutes", minutes, lang)
    if hours < 72:
        if rest == 0:
            return i18n.trn("posts.hours", hours, lang)
        return i18n.tr(
            "posts.hours_minutes",
            lang,
            hours=i18n.trn("posts.hours_part", hours, lang),
            minutes=i18n.trn("posts.minutes_part", rest, lang),
        )
    days = hours // 24
    return i18n.trn("posts.days_over" if hours % 24 or rest else "plural.days", days, lang)


def clock(text: str, lang: str) -> str:
    """A local time of a window ("17:00") as the language writes it: "17 h", "5 pm"."""
    hours, minutes = (int(x) for x in text.split(":"))
    if lang == "fr":
        return f"{hours}\u00a0h" + (f"\u00a0{minutes:02d}" if minutes else "")
    suffix = "am" if hours < 12 else "pm"
    hour = hours % 12 or 12
    return f"{hour}{f':{minutes:02d}' if minutes else ''}\u00a0{suffix}"


def numbers(fig: Figures) -> dict[str, object]:
    """The raw figures the templates test (counts, flags)."""
    window = fig.window
    private, public = fig.private_wait, fig.public_wait
    return {
        "days": fig.days,
        "calls": fig.calls_received,
        "silent": fig.calls_without_message,
        "peak": fig.peak_calls,
        "span": fig.call_span_days,
        "silent_days": len(fig.silent_days),
        "window_calls": window.calls if window else 0,
        "outside": window.outside if window else 0,
        "inside": (window.calls - window.outside) if window else 0,
        "outside_silent": window.without_message if window else 0,
        "call_us": fig.call_us,
        "hold": fig.hold_minutes,
        "promises": fig.promises,
        "broken": fig.promises_broken,
        "private_answered": bool(private and private.answered),
        "private_minutes": private.minutes if private else 0,
        "public_minutes": public.minutes if public else 0,
    }


def words(fig: Figures, lang: str) -> dict[str, str]:
    """The figures written in ``lang``: durations, days, the window, the private channel."""
    window = fig.window
    private, public = fig.private_wait, fig.public_wait
    return {
        "private_wait": duration(private.minutes, lang) if private else "",
        "public_wait": duration(public.minutes, lang) if public else "",
        "private_channel": i18n.tr(f"posts.private_channel.{private.channel}", lang)
        if private
        else "",
        "private_day": i18n.format_date(private.sent, lang) if private else "",
        "peak_day": _day_month(fig.peak_day, lang) if fig.peak_day else "",
        "window": i18n.tr(
            "posts.window", lang, start=clock(window.start, lang), end=clock(window.end, lang)
        )
        if window
        else "",
        "start": clock(window.start, lang) if window else "",
        "end": clock(window.end, lang) if window else "",
        "hold": duration(fig.hold_minutes, lang),
    }


def _day_month(day: date, lang: str) -> str:
    months = i18n.lookup("months", lang)
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {months[day.month - 1]}"
    return f"{months[day.month - 1]} {day.day}"


def phrases(fig: Figures, lang: str) -> dict[str, str]:
    """Short factual phrases the tone check proposes ("13 calls in 4 days, no message")."""
    n, w = numbers(fig), words(fig, lang)
    days = i18n.tr("posts.phrase.days", lang, n=n["days"])
    found = {
        "calls": i18n.trn(
            "posts.phrase.calls", n["silent"], lang, span=i18n.trn("plural.days", n["span"], lang)
        )
        if n["silent"]
        else days,
        "promises": i18n.trn("posts.phrase.promises", n["broken"], lang, total=n["promises"])
        if n["broken"]
        else days,
    }
    if n["outside"]:
        found["calls"] = i18n.trn("posts.phrase.window", n["outside"], lang, window=w["window"])
    if fig.private_wait and fig.public_wait and fig.private_wait.went_public:
        found["lead"] = i18n.tr(
            "posts.phrase.private", lang, wait=w["private_wait"], public=w["public_wait"]
        )
    else:
        found["lead"] = found["calls"] if n["silent"] else found["promises"]
    return found


def asks(case: Case, fig: Figures) -> list[str]:
    """What the post asks for: the case's ``wants`` first, else what the figures call for."""
    if case.status is not CaseStatus.OPEN:
        return []
    wanted = [w.kind for w in case.wants if w.kind in ASKS]
    if wanted:
        return wanted[:2]
    found = []
    if fig.window and fig.window.outside:
        found.append("stop_calls")
    if fig.call_us or (fig.private_wait and not fig.private_wait.answered):
        found.append("written_answer")
    if case.problem == "no_service":
        found.insert(0, "repair")
    return found[:2] or ["written_answer"]


ASKS = tuple(kind for kind in WANT_KINDS if kind != "other")
"""The asks a post knows how to word (a case's ``wants`` kinds, but ``other``)."""


def variant(case: Case, kind: str, platform: str, fig: Figures) -> int:
    """A number that picks the wording: differs by case, kind, network and figures."""
    key = f"{case.id}|{kind}|{platform}|{sorted(numbers(fig).items())}"
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


def post_context(case: Case, kind: str, platform: str, fig: Figures, lang: str) -> dict:
    """Everything a post template uses besides the case basics."""
    ranked = contrasts(fig)
    return {
        "who": case.handle(platform) or case.provider,
        "network": platform,
        "measured": platform in MEASURED,
        "lead": ranked[0].id,
        "support": [c.id for c in ranked[1:]],
        "n": numbers(fig),
        "w": words(fig, lang),
        "asks": asks(case, fig),
        "v": variant(case, kind, platform, fig),
        "open": case.status is CaseStatus.OPEN,
    }


@dataclass(frozen=True)
class Highlight:
    """One contrast figure for the figures tab and the saga card."""

    key: str
    value: str
    caption: str
    sentence: str


def highlights(fig: Figures, lang: str) -> list[Highlight]:
    """The contrast figures that hold for this case, strongest first."""
    n, w = numbers(fig), words(fig, lang)
    private, public = fig.private_wait, fig.public_wait
    found: dict[str, Highlight] = {}
    if private:
        state = "went_public" if private.went_public else "answered" if private.answered else "open"
        found["private"] = Highlight(
            "private",
            w["private_wait"],
            i18n.tr(f"posts.figure.private_{state}", lang, channel=w["private_channel"]),
            i18n.tr(f"posts.card.private_{state}", lang, wait=w["private_wait"]),
        )
    if public:
        state = "answered" if public.answered else "open"
        found["public"] = Highlight(
            "public",
            w["public_wait"],
            i18n.tr(f"posts.figure.public_{state}", lang),
            i18n.tr(f"posts.card.public_{state}", lang, wait=w["public_wait"]),
        )
    if fig.window and fig.window.calls:
        found["window"] = Highlight(
            "window",
            f"{n['outside']}/{n['window_calls']}",
            i18n.tr("posts.figure.window", lang, window=w["window"]),
            i18n.trn("posts.phrase.window", n["outside"], lang, window=w["window"]),
        )
    if n["silent"]:
        found["silent"] = Highlight(
            "silent",
            str(n["peak"]),
            i18n.trn("posts.figure.peak", n["peak"], lang, day=w["peak_day"], total=n["silent"]),
            phrases(fig, lang)["calls"]
            if not n["outside"]
            else i18n.trn(
                "posts.phrase.calls",
                n["silent"],
                lang,
                span=i18n.trn("plural.days", n["span"], lang),
            ),
        )
    if n["call_us"]:
        found["call_us"] = Highlight(
            "call_us",
            str(n["call_us"]),
            i18n.trn("posts.figure.call_us", n["call_us"], lang),
            i18n.trn("posts.card.call_us", n["call_us"], lang),
        )
    if n["hold"]:
        found["hold"] = Highlight(
            "hold",
            w["hold"],
            i18n.tr("posts.figure.hold", lang),
            i18n.tr("posts.card.hold", lang, wait=w["hold"]),
        )
    if n["promises"]:
        found["broken"] = Highlight(
            "broken",
            f"{n['broken']}/{n['promises']}",
            i18n.tr("posts.figure.broken", lang),
            i18n.trn("posts.phrase.promises", n["broken"], lang, total=n["promises"]),
        )
    order = {
        "window_calls": ["window", "silent"],
        "ignored_until_public": ["private", "public"],
        "slow_private": ["private", "public"],
        "silent_calls": ["silent"],
        "call_us": ["call_us"],
        "broken_promises": ["broken"],
        "hold": ["hold"],
    }
    ranked = [key for c in contrasts(fig) for key in order.get(c.id, [])]
    ranked += [k for k in ("private", "public", "window", "silent", "call_us", "hold", "broken")]
    seen: list[str] = []
    for key in ranked:
        if key in found and key not in seen:
            seen.append(key)
    return [found[k] for k in seen]
