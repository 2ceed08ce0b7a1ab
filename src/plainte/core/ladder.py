"""Escalation ladders: data in ``ladders/*.yaml``, and the engine that dates each step.

A ladder lists, for a jurisdiction and its sectors, the ordered steps of a
complaint. Each step says what opens it (rules such as "one month after the
written complaint" or "two months after it with no answer at all"), by when it
must be taken, where to go and which letter serves it. The engine reads the
case's events and says, as of a day, whether each step is done, open, waiting
for its date, or later. Facts come from the sources each file cites.

Facts are dated (``core/dated.py``): a rule, a legal reference or a switching
fact may carry ``from:`` and ``until:``. A waiting period is judged on the day
of the step it counts from (a UK complaint of March 2026 waits eight weeks, one
of May 2026 six); references and switching facts on the day the case is judged
(today while it runs, its last day once it ended). Each file says when it was
last ``reviewed:``; a file not reviewed for a year says whom to check with.

A step is done by what the person says: an event marked as the step it
accomplishes (``Event.step``). An event that merely looks like the step (an
outgoing e-mail for a written complaint) only *suggests* it: the step is not
done (``suggested_on`` and ``suggested_by_event`` name that event), and later
steps are dated from it until the person confirms it or marks another. A
step any contact accomplishes (the first contact) needs no confirming. An
ended case (switched, resolved, abandoned) closes the steps not taken
(``closed``); a case ended by switching took the switch step (``ENDED_BY``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from plainte.core import dated, model, parsed_cache, yamlfile
from plainte.core.dates import shift
from plainte.core.errors import PlainteError
from plainte.core.model import STEP_ID, Case, CaseStatus, Channel, Direction, Event
from plainte.core.resources import data_folder

TYPE_CHECKING = False  # typing costs 3 ms of every call; it is only read by type checkers
if TYPE_CHECKING:
    from typing import Any

KINDS = (
    "provider",
    "provider_escalation",
    "adr",
    "regulator_report",
    "formal_notice",
    "court",
    "switch",
)
LETTER_KINDS = (
    "complaint",
    "formal-notice",
    "ombudsman",
    "cancellation",
    "call-recap",
    "public-post",
    "satire",
)
TELECOM = ("mobile", "internet", "landline", "tv")
ENDED_BY = {CaseStatus.SWITCHED: "switch"}
"""The step kind an ending takes: a saga ended by switching took the switch step that day."""
_PERIODS = ("days", "weeks", "months", "years")
_DATES = ("from", "until")
_LANGS = ("fr", "en")
_LADDER_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_JURISDICTION = re.compile(r"[A-Z]{2}(-[A-Z0-9]{1,3})?")
_BODY_TEXTS = ("name", "url", "address", "phone", "email")


class LadderError(PlainteError):
    """A ladder file that breaks the schema: ``path``, ``line`` and what is wrong."""

    def __init__(self, path: Path, line: int, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.path = path
        self.line = line

    def __str__(self) -> str:
        from plainte.core.i18n import tr

        what = tr(f"errors.ladder.{self.key}", **self.params)
        return tr("errors.ladder_at", path=self.path, line=self.line, what=what)


Text = dict[str, str]
"""A text in each language: ``{"fr": …, "en": …}``."""


@dataclass
class Rule:
    """One way a step opens (or its deadline): a period after another step's date."""

    after: str | None
    days: int = 0
    weeks: int = 0
    months: int = 0
    years: int = 0
    on_answer: bool = False
    no_answer: bool = False
    why: Text | None = None
    may_refuse: bool = False
    """For a deadline: past it the body *may* refuse the case; it is not bound to."""
    valid_from: date | None = None
    valid_until: date | None = None

    def in_force(self, day: date) -> bool:
        """Whether the rule applies to a period counted from ``day``."""
        return dated.in_force({"from": self.valid_from, "until": self.valid_until}, day)


