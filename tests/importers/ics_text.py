"""Small iCalendar texts for the timetable tests, in the shapes school systems export."""

from __future__ import annotations

from pathlib import Path

AMSTERDAM_TZ = """BEGIN:VTIMEZONE
TZID:{tz}
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE
"""


def calendar(*events: str, tz: str = "Europe/Amsterdam", extra: str = "") -> str:
    """A VCALENDAR with a VTIMEZONE for ``tz`` and the given VEVENT bodies."""
    body = "".join(f"BEGIN:VEVENT\n{e.strip()}\nEND:VEVENT\n" for e in events)
    text = f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//timetable//NL\n{extra}"
    text += AMSTERDAM_TZ.format(tz=tz) + body + "END:VCALENDAR\n"
    return text.replace("\n", "\r\n")


def event(
    uid: str,
    summary: str,
    start: str,
    end: str,
    *,
    tz: str = "Europe/Amsterdam",
    more: str = "",
) -> str:
    """One VEVENT body; ``start``/``end`` as 20261019T083000 (with TZID) or ending in Z (UTC)."""
    if start.endswith("Z"):
        times = f"DTSTART:{start}\nDTEND:{end}"
    else:
        times = f"DTSTART;TZID={tz}:{start}\nDTEND;TZID={tz}:{end}"
    return f"UID:{uid}\nDTSTAMP:20260801T000000Z\nSUMMARY:{summary}\n{times}\n{more}".strip()


def write_ics(tmp_path: Path, text: str, name: str = "rooster.ics") -> Path:
    """Write the text as a file and return its path."""
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path
