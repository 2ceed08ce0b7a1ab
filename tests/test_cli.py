"""The command line contract of design.md: commands, exit codes, messages."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date

import pytest

from plainte import cli
from plainte.core.store import STORE_NAME

from .conftest import long_saga_doc, saga_doc


def test_demo_twice_changes_nothing(run_cli):
    first = run_cli("demo")
    assert first.code == 0 and "2 new" in first.out
    second = run_cli("demo")
    assert second.code == 0 and "0 new" in second.out
    cases = run_cli("cases", "--json").json()
    assert [c["id"] for c in cases] == ["demo-red-2016", "demo-rogers-2010"]
    assert cases[1] == {
        "id": "demo-rogers-2010",
        "title": "Mise à jour d'appareil refusée, puis harcèlement téléphonique",
        "provider": "Rogers",
        "country": "CA-QC",
        "sector": "mobile",
        "status": "resolved",  # served at a kiosk on 10 July 2010
        "events": 14,
    }


def test_cases_table_and_empty_state(run_cli):
    assert "plainte demo" in run_cli("cases").out
    run_cli("demo")
    out = run_cli("cases").out
    assert "demo-red-2016" in out and "RED by SFR" in out


def test_stats_json_has_the_contract_keys(run_cli):
    run_cli("demo")
    stats = run_cli("stats", "demo-rogers-2010", "--json", today="2010-07-11").json()
    for key in (
        "days",
        "contacts_out",
        "contacts_in",
        "unanswered",
        "calls_without_message",
        "wait_minutes",
        "promises",
        "promises_kept",
        "promises_broken",
    ):
        assert key in stats
    assert stats["days"] == 5  # resolved: the count stops on its last day, 10 July
    assert stats["calls_without_message"] == 7
    assert stats["today"] == "2010-07-11"


def test_stats_in_french(run_cli, monkeypatch):
    monkeypatch.setenv("PLAINTE_LANG", "fr")
    run_cli("demo")
    out = run_cli("stats", "demo-red-2016", today="2016-09-30").out
    assert "Appels reçus sans message" in out and "12 septembre 2016" in out


def test_import_then_export_json_round_trips(run_cli, make_saga, saga, tmp_path):
    path = make_saga(saga)
    result = run_cli("import", str(path))
    assert result.code == 0, result.err
    out = tmp_path / "out.json"
    assert run_cli("export", "case-1", "--format", "json", "-o", str(out)).code == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["cases"][0]["account_ref"] == "ACC-99173-UNIQUE"
    assert run_cli("export", "all", "--format", "json").json()["cases"][0]["id"] == "case-1"


def test_export_csv_one_row_per_event(run_cli, make_saga, saga, tmp_path):
    saga["cases"][0]["events"][0]["summary"] = '=HYPERLINK("x"), with "quotes"\nand a line'
    run_cli("import", str(make_saga(saga)))
    out = tmp_path / "t.csv"
    assert run_cli("export", "case-1", "--format", "csv", "-o", str(out)).code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 4
    assert rows[0]["summary"].startswith("'=HYPERLINK")  # not a formula
    assert rows[0]["promises"].startswith("An engineer will call back")
    assert rows[1]["answered"] == "no"


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (
            lambda d: d["cases"][0]["events"][3].update(at="yesterday"),
            'cases[0].events[3].at: not a date: "yesterday"',
        ),
        (
            lambda d: d["cases"][0]["events"][0].update(channel="pigeon"),
            "cases[0].events[0].channel",
        ),
        (lambda d: d["cases"][0]["events"][0].update(wait_minutes=-1), "wait_minutes"),
        (lambda d: d["cases"][0].pop("provider"), "cases[0].provider: required field missing"),
        (lambda d: d.update(version=2), "version 2"),
        (lambda d: d.update(format="csv"), "not a plainte saga file"),
    ],
)
def test_bad_files_are_refused_and_the_store_is_unchanged(
    run_cli, make_saga, saga, data_dir, mutate, words
):
    run_cli("demo")
    before = run_cli("export", "all", "--format", "json").json()
    mutate(saga)
    path = make_saga(saga)
    result = run_cli("import", str(path))
    assert result.code == 1
    assert words in result.err and str(path) in result.err
    assert "Traceback" not in result.err
    after = run_cli("export", "all", "--format", "json").json()
    assert after["cases"] == before["cases"]


def test_not_json_and_missing_file(run_cli, make_saga, tmp_path):
    result = run_cli("import", str(make_saga("{ oops")))
    assert result.code == 1 and "not valid JSON" in result.err and "line 1" in result.err
    result = run_cli("import", str(tmp_path / "nowhere.json"))
    assert result.code == 1 and "cannot be read" in result.err


def test_unknown_case_is_exit_1(run_cli):
    result = run_cli("stats", "nope")
    assert result.code == 1 and 'no case with the id "nope"' in result.err


@pytest.mark.parametrize(
    "args",
    [["frobnicate"], ["export", "x"], ["export", "x", "--format", "docx"], ["stats"]],
)
def test_usage_errors_are_exit_2(run_cli, args):
    assert run_cli(*args).code == 2


def test_bad_today_is_a_usage_error(run_cli):
    result = run_cli("cases", today="22/11/2026")
    assert result.code == 2 and "YYYY-MM-DD" in result.err


def test_damaged_store_is_exit_1_naming_file_and_backups(run_cli, data_dir):
    run_cli("demo")
    run_cli("demo")
    store = data_dir / STORE_NAME
    store.write_bytes(b"\x00" * 4096)
    result = run_cli("cases")
    assert result.code == 1
    assert str(store) in result.err and "plainte restore" in result.err
    assert store.read_bytes() == b"\x00" * 4096
    backup = result.err.split("plainte restore ")[1].strip()
    restored = run_cli("restore", backup)
    assert restored.code == 0
    assert len(run_cli("cases", "--json").json()) == 2


def test_help_lists_every_command():
    out = subprocess.run(
        [sys.executable, "-m", "plainte", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("demo", "cases", "import", "export", "stats"):
        assert command in out


def test_ladder_json_contract(run_cli):
    run_cli("demo")
    data = run_cli("ladder", "demo-red-2016", "--json", today="2016-10-01").json()
    assert data["jurisdiction"] == "FR" and data["sector"] == "mobile"
    steps = {s["id"]: s for s in data["steps"]}
    assert set(steps["ombudsman"]) >= {"id", "title", "status", "opens_on", "done_on", "deadline"}
    assert steps["first_contact"] == {
        **steps["first_contact"],
        "status": "done",
        "done_on": "2016-09-14",  # the private message; the FAQ search before it is a note
    }
    assert data["reviewed"] == "2026-11-23" and data["stale"] is False
    assert data["review_note"] == "Règles vérifiées le 23 novembre 2026."
    assert data["judged_on"] == "2016-09-22"  # the saga ended with the switch
    assert steps["written_complaint"]["status"] == "open"
    assert steps["ombudsman"]["title"] == "Médiateur des communications électroniques"
    assert data["broken_promises"][0]["due"] == "2016-09-16"


def test_ladder_text_in_the_case_language(run_cli):
    run_cli("demo")
    out = run_cli("ladder", "demo-rogers-2010", today="2010-07-20").out
    assert "Cette saga a pris fin le 10 juillet 2010" in out and "CPRST" in out  # it ended
    assert "Office de la protection du consommateur" in out
    assert "À vérifier" in out  # the CCTS time limit is not verified
    assert "Promesses non tenues" in out and "17 h et 19 h" in out


def test_a_broken_user_ladder_is_reported_and_the_built_in_one_used(run_cli, data_dir):
    run_cli("demo")
    (data_dir / "ladders").mkdir()
    bad = data_dir / "ladders" / "fr.yaml"
    bad.write_text("id: fr-telecom\njurisdiction: FR\nsteps: [\n", encoding="utf-8")
    result = run_cli("ladder", "demo-red-2016", today="2016-10-01")
    assert result.code == 0
    assert str(bad) in result.err and "line" in result.err
    assert "Réclamation écrite" in result.out


def test_letter_to_a_file_and_post_count(run_cli, tmp_path):
    run_cli("demo")
    out = tmp_path / "notice.txt"
    result = run_cli(
        "letter", "demo-red-2016", "--kind", "formal-notice", "-o", str(out), today="2016-10-01"
    )
    assert result.code == 0
    assert "Objet\u00a0: Mise en demeure" in out.read_text(encoding="utf-8")
    post = run_cli(
        "letter",
        "demo-rogers-2010",
        "--kind",
        "satire",
        "--lang",
        "en",
        "--platform",
        "bluesky",
        today="2010-07-20",
    )
    # the X handle does not resolve on Bluesky: the company is named instead
    assert post.code == 0 and "Rogers" in post.out and "@Rogers" not in post.out
    assert "of 300 characters on Bluesky" in post.err


def test_letter_refusals_are_exit_1(run_cli):
    run_cli("demo")
    result = run_cli("letter", "demo-red-2016", "--kind", "call-recap")
    assert result.code == 1 and "no call to recap" in result.err
    assert run_cli("letter", "nope", "--kind", "complaint").code == 1
    assert run_cli("letter", "demo-red-2016", "--kind", "poem").code == 2


def test_verify_a_case_and_a_file(run_cli, data_dir, tmp_path):
    import sqlite3

    run_cli("demo")
    ok = run_cli("verify", "demo-red-2016")
    assert ok.code == 0 and "the chain of 10 journal entries is unbroken" in ok.out
    out = tmp_path / "red.json"
    run_cli("export", "demo-red-2016", "--format", "json", "-o", str(out))
    assert run_cli("verify", str(out)).code == 0
    forged = out.read_text(encoding="utf-8").replace("TW-88412", "TW-00000", 1)
    out.write_text(forged, encoding="utf-8")
    bad = run_cli("verify", str(out))
    assert bad.code == 1 and "event e5" in bad.err
    conn = sqlite3.connect(data_dir / "plainte.sqlite")
    conn.execute("UPDATE events SET counterpart = 'Nobody' WHERE id = 'e5'")
    conn.commit()
    conn.close()
    tampered = run_cli("verify", "demo-red-2016")
    assert tampered.code == 1 and "event e5: differs from what the journal recorded" in tampered.err


def _modules_after(argv: list[str], data_dir, **extra_env: str) -> set[str]:
    """The modules a fresh interpreter has imported once ``plainte ARGV`` has run."""
    code = (
        "import sys, json\n"
        "from plainte.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {**os.environ, "PLAINTE_DATA_DIR": str(data_dir), **extra_env}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


HEAVY = {"jinja2", "yaml", "langdetect", "PySide6", "plainte.core.export", "plainte.core.compose"}


def test_version_imports_nothing_it_does_not_use(data_dir):
    loaded = _modules_after(["--version"], data_dir)
    assert not loaded & (HEAVY | {"plainte.core.store", "typing"})


def test_cases_json_imports_neither_templates_nor_exports(data_dir):
    loaded = _modules_after(["cases", "--json"], data_dir)
    assert "plainte.core.store" in loaded
    assert not loaded & HEAVY


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "c1", "--format", "pdf", "-o", "x.pdf"],
        ["letter", "c1", "--kind", "formal-notice"],
        ["letter", "c1", "--kind", "public-post", "--platform", "x"],
        ["verify", "c1"],
        ["import", "saga.json"],
    ],
    ids=lambda argv: "-".join(argv[:4:3]),
)
def test_a_command_reaches_its_work_having_imported_only_the_arguments_reader(data_dir, argv):
    """The fixed cost of every call: what is loaded before the command's own work begins."""
    loaded = _modules_after(argv, data_dir, PLAINTE_PROBE="cli-work")
    assert not loaded & (HEAVY | {"plainte.core.store"})


