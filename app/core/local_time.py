"""Local wall-clock times with the offset that makes them one moment.

The store keeps local times (what the teacher saw on the clock: lessons, periods and weekdays are
local). When the clocks go back, an hour of local times happens twice; the offset from UTC in minutes
(``Incident.utc_offset``) tells the two passes apart, and ``instant`` turns both into UTC to compare.
"""

from __future__ import annotations

from datetime import datetime, timedelta


def offset_of(local: datetime, *, fold: int = 0) -> int | None:
    """The local zone's UTC offset in minutes at this wall-clock time (``fold=1``: the second pass)."""
    try:
        delta = local.replace(tzinfo=None, fold=fold).astimezone().utcoffset()
    except (OverflowError, ValueError, OSError):  # year 1 or 9999, or a platform without that date
        return None
    return None if delta is None else int(delta.total_seconds() // 60)


def is_ambiguous(local: datetime) -> bool:
    """True when this wall-clock time happens twice (the hour the clocks go back)."""
    first, second = offset_of(local, fold=0), offset_of(local, fold=1)
    return first is not None and second is not None and first != second


def now_with_offset() -> tuple[datetime, int | None]:
    """The local time now, to the second, and its offset (right in either pass of a repeated hour)."""
    aware = datetime.now().astimezone()
    delta = aware.utcoffset()
    offset = None if delta is None else int(delta.total_seconds() // 60)
    return aware.replace(tzinfo=None, microsecond=0), offset


def split_aware(value: datetime) -> tuple[datetime, int | None]:
    """An aware time as (local wall-clock time, its local offset); a naive one as it is, offset None."""
    if value.tzinfo is None:
        return value, None
    local = value.astimezone()
    delta = local.utcoffset()
    return local.replace(tzinfo=None), None if delta is None else int(delta.total_seconds() // 60)


def moment_of(when: datetime | None) -> tuple[datetime, int | None]:
    """Local time and UTC offset of an incident: now, an aware time, or a local one (``fold`` kept)."""
    if when is None:
        return now_with_offset()
    if when.tzinfo is not None:
        return split_aware(when)
    return when, offset_of(when, fold=when.fold)


def instant(local: datetime, offset: int | None) -> datetime:
    """The moment in UTC (naive) of a local time; without an offset, the local zone's (first pass)."""
    if offset is None:
        offset = offset_of(local)
    return local - timedelta(minutes=offset or 0)


class StoredMoments:
    """Incidents already stored, by student, rule and moment, to recognise a file's rows among them.

    A row with an offset (or at a time that happens once) matches only the same moment. A row without
    an offset in the hour that happens twice matches either pass: an export (local times) imported
    again changes nothing, while two incidents an hour apart in UTC stay two.
    """

    def __init__(self, stored: list[tuple[int, int, datetime, int | None]]) -> None:
        self._left: dict[tuple[int, int, datetime], int] = {}
        for student, rule, local, offset in stored:
            key = (student, rule, instant(local, offset))
            self._left[key] = self._left.get(key, 0) + 1

    def take(self, student: int, rule: int, local: datetime, offset: int | None) -> bool:
        """True (and counted off) when a stored incident is this row."""
        if offset is not None or not is_ambiguous(local):
            candidates = [instant(local, offset if offset is not None else offset_of(local, fold=local.fold))]
        else:
            candidates = [instant(local, offset_of(local, fold=f)) for f in (0, 1)]
        for moment in candidates:
            key = (student, rule, moment)
            if self._left.get(key, 0) > 0:
                self._left[key] -= 1
                return True
        return False
