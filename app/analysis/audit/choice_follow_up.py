"""The follow-up of a prepared choice: its situation before and since the start date, like the audit.

For both periods the incidents in the choice's situation (``Situation.conditions``, the same decision
the Log page uses to recall the plan) are compared with the other incidents at the same rule and strike
(like with like), counted first, then with the audit's own effect: the odds ratio of an answer one
category stricter, from the audit's ordinal model with rule x strike baselines and, unless the
situation is one student, a random effect for every student (a human teacher treats students
unevenly; docs/audit.md). With fewer than ``MIN_SINCE`` incidents since the start nothing is said
about a change: a handful of incidents cannot show one.

Pure: an ``AuditFrame`` and the choice's fields in, a frozen ``ChoiceFollowUp`` out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from app.analysis.audit.comparisons import work_set
from app.analysis.audit.explain import day_text, number, ratio_detail, share
from app.analysis.audit.model import ModelData, fit
from app.analysis.audit.subjects import Z95
from app.analysis.results import Counts
from app.core.i18n import nt, t

if TYPE_CHECKING:
    from app.analysis.frame import AuditFrame
    from app.core.situation import Situation

#: fewer incidents than this in the situation (in a period) and the app says it is too early to tell
MIN_SINCE = 10
#: and the rest needs at least this many incidents in the same strata for a comparison
MIN_REST = 10
LOG_CAP = math.log(1e3)


@dataclass(frozen=True)
class Period:
    """The situation against the rest in one period (like with like)."""

    date_from: date | None
    date_to: date | None
    counts: Counts
    effect: float  #: odds ratio of a one-category stricter answer; NaN when not estimable
    ci_low: float
    ci_high: float
    enough: bool  #: enough incidents to compare at all

    @property
    def clear(self) -> str:
        """'stricter' / 'milder' when the interval excludes 1, else ''."""
        if not self.enough or not math.isfinite(self.effect):
            return ""
        if self.ci_low > 1:
            return "stricter"
        if self.ci_high < 1:
            return "milder"
        return ""


@dataclass(frozen=True)
class ChoiceFollowUp:
    """A choice's follow-up: before and since its start, and what that says in plain words."""

    choice_id: int
    starts_on: date
    direction: str  #: the deviation counted first ('stricter' or 'milder')
    before: Period
    since: Period
    sentence: str


def situation_mask(incidents: pd.DataFrame, situation: Situation) -> np.ndarray:
    """Which incidents are in the situation (a condition on a column the frame lacks matches none)."""
    mask = np.ones(len(incidents), dtype=bool)
    for column, wanted in situation.conditions().items():
        if column not in incidents.columns:
            return np.zeros(len(incidents), dtype=bool)
        mask &= incidents[column].astype(str).to_numpy() == wanted
    return mask


def _period(
    inc: pd.DataFrame,
    y: np.ndarray,
    can_up: np.ndarray,
    can_down: np.ndarray,
    mine: np.ndarray,
    keep: np.ndarray,
    per_student: bool,
    bounds: tuple[date | None, date | None],
) -> Period:
    strata = inc["stratum"].to_numpy()
    own_strata = set(strata[keep & mine])
    rows = keep & np.isin(strata, list(own_strata))
    subject, rest = rows & mine, rows & ~mine
    counts = Counts(
        n=int(subject.sum()),
        stricter=int((y[subject] == 1).sum()),
        milder=int((y[subject] == -1).sum()),
        rest_n=int(rest.sum()),
        rest_stricter=int((y[rest] == 1).sum()),
        rest_milder=int((y[rest] == -1).sum()),
    )
    nan = float("nan")
    if counts.n < MIN_SINCE or counts.rest_n < MIN_REST:
        return Period(*bounds, counts, nan, nan, nan, enough=False)
    stratum, levels = pd.factorize(strata[rows])
    units, unit_levels = pd.factorize(inc.loc[rows, "student_id"])
    use_units = per_student and len(unit_levels) > 1
    data = ModelData(
        y=y[rows],
        stratum=stratum.astype(np.int64),
        n_strata=len(levels),
        can_up=can_up[rows],
        can_down=can_down[rows],
        fixed=sp.csr_matrix(mine[rows].astype(float)[:, None]),
        units=units.astype(np.int64) if use_units else None,
        n_units=len(unit_levels) if use_units else 0,
    )
    model = fit(data, (0.6,), student_variances=False) if use_units else fit(data)
    b = float(np.clip(model.beta[0], -LOG_CAP, LOG_CAP))
    se = math.sqrt(max(float(model.beta_cov[0, 0]), 1e-12))
    low = float(np.clip(b - Z95 * se, -LOG_CAP, LOG_CAP))
    high = float(np.clip(b + Z95 * se, -LOG_CAP, LOG_CAP))
    return Period(*bounds, counts, math.exp(b), math.exp(low), math.exp(high), enough=True)


