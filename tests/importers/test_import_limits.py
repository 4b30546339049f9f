"""Issue #18, item 9: an XLSX with a wrong <dimension> tag loses no rows, and imports stay within
limits that say what they are (rows, columns, unpacked size) instead of taking gigabytes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from app.core.errors import ImportProblem
from app.importers import limits
from app.importers.common import read_table
from app.importers.roster import import_roster
from app.store.store import Store

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(rows: list[list[object]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_sheet(xlsx: bytes, edit: object) -> bytes:
    """The same workbook with its first sheet's XML changed by ``edit`` (a function of the text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == SHEET:
                data = edit(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            dst.writestr(info.filename, data)
    return out.getvalue()


def _dimension(ref: str) -> object:
    return lambda xml: re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)


def _roster(n: int) -> list[list[object]]:
    return [["stamnr", "naam", "klas"]] + [[1000 + i, f"Leerling {i}", "2A"] for i in range(1, n + 1)]


def test_a_too_small_dimension_tag_drops_no_rows(tmp_path: Path, store: Store) -> None:
    xlsx = _with_sheet(_workbook(_roster(30)), _dimension("A1:C10"))
    assert b'ref="A1:C10"' in zipfile.ZipFile(io.BytesIO(xlsx)).read(SHEET)
    path = tmp_path / "klas.xlsx"
    path.write_bytes(xlsx)
    table = read_table(path, ["stamnr", "naam", "klas"])
    assert len(table.rows) == 30
    assert table.rows[-1] == (31, ("1030", "Leerling 30", "2A"))
    summary = import_roster(store, path)
    assert summary.added == 30
    assert len(store.students()) == 30


def _row_xml(number: int, cells: str) -> str:
    return f'<row r="{number}">{cells}</row>'


FAR_ROW = _row_xml(1_048_576, '<c r="A1048576" t="inlineStr"><is><t>laatste</t></is></c>')


def _read_in_a_small_process(path: Path) -> tuple[str, int]:
    """read_table in a child process with 1.5 GB of address space: (outcome, peak RSS in KB).

    The peak is the process's own (VmHWM); ru_maxrss would include the parent's at the fork.
    """
    script = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))
        from app.core.errors import ImportProblem
        from app.importers.common import read_table
        try:
            table = read_table({str(path)!r}, ["stamnr", "naam", "klas"])
            print(f"{{len(table.rows)}} rows, {{len(table.header)}} columns")
        except ImportProblem as exc:
            print(" ".join(str(exc).splitlines()))
        print(next(ln.split()[1] for ln in open("/proc/self/status") if ln.startswith("VmHWM")))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome, max_kb = done.stdout.strip().splitlines()
    return outcome, int(max_kb)


def test_a_huge_dimension_tag_is_read_in_little_memory_and_time(tmp_path: Path) -> None:
    """A 5 KB file claiming A1:XFD1048576 (its last row numbered 1,048,576) took 5.9 GB."""
    claims = _dimension("A1:XFD1048576")
    path = tmp_path / "claims-everything.xlsx"
    path.write_bytes(_with_sheet(_workbook(_roster(30)), claims))
    outcome, max_kb = _read_in_a_small_process(path)
    assert outcome == "30 rows, 3 columns"
    assert max_kb < 400 * 1024

    xlsx = _with_sheet(
        _workbook(_roster(30)), lambda xml: claims(xml).replace("</sheetData>", FAR_ROW + "</sheetData>")
    )  # type: ignore[operator]
    assert len(xlsx) < 10_000
    path.write_bytes(xlsx)
    outcome, max_kb = _read_in_a_small_process(path)
    assert "meer dan 250.000 rijen, de grens per import" in outcome
    assert max_kb < 400 * 1024


def test_a_row_numbered_a_million_is_refused_by_the_row_limit(tmp_path: Path) -> None:
    xlsx = _with_sheet(
        _workbook(_roster(3)), lambda xml: xml.replace("</sheetData>", FAR_ROW + "</sheetData>")
    )
    path = tmp_path / "far.xlsx"
    path.write_bytes(xlsx)
    with pytest.raises(ImportProblem, match=r"meer dan 250\.000 rijen, de grens per import"):
        read_table(path)


def test_a_cell_in_column_xfd_is_refused_by_the_column_limit(tmp_path: Path) -> None:
    wide = '<c r="XFD2" t="inlineStr"><is><t>ver weg</t></is></c>'
    xlsx = _with_sheet(
        _workbook(_roster(3)),
        lambda xml: re.sub(r"(<row r=\"2\"[^>]*>.*?)</row>", r"\1" + wide + "</row>", xml),
    )
    path = tmp_path / "wide.xlsx"
    path.write_bytes(xlsx)
    with pytest.raises(ImportProblem, match="rij 2 heeft meer dan 200 kolommen, de grens per import"):
        read_table(path)


def test_an_xlsx_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_XLSX_UNPACKED_BYTES", 4096)
    path = tmp_path / "big.xlsx"
    path.write_bytes(_workbook(_roster(200)))
    with pytest.raises(ImportProblem, match="uitgepakt groter dan 0 MB"):
        read_table(path)


def test_xlsx_rows_beyond_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 20)
    path = tmp_path / "r.xlsx"
    path.write_bytes(_workbook(_roster(20)))
    assert len(read_table(path).rows) == 20
    path.write_bytes(_workbook(_roster(21)))
    with pytest.raises(ImportProblem, match="meer dan 20 rijen"):
        read_table(path)


def test_csv_rows_and_columns_beyond_the_limits_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    path = tmp_path / "r.csv"
    path.write_text("stamnr,naam,klas\n" + "".join(f"{i},L{i},2A\n" for i in range(100)), encoding="utf-8")
    assert len(read_table(path).rows) == 100
    path.write_text("stamnr,naam,klas\n" + "".join(f"{i},L{i},2A\n" for i in range(101)), encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        read_table(path)
    assert "meer dan 100 rijen, de grens per import" in str(caught.value)
    path.write_text("a,b\n1,2" + ",x" * 250 + "\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="rij 2 heeft meer dan 200 kolommen"):
        read_table(path)


def test_a_two_million_row_csv_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """2 million rows took 11.6 GB; the reader now stops at the row limit."""
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("timestamp,student_id,rule,severity\n")
        line = "2026-09-01 09:00:00,1001,Telefoon weg,1\n"
        for _ in range(200):
            fh.write(line * 10_000)
    script = textwrap.dedent(
        f"""
        from app.core.errors import ImportProblem
        from app.importers.common import read_table
        try:
            read_table({str(path)!r})
        except ImportProblem as exc:
            print(" ".join(str(exc).splitlines()))
        print(next(ln.split()[1] for ln in open("/proc/self/status") if ln.startswith("VmHWM")))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    message, max_kb = done.stdout.strip().splitlines()
    assert "250.000 rijen" in message
    assert int(max_kb) < 400 * 1024  # 794 MB before the reader stopped copying the text
