"""Issue #18.6: no CSV the app writes hands a spreadsheet a formula; the incident round trip stays exact."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.core.csv_cells import escape_cell, unescape_cell
from app.store.store import Store
from tests.team.team_logs import fill_log

FORMULAS = ("=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1", '  =HYPERLINK("http://x")')


def _cells(data: str, delimiter: str = ",") -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data), delimiter=delimiter) for cell in row]


def _formula(cell: str) -> bool:
    body = cell.lstrip()
    return body[:1] in ("=", "+", "-", "@") and not _is_number(body)


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("text", [*FORMULAS, "'=1", "''+x", "' -y", "'plain", "", "-3", "-0.25", "a=b"])
def test_escape_round_trips_every_text(text: str) -> None:
    escaped = escape_cell(text)
    assert not _formula(escaped)
    assert unescape_cell(escaped) == text


def test_numbers_stay_numbers() -> None:
    assert escape_cell(-3) == -3 and escape_cell(-0.5) == -0.5
    assert escape_cell("-3") == "-3" and escape_cell("-2,5") == "-2,5"
    assert escape_cell("-3 keer") == "'-3 keer"


def test_export_incidents_escapes_formulas_and_the_import_undoes_it(tmp_path: Path) -> None:
    def roster(path: Path) -> Store:
        store = Store.open(path)
        store.auto_backup = False
        for n in range(1, len(FORMULAS) + 1):
            store.add_student(f"S{n}", f"Naam {n}", "1A")
        store.add_rule("@regel", "routine", 1)
        return store

    day = datetime.now().replace(microsecond=0) - timedelta(days=3)
    with roster(tmp_path / "a.db") as source:
        rule = source.rule_by_name("@regel")
        assert rule is not None
        for n, text in enumerate(FORMULAS, start=1):
            student = source.student_by_external_id(f"S{n}")
            assert student is not None
            source.log_incident(student.id, rule.id, occurred_at=day + timedelta(minutes=n), note=text)
        expected = sorted((i.student_external_id, i.rule_name, i.note) for i in source.incidents())
    out = tmp_path / "out.csv"
    assert main(["--db", str(tmp_path / "a.db"), "export-incidents", str(out)]) == 0
    data = out.read_text(encoding="utf-8-sig")
    assert not [cell for cell in _cells(data) if _formula(cell)]
    assert "'@regel" in data and "'=1+1" in data
    with roster(tmp_path / "b.db") as target:
        target.auto_backup = False
    assert main(["--db", str(tmp_path / "b.db"), "import-incidents", str(out)]) == 0
    with Store.open(tmp_path / "b.db") as target:
        target.auto_backup = False
        assert sorted((i.student_external_id, i.rule_name, i.note) for i in target.incidents()) == expected


def test_export_team_escapes_the_teachers_text_and_keeps_numbers(db_path: Path, tmp_path: Path) -> None:
    with Store.open(db_path) as store:
        fill_log(store, seed=3)
        incident = store.incidents()[0].id
    out = tmp_path / "uit"
    argv = ["--db", str(db_path), "export-team", "--out", str(out), "--students"]
    argv += ["--case", f"{incident}=-1+1 bij de deur", "--point", '=HYPERLINK("http://x";"klik")']
    assert main(argv) == 0
    cells = [cell for path in out.glob("*.csv") for cell in _cells(path.read_text(encoding="utf-8-sig"))]
    assert not [cell for cell in cells if _formula(cell)]
    assert '\'=HYPERLINK("http://x";"klik")' in cells and "'-1+1 bij de deur" in cells
    assert not [cell for cell in cells if cell.startswith("'") and _is_number(cell[1:])]


def test_team_compare_escapes_rule_names_from_colleagues_files(tmp_path: Path) -> None:
    from app.team.anonymise import ExportOptions
    from app.team.exchange import exchange_bytes
    from app.team.report import build_summary

    files = []
    for seed in (1, 2, 3):
        with Store.open(tmp_path / f"t{seed}.db") as store:
            fill_log(store, seed=seed, weeks=6, small_class=False)
            tables = store.read_tables()
        doc = json.loads(exchange_bytes(build_summary(tables, None, ExportOptions())))
        doc["rules"][0]["rule"] = "=cmd|' /C calc'!A0"
        path = tmp_path / f"uit{seed}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        files.append(str(path))
    target = tmp_path / "team"
    assert main(["team-compare", *files, "--out", str(target)]) == 0
    cells = [c for path in target.glob("*.csv") for c in _cells(path.read_text(encoding="utf-8-sig"))]
    assert "'=cmd|' /C calc'!A0" in cells
    assert not [cell for cell in cells if _formula(cell)]