@dataclass
class Step:
    id: str
    kind: str
    title: Text
    action: Text
    sources: list[str]
    body: dict[str, Any] = field(default_factory=dict)
    letter: str | None = None
    parallel: bool = False
    done_by: dict[str, Any] | None = None
    opens: list[Rule] = field(default_factory=list)
    deadline: Rule | None = None
    documents: list[dict[str, Any]] = field(default_factory=list)
    check: Text | None = None


@dataclass
class Ladder:
    id: str
    jurisdiction: str
    sectors: tuple[str, ...]
    title: Text
    sources: dict[str, dict[str, str]]
    steps: list[Step]
    switching: dict[str, Any] = field(default_factory=dict)
    legal: list[dict[str, Any]] = field(default_factory=list)
    path: Path | None = None
    reviewed: date | None = None
    check_with: Text | None = None

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def legal_on(self, day: date) -> list[dict[str, Any]]:
        """The legal references in force on ``day``."""
        return dated.on(self.legal, day)

    def switching_on(self, day: date) -> dict[str, Any]:
        """The switching facts in force on ``day``: one entry per key (a list for checklists).

        A key may hold several dated versions of a fact; the one in force wins.
        """
        found: dict[str, Any] = {}
        for key, value in self.switching.items():
            if key == "checklist":
                found[key] = dated.on(value, day)
                continue
            versions = dated.on(value if isinstance(value, list) else [value], day)
            if versions:
                found[key] = versions[-1]
        return found

    def stale(self, today: date) -> bool:
        """Not reviewed for more than a year on ``today``."""
        return dated.stale(self.reviewed, today)


# Reading and checking -------------------------------------------------------------


