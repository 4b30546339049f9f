"""Reading a table file (CSV in any usual dialect and encoding, or XLSX) with line numbers.

Every importer reads its whole file through ``read_table`` first, collects every problem as a
``RowProblem`` and writes nothing unless the list stays empty.
"""

from __future__ import annotations

import codecs
import csv
import errno
import itertools
import re
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from app.core.errors import ImportProblem
from app.core.i18n import t
from app.importers import limits
from app.importers.problems import RowProblem, problem_exit

DELIMITERS = (";", ",", "\t", "|")
#: how many of a file's first non-empty rows may hold the header (titles above it are skipped)
HEADER_SEARCH_ROWS = 10
_NORMALISE = re.compile(r"[\s_\-.:/#]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HTML = re.compile(r"\s*<(?:!doctype\s+html|html|table|\?xml)", re.IGNORECASE)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
#: one physical line: up to and with its ending, or the last line without one
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


@dataclass(frozen=True)
class Table:
    """A file's header and data rows; every row keeps its line number (1 = the first line)."""

    header: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    problems: tuple[RowProblem, ...] = ()
    delimiter: str = ","

    @property
    def keys(self) -> tuple[str, ...]:
        """The header names, normalised for matching."""
        return tuple(normalise(h) for h in self.header)


def normalise(name: str) -> str:
    """A header name for matching: lower case, without spaces, underscores, dashes or dots."""
    return _NORMALISE.sub("", name.replace("\ufeff", "").strip().lower())


def _fatal(path: Path | str, message: str) -> ImportProblem:
    return problem_exit(path, [RowProblem(0, message)])


def decode(data: bytes, path: Path | str = "") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; never mojibake."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _fatal(path, _encoding_message()) from exc
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        if b"\x00" in data:
            raise _fatal(path, _binary_message())
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if _UTF8_MULTIBYTE.search(data):
                line = data.count(b"\n", 0, exc.start) + 1
                raise _fatal(
                    path,
                    t(
                        "het bestand mengt tekensets (UTF-8 en een andere, vanaf regel {line}); "
                        "sla het opnieuw op als CSV UTF-8.",
                        line=line,
                    ),
                ) from exc
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc2:
                raise _fatal(path, _encoding_message()) from exc2
    if match := _CONTROL.search(text):
        if len(_CONTROL.findall(text, 0, 100_000)) > 3:
            raise _fatal(path, _binary_message())
        # a stray control character in an otherwise normal text file: say where
        line = text.count("\n", 0, match.start()) + 1
        raise problem_exit(
            path,
            [
                RowProblem(
                    line,
                    t(
                        "onzichtbaar stuurteken (code {code}) in de tekst; verwijder het en sla opnieuw op.",
                        code="0x" + format(ord(match.group()), "02x"),
                    ),
                )
            ],
        )
    return text.lstrip("\ufeff")


def _os_message(exc: OSError) -> str:
    """Why a file cannot be read, in the user's language (not the system's English)."""
    if exc.errno == errno.ENOENT:
        return t(
            "het bestand bestaat niet (controleer de naam en de map).",
        )
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t(
            "je hebt geen toestemming om dit bestand te lezen.",
        )
    if exc.errno == errno.EISDIR:
        return t("dit is een map, geen bestand.")
    return t(
        "kan het bestand niet lezen (fout {code}).",
        code=errno.errorcode.get(exc.errno or 0, exc.errno),
    )


def _csv_message(exc: csv.Error) -> str:
    """A reader error as a reason a teacher understands (the csv module's text is English jargon)."""
    if "field larger than field limit" in str(exc):
        return t(
            "een cel is langer dan {n} tekens; de rest van het bestand is niet gelezen.",
            n=csv.field_size_limit(),
        )
    return t(
        'een aanhalingsteken (") opent of sluit een cel niet goed; zet de cel tussen aanhalingstekens '
        'en verdubbel aanhalingstekens erin (""). De rest van het bestand is niet gelezen.',
    )


def _binary_message() -> str:
    return t(
        "dit is geen tekstbestand (CSV) en geen Excel-bestand (XLSX).",
    )


def _encoding_message() -> str:
    return t(
        "de tekenset van het bestand is onbekend; sla het op als CSV UTF-8.",
    )


def read_table(path: Path | str, known: Iterable[str] = ()) -> Table:
    """Read a CSV or XLSX file whole; raise ImportProblem when it cannot be read at all."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _fatal(path, t("dit is een map, geen bestand."))
        if not stat.S_ISREG(info.st_mode):
            raise _fatal(path, t("dit is geen gewoon bestand."))
        if info.st_size > limits.MAX_BYTES:
            raise _fatal(path, limits.too_large())
        data = path.read_bytes()
    except OSError as exc:
        raise _fatal(path, _os_message(exc)) from exc
    if data.startswith(b"PK\x03\x04") and b"opendocument.spreadsheet" in data[:100]:
        raise _fatal(
            path,
            t(
                "dit is een LibreOffice/OpenOffice-bestand (.ods); sla het op als .xlsx of als CSV.",
            ),
        )
    if data.startswith(b"PK\x03\x04"):
        from app.importers.xlsx import read_xlsx

        table = read_xlsx(data, path, {normalise(k) for k in known})
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fatal(
            path,
            t(
                "dit is een oud Excel-bestand (.xls) of een Excel-bestand met een wachtwoord; "
                "sla het op als .xlsx zonder wachtwoord, of als CSV.",
            ),
        )
    else:
        text = decode(data, path)
        del data  # the text is all that is needed from here on
        if _HTML.match(text):
            raise _fatal(
                path,
                t(
                    "dit is een webpagina (HTML), ook al heet het misschien .xls; open het in Excel "
                    "en sla het op als .xlsx of als CSV.",
                ),
            )
        table = _read_csv(text, {normalise(k) for k in known}, path)
    if not table.header:
        raise _fatal(path, t("het bestand is leeg."))
    if not table.rows and not table.problems:
        raise _fatal(
            path,
            t("het bestand heeft alleen een kopregel, geen rijen."),
        )
    return table


def _split(line: str, delim: str) -> list[str]:
    """One physical line's cells (empty when the line alone is not valid CSV)."""
    try:
        return next(csv.reader([line], delimiter=delim), [])
    except csv.Error:
        return []


def _known_count(cells: Iterable[str], known: set[str]) -> int:
    return sum(normalise(c) in known for c in cells)


def header_index(rows: Sequence[Sequence[str]], known: set[str]) -> int:
    """Which of a file's first non-empty rows is the header: the first naming at least two known
    columns (a title such as 'Leerlingenlijst 2A' above it is skipped), else the first row."""
    for i, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _known_count(cells, known) >= 2:
            return i
    return 0


def _choose_delimiter(lines: Sequence[str], known: set[str]) -> str:
    """The separator under which the first lines name the most known columns (then: most cells)."""
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        known_most = max((_known_count(_split(line, delim), known) for line in lines), default=0)
        score = (known_most, len(_split(lines[0], delim)) if lines else 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def physical_lines(text: str) -> Iterator[str]:
    """The text's lines with their endings (\\r\\n, \\n or \\r), one at a time.

    Not ``io.StringIO(text)``: it copies the whole text at four bytes a character (a 80 MB file took
    320 MB per copy); these are slices of the text itself, made as the reader asks for them.
    """
    return (match.group() for match in _LINE.finditer(text))


def _read_csv(text: str, known: set[str], path: Path | str = "") -> Table:
    lines = physical_lines(text)
    first = next(lines, "")
    start_line = 1
    hint = first.strip()
    if hint.lower().startswith("sep=") and len(hint) == 5:
        delim = hint[4]
        start_line = 2
    else:
        lines = itertools.chain([first], lines)
    physical = itertools.islice(physical_lines(text), start_line - 1, 200)
    leading = [(n, ln.rstrip("\r\n")) for n, ln in enumerate(physical, start=start_line) if ln.strip()]
    leading = leading[:HEADER_SEARCH_ROWS]
    if start_line == 1:
        delim = _choose_delimiter([ln for _, ln in leading], known)
    at = header_index([_split(ln, delim) for _, ln in leading], known) if leading else 0
    header_from = leading[at][0] if leading else 0
    reader = csv.reader(lines, delimiter=delim, strict=True)
    header: tuple[str, ...] = ()
    header_line = 0
    rows: list[tuple[int, tuple[str, ...]]] = []
    problems: list[RowProblem] = []
    consumed = 0
    while True:
        line = consumed + start_line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(RowProblem(line, _csv_message(exc)))
            break
        consumed = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > limits.MAX_COLUMNS and any(c.strip() for c in cells[limits.MAX_COLUMNS :]):
            raise _fatal(path, limits.too_many_columns(line))
        if len(rows) >= limits.MAX_ROWS:
            raise _fatal(path, limits.too_many_rows())
        if not header:
            if line < header_from:
                continue  # a title above the header
            header, header_line = tuple(c.strip().lstrip("\ufeff") for c in cells), line
        else:
            rows.append((line, tuple(cells)))
    return _tidy(header, header_line, rows, problems, delim)


def _tidy(
    header: tuple[str, ...],
    header_line: int,
    rows: list[tuple[int, tuple[str, ...]]],
    problems: list[RowProblem],
    delim: str,
) -> Table:
    """Drop trailing empty header cells, and flag rows with more filled cells than the header."""
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    header = header[:width]
    out: list[tuple[int, tuple[str, ...]]] = []
    for line, cells in rows:
        if any(c.strip() for c in cells[width:]):
            problems.append(
                RowProblem(
                    line,
                    t(
                        "{n} cellen, maar de kopregel heeft er {w}.",
                        n=len(cells),
                        w=width,
                    ),
                )
            )
            continue
        cells = tuple(cells[:width])
        out.append((line, cells + ("",) * (width - len(cells))))
    return Table(header, header_line, tuple(out), tuple(problems), delim)


def cell_text(value: object) -> str:
    """An XLSX cell value as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)
