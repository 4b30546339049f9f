"""False alarms and power of the audit on simulated one-teacher years (results go into docs/audit.md).

Usage: ``python bench/power.py [--years 200] [--seed 0]``. Each scenario simulates ``--years`` school
years of 4 classes x 25 students (~1,500 incidents) with ``app.analysis.simulate`` and audits them at
the default false discovery rate of 0.05.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from app.analysis.audit import audit
from app.analysis.simulate import Planted, simulate_year

SCENARIOS: dict[str, Planted] = {
    "fair teacher": Planted(),
    "fair teacher, safety rule answered milder for all (Simpson)": Planted(rule=-1.5),
    "planted, strong (as in the tests)": Planted(
        stricter_student=2.4, milder_student=-3.0, group=1.1, weekday=-1.2
    ),
    "planted, medium": Planted(stricter_student=1.8, milder_student=-1.8, group=0.9, weekday=-1.0),
    "planted, weak": Planted(stricter_student=1.2, milder_student=-1.2, group=0.6, weekday=-0.6),
}


def run(years: int, seed: int, only: str = "") -> None:
    """Print one markdown table row per scenario and planted effect."""
    print("| scenario | effect | found (right direction) | years with another flag |")
    print("| --- | --- | --- | --- |")
    for name, planted in SCENARIOS.items():
        if only and only not in name:
            continue
        found: Counter[tuple[str, str, str, str]] = Counter()
        other = 0
        started = time.perf_counter()
        for i in range(years):
            year = simulate_year(seed + i, planted=planted)
            report = audit(year.tables)
            flags = {(e.kind, e.dimension, e.subject, e.direction) for e in report.findings}
            for truth in year.truth:
                found[truth[:1] + truth[1:2] + ("*" if truth[0] == "student" else truth[2],) + truth[3:]] += (
                    truth in flags
                )
            if flags - set(year.truth):
                other += 1
        seconds = (time.perf_counter() - started) / years
        kinds = sorted(found) or [("-", "-", "-", "-")]
        for truth in kinds:
            share = f"{found[truth] / years:.0%}" if truth in found else "-"
            print(f"| {name} | {' '.join(truth)} | {share} | {other / years:.0%} ({seconds:.2f} s/year) |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this")
    args = parser.parse_args()
    run(args.years, args.seed, args.only)
