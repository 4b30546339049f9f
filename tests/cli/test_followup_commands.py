"""``log --severity``, ``followups`` and ``followup`` (issue 16) from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store


@pytest.fixture
def db(db_path: Path) -> Path:
    with Store.open(db_path) as store:
        store.add_student("1001", "Ann Claes", "2B")
    return db_path


def _run(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


def test_a_consequence_opens_a_follow_up_a_warning_does_not(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db, "log", "--student", "1001", "--rule", "Telefoon weg", "--severity", "1") == 0
    assert "Nazorg" not in capsys.readouterr().out
    assert _run(db, "log", "--student", "1001", "--rule", "Telefoon weg", "--severity", "3") == 0
    out = capsys.readouterr().out
    assert "Nazorg geopend" in out
    with Store.open(db) as store:
        (item,) = store.follow_ups()
    assert _run(db, "followups") == 0
    listed = capsys.readouterr().out
    assert str(item.incident_id) in listed and "Ann Claes (2B)" in listed and "Telefoon weg" in listed
    assert "met de leerling praten, dan de ouders informeren" in listed and "schooldagen" in listed


def test_marking_the_steps_in_order(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(db, "log", "--student", "1001", "--rule", "Telefoon weg", "--severity", "4")
    with Store.open(db) as store:
        (item,) = store.follow_ups()
    capsys.readouterr()
    assert _run(db, "followup", str(item.incident_id), "--parents-informed", "phone") == 2
    assert "Eerst de leerling" in capsys.readouterr().err
    assert _run(db, "followup", str(item.incident_id), "--student-told", "--note", "kort gesprek") == 0
    assert "Nog te doen: de ouders informeren." in capsys.readouterr().out
    assert _run(db, "followup", str(item.incident_id), "--parents-informed", "telefoon") == 0
    assert "ouders geïnformeerd (telefoon)" in capsys.readouterr().out
    assert _run(db, "followups") == 0
    assert "Geen nazorg open." in capsys.readouterr().out
    assert _run(db, "followup", "999", "--student-told") == 2
    assert "geen nazorg" in capsys.readouterr().err


def test_follow_up_notes_never_leave_in_an_export(db: Path, tmp_path: Path) -> None:
    for step in ("3", "4", "5", "3", "4", "3"):
        _run(db, "log", "--student", "1001", "--rule", "Telefoon weg", "--severity", step)
    with Store.open(db) as store:
        for item in store.follow_ups():
            store.mark_student_told(item.incident_id, note="geheim-gesprek-xyz")
    assert _run(db, "export-incidents", str(tmp_path / "inc.csv")) == 0
    assert "geheim-gesprek-xyz" not in (tmp_path / "inc.csv").read_text(encoding="utf-8-sig")
    _run(db, "export-team", "--out", str(tmp_path / "team"))
    for path in (tmp_path / "team").glob("*"):
        assert b"geheim-gesprek-xyz" not in path.read_bytes(), path.name
