"""The composer: kind, language, platform; a live preview; copy, save, and "mark as sent"."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plainte.core.compose import KINDS, PUBLIC, Composer, Composition
from plainte.core.errors import PlainteError
from plainte.core.i18n import tr
from plainte.core.model import Case, Channel, Direction, Event, parse_typed_when
from plainte.core.platforms import PLATFORMS
from plainte.gui.referral_window import ReferralWindow, referral_for
from plainte.gui.widgets import PlainLabel, shown
from plainte.gui.worker import run_in_background

SENT_BY = {
    "complaint": "letter",
    "formal-notice": "registered_letter",
    "ombudsman": "web_form",
    "cancellation": "letter",
    "call-recap": "email",
    "public-post": "social_public",
    "satire": "social_public",
}
STEP_OF = {
    "complaint": "written_complaint",
    "formal-notice": "formal_notice",
    "ombudsman": "ombudsman",
}


class ComposerDialog(QDialog):
    """Renders through core's Composer off the GUI thread; ``sent`` carries the logged event."""

    sent = Signal(object)
    saved = Signal(str)  # what to say in the status bar

    def __init__(
        self,
        parent: QWidget | None,
        composer: Composer,
        case: Case,
        today: date,
        sender: dict[str, str],
        kind: str = "complaint",
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.composer.title", provider=case.provider))
        self.composer, self.case, self.today, self.sender = composer, case, today, sender
        self.data_dir = data_dir
        self.result: Composition | None = None
        self.generation = 0
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(tr(f"gui.kinds.{k}"), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.lang = QComboBox()
        self.lang.addItem(tr("gui.composer.auto"), None)
        self.lang.addItem("Français", "fr")
        self.lang.addItem("English", "en")
        self.platform = QComboBox()
        for platform in PLATFORMS.values():
            self.platform.addItem(f"{platform.name} ({platform.limit:,})", platform.id)
        self.quote = QCheckBox(tr("posts.quote"))
        self.quote.setToolTip(tr("posts.quote_tip"))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(tr(f"channel.{channel.value}"), channel.value)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("composerPreview")
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(tr("gui.composer.preview"))
        mono = QFont("DejaVu Sans")
        self.preview.setFont(mono)
        self.counter = PlainLabel()
        self.counter.setObjectName("composerCounter")
        self.notice = PlainLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #ef6c00")
        self.checks = PlainLabel()
        self.checks.setObjectName("composerChecks")
        self.checks.setWordWrap(True)
        self.checks.setStyleSheet("color: #ef6c00")
        self.checks.setVisible(False)
        # the check before writing (core.precheck): shown with the letter, never in it
        self.before = QPlainTextEdit()
        self.before.setObjectName("composerBefore")
        self.before.setReadOnly(True)
        self.before.setAccessibleName(tr("precheck.title"))
        self.before.setMaximumHeight(120)
        self.before.setVisible(False)
        self.form_button = QPushButton(tr("referral.button"))
        self.form_button.setToolTip(tr("referral.option"))
        self.form_button.clicked.connect(self.show_referral)
        self.reset_button = QPushButton(tr("posts.reset"))
        self.reset_button.setVisible(False)
        self.reset_button.clicked.connect(self.render)
        self._filling = False
        self._checker: tuple | None = None
        self.preview.textChanged.connect(self._edited)
        self.copy_button = QPushButton(tr("gui.composer.copy"))
        self.text_button = QPushButton(tr("gui.composer.save_text"))
        self.pdf_button = QPushButton(tr("gui.composer.save_pdf"))
        self.sent_button = QPushButton(tr("gui.composer.mark_sent"))
        self.sent_button.setDefault(True)
        close = QPushButton(tr("gui.close"))
        self.copy_button.clicked.connect(self.copy)
        self.text_button.clicked.connect(self.save_text)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.sent_button.clicked.connect(self.mark_sent)
        close.clicked.connect(self.reject)

        form = QFormLayout()
        for key, widget in (
            ("kind", self.kind),
            ("lang", self.lang),
            ("platform", self.platform),
            ("channel", self.channel),
        ):
            label = tr(f"gui.composer.{key}")
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        form.addRow("", self.quote)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter, 1)
        for button in (
            self.reset_button,
            self.form_button,
            self.copy_button,
            self.text_button,
            self.pdf_button,
            self.sent_button,
            close,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.before)
        layout.addWidget(self.checks)
        layout.addLayout(buttons)
        for combo in (self.kind, self.lang, self.platform):
            combo.currentIndexChanged.connect(self.render)
        self.quote.toggled.connect(self.render)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.resize(820, 680)
        self.render()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.platform.setEnabled(kind in PUBLIC)
        self.form_button.setVisible(kind == "ombudsman")
        self.quote.setEnabled(kind in PUBLIC)
        # a public text is the person's to edit; a letter stays as the record wrote it
        self.preview.setReadOnly(kind not in PUBLIC)
        self.channel.setCurrentIndex(self.channel.findData(SENT_BY[kind]))

    def render(self) -> None:
        """Render the current options in the background; only the latest result is shown."""
        self.generation += 1
        generation = self.generation
        kind, lang, platform = (
            self.kind.currentData(),
            self.lang.currentData(),
            self.platform.currentData(),
        )
        self.counter.setText(tr("gui.composer.rendering"))

        quote = self.quote.isChecked()

        def work() -> Composition:
            return self.composer.compose(
                self.case,
                kind,
                self.today,
                lang=lang,
                platform=platform,
                sender=self.sender,
                quote=quote,
            )

        run_in_background(
            work, lambda r: self._show(generation, r), lambda e: self._failed(generation, e)
        )

    def _show(self, generation: int, result: Composition) -> None:
        if generation != self.generation:
            return
        self.result = result
        self._filling = True
        self.preview.setPlainText(result.text)
        self._filling = False
        self.reset_button.setVisible(False)
        self._show_checks(result.flags, [])
        self._show_findings(result)
        if result.limit is not None:
            over = result.count > result.limit
            self.counter.setText(tr("gui.composer.count", count=result.count, limit=result.limit))
            self.counter.setStyleSheet("color: #e53935" if over else "")
        else:
            words = len(result.text.split())
            self.counter.setText(tr("gui.composer.words", words=words))
            self.counter.setStyleSheet("")
        self.notice.setText("\n".join(str(w) for w in result.warnings))
        self.notice.setVisible(bool(result.warnings))
        for button in (self.copy_button, self.text_button, self.pdf_button, self.sent_button):
            button.setEnabled(True)

    def _show_findings(self, result: Composition) -> None:
        """The check before writing, in the letter's language; serious ones first."""
        findings = sorted(result.findings, key=lambda f: not f.serious)
        lines = [f"{'⚠' if f.serious else '•'} {f.message(result.lang)}" for f in findings]
        self.before.setPlainText("\n".join([tr("precheck.title"), *lines]) if lines else "")
        self.before.setVisible(bool(lines))

    def referral_text(self) -> str:
        """The ombudsman's online form, field by field (``letter --form``), or ``""``."""
        if self.result is None or self.result.kind != "ombudsman":
            return ""
        return referral_for(self.case, self.today, self.result)

    def show_referral(self) -> None:
        """A window with the online form's fields, ready to copy and paste."""
        self.referral_dialog = ReferralWindow(self, self.referral_text())
        self.referral_dialog.open()

    def _failed(self, generation: int, error: Exception) -> None:
        if generation != self.generation:
            return
        self.result = None
        message = (
            str(error) if isinstance(error, PlainteError) else f"{type(error).__name__}: {error}"
        )
        self.preview.setPlainText("")
        self.counter.setText("")
        self.notice.setText(message)
        self.notice.setVisible(True)
        for button in (self.copy_button, self.text_button, self.pdf_button, self.sent_button):
            button.setEnabled(False)

    def _edited(self) -> None:
        """Re-count and re-check a public text the person edits, as they type."""
        if self._filling or self.result is None or self.result.kind not in PUBLIC:
            return
        from plainte.core.figures import compute
        from plainte.core.posts import phrases
        from plainte.core.publish import check
        from plainte.core.redact import Redactor

        if self._checker is None:  # once per case, not at every keystroke
            figures = compute(self.case, self.today)
            self._checker = (Redactor(self.case), {})
            self._checker[1].update({lang: phrases(figures, lang) for lang in ("fr", "en")})
        clean, factual = self._checker
        result = check(
            self.preview.toPlainText(),
            self.case,
            self.result.platform or "x",
            self.result.lang,
            self.today,
            clean=clean,
            factual=factual[self.result.lang],
        )
        self.counter.setText(tr("gui.composer.count", count=result.count, limit=result.limit))
        self.counter.setStyleSheet("" if result.fits else "color: #e53935")
        self.reset_button.setVisible(True)
        self._show_checks(result.flags, result.leaks)

    def _show_checks(self, flags: list, leaks: list[str]) -> None:
        lines = [
            tr("posts.tone_flag", word=f.word, factual=f.factual)
            if f.factual
            else tr("posts.tone_flag_plain", word=f.word)
            for f in flags
        ]
        if leaks:
            lines.append(tr("posts.leak", items=", ".join(dict.fromkeys(leaks))))
        self.checks.setText("\n".join(lines))
        self.checks.setVisible(bool(lines))

    def text(self) -> str:
        """What copy, save and "mark as sent" use: a public text as edited, redacted again."""
        if self.result is None:
            return ""
        if self.result.kind in PUBLIC and self.reset_button.isVisibleTo(self):
            # edited: Qt's plain text has lost the no-break spaces, the words are theirs
            from plainte.core.redact import Redactor

            return (self._checker[0] if self._checker else Redactor(self.case))(
                self.preview.toPlainText()
            )
        return self.result.text

    def copy(self) -> None:
        if self.result:
            QGuiApplication.clipboard().setText(self.text())
            self.counter.setText(tr("gui.composer.copied"))

    def _target(self, suffix: str, filter_key: str) -> Path | None:
        from plainte.core.export import file_stem

        name = f"{self.kind.currentData()}-{file_stem(self.case.provider, '')}.{suffix}"
        path, _ = QFileDialog.getSaveFileName(
            self, tr("gui.composer.save_as"), name, tr(filter_key)
        )
        return Path(path) if path else None

    def save_text(self) -> None:
        path = self.result and self._target("txt", "gui.composer.filter_text")
        if path:
            try:
                path.write_text(self.text(), encoding="utf-8")
            except OSError as exc:
                QMessageBox.warning(
                    self,
                    "plainte",
                    shown(tr("errors.cannot_write", path=path, detail=exc.strerror)),
                )

    def save_pdf(self) -> None:
        """Save the letter as a PDF at print size, on the paper of the case's country."""
        from plainte.core.paper import paper_for
        from plainte.gui.letter_pdf import letter_to_pdf

        path = self.result and self._target("pdf", "gui.composer.filter_pdf")
        if not path:
            return
        paper = paper_for(self.case.country, self.result.lang)
        title = self.result.subject or tr(f"gui.kinds.{self.result.kind}", self.result.lang)
        try:
            letter_to_pdf(self.text(), path, paper=paper, title=title)
        except OSError as exc:
            QMessageBox.warning(
                self,
                "plainte",
                shown(tr("errors.cannot_write", path=path, detail=exc.strerror or exc)),
            )
            return
        self.saved.emit(tr("gui.status.saved", path=path))

    def sent_event(self) -> Event:
        """The event "mark as sent" logs: now, the chosen channel, the ladder step."""
        kind = self.kind.currentData()
        lang = self.result.lang if self.result else None  # one language: the letter's
        text = self.text()
        summary = self.result.subject if self.result and self.result.subject else text[:280]
        moment = datetime.now()
        if self.today != moment.date():  # the app runs "as of" another day
            moment = datetime.combine(self.today, moment.time())
        now = parse_typed_when(moment.strftime("%Y-%m-%d %H:%M"))
        return Event(
            id=str(uuid.uuid4()),
            at=now,
            channel=Channel(self.channel.currentData()),
            direction=Direction.OUT,
            summary=f"{tr('gui.kinds.' + kind, lang)} — {summary}",
            step=STEP_OF.get(kind),
        )

    def mark_sent(self) -> None:
        """Log the sending, with the letter's text attached as evidence."""
        if self.result is None:
            return
        event = self.sent_event()
        if self.data_dir is not None:
            import tempfile

            from plainte.core.attachments import add_file

            with tempfile.TemporaryDirectory() as tmp:
                name = f"{self.kind.currentData()}-{event.at.day.isoformat()}.txt"
                letter = Path(tmp) / name
                letter.write_text(self.text(), encoding="utf-8")
                try:
                    event.attachments.append(add_file(self.data_dir, letter))
                except PlainteError as exc:
                    QMessageBox.warning(self, "plainte", shown(str(exc)))
        self.sent.emit(event)
        self.accept()
