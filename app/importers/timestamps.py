"""Timestamps in incident files: ISO, Dutch day-month-year, year first, with or without a time; the date
and the time may also come in two columns. Never raises: an unreadable value is None (a row problem).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from app.core.i18n import t

#: how far back an incident may lie (years)
MAX_YEARS_BACK = 3
_TIME = r"(?:(?:[ T]+|,\s*)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?"
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _TIME)
_YEAR_FIRST = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)


def parse_timestamp(text: str) -> datetime | None:
    """ISO 8601, ``jjjj-mm-dd [u:mm[:ss]]`` or Dutch ``dd-mm-jjjj [u:mm[:ss]]`` (``-``, ``/`` or ``.``
    between the date's parts, ``:`` or ``.`` in the time); aware times become local; None if unreadable.

    Day-first only: ``03/04/2026`` is 3 April. Two-digit years are refused (which century?).
    """
    text = text.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        if match := _DUTCH_DATE.fullmatch(text):
            day, month, year, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        elif match := _YEAR_FIRST.fullmatch(text):
            year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        else:
            return None
        try:
            value = datetime(year, month, day, hour, minute, second)
        except ValueError:
            return None
    if value.tzinfo is not None:
        try:
            value = value.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):  # year 1 or 9999 shifted out of range
            return None
    return value


def _date_and_time(date_text: str, time_text: str) -> datetime | None:
    """A timestamp from a date column and a time column ('' when absent); None if unreadable.

    The date may carry a midnight time (an Excel date cell); a time column that holds a whole
    timestamp is taken as it is.
    """
    day = parse_timestamp(date_text) if date_text else None
    if not time_text:
        return day
    if match := _CLOCK.fullmatch(time_text.strip()):
        if day is None or day.time() != datetime.min.time():
            return None
        hour, minute, second = (int(g) if g else 0 for g in match.groups())
        try:
            return day.replace(hour=hour, minute=minute, second=second)
        except ValueError:
            return None
    whole = parse_timestamp(time_text)
    if whole is not None and (day is None or whole.date() == day.date()):
        return whole
    return None


def timestamp_hint() -> str:
    """The accepted ways to write a timestamp, as a hint in a message (language in force)."""
    return t(
        "gebruik jjjj-mm-dd uu:mm, bijvoorbeeld 2026-11-24 10:15, of dd-mm-jjjj uu:mm, "
        "bijvoorbeeld 24-11-2026 10:15; seconden mogen erbij; of een kolom datum en een kolom tijd",
        "use yyyy-mm-dd hh:mm, for example 2026-11-24 10:15, or dd-mm-yyyy hh:mm, "
        "for example 24-11-2026 10:15; seconds may be added; or a date column and a time column",
    )


def _earliest(today: date) -> date:
    try:
        return today.replace(year=today.year - MAX_YEARS_BACK)
    except ValueError:  # 29 February
        return today.replace(year=today.year - MAX_YEARS_BACK, day=28)
