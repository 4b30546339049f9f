"""The team comparison as shared tables (teachers, rules, shares, cells) and its verdicts in Dutch."""

from __future__ import annotations

from app.core.i18n import N_, t, translate
from app.team.anonymise import SharedTable
from app.team.compare import TeamComparison

VERDICT_NL = {
    "diverges": N_("loopt uiteen"),
    "no_difference": N_("geen verschil aangetoond"),
    "not_testable": N_("niet te toetsen"),
}


def comparison_tables(comp: TeamComparison) -> list[SharedTable]:
    """The comparison as shared tables: teachers, rules (the tests), shares with intervals, cells (counts)."""
    from app.team.suppression import share

    teachers = share(
        "teachers",
        t("Docenten"),
        [
            ("teacher", "Docent"),
            ("week_from", "Van week"),
            ("week_to", "Tot en met week"),
            ("incidents", "Incidenten"),
        ],
        [
            dict(zip(("teacher", "week_from", "week_to", "incidents"), row, strict=True))
            for row in comp.teachers
        ],
        n=None,
    )
    rules = share(
        "rules",
        t("Per afspraak: lopen de docenten uiteen?"),
        [
            ("rule", "Afspraak"),
            ("strata", "Keren"),
            ("teachers", "Docenten"),
            ("verdict", "Oordeel"),
            ("statistic", "Chi-kwadraat"),
            ("df", "Vrijheidsgraden"),
            ("p", "p"),
            ("p_adjusted", "p (BH)"),
            ("method", "Methode"),
            ("explanation", "Toelichting"),
        ],
        [
            {
                "rule": r.rule,
                "strata": " / ".join(r.strata),
                "teachers": len(r.teachers),
                "verdict": translate(VERDICT_NL[r.verdict]),
                "statistic": round(r.statistic, 3) if r.statistic is not None else "",
                "df": r.df,
                "p": round(r.p, 5) if r.p is not None else "",
                "p_adjusted": round(r.p_adjusted, 5) if r.p_adjusted is not None else "",
                "method": r.method,
                "explanation": r.explanation,
            }
            for r in comp.rules
        ],
        n=None,
    )
    cells = share(
        "cells",
        t("Per afspraak, keer en docent"),
        [
            ("rule", "Afspraak"),
            ("stratum", "Keer"),
            ("teacher", "Docent"),
            ("n", "Incidenten"),
            ("agreed", "Volgens afspraak"),
            ("stricter", "Strenger"),
            ("milder", "Milder"),
            ("consequence", "Consequentie"),
        ],
        [{"rule": r.rule, **c.__dict__} for r in comp.rules for c in r.cells],
    )
    shares = share(
        "shares",
        t("Per afspraak en docent, met 95%-intervallen (Wilson)"),
        [
            ("rule", "Afspraak"),
            ("teacher", "Docent"),
            ("n", "Incidenten"),
            ("stricter", "% strenger"),
            ("stricter_low", "laag"),
            ("stricter_high", "hoog"),
            ("milder", "% milder"),
            ("milder_low", "laag"),
            ("milder_high", "hoog"),
        ],
        [
            {
                "rule": r.rule,
                "teacher": tr.teacher,
                "n": tr.n,
                **{
                    f"{name}{suffix}": round(100 * getattr(getattr(tr, name), attr), 1)
                    for name in ("stricter", "milder")
                    for suffix, attr in (("", "share"), ("_low", "low"), ("_high", "high"))
                },
            }
            for r in comp.rules
            for tr in r.teachers
        ],
    )
    return [teachers, rules, shares, cells]
