"""The command line: the same core as the desktop app, for scripts and terminals.

Exit codes: 0 success; 1 input or data refused (a message on stderr says what
and where); 2 usage error. No traceback reaches the terminal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path

from plainte import __version__
from plainte.core import paths
from plainte.core.errors import NotFound, PlainteError
from plainte.core.i18n import tr, trn

TYPE_CHECKING = False  # typing itself costs 3 ms at every call
if TYPE_CHECKING:
    from plainte.core.store import Store

# Nothing a command does not use is imported before it runs: the parser's help
# is translated only when printed, and the choices of --format, --kind and
# --platform are read from their modules only when the option is given.


class Refused(PlainteError):
    """A command's input that the CLI itself refuses (exit 1)."""


def _today(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("cli.bad_today", value=text)) from None


class _Choices:
    """The allowed values of an option, read from ``module.name`` when first needed."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def _values(self) -> tuple[str, ...]:
        from importlib import import_module

        return tuple(getattr(import_module(self.module), self.name))

    def __contains__(self, value: object) -> bool:
        return value in self._values()

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())


class _Key(str):
    """A locale key standing for its text in the parser (translated when printed)."""


_HEADINGS = {"positional arguments": "cli.arguments", "options": "cli.options"}


class _Translated(argparse.HelpFormatter):
    """Help whose texts are locale keys, looked up only when the help is printed."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return tr(action.help) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(tr(text) if isinstance(text, _Key) else text)

    def start_section(self, heading: str | None) -> None:
        if heading in _HEADINGS:  # argparse's own headings
            heading = tr(_HEADINGS[heading])
        super().start_section(tr(heading) if isinstance(heading, _Key) else heading)

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(
            usage, actions, groups, tr("cli.usage") + " " if prefix is None else prefix
        )


class _Parser(argparse.ArgumentParser):
    """A parser (and sub-command parsers) whose help texts are locale keys."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Translated)
        super().__init__(*args, **kwargs)
        for action in self._actions:  # argparse's own -h, worded by the locale
            if isinstance(action, argparse._HelpAction):
                action.help = "cli.opt.help"

    _checking = False

    def add_argument(self, *args, **kwargs) -> argparse.Action:
        """As argparse's, but lazy choices are set after its metavar check (which reads them)."""
        choices = kwargs.pop("choices", None)
        self._checking = True
        try:
            action = super().add_argument(*args, **kwargs)
        finally:
            self._checking = False
        action.choices = choices
        return action

    def add_subparsers(self, **kwargs):
        """As argparse's (whose formatter here only writes the commands' ``prog``)."""
        self._checking = True
        try:
            return super().add_subparsers(**kwargs)
        finally:
            self._checking = False

    def _get_formatter(self) -> argparse.HelpFormatter:
        """For add_argument's metavar check, a formatter that does not ask the terminal's
        width (that imports shutil, 2 ms, and asks for every option); the real one for help."""
        if self._checking:
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()


