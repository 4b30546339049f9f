"""The domain's fixed words, once: the codes that are stored and analysed, and their Dutch names.

Codes are lowercase English (in the store, the frames and the exchange files); the audit's explanations,
the team handout and the charts show the Dutch name, marked ``N_`` for the catalog and passed through
``translate`` where shown (the English is in the gettext catalog). Qt pages keep their own ``tr()`` /
``QT_TRANSLATE_NOOP`` literals, which lupdate must see, but take the codes from here.
"""

from __future__ import annotations

from app.core.i18n import N_

#: weekdays as stored in frames ('weekday') and audit subjects, Monday first
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: the days a school has lessons
SCHOOL_DAYS = WEEKDAYS[:5]
_DAYS_NL = (N_("maandag"), N_("dinsdag"), N_("woensdag"), N_("donderdag"), N_("vrijdag"), N_("zaterdag"),
            N_("zondag"))  # fmt: skip
WEEKDAY_NL = dict(zip(WEEKDAYS, _DAYS_NL, strict=True))
WEEKDAY_SHORT_NL = dict(
    zip(WEEKDAYS, (N_("ma"), N_("di"), N_("wo"), N_("do"), N_("vr"), N_("za"), N_("zo")), strict=True)
)

MONTHS_NL = (N_("januari"), N_("februari"), N_("maart"), N_("april"), N_("mei"), N_("juni"), N_("juli"),
             N_("augustus"), N_("september"), N_("oktober"), N_("november"), N_("december"))  # fmt: skip
MONTHS_SHORT_NL = (N_("jan"), N_("feb"), N_("mrt"), N_("apr"), N_("mei"), N_("jun"), N_("jul"), N_("aug"),
                   N_("sep"), N_("okt"), N_("nov"), N_("dec"))  # fmt: skip

#: a rule's category; safety is urgent and starts high on the ladder
CATEGORIES = ("routine", "respect", "safety")
CATEGORY_NL = {"routine": N_("routine"), "respect": N_("respect"), "safety": N_("veiligheid")}
#: whether a ladder step is a warning or a consequence
STEP_KINDS = ("warning", "consequence")
#: the mood of a lesson, as the teacher logged it
MOODS = ("calm", "restless", "tense")
MOOD_NL = {"calm": N_("rustig"), "restless": N_("onrustig"), "tense": N_("gespannen")}
#: the teacher's own energy in a lesson
ENERGIES = ("low", "ok", "high")
#: as the Log page's buttons, the audit and the handout say it (English: low, medium, high)
ENERGY_NL = {"low": N_("laag"), "ok": N_("gemiddeld"), "high": N_("hoog")}