class _Checker:
    """Builds a :class:`Ladder` from parsed YAML, refusing the first fault at its line."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, node: Any, key: str | None, what: str, **params: object) -> LadderError:
        params.setdefault("field", key or "")
        return LadderError(self.path, yamlfile.line_of(node, key), what, **params)

    def mapping(self, node: Any, parent: Any, key: str) -> dict:
        if not isinstance(node, dict):
            raise self.fail(parent, key, "not_mapping")
        return node

    def required(self, node: dict, key: str) -> Any:
        if key not in node or node[key] in (None, "", [], {}):
            raise self.fail(node, None, "missing", field=key)
        return node[key]

    def text(self, node: dict, key: str, *, required: bool = True) -> Text | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if value is None:
            raise self.fail(node, None, "missing", field=key)
        if isinstance(value, str):
            return {lang: value for lang in _LANGS}
        if not isinstance(value, dict) or any(
            not isinstance(value.get(lang), str) or not value[lang].strip() for lang in _LANGS
        ):
            raise self.fail(node, key, "not_text")
        return {lang: value[lang] for lang in _LANGS}

    def rule(self, node: Any, parent: dict, key: str, steps: set[str]) -> Rule:
        data = self.mapping(node, parent, key)
        unknown = set(data) - {
            "after",
            *_PERIODS,
            "on_answer",
            "no_answer",
            "may_refuse",
            "why",
            *_DATES,
        }
        if unknown:
            raise self.fail(data, sorted(unknown)[0], "unknown_field")
        after = data.get("after")
        if after is not None and after != "first_event" and after not in steps:
            raise self.fail(data, "after", "unknown_step", step=after)
        periods = {}
        for name in _PERIODS:
            value = data.get(name, 0)
            if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3650:
                raise self.fail(data, name, "bad_period")
            periods[name] = value
        for flag in ("on_answer", "no_answer", "may_refuse"):
            if not isinstance(data.get(flag, False), bool):
                raise self.fail(data, flag, "not_boolean")
        start, end = self.dates(data)
        return Rule(
            after=None if after in (None, "first_event") else after,
            valid_from=start,
            valid_until=end,
            on_answer=data.get("on_answer", False),
            no_answer=data.get("no_answer", False),
            may_refuse=data.get("may_refuse", False),
            why=self.text(data, "why", required=False),
            **periods,
        )

    def date(self, node: dict, key: str, *, required: bool = False) -> date | None:
        value = node.get(key)
        if value is None and not required:
            return None
        if value is None:
            raise self.fail(node, None, "missing", field=key)
        if not isinstance(value, date) or isinstance(value, datetime):
            raise self.fail(node, key, "bad_date")
        return value

    def dates(self, node: dict) -> tuple[date | None, date | None]:
        """An item's ``from`` and ``until`` (each optional), in order."""
        start, end = self.date(node, "from"), self.date(node, "until")
        if start and end and end < start:
            raise self.fail(node, "until", "bad_date")
        return start, end

    def ladder(self, top: Any) -> Ladder:
        if not isinstance(top, dict):
            raise LadderError(self.path, 1, "not_mapping", field="")
        ladder_id = self.required(top, "id")
        if not isinstance(ladder_id, str) or not _LADDER_ID.fullmatch(ladder_id):
            raise self.fail(top, "id", "bad_ladder_id", value=str(ladder_id)[:40])
        jurisdiction = self.required(top, "jurisdiction")
        if jurisdiction != "*" and not (
            isinstance(jurisdiction, str) and _JURISDICTION.fullmatch(jurisdiction)
        ):
            raise self.fail(top, "jurisdiction", "bad_jurisdiction", value=str(jurisdiction)[:40])
        sectors = self.required(top, "sectors")
        if not isinstance(sectors, list) or not all(isinstance(s, str) for s in sectors):
            raise self.fail(top, "sectors", "not_list")
        sources = self.mapping(self.required(top, "sources"), top, "sources")
        for key, source in sources.items():
            source = self.mapping(source, sources, key)
            if not isinstance(source.get("title"), str):
                raise self.fail(source, None, "missing", field="title")
            if not isinstance(source.get("url", ""), str):
                raise self.fail(source, "url", "not_text")
        raw_steps = self.required(top, "steps")
        if not isinstance(raw_steps, list):
            raise self.fail(top, "steps", "not_list")
        ids: list[str] = []
        for raw in raw_steps:
            step = self.mapping(raw, top, "steps")
            step_id = self.required(step, "id")
            if not isinstance(step_id, str) or not STEP_ID.fullmatch(step_id):
                raise self.fail(step, "id", "bad_step_id", step=step_id)
            if step_id in ids:
                raise self.fail(step, "id", "duplicate_step", step=step_id)
            ids.append(step_id)
        steps = [self.step(raw, set(ids), sources) for raw in raw_steps]
        switching = top.get("switching") or {}
        if switching:
            self.mapping(switching, top, "switching")
            for key, item in switching.items():
                items = item if isinstance(item, list) else [item]
                for entry in items:
                    entry = self.mapping(entry, switching, key)
                    entry["text"] = self.text(entry, "text")
                    self.dates(entry)
                    if key != "checklist" or "sources" in entry:  # advice needs no source
                        self.cited(entry, sources)
        legal = top.get("legal") or []
        if not isinstance(legal, list):
            raise self.fail(top, "legal", "not_list")
        for entry in legal:
            entry = self.mapping(entry, top, "legal")
            entry["text"] = self.text(entry, "text")
            self.dates(entry)
            self.cited(entry, sources)
        return Ladder(
            id=str(ladder_id),
            jurisdiction=str(jurisdiction),
            sectors=tuple(sectors),
            title=self.text(top, "title"),
            sources={k: dict(v) for k, v in sources.items()},
            steps=steps,
            switching=switching,
            legal=legal,
            path=self.path,
            reviewed=self.date(top, "reviewed"),
            check_with=self.text(top, "check_with", required=False),
        )

    def cited(self, node: dict, sources: dict) -> list[str]:
        cited = self.required(node, "sources")
        if not isinstance(cited, list):
            raise self.fail(node, "sources", "not_list")
        for key in cited:
            if not isinstance(key, str) or key not in sources:  # a mapping cannot name one
                raise self.fail(node, "sources", "unknown_source", source=key)
        return list(cited)

    def document(self, raw: Any, step: dict) -> dict[str, Any]:
        """A document the body asks for, with what in the saga shows it is there."""
        if not isinstance(raw, (str, dict)):
            raise self.fail(step, "documents", "not_text", field="documents")
        text = self.text({"documents": raw}, "documents") if isinstance(raw, str) else None
        if text is None:
            if not all(isinstance(raw.get(lang), str) for lang in _LANGS):
                raise self.fail(raw, None, "not_text", field="documents")
            text = {lang: raw[lang] for lang in _LANGS}
        evidence = raw.get("evidence") if isinstance(raw, dict) else None
        if evidence is not None:
            self.mapping(evidence, raw, "evidence")
            unknown = set(evidence) - {"step", "answers", "letters", "calls", "files"}
            if unknown:
                raise self.fail(evidence, sorted(unknown)[0], "unknown_field")
            if not isinstance(evidence.get("step", ""), str):
                raise self.fail(evidence, "step", "not_text")
            for flag in ("answers", "letters", "calls"):
                if not isinstance(evidence.get(flag, False), bool):
                    raise self.fail(evidence, flag, "not_boolean")
            files = evidence.get("files", [])
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                raise self.fail(evidence, "files", "not_list")
        return {**text, "evidence": evidence or {}}

    def body(self, body: dict) -> None:
        """Where to go: texts (name, url, address…), and ``bodies`` when there are several."""
        for key in _BODY_TEXTS:
            if not isinstance(body.get(key, ""), str):
                raise self.fail(body, key, "not_text")
        bodies = body.get("bodies", [])
        if not isinstance(bodies, list):
            raise self.fail(body, "bodies", "not_list")
        for item in bodies:
            self.body(self.mapping(item, body, "bodies"))
            if not isinstance(item.get("name"), str):
                raise self.fail(item, None, "missing", field="name")

    def step(self, step: dict, ids: set[str], sources: dict) -> Step:
        kind = self.required(step, "kind")
        if kind not in KINDS:
            raise self.fail(step, "kind", "bad_kind", value=kind, allowed=", ".join(KINDS))
        letter = step.get("letter")
        if letter is not None and letter not in LETTER_KINDS:
            raise self.fail(step, "letter", "bad_letter", value=letter)
        opens_raw = step.get("opens") or []
        if not isinstance(opens_raw, list):
            raise self.fail(step, "opens", "not_list")
        done_by = step.get("done_by")
        if done_by is not None:
            done_by = self.mapping(done_by, step, "done_by")
            channels = done_by.get("channels", [])
            valid = {c.value for c in Channel}
            if not isinstance(channels, list) or any(c not in valid for c in channels):
                raise self.fail(done_by, "channels", "bad_channels")
            if done_by.get("direction", "out") not in ("in", "out"):
                raise self.fail(done_by, "direction", "bad_direction")
        body = step.get("body") or {}
        self.body(self.mapping(body, step, "body"))
        if not isinstance(step.get("parallel", False), bool):
            raise self.fail(step, "parallel", "not_boolean")
        documents = step.get("documents") or []
        if not isinstance(documents, list):
            raise self.fail(step, "documents", "not_list")
        return Step(
            id=step["id"],
            kind=kind,
            title=self.text(step, "title"),
            action=self.text(step, "action"),
            sources=self.cited(step, sources),
            body=dict(body),
            letter=letter,
            parallel=bool(step.get("parallel", False)),
            done_by=done_by,
            opens=[self.rule(r, step, "opens", ids) for r in opens_raw],
            deadline=self.rule(step["deadline"], step, "deadline", ids)
            if step.get("deadline")
            else None,
            documents=[self.document(d, step) for d in documents],
            check=self.text(step, "check", required=False),
        )


