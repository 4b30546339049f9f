"""Plain-language texts for a blind spot: its title, the counts, how sure the app is, what it is not."""

from __future__ import annotations

import math
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.vocabulary import WEEKDAYS

if TYPE_CHECKING:
    from app.analysis.results import AuditReport, Estimate

#: the audit's weekday subjects -> Qt's day numbers; names come from QLocale in the user's language
WEEKDAY_NUMBERS = {day: number for number, day in enumerate(WEEKDAYS, start=1)}


def weekday_name(subject: str) -> str:
    """'friday' -> 'vrijdag' (Dutch) or 'Friday' (English), following the app's locale."""
    from app.core.i18n import current_language

    number = WEEKDAY_NUMBERS.get(subject)
    if not number:
        return subject
    language = QLocale.Language.English if current_language() == "en" else QLocale.Language.Dutch
    return QLocale(language).dayName(number)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BlindSpot", text)


def _fill(text: str, **values: object) -> str:
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def locale() -> QLocale:
    """The locale of the message language (Dutch: decimal comma, Dutch month names)."""
    from app.core.i18n import current_language

    if current_language() == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def number(value: float, digits: int = 1) -> str:
    """A number in the user's language (decimal comma in Dutch)."""
    return locale().toString(float(value), "f", digits)


def day(d: date, fmt: str = "d MMM yyyy") -> str:
    """A date as '3 nov. 2025' (or another Qt date format) in the user's locale."""
    from PySide6.QtCore import QDate

    return locale().toString(QDate(d.year, d.month, d.day), fmt)


def subject_phrase(e: Estimate) -> str:
    """Whom or what the finding is about ('Sam', 'klas 2B', 'op vrijdag', 'in het 3e lesuur', ...).

    The private page names the student; everything else is said as the audit's explanation says it
    (``app.analysis.audit.explain.subject_phrase``: one wording for both).
    """
    from app.analysis.audit.explain import subject_phrase as phrase

    if e.kind == "student":
        return e.label or e.subject
    if e.kind == "rule":
        return phrase("rule", e.dimension, e.label or e.dimension)
    return phrase(e.kind, e.dimension, e.label if e.dimension == "group" and e.label else e.subject)


def title(e: Estimate) -> str:
    """'Mogelijk strenger voor Sam' / 'Mogelijk milder op maandag'."""
    if e.direction == "stricter":
        return _fill(_tr("Mogelijk strenger: {who}"), who=subject_phrase(e))
    return _fill(_tr("Mogelijk milder: {who}"), who=subject_phrase(e))


def counts_line(e: Estimate) -> str:
    """The counts behind the comparison, like with like (same rules and strikes)."""
    c = e.counts
    return _fill(
        _tr(
            "Telling: {s}× strenger en {m}× milder dan de ladder, van {n}; "
            "bij de rest {rs}× strenger en {rm}× milder, van {rn}."
        ),
        n=c.n,
        s=c.stricter,
        m=c.milder,
        rn=c.rest_n,
        rs=c.rest_stricter,
        rm=c.rest_milder,
    )


def headline(e: Estimate) -> str:
    """What the card says first: like with like, the counts and percentages (the audit's own words)."""
    from app.analysis.audit.explain import counts_sentence

    return counts_sentence(e.kind, e.dimension, e.subject, e.direction, e.counts)


def how_sure(e: Estimate) -> str:
    """How sure the audit is, in words (the same thresholds and wording as its explanation)."""
    from app.analysis.audit.explain import certainty_words

    words = certainty_words(e.flagged, e.p_adjusted, e.ci_low, e.ci_high, explained=bool(e.explained_by))
    return _fill(_tr("Hoe zeker: {w}."), w=words)


def aliases(e: Estimate) -> str:
    """What the timetable cannot tell apart from this finding ('' when nothing)."""
    from app.analysis.audit.explain import alias_sentence

    return alias_sentence(e.kind, e.dimension, e.subject, e.aliases)


def detail_line(e: Estimate) -> str:
    """The details under the card: both directions counted, and the odds ratio with its interval."""
    from app.analysis.audit.explain import ratio_detail

    line = counts_line(e)
    if math.isfinite(e.effect) and e.effect > 0 and e.ci_low > 0 and math.isfinite(e.ci_high):
        line += " " + _fill(_tr("Detail: {d}."), d=ratio_detail(e.effect, e.ci_low, e.ci_high))
    return line


def not_line(e: Estimate) -> str:
    """What a finding is not."""
    if e.kind == "student":
        return _tr(
            "Een patroon in je eigen logboek: geen oordeel over de leerling, geen bewijs van vooroordeel."
        )
    return _tr("Een patroon in je eigen logboek: geen oordeel over leerlingen, geen bewijs van vooroordeel.")


def calm_message(report: AuditReport) -> str:
    """What to say when nothing is flagged: honest about how much data there is."""
    period = _fill(
        _tr("van {a} tot en met {b}"),
        a=day(report.date_from) if report.date_from else "?",
        b=day(report.date_to) if report.date_to else "?",
    )
    if report.n_incidents == 0:
        return _fill(
            _tr(
                "Nog geen incidenten in dit schooljaar ({period}). Log een paar weken gewoon door; "
                "daarna verschijnen hier patronen, als die er zijn."
            ),
            period=period,
        )
    text = _tr(
        "Geen mogelijke blinde vlekken gevonden in {n} incidenten bij {s} leerlingen ({period}). Bij "
        "dezelfde afspraak en keer reageerde je niet aantoonbaar anders op een leerling, groep of moment."
    )
    text = _fill(text, n=report.n_incidents, s=report.n_students, period=period)
    if report.n_incidents < 300:
        text += " " + _tr(
            "Met zo weinig incidenten ziet de app alleen grote verschillen; kleine kunnen er nog zijn."
        )
    else:
        text += " " + _tr("Dat is geen bewijs dat alles gelijk gaat, wel een goed teken.")
    return text


def lessons_line(report: AuditReport) -> str:
    """Lessons taught and the calm ones: exact with a timetable, a hint to import one without."""
    lessons = report.lessons
    if lessons is None or lessons.taught == 0:
        return ""
    if lessons.complete:
        return _fill(
            _tr(
                "{calm} van de {taught} gegeven lessen zonder één correctie; opgemerkt worden telt per "
                "gegeven les."
            ),
            calm=lessons.calm,
            taught=lessons.taught,
        )
    return _fill(
        _tr(
            "Alleen de {n} lessen waarin je iets noteerde zijn bekend; importeer je rooster "
            "(Instellingen › Rooster en beltijden) om ook de rustige lessen mee te tellen."
        ),
        n=lessons.taught,
    )
