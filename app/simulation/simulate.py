"""Simulated school years to test the audit: a fair teacher's noise around the ladder, planted effects.

``simulate_year(seed, planted=Planted(...))`` returns ``SimulatedYear(tables, truth)`` where ``tables``
has the shape of ``Store.read_tables()`` and ``truth`` names the planted patterns as
``(kind, dimension, subject, direction)``. The teacher's response follows the audit's own model family
(three outcomes: milder / as agreed / stricter, softmax over the ones the ladder allows), with
baseline rates that depend on the agreed step, so that mix artefacts are present in every year:
frequent students reach high strikes and high steps, and the support group breaks the safety rule
(which starts high) three times as often. A planted rule effect (the safety rule answered milder for
everyone) adds a Simpson-type artefact: the support group then looks milder in crude counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING

from app.core.vocabulary import SCHOOL_DAYS
from app.simulation.follow_up import no_follow_ups

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

LADDER = (
    ("1e waarschuwing", "warning"),
    ("2e waarschuwing", "warning"),
    ("Time-out in de klas", "consequence"),
    ("Gesprek na de les", "consequence"),
    ("Uit de les, melden bij de coördinator", "consequence"),
)
#: (name, category, start step, how often it is broken)
RULES = (
    ("Op tijd en met spullen", "routine", 1, 0.22),
    ("Niet door de les heen praten", "routine", 1, 0.26),
    ("Telefoon weg", "routine", 1, 0.18),
    ("Aan het werk blijven", "routine", 1, 0.14),
    ("Respectvol taalgebruik", "respect", 2, 0.10),
    ("Luisteren als een ander spreekt", "respect", 1, 0.06),
    ("Niemand in gevaar brengen", "safety", 3, 0.04),
)
GROUP_ATTRIBUTE = "support plan"
WEEKDAYS = SCHOOL_DAYS


@dataclass(frozen=True)
class Planted:
    """Planted effects on the log-odds of a one-step stricter answer (0 = none, negative = milder)."""

    stricter_student: float = 0.0
    milder_student: float = 0.0
    group: float = 0.0  #: students with ``support plan = yes``
    weekday: float = 0.0  #: lessons on ``weekday_name``
    weekday_name: str = "friday"
    rule: float = 0.0  #: the safety rule, for everyone (a rule effect, not a subject effect)
    klass: float = 0.0  #: every student of one class (``klass_name``; default the second class)
    klass_name: str = ""
    attribute: float = 0.0  #: students with ``gender = m`` (a roster attribute)
    period: float = 0.0  #: lessons in ``period_name`` (default: the period most used in the timetable)
    period_name: str = ""
    month: float = 0.0  #: lessons in month ``month_number`` of the school year's calendar
    month_number: int = 11


@dataclass(frozen=True)
class SimulatedYear:
    """The raw tables of a simulated year and the patterns planted in it."""

    tables: dict[str, pd.DataFrame]
    truth: tuple[tuple[str, str, str, str], ...] = field(default_factory=tuple)


def _students(rng: np.random.Generator, n_classes: int, per_class: int) -> pd.DataFrame:
    """Students with a class, a misbehaviour rate and two attributes."""
    import numpy as np
    import pandas as pd

    n = n_classes * per_class
    groups = [
        f"{1 + c // 4}{'ABCD'[c % 4]}" if n_classes <= 24 else f"K{c + 1:03d}" for c in range(n_classes)
    ]
    return pd.DataFrame(
        {
            "student_id": [f"S{i + 1:05d}" for i in range(n)],
            "name": [f"Leerling {i + 1}" for i in range(n)],
            "group": np.repeat(groups, per_class).astype(object),
            "rate": rng.gamma(2.0, 0.5, size=n),  # relative misbehaviour: frequent and rare students
            "gender": rng.choice(np.array(["m", "f", "x"], dtype=object), size=n, p=[0.49, 0.49, 0.02]),
            "support": rng.random(n) < 0.2,
        }
    )


def _lessons(rng: np.random.Generator, groups: list[str], per_class: int, year: int) -> pd.DataFrame:
    """Lessons from September to June on school days, with a period, start time, mood and energy."""
    import numpy as np
    import pandas as pd

    days = pd.bdate_range(date(year, 9, 1), date(year + 1, 6, 30))
    rows = []
    for g in groups:
        chosen = np.sort(rng.choice(len(days), size=min(per_class, len(days)), replace=False))
        rows.append(pd.DataFrame({"group": g, "date": days[chosen]}))
    les = pd.concat(rows, ignore_index=True)
    n = len(les)
    les["lesson_id"] = np.arange(1, n + 1)
    les["period"] = rng.integers(1, 9, size=n)
    les["start_hour"] = 7 + les["period"] + (les["period"] > 4)  # lunch break after period 4
    les["mood"] = rng.choice(
        np.array(["calm", "restless", "tense", None], dtype=object), n, p=[0.5, 0.25, 0.1, 0.15]
    )
    les["energy"] = rng.choice(
        np.array(["low", "ok", "high", None], dtype=object), n, p=[0.2, 0.5, 0.15, 0.15]
    )
    return les


def simulate_year(
    seed: int = 0,
    *,
    planted: Planted | None = None,
    n_classes: int = 4,
    students_per_class: int = 25,
    lessons_per_class: int = 120,
    incidents_per_student: float = 16.0,
    year: int = 2025,
    weekly: int | tuple[int, ...] | None = None,
    timetable_change: bool = False,
    heterogeneity: float = 0.0,
) -> SimulatedYear:
    """One school year of one teacher (or a team, with more classes), as ``Store.read_tables()`` returns.

    ``weekly`` puts every class in fixed weekly slots (that many lessons a week, or one number per
    class; ``app.simulation.timetable``), with holidays, the odd cancelled or moved lesson, and
    a new timetable from January with ``timetable_change``; without it every lesson gets a random day
    and period. ``heterogeneity`` gives every student their own treatment: a normal shift of the
    log-odds with that standard deviation (a fair but human teacher; not in ``truth``).
    """
    import numpy as np
    import pandas as pd

    planted = planted or Planted()
    rng = np.random.default_rng(seed)
    students = _students(rng, n_classes, students_per_class)
    groups = list(dict.fromkeys(students["group"]))
    if weekly is None:
        lessons = _lessons(rng, groups, lessons_per_class, year)
    else:
        from app.simulation.timetable import timetable_lessons

        per_week = [weekly] * len(groups) if isinstance(weekly, int) else list(weekly)
        lessons, _ = timetable_lessons(rng, groups, per_week, year, change_at_term=timetable_change)
    own_shift = rng.normal(0.0, heterogeneity, size=len(students)) if heterogeneity else None

    # Incidents: per student and lesson of their class, a Poisson number of incidents.
    pairs = students[["student_id", "group", "rate", "support"]].merge(
        lessons[["lesson_id", "group"]], on="group"
    )
    per_class = lessons.groupby("group").size()
    lam = pairs["rate"].to_numpy() * incidents_per_student / pairs["group"].map(per_class).to_numpy()
    counts = rng.poisson(lam * rng.gamma(1.0, 1.0, size=len(lam)))  # bad lessons come with more strikes
    inc = pairs.loc[np.repeat(pairs.index.to_numpy(), counts)].reset_index(drop=True)
    inc["strike"] = inc.groupby(["lesson_id", "student_id"]).cumcount() + 1
    n = len(inc)

    # Which rule: the support group breaks the safety rule three times as often (mix, not strictness).
    freq = np.array([r[3] for r in RULES])
    with_support = freq.copy()
    with_support[-1] *= 3
    p_plain, p_support = freq / freq.sum(), with_support / with_support.sum()
    u = rng.random(n)
    support = inc["support"].to_numpy()
    rule_idx = np.where(
        support,
        np.searchsorted(np.cumsum(p_support), u, side="right"),
        np.searchsorted(np.cumsum(p_plain), u, side="right"),
    ).clip(0, len(RULES) - 1)
    start = np.array([r[2] for r in RULES])[rule_idx]
    top = len(LADDER)
    strike = inc["strike"].to_numpy()
    agreed = np.minimum(start + strike - 1, top)

    # The teacher's answer: a baseline per agreed step (the same for every rule), plus planted shifts.
    base_s = -2.1 + 0.15 * (agreed - 1)
    base_m = -1.7 - 0.1 * (agreed - 1)
    if planted.rule:
        on_rule = rule_idx == len(RULES) - 1  # the safety rule
        base_s = np.where(on_rule, base_s + planted.rule, base_s)
        base_m = np.where(on_rule, base_m - planted.rule, base_m)
    les = lessons.set_index("lesson_id")
    weekday = np.array((*WEEKDAYS, "saturday", "sunday"), dtype=object)[
        pd.DatetimeIndex(les.loc[inc["lesson_id"], "date"]).day_of_week
    ]
    eta = np.zeros(n)
    truth: list[tuple[str, str, str, str]] = []
    sid = inc["student_id"].to_numpy()
    totals = inc.groupby("student_id").size().reindex(students["student_id"], fill_value=0)
    plain = students.loc[~students["support"].to_numpy(), "student_id"]
    if planted.stricter_student or planted.milder_student:
        # Planted students: frequent ones (the 85th-95th percentile of incidents) outside the group.
        ranked = totals.loc[plain].sort_values(kind="mergesort")
        pool = ranked.index[
            int(0.85 * len(ranked)) : max(int(0.95 * len(ranked)), int(0.85 * len(ranked)) + 2)
        ]
        chosen = rng.choice(np.asarray(pool, dtype=object), size=2, replace=False)
        for shift, who in ((planted.stricter_student, chosen[0]), (planted.milder_student, chosen[1])):
            if shift:
                eta[sid == who] += shift
                truth.append(("student", "student", str(who), "stricter" if shift > 0 else "milder"))
    if planted.rule:
        way = "stricter" if planted.rule > 0 else "milder"
        truth += [("rule", RULES[-1][0], RULES[-1][0], way), ("context", "rule_category", "safety", way)]
    if planted.group:
        eta[support] += planted.group
        truth.append(("group", GROUP_ATTRIBUTE, "yes", "stricter" if planted.group > 0 else "milder"))
    if planted.weekday:
        eta[weekday == planted.weekday_name] += planted.weekday
        truth.append(
            ("context", "weekday", planted.weekday_name, "stricter" if planted.weekday > 0 else "milder")
        )
    lesson_rows = les.loc[inc["lesson_id"]]
    truth += _plant_more(planted, eta, students, inc["group"].to_numpy(), lesson_rows, sid, groups)
    if own_shift is not None:
        eta += pd.Series(own_shift, index=students["student_id"]).reindex(sid).to_numpy()

    score_s = np.where(agreed < top, base_s + eta, -np.inf)
    score_m = np.where(agreed > 1, base_m - eta, -np.inf)
    weights = np.column_stack([np.exp(score_m), np.ones(n), np.exp(score_s)])
    probs = weights / weights.sum(axis=1, keepdims=True)
    outcome = (rng.random(n)[:, None] > np.cumsum(probs, axis=1)).sum(axis=1) - 1  # -1, 0, +1
    jump = np.where(rng.random(n) < 0.2, 2, 1)  # now and then two steps off
    step = np.clip(agreed + outcome * jump, 1, top)
    step = np.where(
        outcome > 0, np.maximum(step, agreed + 1), np.where(outcome < 0, np.minimum(step, agreed - 1), step)
    )

    lesson_day = pd.DatetimeIndex(les.loc[inc["lesson_id"], "date"])
    hour = les.loc[inc["lesson_id"], "start_hour"].to_numpy()
    minutes = 3 + 6 * (strike - 1) + rng.integers(0, 5, size=n)
    occurred = lesson_day + pd.to_timedelta(hour, unit="h") + pd.to_timedelta(minutes, unit="m")
    incidents = pd.DataFrame(
        {
            "incident_id": np.arange(1, n + 1),
            "lesson_id": inc["lesson_id"].to_numpy(),
            "student_id": sid.astype(object),
            "rule_id": rule_idx + 1,
            "step": step.astype(int),
            "occurred_at": occurred,
            "note": "",
        }
    )
    tables = _tables(rng, students, lessons, incidents)
    return SimulatedYear(tables=tables, truth=tuple(truth))


def _plant_more(
    planted: Planted,
    eta: np.ndarray,
    students: pd.DataFrame,
    group: np.ndarray,
    lesson_rows: pd.DataFrame,
    sid: np.ndarray,
    groups: list[str],
) -> list[tuple[str, str, str, str]]:
    """Add the class, attribute, period and month effects to ``eta``; return what was planted."""
    way = lambda shift: "stricter" if shift > 0 else "milder"  # noqa: E731
    truth = []
    if planted.klass:
        name = planted.klass_name or groups[min(1, len(groups) - 1)]
        eta[group == name] += planted.klass
        truth.append(("group", "group", name, way(planted.klass)))
    if planted.attribute:
        boys = set(students.loc[students["gender"] == "m", "student_id"])
        eta[[s in boys for s in sid]] += planted.attribute
        truth.append(("group", "gender", "m", way(planted.attribute)))
    if planted.period:
        period = lesson_rows["period"].astype(str).to_numpy()
        name = planted.period_name or str(lesson_rows.groupby("period").size().idxmax())
        eta[period == name] += planted.period
        truth.append(("context", "period", name, way(planted.period)))
    if planted.month:
        days = lesson_rows["date"]
        eta[(days.dt.month == planted.month_number).to_numpy()] += planted.month
        year = int(days[days.dt.month == planted.month_number].dt.year.min())
        truth.append(("context", "month", f"{year}-{planted.month_number:02d}", way(planted.month)))
    return truth


def _tables(
    rng: np.random.Generator,
    students: pd.DataFrame,
    lessons: pd.DataFrame,
    incidents: pd.DataFrame,
) -> dict[str, pd.DataFrame]:
    """The raw tables in the store's shape (see ``app.store.tables``)."""
    import numpy as np
    import pandas as pd

    attributes = pd.concat(
        [
            pd.DataFrame(
                {"student_id": students["student_id"], "attribute": "gender", "value": students["gender"]}
            ),
            pd.DataFrame(
                {
                    "student_id": students["student_id"],
                    "attribute": GROUP_ATTRIBUTE,
                    "value": np.where(students["support"], "yes", "no").astype(object),
                }
            ),
        ],
        ignore_index=True,
    )
    n_praise = int(len(incidents) * 0.6)
    pick = rng.integers(0, len(incidents), size=n_praise) if len(incidents) else np.array([], dtype=int)
    praise_src = incidents.iloc[pick]
    praise = pd.DataFrame(
        {
            "praise_id": np.arange(1, n_praise + 1),
            "lesson_id": praise_src["lesson_id"].to_numpy(),
            "student_id": students["student_id"].sample(n_praise, replace=True, random_state=1).to_numpy(),
            "occurred_at": praise_src["occurred_at"].to_numpy() + np.timedelta64(1, "m"),
        }
    )
    return {
        "incidents": incidents,
        "lessons": pd.DataFrame(
            {
                "lesson_id": lessons["lesson_id"],
                "group": lessons["group"],
                "date": lessons["date"].dt.date,
                "period": lessons["period"],
                "start_time": [time(int(h), 30) for h in lessons["start_hour"]],
                "mood": lessons["mood"],
                "energy": lessons["energy"],
                # every simulated lesson was taught, with or without incidents: a complete timetable
                "scheduled": True,
            }
        ),
        "students": students[["student_id", "name", "group"]].assign(archived=False),
        "attributes": attributes,
        "rules": pd.DataFrame(
            {
                "rule_id": range(1, len(RULES) + 1),
                "rule": [r[0] for r in RULES],
                "category": [r[1] for r in RULES],
                "start_step": [r[2] for r in RULES],
                "position": range(1, len(RULES) + 1),
                "active": True,
            }
        ),
        "phase_downs": pd.DataFrame(
            {
                "rule_id": pd.Series([], dtype="int64"),
                "effective_from": [],
                "start_step": pd.Series([], dtype="int64"),
            }
        ),
        "ladder_changes": pd.DataFrame({"effective_from": [], "top": pd.Series([], dtype="int64")}),
        "ladder": pd.DataFrame(
            {
                "level": range(1, len(LADDER) + 1),
                "name": [s[0] for s in LADDER],
                "kind": [s[1] for s in LADDER],
            }
        ),
        "praise": praise,
        "follow_ups": no_follow_ups(),  # app.simulation.follow_up simulates them where a bench needs them
    }