def read_ladder(path: Path) -> Ladder:
    """Read and check one ladder file (its checked result kept between runs while unchanged).

    Raises:
        LadderError: with the file, the line and what is wrong.
    """
    try:
        return parsed_cache.load_checked(
            "ladder", path, lambda raw: _check(path, raw), _CHECKING_CODE, (Ladder, Step, Rule)
        )
    except OSError as exc:
        raise LadderError(path, 0, "unreadable", detail=str(exc)) from None


_CHECKING_CODE = (__file__, yamlfile.__file__, dated.__file__, model.__file__)
"""The sources whose change may change a checked ladder: its kept copies are keyed by them."""


def _check(path: Path, raw: bytes) -> Ladder:
    """The ladder in ``raw`` (the bytes of ``path``), parsed and checked."""
    try:
        top = yamlfile.parse(raw)
    except yamlfile.YamlError as exc:
        raise LadderError(path, exc.line, "not_yaml", detail=exc.detail) from None
    except UnicodeDecodeError as exc:
        raise LadderError(path, 0, "unreadable", detail=str(exc)) from None
    return _Checker(path).ladder(top)


@dataclass
class LadderSet:
    """The ladders in force: the built-in ones, replaced or completed by the person's."""

    ladders: list[Ladder]
    problems: list[LadderError]

    def for_case(self, case: Case) -> Ladder:
        """The ladder of the case's jurisdiction and sector, else the generic one."""
        for ladder in self.ladders:
            if ladder.jurisdiction == case.country and (
                case.sector in ladder.sectors or "*" in ladder.sectors
            ):
                return ladder
        return next(lad for lad in self.ladders if lad.jurisdiction == "*")


