"""What an import reports: a problem with its line number, the summary of what was written, the refusal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import ImportProblem
from app.core.i18n import t


@dataclass(frozen=True)
class RowProblem:
    """One reason a file cannot be imported; ``line`` 0 means the file as a whole."""

    line: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return self.message
        return t("regel {line}: {msg}", line=self.line, msg=self.message)


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed in the store."""

    kind: str  #: 'roster', 'rules' or 'incidents'
    added: int
    updated: int = 0
    unchanged: int = 0
    lessons_added: int = 0
    rules_created: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()

    def describe(self) -> str:
        """One or two sentences for the user."""
        if self.kind == "roster":
            text = t(
                "Leerlingen: {a} toegevoegd, {u} bijgewerkt, {s} ongewijzigd.",
                a=self.added,
                u=self.updated,
                s=self.unchanged,
            )
            if self.attributes:
                text += " " + t("Kenmerken: {names}.", names=", ".join(self.attributes))
            return text
        if self.kind == "rules":
            return t(
                "Afspraken: {a} toegevoegd, {u} bijgewerkt, {s} ongewijzigd.",
                a=self.added,
                u=self.updated,
                s=self.unchanged,
            )
        one = self.lessons_added == 1
        text = t(
            "Incidenten: {a} toegevoegd, {l} nieuwe {les}; {s} stonden er al in.",
            a=self.added,
            l=self.lessons_added,
            les=t("les") if one else t("lessen"),
            s=self.unchanged,
        )
        if self.rules_created:
            text += " " + t(
                "Nieuwe afspraken aangemaakt (startstap 1, controleer ze): {names}.",
                names=", ".join(self.rules_created),
            )
        return text


def problem_exit(path: Path | str, problems: Iterable[RowProblem]) -> ImportProblem:
    """The exception that refuses a whole file and lists every problem."""
    items = sorted(problems, key=lambda p: p.line)
    one = len(items) == 1
    return ImportProblem(
        t(
            "{file} is niet geïmporteerd ({n} {what}); er is niets veranderd:",
            file=Path(path).name,
            n=len(items),
            what=t("probleem") if one else t("problemen"),
        ),
        [str(p) for p in items],
    )
