"""Reading the first sheet of an XLSX file as a stream of rows, within the import limits.

openpyxl's read-only mode trusts the sheet's ``<dimension>`` tag: a tag that is too small drops rows
without a word, and one that claims ``A1:XFD1048576`` pads every row to 16,384 cells and adds empty rows
up to a million. So the tag is ignored (``reset_dimensions``), rows are taken one at a time as the XML is
parsed, and the read stops with a clear message at the limits in ``app.importers.limits``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from app.core.errors import ImportProblem
from app.core.i18n import t
from app.importers import limits
from app.importers.common import (
    _CONTROL,
    RowProblem,
    Table,
    _binary_message,
    _fatal,
    _tidy,
    cell_text,
    header_index,
)


def _unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def _damaged(path: Path, exc: BaseException) -> Exception:
    return _fatal(
        path,
        t(
            "dit Excel-bestand is beschadigd of geen XLSX ({err}).",
            err=type(exc).__name__,
        ),
    )


def _raw_rows(data: bytes, path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """The first sheet's rows with their numbers, trailing empty cells dropped; limits enforced."""
    try:
        if _unpacked_size(data) > limits.MAX_XLSX_UNPACKED_BYTES:
            raise _fatal(
                path,
                t(
                    "het Excel-bestand is uitgepakt groter dan {mb} MB (de grens per import); "
                    "sla het op als CSV of splits het.",
                    mb=limits.MAX_XLSX_UNPACKED_BYTES // (1024 * 1024),
                ),
            )
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ImportProblem:
        raise
    except Exception as exc:  # zipfile and openpyxl raise many kinds on a damaged file; all mean the same
        raise _damaged(path, exc) from exc
    raw: list[tuple[int, tuple[str, ...]]] = []
    filled = 0
    try:
        sheet = workbook.worksheets[0]
        reset = getattr(sheet, "reset_dimensions", None)
        if callable(reset):
            reset()  # read every row the sheet holds, whatever its <dimension> tag claims
        # empty rows count too, at most as many again as the data rows: a sheet whose last row is
        # numbered 1,048,576 is refused before a million empty rows are walked
        max_lines = 2 * limits.MAX_ROWS + limits.HEADER_ROWS
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if line > max_lines:
                raise _fatal(path, limits.too_many_rows())
            cells = [cell_text(v) for v in values]
            while cells and not cells[-1].strip():
                cells.pop()
            if len(cells) > limits.MAX_COLUMNS:
                raise _fatal(path, limits.too_many_columns(line))
            if cells:
                filled += 1
                if filled > limits.MAX_ROWS + limits.HEADER_ROWS:
                    raise _fatal(path, limits.too_many_rows())
                raw.append((line, tuple(cells)))
    except ImportProblem:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged sheet; all mean the same here
        raise _damaged(path, exc) from exc
    finally:
        workbook.close()
    return raw


def read_xlsx(data: bytes, path: Path, known: set[str]) -> Table:
    """The first sheet as a table: a title above the header is skipped, empty rows are left out."""
    raw = _raw_rows(data, path)
    filled = [(line, cells) for line, cells in raw if any(c.strip() for c in cells)]  # no blank rows
    header_from = filled[header_index([cells for _, cells in filled], known)][0] if filled else 0
    header: tuple[str, ...] = ()
    header_line = 0
    rows: list[tuple[int, tuple[str, ...]]] = []
    for line, cells in filled:
        if not header and line < header_from:
            continue  # a title above the header
        if _CONTROL.search("".join(cells)):
            return _tidy(header, header_line, [], [RowProblem(line, _binary_message())], ",")
        if not header:
            header, header_line = tuple(c.strip() for c in cells), line
        else:
            rows.append((line, cells))
    if len(rows) > limits.MAX_ROWS:
        raise _fatal(path, limits.too_many_rows())
    return _tidy(header, header_line, rows, [], ",")
