"""The audit against a crude baseline on the same data: what the audit's extra care costs.

The baseline is what a quick analysis would do: per subject (each student, class, attribute value,
moment, rule), the share of stricter and of milder answers from a pandas groupby, and a Fisher exact
test of that subject against everybody else for each direction, Benjamini-Hochberg over all. It has no
rule x strike strata, no shrinkage, no joint model. Both get the same tidy frame (``build_frame``),
so the ratio compares the analyses, not the reading. Run: ``.venv/bin/python bench/bench_baseline.py``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

try:
    from bench._common import Row, best_of, run_cli, teacher_year, team_year, timed
except ModuleNotFoundError:  # run as a script
    from _common import Row, best_of, run_cli, teacher_year, team_year, timed

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.frame import AuditFrame

MOMENTS = ("weekday", "period", "month", "term", "lesson_mood", "teacher_energy", "rule", "category")


def crude_baseline(frame: AuditFrame) -> pd.DataFrame:
    """Per subject and direction: counts, rate, Fisher exact p against the rest, BH-adjusted p."""
    import numpy as np
    import pandas as pd
    from scipy.stats import fisher_exact

    from app.analysis.stats import bh_adjust

    inc = frame.incidents
    work = pd.DataFrame(
        {"stricter": (inc["deviation"] > 0).astype(int), "milder": (inc["deviation"] < 0).astype(int)}
    )
    total_n = len(inc)
    rows = []
    for dim in ("student_id", "group", *frame.attribute_columns, *MOMENTS):
        counts = work.groupby(inc[dim].astype(str).to_numpy()).agg(
            n=("stricter", "size"), stricter=("stricter", "sum"), milder=("milder", "sum")
        )
        for direction in ("stricter", "milder"):
            hits_total = int(work[direction].sum())
            for subject, n, hits in zip(counts.index, counts["n"], counts[direction], strict=True):
                table = [[hits, n - hits], [hits_total - hits, total_n - n - (hits_total - hits)]]
                _, p = fisher_exact(table)
                rows.append((dim, subject, direction, int(n), int(hits), hits / n, float(p)))
    out = pd.DataFrame(rows, columns=["dimension", "subject", "direction", "n", "hits", "rate", "p"])
    out["p_adjusted"] = bh_adjust(out["p"].to_numpy()) if len(out) else np.array([])
    return out


def compare(tables: dict, runs: int) -> dict[str, float]:
    """Frame, audit and baseline on the same tables: median wall seconds, CPU seconds a run, test counts."""
    from app.analysis.audit.run import audit
    from app.analysis.frame import build_frame

    frame_s, frame = timed(lambda: build_frame(tables))
    audit(frame)  # warm-up: the lazy imports of the estimates beside the flags are not the audit's cost
    cpu = time.process_time()
    audit_s, _, report = best_of(lambda: audit(frame), runs)
    audit_cpu = (time.process_time() - cpu) / runs
    cpu = time.process_time()
    base_s, _, base = best_of(lambda: crude_baseline(frame), runs)
    base_cpu = (time.process_time() - cpu) / runs
    return {
        "frame_s": frame_s,
        "audit_s": audit_s,
        "audit_cpu": audit_cpu,
        "base_s": base_s,
        "base_cpu": base_cpu,
        "audit_tests": len(report.estimates),
        "base_tests": len(base),
    }


def run(small: bool = False) -> list[Row]:
    """The ratio audit / baseline on a teacher's year and on a team log."""
    rows = []
    cases = [("one-teacher year", teacher_year(seed=3), 1 if small else 3)]
    cases.append(("team log", team_year(3_000 if small else 100_000, seed=4), 1))
    for name, tables, runs in cases:
        n = len(tables["incidents"])
        c = compare(tables, runs)
        rows.append(Row(f"{name} ({n:,}): build_frame (shared by both)", c["frame_s"], "s"))
        note = f"{c['audit_tests']:,} estimates; CPU {c['audit_cpu']:.2f} s"
        rows.append(Row(f"{name}: audit on the frame", c["audit_s"], "s", note=note))
        note = f"{c['base_tests']:,} tests; CPU {c['base_cpu']:.2f} s"
        rows.append(Row(f"{name}: crude baseline (groupby + Fisher)", c["base_s"], "s", note=note))
        note = f"CPU ratio {c['audit_cpu'] / c['base_cpu']:.1f}x"
        rows.append(Row(f"{name}: ratio audit / baseline", c["audit_s"] / c["base_s"], "x", note=note))
    return rows


def main() -> None:
    """Parse arguments, run, print."""
    run_cli(run, __doc__, "a few seconds, for the smoke test")


if __name__ == "__main__":
    main()
