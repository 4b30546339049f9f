"""The follow-up question in words, counts first: 'ouders ingelicht bij 9 van 12 consequenties in 2B, tegen
4 van 15 in de andere klassen'. The one place that words a ``FollowUpComparison`` (names of classes and
attribute values only; never a student)."""

from __future__ import annotations

from app.analysis.audit.explain import number
from app.analysis.audit.follow_up import QUICK_DAYS
from app.analysis.results import FollowUpComparison, FollowUpEvenness
from app.core.i18n import t


def _who(c: FollowUpComparison) -> tuple[str, str]:
    """('in 2B', 'in de andere klassen'), or the same for leerlingen met an attribute value."""
    if c.dimension == "group":
        return t("in {s}", s=c.subject), t("in de andere klassen")
    return (
        t("bij leerlingen met {d} '{s}'", d=c.dimension, s=c.subject),
        t("bij de andere leerlingen"),
    )


def counts_sentence(c: FollowUpComparison) -> str:
    """The counts of one comparison, with what like-with-like expects."""
    mine, rest = _who(c)
    if c.question == "informed":
        text = t(
            "Ouders ingelicht bij {k} van {n} consequenties {mine}, tegen {rk} van {rn} {rest}",
            k=c.k,
            n=c.n,
            mine=mine,
            rk=c.rest_k,
            rn=c.rest_n,
            rest=rest,
        )
    else:
        text = t(
            "Ouders binnen {d} dagen ingelicht bij {k} van {n} keer {mine}, tegen {rk} van {rn} {rest}",
            d=QUICK_DAYS,
            k=c.k,
            n=c.n,
            mine=mine,
            rk=c.rest_k,
            rn=c.rest_n,
            rest=rest,
        )
    if c.question == "sooner" and c.days is not None and c.rest_days is not None:
        text += " " + t("(meestal na {a} tegen {b} dagen)", a=number(c.days), b=number(c.rest_days))
    elif c.question == "informed" and c.n:
        text += " " + t("(bij dezelfde afspraak en stap verwacht: {e})", e=number(c.expected))
    return text + "."


def verdict(c: FollowUpComparison) -> str:
    """How to read it: a possible blind spot, no clear difference, or too few to say."""
    if c.too_few:
        return t("Te weinig om te vergelijken.")
    if c.flagged:
        kind = {
            "more": t("vaker ingelicht"),
            "less": t("minder vaak ingelicht"),
            "sooner": t("sneller ingelicht"),
            "later": t("later ingelicht"),
        }.get(c.direction, "")
        return t("Opvallend: hier worden ouders {k}, waarschijnlijk geen toeval.", k=kind)
    if c.p is not None and c.p < 0.05:
        return t("Onzeker: bij zoveel vergelijkingen kan dit toeval zijn.")
    return t("Geen duidelijk verschil.")


def summary(report: FollowUpEvenness) -> str:
    """One line over the whole question."""
    if report.n_tracked == 0:
        return t("Nog geen nazorg bijgehouden bij consequenties in deze periode.")
    return t(
        "Ouders ingelicht bij {k} van {n} consequenties van minstens {d} dagen oud; vergeleken binnen "
        "dezelfde afspraak en stap.",
        k=report.n_informed,
        n=report.n_settled,
        d=report.settle_days,
    )
