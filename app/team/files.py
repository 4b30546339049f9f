"""The files that leave the computer, as bytes: made once, shown in the preview, written unchanged.

``export_package(summary)`` renders the PDF handout, one CSV per shared table and the exchange JSON;
``write_package(package, out_dir)`` writes exactly those bytes (all to temporary files first, then
renamed, so a failure leaves no half-written export). The CSV files are UTF-8 with a byte-order mark
(so spreadsheet programs read the accents), comma-separated, a header row of machine column names.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.csv_cells import safe_writer
from app.core.errors import UserError
from app.core.i18n import t
from app.team.anonymise import SharedTable, TeamSummary

PDF_NAME = "teamoverzicht.pdf"
CSV_PREFIX = "teamoverzicht-"
JSON_NAME = "team-uitwisseling.json"
COMPARE_PDF = "teamvergelijking.pdf"
COMPARE_PREFIX = "teamvergelijking-"


@dataclass(frozen=True)
class ExportPackage:
    """A summary and the exact bytes of every file made from it."""

    summary: TeamSummary
    files: Mapping[str, bytes]


def table_csv(table: SharedTable) -> bytes:
    """One shared table as CSV bytes."""
    buf = io.StringIO()
    writer = safe_writer(buf, lineterminator="\n")  # no cell a spreadsheet would run as a formula
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return buf.getvalue().encode("utf-8-sig")


def summary_csvs(summary: TeamSummary) -> dict[str, bytes]:
    """Every shared table, the period and totals, and the cases and points, as CSV files."""
    files = {f"{CSV_PREFIX}{tb.key}.csv": table_csv(tb) for tb in summary.tables}
    info = SharedTable(
        "info",
        "",
        ("item", "value"),
        ("", ""),
        (
            ("week_from", summary.week_from),
            ("week_to", summary.week_to),
            ("weeks", summary.n_weeks),
            ("incidents", summary.n_incidents),
            ("lessons", summary.n_lessons),
            ("praise", summary.n_praise),
            ("students", summary.n_students),
            *(("note", note) for note in summary.suppressions),
            *(("point", point) for point in summary.points),
        ),
    )
    files[f"{CSV_PREFIX}info.csv"] = table_csv(info)
    if summary.cases:
        cases = SharedTable(
            "cases",
            "",
            ("case", "rule", "category", "strike", "given", "agreed", "outcome", "description"),
            ("",) * 8,
            tuple(
                (i, c.rule, c.category, c.strike, c.given, c.agreed, c.outcome, c.description)
                for i, c in enumerate(summary.cases, start=1)
            ),
        )
        files[f"{CSV_PREFIX}casussen.csv"] = table_csv(cases)
    if summary.plans:
        plans = SharedTable(
            "plans",
            "",
            ("plan", "situation", "response"),
            ("",) * 3,
            tuple((i, p.situation, p.response) for i, p in enumerate(summary.plans, start=1)),
        )
        files[f"{CSV_PREFIX}voorbereide_keuzes.csv"] = table_csv(plans)
    return files


def export_package(summary: TeamSummary) -> ExportPackage:
    """Render the PDF, the CSVs and the exchange JSON of a summary (nothing written yet)."""
    from app.team.exchange import exchange_bytes
    from app.team.handout_pdf import handout_pdf

    files = {PDF_NAME: handout_pdf(summary), **summary_csvs(summary), JSON_NAME: exchange_bytes(summary)}
    return ExportPackage(summary, files)


def os_reason(exc: OSError) -> str:
    """Why a file could not be written, in the user's language (the system's text is often English)."""
    import errno

    reasons = {
        errno.ENOENT: t("een map op dat pad bestaat niet"),
        errno.EACCES: t("geen toestemming om daar te schrijven"),
        errno.EPERM: t("geen toestemming om daar te schrijven"),
        errno.ENOSPC: t("de schijf is vol"),
        errno.EROFS: t("die plek is alleen-lezen"),
        errno.ENOTDIR: t("een deel van het pad is een bestand, geen map"),
        errno.EEXIST: t("er staat al een bestand met die naam"),
    }
    return reasons.get(exc.errno or 0, exc.strerror or str(exc))


def write_files(files: Mapping[str, bytes], out_dir: Path | str) -> list[Path]:
    """Write the files into ``out_dir`` (created if needed); all or nothing."""
    folder = Path(out_dir).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            t(
                "Kan de map {p} niet maken: {e}.",
                p=folder,
                e=os_reason(exc),
            )
        ) from None
    written: list[Path] = []
    temps: list[tuple[Path, Path]] = []
    tmp: Path | None = None
    try:
        for name, data in files.items():
            if Path(name).name != name:
                raise ValueError(f"not a plain file name: {name!r}")
            tmp = folder / f".{name}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            temps.append((tmp, folder / name))
        for tmp, final in temps:
            os.replace(tmp, final)
            written.append(final)
    except OSError as exc:
        for left, _ in temps:
            left.unlink(missing_ok=True)
        if tmp is not None:  # the file that was being written when it failed
            tmp.unlink(missing_ok=True)
        raise UserError(t("Opslaan in {p} mislukt: {e}.", p=folder, e=os_reason(exc))) from None
    return written


def write_package(package: ExportPackage, out_dir: Path | str) -> list[Path]:
    """Write exactly the package's bytes into ``out_dir``."""
    return write_files(package.files, out_dir)


def comparison_files(tables: Sequence[SharedTable], pdf: bytes) -> dict[str, bytes]:
    """The team comparison's PDF and one CSV per table ('teamvergelijking-<table>.csv')."""
    return {COMPARE_PDF: pdf, **{f"{COMPARE_PREFIX}{tb.key}.csv": table_csv(tb) for tb in tables}}
