"""The one place that decides what may leave the computer: thresholds, merging, weeks, pseudonyms.

Everything the team export writes (PDF, CSV, JSON) is built from a ``TeamSummary``, and a
``TeamSummary`` only holds ``SharedTable`` s that went through ``share`` here. The rules:

- no breakdown of a group (class or attribute value) of fewer than ``MIN_STUDENTS`` students;
- no cell of fewer than ``MIN_INCIDENTS`` incidents;
- small rows are merged into 'overig' (or, for strikes, into the next lower strike as 'k+'); what is
  still too small after merging is left out, and every merge or omission is said in a note;
- time only as ISO weeks ('2025-W37'), never dates;
- student rows only when asked, under random pseudonyms made anew for every export;
- never names, external ids or notes: free text the teacher writes for the team is checked for the
  roster's names and ids (``check_free_text``), and the finished summary is checked again.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from app import identity
from app.errors import UserError
from app.i18n import t

MIN_STUDENTS = 5  #: smallest group that may be broken down
MIN_INCIDENTS = 5  #: smallest count a shared cell may hold
OTHER = "overig"  #: the row small groups are merged into
MAX_CASES = 3
MAX_POINTS = 6
MAX_TEXT = 400  #: characters of one case description or discussion point
_PARTICLES = frozenset({"van", "der", "den", "ter", "ten", "het", "de", "la", "le", "du", "el", "al", "bin"})
_PSEUDO_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"

Value = str | int | float


@dataclass(frozen=True)
class SharedTable:
    """An aggregate table that passed the privacy rules: what the team may see."""

    key: str  #: machine name, e.g. 'adherence'
    title: str  #: Dutch title for the handout
    columns: tuple[str, ...]  #: machine column names (CSV header)
    headers: tuple[str, ...]  #: column headers for people
    rows: tuple[tuple[Value, ...], ...]
    notes: tuple[str, ...] = ()  #: what was merged or left out, in plain words

    def column(self, name: str) -> list[Value]:
        """The values of one column."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]


@dataclass(frozen=True)
class CaseCard:
    """One anonymised situation for the meeting: rule, strike, what was done and what was agreed."""

    rule: str
    category: str
    strike: int
    given: str  #: the step given (its name)
    agreed: str  #: the step the agreement said
    outcome: str  #: 'stricter' | 'agreed' | 'milder'
    description: str  #: the teacher's own words for the team


@dataclass(frozen=True)
class CaseChoice:
    """A case the teacher picked in the log, with the words they want to share."""

    incident_id: int
    description: str


@dataclass(frozen=True)
class ExportOptions:
    """What the teacher chose on the Team page or the command line."""

    date_from: date | None = None
    date_to: date | None = None
    students: bool = False  #: include student rows under pseudonyms
    cases: tuple[CaseChoice, ...] = ()
    points: tuple[str, ...] = ()  #: points for discussion, in the teacher's words


@dataclass(frozen=True)
class TeamSummary:
    """Everything that leaves the computer, in one object (the preview shows exactly this)."""

    week_from: str
    week_to: str
    n_weeks: int
    n_incidents: int
    n_lessons: int
    n_praise: int
    n_students: int
    ladder: tuple[tuple[int, str, str], ...]  #: (level, name, kind)
    tables: tuple[SharedTable, ...]
    cases: tuple[CaseCard, ...] = ()
    points: tuple[str, ...] = ()
    fdr: float = 0.05
    notes: tuple[str, ...] = field(default_factory=tuple)  #: general notes (not about one table)

    def table(self, key: str) -> SharedTable | None:
        """The table with this key, if it is shared."""
        return next((tb for tb in self.tables if tb.key == key), None)

    @property
    def suppressions(self) -> tuple[str, ...]:
        """Every merge and omission made, table by table."""
        out = list(self.notes)
        for tb in self.tables:
            out.extend(f"{tb.title}: {n}" for n in tb.notes)
        return tuple(out)


