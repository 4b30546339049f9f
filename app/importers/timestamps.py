"""Timestamps in an incidents file: ISO 8601, year first or Dutch day first, or a date and a time column.

An aware time (with an offset or ``Z``) becomes local time, and its offset is kept (``parse_moment``):
in the hour the clocks go back it says which of the two passes is meant.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from app.core.i18n import t
from app.core.local_time import split_aware

__all__ = ["MAX_YEARS_BACK", "date_and_time", "earliest", "parse_moment", "parse_timestamp", "timestamp_hint"]

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
    moment = parse_moment(text)
    return moment[0] if moment is not None else None


def parse_moment(text: str) -> tuple[datetime, int | None] | None:
    """As ``parse_timestamp``, with the local offset in minutes when the text gives an offset."""
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
    try:
        return split_aware(value)  # an aware time: local, with the offset that says which pass
    except (OverflowError, ValueError):  # year 1 or 9999 shifted out of range
        return None


def date_and_time(date_text: str, time_text: str) -> datetime | None:
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
    )


def earliest(today: date) -> date:
    """The first date an incident may have: ``MAX_YEARS_BACK`` years before ``today``."""
    try:
        return today.replace(year=today.year - MAX_YEARS_BACK)
    except ValueError:  # 29 February
        return today.replace(year=today.year - MAX_YEARS_BACK, day=28)
