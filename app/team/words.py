"""English for the Dutch words in the team tables (headers, moments, categories) in an English app.

The tables are built with Dutch words (the handout is Dutch first); ``word`` gives the English one when the
user chose English, so an English handout and preview do not mix languages. The values (weekdays, moods,
energies, categories) are marked in ``app.core.vocabulary``.
"""

from __future__ import annotations

from app.core.i18n import N_, translate

#: the Dutch words and headers of the team tables, marked for the catalog (the English is there)
WORDS = (
    N_("% compliment"),
    N_("% consequentie"),
    N_("% milder"),
    N_("% strenger"),
    N_("% volgens"),
    N_("% van alle"),
    N_("Afspraak"),
    N_("Zo vaak"),
    N_("% zo vaak"),
    N_("Incidenten rest"),
    N_("Zo vaak rest"),
    N_("% rest"),
    N_("Hoe zeker"),
    N_("Chi-kwadraat"),
    N_("Complimenten"),
    N_("Complimenten per correctie"),
    N_("Consequentie"),
    N_("Consequenties"),
    N_("Ouders ingelicht"),
    N_("Verwacht ingelicht"),
    N_("% ingelicht"),
    N_("Correcties"),
    N_("Docent"),
    N_("Docenten"),
    N_("Groep"),
    N_("Groep of moment"),
    N_("Incidenten"),
    N_("Indeling"),
    N_("Interval hoog"),
    N_("Interval laag"),
    N_("Keer"),
    N_("Keren"),
    N_("Leerling"),
    N_("Methode"),
    N_("Milder"),
    N_("Moment"),
    N_("Odds ratio"),
    N_("Oordeel"),
    N_("Opvallend"),
    N_("Richting"),
    N_("Soort"),
    N_("Strenger"),
    N_("Toelichting"),
    N_("Tot en met week"),
    N_("Van week"),
    N_("Verwacht milder"),
    N_("Verwacht strenger"),
    N_("Volgens afspraak"),
    N_("Vrijheidsgraden"),
    N_("Waarde"),
    N_("klas"),
    N_("dag"),
    N_("lesuur"),
    N_("maand"),
    N_("periode"),
    N_("soort afspraak"),
    N_("energie docent"),
    N_("sfeer in de les"),
    N_("niet ingevuld"),
    N_("strenger"),
    N_("volgens afspraak"),
)


def word(dutch: str) -> str:
    """The word in the user's language (Dutch as given; English from the catalog, else unchanged)."""
    return translate(dutch)