# -- time -------------------------------------------------------------------------------------
def week_label(day: date) -> str:
    """The ISO week of a day, e.g. '2025-W37' (the finest time that leaves the computer)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_span(days: Iterable[date]) -> tuple[str, str, int]:
    """First week, last week and the number of distinct weeks among ``days``."""
    weeks = sorted({day.isocalendar()[:2] for day in days})
    if not weeks:
        return "", "", 0
    first, last = weeks[0], weeks[-1]
    return f"{first[0]}-W{first[1]:02d}", f"{last[0]}-W{last[1]:02d}", len(weeks)


# -- suppression ------------------------------------------------------------------------------
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
        t("minder dan {i} incidenten", "fewer than {i} incidents", i=MIN_INCIDENTS)
        if students is None or not per_row_students
        else t(
            "minder dan {s} leerlingen of {i} incidenten",
            "fewer than {s} students or {i} incidents",
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
                "Not broken down: {k} {what} with {limit}, and merged nothing would be left to show.",
                k=first_small,
                what=what,
                limit=limit,
            )
        ]
    note = t(
        "{k} {what} met {limit} samengevoegd tot '{o}'.",
        "{k} {what} with {limit} merged into '{o}'.",
        k=first_small,
        what=what,
        limit=limit,
        o=OTHER,
    )
    if extra:
        note += " " + t(
            "Ook {e} grotere erbij, zodat '{o}' groot genoeg is en niemand terug te rekenen valt.",
            "{e} larger ones joined too, so '{o}' is large enough and nobody can be worked out.",
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
    from app.analysis.team_words import word

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


# -- pseudonyms -------------------------------------------------------------------------------
def pseudonyms(ids: Iterable[str], rng: random.Random | None = None) -> dict[str, str]:
    """Random pseudonyms ('Leerling KTRM') for these ids, new on every call unless ``rng`` is given."""
    gen = rng or random.SystemRandom()
    unique = sorted(set(ids))
    codes: set[str] = set()
    while len(codes) < len(unique):
        codes.add("".join(gen.choice(_PSEUDO_LETTERS) for _ in range(4)))
    shuffled = list(codes)
    gen.shuffle(shuffled)
    return {sid: f"Leerling {code}" for sid, code in zip(unique, shuffled, strict=True)}


# -- free text and the final check ---------------------------------------------------------
@dataclass(frozen=True)
class Identifiers:
    """What must never leave: the roster's names (and their parts), external ids and notes."""

    names: tuple[str, ...]
    ids: tuple[str, ...]
    notes: tuple[str, ...]
    labels: tuple[str, ...] = ()  #: the teacher's own names for rules, steps, classes and attributes

    @classmethod
    def from_tables(cls, tables: Mapping[str, Any]) -> Identifiers:
        """Collect names, ids and notes from ``Store.read_tables()``."""
        names = [str(n) for n in tables["students"]["name"].dropna()]
        ids = [str(i) for i in tables["students"]["student_id"].dropna()]
        notes = [str(n) for n in tables["incidents"]["note"].dropna() if str(n).strip()]
        labels = [*tables["rules"]["rule"], *tables["ladder"]["name"], *tables["students"]["group"]]
        labels += [*tables["attributes"]["attribute"], *tables["attributes"]["value"]]
        clean = sorted({str(x).strip() for x in labels if str(x).strip()})
        return cls(tuple(names), tuple(ids), tuple(notes), tuple(clean))

    @cached_property
    def _name_patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """(full names, also without spaces ('anoukvisser'); and their parts of 3+ letters but 'van').

        Folded (``identity.fold``: no accents, casefolded), as the text is: 'ozturk' finds 'Öztürk'."""
        full: set[str] = set()
        parts: set[str] = set()
        for name in self.names:
            words = [w for w in re.split(r"[\s,.;]+", identity.fold(name)) if w]
            full.update((" ".join(words), "".join(words), "".join(words[:1] + words[-1:])))
            parts.update(w for w in words if len(w) >= 3 and w not in _PARTICLES)
        return _alternation(full, r"\w"), _alternation(parts | full, r"\w")

    @cached_property
    def _id_patterns(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """(every id of 3+ characters, only ids that cannot be a count by chance: letters or 6+ long)."""
        ids = {identity.fold(s).strip() for s in self.ids if len(s.strip()) >= 3}
        safe = {s for s in ids if len(s) >= 6 or not s.isdigit()}
        return _alternation(ids, r"[\w-]"), _alternation(safe, r"[\w-]")

    def found_in(self, text: str, *, every_id: bool = False, parts: bool = True) -> list[str]:
        """The names, ids and quoted notes in ``text`` (empty when clean).

        ``every_id`` also finds short numeric ids, and ``parts`` single first or last names: right for
        the teacher's own words, too strict for the app's own sentences and tables of counts (a count
        of 1234 is not student 1234, and 'groep' in a heading is not the student Anna Groep).
        """
        hits: list[str] = []
        all_ids, safe_ids = self._id_patterns
        full, with_parts = self._name_patterns
        low = " ".join(identity.fold(text).split())  # the hits are shown folded ('ozturk')
        for pattern in (with_parts if parts else full, all_ids if every_id else safe_ids):
            if pattern is not None:
                hits += [m.group(0) for m in pattern.finditer(low)]
        notes = (" ".join(identity.fold(n).split()) for n in self.notes if len(n.strip()) >= 12)
        hits += [t("een notitie", "a note") for n in notes if n in low]
        return hits


def _alternation(words: Iterable[str], boundary: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of the words as a whole word (longest first)."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    if not ordered:
        return None
    body = "|".join(re.escape(w) for w in ordered)
    return re.compile(rf"(?<!{boundary})(?:{body})(?!{boundary})", re.IGNORECASE)


_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maart|march|mrt|mar|apr(?:il)?|mei|may|jun[ie]?|jul[iy]?|"
    r"aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: an exact date in free text: 2025-10-06, 6-10-2025, 6/10/25, 6.10.2025, '6 oktober' (not '9-10' or '3/4')
EXACT_DATE = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}\s*(?:" + _MONTHS + r")\.?)(?![\w])",
    re.IGNORECASE,
)


