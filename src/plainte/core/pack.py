"""The ombudsman filing pack: one folder ready to upload, with a manifest and a checklist."""

from __future__ import annotations

import csv
import hashlib
import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from plainte.core import attachments
from plainte.core.csvexport import neutralise
from plainte.core.errors import PlainteError
from plainte.core.filenames import safe_filename, unique_filename
from plainte.core.fingerprint import of_entries
from plainte.core.i18n import tr
from plainte.core.ladder import LadderSet, evaluate
from plainte.core.model import WRITTEN_CHANNELS, Case, Channel, Direction
from plainte.core.report import html_of, report_context
from plainte.core.sagafile import dump_saga

PdfWriter = Callable[[dict[str, Any], Path, str, str], int]
"""(report context, path, lang, header) -> pages: supplied by the GUI layer (Qt draws
the report page by page, ``Drawing.report``)."""


@dataclass
class Pack:
    folder: Path
    files: list[Path] = field(default_factory=list)
    originals: dict[Path, str] = field(default_factory=dict)
    """The name each evidence copy had in the saga, before it was made safe."""
    checklist: list[tuple[str, bool | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def evidence_present(rule: dict[str, Any], case: Case, done: set[str]) -> bool | None:
    """Whether the saga shows a document is there; None when nothing in it can tell."""
    if not rule:
        return None
    if "step" in rule:
        return rule["step"] in done
    if rule.get("answers"):
        return any(e.direction is Direction.IN and e.answered for e in case.events)
    if rule.get("letters"):
        return any(e.channel in WRITTEN_CHANNELS for e in case.events)
    if rule.get("calls"):
        return any(e.channel is Channel.PHONE for e in case.events)
    if "files" in rule:
        words = [w.lower() for w in rule["files"]]
        return any(
            any(w in a.name.lower() for w in words) for e in case.events for a in e.attachments
        )
    return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_pack(
    case: Case,
    ladders: LadderSet,
    today: date,
    lang: str,
    folder: Path,
    data_dir: Path,
    pdf: PdfWriter,
) -> Pack:
    """Write the pack for ``case`` (loaded with its journal) into ``folder``.

    Missing or altered evidence files are reported in ``problems`` and in the
    checklist, never skipped silently.
    """
    folder.mkdir(parents=True, exist_ok=True)
    pack = Pack(folder)
    header = f"{case.provider} — {case.title} — {tr('report.title', lang)}"
    context = report_context(case, ladders, today, lang)
    html = html_of(context, ladders)
    name = tr("pack.chronology_file", lang)
    pdf(context, folder / f"{name}.pdf", lang, header)
    (folder / f"{name}.html").write_text(html, encoding="utf-8")
    (folder / "saga.json").write_text(dump_saga([case]), encoding="utf-8")
    pack.files += [folder / f"{name}.pdf", folder / f"{name}.html", folder / "saga.json"]
    files_dir = folder / tr("pack.files_folder", lang)
    taken: set[str] = set()
    for event in case.events:
        for attachment in event.attachments:
            state = attachments.check(data_dir, attachment)
            if state != "ok":
                pack.problems.append(
                    tr(
                        f"pack.file_{state}",
                        lang,
                        name=" ".join(attachment.name.split()),
                        day=event.at.day.isoformat(),
                    )
                )
                continue
            files_dir.mkdir(exist_ok=True)
            prefix = f"{event.at.day.isoformat()}-{attachment.sha256[:8]}-"
            target = files_dir / unique_filename(safe_filename(prefix + attachment.name), taken)
            shutil.copyfile(attachments.stored_path(data_dir, attachment), target)
            pack.files.append(target)
            pack.originals[target] = attachment.name
    state = evaluate(ladders.for_case(case), case, today)
    done = {s.step.id for s in state.steps if s.status == "done"}
    step = next((s for s in state.steps if s.step.id == "ombudsman"), None)
    lines = [
        tr(
            "pack.checklist_title",
            lang,
            body=(step.step.body.get("name") or step.step.title[lang]) if step else "—",
        ),
        "",
    ]
    for document in step.step.documents if step else []:
        present = evidence_present(document.get("evidence", {}), case, done)
        pack.checklist.append((document[lang], present))
        mark = {True: "[x]", False: "[ ] " + tr("pack.missing", lang), None: "[?]"}[present]
        lines.append(f"{mark} {document[lang]}")
    lines += ["", tr("pack.legend", lang)]
    lines += [f"! {p}" for p in pack.problems]
    checklist = folder / f"{tr('pack.checklist_file', lang)}.txt"
    checklist.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pack.files.append(checklist)
    found = of_entries(case.journal)
    if found is not None:
        stamp = folder / "fingerprint.txt"
        stamp.write_text(
            tr("pack.fingerprint", lang, fingerprint=found.text, hash=found.hash) + "\n",
            encoding="utf-8",
        )
        pack.files.append(stamp)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(("file", "sha256", "size", "original_name"))
    for path in pack.files:
        writer.writerow(
            (
                path.relative_to(folder).as_posix(),
                _sha256(path),
                path.stat().st_size,
                neutralise(pack.originals.get(path)),
            )
        )
    (folder / "manifest.csv").write_text(out.getvalue(), encoding="utf-8", newline="")
    if not pack.files:
        raise PlainteError("cannot_write", path=folder, detail="empty pack")
    return pack
