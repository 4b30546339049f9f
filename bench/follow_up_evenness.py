"""Found-rate and false-flag rate of the audit's follow-up question (issue #16) on simulated years.

Usage: ``python bench/follow_up_evenness.py [--years 100] [--seed 40000]``; the table goes into
docs/audit.md ("Follow-up: are parents informed evenly?").

Every year is a simulated one-teacher year (``app.simulation.simulate``: 4 classes x 25 students in fixed
weekly slots, ~150 consequences); ``app.simulation.follow_up`` then simulates the follow-up of every
consequence: the parents informed more often after heavier steps, a per-student shift of the log-odds
(the teacher knows some families better), and what each scenario plants. Every scenario runs on the
very same years. Two variants of the test: as built (the larger of the exact stratified p and the one
with the centred per-student variance) and without the per-student variance (the exact stratified
test alone), to show what the per-student variance buys.

Found: the planted group flagged in the planted direction. False flag: a year with any other flag.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.analysis.audit import follow_up as fu
from app.analysis.frame import build_frame
from app.simulation.follow_up import with_follow_ups
from app.simulation.simulate import simulate_year


@dataclass(frozen=True)
class Scenario:
    """What is planted in the follow-up (log-odds), and how unevenly the teacher treats families."""

    heterogeneity: float = 0.5
    klass: float = 0.0
    attribute: float = 0.0
    sooner: float = 0.0
    target: tuple[str, str, str, str] | None = field(default=None)  #: question, dimension, subject, direction


CLASS = "1B"  # simulate_year's second class: the default planted class
SCENARIOS: dict[str, Scenario] = {
    "fair (families sd 0.5)": Scenario(),
    "fair, very uneven families (sd 1.0)": Scenario(heterogeneity=1.0),
    "class 1B informed more (log-odds +1.0)": Scenario(
        klass=1.0, target=("informed", "group", CLASS, "more")
    ),
    "class 1B informed more (log-odds +1.5)": Scenario(
        klass=1.5, target=("informed", "group", CLASS, "more")
    ),
    "class 1B informed less (log-odds -1.5)": Scenario(
        klass=-1.5, target=("informed", "group", CLASS, "less")
    ),
    "boys informed more (log-odds +1.0)": Scenario(attribute=1.0, target=("informed", "gender", "m", "more")),
    "class 1B informed 3x sooner": Scenario(sooner=1.1, target=("sooner", "group", CLASS, "sooner")),
}


@contextmanager
def without_cluster_variance() -> Iterator[None]:
    """The test without the per-student (cluster-robust) variance: the permutation variance only."""
    original = fu._Score.p

    def permutation_only(self: fu._Score) -> float:
        return original(fu._Score(self.u, self.var_perm, 0.0))

    fu._Score.p = permutation_only  # type: ignore[method-assign]  # a bench-only variant of the test
    try:
        yield
    finally:
        fu._Score.p = original  # type: ignore[method-assign]


def _count(report: fu.FollowUpEvenness, target: tuple[str, str, str, str] | None) -> tuple[bool, bool, bool]:
    """Found; any other flag; a flag outside the planted question and dimension."""
    keys = [(c.question, c.dimension, c.subject, c.direction) for c in report.findings]
    found = target in keys
    other = any(k != target for k in keys)
    elsewhere = any(target is None or k[:2] != target[:2] for k in keys)
    return found, other, elsewhere


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--seed", type=int, default=40000)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tallies: dict[tuple[str, str], list[int]] = {}
    settled: list[int] = []
    for i in range(args.years):
        seed = args.seed + i
        year = simulate_year(seed, weekly=3, heterogeneity=0.5)
        for name, sc in SCENARIOS.items():
            tables = with_follow_ups(
                year.tables,
                seed,
                klass=sc.klass,
                klass_name=CLASS,
                attribute=sc.attribute,
                sooner=sc.sooner,
                heterogeneity=sc.heterogeneity,
            )
            frame = build_frame(tables)
            for variant in ("as built", "exact test alone"):
                if variant == "as built":
                    report = fu.follow_up_evenness(frame)
                else:
                    with without_cluster_variance():
                        report = fu.follow_up_evenness(frame)
                found, other, elsewhere = _count(report, sc.target)
                tally = tallies.setdefault((name, variant), [0, 0, 0])
                tally[0] += found
                tally[1] += other
                tally[2] += elsewhere
                if name == next(iter(SCENARIOS)) and variant == "as built":
                    settled.append(report.n_settled)
    seconds = time.perf_counter() - started
    print(f"{args.years} simulated years per scenario (seed {args.seed}), {seconds:.0f} s in all;")
    print(
        f"settled consequences per year: median {sorted(settled)[len(settled) // 2]}, "
        f"{min(settled)}-{max(settled)}\n"
    )
    print("| scenario | test | found | years with another flag | ... outside the planted question |")
    print("| --- | --- | ---: | ---: | ---: |")
    for (name, variant), (found, other, elsewhere) in tallies.items():
        target = SCENARIOS[name].target
        found_text = f"{100 * found / args.years:.0f} %" if target else "–"
        print(
            f"| {name} | {variant} | {found_text} | {100 * other / args.years:.0f} % "
            f"| {100 * elsewhere / args.years:.0f} % |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
