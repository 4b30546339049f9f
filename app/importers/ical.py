"""Reading a timetable from iCalendar (.ics): occurrences of timed events in a date range, local times.

Parsing and recurrence are left to ``icalendar`` and ``recurring-ical-events`` (RRULE, RDATE, EXDATE,
RECURRENCE-ID overrides, time zones with summer time). What is decided here: which range is read, which
events count (all-day events do not), what is too much (a file above ``MAX_BYTES``, a range above
``MAX_DAYS``, more than ``MAX_OCCURRENCES`` occurrences), and the school's wall-clock time of each
occurrence (an event in UTC or in another zone is shown on the school's clock, Europe/Amsterdam unless
the file names its own zone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.core.calendar import school_year, school_year_of
from app.core.i18n import t
from app.importers.problems import RowProblem

#: a teacher's feed for a whole year is well under 2 MB; larger files are refused before parsing
MAX_BYTES = 20 * 1024 * 1024
#: one import covers at most a school year (and a little): a longer range is a mistake or a whole archive
MAX_DAYS = 400
#: more occurrences than a full-time teacher's year could hold
MAX_OCCURRENCES = 20_000
#: the school's clock when the file does not name a zone
DEFAULT_ZONE = "Europe/Amsterdam"


@dataclass(frozen=True)
class Occurrence:
    """One timed event on one day, on the school's clock."""

    summary: str
    location: str
    description: str
    categories: str
    day: date
    start: time
    end: time
    cancelled: bool


@dataclass(frozen=True)
class IcsRead:
    """What a file held in the range read, or why it cannot be read."""

    occurrences: tuple[Occurrence, ...]
    date_from: date
    date_to: date
    all_day: int = 0
    problems: tuple[RowProblem, ...] = ()


def _text(value: Any) -> str:
    """A property's value as one line of text (CATEGORIES lists joined with commas)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    cats = getattr(value, "cats", None)
    if cats is not None:
        return ", ".join(str(c) for c in cats)
    return re.sub(r"\s+", " ", str(value)).strip()


def _zone(calendar: Any) -> ZoneInfo:
    """The school's zone: X-WR-TIMEZONE, else the first VTIMEZONE, else Europe/Amsterdam."""
    names = [str(calendar.get("X-WR-TIMEZONE", ""))]
    names += [str(tz.get("TZID", "")) for tz in calendar.walk("VTIMEZONE")]
    for name in names:
        if name:
            try:
                return ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo(DEFAULT_ZONE)


def _local(value: datetime, zone: ZoneInfo) -> datetime:
    """A wall-clock time on the school's clock (a floating time stays as it is)."""
    if value.tzinfo is None:
        return value
    return value.astimezone(zone).replace(tzinfo=None)


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None


def _default_range(events: list[Any], date_from: date | None, date_to: date | None) -> tuple[date, date]:
    """The range to read: the file's own first and last date, an open series to its school year's end."""
    starts: list[date] = []
    ends: list[date] = []
    open_ended = False
    for event in events:
        start = _as_date(getattr(event.get("DTSTART"), "dt", None))
        if start is None:
            continue
        starts.append(start)
        ends.append(start)
        rule = event.get("RRULE")
        if rule is not None:
            until = rule.get("UNTIL")
            if until:
                end = _as_date(until[0])
                if end is not None:
                    ends.append(end)
            elif rule.get("COUNT"):
                ends.append(start + timedelta(days=7 * int(rule["COUNT"][0])))  # at most weekly apart
            else:
                open_ended = True
    low = date_from or (min(starts) if starts else date.today())
    if date_to is not None:
        return low, date_to
    high = max(ends) if ends else low
    if open_ended:
        high = max(high, school_year(school_year_of(low))[1])
    return low, high


def read_ics(
    data: bytes, path: Path | str = "", *, date_from: date | None = None, date_to: date | None = None
) -> IcsRead:
    """The timed occurrences in [date_from, date_to] (defaults: the file's own range), or the problems."""
    today = date.today()

    def refused(message: str) -> IcsRead:
        return IcsRead((), date_from or today, date_to or today, problems=(RowProblem(0, message),))

    if len(data) > MAX_BYTES:
        return refused(
            t(
                "het bestand is groter dan {mb} MB; een rooster van één docent voor een jaar is veel "
                "kleiner. Exporteer alleen je eigen rooster, voor één schooljaar.",
                mb=MAX_BYTES // (1024 * 1024),
            )
        )
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if not head.startswith(b"BEGIN:VCALENDAR"):
        return refused(
            t(
                "dit is geen iCalendar-bestand (.ics): het begint niet met BEGIN:VCALENDAR. Exporteer "
                "je rooster uit het roosterprogramma als agenda (.ics), of gebruik een CSV-rooster.",
            )
        )
    import icalendar
    import recurring_ical_events

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        return refused(
            t(
                "het iCalendar-bestand is beschadigd of onvolledig ({err}); exporteer het opnieuw.",
                err=str(exc)[:120],
            )
        )
    events = list(calendar.walk("VEVENT"))
    if not events:
        return refused(
            t(
                "het bestand bevat geen afspraken (VEVENT); exporteer het rooster mét lessen.",
            )
        )
    low, high = _default_range(events, date_from, date_to)
    if high < low:
        return refused(t("de einddatum ligt vóór de begindatum."))
    if (high - low).days > MAX_DAYS:
        return refused(
            t(
                "het rooster loopt van {a} tot {b} ({y:.0f} jaar); importeer één schooljaar tegelijk "
                "(kies Vanaf en Tot, of --from en --to).",
                a=low.isoformat(),
                b=high.isoformat(),
                y=(high - low).days / 365.25,
            )
        )
    zone = _zone(calendar)
    out: list[Occurrence] = []
    all_day = 0
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        for event in query.between(low, high + timedelta(days=1)):
            start = getattr(event.get("DTSTART"), "dt", None)
            if not isinstance(start, datetime):
                all_day += 1
                continue
            end_prop = getattr(event.get("DTEND"), "dt", None)
            if not isinstance(end_prop, datetime):
                duration = getattr(event.get("DURATION"), "dt", None)
                end_prop = start + (duration if isinstance(duration, timedelta) else timedelta(minutes=50))
            begin, finish = _local(start, zone), _local(end_prop, zone)
            if not low <= begin.date() <= high:
                continue
            if finish.date() != begin.date():
                all_day += 1  # a multi-day block (a trip, a test week) is no lesson
                continue
            out.append(
                Occurrence(
                    summary=_text(event.get("SUMMARY")),
                    location=_text(event.get("LOCATION")),
                    description=_text(event.get("DESCRIPTION")),
                    categories=_text(event.get("CATEGORIES")),
                    day=begin.date(),
                    start=begin.time().replace(second=0, microsecond=0),
                    end=finish.time().replace(second=0, microsecond=0),
                    cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED",
                )
            )
            if len(out) > MAX_OCCURRENCES:
                return refused(
                    t(
                        "meer dan {n} afspraken tussen {a} en {b}; dit is geen rooster van één docent. "
                        "Kies een kortere periode of exporteer alleen je eigen rooster.",
                        n=MAX_OCCURRENCES,
                        a=low.isoformat(),
                        b=high.isoformat(),
                    )
                )
    except Exception as exc:  # a malformed rule or zone inside the libraries: a message, never a crash
        return refused(
            t(
                "de herhalingen in het bestand zijn niet te lezen ({err}); exporteer het opnieuw.",
                err=type(exc).__name__,
            )
        )
    out.sort(key=lambda o: (o.day, o.start, o.summary))
    return IcsRead(tuple(out), low, high, all_day)