def test_lazy_choices_still_refuse_and_list(run_cli):
    result = run_cli("export", "x", "--format", "docx")
    assert result.code == 2
    assert "docx" in result.err and "'json'" in result.err and "'pdf'" in result.err


def test_help_is_translated_when_printed(run_cli):
    result = run_cli("letter", "--help")
    assert result.code == 0
    assert "cli.opt" not in result.out and "--kind {complaint," in result.out


def test_quoting_your_own_words_is_a_choice_and_is_tone_checked(run_cli):
    run_cli("demo")
    args = ("letter", "demo-rogers-2010", "--kind", "public-post", "--lang", "fr")
    plain = run_cli(*args, "--platform", "linkedin", today="2010-07-20")
    assert plain.code == 0 and "harcèlement" not in plain.out and "accusation" not in plain.err
    quoted = run_cli(*args, "--platform", "linkedin", "--quote", today="2010-07-20")
    assert quoted.code == 0 and "harcèlement" in quoted.out
    assert "“harcèlement” reads as an accusation" in quoted.err
    assert "8 appels hors de la plage convenue" in quoted.err


def _hostile_case(run_cli, make_saga, saga):
    saga["cases"][0]["provider"] = '<img src="/dev/zero">'
    saga["cases"][0]["title"] = "<img width=60000 height=60000 src=x>"
    assert run_cli("import", str(make_saga(saga))).code == 0


