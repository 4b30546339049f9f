"""``export-team`` and ``team-compare`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store
from tests.team.team_logs import fill_log


@pytest.fixture
def filled(db_path: Path) -> dict[str, list[str]]:
    with Store.open(db_path) as store:
        return fill_log(store, seed=3)


def test_export_team_writes_pdf_csv_and_json(
    db_path: Path, tmp_path: Path, filled: dict[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        incident = store.incidents()[0].id
    out = tmp_path / "uit"
    code = main(
        [
            "--db",
            str(db_path),
            "export-team",
            "--out",
            str(out),
            "--students",
            "--case",
            f"{incident}=Ik twijfelde bij de deur",
            "--point",
            "Stap overslaan?",
        ]
    )
    assert code == 0
    names = {p.name for p in out.iterdir()}
    assert {"teamoverzicht.pdf", "team-uitwisseling.json", "teamoverzicht-adherence.csv"} <= names
    assert "teamoverzicht-students.csv" in names and "teamoverzicht-casussen.csv" in names
    cases = (out / "teamoverzicht-casussen.csv").read_text(encoding="utf-8-sig")
    assert "Ik twijfelde bij de deur" in cases
    text = capsys.readouterr().out
    assert "Opgeslagen" in text and "samengevoegd" in text
    doc = json.loads((out / "team-uitwisseling.json").read_text(encoding="utf-8"))
    assert doc["schema"] == "fair-strictness/team-exchange/v1" and doc["rules"]


def test_export_team_period_and_bad_input(
    db_path: Path, tmp_path: Path, filled: dict[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "periode"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "export-team",
                "--out",
                str(out),
                "--from",
                "2025-09-08",
                "--to",
                "2025-10-05",
            ]
        )
        == 0
    )
    info = (out / "teamoverzicht-info.csv").read_text(encoding="utf-8-sig")
    assert "week_from,2025-W37" in info and "week_to,2025-W40" in info
    assert main(["--db", str(db_path), "export-team", "--out", str(tmp_path / "x"), "--case", "abc"]) == 2
    assert "--case verwacht" in capsys.readouterr().err
    assert (
        main(["--db", str(db_path), "export-team", "--out", str(tmp_path / "y"), "--from", "gisteren"]) == 2
    )
    assert (
        main(["--db", str(db_path), "export-team", "--out", str(tmp_path / "z"), "--from", "2030-01-01"]) == 2
    )
    assert "geen incidenten" in capsys.readouterr().err
    assert not (tmp_path / "z").exists()


def test_team_compare_of_three_exports(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.team.anonymise import ExportOptions
    from app.team.exchange import exchange_bytes
    from app.team.report import build_summary

    files = []
    for seed in (1, 2, 3):
        with Store.open(tmp_path / f"t{seed}.db") as store:
            fill_log(store, seed=seed, weeks=6, small_class=False)
            tables = store.read_tables()
        path = tmp_path / f"uit{seed}.json"
        path.write_bytes(exchange_bytes(build_summary(tables, None, ExportOptions())))
        files.append(str(path))
    capsys.readouterr()
    target = tmp_path / "team"
    assert main(["team-compare", *files, "--out", str(target)]) == 0
    names = {p.name for p in target.iterdir()}
    assert names == {
        "teamvergelijking.pdf",
        "teamvergelijking-teachers.csv",
        "teamvergelijking-rules.csv",
        "teamvergelijking-shares.csv",
        "teamvergelijking-cells.csv",
    }
    text = capsys.readouterr().out
    assert "Docent A" in text and "Docent C" in text
    broken = tmp_path / "kapot.json"
    broken.write_text('{"schema": "iets anders"}', encoding="utf-8")
    assert main(["team-compare", files[0], str(broken), "--out", str(tmp_path / "t2")]) == 2
    assert "kapot.json is geen bruikbaar" in capsys.readouterr().err
    assert main(["team-compare", files[0], "--out", str(tmp_path / "t3")]) == 2


def test_export_team_of_a_log_with_only_praise_says_so(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Praise without any lesson made the export end in a pandas traceback; now a plain Dutch message."""
    from datetime import datetime

    store = Store.open(db_path)
    students = [store.add_student(f"p{i}", f"Kind{i} Lof", "2B") for i in range(6)]
    for k in range(8):
        store.log_praise(students[k % 6].id, occurred_at=datetime(2025, 10, 6 + k % 4, 10, 0))
    store.close()
    out = tmp_path / "lof"
    assert main(["--db", str(db_path), "export-team", "--out", str(out)]) == 2
    assert "geen incidenten in deze periode" in capsys.readouterr().err
    assert not out.exists()


def test_export_team_sections(
    db_path: Path, tmp_path: Path, filled: dict[str, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "deel"
    code = main(["--db", str(db_path), "export-team", "--out", str(out), "--sections", "rules, patterns"])
    assert code == 0
    names = {p.name for p in out.iterdir()}
    assert {"teamoverzicht-rules.csv", "teamoverzicht-patterns.csv"} <= names
    assert not {"teamoverzicht-groups.csv", "teamoverzicht-adherence.csv"} & names
    assert "Op eigen keuze niet gedeeld: Volgens afspraak per keer, Groepen" in capsys.readouterr().out
    code = main(
        ["--db", str(db_path), "export-team", "--out", str(tmp_path / "x"), "--sections", "rules,namen"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "--sections kent namen niet" in err and "patterns" in err
    assert not (tmp_path / "x").exists()
