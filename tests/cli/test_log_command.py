"""The ``log`` command and the CLI's error handling, through the entry function."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store


def test_log_uses_the_agreed_step_and_prints_it(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db_path) as store:
        store.add_student("1001", "Zoë de Vries", "2A")
    assert main(["--db", str(db_path), "log", "--student", "1001", "--rule", "telefoon weg"]) == 0
    assert main(["--db", str(db_path), "log", "--student", "1001", "--rule", "Telefoon weg"]) == 0
    out = capsys.readouterr().out
    assert "Zoë de Vries" in out and "2e keer" in out and "2e waarschuwing" in out
    with Store.open(db_path) as store:
        assert [i.step for i in store.incidents()] == [2, 1]


def test_unknown_student_is_exit_2_with_a_dutch_message(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "log", "--student", "nope", "--rule", "Telefoon weg"]) == 2
    assert "Onbekende leerling" in capsys.readouterr().err


def test_severity_off_the_ladder_is_refused(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    assert (
        main(["--db", str(db_path), "log", "--student", "1", "--rule", "Telefoon weg", "--severity", "7"])
        == 2
    )
    assert "ladder" in capsys.readouterr().err
    with Store.open(db_path) as store:
        assert store.incidents() == []


def test_python_dash_m_app_runs_the_same_cli(db_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app", "--help"], capture_output=True, text=True, check=True
    ).stdout
    assert "fair-strictness" in out and "log" in out


def test_extra_spaces_around_and_inside_the_arguments_are_ignored(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        store.add_student("1", "Ann", "1A")
    assert main(["--db", str(db_path), "log", "--student", " 1 ", "--rule", " Telefoon  weg "]) == 0
    assert "Ann (1A), Telefoon weg" in capsys.readouterr().out


def test_a_severity_that_is_no_number_is_explained_in_dutch(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), "log", "--student", "1", "--rule", "Telefoon weg", "--severity", "x"])
    assert info.value.code == 2
    assert "'x' is geen getal" in capsys.readouterr().err