def test_delete_asks_and_keeps_the_case_unless_told_yes(run_cli, make_saga, saga, monkeypatch):
    import io

    _hostile_case(run_cli, make_saga, saga)
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    result = run_cli("delete", "case-1")
    assert result.code == 1 and "Nothing deleted" in result.out
    assert "case-1" in run_cli("cases").out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal: never taken as yes
    assert run_cli("delete", "case-1").code == 1
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    result = run_cli("delete", "case-1")
    assert result.code == 0, result.err
    assert '<img src="/dev/zero">' in result.out and "plainte restore" in result.out
    assert "case-1" not in run_cli("cases").out


def test_delete_yes_takes_a_backup_that_brings_the_case_back(run_cli, make_saga, saga):
    _hostile_case(run_cli, make_saga, saga)
    result = run_cli("delete", "case-1", "--yes")
    assert result.code == 0, result.err
    backup = next(w for w in result.out.split() if w.endswith(".sqlite"))
    assert run_cli("cases", "--json").json() == []
    assert run_cli("restore", backup).code == 0
    assert [c["id"] for c in run_cli("cases", "--json").json()] == ["case-1"]


def test_delete_of_an_unknown_case_says_so(run_cli):
    result = run_cli("delete", "nope", "--yes")
    assert result.code == 1 and 'no case with the id "nope"' in result.err


