"""The import, export and demo commands through ``app.cli.main``: exit codes, messages, store unchanged."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.store.store import Store
from tests.importers.test_import_common import snapshot

D = (date.today() - timedelta(days=5)).isoformat()


def cli(db: Path, *args: str) -> int:
    """Run the command line on the store ``db``."""
    return main(["--db", str(db), *args])


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A Magister-style roster (cp1252, ';'), a rules file and an incidents file."""
    roster = tmp_path / "leerlingen.csv"
    roster.write_bytes(
        "Stamnr;Roepnaam;Tussenvoegsel;Achternaam;Klas;Geslacht\r\n"
        "501;Zoë;de;Vries;2A;V\r\n502;Daan;;Bakker;2A;M\r\n".encode("cp1252")
    )
    rules = tmp_path / "afspraken.csv"
    rules.write_text("name,category,start_step\nKauwgom uit,routine,1\nNiet rennen,veiligheid,3\n", "utf-8")
    incidents = tmp_path / "incidenten.csv"
    incidents.write_text(
        f'timestamp,student_id,rule,severity,note\n{D} 09:00,501,Kauwgom uit,1,"zei ""nee"""\n'
        f"{D} 09:03,501,Telefoon weg,2,\n{D} 09:05,502,Petten af,1,\n",
        "utf-8",
    )
    return {"roster": roster, "rules": rules, "incidents": incidents}


def test_import_commands_and_export(
    db_path: Path, tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "import-roster", str(files["roster"])) == 0
    assert "2 toegevoegd" in capsys.readouterr().out
    assert cli(db_path, "import-rules", str(files["rules"])) == 0
    assert "Afspraken: 2 toegevoegd" in capsys.readouterr().out
    assert cli(db_path, "import-incidents", str(files["incidents"]), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Proefronde" in out and "Petten af" in out
    assert cli(db_path, "import-incidents", str(files["incidents"])) == 0
    out = capsys.readouterr().out
    assert "3 toegevoegd, 1 nieuwe les;" in out and "Petten af" in out
    assert cli(db_path, "export-incidents", str(tmp_path / "uit.csv"), "--separator", ";") == 0
    assert "3 incidenten" in capsys.readouterr().out
    text = (tmp_path / "uit.csv").read_text("utf-8-sig")
    assert text.startswith("timestamp;student_id;rule;severity;lesson;period;note;name;group")
    assert "Zoë de Vries;2A" in text
    assert cli(db_path, "import-incidents", str(tmp_path / "uit.csv")) == 0
    assert "0 toegevoegd" in capsys.readouterr().out


def test_a_broken_file_is_exit_2_with_line_numbers_and_changes_nothing(
    db_path: Path, tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "import-roster", str(files["roster"])) == 0
    capsys.readouterr()
    bad = tmp_path / "bad.csv"
    bad.write_text(
        f"timestamp,student_id,rule,severity\n{D} 09:00,501,Telefoon weg,1\n{D} 09:00,777,Telefoon weg,1\n"
        f"{D} 09:00,502,Telefoon weg,8\n",
        "utf-8",
    )
    with Store.open(db_path) as store:
        before = snapshot(store)
    assert cli(db_path, "import-incidents", str(bad)) == 2
    err = capsys.readouterr().err
    assert "Fout: bad.csv is niet geïmporteerd (2 problemen)" in err
    assert "regel 3: onbekende leerling '777'" in err and "regel 4: stap 8" in err
    assert "Traceback" not in err
    with Store.open(db_path) as store:
        assert snapshot(store) == before


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "leeg"),
        (b"\x00\xff\x00binary", "geen tekstbestand"),
        (b'student_id,name,group\n1,"Ann,1A\n', "aanhalingstekens"),
    ],
)
def test_unreadable_roster_files_are_exit_2(
    db_path: Path, tmp_path: Path, content: bytes, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    assert cli(db_path, "import-roster", str(path)) == 2
    assert needle in capsys.readouterr().err


def test_roster_attributes_option(
    db_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "import-roster", str(files["roster"]), "--attributes", "") == 0
    assert "Kenmerken" not in capsys.readouterr().out
    with Store.open(db_path) as store:
        assert store.attribute_names() == []
    assert cli(db_path, "import-roster", str(files["roster"]), "--attributes", "geslacht") == 0
    assert "Kenmerken: Geslacht" in capsys.readouterr().out


def test_missing_file_is_exit_2(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(db_path, "import-rules", str(tmp_path / "nope.csv")) == 2
    assert "het bestand bestaat niet" in capsys.readouterr().err


def test_english_messages(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.csv"
    path.write_text("student_id,name,group\n1,,1A\n", "utf-8")
    assert main(["--lang", "en", "--db", str(db_path), "import-roster", str(path)]) == 2
    assert "line 2: the name is empty." in capsys.readouterr().err


def test_demo_fills_once_and_refuses_a_store_with_students(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db_path, "demo") == 0
    out = capsys.readouterr().out
    assert "Demo-schooljaar aangemaakt: 4 klassen, 100 leerlingen" in out and "ondersteuningsplan" in out
    assert cli(db_path, "demo") == 2
    assert "al leerlingen" in capsys.readouterr().err


def test_global_options_may_follow_the_command(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "r.csv"
    path.write_text("student_id,name,group\n1,,1A\n", "utf-8")
    assert main(["import-roster", str(path), "--lang", "en", "--db", str(db_path)]) == 2
    assert "line 2: the name is empty" in capsys.readouterr().err
    path.write_text("student_id,name,group\n1,Ann,1A\n", "utf-8")
    assert main(["import-roster", str(path), "--db", str(db_path)]) == 0
    with Store.open(db_path) as store:
        assert [s.name for s in store.students()] == ["Ann"]


def test_an_import_that_changes_nothing_leaves_the_revision_alone(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text("student_id,name,group\n1,Ann,1A\n", "utf-8")
    rules = tmp_path / "a.csv"
    rules.write_text("name,category,start_step\nKauwgom,routine,1\n", "utf-8")
    incidents = tmp_path / "i.csv"
    incidents.write_text(f"timestamp,student_id,rule,severity\n{D} 09:00,1,Kauwgom,1\n", "utf-8")
    steps = (("import-roster", roster), ("import-rules", rules), ("import-incidents", incidents))
    for command, path in steps:
        assert cli(db_path, command, str(path)) == 0
        with Store.open(db_path) as store:
            before = snapshot(store)
        assert cli(db_path, command, str(path)) == 0
        with Store.open(db_path) as store:
            assert snapshot(store) == before
    assert "1 stonden er al in" in capsys.readouterr().out
