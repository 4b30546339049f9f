"""Bulk incident import: 100,000 incidents (a team's year) from CSV into a fresh store; target <= 10 s.

Also times the export of the same log and a re-import of that export into a second store (the round
trip), and checks the counts. Run: ``.venv/bin/python bench/bench_import.py [N]``.
"""

from __future__ import annotations

import csv
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from app.importers import import_incidents, import_roster
from app.importers.exporting import export_incidents
from app.store.store import Store

TARGET_SECONDS = 10.0


def write_files(folder: Path, n: int, seed: int = 1) -> tuple[Path, Path]:
    """A roster of 8,000 students in 320 classes and an incidents file of ``n`` rows."""
    rng = random.Random(seed)
    roster = folder / "roster.csv"
    with roster.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student_id", "name", "group", "geslacht"])
        for i in range(8000):
            writer.writerow([f"S{i:05d}", f"Leerling {i}", f"K{i // 25:03d}", rng.choice("mv")])
    rules = ["Telefoon weg", "Op tijd en met spullen", "Aan het werk blijven", "Respectvol taalgebruik"]
    start = datetime.combine(date.today() - timedelta(days=300), datetime.min.time())
    incidents = folder / "incidents.csv"
    with incidents.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["timestamp", "student_id", "rule", "severity", "note"])
        for _ in range(n):
            when = start + timedelta(days=rng.randrange(290), minutes=rng.randrange(8 * 60, 16 * 60))
            note = rng.choice(("", "", "", 'zei "nee"; liep weg', "twee\nregels"))
            student = f"S{rng.randrange(8000):05d}"
            writer.writerow([when.isoformat(sep=" "), student, rng.choice(rules), rng.randint(1, 5), note])
    return roster, incidents


def main(n: int = 100_000) -> dict[str, float]:
    """Measure and print; returns the timings in seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster, incidents = write_files(folder, n)
        out: dict[str, float] = {}
        with Store.open(folder / "a.db") as store:
            import_roster(store, roster)
            started = time.perf_counter()
            summary = import_incidents(store, incidents)
            out["import"] = time.perf_counter() - started
            assert summary.added == n, summary
            started = time.perf_counter()
            export_incidents(store, folder / "export.csv")
            out["export"] = time.perf_counter() - started
        with Store.open(folder / "b.db") as store:
            import_roster(store, roster)
            started = time.perf_counter()
            again = import_incidents(store, folder / "export.csv")
            out["reimport_export"] = time.perf_counter() - started
            assert again.added == n
    for name, seconds in out.items():
        print(f"{name:>16}: {seconds:6.2f} s for {n:,} incidents")
    verdict = "OK" if out["import"] <= TARGET_SECONDS * n / 100_000 else "TOO SLOW"
    print(f"target <= {TARGET_SECONDS:.0f} s per 100,000: {verdict}")
    return out


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