def check_free_text(text: str, ids: Identifiers, *, what: str) -> str:
    """The teacher's text for the team, trimmed; UserError when too long, naming a student or dated."""
    clean = " ".join(text.split())
    if len(clean) > MAX_TEXT:
        raise UserError(
            t(
                "{what} is te lang ({n} tekens, hoogstens {m}).",
                "{what} is too long ({n} characters, at most {m}).",
                what=what,
                n=len(clean),
                m=MAX_TEXT,
            )
        )
    hits = ids.found_in(clean, every_id=True)
    if hits:
        raise UserError(
            t(
                "{what} noemt een leerling ({hits}). Haal namen en leerlingnummers weg: ze verlaten de "
                "computer nooit.",
                "{what} names a student ({hits}). Remove names and student ids: they never leave the "
                "computer.",
                what=what,
                hits=", ".join(sorted(set(hits))),
            )
        )
    dated = EXACT_DATE.search(clean)
    if dated:
        raise UserError(
            t(
                "{what} noemt een datum ({d}). Zeg hoogstens welke week: exacte datums verlaten de computer "
                "niet.",
                "{what} mentions a date ({d}). Say at most which week: exact dates never leave the computer.",
                what=what,
                d=dated.group(0),
            )
        )
    return clean


def summary_texts(summary: TeamSummary) -> list[str]:
    """Every piece of text in a summary (for the final check and the tests)."""
    texts = [summary.week_from, summary.week_to, *summary.points, *summary.notes]
    texts += [" ".join(str(x) for x in step) for step in summary.ladder]
    for tb in summary.tables:
        texts += [tb.title, *tb.headers, *tb.notes]
        texts += [" ".join(str(v) for v in row) for row in tb.rows]
    for card in summary.cases:
        texts += [card.rule, card.given, card.agreed, card.description]
    return texts


def verify(summary: TeamSummary, ids: Identifiers) -> TeamSummary:
    """The summary unchanged if no name, id or note is in it; UserError naming the problem otherwise.

    Every text is searched for full names, ids and notes; the teacher's own labels that appear in it
    (rules, ladder steps, classes, attributes and their values) also for a single first or last name.
    """
    texts = summary_texts(summary)
    joined = "\n".join(texts)
    suspects = [(text, ids.found_in(text, parts=False)) for text in texts]
    suspects += [(label, ids.found_in(label)) for label in ids.labels if label in joined]
    for text, hits in suspects:
        if hits:
            raise UserError(
                t(
                    "De export zou een leerling noemen ({hits}) in '{text}'. Er is niets opgeslagen; pas "
                    "de naam van die afspraak, groep of kenmerk aan.",
                    "The export would name a student ({hits}) in '{text}'. Nothing was saved; rename that "
                    "rule, group or attribute.",
                    hits=", ".join(sorted(set(hits))),
                    text=text[:60],
                )
            )
    return summary


def with_cases(summary: TeamSummary, cases: Sequence[CaseCard], points: Sequence[str]) -> TeamSummary:
    """The summary with the teacher's case cards and discussion points (at most 3 and 6)."""
    if len(cases) > MAX_CASES:
        raise UserError(t("Kies hoogstens drie casussen.", "Choose at most three cases."))
    if len(points) > MAX_POINTS:
        raise UserError(
            t("Hoogstens {m} bespreekpunten.", "At most {m} points for discussion.", m=MAX_POINTS)
        )
    return replace(summary, cases=tuple(cases), points=tuple(points))
