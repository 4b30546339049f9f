"""Plain-language explanations of audit estimates, built from their numbers (Dutch first, English too).

One function, ``explain``, writes the sentence a teacher reads next to an estimate: at the same rule
and strike, k of n times stricter (or milder) against k of n for the rest, followed by how sure the
audit is, in words and with the interval. Names never appear here (they stay in ``label``).
"""

from __future__ import annotations

import math
from datetime import date

from app.analysis.results import Counts
from app.core.i18n import current_language, translate
from app.core.vocabulary import CATEGORY_NL, ENERGY_NL, MONTHS_NL, MOOD_NL, WEEKDAY_NL

#: code -> Dutch name (translated through the catalog) of the values named in explanations
_VALUES = {"lesson_mood": MOOD_NL, "teacher_energy": ENERGY_NL, "rule_category": CATEGORY_NL}


def _value(dimension: str, subject: str, lang: str) -> str:
    """A mood, energy or category code as a word in ``lang``."""
    return translate(_VALUES[dimension].get(subject, subject), lang)


def _t(lang: str, text: str, /, **values: object) -> str:
    """``app.core.i18n.t`` with the language looked up once per explanation (thousands are built at once)."""
    out = translate(text, lang)
    return out.format(**values) if values else out


def number(value: float, digits: int = 1, lang: str | None = None) -> str:
    """A number with a decimal comma in Dutch, a point in English; huge values as '>999'."""
    if value != value:  # NaN never reaches a user
        return "?"
    if value > 999:
        return ">999"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or current_language()) == "nl" else text


def _month_name(subject: str, nl_: bool) -> str:
    """'2026-03' as 'maart 2026' (or 'March 2026'); anything else as it is."""
    year, _, month = subject.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return subject
    return f"{translate(MONTHS_NL[int(month) - 1], 'nl' if nl_ else 'en')} {year}"


def day_text(day: date, lang: str | None = None) -> str:
    """A date for reading: '1 december 2025' (Dutch) or '1 December 2025'."""
    lang = lang or current_language()
    return f"{day.day} {translate(MONTHS_NL[day.month - 1], lang)} {day.year}"


def subject_phrase(kind: str, dimension: str, subject: str, lang: str | None = None) -> str:
    """Who or when, as the grammatical subject of the sentence ('leerling 1001', 'op vrijdag', ...)."""
    lang = lang or current_language()
    nl_ = lang == "nl"
    if kind == "student":
        return _t(lang, "leerling {s}", s=subject)
    if kind == "group" and dimension == "group":
        return _t(lang, "klas {s}", s=subject)
    if kind == "group":
        return _t(lang, "leerlingen met {d} '{s}'", d=dimension, s=subject)
    if kind == "rule":
        return _t(lang, "de afspraak '{s}'", s=subject)
    if dimension == "weekday":
        return _t(lang, "op {d}", d=WEEKDAY_NL.get(subject, subject) if nl_ else subject.capitalize())
    if dimension == "period":
        if "-" in subject:
            a, b = subject.split("-", 1)
            return _t(lang, "tussen {a} en {b} uur", a=a, b=b)
        return _t(lang, "in het {p}e lesuur", p=subject)
    if dimension == "month":
        return _t(lang, "in {m}", m=_month_name(subject, nl_))
    if dimension == "term":
        return _t(lang, "in trimester {n}", n=subject.lstrip("T"))
    if dimension == "lesson_mood":
        return _t(lang, "in lessen die {m} aanvoelden", m=_value(dimension, subject, lang))
    if dimension == "teacher_energy":
        return _t(lang, "als je energie {e} was", e=_value(dimension, subject, lang))
    if dimension == "rule_category":
        return _t(lang, "afspraken over {c}", c=_value(dimension, subject, lang))
    return f"{dimension} = {subject}"


def value_label(dimension: str, subject: str, lang: str | None = None) -> str:
    """A subject's value as the private UI shows it ('vrijdag', 'gespannen', 'veiligheid'; else as is)."""
    nl_ = (lang or current_language()) == "nl"
    if dimension == "weekday":
        return WEEKDAY_NL.get(subject, subject) if nl_ else subject.capitalize()
    if dimension in _VALUES and subject in _VALUES[dimension]:
        return _value(dimension, subject, "nl" if nl_ else "en")
    return subject


