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

from app.core import identity
from app.core.errors import UserError
from app.core.i18n import N_, t

#: the sections of the team export the teacher can leave out, in handout order, with their names
SECTIONS: dict[str, str] = {
    "rules": N_("Afspraken"),
    "adherence": N_("Volgens afspraak per keer"),
    "patterns": N_("Patronen uit de audit"),
    "groups": N_("Groepen"),
    "moments": N_("Momenten"),
    "escalation": N_("Tot een consequentie"),
    "praise": N_("Complimenten"),
    "weekly": N_("Per week"),
    "followup": N_("Nazorg na een consequentie"),
}

MIN_STUDENTS = 5  #: smallest group that may be broken down
MIN_INCIDENTS = 5  #: smallest count a shared cell may hold
OTHER = "overig"  #: the row small groups are merged into
MAX_CASES = 3
MAX_PLANS = 5  #: prepared choices shared as anonymous cases
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
class PlanCard:
    """A prepared choice shared as an anonymous case: the situation, then the teacher's own response.

    The situation is said without the student (``situation_words.situation_text`` without a name: "een
    leerling"); both texts pass the same checks as the teacher's case texts before they go out.
    """

    situation: str
    response: str


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
    #: the sections that go out (keys of ``SECTIONS``); None: all of them
    sections: frozenset[str] | None = None
    #: prepared choices to share as anonymous cases (situation without the student, response)
    plans: tuple[PlanCard, ...] = ()


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
    plans: tuple[PlanCard, ...] = ()
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
        hits += [t("een notitie") for n in notes if n in low]
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
    for plan in summary.plans:
        texts += [plan.situation, plan.response]
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
                    hits=", ".join(sorted(set(hits))),
                    text=text[:60],
                )
            )
    return summary


def checked_plans(plans: Sequence[PlanCard], ids: Identifiers) -> tuple[PlanCard, ...]:
    """The prepared choices to share, each text checked like a case text (no name, id or date)."""
    if len(plans) > MAX_PLANS:
        raise UserError(t("Kies hoogstens {m} voorbereide keuzes.", m=MAX_PLANS))
    out = []
    for k, plan in enumerate(plans, start=1):
        what = t("Voorbereide keuze {k}", k=k)
        out.append(
            PlanCard(
                check_free_text(plan.situation, ids, what=what),
                check_free_text(plan.response, ids, what=what),
            )
        )
    return tuple(out)


def with_cases(summary: TeamSummary, cases: Sequence[CaseCard], points: Sequence[str]) -> TeamSummary:
    """The summary with the teacher's case cards and discussion points (at most 3 and 6)."""
    if len(cases) > MAX_CASES:
        raise UserError(t("Kies hoogstens drie casussen."))
    if len(points) > MAX_POINTS:
        raise UserError(t("Hoogstens {m} bespreekpunten.", m=MAX_POINTS))
    return replace(summary, cases=tuple(cases), points=tuple(points))
