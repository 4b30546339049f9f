"""Suppression: the cell-size rules of ``anonymise`` applied to a table before it may be shared.

Small groups are merged into one 'overig' row, small high strikes into an open 'k+' bucket, and
``share`` builds the ``SharedTable``, refusing any row below the cell threshold (and any date).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from app.core.i18n import t
from app.team.anonymise import MIN_INCIDENTS, MIN_STUDENTS, OTHER, SharedTable, Value


def _add(a: Mapping[str, Any], b: Mapping[str, Any], sums: Sequence[str]) -> dict[str, Any]:
    out = dict(a)
    for col in sums:
        out[col] = (a.get(col) or 0) + (b.get(col) or 0)
    return out


def merge_small_groups(
    rows: Sequence[Mapping[str, Any]],
    *,
    label: str,
    sums: Sequence[str],
    n: str = "n",
    students: str | None = "students",
    per_row_students: bool = True,
    what: str,
) -> tuple[list[dict[str, Any]], list[str]]:
    """Rows of one breakdown with small groups merged into 'overig'; left out if still too small.

    A row is small when it has fewer than ``MIN_INCIDENTS`` in ``n`` or (when ``students`` names a
    column and ``per_row_students``) fewer than ``MIN_STUDENTS`` students. 'overig' itself must reach
    both thresholds; when it does not, the smallest other rows join it (secondary suppression, so a
    left-out group cannot be recovered by subtracting the shown rows from a total). When everything
    ends up in 'overig' the breakdown is not shown at all. Counts in ``sums``, ``n`` and ``students``
    are added up.
    """
    cols = list(dict.fromkeys([*sums, n, *([students] if students else [])]))

    def is_small(row: Mapping[str, Any]) -> bool:
        few = students is not None and per_row_students and int(row.get(students) or 0) < MIN_STUDENTS
        return int(row.get(n) or 0) < MIN_INCIDENTS or few

    keep = [dict(r) for r in rows if not is_small(r) and r[label] != OTHER]
    small = [dict(r) for r in rows if is_small(r)]
    already = [dict(r) for r in rows if not is_small(r) and r[label] == OTHER]
    if not small:
        return keep + already, []
    first_small = len(small)
    small += already

    def merged_row() -> dict[str, Any]:
        out: dict[str, Any] = {k: "" for k in small[0]}
        out.update({k: 0 for k in cols})
        for row in small:
            out = _add(out, row, cols)
        out[label] = OTHER
        return out

    def passes(row: Mapping[str, Any]) -> bool:
        return int(row[n]) >= MIN_INCIDENTS and (students is None or int(row[students]) >= MIN_STUDENTS)

    merged = merged_row()
    while not passes(merged) and keep:
        keep.sort(key=lambda r: int(r[n]))
        small.append(keep.pop(0))
        merged = merged_row()
    limit = (
        t("minder dan {i} incidenten", i=MIN_INCIDENTS)
        if students is None or not per_row_students
        else t(
            "minder dan {s} leerlingen of {i} incidenten",
            s=MIN_STUDENTS,
            i=MIN_INCIDENTS,
        )
    )
    extra = len(small) - first_small - len(already)
    what = singular(what) if first_small == 1 else what
    if not keep or not passes(merged):
        return [], [
            t(
                "Niet uitgesplitst: {k} {what} met {limit}, en samengevoegd blijft er niets te tonen.",
                k=first_small,
                what=what,
                limit=limit,
            )
        ]
    note = t(
        "{k} {what} met {limit} samengevoegd tot '{o}'.",
        k=first_small,
        what=what,
        limit=limit,
        o=OTHER,
    )
    if extra:
        note += " " + t(
            "Ook {e} grotere erbij, zodat '{o}' groot genoeg is en niemand terug te rekenen valt.",
            e=extra,
            o=OTHER,
        )
    return [*keep, merged], [note]


#: plural nouns of the suppression notes and their singular, for "1 klas" rather than "1 klassen"
SINGULAR = {
    "klassen": "klas",
    "afspraken": "afspraak",
    "momenten": "moment",
    "groepen": "groep",
    "leerlingen": "leerling",
    "classes": "class",
    "rules": "rule",
    "moments": "moment",
    "groups": "group",
    "students": "student",
}


def singular(what: str) -> str:
    """'klassen' -> 'klas', 'momenten (dag)' -> 'moment (dag)': the first word made singular."""
    first, space, rest = what.partition(" ")
    return SINGULAR.get(first, first) + space + rest


def merge_strike_tail(
    rows: Sequence[Mapping[str, Any]], *, sums: Sequence[str], n: str = "n", cap: int = 3
) -> list[dict[str, Any]]:
    """Strike rows of one rule with small high strikes merged downward into an open 'k+' bucket.

    Strikes at or above ``cap`` count as one bucket 'cap+'. Returns rows with 'strike' (the lowest
    strike of the bucket) and 'strike_label' ('1', '2', '2+', '3+'). When even the whole rule is below
    ``MIN_INCIDENTS`` one row comes back below it: the caller merges or leaves it out.
    """
    buckets: dict[int, dict[str, Any]] = {}
    for row in rows:
        k = min(int(row["strike"]), cap)
        buckets[k] = _add(buckets[k], row, [*sums, n]) if k in buckets else dict(row)
        buckets[k]["strike"] = k
    out: list[dict[str, Any]] = []
    carry: dict[str, Any] | None = None
    for k in sorted(buckets, reverse=True):
        current = _add(buckets[k], carry, [*sums, n]) if carry is not None else dict(buckets[k])
        current["strike"] = k
        current["open"] = carry is not None or k == cap
        carry = None
        if int(current[n]) < MIN_INCIDENTS:
            carry = current
            continue
        out.append(current)
    if carry is not None:
        if out:
            low = out.pop()
            merged = _add(low, carry, [*sums, n])
            merged["strike"], merged["open"] = low["strike"], True
            out.append(merged)
        else:
            out.append(carry)
    out.reverse()
    for r in out:
        r["strike_label"] = f"{r['strike']}+" if r.pop("open") else str(r["strike"])
    return out


def share(
    key: str,
    title: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Mapping[str, Any]],
    notes: Iterable[str] = (),
    *,
    n: str | None = "n",
) -> SharedTable:
    """A ``SharedTable`` of the given (column, header) pairs; refuses any row below the cell threshold."""
    names = tuple(c for c, _ in columns)
    out_rows: list[tuple[Value, ...]] = []
    for row in rows:
        if n is not None and int(row[n]) < MIN_INCIDENTS:
            raise ValueError(f"row of {key} below the threshold reached share(): {row!r}")
        out_rows.append(tuple(_plain(row[c]) for c in names))
    from app.team.words import word

    headers = tuple(word(h) for _, h in columns)
    return SharedTable(key, title, names, headers, tuple(out_rows), tuple(notes))


def _plain(value: Any) -> Value:
    """A JSON/CSV-safe plain value (numpy scalars to Python, dates refused)."""
    if isinstance(value, date):
        raise ValueError("dates never leave the computer; use week_label()")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int | str):
        return value
    if hasattr(value, "item"):
        return _plain(value.item())
    if isinstance(value, float):
        return round(value, 4)
    if value is None:
        return ""
    return str(value)
