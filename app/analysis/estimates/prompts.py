"""The weekly reflection questions: open, non-accusing, in the user's language (no Qt).

Answers are stored per week under each prompt's ``key``; the keys never change, only the wording may
(the first question mentions the week's most important finding when there is one).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.i18n import t

if TYPE_CHECKING:
    from app.analysis.results import AuditReport

KEYS = ("pattern", "same_behaviour", "urgent", "praise", "keep", "change")


@dataclass(frozen=True)
class Prompt:
    """One question of the week, with a short hint of what a useful answer looks like."""

    key: str
    question: str
    hint: str


def weekly_prompts(report: AuditReport | None = None) -> tuple[Prompt, ...]:
    """The questions for a week, the first one shaped by the week's top finding (if any)."""
    findings = report.findings if report is not None else ()
    if findings:
        top = findings[0]
        pattern = Prompt(
            "pattern",
            t(
                "De app wijst een mogelijk patroon aan: {what}. Herken je dat? Wat speelde er in die lessen?",
                what=top.label or top.subject,
            ),
            t(
                "Het is een vraag, geen oordeel: er kan een goede reden zijn die de cijfers niet kennen.",
            ),
        )
    else:
        pattern = Prompt(
            "pattern",
            t(
                "Zie je zelf een patroon in hoe je deze week reageerde, ook waar de app niets aanwijst?",
            ),
            t(
                "Denk aan momenten (dag, uur, sfeer) en aan leerlingen die je minder opvielen.",
            ),
        )
    return (
        pattern,
        Prompt(
            "same_behaviour",
            t(
                "Denk aan twee leerlingen die ongeveer hetzelfde deden. Kregen ze dezelfde reactie van "
                "jou? Zo niet: wat maakte het verschil?",
            ),
            t(
                "Een reden kan terecht zijn; het helpt om hem op te schrijven.",
            ),
        ),
        Prompt(
            "urgent",
            t(
                "Welke situatie vroeg echt om meteen ingrijpen omdat iemand gevaar liep, en wat had "
                "rustig tot na de les kunnen wachten?",
            ),
            t(
                "Dringend en belangrijk zijn niet hetzelfde.",
            ),
        ),
        Prompt(
            "praise",
            t(
                "Wie zag je deze week iets goed doen? Wie had een compliment verdiend en kreeg het niet?",
            ),
            t(
                "Leerlingen met veel correcties hebben het compliment vaak het hardst nodig.",
            ),
        ),
        Prompt(
            "keep",
            t("Wat wil je volgende week zo houden?"),
            t("Iets dat werkte, hoe klein ook."),
        ),
        Prompt(
            "change",
            t(
                "Wat wil je volgende week anders doen, en waaraan merk je dat het lukt?",
            ),
            t("Eén concrete stap is genoeg."),
        ),
    )
