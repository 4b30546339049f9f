"""Reading table files: encodings, separators, quoting, binary and damaged files, XLSX."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportProblem
from app.importers.common import normalise, read_table


def snapshot(store: Any) -> tuple[int, dict[str, list[tuple[Any, ...]]]]:
    """The store's revision and every raw table's rows: to prove a refused import changed nothing."""
    tables = store.read_tables()
    return store.revision, {
        name: sorted(map(tuple, frame.astype(str).itertuples(index=False))) for name, frame in tables.items()
    }


def write(tmp_path: Path, data: bytes | str, name: str = "f.csv", encoding: str = "utf-8") -> Path:
    """Write a fixture file (text in the given encoding, or raw bytes)."""
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def test_header_names_match_ignoring_case_spaces_and_underscores() -> None:
    assert normalise(" Student ID ") == normalise("student_id") == "studentid"
    assert normalise("\ufeffStamnr.") == "stamnr"


@pytest.mark.parametrize(
    ("data", "delimiter"),
    [
        ("student_id;name;group\r\n1;Zoë;2A\r\n", ";"),
        ("student_id,name,group\n1,Zoë,2A\n", ","),
        ("student_id\tname\tgroup\n1\tZoë\t2A\n", "\t"),
        ("sep=;\nstudent_id;name;group\n1;Zoë;2A\n", ";"),
    ],
)
def test_separators_are_detected(tmp_path: Path, data: str, delimiter: str) -> None:
    table = read_table(write(tmp_path, data), ["student_id", "name", "group"])
    assert table.delimiter == delimiter
    assert table.header == ("student_id", "name", "group")
    assert table.rows[0][1] == ("1", "Zoë", "2A")


@pytest.mark.parametrize(
    "raw",
    [
        "naam;klas\nZoë Ünal;2A\n".encode("utf-8-sig"),
        "naam;klas\nZoë Ünal;2A\n".encode("cp1252"),
        "naam;klas\nZoë Ünal;2A\n".encode(),
        "naam\tklas\nZoë Ünal\t2A\n".encode("utf-16"),
    ],
    ids=["utf8-bom", "cp1252", "utf8", "utf16-bom"],
)
def test_encodings_are_detected_without_mojibake(tmp_path: Path, raw: bytes) -> None:
    table = read_table(write(tmp_path, raw), ["naam", "klas"])
    assert table.header == ("naam", "klas")
    assert table.rows[0][1] == ("Zoë Ünal", "2A")


def test_line_numbers_count_physical_lines_including_quoted_newlines(tmp_path: Path) -> None:
    data = 'a,b\n1,"two\nlines"\n\n3,x\n'
    table = read_table(write(tmp_path, data))
    assert [line for line, _ in table.rows] == [2, 5]
    assert table.rows[0][1] == ("1", "two\nlines")


def test_broken_quoting_is_a_problem_with_its_line(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, 'a,b\n1,x\n2,"open\n3,y\n'))
    assert [line for line, _ in table.rows] == [2]
    assert table.problems[0].line == 3
    assert "aanhalingstekens" in table.problems[0].message


def test_row_with_too_many_cells_is_a_problem(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "a,b\n1,2,3\n4,5,\n"))
    assert [p.line for p in table.problems] == [2]
    assert table.rows == ((3, ("4", "5")),)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "leeg"),
        (b"\n\n  \n", "leeg"),
        (b"a,b,c\n", "geen rijen"),
        (b"\x00\x01\x02binary\x00", "geen tekstbestand"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen tekstbestand"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "oud Excel"),
        (b"PK\x03\x04not really a zip", "beschadigd"),
        ("naam\nZoë\n".encode() + "Zoë\n".encode("cp1252"), "mengt tekensets"),
        (b"naam\n\x81\x8d\x8f\n", "tekenset"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(tmp_path: Path, data: bytes, words: str) -> None:
    with pytest.raises(ImportProblem) as info:
        read_table(write(tmp_path, data))
    assert words in str(info.value)


def test_missing_file_is_an_import_problem(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="het bestand bestaat niet"):
        read_table(tmp_path / "nope.csv")


def test_unreadable_paths_get_a_dutch_reason_not_the_systems_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ImportProblem) as info:
        read_table(tmp_path)
    assert "dit is een map, geen bestand" in str(info.value)
    assert "directory" not in str(info.value)
    path = write(tmp_path, "a,b\n1,2\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ImportProblem) as info:
        read_table(path)
    assert "geen toestemming" in str(info.value)
    assert "Permission" not in str(info.value)


def test_one_problem_is_singular(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem) as info:
        read_table(write(tmp_path, ""))
    assert "(1 probleem)" in str(info.value)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ('a,b\n1,"open\n', "aanhalingsteken"),
        ("a,b\n1," + "x" * 200_000 + "\n", "langer dan"),
    ],
)
def test_reader_errors_are_explained_in_dutch(tmp_path: Path, data: str, words: str) -> None:
    table = read_table(write(tmp_path, data))
    text = str(table.problems[0])
    assert text.startswith("regel 2: ") and words in text
    assert "expected" not in text and "field limit" not in text and "end of data" not in text


def test_xlsx_first_sheet_is_read_with_row_numbers(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Stamnr", "Naam", "Klas"])
    sheet.append([])
    sheet.append([1001, "Zoë", "2A"])
    sheet.append([1002.0, "Émile", None])
    path = tmp_path / "r.xlsx"
    workbook.save(path)
    table = read_table(path)
    assert table.header == ("Stamnr", "Naam", "Klas")
    assert table.rows == ((3, ("1001", "Zoë", "2A")), (4, ("1002", "Émile", "")))


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportProblem, match="beschadigd"):
        read_table(write(tmp_path, buffer.getvalue(), "x.xlsx"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_random_bytes_give_a_table_or_an_import_problem(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data, "fuzz.csv")
    try:
        table = read_table(path)
    except ImportProblem as exc:
        message = str(exc)
        assert message
    else:
        assert table.header


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.text(alphabet=st.sampled_from(list('ab1;,\t"\n\r é')), max_size=200))
def test_random_csv_text_gives_a_table_or_an_import_problem(tmp_path: Path, data: str) -> None:
    path = write(tmp_path, data, "fuzz.csv")
    try:
        table = read_table(path)
    except ImportProblem as exc:
        message = str(exc)
        assert message
    else:
        assert all(len(cells) == len(table.header) for _, cells in table.rows)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_that_look_like_a_workbook_give_an_import_problem(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, b"PK\x03\x04" + data, "fuzz.xlsx")
    with pytest.raises(ImportProblem):
        read_table(path)


@pytest.mark.parametrize(
    "data",
    [
        "Leerlingenlijst 2026\n\nStamnr;Naam;Klas\n1;Zoë;2A\n",
        "Leerlingenlijst; schooljaar 2026\r\nStamnr;Naam;Klas\r\n1;Zoë;2A\r\n",
        "sep=;\nOverzicht\nStamnr;Naam;Klas\n1;Zoë;2A\n",
    ],
)
def test_a_title_above_the_header_is_skipped(tmp_path: Path, data: str) -> None:
    table = read_table(write(tmp_path, data), ["stamnr", "naam", "klas"])
    assert table.header == ("Stamnr", "Naam", "Klas")
    assert table.rows == ((data.splitlines().index("1;Zoë;2A") + 1, ("1", "Zoë", "2A")),)


def test_a_title_row_above_an_xlsx_header_is_skipped(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Rapport leerlingen"])
    sheet.append([])
    sheet.append(["Stamnr", "Naam", "Klas"])
    sheet.append([1001, "Zoë", "2A"])
    path = tmp_path / "t.xlsx"
    workbook.save(path)
    table = read_table(path, ["stamnr", "naam", "klas"])
    assert (table.header, table.header_line) == (("Stamnr", "Naam", "Klas"), 3)
    assert table.rows == ((4, ("1001", "Zoë", "2A")),)


def test_spreadsheets_in_other_formats_get_a_hint_what_to_save_as(tmp_path: Path) -> None:
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    cases = {
        "lijst.ods": (ods.getvalue(), ".ods"),
        "html.xls": (b"<html><body><table><tr><td>Stamnr</td></tr></table></body></html>", "webpagina"),
        "xml.xls": (b'<?xml version="1.0"?>\n<Workbook></Workbook>', "webpagina"),
        "locked.xlsx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "wachtwoord"),
    }
    for name, (data, words) in cases.items():
        with pytest.raises(ImportProblem) as info:
            read_table(write(tmp_path, data, name))
        assert words in str(info.value), name


def test_a_stray_control_character_is_named_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(ImportProblem) as info:
        read_table(write(tmp_path, "naam;klas\nZoë;2A\nBo\x07b;2A\n"))
    assert "regel 3: onzichtbaar stuurteken (code 0x07)" in str(info.value)