def load_ladders(user_dir: Path | None = None) -> LadderSet:
    """The built-in ladders, with those of ``user_dir`` (same id: replaced; new: added).

    A user file that breaks the schema is left out and reported in ``problems``.
    """
    by_id: dict[str, Ladder] = {}
    for path in sorted(data_folder("ladders").glob("*.yaml")):
        ladder = read_ladder(path)
        by_id[ladder.id] = ladder
    problems: list[LadderError] = []
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.yaml")):
            try:
                ladder = read_ladder(path)
                _check_replacement(ladder, by_id.get(ladder.id))
            except LadderError as exc:
                problems.append(exc)
                continue
            by_id[ladder.id] = ladder
    # a person's ladder comes first, so it wins over a built-in one for the same place
    ordered = sorted(by_id.values(), key=lambda lad: lad.path is None or _is_builtin(lad))
    return LadderSet(ladders=ordered, problems=problems)


def _check_replacement(ladder: Ladder, replaced: Ladder | None) -> None:
    """A person's ladder may replace a built-in one only for the same place.

    ``id: generic`` with ``jurisdiction: FR`` would take the generic ladder
    away from every country without its own: refused, with a hint.
    """
    if replaced is None or replaced.jurisdiction == ladder.jurisdiction or ladder.path is None:
        return
    raise LadderError(
        ladder.path,
        _id_line(ladder.path),
        "id_taken",
        value=ladder.id,
        other=replaced.jurisdiction,
        jurisdiction=ladder.jurisdiction,
        example=f"{ladder.jurisdiction.lower().replace('*', 'all')}-mine",
    )


def _id_line(path: Path) -> int:
    try:
        return yamlfile.line_of(yamlfile.load(path), "id")
    except (OSError, UnicodeDecodeError, yamlfile.YamlError):
        return 0


def _is_builtin(ladder: Ladder) -> bool:
    return ladder.path is not None and ladder.path.parent == data_folder("ladders")


# The engine ----------------------------------------------------------------------


