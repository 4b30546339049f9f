"""Fuzzing the importers end to end with messy but plausible files (separators, encodings, BOM, line
endings, quotes, doubled columns, bad values): each file is either refused whole with the store
unchanged, or imported so that importing it again changes nothing (and, for incidents, so that
export -> import -> export gives the identical file)."""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportProblem
from app.importers import ImportSummary, import_incidents, import_roster, import_rules
from app.importers.exporting import export_incidents
from app.importers.incident_rows import ALIASES as INCIDENT_ALIASES
from app.importers.incident_rows import parse_incidents
from app.importers.roster import ALIASES as ROSTER_ALIASES
from app.importers.roster import parse_roster
from app.importers.rules import ALIASES as RULE_ALIASES
from app.importers.rules import parse_rules
from app.store.store import Store
from tests.importers.test_import_common import snapshot

FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
DAY = date.today() - timedelta(days=10)
CHARS = st.sampled_from([*"aZéëç1290-:/.;,\"\t\r\n'= ", "\u00a0", "ß", "İ", "€"])
CELL = st.one_of(st.text(CHARS, max_size=10), st.sampled_from(["", "1", "2A", "ja", "V", " x "]))
STAMPS = st.sampled_from(
    [
        f"{DAY.isoformat()} 09:00",
        DAY.strftime("%d-%m-%Y %H:%M"),
        DAY.strftime("%d/%m/%Y"),
        DAY.strftime("%Y/%m/%d %H.%M"),
        f"{DAY.isoformat()}T10:00:00+02:00",
        "2099-01-01 10:00",
        "1999-01-01",
        "gisteren",
        "",
    ]
)
#: separator, encoding, BOM, line ending
Shape = tuple[str, str, bool, str]
SHAPES = st.tuples(
    st.sampled_from([",", ";", "\t"]),
    st.sampled_from(["utf-8", "cp1252"]),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
)


def render(rows: Sequence[Sequence[str]], shape: Shape) -> bytes:
    """Rows as a CSV file of the given shape (quoting only where CSV needs it)."""
    sep, encoding, bom, newline = shape

    def quoted(cell: str) -> str:
        if any(c in cell for c in (sep, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    text = newline.join(sep.join(quoted(c) for c in row) for row in rows) + newline
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" if bom and encoding == "utf-8" else b"") + data


def refused_whole_or_idempotent(
    store: Store, importer: Callable[[Store, Path], ImportSummary], path: Path
) -> bool:
    """Import; True when it went in (and a second import changed nothing), False when refused."""
    before = snapshot(store)
    try:
        importer(store, path)
    except ImportProblem:
        assert snapshot(store) == before
        return False
    after = snapshot(store)
    again = importer(store, path)
    assert (again.added, again.updated) == (0, 0)
    assert snapshot(store) == after
    return True


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder for the module's fuzzed stores and files."""
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(
    header=st.sampled_from(
        [
            ["student_id", "name", "group"],
            ["Stamnr", "Roepnaam", "Tussenvoegsel", "Achternaam", "Klas", "Geslacht"],
            ["Leerlingnummer", "Naam", "Stamgroep", "Opmerking", "Opmerking"],
            ["Klas", "Naam", "Stamnr", ""],
        ]
    ),
    body=st.lists(st.lists(CELL, max_size=7), max_size=6),
    ids=st.lists(st.sampled_from(["1", "2", "3", " 1", "01"]), max_size=6),
    shape=SHAPES,
)
def test_fuzzed_rosters(
    folder: Path, header: list[str], body: list[list[str]], ids: list[str], shape: Shape
) -> None:
    rows = [header] + [[ids[i] if i < len(ids) else "", *row[1:]] for i, row in enumerate(body)]
    path = folder / "roster.csv"
    path.write_bytes(render(rows, shape))
    (folder / "r.db").unlink(missing_ok=True)
    with Store.open(folder / "r.db") as store:
        refused_whole_or_idempotent(store, import_roster, path)


@FUZZ
@given(
    body=st.lists(
        st.tuples(
            STAMPS,
            st.sampled_from(["1", "2", "9", ""]),
            st.sampled_from(["Telefoon weg", "telefoon  WEG", "Nieuw", "Één", ""]),
            st.sampled_from(["1", "2", "5", "6", "0", "x", ""]),
            CELL,
        ),
        max_size=6,
    ),
    with_lesson=st.booleans(),
    shape=SHAPES,
)
def test_fuzzed_incidents_and_their_round_trip(
    folder: Path,
    body: list[tuple[str, ...]],
    with_lesson: bool,
    shape: Shape,
) -> None:
    header = ["timestamp", "student_id", "rule", "severity", "note"] + (["lesson"] if with_lesson else [])
    rows = [header] + [[*row] + (["L"] if with_lesson else []) for row in body]
    path = folder / "incidents.csv"
    path.write_bytes(render(rows, shape))
    for leftover in folder.glob("i.db*"):
        leftover.unlink()
    with Store.open(folder / "i.db") as store:
        store.add_student("1", "Ann", "1A")
        store.add_student("2", "Bo", "1B")
        if refused_whole_or_idempotent(store, import_incidents, path):
            first, second = folder / "e1.csv", folder / "e2.csv"
            export_incidents(store, first)
            assert import_incidents(store, first).added == 0
            export_incidents(store, second)
            assert first.read_bytes() == second.read_bytes()


@FUZZ
@given(
    body=st.lists(
        st.tuples(
            CELL,
            st.sampled_from(["routine", "Respect", "veiligheid", "x", ""]),
            st.sampled_from(["1", "3", "9", "", "a"]),
        ),
        max_size=6,
    ),
    shape=SHAPES,
)
def test_fuzzed_rules(folder: Path, body: list[tuple[str, str, str]], shape: Shape) -> None:
    path = folder / "rules.csv"
    path.write_bytes(render([["name", "category", "start_step"], *body], shape))
    for leftover in folder.glob("u.db*"):
        leftover.unlink()
    with Store.open(folder / "u.db") as store:
        refused_whole_or_idempotent(store, import_rules, path)


ANY_CELL = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=15)
PARSE_FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))


