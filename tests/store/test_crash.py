"""Crash tests: a child logs incidents and imports files in a loop and is killed with SIGKILL at random.

Afterwards the file is intact, every write the child acknowledged (printed after its commit) is
there, and every import is all or nothing.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from app.store.store import Store

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
ROWS = 120
PER_ROUND = 100  #: room for the iterations of one round in the numbering

CHILD = r"""
import sys
from datetime import datetime, timedelta
from pathlib import Path

from app.importers import import_incidents
from app.store.store import Store

db, workdir, start, rows = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
base = datetime.fromisoformat(sys.argv[5])
store = Store.open(db)
student = store.student_by_external_id("S1")
rule = store.rules()[0]
print("READY", flush=True)
k = start
while True:
    store.log_incident(student.id, rule.id, 1, occurred_at=base + timedelta(seconds=k), note=f"log-{k}")
    print(f"L {k}", flush=True)
    path = workdir / f"batch-{k}.csv"
    lines = ["timestamp,student_id,rule,severity,note"]
    for i in range(rows):
        when = base + timedelta(days=1, seconds=k * 200 + i)
        lines.append(f"{when.isoformat(sep=' ')},S{2 + i % 5},{rule.name},{1 + i % 3},batch-{k}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    import_incidents(store, path)
    print(f"B {k}", flush=True)
    k += 1
"""


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_logging_and_imports_loses_nothing_acknowledged(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    db = tmp_path / "crash.db"
    with Store.open(db) as store:
        store.auto_backup = False
        for n in range(1, 7):
            store.add_student(f"S{n}", f"Leerling {n}", "1A")
    base = (datetime.now() - timedelta(days=30)).replace(microsecond=0)
    rng = random.Random(20261126)
    logged: set[int] = set()
    imported: set[int] = set()
    killed_mid_import = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for round_no in range(KILLS):
        start = round_no * PER_ROUND
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), str(tmp_path), str(start), str(ROWS), base.isoformat()],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        ready = proc.stdout.readline().strip()
        if ready != "READY":
            proc.kill()
            pytest.fail(f"child did not start: {proc.communicate()[1][-2000:]}")
        time.sleep(rng.uniform(0.02, 1.2))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert proc.returncode == -signal.SIGKILL, err[-2000:]
        lines = out.splitlines()
        for line in lines:
            kind, _, k = line.partition(" ")
            (logged if kind == "L" else imported).add(int(k))
            assert int(k) < start + PER_ROUND
        killed_mid_import += bool(lines) and lines[-1].startswith("L")

    assert imported, "no import was acknowledged: the kills came too early to test anything"
    assert killed_mid_import >= 3, "too few kills landed between an import's start and its commit"
    print(f"{len(logged)} logged, {len(imported)} imported, {killed_mid_import} kills during an import")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        notes = Counter(note for (note,) in conn.execute("SELECT note FROM incident"))
    finally:
        conn.close()
    for k in logged:
        assert notes[f"log-{k}"] == 1, f"acknowledged incident log-{k} is missing"
    for k in imported:
        assert notes[f"batch-{k}"] == ROWS, f"acknowledged import batch-{k} is incomplete"
    batches = {note: n for note, n in notes.items() if note.startswith("batch-")}
    half = {note: n for note, n in batches.items() if n != ROWS}
    assert not half, f"half-written imports: {half}"
    # at most one unacknowledged write per round (committed, killed before it could print)
    assert len(batches) - len(imported) <= KILLS
    with Store.open(db) as store:  # and the app opens it normally
        store.auto_backup = False
        assert len(store.incidents()) == sum(notes.values())
