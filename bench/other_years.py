"""The audit on years built with other settings than ``bench/power.py`` (docs/audit.md, "Years built
differently"): other class sizes, lessons a week, heterogeneity, and effects in the other direction.

Usage: ``python bench/other_years.py [--years 30] [--seed 30000]``. Per row: how often the planted
pattern was found (right direction) and in how many years another group or moment was flagged.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from methods import audit
from power import matches

from app.analysis.frame import build_frame
from app.simulation.simulate import Planted, simulate_year


@dataclass(frozen=True)
class Setting:
    """How the years of one row are built."""

    label: str
    planted: Planted = field(default_factory=Planted)
    n_classes: int = 4
    students: int = 25
    weekly: int = 3
    sd: float = 0.6


SETTINGS = (
    Setting("6 classes x 28 students, 2 lessons a week, sd 0.6", n_classes=6, students=28, weekly=2),
    Setting("3 classes x 30 students, 4 lessons a week, sd 0.8", n_classes=3, students=30, weekly=4, sd=0.8),
    Setting("4 x 25, 3 a week, sd 0.6; support plan (20 % of students) +0.9", Planted(group=0.9)),
    Setting("4 x 25, 3 a week, sd 0.6; Friday milder -0.9", Planted(weekday=-0.9)),
    Setting("4 x 25, 3 a week, sd 0.5; one class milder -0.9", Planted(klass=-0.9), sd=0.5),
    Setting("6 x 25, 2 a week, sd 0.6; boys +0.8", Planted(attribute=0.8), n_classes=6, weekly=2),
)


def run(years: int, seed: int) -> None:
    """One markdown row per setting."""
    print("| years | found | other group or moment flagged |")
    print("| --- | --- | --- |")
    for setting in SETTINGS:
        found = other = 0
        for i in range(years):
            year = simulate_year(
                seed + i,
                planted=setting.planted,
                n_classes=setting.n_classes,
                students_per_class=setting.students,
                weekly=setting.weekly,
                heterogeneity=setting.sd,
            )
            flags = audit(build_frame(year.tables))
            found += bool(year.truth) and all(any(matches(t, f) for f in flags) for t in year.truth)
            rest = {f for f in flags if not any(matches(t, f) for t in year.truth)}
            other += any(f[0] in ("group", "context") for f in rest)
        share = f"{found} of {years}" if setting.planted != Planted() else "–"
        print(f"| {setting.label} | {share} | {other} of {years} |", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=30)
    parser.add_argument("--seed", type=int, default=30000)
    args = parser.parse_args()
    run(args.years, args.seed)
