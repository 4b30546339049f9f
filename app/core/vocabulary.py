"""The domain's fixed words, once: the codes that are stored and analysed, and their Dutch names.

Codes are lowercase English (in the store, the frames and the exchange files); the audit's explanations,
the team handout and the charts show the Dutch name (or the English one, from ``ENGLISH``). Qt pages keep
their own ``tr()`` / ``QT_TRANSLATE_NOOP`` literals, which lupdate must see, but take the codes from here.
"""

from __future__ import annotations

#: weekdays as stored in frames ('weekday') and audit subjects, Monday first
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: the days a school has lessons
SCHOOL_DAYS = WEEKDAYS[:5]
_DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAY_NL = dict(zip(WEEKDAYS, _DAYS_NL, strict=True))
WEEKDAY_SHORT_NL = dict(zip(WEEKDAYS, ("ma", "di", "wo", "do", "vr", "za", "zo"), strict=True))

MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
             "oktober", "november", "december")  # fmt: skip
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
MONTHS_SHORT_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTHS_SHORT_EN = tuple(m[:3] for m in MONTHS_EN)

#: a rule's category; safety is urgent and starts high on the ladder
CATEGORIES = ("routine", "respect", "safety")
CATEGORY_NL = {"routine": "routine", "respect": "respect", "safety": "veiligheid"}
#: whether a ladder step is a warning or a consequence
STEP_KINDS = ("warning", "consequence")
#: the mood of a lesson, as the teacher logged it
MOODS = ("calm", "restless", "tense")
MOOD_NL = {"calm": "rustig", "restless": "onrustig", "tense": "gespannen"}
#: the teacher's own energy in a lesson
ENERGIES = ("low", "ok", "high")
#: as the audit and the handout say it (the Log page's button reads "gemiddeld" for "ok")
ENERGY_NL = {"low": "laag", "ok": "gewoon", "high": "hoog"}

#: English for the Dutch names above (the code; weekdays capitalised)
ENGLISH: dict[str, str] = {
    **{nl: day.capitalize() for day, nl in WEEKDAY_NL.items()},
    **{nl: code for code, nl in (*CATEGORY_NL.items(), *MOOD_NL.items(), *ENERGY_NL.items())},
}
