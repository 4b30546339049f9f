"""English for the Dutch words in the team tables (headers, moments, categories) in an English app.

The tables are built with Dutch words (the handout is Dutch first); ``word`` gives the English one when the
user chose English, so an English handout and preview do not mix languages.
"""

from __future__ import annotations

from app.core.i18n import t
from app.core.vocabulary import ENGLISH as VALUES

#: Dutch word or header -> English
ENGLISH = {
    # column headers
    "% compliment": "% praise",
    "% consequentie": "% consequence",
    "% milder": "% milder",
    "% strenger": "% stricter",
    "% volgens": "% as agreed",
    "% van alle": "% of all",
    "Afspraak": "Rule",
    "Chi-kwadraat": "Chi-square",
    "Complimenten": "Praise",
    "Complimenten per correctie": "Praise per correction",
    "Consequentie": "Consequence",
    "Correcties": "Corrections",
    "Docent": "Teacher",
    "Docenten": "Teachers",
    "Groep": "Group",
    "Groep of moment": "Group or moment",
    "Incidenten": "Incidents",
    "Indeling": "Breakdown",
    "Interval hoog": "Interval high",
    "Interval laag": "Interval low",
    "Keer": "Strike",
    "Keren": "Strikes",
    "Leerling": "Student",
    "Methode": "Method",
    "Milder": "Milder",
    "Moment": "Moment",
    "Odds ratio": "Odds ratio",
    "Oordeel": "Verdict",
    "Opvallend": "Notable",
    "Richting": "Direction",
    "Soort": "Kind",
    "Strenger": "Stricter",
    "Toelichting": "Explanation",
    "Tot en met week": "To week",
    "Van week": "From week",
    "Verwacht milder": "Expected milder",
    "Verwacht strenger": "Expected stricter",
    "Volgens afspraak": "As agreed",
    "Vrijheidsgraden": "Degrees of freedom",
    "Waarde": "Value",
    # breakdowns
    "klas": "class",
    "dag": "day",
    "lesuur": "period",
    "maand": "month",
    "periode": "term",
    "soort afspraak": "kind of rule",
    "energie docent": "teacher's energy",
    "sfeer in de les": "mood of the lesson",
    # values: weekdays, moods, energies, categories from app.core.vocabulary
    **VALUES,
    "niet ingevuld": "not filled in",
    "strenger": "stricter",
    "volgens afspraak": "as agreed",
}


def word(dutch: str) -> str:
    """The word in the user's language (Dutch as given; English from ``ENGLISH``, else unchanged)."""
    return t(dutch, ENGLISH.get(dutch, dutch))
