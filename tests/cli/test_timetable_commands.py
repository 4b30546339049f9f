"""``import-timetable FILE [--from DATE] [--to DATE]`` and ``lessons [--from] [--to] [--csv]``."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store
from tests.importers.ics_text import calendar, event, write_ics
from tests.importers.test_import_common import snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


def cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), *args])


@pytest.fixture
def classes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        for name in ("2B", "3A", "H4a"):
            store.add_class(name)


def test_import_timetable_maps_known_classes_and_lists_the_rest(
    db_path: Path, classes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "import-timetable", str(DATA / "zermelo_like.ics")) == 0
    out = capsys.readouterr().out
    assert "Rooster van 2026-10-19 tot 2026-10-30: 14 nieuwe lessen" in out
    assert "Niet geïmporteerd" in out and "Sectieoverleg wiskunde (2x)" in out


def test_import_timetable_from_and_to(
    db_path: Path, classes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("import-timetable", str(DATA / "untis_like.ics"), "--from", "2026-10-26", "--to", "2026-10-30")
    assert cli(db_path, *args) == 0
    assert "Rooster van 2026-10-26 tot 2026-10-30: 7 nieuwe lessen" in capsys.readouterr().out


def test_remembered_mapping_applies_on_the_command_line(
    db_path: Path, classes: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Store.open(db_path) as store:
        h4a = next(c.id for c in store.classes() if c.name == "H4a")
        store.store_timetable(
            [], datetime(2026, 1, 1).date(), datetime(2026, 1, 1).date(), {"Mentoruur": h4a}
        )
    path = write_ics(tmp_path, calendar(event("m", "Mentoruur", "20261020T083000", "20261020T092000")))
    assert cli(db_path, "import-timetable", str(path)) == 0
    assert "1 nieuwe lessen" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("geen agenda", "geen iCalendar-bestand"),
        (calendar(event("m", "Vergadering", "20261020T083000", "20261020T092000")), "geen enkele afspraak"),
    ],
)
def test_bad_timetable_is_exit_2_and_changes_nothing(
    db_path: Path,
    classes: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str,
    fragment: str,
) -> None:
    path = write_ics(tmp_path, content)
    with Store.open(db_path) as store:
        before = snapshot(store)
    assert cli(db_path, "import-timetable", str(path)) == 2
    err = capsys.readouterr().err
    assert fragment in err and "niets veranderd" in err and "Traceback" not in err
    with Store.open(db_path) as store:
        assert snapshot(store)[1] == before[1]


def test_bad_date_option_is_exit_2(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli(db_path, "import-timetable", "x.ics", "--from", "morgen")
    assert info.value.code == 2
    assert "JJJJ-MM-DD" in capsys.readouterr().err


def test_lessons_csv_has_the_agreed_columns(
    db_path: Path, classes: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "import-timetable", str(DATA / "zermelo_like.ics")) == 0
    with Store.open(db_path) as store:
        student = store.add_student("s1", "Sam", "2B")
        lesson = store.lessons_between()[0]
        store.log_incident(
            student.id, store.rules()[0].id, 1, lesson_id=lesson.id, occurred_at=datetime(2026, 10, 19, 8, 40)
        )
    capsys.readouterr()
    assert cli(db_path, "lessons", "--from", "2026-10-19", "--to", "2026-10-20", "--csv") == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0] == ["date", "start", "end", "period", "class", "status", "incidents"]
    assert rows[1:] == [
        ["2026-10-19", "08:30", "09:20", "1", "2B", "taught", "1"],
        ["2026-10-19", "10:25", "12:05", "3-4", "H4a", "taught", "0"],
        ["2026-10-20", "09:20", "10:10", "2", "3A", "taught", "0"],
    ]
    assert cli(db_path, "lessons", "--to", "2026-10-31") == 0
    out = capsys.readouterr().out
    assert "cancelled" in out and "13 lessen gegeven, waarvan 12 zonder één correctie" in out
