"""Help › Over: version, licence, where the log and its backups are, and the privacy statement.

The facts come from ``app.core.about`` (no Qt there); the full privacy statement is docs/privacy.md,
shipped beside the resources (also in the bundle), shown as formatted text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core import config
from app.core.about import AboutFacts, about_facts
from app.core.i18n import current_language, t

#: the heading in docs/privacy.md where the English summary starts
ENGLISH_SUMMARY = "## English summary"


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Who, what version, under which licence, where the data lives and what happens to it."""

    def __init__(self, store_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.facts: AboutFacts = about_facts(store_path)
        self.setWindowTitle(t("Over Rechtvaardige strengheid"))
        self.setMinimumWidth(600)

        icon = QLabel()
        icon.setPixmap(
            QPixmap(str(config.RESOURCES / "icons" / "fair-strictness.png")).scaled(
                64, 64, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        name = QLabel(t("Rechtvaardige strengheid"))
        name.setStyleSheet("font-size: 16pt; font-weight: 600;")
        what = QLabel(
            t(
                "Een persoonlijk hulpmiddel voor leraren: pas ik dezelfde afspraak bij iedereen even "
                "streng toe?",
            )
        )
        what.setWordWrap(True)
        what.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(name)
        titles.addWidget(what)
        head = QHBoxLayout()
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(titles, 1)

        facts = QFormLayout()
        self.version = _selectable(f"{config.APP_NAME} {self.facts.version}")
        self.licence = _selectable(
            t(
                "{licence} (open source: vrij te gebruiken, te delen en aan te passen)",
                licence=self.facts.licence,
            )
        )
        self.store_label = _selectable(str(self.facts.store))
        self.backups_label = _selectable(str(self.facts.backups))
        facts.addRow(t("Versie:"), self.version)
        facts.addRow(t("Licentie:"), self.licence)
        facts.addRow(t("Logboek:"), self.store_label)
        facts.addRow(t("Back-ups:"), self.backups_label)
        self.open_folder = QPushButton(t("&Map openen"))
        self.open_folder.setToolTip(
            t(
                "Toon de map met het logboek in de bestandsbeheerder.",
            )
        )
        self.open_folder.clicked.connect(self._open_folder)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_folder)
        facts.addRow(row)

        privacy = QGroupBox(t("Privacy in het kort"))
        self.privacy_text = QLabel(
            "<ul style='margin-left: -20px'>"
            + "".join(f"<li>{escape(line)}</li>" for line in self.facts.privacy)
            + "</ul>"
        )
        self.privacy_text.setTextFormat(Qt.TextFormat.RichText)
        self.privacy_text.setWordWrap(True)
        inner = QVBoxLayout(privacy)
        inner.addWidget(self.privacy_text)

        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(t("Sluiten"))
        self.full_privacy: QPushButton | None = None
        if self.facts.privacy_doc is not None:
            self.full_privacy = box.addButton(
                t("Volledige &privacyverklaring…"),
                QDialogButtonBox.ButtonRole.ActionRole,
            )
            self.full_privacy.clicked.connect(self.show_privacy)
        box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(facts)
        layout.addWidget(privacy)
        layout.addWidget(box)
        self._privacy_dialog: QDialog | None = None

    def _open_folder(self) -> None:
        folder = self.facts.store.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def show_privacy(self) -> QDialog:
        """The whole privacy statement (docs/privacy.md); in English the English summary comes first."""
        assert self.facts.privacy_doc is not None
        text = self.facts.privacy_doc.read_text(encoding="utf-8")
        if current_language() == "en" and ENGLISH_SUMMARY in text:
            dutch, english = text.split(ENGLISH_SUMMARY, 1)
            text = f"{ENGLISH_SUMMARY}{english}\n\n---\n\n*The full statement follows, in Dutch.*\n\n{dutch}"
        dialog = QDialog(self)
        dialog.setObjectName("privacy")
        dialog.setWindowTitle(t("Privacyverklaring"))
        dialog.resize(760, 620)
        browser = QTextBrowser()
        browser.setMarkdown(text)
        browser.setOpenExternalLinks(False)
        browser.setAccessibleName(t("Privacyverklaring"))
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.button(QDialogButtonBox.StandardButton.Close).setText(t("Sluiten"))
        box.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(box)
        self._privacy_dialog = dialog
        self.privacy_browser = browser
        dialog.open()
        return dialog