def csv_file(folder: Path, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Path:
    """A well-quoted UTF-8 CSV file."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    path = folder / "parse.csv"
    path.write_text(buffer.getvalue(), "utf-8")
    return path


def names_of(aliases: dict[str, tuple[str, ...]]) -> list[str]:
    """Every header name an importer knows."""
    return [name for field, more in aliases.items() for name in (field, *more)]


@PARSE_FUZZ
@given(
    header=st.lists(st.sampled_from(names_of(INCIDENT_ALIASES)), min_size=1, max_size=8, unique=True),
    rows=st.lists(st.lists(ANY_CELL, max_size=8), max_size=5),
)
def test_any_unicode_in_any_incident_column_is_read_or_refused(
    folder: Path, header: list[str], rows: list[list[str]]
) -> None:
    with contextlib.suppress(ImportProblem):
        parse_incidents(csv_file(folder, header, rows))


@PARSE_FUZZ
@given(
    header=st.lists(st.sampled_from([*names_of(ROSTER_ALIASES), "Geslacht"]), min_size=1, max_size=7),
    rows=st.lists(st.lists(ANY_CELL, max_size=7), max_size=5),
    attributes=st.one_of(st.none(), st.lists(ANY_CELL, max_size=3)),
)
def test_any_unicode_in_any_roster_column_is_read_or_refused(
    folder: Path, header: list[str], rows: list[list[str]], attributes: list[str] | None
) -> None:
    with contextlib.suppress(ImportProblem):
        parse_roster(csv_file(folder, header, rows), attributes)


@PARSE_FUZZ
@given(
    header=st.lists(st.sampled_from(names_of(RULE_ALIASES)), min_size=1, max_size=4),
    rows=st.lists(st.lists(ANY_CELL, max_size=4), max_size=5),
)
def test_any_unicode_in_any_rules_column_is_read_or_refused(
    folder: Path, header: list[str], rows: list[list[str]]
) -> None:
    with contextlib.suppress(ImportProblem):
        parse_rules(csv_file(folder, header, rows), 5)
