"""The audit on years whose answers are drawn by another model than the audit's own (docs/audit.md,
"Answers drawn another way").

``app.simulation.simulate`` draws the teacher's answer from the audit's own model family: one shift
moves "stricter" up and "milder" down at once. A real teacher, or another person's simulator, need
not. Here the roster, timetable, rules and strikes of a simulated year are kept, and every answer is
drawn again the way issue 12 describes its own test years: on the *probability* scale, a one-step
stricter answer 10 % of the time and a milder one 6 % (where the ladder allows it), and planted
effects that move only the stricter answer (boys 22 % instead of 10 %, Fridays 15 points more, one
class's odds of a stricter answer × e^0.9). The fair but human teacher gives each student their own
odds of a stricter answer (sd 0.6 on the log-odds; a last row 0.8), and leaves the milder answers
alone.

Usage: ``python bench/issue_years.py [--years 30] [--seed 40000]``. Per row: how often the planted
pattern was found (right direction) and in how many years another group or moment was flagged.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methods import METHODS
from power import matches

from app.analysis.frame import build_frame
from app.simulation.simulate import simulate_year

BASE_STRICTER = 0.10
BASE_MILDER = 0.06
Truth = tuple[str, str, str, str]


def _logit(p: np.ndarray) -> np.ndarray:
    return np.log(p / (1.0 - p))


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


@dataclass(frozen=True)
class Scenario:
    """What is planted: a function of the incidents (frame rows) giving (stricter, milder) chances."""

    label: str
    plant: Callable[[pd.DataFrame, np.random.Generator], tuple[np.ndarray, np.ndarray, list[Truth]]]
    sd: float = 0.6  #: the spread of the students' own odds of a stricter answer (0: a uniform teacher)


def _fair(inc: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[Truth]]:
    n = len(inc)
    return np.full(n, BASE_STRICTER), np.full(n, BASE_MILDER), []


def _boys(inc: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[Truth]]:
    up, down, _ = _fair(inc, rng)
    up[(inc["attr:gender"] == "m").to_numpy()] = 0.22
    return up, down, [("group", "gender", "m", "stricter")]


def _friday(inc: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[Truth]]:
    up, down, _ = _fair(inc, rng)
    up[(inc["weekday"] == "friday").to_numpy()] += 0.15
    return up, down, [("context", "weekday", "friday", "stricter")]


def _klass(inc: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[Truth]]:
    up, down, _ = _fair(inc, rng)
    name = sorted(inc["group"].unique())[1]
    on = (inc["group"] == name).to_numpy()
    up[on] = _expit(_logit(up[on]) + 0.9)
    return up, down, [("group", "group", name, "stricter")]


def _all(inc: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, list[Truth]]:
    """The issue's own test years: boys and Fridays, and two frequent students (stricter, milder)."""
    up, down, truth = _boys(inc, rng)
    up[(inc["weekday"] == "friday").to_numpy()] += 0.15
    truth.append(("context", "weekday", "friday", "stricter"))
    counts = inc.groupby("student_id").size().sort_values(kind="mergesort")
    strict, mild = counts.index[int(0.9 * len(counts))], counts.index[int(0.9 * len(counts)) + 1]
    on = (inc["student_id"] == strict).to_numpy()
    up[on] = _expit(_logit(up[on]) + 1.8)
    on = (inc["student_id"] == mild).to_numpy()
    up[on] = _expit(_logit(up[on]) - 1.8)
    down[on] = _expit(_logit(down[on]) + 1.8)
    truth += [("student", "student", str(strict), "stricter"), ("student", "student", str(mild), "milder")]
    return up, down, truth


SCENARIOS = (
    Scenario("fair, heterogeneous (sd 0.6, stricter answers only)", _fair),
    Scenario("fair, uniform", _fair, sd=0.0),
    Scenario("boys: a stricter answer 22 % instead of 10 %", _boys),
    Scenario("Fridays: a stricter answer 15 points more often", _friday),
    Scenario("one class: odds of a stricter answer x e^0.9", _klass),
    Scenario("two students (+-1.8), boys and Fridays at once", _all),
    Scenario("fair, heterogeneous (sd 0.8, stricter answers only)", _fair, sd=0.8),
)


def redraw(seed: int, scenario: Scenario) -> tuple[dict[str, pd.DataFrame], list[Truth]]:
    """A simulated year's tables with every answer drawn again by this module's model."""
    year = simulate_year(seed, weekly=3)
    inc = build_frame(year.tables).incidents
    rng = np.random.default_rng(seed + 7919)
    up, down, truth = scenario.plant(inc, rng)
    students = inc["student_id"].unique()
    own = pd.Series(rng.normal(0.0, scenario.sd, size=len(students)), index=students)
    up = _expit(_logit(up) + own.reindex(inc["student_id"]).to_numpy())
    agreed = inc["agreed_step"].to_numpy()
    top = inc["top_step"].to_numpy()
    up = np.where(agreed < top, up, 0.0)
    down = np.where(agreed > 1, down, 0.0)
    u = rng.random(len(inc))
    step = np.where(u < up, agreed + 1, np.where(u < up + down, agreed - 1, agreed))
    tables = dict(year.tables)
    steps = pd.Series(step, index=inc["incident_id"].to_numpy())
    incidents = tables["incidents"].copy()
    drawn = steps.reindex(incidents["incident_id"]).to_numpy()
    incidents["step"] = np.where(np.isnan(drawn), incidents["step"].to_numpy(), drawn).astype(int)
    tables["incidents"] = incidents
    return tables, truth


def run(years: int, seed: int, methods: tuple[str, ...] = ("audit",)) -> None:
    """One markdown row per scenario, method and planted pattern."""
    print(
        "| years (answers on the probability scale) | method | planted | found "
        "| other group or moment flagged | any other flag |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for scenario in SCENARIOS:
        found: dict[str, Counter[Truth]] = {m: Counter() for m in methods}
        other: Counter[str] = Counter()
        other_any: Counter[str] = Counter()
        truths: list[Truth] = []
        for i in range(years):
            tables, truth = redraw(seed + i, scenario)
            frame = build_frame(tables)
            truths = truths or truth
            for method in methods:
                flags = METHODS[method](frame)
                for t in truth:
                    # students differ per year: count by their role, not their id
                    key = (t[0], t[1], t[2] if t[0] != "student" else "", t[3])
                    found[method][key] += any(matches(t, f) for f in flags)
                rest = {f for f in flags if not any(matches(t, f) for t in truth)}
                other[method] += any(f[0] in ("group", "context") for f in rest)
                other_any[method] += bool(rest)
        for method in methods:
            keys = list(found[method]) or [("", "", "", "")]
            for key in keys:
                planted = " ".join(x for x in (key[2] or key[1], key[3]) if x) or "–"
                share = f"{found[method][key]} of {years}" if key[0] else "–"
                label = scenario.label if key == keys[0] else ""
                row = (
                    f"| {label} | {method} | {planted} | {share} | {other[method]} of {years} "
                    f"| {other_any[method]} of {years} |"
                )
                print(row, flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--seed", type=int, default=40000)
    parser.add_argument("--methods", nargs="+", default=["audit"], choices=sorted(METHODS))
    args = parser.parse_args()
    run(args.years, args.seed, tuple(args.methods))
