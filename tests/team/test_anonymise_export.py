"""Privacy of the whole team export on generated logs: every file, the PDF's text included."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.analysis.audit.run import audit
from app.core.errors import UserError
from app.store.store import Store
from app.team.anonymise import MIN_INCIDENTS, OTHER, CaseChoice, ExportOptions, summary_texts
from app.team.exchange import parse_exchange
from app.team.files import JSON_NAME, PDF_NAME, export_package, write_package
from app.team.report import build_summary
from tests.team.team_logs import fill_log

DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}/\d{2}/\d{2})\b")


@pytest.fixture(scope="module")
def logged(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict[str, list[str]]]:
    store = Store.open(tmp_path_factory.mktemp("log") / "log.db")
    used = fill_log(store, seed=7)
    tables = store.read_tables()
    store.close()
    return tables, used


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    """Every file as text; the PDF as the text pypdf extracts from it."""
    out = {}
    for name, data in files.items():
        if name.endswith(".pdf"):
            out[name] = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
        else:
            out[name] = data.decode("utf-8-sig")
    return out


def _package(tables: dict, students: bool = True):  # type: ignore[no-untyped-def]
    inc = tables["incidents"]
    cases = (
        CaseChoice(int(inc["incident_id"].iloc[3]), "Tweede keer praten, ik gaf meteen een time-out."),
        CaseChoice(int(inc["incident_id"].iloc[10]), "Bij de deur: ik twijfelde of dit veiligheid was."),
    )
    options = ExportOptions(students=students, cases=cases, points=("Wanneer sla je een stap over?",))
    return export_package(build_summary(tables, audit(tables), options))


def test_no_name_id_or_note_in_any_exported_file(logged: tuple[dict, dict[str, list[str]]]) -> None:
    tables, used = logged
    texts = _texts(dict(_package(tables).files))
    pdf = texts[PDF_NAME]
    # The extraction works (otherwise the search below would prove nothing).
    assert "Hoe vaak elke afspraak" in pdf and "Telefoon weg" in pdf and "Tweede keer praten" in pdf
    needles = set(used["ids"]) | set(used["notes"]) | {n for n in used["names"]}
    needles |= {part for n in used["names"] for part in n.split()}
    needles |= {note.split(" over ")[0] for note in used["notes"]}
    for name, text in texts.items():
        low = text.lower()
        found = sorted(n for n in needles if n.lower() in low)
        assert not found, f"{name} contains {found[:5]}"
        assert not DATE.search(text), f"{name} contains a date: {DATE.search(text)}"


def test_small_groups_and_cells_are_suppressed(logged: tuple[dict, dict[str, list[str]]]) -> None:
    tables, _ = logged
    summary = build_summary(tables, audit(tables), ExportOptions(students=True))
    shown = " ".join(summary_texts(summary))
    assert "3C" not in shown  # a class of 3 students
    groups = summary.table("groups")
    assert groups is not None
    assert all(row[0] != "ondersteuning" for row in groups.rows)  # 'ja' is 3 students: no breakdown
    assert any("samengevoegd tot 'overig'" in n for n in summary.suppressions)
    for table in summary.tables:
        if "n" in table.columns:
            assert all(int(v) >= MIN_INCIDENTS for v in table.column("n")), table.key
    # The class merged with 3C (secondary suppression) appears nowhere under its own name either.
    merged = {row[1] for row in groups.rows if row[0] == "klas"}
    assert OTHER in merged and len(merged) == 2
    hidden = ({"2A", "2B"} - merged).pop()
    patterns = summary.table("patterns")
    assert patterns is not None and hidden not in " ".join(map(str, patterns.rows))
    escalation = summary.table("escalation")
    assert escalation is not None and hidden not in escalation.column("group")


def test_student_rows_only_when_asked_and_pseudonyms_new_every_export(
    logged: tuple[dict, dict[str, list[str]]],
) -> None:
    tables, _ = logged
    assert build_summary(tables, None, ExportOptions()).table("students") is None
    first = build_summary(tables, None, ExportOptions(students=True)).table("students")
    second = build_summary(tables, None, ExportOptions(students=True)).table("students")
    assert first is not None and second is not None
    names1 = set(first.column("student")) - {OTHER}
    names2 = set(second.column("student")) - {OTHER}
    assert names1 and all(n.startswith("Leerling ") for n in names1)
    assert names1 != names2
    assert sorted(first.column("n")) == sorted(second.column("n"))  # same rows, new names


def test_preview_bytes_are_the_written_bytes(
    logged: tuple[dict, dict[str, list[str]]], tmp_path: Path
) -> None:
    tables, _ = logged
    package = _package(tables)
    written = write_package(package, tmp_path / "uit")
    assert {p.name for p in written} == set(package.files)
    for path in written:
        assert path.read_bytes() == package.files[path.name]
    assert not list((tmp_path / "uit").glob(".*.tmp"))
    doc = json.loads(package.files[JSON_NAME])
    assert doc["schema"] == "fair-strictness/team-exchange/v1"
    back = parse_exchange(package.files[JSON_NAME])  # what we write, our strict reader accepts
    assert {r.rule for r in back.rules} == {r["rule"] for r in doc["rules"]}


def test_case_description_naming_a_student_writes_nothing(
    logged: tuple[dict, dict[str, list[str]]], tmp_path: Path
) -> None:
    tables, used = logged
    inc_id = int(tables["incidents"]["incident_id"].iloc[0])
    first_name = used["names"][0].split()[0]
    options = ExportOptions(cases=(CaseChoice(inc_id, f"{first_name} liep boos weg"),))
    with pytest.raises(UserError, match="noemt een leerling"):
        build_summary(tables, None, options)
    with pytest.raises(UserError, match="hoogstens drie"):
        build_summary(tables, None, ExportOptions(cases=(CaseChoice(inc_id, "x"),) * 4))
    with pytest.raises(UserError, match="periode"):
        build_summary(tables, None, ExportOptions(cases=(CaseChoice(999_999, "x"),)))


def test_a_rule_named_like_a_student_stops_the_export(logged: tuple[dict, dict[str, list[str]]]) -> None:
    tables, used = logged
    renamed = dict(tables)
    rules = tables["rules"].copy()
    rules.loc[0, "rule"] = f"Niet plagen van {used['names'][1]}"
    renamed["rules"] = rules
    with pytest.raises(UserError, match="zou een leerling noemen"):
        build_summary(renamed, None, ExportOptions())
    rules.loc[0, "rule"] = f"Niet plagen van {used['names'][1].split()[0]}"  # a first name alone
    with pytest.raises(UserError, match="zou een leerling noemen"):
        build_summary(renamed, None, ExportOptions())
    surname = used["names"][2].split()[-1]
    lessons, students = tables["lessons"].copy(), tables["students"].copy()
    lessons.loc[lessons["group"] == "2B", "group"] = surname  # a class named after a student
    students.loc[students["group"] == "2B", "group"] = surname
    with pytest.raises(UserError, match="zou een leerling noemen"):
        build_summary({**tables, "lessons": lessons, "students": students}, None, ExportOptions())


def test_write_problems_are_told_in_dutch_and_leave_nothing_half_written(tmp_path: Path) -> None:
    """The reason came from the system in English ('No such file or directory'); temp files stayed behind."""
    from app.team.files import write_files

    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(UserError, match="een deel van het pad is een bestand, geen map"):
        write_files({"a.csv": b"1"}, blocker / "map")
    folder = tmp_path / "uit"
    (folder / "b.csv").mkdir(parents=True)  # a folder where a file must go: replacing it fails
    with pytest.raises(UserError, match=r"Opslaan in .* mislukt"):
        write_files({"a.csv": b"1", "b.csv": b"2"}, folder)
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
