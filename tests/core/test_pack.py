"""The filing pack: hostile attachment names become safe file names, the original kept."""

from __future__ import annotations

import csv
import json
from datetime import date

from plainte.core import attachments
from plainte.core.filenames import safe_filename
from plainte.core.ladder import load_ladders
from plainte.core.model import Attachment
from plainte.core.pack import write_pack
from plainte.core.sagafile import parse_saga

from ..conftest import saga_doc

HOSTILE_NAMES = [
    "../../../outside.pdf",
    "a/b/c.pdf",
    "C:\\Windows\\evil.pdf",
    "..",
    "nul\x00byte.pdf",
    "two\nlines.pdf",
    "cv\u202efdp.exe",
    "iso\u2066late\u2069.pdf",
    "CON",
    "aux.txt",
    "é" * 400 + ".pdf",
    "=HYPERLINK(1).pdf",
]


def _fake_pdf(context: dict, path, lang: str, header: str) -> int:
    path.write_bytes(b"%PDF-1.4 stand-in written by the test")
    return 1


def test_hostile_attachment_names_are_made_safe_and_kept_in_the_manifest(store, tmp_path):
    evidence = tmp_path / "evidence.bin"
    evidence.write_bytes(b"the same bytes for every name")
    stored = attachments.add_file(store.data_dir, evidence)
    doc = saga_doc()
    doc["cases"][0]["events"][0]["attachments"] = [
        {"name": name, "sha256": stored.sha256, "size": stored.size}
        for name in HOSTILE_NAMES
        if "\x00" not in name  # the reader refuses NUL; a damaged store could still hold it
    ]
    store.import_cases(parse_saga(json.dumps(doc).encode()).cases)
    case = store.load_case("case-1", with_journal=True)
    case.events[0].attachments.append(Attachment("nul\x00byte.pdf", stored.sha256, stored.size))
    folder = tmp_path / "pack"
    pack = write_pack(
        case, load_ladders(), date(2026, 8, 22), "en", folder, store.data_dir, _fake_pdf
    )
    assert not pack.problems
    files = folder / "evidence"
    copied = sorted(p for p in files.iterdir())
    names = [a.name for a in case.events[0].attachments]
    assert len(copied) == len(names)  # one copy per attachment, none overwritten
    assert all(p.parent == files for p in files.rglob("*"))  # nothing climbed out
    assert not (tmp_path / "outside.pdf").exists()
    for path in copied:
        assert path.name == safe_filename(path.name)
    rows = list(csv.DictReader((folder / "manifest.csv").open(encoding="utf-8", newline="")))
    originals = {r["original_name"].removeprefix("'") for r in rows if r["original_name"]}
    assert originals == set(names)