@dataclass
class StepState:
    """Where a step stands on ``today``."""

    step: Step
    status: str  # done | open | waiting | later (the command line's contract)
    done_on: date | None = None
    opens_on: date | None = None
    deadline: date | None = None
    why: Text | None = None
    done_by_event: str | None = None
    suggested_on: date | None = None
    suggested_by_event: str | None = None
    closed: bool = False  # not taken: the case ended before

    @property
    def taken_on(self) -> date | None:
        """The day the step was done, or looks done (what letters and forms date from)."""
        return self.done_on or self.suggested_on

    @property
    def shown(self) -> str:
        """What a person reads: done, suggested, closed, expired, open, waiting or later."""
        if self.status == "done":
            return "done"
        if self.closed:
            return "closed"
        if self.suggested_on is not None:
            return "suggested"
        return "expired" if self.expired else self.status

    @property
    def deadline_soft(self) -> bool:
        """Past the deadline the body may refuse the case, but is not bound to."""
        return self.step.deadline is not None and self.step.deadline.may_refuse

    @property
    def expired(self) -> bool:
        return (
            self.status == "open"
            and self.deadline is not None
            and self.deadline < self._today
            and not self.deadline_soft
        )

    _today: date = date.min


@dataclass
class LadderState:
    ladder: Ladder
    today: date
    steps: list[StepState]
    judged_on: date = date.min
    """The day the case's references and switching facts are judged by (see ``dated``)."""

    @property
    def legal(self) -> list[dict[str, Any]]:
        """The legal references in force for this case."""
        return self.ladder.legal_on(self.judged_on)

    @property
    def switching(self) -> dict[str, Any]:
        """The switching facts in force for this case."""
        return self.ladder.switching_on(self.judged_on)

    @property
    def stale(self) -> bool:
        return self.ladder.stale(self.today)

    ended_on: date | None = None  # the case ended (switched, resolved, abandoned) that day
    ended_as: str | None = None  # its status then

    def next_step(self) -> StepState | None:
        """The first open step of the main sequence, else the first waiting one; none once ended.

        A suggested step counts as taken here: the person is asked to confirm it.
        """
        if self.ended_on is not None:
            return None
        main = [s for s in self.steps if not s.step.parallel and s.suggested_on is None]
        for status in ("open", "waiting"):
            for state in main:
                if state.status == status and not state.expired:
                    return state
        return None

    def to_json(self) -> dict[str, Any]:
        def iso(day: date | None) -> str | None:
            return day.isoformat() if day else None

        return {
            "jurisdiction": self.ladder.jurisdiction,
            "sector": None,
            "ladder": self.ladder.id,
            "reviewed": iso(self.ladder.reviewed),
            "stale": self.stale,
            "check_with": self.ladder.check_with,
            "judged_on": iso(self.judged_on),
            "ended_on": iso(self.ended_on),
            "steps": [
                {
                    "id": s.step.id,
                    "title": s.step.title,
                    "status": s.status,
                    "opens_on": iso(s.opens_on),
                    "done_on": iso(s.done_on),
                    "done_by_event": s.done_by_event,
                    "suggested_on": iso(s.suggested_on),
                    "suggested_by_event": s.suggested_by_event,
                    "closed": s.closed,
                    "deadline": iso(s.deadline),
                    "deadline_soft": s.deadline_soft,
                    "parallel": s.step.parallel,
                    "expired": s.expired,
                    "check": s.step.check,
                }
                for s in self.steps
            ],
        }


def _matches(event: Event, done_by: dict[str, Any]) -> bool:
    direction = Direction(done_by.get("direction", "out"))
    channels = done_by.get("channels") or []
    if not event.is_contact:  # a note (a phone reset, a FAQ search) accomplishes no step
        return False
    return event.direction is direction and (not channels or event.channel.value in channels)


def _any_contact(done_by: dict[str, Any]) -> bool:
    """A rule every contact meets (the first contact): inference is then a fact."""
    channels = set(done_by.get("channels") or ())
    return not channels or channels >= {c.value for c in Channel} - {Channel.OTHER.value}


def _is_answer(event: Event) -> bool:
    """A reply from the provider: a contact from them that said something."""
    return event.direction is Direction.IN and event.answered and event.is_contact


