"""What the About box and ``--version`` say: version, licence, where the data lives, privacy in short.

Plain data and text in the user's language (``t``), no Qt: the window shows it, tests read it.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from app import __version__
from app.core import config
from app.core.i18n import t

LICENCE = "MIT"
#: the privacy statement for the school's data protection officer (shipped in the bundle too)
PRIVACY_DOC = "privacy.md"


def version_line() -> str:
    """``fair-strictness 0.1.0``, and which Python runs it (a bundle carries its own)."""
    kind = "bundle, Python" if getattr(sys, "frozen", False) else "Python"
    return f"{config.APP_NAME} {__version__} ({kind} {sys.version_info.major}.{sys.version_info.minor})"


@dataclass(frozen=True)
class AboutFacts:
    """Everything the About box shows, as plain fields."""

    version: str
    licence: str
    store: Path
    backups: Path
    data_dir: Path
    privacy: tuple[str, ...]
    privacy_doc: Path | None


def privacy_summary() -> tuple[str, ...]:
    """The privacy statement in five lines (docs/privacy.md is the full text)."""
    return (
        t(
            "Alles blijft op deze computer: geen server, geen account, geen telemetrie. "
            "Het programma maakt geen netwerkverbinding.",
        ),
        t(
            "Het logboek is één bestand dat alleen jouw gebruikersaccount kan lezen; "
            "back-ups staan ernaast en verdwijnen na 30 dagen.",
        ),
        t(
            "Versleutelen met een wachtwoord wordt aangeraden: Instellingen › Gegevens en privacy.",
        ),
        t(
            "Alleen wat je zelf exporteert verlaat de computer; de teamexport is geanonimiseerd.",
        ),
        t(
            "Een leerling vergeten of een schooljaar wissen kan onder Instellingen › Gegevens en privacy.",
        ),
    )


def about_facts(store_path: Path) -> AboutFacts:
    """The facts for the store at ``store_path``."""
    doc = config.DOCS / PRIVACY_DOC
    return AboutFacts(
        version=__version__,
        licence=LICENCE,
        store=store_path,
        backups=config.backup_dir(store_path),
        data_dir=config.data_dir(),
        privacy=privacy_summary(),
        privacy_doc=doc if doc.is_file() else None,
    )