def _top_parser(cls: type[_Parser] | None = None, **options: object) -> _Parser:
    """The options every call takes, without the commands."""
    parser = (cls or _Parser)(
        prog="plainte", description=_Key("cli.description"), epilog=_Key("cli.epilog"), **options
    )
    parser.add_argument(
        "--version", action="version", version=f"plainte {__version__}", help="cli.opt.version"
    )
    parser.add_argument("--data-dir", metavar="DIR", help="cli.opt.data_dir")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_today, help="cli.opt.today")
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """``argv`` read; the desktop start (no command) without building each command's parser.

    Anything the top options alone do not read whole (a command, help, an error)
    goes to the full parser, so what is printed and refused is the same.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:  # the top options print it as the full parser does
        return _top_parser().parse_args(words)
    if not any(w in ("-h", "--help", "--version") for w in words):
        try:
            args, rest = _top_parser(exit_on_error=False).parse_known_args(words)
        except argparse.ArgumentError:
            rest = ["(the full parser says why)"]
        if not rest:
            args.command = None
            return args
        if rest[0] in COMMANDS:  # only that command's parser: the others cost 5-10 ms
            try:
                return build_parser(rest[0], _Trial).parse_args(words)
            except _Retry:
                pass  # the full parser says what is wrong, exactly as always
    return build_parser().parse_args(words)


class _Retry(Exception):
    """A call a one-command parser refused: the full parser reads it again and says why."""


class _Trial(_Parser):
    """A parser that, instead of printing an error and exiting, hands over to the full one."""

    def error(self, message: str):
        raise _Retry(message)

    def exit(self, status: int = 0, message: str | None = None):
        raise _Retry(message)


class _Skipped:
    """Stands for the parser of a command this call does not run."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        """Nothing: the command is not parsed."""


def build_parser(
    only: str | None = None, parser_class: type[_Parser] = _Parser
) -> argparse.ArgumentParser:
    """The argument parser (with only the command ``only`` when given); its help is in the
    interface language when printed."""
    parser = _top_parser(parser_class)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", title=_Key("cli.commands"))

    def command(name: str, help: str):
        return sub.add_parser(name, help=help) if only in (None, name) else _Skipped()

    command("demo", help="cli.cmd.demo")
    p = command("cases", help="cli.cmd.cases")
    p.add_argument("--json", action="store_true", help="cli.opt.json")
    p = command("import", help="cli.cmd.import")
    p.add_argument("files", nargs="+", metavar="FILE", type=Path, help="cli.opt.files")
    p = command("export", help="cli.cmd.export")
    p.add_argument("case", metavar="CASE", help="cli.opt.case_or_all")
    p.add_argument(
        "--format",
        required=True,
        choices=_Choices("plainte.core.kinds", "FORMATS"),
        help="cli.opt.format",
    )
    p.add_argument("--lang", choices=("fr", "en"), help="cli.opt.lang")
    p.add_argument("-o", "--output", metavar="FILE", help="cli.opt.output")
    p = command("stats", help="cli.cmd.stats")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument("--json", action="store_true", help="cli.opt.json")
    p = command("ladder", help="cli.cmd.ladder")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument("--json", action="store_true", help="cli.opt.json")
    p.add_argument("--lang", choices=("fr", "en"), help="cli.opt.lang")
    p = command("letter", help="cli.cmd.letter")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument(
        "--kind",
        required=True,
        choices=_Choices("plainte.core.kinds", "KINDS"),
        help="cli.opt.kind",
    )
    p.add_argument("--lang", choices=("fr", "en"), help="cli.opt.lang")
    p.add_argument(
        "--platform",
        choices=_Choices("plainte.core.platforms", "PLATFORMS"),
        default="x",
        help="cli.opt.platform",
    )
    p.add_argument("--event", metavar="ID", help="cli.opt.event")
    p.add_argument("--quote", action="store_true", help="cli.opt.quote")
    p.add_argument("--form", action="store_true", help="referral.option")
    p.add_argument("-o", "--output", metavar="FILE", help="cli.opt.output")
    p = command("verify", help="cli.cmd.verify")
    p.add_argument("target", metavar="CASE|FILE", help="cli.opt.target")
    p.add_argument(
        "--fingerprint", action="append", default=[], metavar="FP", help="cli.opt.fingerprint"
    )
    p = command("delete", help="cli.cmd.delete")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument("--yes", action="store_true", help="cli.opt.yes")
    p = command("restore", help="cli.cmd.restore")
    p.add_argument("backup", metavar="BACKUP", nargs="?", type=Path, help="cli.opt.backup")
    p.add_argument("--yes", action="store_true", help="cli.opt.yes_restore")
    p = command("mail", help="mail.cli.help")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument("files", nargs="+", metavar="FILE", type=Path, help="mail.cli.files")
    p.add_argument("--me", action="append", metavar="ADDRESS", help="mail.cli.me")
    p = command("react", help="react.cli.help")
    p.add_argument("case", metavar="CASE", help="cli.opt.case")
    p.add_argument("file", metavar="FILE|-", nargs="?", default="-", help="react.cli.file")
    p.add_argument("--json", action="store_true", help="cli.opt.json")
    p.add_argument("--log", action="store_true", help="react.cli.log")
    return parser


def _busy_seconds() -> float:
    """How long to wait for another plainte writing: ``PLAINTE_BUSY_SECONDS``, else 10."""
    from plainte.core.store import BUSY_SECONDS

    try:
        return max(0.0, float(os.environ.get("PLAINTE_BUSY_SECONDS", BUSY_SECONDS)))
    except ValueError:
        return BUSY_SECONDS


class Context:
    """What every command needs: the data directory, "today", the store on demand."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.data_dir = paths.data_dir(args.data_dir)
        self.today: date = args.today or date.today()
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from plainte.core.store import Store

            self._store = Store.open(self.data_dir, busy_seconds=_busy_seconds())
            if self._store.integrity_problem:
                print(
                    tr("cli.integrity_problem", problem=self._store.integrity_problem),
                    file=sys.stderr,
                )
        return self._store

    def load(self, case_id: str):
        return self.store.load_case(case_id)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def _write_output(text: str, output: str | None, data_dir: Path) -> None:
    """Write ``text`` to ``output`` atomically, or to stdout when there is none."""
    from plainte.core.export import refuse_own_files, write_text

    target = Path(output) if output and output != "-" else None
    refuse_own_files(data_dir, target)
    if write_text(text, target) is not None:
        sys.stdout.write(text)