def evaluate(ladder: Ladder, case: Case, today: date) -> LadderState:
    """Date every step of ``ladder`` for ``case`` as of ``today``."""
    events = [e for e in case.events if e.at.day <= today]
    done: dict[str, tuple[date, Event]] = {}  # said by the person, or a fact
    suggested: dict[str, tuple[date, Event]] = {}  # what the events suggest
    first_marked: dict[str, Event] = {}  # the first event marked with each step: one pass
    for e in events:
        if e.step and e.step not in first_marked:
            first_marked[e.step] = e
    for step in ladder.steps:
        marked = first_marked.get(step.id)
        if marked is not None:
            done[step.id] = (marked.at.day, marked)
        elif step.done_by:
            guess = next((e for e in events if _matches(e, step.done_by)), None)
            if guess is not None:
                target = done if _any_contact(step.done_by) else suggested
                target[step.id] = (guess.at.day, guess)
    taken = {**suggested, **done}  # later steps are dated from either
    first_day = events[0].at.day if events else None
    position = {id(e): i for i, e in enumerate(events)}
    answers = [i for i, e in enumerate(events) if _is_answer(e)]

    def first_answer_after(index: int) -> Event | None:
        """The provider's first answer after the event at ``index`` (same moment excluded)."""
        at = bisect.bisect_right(answers, index)
        while at < len(answers):
            candidate = events[answers[at]]
            if candidate.at.sort_key > events[index].at.sort_key:
                return candidate
            at += 1
        return None

    def rule_date(rule: Rule) -> date | None:
        if rule.after is None:
            if first_day is None:
                return None
            start, start_event = first_day, events[0]
        elif rule.after in taken:
            start, start_event = taken[rule.after]
        else:
            return None
        if not rule.in_force(start):
            return None
        answer = first_answer_after(position[id(start_event)])
        if rule.on_answer:
            return answer.at.day if answer else None
        when = shift(start, days=rule.days, weeks=rule.weeks, months=rule.months, years=rule.years)
        if rule.no_answer and answer is not None and answer.at.day <= when:
            return None
        return when

    judged_on = dated.judged_on(case, today)
    ended_on = judged_on if case.status is not CaseStatus.OPEN else None
    states = []
    for step in ladder.steps:
        state = StepState(step=step, status="later", _today=today)
        if step.id in done:
            state.done_on, event = done[step.id]
            state.done_by_event = event.id
        elif step.id in suggested:
            state.suggested_on, event = suggested[step.id]
            state.suggested_by_event = event.id
        waits_for_answer = None
        candidates = [(d, r) for r in step.opens if (d := rule_date(r)) is not None]
        if not candidates:
            # started, but waiting for the provider's answer: say so, not "later"
            waits_for_answer = next(
                (r for r in step.opens if r.on_answer and r.after in taken), None
            )
        if candidates:
            state.opens_on, winner = min(candidates, key=lambda pair: pair[0])
            state.why = winner.why
        elif not step.opens and first_day is not None:
            state.opens_on = first_day
        if step.deadline is not None:
            state.deadline = rule_date(step.deadline)
        if (
            ended_on is not None
            and state.done_on is None
            and ENDED_BY.get(case.status) == step.kind
        ):
            state.done_on, state.suggested_on, state.suggested_by_event = ended_on, None, None
        state.closed = ended_on is not None and state.done_on is None
        if state.done_on is not None:
            state.status = "done"
        elif waits_for_answer is not None:
            state.status = "waiting"
            state.why = waits_for_answer.why
        elif state.opens_on is None:
            state.status = "later"
        elif state.opens_on > today:
            state.status = "waiting"
        else:
            state.status = "open"
        states.append(state)
    return LadderState(
        ladder=ladder,
        judged_on=judged_on,
        today=today,
        steps=states,
        ended_on=ended_on,
        ended_as=case.status.value if ended_on else None,
    )
