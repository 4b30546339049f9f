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
                "The app points to a possible pattern: {what}. Do you recognise it? What was going on in "
                "those lessons?",
                what=top.label or top.subject,
            ),
            t(
                "Het is een vraag, geen oordeel: er kan een goede reden zijn die de cijfers niet kennen.",
                "It is a question, not a verdict: there may be a good reason the numbers do not know.",
            ),
        )
    else:
        pattern = Prompt(
            "pattern",
            t(
                "Zie je zelf een patroon in hoe je deze week reageerde, ook waar de app niets aanwijst?",
                "Do you see a pattern yourself in how you responded this week, also where the app "
                "points to nothing?",
            ),
            t(
                "Denk aan momenten (dag, uur, sfeer) en aan leerlingen die je minder opvielen.",
                "Think of moments (day, hour, mood) and of students you noticed less.",
            ),
        )
    return (
        pattern,
        Prompt(
            "same_behaviour",
            t(
                "Denk aan twee leerlingen die ongeveer hetzelfde deden. Kregen ze dezelfde reactie van "
                "jou? Zo niet: wat maakte het verschil?",
                "Think of two students who did roughly the same thing. Did they get the same response "
                "from you? If not, what made the difference?",
            ),
            t(
                "Een reden kan terecht zijn; het helpt om hem op te schrijven.",
                "A reason can be fair; writing it down helps.",
            ),
        ),
        Prompt(
            "urgent",
            t(
                "Welke situatie vroeg echt om meteen ingrijpen omdat iemand gevaar liep, en wat had "
                "rustig tot na de les kunnen wachten?",
                "Which situation really needed action at once because someone was at risk, and what "
                "could have waited calmly until after the lesson?",
            ),
            t(
                "Dringend en belangrijk zijn niet hetzelfde.",
                "Urgent and important are not the same thing.",
            ),
        ),
        Prompt(
            "praise",
            t(
                "Wie zag je deze week iets goed doen? Wie had een compliment verdiend en kreeg het niet?",
                "Whom did you see doing something well this week? Who deserved praise and did not get it?",
            ),
            t(
                "Leerlingen met veel correcties hebben het compliment vaak het hardst nodig.",
                "Students with many corrections often need the praise most.",
            ),
        ),
        Prompt(
            "keep",
            t("Wat wil je volgende week zo houden?", "What do you want to keep next week?"),
            t("Iets dat werkte, hoe klein ook.", "Something that worked, however small."),
        ),
        Prompt(
            "change",
            t(
                "Wat wil je volgende week anders doen, en waaraan merk je dat het lukt?",
                "What do you want to do differently next week, and how will you notice it works?",
            ),
            t("Eén concrete stap is genoeg.", "One concrete step is enough."),
        ),
    )
