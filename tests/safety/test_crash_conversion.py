"""Crash test for encryption: SIGKILL while the store is encrypted and re-keyed, again and again.

After every kill the store opens with the last acknowledged passphrase or the one after it (never
neither), holds all its rows, and passes SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.safety.integrity import StoreError, check_store
from app.store.store import Store

pytest.importorskip("sqlcipher3")

ROOT = Path(__file__).resolve().parents[2]
KILLS = 5
KEYS = ("eerste wachtwoord", "tweede wachtwoord")

CHILD = r"""
import sys
from pathlib import Path

from app.safety.crypto import change_passphrase, encrypt_store
from app.safety.integrity import check_store
from app.store.store import Store

db = Path(sys.argv[1])
keys = (sys.argv[2], sys.argv[3])
current = None
for candidate in (None, *keys):
    try:
        check_store(db, candidate)
        current = candidate
        break
    except Exception:
        continue
store = Store.open(db, passphrase=current or "")
store.auto_backup = False
print("READY", flush=True)
while True:
    if store.passphrase is None:
        encrypt_store(store, keys[0])
    else:
        change_passphrase(store, store.passphrase, keys[1] if store.passphrase == keys[0] else keys[0])
    print(f"K {keys.index(store.passphrase)}", flush=True)
"""


def _opens_with(db: Path) -> str | None:
    for candidate in (None, *KEYS):
        try:
            check_store(db, candidate)
        except StoreError:
            continue
        return candidate or "plain"
    return None


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_encryption_leaves_the_old_or_the_new_store(tmp_path: Path) -> None:
    db = tmp_path / "convert.db"
    with Store.open(db) as store:
        store.auto_backup = False
        with store.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO class_group (name, archived) VALUES ('1A', 0)",
            )
            conn.exec_driver_sql(
                "INSERT INTO student (external_id, display_name, class_id, archived) VALUES (?, ?, 1, 0)",
                [(f"S{i}", f"Leerling {i}") for i in range(3000)],
            )
    rng = random.Random(7)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acknowledged = "plain"
    conversions = 0
    for _ in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), *KEYS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "READY":
            proc.kill()
            pytest.fail(proc.communicate()[1][-2000:])
        time.sleep(rng.uniform(0.2, 2.5))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        acks = [KEYS[int(line.split()[1])] for line in out.splitlines() if line.startswith("K ")]
        conversions += len(acks)
        if acks:
            acknowledged = acks[-1]
        following = KEYS[0] if acknowledged in ("plain", KEYS[1]) else KEYS[1]
        now = _opens_with(db)
        assert now in (acknowledged, following), (acknowledged, now, err[-1000:])
        acknowledged = now
        leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith((".convert", ".tmp"))]
        assert len(leftovers) <= 1  # at most the half-written copy of the killed conversion
    assert conversions >= 1, "the kills came too early to test a conversion"
    with Store.open(db, passphrase=None if acknowledged == "plain" else acknowledged) as store:
        store.auto_backup = False
        assert len(store.students()) == 3000
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
