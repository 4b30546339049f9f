"""False alarms and power of the audit on simulated one-teacher years (results go into docs/audit.md).

Usage: ``python bench/power.py [--years 100] [--seed 10000] [--only TEXT] [--methods audit joint ...]``.

Every scenario simulates ``--years`` school years of 4 classes x 25 students (~1,500 incidents) with
``app.simulation.simulate`` and audits each year with every chosen method (``bench/methods.py``), so the
methods are compared on the very same years. The "timetable" scenarios are what a school looks like:
every class in fixed weekly slots (3 a week, or 2-5 per class in every other year; a new timetable
from January in every third year; holidays; the odd cancelled or moved lesson), a teacher who treats
every student a little differently (a per-student shift with sd 0.3-0.8 on the log-odds), and planted
effects of medium size (0.9 on the log-odds). The "random periods" scenarios are the earlier ones, in
which every lesson gets a random day and period.

Per scenario, method and planted effect the table gives how often it was found (right direction),
and in how many years something else was flagged: any other flag, and other groups or moments only
(students whose own treatment really differs may rightly be flagged in heterogeneous years).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methods import METHODS, Flag

from app.analysis.frame import build_frame
from app.simulation.simulate import Planted, simulate_year

MEDIUM = 0.9
BINARY = ("gender", "support plan")


@dataclass(frozen=True)
class Scenario:
    """Planted effects and how the years are built."""

    planted: Planted = field(default_factory=Planted)
    timetable: bool = True
    heterogeneity: float | None = None  #: None: 0.3-0.8 varying over the years; 0: a uniform teacher


SCENARIOS: dict[str, Scenario] = {
    "timetable, fair, uniform": Scenario(heterogeneity=0.0),
    "timetable, fair, heterogeneous (sd 0.6)": Scenario(heterogeneity=0.6),
    "timetable, fair, heterogeneous (sd 0.3-0.8)": Scenario(),
    "timetable, medium attribute (boys)": Scenario(Planted(attribute=MEDIUM)),
    "timetable, medium class": Scenario(Planted(klass=MEDIUM)),
    "timetable, medium class, milder": Scenario(Planted(klass=-MEDIUM)),
    "timetable, medium weekday (Friday)": Scenario(Planted(weekday=MEDIUM)),
    "timetable, medium weekday, milder (Friday)": Scenario(Planted(weekday=-MEDIUM)),
    "timetable, medium period": Scenario(Planted(period=MEDIUM)),
    "timetable, medium month (November)": Scenario(Planted(month=MEDIUM)),
    "timetable, medium students, boys and Friday at once": Scenario(
        Planted(stricter_student=1.8, milder_student=-1.8, attribute=MEDIUM, weekday=MEDIUM)
    ),
    "random periods, fair": Scenario(timetable=False, heterogeneity=0.0),
    "random periods, Simpson (safety rule milder for all)": Scenario(
        Planted(rule=-1.5), timetable=False, heterogeneity=0.0
    ),
    "random periods, strong (as in the tests)": Scenario(
        Planted(stricter_student=2.4, milder_student=-3.0, group=1.1, weekday=-1.2),
        timetable=False,
        heterogeneity=0.0,
    ),
}


def year_for(scenario: Scenario, seed: int, index: int):  # type: ignore[no-untyped-def]
    """The simulated year number ``index`` of a scenario (the same for every method)."""
    if not scenario.timetable:
        return simulate_year(seed + index, planted=scenario.planted)
    spread = scenario.heterogeneity
    if spread is None:
        spread = 0.3 + 0.5 * ((index * 0.6180339887) % 1.0)
    weekly: int | tuple[int, ...] = 3 if index % 2 == 0 else tuple(2 + (index + c) % 4 for c in range(4))
    return simulate_year(
        seed + index,
        planted=scenario.planted,
        weekly=weekly,
        timetable_change=index % 3 == 2,
        heterogeneity=spread,
    )


def matches(truth: tuple[str, str, str, str], flag: Flag) -> bool:
    """A flag finds a planted effect: the same subject and direction, or for a two-valued attribute the
    other value in the other direction (boys stricter = girls milder)."""
    if flag == truth:
        return True
    kind, dim, subject, way = truth
    return flag[0] == kind and flag[1] == dim and dim in BINARY and flag[2] != subject and flag[3] != way


def run(years: int, seed: int, only: str = "", methods: tuple[str, ...] = ("audit",)) -> None:
    """Print one markdown table row per scenario, method and planted effect."""
    print("| scenario | method | planted | found | years with another flag | of which a group or moment |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, scenario in SCENARIOS.items():
        if only and only not in name:
            continue
        found = {m: Counter() for m in methods}
        other = Counter()
        other_group = Counter()
        seconds = Counter()
        truths: list[tuple[str, str, str, str]] = []
        for i in range(years):
            year = year_for(scenario, seed, i)
            frame = build_frame(year.tables)
            for m in methods:
                started = time.perf_counter()
                flags = METHODS[m](frame)
                seconds[m] += time.perf_counter() - started
                for truth in year.truth:
                    label = (*truth[:2], "*" if truth[1] in ("student", "period") else truth[2], truth[3])
                    if label not in truths:
                        truths.append(label)
                    found[m][label] += any(matches(truth, f) for f in flags)
                rest = {f for f in flags if not any(matches(t, f) for t in year.truth)}
                other[m] += bool(rest)
                other_group[m] += any(f[0] in ("group", "context") for f in rest)
        for m in methods:
            rows = truths or [("-", "-", "-", "-")]
            for label in rows:
                share = f"{found[m][label] / years:.0%}" if truths else "–"
                print(
                    f"| {name} | {m} | {' '.join(label)} | {share} | {other[m] / years:.0%} | "
                    f"{other_group[m] / years:.0%} |"
                )
            print(f"<!-- {name} / {m}: {seconds[m] / years:.2f} s per year -->", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--seed", type=int, default=10000)
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this")
    parser.add_argument("--methods", nargs="+", default=["audit"], choices=sorted(METHODS))
    args = parser.parse_args()
    run(args.years, args.seed, args.only, tuple(args.methods))
