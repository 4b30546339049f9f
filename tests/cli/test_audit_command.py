"""``fair-strictness audit``: summary, JSON schema, and user errors through the entry function."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def logged(db_path: Path) -> Path:
    """A class where one student is given a step above the agreed one on most incidents."""
    with Store.open(db_path) as store:
        ids = [
            store.add_student(f"{100 + i}", f"Leerling {i}", "3B", {"geslacht": "mv"[i % 2]}).id
            for i in range(12)
        ]
        phone = store.rule_by_name("Telefoon weg")
        assert phone is not None
        class_id = store.student(ids[0]).class_id  # type: ignore[union-attr]
        day = date(2026, 1, 5)
        for lesson_no in range(40):
            on = day + timedelta(days=lesson_no + 2 * (lesson_no // 5))
            lesson = store.lesson_for(class_id, on, period=1 + lesson_no % 5, new=True)
            at = datetime.combine(on, datetime.min.time()) + timedelta(hours=10)
            for k, sid in enumerate(ids):
                if (lesson_no + k) % 3:
                    continue
                step = 2 if (k == 0 and lesson_no % 4) else 1
                store.log_incident(
                    sid, phone.id, step, lesson_id=lesson.id, occurred_at=at + timedelta(minutes=k)
                )
    return db_path


def test_json_has_the_schema_findings_and_estimates(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(logged), "audit", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["schema"] == "fair-strictness/audit/v1"
    assert doc["n_incidents"] > 100
    finding = next(f for f in doc["findings"] if f["kind"] == "student")
    assert finding["subject"] == "100" and finding["direction"] == "stricter"
    assert finding["effect"] > 1 and finding["ci_low"] < finding["effect"] < finding["ci_high"]
    assert "zwaardere stap" in finding["explanation"]
    assert len(doc["estimates"]) >= len(doc["findings"])
    assert all(
        e["subject"] != "100" or e in doc["findings"] for e in doc["estimates"] if e["kind"] == "student"
    )


def test_json_validates_against_the_documented_schema(
    logged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = json.loads((ROOT / "docs" / "audit-schema.json").read_text(encoding="utf-8"))
    assert main(["--db", str(logged), "audit", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) <= set(doc)
    item = schema["$defs"]["item"]
    for entry in doc["estimates"]:
        assert set(item["required"]) <= set(entry)
        assert entry["kind"] in item["properties"]["kind"]["enum"]
        assert entry["direction"] in item["properties"]["direction"]["enum"]


def test_summary_is_dutch_and_names_the_student(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(logged), "audit"]) == 0
    out = capsys.readouterr().out
    assert "Mogelijke blinde vlekken" in out and "Leerling 100 (Leerling 0)" in out
    assert "geen oordeel" in out


def test_english_summary(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "--db", str(logged), "audit"]) == 0
    out = capsys.readouterr().out
    assert "Possible blind spots" in out and "heavier step" in out


def test_date_range_and_empty_period(logged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(logged), "audit", "--json", "--from", "2030-01-01"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["from"] == "2030-01-01" and doc["estimates"] == [] and doc["n_incidents"] == 0
    assert main(["--db", str(logged), "audit", "--from", "2030-01-01"]) == 0
    assert "geen incidenten" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "5-1-2026"], "Ongeldige begindatum"),
        (["--to", "gisteren"], "Ongeldige einddatum"),
        (["--from", "2026-02-01", "--to", "2026-01-01"], "--from ligt na --to"),
    ],
)
def test_bad_dates_are_exit_2(
    db_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert main(["--db", str(db_path), "audit", *args]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("fdr", ["0", "1", "1.5", "abc"])
def test_bad_fdr_is_exit_2(db_path: Path, capsys: pytest.CaptureFixture[str], fdr: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "audit", "--fdr", fdr])
    assert exc.value.code == 2
    assert "tussen 0 en 1" in capsys.readouterr().err


def test_empty_store_is_fine(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "audit", "--json", "--fdr", "0,1"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["fdr"] == pytest.approx(0.1) and doc["findings"] == []


def test_the_demo_years_planted_patterns_are_found_and_nothing_else(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.simulation.demo import fill_demo

    with Store.open(db_path) as store:
        fill_demo(store, today=date(2027, 3, 1))
    assert main(["--db", str(db_path), "audit", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    found = sorted((f["kind"], f["dimension"], f["direction"]) for f in findings)
    assert found == [
        ("context", "weekday", "milder"),
        ("group", "ondersteuningsplan", "stricter"),
        ("student", "student", "milder"),
        ("student", "student", "stricter"),
    ]
    assert next(f for f in findings if f["kind"] == "context")["subject"] == "friday"
    assert next(f for f in findings if f["kind"] == "group")["subject"] == "ja"


def test_summary_explains_the_numbers_in_plain_dutch(
    logged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(logged), "audit"]) == 0
    out = capsys.readouterr().out
    assert "de kansverhouding vergelijkt de kans op een zwaardere stap" in out
    assert "95%-interval geeft de waarden" in out
    assert "gemiddeld is hooguit 5% van de meldingen toeval (--fdr 0,05)" in out


def test_one_incident_reads_in_the_singular_and_says_why_nothing_is_compared(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        student = store.add_student("7", "Een", "1A")
        lesson = store.lesson_for(student.class_id, date(2026, 3, 2), period=1)
        phone = store.rule_by_name("Telefoon weg")
        assert phone is not None
        store.log_incident(student.id, phone.id, 2, lesson_id=lesson.id, occurred_at=datetime(2026, 3, 2, 9))
    assert main(["--db", str(db_path), "audit"]) == 0
    out = capsys.readouterr().out
    assert "1 incident van 1 leerling in 1 les." in out and "0 vergelijkingen" in out
    assert "Te weinig incidenten om te vergelijken" in out
    assert main(["--db", str(db_path), "audit", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["estimates"] == [] and any("Te weinig incidenten" in n for n in doc["notes"])


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    # `fair-strictness audit --json | head`: the pipe closes while the demo year's JSON (over 100 kB,
    # more than a pipe holds) is still being written
    import subprocess
    import sys

    db = tmp_path / "demo.db"
    base = [sys.executable, "-m", "app", "--db", str(db)]
    subprocess.run([*base, "demo"], cwd=ROOT, check=True, capture_output=True)
    command = [*base, "audit", "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        assert proc.stdout.read(20)
        proc.stdout.close()  # the reader is gone
        error = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert "Traceback" not in error and code == 0