def follow_up(
    frame: AuditFrame,
    choice_id: int,
    situation: Situation,
    starts_on: date,
    closed_on: date | None = None,
    direction: str | None = None,
) -> ChoiceFollowUp:
    """The choice's situation before ``starts_on`` and from it (up to ``closed_on`` when closed)."""
    w = work_set(frame)
    inc = w.inc
    mine = situation_mask(inc, situation)
    days = pd.to_datetime(inc["date"]).dt.date.to_numpy() if len(inc) else np.array([], dtype=object)
    before_rows = np.array([d < starts_on for d in days], dtype=bool)
    last = closed_on or date.max
    since_rows = np.array([starts_on <= d <= last for d in days], dtype=bool)
    per_student = situation.student is None
    start = frame.date_from
    before = _period(inc, w.y, w.can_up, w.can_down, mine, before_rows, per_student, (start, starts_on))
    since = _period(inc, w.y, w.can_up, w.can_down, mine, since_rows, per_student, (starts_on, closed_on))
    way = direction or before.clear or since.clear or "stricter"
    return ChoiceFollowUp(choice_id, starts_on, way, before, since, _sentence(way, starts_on, before, since))


def _part(direction: str, counts: Counts) -> str:
    k = counts.stricter if direction == "stricter" else counts.milder
    rk = counts.rest_stricter if direction == "stricter" else counts.rest_milder
    step = t("een zwaardere stap") if direction == "stricter" else t("een lichtere stap")
    return t(
        "in {k} van de {n} gevallen ({pct}) {h} dan afgesproken, tegen {rk} van de {rn} ({rpct}) bij de rest",
        k=k,
        n=counts.n,
        pct=share(k, counts.n),
        h=step,
        rk=rk,
        rn=counts.rest_n,
        rpct=share(rk, counts.rest_n),
    )


def _verdict(direction: str, before: Period, since: Period) -> str:
    now, then = since.clear, before.clear
    detail = ratio_detail(since.effect, since.ci_low, since.ci_high)
    if now == direction and then == direction:
        return t("Het verschil met de rest is er nog ({d}).", d=detail)
    if now == direction:
        return t(
            "Sinds je keuze is het antwoord in deze situatie vaker {h} dan bij de rest ({d}).",
            h=t("een zwaardere stap") if direction == "stricter" else t("een lichtere stap"),
            d=detail,
        )
    if now:
        return t("Sinds je keuze gaat het verschil de andere kant op ({d}).", d=detail)
    if then == direction:
        return t(
            "Sinds je keuze is er geen duidelijk verschil meer met de rest ({d}; daarvoor {e}).",
            d=detail,
            e=number(before.effect, 2),
        )
    return t("Geen duidelijk verschil met de rest, ervoor en erna ({d}).", d=detail)


def _sentence(direction: str, starts_on: date, before: Period, since: Period) -> str:
    day = day_text(starts_on)
    if since.counts.n == 0:
        return t("Nog geen incidenten in deze situatie sinds {d}.", d=day)
    if not since.enough:
        return nt(
            "{n} incident in deze situatie sinds {d}: te weinig om al iets te zeggen.",
            "{n} incidenten in deze situatie sinds {d}: te weinig om al iets te zeggen.",
            since.counts.n,
            d=day,
        )
    text = t("Sinds {d}: {part}.", d=day, part=_part(direction, since.counts))
    if before.counts.n:
        text += " " + t("Daarvoor: {part}.", part=_part(direction, before.counts))
    return text + " " + _verdict(direction, before, since)