def test_letter_warnings_speak_the_letter_s_language_and_dates(run_cli, tmp_path, monkeypatch):
    from plainte.core import i18n

    monkeypatch.setenv("PLAINTE_LANG", "en")
    i18n.set_language(None)
    saga = os.path.join(os.path.dirname(__file__), "fixtures", "sagas")
    run_cli("import", os.path.join(saga, "belgium-internet.json"))
    run_cli("import", os.path.join(saga, "uk-broadband.json"))
    fr = run_cli("letter", "be-internet", "--kind", "formal-notice", "--lang", "fr")
    assert fr.code == 0
    # a French letter's warnings are French, with French spacing, not half English
    assert "Envois écrits toujours sans réponse\u00a0:" in fr.err
    for english in ("Written contacts", "The letter says so", "In the", "To check", "check with"):
        assert english not in fr.err
    en = run_cli(
        "letter", "uk-broadband", "--kind", "complaint", "--lang", "en", today="2026-10-05"
    )
    # a UK letter's warnings date as the UK letter does: "22 September 2026"
    assert "22 September 2026" in en.err and "September 22, 2026" not in en.err
    i18n.set_language(None)


def test_ctrl_c_during_an_import_says_so_and_keeps_the_store(run_cli, make_saga, monkeypatch):
    from plainte.core import importing

    assert run_cli("demo").code == 0
    before = run_cli("cases").out

    def interrupted(self, *args, **kwargs):
        raise KeyboardInterrupt  # once the case's events are written, before it is committed

    monkeypatch.setattr(importing.Importer, "end_case", interrupted)
    result = run_cli("import", str(make_saga(saga_doc())))
    assert result.code == 130
    assert "Interrupted" in result.err and "plainte cases" in result.err
    monkeypatch.undo()
    assert run_cli("cases").out == before


def test_an_unexpected_error_with_nowhere_to_keep_its_report_says_no_none(
    run_cli, data_dir, monkeypatch
):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setitem(cli.COMMANDS, "cases", broken)
    (data_dir / "logs").write_text("a file where the logs folder goes")
    result = run_cli("cases")
    assert result.code == 1
    assert "RuntimeError: boom" in result.err
    assert "None" not in result.err and "Traceback" not in result.err


def test_case_by_unique_id_prefix_and_provider_word(run_cli):
    run_cli("demo")
    by_prefix = run_cli("stats", "demo-ro", "--json", today="2010-07-11")
    assert by_prefix.code == 0 and by_prefix.json()["days"] == 5
    by_word = run_cli("ladder", "red", "--json", today="2016-10-01")  # "RED by SFR"
    assert by_word.code == 0 and by_word.json()["jurisdiction"] == "FR"
    assert run_cli("verify", "ROGERS").out.startswith("demo-rogers-2010:")


