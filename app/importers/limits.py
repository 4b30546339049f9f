"""How much one import may hold, so a wrong or hostile file is refused in bounded memory and time.

A whole team's school year is about 100,000 incidents in a few MB; the limits are well above that and
far below what would exhaust a laptop (a 2-million-row CSV took 11.6 GB before they existed).
"""

from __future__ import annotations

from app.core.i18n import current_language, t

#: largest file an importer reads (bytes)
MAX_BYTES = 200 * 1024 * 1024
#: most data rows (below the header) in one import
MAX_ROWS = 250_000
#: rows above the first data row that an import may also read (titles and the header)
HEADER_ROWS = 10
#: most columns in one import
MAX_COLUMNS = 200
#: most bytes an XLSX file may unpack to (its sheets, shared strings and styles together)
MAX_XLSX_UNPACKED_BYTES = 512 * 1024 * 1024


def _number(n: int) -> str:
    """250.000 in Dutch, 250,000 in English."""
    return f"{n:,}" if current_language() == "en" else f"{n:,}".replace(",", ".")


def too_many_rows() -> str:
    """The file has more data rows than one import takes."""
    return t(
        "het bestand heeft meer dan {n} rijen, de grens per import; splits het in kleinere bestanden "
        "(bijvoorbeeld per schooljaar of per klas).",
        n=_number(MAX_ROWS),
    )


def too_many_columns(line: int) -> str:
    """A row has more columns than one import takes."""
    return t(
        "rij {line} heeft meer dan {n} kolommen, de grens per import; verwijder de lege of overbodige "
        "kolommen rechts.",
        line=line,
        n=MAX_COLUMNS,
    )


def too_large() -> str:
    """The file is larger than an import reads."""
    return t(
        "het bestand is groter dan {mb} MB, de grens per import; splits het in kleinere bestanden.",
        mb=MAX_BYTES // (1024 * 1024),
    )