def certainty_words(
    flagged: bool,
    p_adjusted: float,
    ci_low: float,
    ci_high: float,
    lang: str | None = None,
    *,
    explained: bool = False,
) -> str:
    """How sure the audit is, in words only ('vrij zeker geen toeval', 'onzeker: ...'). ``explained``:
    a clearer finding explains this pattern when fitted together (``explained_sentence`` says which),
    so it is no pattern of its own, however small its p."""
    lang = lang or current_language()
    if explained and not flagged:
        return _t(lang, "geen apart patroon")
    if flagged and p_adjusted < 0.01:
        return _t(lang, "vrij zeker geen toeval")
    if flagged:
        return _t(lang, "waarschijnlijk geen toeval")
    if ci_low > 1 or ci_high < 1:
        return _t(lang, "onzeker: bij zoveel vergelijkingen kan dit toeval zijn")
    return _t(lang, "onzeker: geen duidelijk verschil")


def ratio_detail(effect: float, ci_low: float, ci_high: float, lang: str | None = None) -> str:
    """The odds ratio with its 95 % interval, as a detail after the counts."""
    lang = lang or current_language()
    return _t(
        lang,
        "kansverhouding {e}, 95%-interval {lo} tot {hi}",
        e=number(effect, 2, lang),
        lo=number(ci_low, 2, lang),
        hi=number(ci_high, 2, lang),
    )


def certainty(
    flagged: bool,
    p_adjusted: float,
    effect: float,
    ci_low: float,
    ci_high: float,
    lang: str | None = None,
    *,
    explained: bool = False,
) -> str:
    """How sure the audit is in words, then the odds ratio and its interval as a detail."""
    lang = lang or current_language()
    return _t(
        lang,
        "Hoe zeker: {w} (detail: {d}).",
        w=certainty_words(flagged, p_adjusted, ci_low, ci_high, lang, explained=explained),
        d=ratio_detail(effect, ci_low, ci_high, lang),
    )


def share(k: int, n: int, lang: str | None = None) -> str:
    """k of n as a percentage for reading ('6 %', '0,8 %', '100 %'); '–' without cases."""
    lang = lang or current_language()
    if n <= 0:
        return "–"
    pct = 100 * k / n
    digits = 1 if 0 < pct < 10 and round(pct, 1) != round(pct) else 0
    return _t(lang, "{p} %", p=number(pct, digits, lang))


def shown_outcome(direction: str, counts: Counts) -> str:
    """The outcome whose counts show the difference: the direction's own, or the other when only it differs.

    A milder subject can be one that gets fewer heavier steps than expected rather than more lighter
    ones (at strike 1 of a rule starting at step 1 nothing is lighter); its sentence then gives the
    heavier steps ("0 of 51 against 67 of 67"), not two zeros.
    """
    exp_s, exp_m = counts.expected_stricter, counts.expected_milder
    if exp_s + exp_m <= 0 and counts.rest_n > 0:
        exp_s = counts.n * counts.rest_stricter / counts.rest_n
        exp_m = counts.n * counts.rest_milder / counts.rest_n
    z_s = (counts.stricter - exp_s) / math.sqrt(exp_s + 0.5)
    z_m = (counts.milder - exp_m) / math.sqrt(exp_m + 0.5)
    own, other = (z_s, -z_m) if direction == "stricter" else (z_m, -z_s)
    if other > max(own, 0.0):
        return "milder" if direction == "stricter" else "stricter"
    return direction


def counts_sentence(
    kind: str, dimension: str, subject: str, direction: str, counts: Counts, lang: str | None = None
) -> str:
    """The like-with-like counts with percentages: what a teacher reads first."""
    lang = lang or current_language()
    stricter = shown_outcome(direction, counts) == "stricter"
    k = counts.stricter if stricter else counts.milder
    rest_k = counts.rest_stricter if stricter else counts.rest_milder
    heavier = _t(lang, "een zwaardere stap") if stricter else _t(lang, "een lichtere stap")
    who = subject_phrase(kind, dimension, subject, lang)
    if kind == "rule" or dimension == "rule_category":
        where = _t(lang, "Bij dezelfde afgesproken stap")
        rest = _t(lang, "bij de andere afspraken")
    else:
        where = _t(lang, "Bij dezelfde afspraak en dezelfde keer")
        rest = _t(lang, "bij de rest")
    values = {
        "where": where,
        "who": who,
        "k": k,
        "n": counts.n,
        "pct": share(k, counts.n, lang),
        "h": heavier,
        "rk": rest_k,
        "rn": counts.rest_n,
        "rpct": share(rest_k, counts.rest_n, lang),
        "rest": rest,
    }
    if kind in ("student", "group", "rule") or dimension == "rule_category":
        verb = (
            _t(lang, "kreeg") if kind in ("student", "rule") or dimension == "group" else _t(lang, "kregen")
        )
        return _t(
            lang,
            "{where} {verb} {who} in {k} van de {n} gevallen ({pct}) {h} dan afgesproken, tegen {rk} van "
            "de {rn} ({rpct}) {rest}.",
            verb=verb,
            **values,
        )
    return _t(
        lang,
        "{where} was het antwoord {who} in {k} van de {n} gevallen ({pct}) {h} dan afgesproken, tegen "
        "{rk} van de {rn} ({rpct}) {rest}.",
        **values,
    )


