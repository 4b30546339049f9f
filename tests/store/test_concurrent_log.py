"""Issue #18, item 11: two `log` commands at once for a class's first incident of a day made two
lessons, so the second warning was stored as a first strike. The lesson is now found or made inside a
write transaction that SQLite serialises (BEGIN IMMEDIATE), so the second writer sees the first's lesson."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from app.store.store import Store


def test_two_writers_at_once_share_the_day_s_lesson(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    setup = Store.open(db_path)
    zoe = setup.add_student("1", "Zoë de Vries", "2A")
    daan = setup.add_student("2", "Daan Bakker", "2A")
    phone = setup.rules()[2]
    setup.close()

    # every query pauses after it has read: both writers look for the lesson before either makes it
    original = Session.scalars

    def slow_scalars(self: Session, *args: Any, **kwargs: Any) -> Any:
        result = original(self, *args, **kwargs)
        time.sleep(0.3)
        return result

    monkeypatch.setattr(Session, "scalars", slow_scalars)
    stores = [Store.open(db_path, seed_defaults=False) for _ in range(2)]
    for s in stores:
        s.auto_backup = False
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def log(store: Store, student_id: int) -> None:
        start.wait()
        try:
            store.log_incident(student_id, phone.id)
        except BaseException as exc:
            errors.append(exc)

    threads = [
        threading.Thread(target=log, args=(s, sid)) for s, sid in zip(stores, (zoe.id, daan.id), strict=True)
    ]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    monkeypatch.undo()
    try:
        assert errors == []
        incidents = stores[0].incidents()
        assert len(incidents) == 2
        assert len({i.lesson_id for i in incidents}) == 1, "two lessons for one class on one day"
        assert len(stores[0].lessons()) == 1
    finally:
        for s in stores:
            s.close()


def test_two_log_commands_as_processes_count_strikes_in_one_lesson(db_path: Path) -> None:
    setup = Store.open(db_path)
    setup.add_student("1", "Zoë de Vries", "2A")
    setup.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    command = [
        sys.executable,
        "-m",
        "app",
        "--db",
        str(db_path),
        "log",
        "--student",
        "1",
        "--rule",
        "Telefoon weg",
    ]
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    store = Store.open(db_path)
    try:
        incidents = store.incidents()
        assert sorted(i.strike for i in incidents) == [1, 2]
        assert len({i.lesson_id for i in incidents}) == 1
    finally:
        store.close()
