"""A timetable from CSV, for schools without an iCalendar feed.

Two shapes, told apart by their header:

- weekly rows ``weekday,period,class,from,to``: the class has that period every week from ``from`` to
  ``to`` (weekday ``ma``/``maandag``/``monday``/``1``; period ``3``, or ``3-4`` for a double period);
- dated rows ``date,period,class`` with an optional ``status`` (``cancelled``/``vervallen``).

Times come from the bell times. Every row must name a known class; every problem is reported with its
line number and nothing is imported until the whole file is right.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from app.core.bells import BellTimes
from app.core.errors import ImportProblem
from app.core.i18n import t
from app.core.vocabulary import WEEKDAY_NL, WEEKDAY_SHORT_NL, WEEKDAYS
from app.importers.columns import map_columns
from app.importers.common import read_table
from app.importers.ical import MAX_DAYS, Occurrence
from app.importers.problems import RowProblem
from app.importers.timetable import TimetablePreview, TitleChoice

ALIASES = {
    "weekday": ("dag", "weekdag", "day"),
    "date": ("datum",),
    "period": ("uur", "lesuur", "les"),
    "class": ("klas", "group", "groep"),
    "from": ("van", "vanaf", "start", "begin"),
    "to": ("tot", "totenmet", "end", "eind"),
    "status": (),
}

KNOWN = tuple(name for field, names in ALIASES.items() for name in (field, *names))

_DAY_NAMES: dict[str, int] = {}
for _i, _day in enumerate(WEEKDAYS):
    for _name in (_day, _day[:3], WEEKDAY_NL[_day].lower(), WEEKDAY_SHORT_NL[_day], str(_i + 1)):
        _DAY_NAMES[_name] = _i


def _date(text: str) -> date | None:
    text = text.strip()
    for pattern, order in (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", "ymd"),
        (r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", "dmy"),
    ):
        m = re.fullmatch(pattern, text)
        if m:
            a, b, c = (int(g) for g in m.groups())
            try:
                return date(a, b, c) if order == "ymd" else date(c, b, a)
            except ValueError:
                return None
    return None


def _periods(text: str, bells: BellTimes) -> tuple[int, int] | None:
    """'3' -> (3, 1); '3-4' -> (3, 2); None when not a period of the bell times."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*(?:[-–]\s*(\d{1,2}))?\s*", text)
    if not m:
        return None
    first = int(m.group(1))
    last = int(m.group(2) or first)
    if last < first or bells.times_of(first) is None or bells.times_of(last) is None:
        return None
    return first, last - first + 1


def read_timetable_csv(
    path: Path | str,
    bells: BellTimes,
    classes: dict[str, int],
    *,
    date_from: date | None = None,
    date_to: date | None = None,
) -> TimetablePreview:
    """The lessons of a CSV timetable as a preview (each class its own title), or its problems."""
    today = date.today()
    try:
        table = read_table(path, KNOWN)
    except ImportProblem as exc:
        problems = tuple(RowProblem(0, d) for d in exc.problems) or (RowProblem(0, exc.args[0]),)
        return TimetablePreview(str(path), (), (), date_from or today, date_to or today, problems=problems)
    cols, problems = map_columns(table, ALIASES, required=(("weekday", "date"), "period", "class"))
    weekly = cols.has("weekday")
    if weekly and not (cols.has("from") and cols.has("to")) and not (date_from and date_to):
        problems.append(
            RowProblem(
                table.header_line,
                t(
                    "wekelijkse rijen hebben de kolommen from en to nodig (of geef --from en --to).",
                ),
            )
        )
    lower = {name.lower(): (name, cid) for name, cid in classes.items()}
    rows: list[tuple[str, int, date, tuple[int, int], bool]] = []
    for line, cells in table.rows:
        name = cols.get(cells, "class")
        found = lower.get(name.lower())
        if found is None:
            problems.append(
                RowProblem(
                    line,
                    t(
                        "klas '{c}' bestaat niet; voeg haar toe onder Klassen of verbeter de naam.",
                        c=name[:40],
                    )
                    if name
                    else t("de klas ontbreekt."),
                )
            )
            continue
        span = _periods(cols.get(cells, "period"), bells)
        if span is None:
            problems.append(
                RowProblem(
                    line,
                    t(
                        "lesuur '{p}' staat niet in de beltijden (1-{n}, of 3-4 voor een dubbel uur).",
                        p=cols.get(cells, "period")[:10],
                        n=len(bells.periods),
                    ),
                )
            )
            continue
        status = cols.get(cells, "status").lower()
        cancelled = status in ("cancelled", "canceled", "vervallen", "uitgevallen", "niet gegeven")
        if weekly:
            day = _DAY_NAMES.get(cols.get(cells, "weekday").lower())
            start = _date(cols.get(cells, "from")) if cols.has("from") else date_from
            end = _date(cols.get(cells, "to")) if cols.has("to") else date_to
            if day is None or start is None or end is None or end < start:
                problems.append(
                    RowProblem(
                        line,
                        t(
                            "schrijf weekdag (ma-vr) en from/to als datums (2026-08-24), to niet vóór from.",
                        ),
                    )
                )
                continue
            first = start + timedelta(days=(day - start.weekday()) % 7)
            week = first
            while week <= end:
                rows.append((found[0], found[1], week, span, cancelled))
                week += timedelta(weeks=1)
        else:
            on = _date(cols.get(cells, "date"))
            if on is None:
                problems.append(RowProblem(line, t("schrijf de datum als 2026-08-24.")))
                continue
            rows.append((found[0], found[1], on, span, cancelled))
    if not problems and not rows:
        problems.append(RowProblem(0, t("het bestand bevat geen lessen.")))
    if problems:
        return TimetablePreview(
            str(path), (), (), date_from or today, date_to or today, problems=tuple(problems)
        )
    low = date_from or min(r[2] for r in rows)
    high = date_to or max(r[2] for r in rows)
    if (high - low).days > MAX_DAYS:
        problem = RowProblem(
            0,
            t(
                "het rooster loopt van {a} tot {b}; importeer één schooljaar tegelijk.",
                a=low.isoformat(),
                b=high.isoformat(),
            ),
        )
        return TimetablePreview(str(path), (), (), low, high, problems=(problem,))
    keyed: list[tuple[str, Occurrence]] = []
    fixed: dict[int, tuple[int, int]] = {}
    for name, _cid, on, (first, n), cancelled in sorted(rows, key=lambda r: (r[2], r[3], r[0])):
        if not low <= on <= high:
            continue
        start_p, end_p = bells.times_of(first), bells.times_of(first + n - 1)
        assert start_p is not None and end_p is not None
        fixed[len(keyed)] = (first, n)
        keyed.append((name, Occurrence(name, "", "", "", on, start_p.start, end_p.end, cancelled)))
    counts: dict[str, int] = {}
    for name, _ in keyed:
        counts[name] = counts.get(name, 0) + 1
    titles = tuple(TitleChoice(name, n, classes[name], "found") for name, n in sorted(counts.items()))
    return TimetablePreview(str(path), tuple(keyed), titles, low, high, fixed_periods=fixed)
