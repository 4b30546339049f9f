"""The timetable on the command line: ``import-timetable FILE [--from DATE] [--to DATE]`` and ``lessons``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.i18n import t

if TYPE_CHECKING:
    from app.store.store import Store

#: the columns of ``lessons --csv``
LESSON_COLUMNS = ("date", "start", "end", "period", "class", "status", "incidents")


def _date(text: str) -> date:
    """A --from/--to value: a date as 2026-08-24."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("schrijf de datum als JJJJ-MM-DD, niet {v}", v=text)) from None


def _add_range(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        metavar="DATE",
        help=t("vanaf deze datum ({what})", what=what),
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=_date,
        metavar="DATE",
        help=t("tot en met deze datum"),
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import-timetable`` and ``lessons``."""
    help_text = t(
        "importeer je lesrooster (.ics uit Zermelo, Untis, Magister, SOMtoday, Smartschool, of CSV: "
        "weekday,period,class,from,to); vervangt het rooster vanaf de begindatum",
    )
    p = sub.add_parser("import-timetable", help=help_text, description=help_text)
    p.add_argument("file", type=Path, metavar="FILE")
    _add_range(p, t("standaard: de eerste les in het bestand"))
    p.set_defaults(handler=run_import_timetable)
    help_text = t(
        "toon de lessen (gegeven en vervallen) met hun aantal incidenten",
    )
    p = sub.add_parser("lessons", help=help_text, description=help_text)
    _add_range(p, t("standaard: alles"))
    p.add_argument(
        "--csv",
        action="store_true",
        help=t("als CSV: {columns}", columns=",".join(LESSON_COLUMNS)),
    )
    p.set_defaults(handler=run_lessons)


def run_import_timetable(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Import the file (exit 2 with every problem when it cannot be); list the events not imported."""
    from app.importers.timetable import apply_timetable, preview_timetable

    with open_store() as store:
        preview = preview_timetable(store, args.file, date_from=args.date_from, date_to=args.date_to)
        summary = apply_timetable(store, preview)  # raises ImportProblem (exit 2) on problems
        print(summary.describe(), flush=True)
        if summary.not_imported:
            print(
                t(
                    "Niet geïmporteerd (geen klas van je herkend; kies de klas in Instellingen › Rooster):",
                )
            )
            for line in summary.not_imported_lines():
                print(f"  {line}")
    return 0


def run_lessons(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Print the lessons in the range, as a table or as CSV."""
    from app.core.csv_cells import safe_writer
    from app.store.timetable import lesson_times

    with open_store() as store:
        bells = store.bell_times()
        lessons = store.lessons_between(args.date_from, args.date_to)
    rows = []
    for lesson in lessons:
        start, end = lesson_times(lesson, bells)
        rows.append(
            (
                lesson.date.isoformat(),
                f"{start:%H:%M}" if start else "",
                f"{end:%H:%M}" if end else "",
                ""
                if lesson.period is None
                else (
                    str(lesson.period)
                    if lesson.n_periods == 1
                    else f"{lesson.period}-{lesson.period + lesson.n_periods - 1}"
                ),
                lesson.class_name,
                lesson.status,
                str(lesson.incidents),
            )
        )
    if args.csv:
        writer = safe_writer(sys.stdout, lineterminator="\n")
        writer.writerow(LESSON_COLUMNS)
        writer.writerows(rows)
        return 0
    if not rows:
        print(t("Geen lessen in deze periode."))
        return 0
    for row in rows:
        print(f"{row[0]}  {row[1]:>5}-{row[2]:<5}  {row[3]:>4}  {row[4]:<12} {row[5]:<9} {row[6]}")
    taught = [x for x in lessons if x.status == "taught" and x.date <= date.today()]
    calm = sum(1 for x in taught if x.incidents == 0)
    print(
        t(
            "{n} lessen gegeven, waarvan {c} zonder één correctie.",
            n=len(taught),
            c=calm,
        )
    )
    return 0
