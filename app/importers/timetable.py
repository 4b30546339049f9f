"""Importing a timetable (.ics or CSV): preview each event title with the class proposed, then store.

Every occurrence is keyed by its title. The class of a title comes, in this order, from the teacher's
remembered choice, from a known class named as a whole word in the event text ("wi - 2B - BRE" is 2B;
SUMMARY first, then LOCATION, DESCRIPTION and CATEGORIES), or from nobody (the event is not imported,
and listed as such). When the summary names no class but another field does (Untis puts the class in the
description), the title is the summary with that class, so one subject taught to two classes stays two
titles. Periods come from the bell times; consecutive periods of one class are one lesson.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.bells import BellTimes
from app.core.errors import ImportProblem
from app.core.i18n import t
from app.importers.ical import Occurrence, read_ics
from app.importers.problems import RowProblem, problem_exit
from app.store.records import ScheduledLesson, TimetableResult

if TYPE_CHECKING:
    from app.store.store import Store

#: the longest title kept (the store's column)
MAX_TITLE = 300


@dataclass(frozen=True)
class TitleChoice:
    """One distinct event title: how often it occurs, and the class the app proposes."""

    title: str
    count: int
    #: the class id proposed (None: not a lesson / not known)
    proposed: int | None
    #: 'remembered' (the teacher chose before), 'found' (named in the text) or 'none'
    how: str
    #: an example of the event's text, for the preview
    example: str = ""


@dataclass(frozen=True)
class TimetablePreview:
    """A read timetable before anything is stored."""

    path: str
    occurrences: tuple[tuple[str, Occurrence], ...]
    titles: tuple[TitleChoice, ...]
    date_from: date
    date_to: date
    all_day: int = 0
    problems: tuple[RowProblem, ...] = ()
    #: CSV rows name their class and period themselves: no choices to make
    fixed_periods: dict[int, tuple[int, int]] = field(default_factory=dict)

    def proposals(self) -> dict[str, int | None]:
        """Title -> proposed class id (None: not imported)."""
        return {c.title: c.proposed for c in self.titles}


@dataclass(frozen=True)
class TimetablePlan:
    """The lessons a preview gives with the chosen classes, and what is left out."""

    lessons: tuple[ScheduledLesson, ...]
    #: titles not imported, with their number of occurrences
    not_imported: tuple[tuple[str, int], ...]
    #: occurrences of a chosen class that fall outside the bell times
    outside_hours: tuple[tuple[str, Occurrence], ...]


@dataclass(frozen=True)
class TimetableSummary:
    """What an import stored and what it left out."""

    result: TimetableResult
    not_imported: tuple[tuple[str, int], ...]
    outside_hours: int

    def describe(self) -> str:
        """Sentences for the user."""
        r = self.result
        text = t(
            "Rooster van {a} tot {b}: {n} nieuwe lessen, {k} bestonden al, {r} oude verwijderd, "
            "{c} vervallen.",
            a=r.date_from.isoformat(),
            b=r.date_to.isoformat(),
            n=r.added,
            k=r.kept,
            r=r.removed,
            c=r.cancelled,
        )
        if self.outside_hours:
            text += " " + t(
                "{n} afspraken vallen buiten de bel­tijden en zijn overgeslagen.",
                n=self.outside_hours,
            ).replace("\xad", "")
        return text

    def not_imported_lines(self) -> list[str]:
        """One line per title left out."""
        return [f"{title} ({n}x)" for title, n in self.not_imported]


def class_pattern(classes: dict[str, int]) -> re.Pattern[str] | None:
    """A regex finding any known class name as a whole word (longest names first), any case."""
    names = sorted((n for n in classes if n.strip()), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def classes_named(text: str, pattern: re.Pattern[str] | None, classes: dict[str, int]) -> set[int]:
    """The ids of the known classes named in ``text`` as whole words."""
    if pattern is None or not text:
        return set()
    lower = {name.lower(): cid for name, cid in classes.items()}
    return {lower[m.group(1).lower()] for m in pattern.finditer(text) if m.group(1).lower() in lower}


def key_of(
    occ: Occurrence, pattern: re.Pattern[str] | None, classes: dict[str, int]
) -> tuple[str, int | None]:
    """The title of an occurrence and the class its text names (None: none, or several)."""
    summary = occ.summary or t("(zonder titel)")
    in_summary = classes_named(occ.summary, pattern, classes)
    if len(in_summary) == 1:
        return summary[:MAX_TITLE], next(iter(in_summary))
    if in_summary:  # several classes in the title: the teacher decides
        return summary[:MAX_TITLE], None
    elsewhere = classes_named(f"{occ.location} {occ.description} {occ.categories}", pattern, classes)
    if len(elsewhere) == 1:
        cid = next(iter(elsewhere))
        name = next(n for n, i in classes.items() if i == cid)
        return f"{summary} · {name}"[:MAX_TITLE], cid
    return summary[:MAX_TITLE], None


def build_preview(
    path: Path | str,
    occurrences: tuple[Occurrence, ...],
    date_from: date,
    date_to: date,
    classes: dict[str, int],
    remembered: dict[str, int | None],
    *,
    all_day: int = 0,
) -> TimetablePreview:
    """Group occurrences by title and propose a class for each title."""
    pattern = class_pattern(classes)
    keyed: list[tuple[str, Occurrence]] = []
    found: dict[str, int | None] = {}
    for occ in occurrences:
        key, cid = key_of(occ, pattern, classes)
        keyed.append((key, occ))
        found.setdefault(key, cid)
    counts = Counter(key for key, _ in keyed)
    examples = {key: occ for key, occ in reversed(keyed)}
    live = set(classes.values())
    titles = []
    for key in sorted(counts, key=lambda k: (-counts[k], k.lower())):
        occ = examples[key]
        example = " · ".join(p for p in (occ.location, occ.description, occ.categories) if p)[:120]
        if key in remembered and (remembered[key] is None or remembered[key] in live):
            titles.append(TitleChoice(key, counts[key], remembered[key], "remembered", example))
        elif found.get(key) is not None:
            titles.append(TitleChoice(key, counts[key], found[key], "found", example))
        else:
            titles.append(TitleChoice(key, counts[key], None, "none", example))
    return TimetablePreview(str(path), tuple(keyed), tuple(titles), date_from, date_to, all_day)


def _read_bytes(path: Path) -> bytes | RowProblem:
    try:
        if not path.is_file():
            return RowProblem(0, t("dit is geen gewoon bestand."))
        from app.importers.ical import MAX_BYTES

        if path.stat().st_size > MAX_BYTES:
            return RowProblem(
                0,
                t(
                    "het bestand is groter dan {mb} MB; exporteer alleen je eigen rooster.",
                    mb=MAX_BYTES // (1024 * 1024),
                ),
            )
        return path.read_bytes()
    except OSError as exc:
        return RowProblem(0, exc.strerror or str(exc))


def preview_timetable(
    store: Store, path: Path | str, *, date_from: date | None = None, date_to: date | None = None
) -> TimetablePreview:
    """Read an .ics or CSV timetable and propose a class per title; writes nothing."""
    path = Path(path)
    classes = {c.name: c.id for c in store.classes() if not c.archived}
    remembered = store.title_mapping()
    data = _read_bytes(path)
    today = date.today()
    if isinstance(data, RowProblem):
        return TimetablePreview(str(path), (), (), date_from or today, date_to or today, problems=(data,))
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if not head.startswith(b"BEGIN:VCALENDAR") and path.suffix.lower() in (".csv", ".txt", ".xlsx"):
        from app.importers.timetable_csv import read_timetable_csv

        return read_timetable_csv(path, store.bell_times(), classes, date_from=date_from, date_to=date_to)
    read = read_ics(data, path, date_from=date_from, date_to=date_to)
    if read.problems:
        return TimetablePreview(str(path), (), (), read.date_from, read.date_to, problems=read.problems)
    if not read.occurrences:
        problem = RowProblem(
            0,
            t(
                "tussen {a} en {b} staan geen lessen met een tijd in het bestand ({n} hele-dag-afspraken "
                "overgeslagen); kies een andere periode of exporteer het rooster opnieuw.",
                a=read.date_from.isoformat(),
                b=read.date_to.isoformat(),
                n=read.all_day,
            ),
        )
        return TimetablePreview(str(path), (), (), read.date_from, read.date_to, problems=(problem,))
    return build_preview(
        path, read.occurrences, read.date_from, read.date_to, classes, remembered, all_day=read.all_day
    )


def plan_lessons(
    preview: TimetablePreview, choices: dict[str, int | None], bells: BellTimes
) -> TimetablePlan:
    """The scheduled lessons: occurrences with a class, on the periods they cover, doubles joined."""
    slots: list[tuple[int, date, list[int], Occurrence]] = []
    outside: list[tuple[str, Occurrence]] = []
    left: Counter[str] = Counter()
    for index, (key, occ) in enumerate(preview.occurrences):
        class_id = choices.get(key)
        if class_id is None:
            left[key] += 1
            continue
        fixed = preview.fixed_periods.get(index)
        periods = (
            list(range(fixed[0], fixed[0] + fixed[1])) if fixed else bells.periods_between(occ.start, occ.end)
        )
        if not periods:
            outside.append((key, occ))
            continue
        slots.append((class_id, occ.day, periods, occ))
    slots.sort(key=lambda s: (s[0], s[1], s[2][0]))
    merged: list[list] = []
    for class_id, day, periods, occ in slots:
        last = merged[-1] if merged else None
        if last and last[0] == class_id and last[1] == day and periods[0] <= last[2][-1] + 1:
            if occ.cancelled == last[3].cancelled:  # a double period, or the same lesson listed twice
                last[2] = sorted(set(last[2]) | set(periods))
                last[4] = max(last[4], occ.end)
                continue
            if periods[0] <= last[2][-1]:  # a cancelled and a live copy of one slot: the live one wins
                if last[3].cancelled:
                    merged[-1] = [class_id, day, periods, occ, occ.end]
                continue
        merged.append([class_id, day, periods, occ, occ.end])
    lessons = tuple(
        ScheduledLesson(
            class_id=class_id,
            date=day,
            period=periods[0],
            start_time=occ.start,
            end_time=end,
            n_periods=periods[-1] - periods[0] + 1,
            cancelled=occ.cancelled,
        )
        for class_id, day, periods, occ, end in merged
    )
    not_imported = tuple(sorted(left.items(), key=lambda kv: (-kv[1], kv[0].lower())))
    return TimetablePlan(lessons, not_imported, tuple(outside))


def apply_timetable(
    store: Store,
    preview: TimetablePreview,
    choices: dict[str, int | None] | None = None,
    *,
    remember: bool = False,
) -> TimetableSummary:
    """Store the timetable (one transaction); ``remember`` keeps ``choices`` for the next import.

    Refused (``ImportProblem``, nothing changed) when the preview has problems or no event is a lesson.
    """
    if preview.problems:
        raise problem_exit(preview.path, preview.problems)
    chosen = preview.proposals() if choices is None else {**preview.proposals(), **choices}
    plan = plan_lessons(preview, chosen, store.bell_times())
    if not plan.lessons:
        raise ImportProblem(
            t(
                "{file} is niet geïmporteerd; er is niets veranderd:",
                file=Path(preview.path).name,
            ),
            [
                t(
                    "geen enkele afspraak is een les van een van je klassen. Voeg eerst je klassen toe "
                    "(Instellingen › Klassen) of kies in het voorbeeld bij elke titel de klas.",
                )
            ],
        )
    result = store.store_timetable(
        list(plan.lessons), preview.date_from, preview.date_to, chosen if remember else None
    )
    return TimetableSummary(result, plan.not_imported, len(plan.outside_hours))