def test_case_by_title_word_ignores_case_and_accents(run_cli, tmp_path):
    run_cli("demo")
    for text in ("refusée", "REFUSEE", "mise a jour"):  # "Mise à jour d'appareil refusée…"
        result = run_cli("export", text, "--format", "json")
        assert result.code == 0, (text, result.err)
        assert [c["id"] for c in result.json()["cases"]] == ["demo-rogers-2010"]
    assert run_cli("stats", "refus").code == 1  # a part of a word is not a word


def test_ambiguous_case_lists_the_candidates_and_changes_nothing(run_cli):
    run_cli("demo")
    result = run_cli("delete", "demo", "--yes")
    assert result.code == 1 and '"demo" names 2 cases' in result.err
    assert "demo-red-2016     RED by SFR  Connexion mobile en panne" in result.err
    assert "demo-rogers-2010  Rogers" in result.err and "Traceback" not in result.err
    assert len(run_cli("cases", "--json").json()) == 2


def test_ambiguous_case_in_french(run_cli, monkeypatch):
    monkeypatch.setenv("PLAINTE_LANG", "fr")
    run_cli("demo")
    french = run_cli("letter", "demo", "--kind", "complaint")
    assert french.code == 1 and "« demo » désigne 2 dossiers" in french.err
    assert "demo-rogers-2010  Rogers" in french.err


def test_an_exact_id_wins_over_a_longer_one_it_starts(run_cli, make_saga):
    run_cli("import", str(make_saga(saga_doc(id="case-1"))))
    run_cli("import", str(make_saga(saga_doc(id="case-10", provider="Othercom"))))
    assert run_cli("stats", "case-1").code == 0
    assert run_cli("stats", "case-10").code == 0
    assert run_cli("stats", "othercom").code == 0
    assert '"case" names 2 cases' in run_cli("stats", "case").err
    assert '"examplecom" names 2 cases' not in run_cli("stats", "examplecom").err
    unknown = run_cli("react", "zzz")
    assert unknown.code == 1 and 'no case with the id "zzz"' in unknown.err


def test_ladder_lang_overrides_the_case_language(run_cli):
    run_cli("demo")
    english = run_cli("ladder", "rogers", "--lang", "en", today="2010-07-20")
    assert english.code == 0 and "This saga ended on July 10, 2010" in english.out
    assert "Cette saga" not in english.out
    data = run_cli("ladder", "rogers", "--lang", "en", "--json", today="2010-07-20").json()
    assert data["language"] == "en"
    default = run_cli("ladder", "rogers", today="2010-07-20").out
    assert "Cette saga a pris fin le 10 juillet 2010" in default


def test_every_option_and_argument_has_translated_help(run_cli, monkeypatch):
    monkeypatch.setenv("PLAINTE_LANG", "fr")
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, cli.argparse._SubParsersAction))
    for name, command in [("", parser), *sub.choices.items()]:
        for action in command._actions:
            if isinstance(action, cli.argparse._SubParsersAction):
                continue
            assert action.help, (name, action.dest)
        result = run_cli(*([name] if name else []), "--help")
        assert result.code == 0 and "cli." not in result.out and "referral." not in result.out
        assert "utilisation :" in result.out and "show this help" not in result.out


def test_the_desktop_start_reads_its_options_without_every_command(monkeypatch):
    def refused():
        raise AssertionError("the commands' parsers were built")

    monkeypatch.setattr(cli, "build_parser", refused)
    for words in ([], ["--data-dir", "export", "--today", "2026-11-22"], ["--today=2026-01-02"]):
        args = cli.parse(words)
        assert args.command is None
        assert args.today in (None, date(2026, 11, 22), date(2026, 1, 2))
    assert cli.parse(["--data-dir", "export"]).data_dir == "export"  # a value, not a command


@pytest.mark.parametrize(
    "words",
    [
        ["cases", "--json"],
        ["--data-dir", "x", "stats", "c1"],
        ["--today", "22/11/2026"],
        ["--data-dir"],
        ["frobnicate"],
        ["--frob"],
        ["--help"],
        ["--version"],
    ],
)
def test_what_the_top_options_do_not_read_whole_goes_to_the_full_parser(words, capsys):
    def full() -> tuple:
        try:
            return ("args", vars(cli.build_parser().parse_args(words)))
        except SystemExit as exit:
            return ("exit", exit.code)

    def quick() -> tuple:
        try:
            return ("args", vars(cli.parse(words)))
        except SystemExit as exit:
            return ("exit", exit.code)

    expected = full(), capsys.readouterr()
    assert (quick(), capsys.readouterr()) == expected