def cmd_demo(ctx: Context) -> int:
    from plainte.core.demo import demo_files
    from plainte.core.sagafile import read_saga

    cases = [c for f in demo_files() for c in read_saga(f).cases]
    result = ctx.store.import_cases(cases)
    print(
        tr(
            "cli.demo_loaded",
            sagas=trn("plural.sagas", len(cases)),
            new=trn("plural.new_sagas", result.cases_new),
        )
    )
    return 0


def cmd_cases(ctx: Context) -> int:
    summaries = ctx.store.list_cases(ctx.today)
    if ctx.args.json:
        rows = [
            {
                "id": s.id,
                "title": s.title,
                "provider": s.provider,
                "country": s.country,
                "sector": s.sector,
                "status": s.status.value,
                "events": s.events,
            }
            for s in summaries
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not summaries:
        print(tr("cli.no_cases"))
        return 0
    table = [
        (s.id, s.provider, tr(f"status.{s.status.value}"), str(s.events), s.title)
        for s in summaries
    ]
    head = (
        tr("cli.col.id"),
        tr("cli.col.provider"),
        tr("cli.col.status"),
        tr("cli.col.events"),
        tr("cli.col.title"),
    )
    print(_table([head, *table]))
    return 0


def _table(rows: list[Sequence[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _machine(line: str) -> None:
    """One line for the app that runs this command (see :func:`cmd_import`)."""
    print(line, file=sys.stderr, flush=True)


def cmd_import(ctx: Context) -> int:
    """Import each file, each in one transaction.

    With ``PLAINTE_PROGRESS=1`` in the environment (set by the app), machine
    lines go to stderr besides the usual output: ``progress BYTES TOTAL N`` a
    few times a second while file N (from 1) is read, and ``imported N`` once
    file N is kept.
    """
    status = 0
    machine = os.environ.get("PLAINTE_PROGRESS") == "1"
    for number, path in enumerate(ctx.args.files, 1):

        def progress(done: int, total: int, number: int = number) -> None:
            _machine(f"progress {done} {total} {number}")

        try:
            result = ctx.store.import_file(path, progress=progress if machine else None)
        except PlainteError as exc:
            print(tr("cli.refused", error=str(exc)), file=sys.stderr)
            status = 1
            continue
        if machine:
            _machine(f"imported {number}")
        for where in result.warnings:
            print(tr("cli.unknown_field", path=path, where=where), file=sys.stderr)
        print(
            tr(
                "cli.imported",
                path=path,
                cases=trn("plural.cases_imported", result.cases_new + result.cases_updated),
                new=trn("plural.new_cases", result.cases_new),
                events=trn("plural.events", result.events),
            )
        )
        print("  " + result.merged.words())
    return status


def cmd_export(ctx: Context) -> int:
    from plainte.core.export import DRAWN, export

    drawing = None
    if ctx.args.format in DRAWN:
        from plainte.gui.drawing import QtDrawing  # Qt only for the drawn formats

        drawing = QtDrawing()
    output = Path(ctx.args.output) if ctx.args.output and ctx.args.output != "-" else None
    text = export(
        ctx.store, ctx.args.case, ctx.args.format, output, ctx.today, ctx.args.lang, drawing
    )
    if text is not None:
        sys.stdout.write(text)
    return 0


def cmd_stats(ctx: Context) -> int:
    from plainte.core import i18n
    from plainte.core.stats import compute

    stats = compute(ctx.load(ctx.args.case), ctx.today)
    if ctx.args.json:
        print(json.dumps(stats.to_json(), ensure_ascii=False, indent=2))
        return 0
    lang = i18n.language()
    rows = []
    for key, value in stats.to_json().items():
        if key == "channels":
            value = ", ".join(f"{tr('channel.' + k)} {n}" for k, n in stats.channels.items())
        elif key in ("today", "first_day", "last_day") and value:
            value = i18n.format_date(date.fromisoformat(value), lang)
        rows.append((tr(f"stats.{key}"), str(value if value is not None else "—")))
    width = max(len(r[0]) for r in rows)
    print("\n".join(f"{label.ljust(width)}  {value}" for label, value in rows))
    return 0


def cmd_ladder(ctx: Context) -> int:
    from plainte.core import i18n
    from plainte.core.ladder import evaluate, load_ladders
    from plainte.core.ladder_text import render, review_note
    from plainte.core.language import case_language
    from plainte.core.promises import ledger

    case = ctx.load(ctx.args.case)
    ladders = load_ladders(ctx.data_dir / "ladders")
    for problem in ladders.problems:
        print(tr("cli.ladder_refused", error=str(problem)), file=sys.stderr)
    state = evaluate(ladders.for_case(case), case, ctx.today)
    lang = ctx.args.lang or case_language(case, i18n.language())
    if ctx.args.json:
        data = state.to_json()
        data["sector"] = case.sector
        data["language"] = lang
        data["check_with"] = data["check_with"][lang] if data["check_with"] else None
        data["review_note"] = review_note(state, lang)
        for step in data["steps"]:
            step["title"] = step["title"][lang]
            step["check"] = step["check"][lang] if step["check"] else None
        data["broken_promises"] = [
            {
                "text": e.promise.text,
                "promised_on": e.event.at.day.isoformat(),
                "due": e.promise.due.day.isoformat() if e.promise.due else None,
                "by": e.who,
                "reference": e.reference,
                "state": e.state,
            }
            for e in ledger(case, ctx.today)
            if e.is_broken
        ]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(render(state, case, lang))
    return 0


def _print_referral(ctx: Context, case, result) -> int:
    """``letter --kind ombudsman --form``: the online form's fields, ready to paste."""
    from plainte.core.letterform import letter_form
    from plainte.core.referral import letter_summary, referral, referral_text

    if ctx.args.kind != "ombudsman":
        print(tr("referral.only_ombudsman"), file=sys.stderr)
        return 2
    salutation = letter_form(case.country, result.lang).word("ombudsman_salutation")
    found = referral(case, ctx.today, result.lang, letter_summary(result.text, salutation))
    if found is None:
        print(tr("referral.none"), file=sys.stderr)
        return 1
    _write_output(referral_text(found, result.lang), ctx.args.output, ctx.data_dir)
    return 0


def cmd_letter(ctx: Context) -> int:
    from plainte.core.compose import Composer
    from plainte.core.fingerprint import last_entry
    from plainte.core.ladder import load_ladders
    from plainte.core.platforms import PLATFORMS

    case = ctx.load(ctx.args.case)
    case.journal = last_entry(ctx.store.conn, case.id)  # the fingerprint the letter carries
    ladders = load_ladders(ctx.data_dir / "ladders")
    for problem in ladders.problems:
        print(tr("cli.ladder_refused", error=str(problem)), file=sys.stderr)
    composer = Composer(ladders, ctx.data_dir / "templates")
    result = composer.compose(
        case,
        ctx.args.kind,
        ctx.today,
        lang=ctx.args.lang,
        platform=ctx.args.platform,
        event_id=ctx.args.event,
        quote=ctx.args.quote,
    )
    for problem in result.warnings:
        print(tr("cli.template_refused", error=str(problem)), file=sys.stderr)
    for flag in result.flags:
        key = "posts.tone_flag" if flag.factual else "posts.tone_flag_plain"
        print(tr(key, word=flag.word, factual=flag.factual), file=sys.stderr)
    for finding in result.findings:  # in the letter's language: they quote its texts and dates
        mark = "!" if finding.serious else "-"
        print(f"{mark} {finding.message(result.lang)}", file=sys.stderr)
    text = result.text if result.text.endswith("\n") else result.text + "\n"
    if ctx.args.form:
        return _print_referral(ctx, case, result)
    if ctx.args.output and ctx.args.output.lower().endswith(".pdf"):
        from plainte.core.export import refuse_own_files

        refuse_own_files(ctx.data_dir, Path(ctx.args.output))
        _write_letter_pdf(result, case.country, Path(ctx.args.output))
    else:
        _write_output(text, ctx.args.output, ctx.data_dir)
    if result.limit is not None:
        print(
            trn(
                "cli.post_count",
                result.count,
                limit=result.limit,
                platform=PLATFORMS[result.platform].name,
            ),
            file=sys.stderr,
        )
    return 0


def _write_letter_pdf(result, country: str, path: Path) -> None:
    """The letter as a PDF at print size, on the paper of the provider's country."""
    from plainte.core.atomicfile import replace_file
    from plainte.core.export import whole_pdf
    from plainte.core.paper import paper_for
    from plainte.gui.letter_pdf import letter_to_pdf  # Qt only when a PDF is asked for

    title = result.subject or tr(f"gui.kinds.{result.kind}", result.lang)
    paper = paper_for(country, result.lang)
    replace_file(
        path, lambda p: letter_to_pdf(result.text, p, paper=paper, title=title), check=whole_pdf
    )


def _is_saga_file(target: Path) -> bool:
    """Whether verify's CASE|FILE is a saga file rather than a case."""
    return target.suffix == ".json" and target.exists()


def cmd_verify(ctx: Context) -> int:
    from plainte.core.errors import SagaFileError
    from plainte.core.verify import verify_case, verify_file

    target = Path(ctx.args.target)
    if _is_saga_file(target):
        try:
            verdicts = verify_file(target, ctx.args.fingerprint)
        except SagaFileError as exc:
            print(tr("verify.broken_file", error=str(exc)), file=sys.stderr)
            return 1
    else:
        verdicts = [verify_case(ctx.store, ctx.args.target, ctx.args.fingerprint)]
    status = 0
    for verdict in verdicts:
        if verdict.ok:
            print(
                tr(
                    "verify.ok",
                    case=verdict.subject,
                    chain=trn("plural.journal_chain", verdict.entries),
                    records=trn("plural.records_match", verdict.records),
                    files=trn("plural.files_match", verdict.files),
                )
            )
            if verdict.fingerprint is not None:
                print("  " + tr("verify.fingerprint", fingerprint=verdict.fingerprint.text))
            print("  " + tr("verify.sent", count=verdict.sent))
            print("  " + tr("verify.limits"))
            continue
        status = 1
        print(tr("verify.failed", case=verdict.subject), file=sys.stderr)
        for problem in verdict.problems:
            what = tr(f"verify.problem.{problem.key}", detail=problem.detail)
            print(f"  {problem.where}: {what}", file=sys.stderr)
    return status


def cmd_restore(ctx: Context) -> int:
    from plainte.core import backups, restore
    from plainte.core.store import STORE_NAME

    folder = ctx.data_dir / backups.FOLDER
    if ctx.args.backup is None:
        found = backups.list_backups(folder)
        usable = set(restore.usable_backups(ctx.data_dir))
        if not found:
            print(tr("cli.no_backups", folder=folder))
        for path in found:
            print(path if path in usable else tr("cli.bad_backup", path=path))
        return 0
    backup = paths.absolute(ctx.args.backup)
    restore.check_backup(backup)
    loss = restore.compare(backup, ctx.data_dir / STORE_NAME)
    if loss is not None and not loss.nothing:
        print(loss.words(), file=sys.stderr)
        if not ctx.args.yes:
            print(tr("cli.restore_confirm", backup=ctx.args.backup), file=sys.stderr)
            return 1
    kept = restore.restore(backup, ctx.data_dir)
    if kept is None:
        print(tr("cli.restored_fresh", backup=ctx.args.backup))
    else:
        print(tr("cli.restored", backup=ctx.args.backup, kept=kept))
    return 0


def cmd_delete(ctx: Context) -> int:
    """Delete a case after a backup and, unless ``--yes``, the person's confirmation."""
    from plainte.core.editor import Editor

    case = ctx.load(ctx.args.case)
    what = tr("cli.delete_what", case=case.id, provider=case.provider, title=case.title)
    if not ctx.args.yes:
        print(
            tr("cli.delete_confirm", what=what, events=trn("plural.events", len(case.events))),
            end=" ",
            flush=True,
        )
        try:
            answer = sys.stdin.readline().strip().casefold()
        except (OSError, ValueError):
            answer = ""
        if answer not in tr("cli.delete_yes_words").split():
            print(tr("cli.delete_kept", what=what))
            return 1
    backup = ctx.store.backup("delete")
    Editor(ctx.store).delete_case(case.id)
    print(tr("cli.deleted", what=what, backup=backup))
    return 0


def cmd_mail(ctx: Context) -> int:
    from plainte.cli_mail import run_mail

    return run_mail(ctx)


def cmd_react(ctx: Context) -> int:
    from plainte.cli_mail import run_react

    return run_react(ctx)


COMMANDS: dict[str, Callable[[Context], int]] = {
    "demo": cmd_demo,
    "cases": cmd_cases,
    "import": cmd_import,
    "export": cmd_export,
    "stats": cmd_stats,
    "ladder": cmd_ladder,
    "letter": cmd_letter,
    "verify": cmd_verify,
    "delete": cmd_delete,
    "restore": cmd_restore,
    "mail": cmd_mail,
    "react": cmd_react,
}


def _resolve_case(ctx: Context) -> None:
    """Turn the CASE a person typed (id, prefix, word) into its id, for every command."""
    args = ctx.args
    if getattr(args, "case", None) is not None:
        if not (args.command == "export" and args.case == "all"):
            args.case = ctx.store.resolve_case(args.case)
    elif args.command == "verify" and not _is_saga_file(Path(args.target)):
        args.target = ctx.store.resolve_case(args.target)


def main(argv: Sequence[str] | None = None) -> int:
    """Run plainte with ``argv`` (default: the process's arguments); return the exit code."""
    args = parse(argv)
    if args.command is None:
        from plainte.gui.app import run

        try:
            return run(args)
        except Exception as exc:  # the app could not start: said in one line, kept in a report
            from plainte.core.errors import unexpected

            print(unexpected(paths.data_dir(args.data_dir), exc), file=sys.stderr)
            return 1
    ctx = Context(args)
    if os.environ.get("PLAINTE_PROBE") == "cli-work":  # the benchmark's fixed-cost mark
        return 0
    try:
        _resolve_case(ctx)
        return COMMANDS[args.command](ctx)
    except NotFound as exc:
        print(tr("cli.error", error=str(exc)), file=sys.stderr)
        return 1
    except PlainteError as exc:
        print(tr("cli.error", error=str(exc)), file=sys.stderr)
        if getattr(exc, "backups", None) is not None:
            from plainte.core.restore import usable_backups

            print(_backup_advice(usable_backups(ctx.data_dir)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl+C: say so, and how to see what was saved
        print(tr("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: no traceback on the terminal
        from plainte.core.errors import unexpected

        print(unexpected(ctx.data_dir, exc), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _backup_advice(found: list[Path]) -> str:
    if not found:
        return tr("cli.no_backup_to_restore")
    listed = "\n".join(f"  {p}" for p in found[:10])
    return tr("cli.backups_available", backups=listed, example=found[0])
