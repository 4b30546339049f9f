"""Reading an incidents file: the columns it may have, one checked row per incident, and the problems.

Nothing is written here: ``app.importers.incidents`` plans and writes what this module read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from app.core import identity
from app.core.csv_cells import unescape_cell
from app.core.i18n import t
from app.importers.columns import map_columns, too_long
from app.importers.common import read_table
from app.importers.problems import RowProblem
from app.importers.roster import ALIASES as ROSTER_ALIASES
from app.importers.timestamps import (
    MAX_YEARS_BACK,
    date_and_time,
    earliest,
    parse_moment,
    timestamp_hint,
)

ALIASES: dict[str, tuple[str, ...]] = {
    "timestamp": ("tijdstip", "datum tijd", "datumtijd", "datetime", "moment", "occurred_at", "tijd", "time"),
    "date": ("datum", "dag", "day"),  #: with 'tijd' (or alone): date and time in two columns
    "student_id": ROSTER_ALIASES["student_id"],
    "rule": ("afspraak", "regel", "rule_name"),
    "severity": ("stap", "ernst", "step", "level", "niveau"),
    "lesson": ("les", "lesson_label"),
    "period": ("lesuur", "uur"),
    "note": ("notitie", "opmerking", "toelichting"),
    "name": ("naam",),
    "group": ("klas", "groep", "stamgroep", "class"),
}
KNOWN = tuple(a for field, names in ALIASES.items() for a in (field, *names))
#: highest lesson period accepted
MAX_PERIOD = 15


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One incident as the file gives it (student and rule still by id and name)."""

    line: int
    occurred_at: datetime
    student_id: str
    rule: str
    step: int
    lesson: str = ""
    period: int | None = None
    note: str = ""
    group: str = ""
    #: the local offset in minutes when the file gave one (tells the twice-lived hour apart)
    utc_offset: int | None = None


def parse_incidents(
    path: Path | str, *, now: datetime | None = None
) -> tuple[list[IncidentRow], list[RowProblem], bool]:
    """Read and check an incidents file whole: rows, problems, and whether lessons are keyed loosely."""
    table = read_table(path, KNOWN)
    columns, problems = map_columns(
        table, ALIASES, required=(("timestamp", "date"), "student_id", "rule", "severity")
    )
    problems = list(table.problems) + problems
    if problems:
        return [], problems, True
    now = now or datetime.now()
    latest = now + timedelta(hours=1)
    first_day = datetime.combine(earliest(now.date()), datetime.min.time())
    idx = columns.index
    i_student, i_rule, i_step = (idx[k] for k in ("student_id", "rule", "severity"))
    i_time, i_date = idx.get("timestamp"), idx.get("date")
    i_lesson, i_period, i_note, i_group = (idx.get(k) for k in ("lesson", "period", "note", "group"))
    loose = i_lesson is None and i_period is None
    rows: list[IncidentRow] = []
    for line, raw in table.rows:
        cells = [unescape_cell(cell) for cell in raw]  # "'=..." as export-incidents wrote it
        reasons: list[str] = []
        time_text = cells[i_time].strip() if i_time is not None else ""
        date_text = cells[i_date].strip() if i_date is not None else ""
        stamp_text = " ".join(p for p in (date_text, time_text) if p)
        offset: int | None = None
        if i_date is not None:
            when = date_and_time(date_text, time_text)
        else:
            when, offset = parse_moment(time_text) or (None, None)
        if when is None:
            reasons.append(
                t(
                    "tijdstip '{v}' is onleesbaar ({expected})",
                    v=stamp_text[:40],
                    expected=timestamp_hint(),
                )
                if stamp_text
                else t("het tijdstip is leeg")
            )
        elif when > latest:
            reasons.append(t("tijdstip {v} ligt in de toekomst", v=when))
        elif when < first_day:
            reasons.append(
                t(
                    "tijdstip {v} ligt meer dan {n} jaar terug",
                    v=when,
                    n=MAX_YEARS_BACK,
                )
            )
        student_id = identity.clean(cells[i_student])
        if not student_id:
            reasons.append(t("het leerlingnummer is leeg"))
        rule = " ".join(cells[i_rule].split())
        if not rule:
            reasons.append(t("de afspraak is leeg"))
        elif len(rule) > 200:
            reasons.append(too_long(rule, 200, t("de afspraak")) or "")
        step_text = cells[i_step].strip()
        try:
            step = int(step_text)
        except ValueError:
            step = 0
            reasons.append(
                t(
                    "stap '{v}' is geen getal (gebruik het nummer van de stap op de ladder, 1 = de lichtste)",
                    v=step_text[:40],
                )
                if step_text
                else t("de stap is leeg")
            )
        lesson = cells[i_lesson].strip() if i_lesson is not None else ""
        if len(lesson) > 100:
            reasons.append(too_long(lesson, 100, t("de les")) or "")
        period: int | None = None
        if i_period is not None and (period_text := cells[i_period].strip()):
            try:
                period = int(period_text)
            except ValueError:  # words, '3e', '²' (isdigit() but no int), ...
                period = 0
            if not 1 <= period <= MAX_PERIOD:
                reasons.append(
                    t(
                        "lesuur '{v}' moet een getal van 1 tot {n} zijn",
                        v=period_text[:20],
                        n=MAX_PERIOD,
                    )
                )
        if reasons:
            problems.append(RowProblem(line, "; ".join(reasons) + "."))
            continue
        assert when is not None
        rows.append(
            IncidentRow(
                line,
                when,
                student_id,
                rule,
                step,
                lesson,
                period,
                cells[i_note].strip() if i_note is not None else "",
                cells[i_group].strip() if i_group is not None else "",
                offset,
            )
        )
    return rows, problems, loose


#: (class id, date, label, period): what keys a lesson
