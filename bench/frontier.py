"""How far can the group and moment tests go? The trade-off between finding a medium class and
leaving a fair but human teacher's groups unflagged (docs/audit.md, "The limit").

Usage: ``python bench/frontier.py [--years 100] [--seeds 10000 20000] [--issue]``. For every simulated
year (built as ``bench/power.py`` builds them, or with ``--issue`` with its answers drawn again as
``bench/issue_years.py`` draws them) the audit's own group and moment tests are run
(``dimension_subjects`` and ``rule_subjects``: each dimension's own fit with student effects, the
guard without the most influential student); no correction for many tests is applied. Then:

1. the class test alone, at fixed thresholds: how often the planted class is found, and how often a
   fair heterogeneous teacher's classes are flagged;
2. the best fixed thresholds per part (class, roster attribute, weekday, every other moment and
   rule) whose fair heterogeneous years stay at most 5 % flagged: what they find. No multiple-testing
   procedure can do better with these tests than the best fixed thresholds chosen in hindsight;
3. with ``--issue``, also the issue's own years with everything planted at once: how often the boys'
   and the Friday's own tests pass fixed thresholds.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import issue_years
from power import SCENARIOS, matches, year_for

from app.analysis.audit import subjects as subj
from app.analysis.audit.comparisons import design, work_set
from app.analysis.audit.dimensions import dimension_subjects
from app.analysis.audit.model import fit
from app.analysis.audit.rules import rule_subjects
from app.analysis.frame import build_frame

FAIR = ("timetable, fair, heterogeneous (sd 0.6)", "timetable, fair, heterogeneous (sd 0.3-0.8)")
PLANTED = {
    "class": "timetable, medium class",
    "attribute": "timetable, medium attribute (boys)",
    "weekday": "timetable, medium weekday (Friday)",
}
#: the same parts on the years of ``bench/issue_years.py`` (scenario labels of that module)
ISSUE = {scenario.label: scenario for scenario in issue_years.SCENARIOS}
ISSUE_FAIR = (issue_years.SCENARIOS[0].label,)
ISSUE_PLANTED = {
    "class": issue_years.SCENARIOS[4].label,
    "attribute": issue_years.SCENARIOS[2].label,
    "weekday": issue_years.SCENARIOS[3].label,
}


def part(item: subj.Tested) -> str:
    """Which threshold a test gets."""
    if item.kind == "group":
        return "class" if item.dimension == "group" else "attribute"
    return "weekday" if item.dimension == "weekday" else "other"


Truth = tuple[tuple[str, str, str, str], ...]


def tests(name: str, seed: int, index: int) -> tuple[list[tuple[str, float, subj.Tested]], Truth]:
    """Every group, moment and rule test of one year that passes the guard: (part, p, item)."""
    if name in ISSUE:
        tables, planted = issue_years.redraw(seed + index, ISSUE[name])
        frame, truth = build_frame(tables), tuple(planted)
    else:
        year = year_for(SCENARIOS[name], seed, index)
        frame, truth = build_frame(year.tables), year.truth
    w = work_set(frame)
    data, _, _, _ = design(frame, w)
    model = fit(data)
    found, _ = dimension_subjects(frame, w, model, lambda d: True, 1.0, set())
    rules, _ = rule_subjects(w, model, lambda d: True, 1.0)
    out = [(part(x), x.p, x) for x in found + rules if x.p_guard < subj.GUARD_P]
    return out, truth


def hits(truth: tuple[str, str, str, str], item: subj.Tested) -> bool:
    """The test finds the planted effect (``power.matches``: right direction, or the other value of a
    two-valued attribute in the other direction)."""
    way = "stricter" if item.log_effect > 0 else "milder"
    return matches(truth, (item.kind, item.dimension, item.subject, way))


def run(years: int, seeds: list[int], issue: bool = False) -> None:
    """Print both tables."""
    fair_names, planted_names = (ISSUE_FAIR, ISSUE_PLANTED) if issue else (FAIR, PLANTED)
    fair: list[dict[str, float]] = []
    power: dict[str, list[float]] = {k: [] for k in PLANTED}
    for seed in seeds:
        for i in range(years):
            for name in fair_names:
                mins: dict[str, float] = {}
                for key, p, _ in tests(name, seed, i)[0]:
                    mins[key] = min(mins.get(key, 1.0), p)
                fair.append(mins)
            for key, name in planted_names.items():
                items, truth = tests(name, seed, i)
                planted = next(t for t in truth if t[0] != "student")
                power[key].append(min([p for _, p, x in items if hits(planted, x)] or [1.0]))
    fair_class = np.array([m.get("class", 1.0) for m in fair])
    found = {k: np.array(v) for k, v in power.items()}
    print(f"{len(fair)} fair heterogeneous years, {len(found['class'])} years per planted effect\n")
    print("| class test alone at p below | medium class found | fair teacher: a class flagged |")
    print("| --- | --- | --- |")
    for t in (0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.02, 0.05):
        print(f"| {t} | {np.mean(found['class'] < t):.1%} | {np.mean(fair_class < t):.1%} |")
    grid = {
        "class": (0.002, 0.003, 0.005, 0.0075, 0.01),
        "attribute": (0.0005, 0.001, 0.002),
        "weekday": (0.0005, 0.001, 0.002, 0.003),
        "other": (0.0001, 0.0002, 0.0005),
    }
    rows = []
    for values in itertools.product(*grid.values()):
        th = dict(zip(grid, values, strict=True))
        flagged = float(np.mean([any(m.get(k, 1.0) < th[k] for k in th) for m in fair]))
        if flagged <= 0.05:
            rate = {k: float(np.mean(found[k] < th[k])) for k in found}
            rows.append((min(rate.values()), flagged, rate, th))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print(
        "\n| thresholds (class / attribute / weekday / other) | fair: group or moment flagged "
        "| class | attribute | weekday |"
    )
    print("| --- | --- | --- | --- | --- |")
    for _, flagged, rate, th in rows[:5]:
        ths = " / ".join(str(th[k]) for k in grid)
        print(
            f"| {ths} | {flagged:.1%} | "
            + " | ".join(f"{rate[k]:.1%}" for k in ("class", "attribute", "weekday"))
            + " |"
        )
    if issue:
        at_once(years, seeds)


def at_once(years: int, seeds: list[int]) -> None:
    """The issue's own years (two students, boys and Fridays at once): how often the boys' and the
    Friday's own tests pass fixed thresholds, with no correction."""
    name = issue_years.SCENARIOS[5].label
    found: dict[str, list[float]] = {"attribute": [], "weekday": []}
    for seed in seeds:
        for i in range(years):
            items, truth = tests(name, seed, i)
            for key, planted in zip(found, truth[:2], strict=True):
                found[key].append(min([p for _, p, x in items if hits(planted, x)] or [1.0]))
    print(f"\n{name}: the planted pattern's own test at p below (no correction)\n")
    print("| p below | boys found | Friday found |")
    print("| --- | --- | --- |")
    boys, friday = np.array(found["attribute"]), np.array(found["weekday"])
    for t in (0.0005, 0.001, 0.002, 0.005, 0.01):
        print(f"| {t} | {np.mean(boys < t):.1%} | {np.mean(friday < t):.1%} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--years", type=int, default=100)
    parser.add_argument("--seeds", type=int, nargs="+", default=[10000, 20000])
    parser.add_argument("--issue", action="store_true", help="answers as in issue_years.py")
    args = parser.parse_args()
    run(args.years, args.seeds, args.issue)