def test_import_tells_its_progress_only_when_asked(run_cli, make_saga, monkeypatch):
    path = make_saga(long_saga_doc(3000))
    size = path.stat().st_size
    quiet = run_cli("import", str(path))
    assert quiet.code == 0 and "progress" not in quiet.err and quiet.err == ""
    monkeypatch.setenv("PLAINTE_PROGRESS", "1")
    told = run_cli("import", str(make_saga(saga_doc())), str(path))
    assert told.code == 0 and told.out.count("imported 1 case") == 2
    lines = told.err.splitlines()
    assert lines[-1] == "imported 2" and "imported 1" in lines
    second = [line.split() for line in lines[lines.index("imported 1") + 1 : -1]]
    assert all(word == "progress" and n == "2" for word, _, _, n in second)
    done = [int(read) for _, read, _, _ in second]
    assert done == sorted(done) and done[-1] == size and len(second) >= 2
    assert {int(total) for _, _, total, _ in second} == {size}


CALLS = [
    ["--version"],
    ["cases", "--json"],
    ["--data-dir", "d", "--today", "2026-11-20", "letter", "c1", "--kind", "complaint"],
    ["letter", "c1", "--kind", "public-post", "--platform", "x", "--quote", "-o", "out.txt"],
    ["export", "all", "--format", "json"],
    ["verify", "c1", "--fingerprint", "a", "--fingerprint", "b"],
    ["restore"],
    ["import", "a.json", "b.json"],
    ["react", "c1", "--json"],
    # refused: the message must be the full parser's, word for word
    ["letter", "c1"],
    ["letter", "c1", "--kind", "sonnet"],
    ["export", "c1", "--format", "docx"],
    ["cases", "--jsn"],
    ["letter", "c1", "--kind", "complaint", "--today", "2026-01-01"],
    ["stats"],
    ["--today", "someday", "cases"],
    ["frobnicate"],
]


@pytest.mark.parametrize("argv", CALLS, ids=lambda argv: "-".join(argv))
def test_one_commands_parser_reads_a_call_as_the_full_parser_does(argv, capsys):
    """A call builds only its command's parser; what it reads or refuses is unchanged."""
    outcomes = []
    for read in (cli.parse, lambda words: cli.build_parser().parse_args(words)):
        try:
            outcomes.append(("read", vars(read(argv))))
        except SystemExit as exc:
            outcomes.append(("exit", exc.code))
        captured = capsys.readouterr()
        outcomes.append((captured.out, captured.err))
    assert outcomes[:2] == outcomes[2:]


def test_a_call_builds_no_other_commands_parser(monkeypatch):
    built: list[str] = []
    real = cli._Parser.__init__

    def counting(self, *args, **kwargs):
        built.append(kwargs.get("prog") or "")
        real(self, *args, **kwargs)

    monkeypatch.setattr(cli._Parser, "__init__", counting)
    args = cli.parse(["letter", "c1", "--kind", "complaint"])
    assert args.command == "letter" and args.kind == "complaint"
    assert len(built) == 3  # the top options alone, then the top parser and the letter's


def test_a_json_export_imports_neither_the_ladders_nor_uuid_nor_shutil(
    run_cli, make_saga, saga, data_dir, tmp_path
):
    assert run_cli("import", str(make_saga(saga))).code == 0
    case = run_cli("cases", "--json").json()[0]["id"]
    out = tmp_path / "out.json"
    loaded = _modules_after(["export", case, "--format", "json", "-o", str(out)], data_dir)
    assert out.stat().st_size > 0
    assert not loaded & {"plainte.core.ladder", "uuid", "shutil", "hashlib", "babel"}


@pytest.mark.parametrize(
    "argv", [["cases"], ["stats", "c1"], ["ladder", "c1"], ["restore"]], ids="-".join
)
def test_reading_commands_import_no_typing_shutil_or_uuid(run_cli, make_saga, data_dir, argv):
    """Modules a reading command never uses at run time (typing is for type checkers)."""
    doc = saga_doc()
    doc["cases"][0]["id"] = "c1"
    assert run_cli("import", str(make_saga(doc))).code == 0
    loaded = _modules_after(argv, data_dir)
    assert not loaded & {"typing", "shutil", "uuid", "_strptime"}, argv