def explain(
    kind: str,
    dimension: str,
    subject: str,
    direction: str,
    counts: Counts,
    *,
    effect: float,
    ci_low: float,
    ci_high: float,
    p_adjusted: float,
    flagged: bool,
    explained: bool = False,
) -> str:
    """Plain sentences: the like-with-like counts and percentages, then how sure, the ratio as a detail."""
    lang = current_language()
    return (
        counts_sentence(kind, dimension, subject, direction, counts, lang)
        + " "
        + certainty(flagged, p_adjusted, effect, ci_low, ci_high, lang, explained=explained)
    )


def _join(parts: list[str], lang: str) -> str:
    """'a', 'a en b', 'a, b en c' (or 'and' in English)."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + _t(lang, " en ") + parts[-1]


def _slot_phrase(dimension: str, slot: str, lang: str) -> str:
    """One weekly lesson, seen from a finding's dimension ('het 3e uur van 1A', '1A op vrijdag')."""
    group, _, rest = slot.partition("|")
    weekday, _, period = rest.partition("|")
    day = value_label("weekday", weekday, lang)
    if dimension == "weekday":
        return _t(lang, "het {p}e uur van {g}", p=period, g=group)
    if dimension == "period":
        return _t(lang, "{g} op {d}", g=group, d=day)
    return _t(lang, "{d} het {p}e uur", d=day, p=period)


def alias_phrases(dimension: str, aliases: tuple[tuple[str, str], ...], lang: str | None = None) -> list[str]:
    """Each alias of a finding of ``dimension`` as a short phrase ('het 3e uur van 1A', 'op vrijdag')."""
    lang = lang or current_language()
    return [
        _slot_phrase(dimension, s, lang)
        if d == "slot"
        else subject_phrase("context" if d in _MOMENTS else "group", d, s, lang)
        for d, s in aliases
    ]


def alias_sentence(
    kind: str, dimension: str, subject: str, aliases: tuple[tuple[str, str], ...], lang: str | None = None
) -> str:
    """What the log cannot tell apart from a finding, in words ('' when nothing)."""
    if not aliases:
        return ""
    lang = lang or current_language()
    slots = alias_phrases(dimension, tuple(a for a in aliases if a[0] == "slot"), lang)
    same = alias_phrases(dimension, tuple(a for a in aliases if a[0] != "slot"), lang)
    out = []
    if slots:
        what = _join(slots, lang)
        if dimension == "weekday":
            out.append(
                _t(
                    lang,
                    "In jouw rooster zijn dat ook {w}; het logboek kan de dag niet van die lesuren scheiden.",
                    w=what,
                )
            )
        elif dimension == "period":
            out.append(
                _t(
                    lang,
                    "In jouw rooster is dat ook de les van {w}; het logboek kan het lesuur niet "
                    "van die lessen scheiden.",
                    w=what,
                )
            )
        else:
            out.append(
                _t(
                    lang,
                    "In jouw rooster is dat ook {w}; het logboek kan de klas niet van die lesuren scheiden.",
                    w=what,
                )
            )
    if same:
        out.append(
            _t(
                lang,
                "Het zijn (bijna) dezelfde incidenten als bij {w}; het logboek kan die niet "
                "van elkaar scheiden.",
                w=_join(same, lang),
            )
        )
    return " ".join(out)


_MOMENTS = ("weekday", "period", "month", "term", "lesson_mood", "teacher_energy", "rule_category")


def explained_sentence(explained_by: tuple[tuple[str, str], ...], lang: str | None = None) -> str:
    """For a pattern a clearer finding explains: which one ('' when none)."""
    if not explained_by:
        return ""
    lang = lang or current_language()
    dim, subject = explained_by[0]
    if dim == "group":
        who = _t(lang, "in klas {s}", s=subject)
    elif dim in _MOMENTS:
        who = subject_phrase("context", dim, subject, lang)
    else:
        who = _t(lang, "bij leerlingen met {d} '{s}'", d=dim, s=subject)
    return _t(
        lang,
        "Samen bekeken verklaart het patroon {w} dit verschil grotendeels.",
        w=who,
    )
