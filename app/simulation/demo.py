"""A synthetic school year for new users: four classes, ~100 students, ~1,500 incidents, some praise.

The teacher in it follows the protocol with a fair teacher's everyday noise, except for a few planted
patterns of uneven strictness that the audit should find (listed in ``DemoSummary.planted``):
one student answered clearly milder, one clearly stricter, students with a support plan stricter,
and Friday's last periods milder (every class has its Friday lesson then).
Deterministic for a seed; written in one transaction.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select

from app.core.errors import UserError
from app.core.i18n import t
from app.core.protocol import agreed_step, effective_start
from app.schema.entities import ClassGroup, Incident, Lesson, PhaseDown, Praise, Reflection, Rule, Student
from app.simulation.demo_follow_up import LESS_INFORMED_CLASS, add_follow_ups
from app.store.roster import set_student_attributes
from app.store.rulebook import top_level

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.store.store import Store


def _words(text: str, sep: str = " ") -> tuple[str, ...]:
    """The words of a long literal (keeps the name lists compact)."""
    return tuple(text.split(sep))


BOYS = _words(
    "Daan Sem Noah Lucas Levi Finn Bram Jesse Thijs Luuk Milan Gijs Ruben Sven Teun Mees Siem Jayden "
    "Arthur Louis Lander Wout Jens Mathis Warre Senne Mohammed Yassin Ayoub Rayan Amir Bilal Emre Kerem "
    "Berkay Yusuf Kwame Yonas Dewi Rohan Kacper Mateo Luca Stijn Hamza Tobias"
)
GIRLS = _words(
    "Emma Julia Mila Tess Sophie Zoë Fenna Lotte Sara Nora Evi Lieke Anouk Isa Noor Saar Kato Lore Fien "
    "Nore Elise Ine Fatima Aya Salma Hiba Imane Elif Zeynep Ecem Priya Shanti Abena Tigist Mei Linh Anh "
    "Oksana Zuzanna Amira Yasmina Naomi Romy Esmée Floor Jasmijn"
)
SURNAMES = _words(
    "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|"
    "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|van der Meer|Kok|Peeters|Maes|Jacobs|"
    "Mertens|Willems|Claes|Goossens|Wouters|De Smet|Vermeulen|El Amrani|Bouzid|Benali|El Idrissi|"
    "Yılmaz|Kaya|Demir|Öztürk|Şahin|Ramdin|Sewnath|Mensah|Owusu|Tesfaye|Nguyen|Tran|Kowalski|Nowak|"
    "Santos|Martina|Pinas|Haddou|Çelik|van Beek",
    "|",
)
#: each class's weekly lessons with this teacher: (weekday 0=Monday, period)
TIMETABLE: dict[str, tuple[tuple[int, int], ...]] = {
    "2A": ((0, 2), (1, 5), (3, 3), (4, 7)),
    "2B": ((0, 4), (2, 1), (3, 6), (4, 5)),
    "3C": ((1, 2), (2, 3), (3, 8), (4, 8)),
    "3D": ((0, 6), (1, 7), (2, 4), (4, 6)),
}
PERIOD_STARTS = (
    time(8, 30), time(9, 20), time(10, 10), time(11, 20),
    time(12, 10), time(13, 30), time(14, 20), time(15, 10),
)  # fmt: skip
#: how often each default rule is broken (by position), relative
RULE_WEIGHTS = (5.0, 6.0, 4.0, 5.0, 2.0, 3.0, 0.6)
#: log-odds shifts towards 'stricter' (negative: milder) of the planted patterns
EFFECT_MILD_STUDENT = -3.5
EFFECT_STRICT_STUDENT = 2.8
EFFECT_SUPPORT_PLAN = 1.5
EFFECT_FRIDAY_LATE = -2.2
#: from this period on, a Friday lesson is 'late' (every class has its Friday lesson then)
LATE_PERIOD = 5
BASE_STRICTER, BASE_MILDER = 0.06, 0.08
TARGET_INCIDENTS = 1500
#: students per class with a support plan (ondersteuningsplan)
PLAN_PER_CLASS = 5
NOTES = (
    "bleef praten tijdens de instructie", "telefoon op tafel", "te laat zonder briefje", "boek vergeten",
    "riep door de klas", "na twee keer vragen nog niet aan het werk", "grapje over een klasgenoot",
    "gooide met een gum",
)  # fmt: skip
LESSON_NOTES = ("onrustig na de gymles", "toets teruggegeven", "invaller het uur ervoor", "mooi gewerkt")


@dataclass(frozen=True)
class DemoSummary:
    """What the demo put in the store, and the patterns planted in it."""

    classes: int
    students: int
    lessons: int
    incidents: int
    praise: int
    reflections: int
    first_day: date
    last_day: date
    planted: tuple[str, ...]

    def describe(self) -> str:
        """A few lines for the user."""
        head = t(
            "Demo-schooljaar aangemaakt: {c} klassen, {s} leerlingen, {l} lessen, {i} incidenten, "
            "{p} complimenten, {r} reflecties ({a} tot en met {b}).",
            c=self.classes,
            s=self.students,
            l=self.lessons,
            i=self.incidents,
            p=self.praise,
            r=self.reflections,
            a=self.first_day.isoformat(),
            b=self.last_day.isoformat(),
        )
        lines = [
            head,
            t("Ingebouwde patronen om te laten vinden:"),
        ]
        return "\n".join([*lines, *(f"- {p}" for p in self.planted)])


def school_year(today: date) -> tuple[date, date]:
    """First and last day of demo data: 1 September of the school year (the previous one when the
    current one is under eight weeks old) up to yesterday."""
    year = today.year if today.month >= 9 else today.year - 1
    start = date(year, 9, 1)
    if (today - start).days < 56:
        start = date(year - 1, 9, 1)
    return start, today - timedelta(days=1)


def is_holiday(day: date) -> bool:
    """Roughly the Dutch school holidays: autumn, Christmas, spring, May and summer."""
    week = day.isocalendar().week
    return week in (43, 52, 1, 8, 18) or (day.month == 7 and day.day >= 12) or day.month == 8


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _shift(base: float, eta: float) -> float:
    odds = base / (1 - base) * math.exp(eta)
    return odds / (1 + odds)


def _make_roster(session: Session, rng: random.Random) -> list[dict]:
    """Classes and students with attributes; returns per student the generator's facts."""
    students = []
    used: set[str] = set()
    number = 24100 + rng.randrange(500)
    for class_name in TIMETABLE:
        group = ClassGroup(name=class_name)
        session.add(group)
        with_plan = set(rng.sample(range(25), PLAN_PER_CLASS))
        for seat in range(25):
            girl = rng.random() < 0.5
            while True:
                name = f"{rng.choice(GIRLS if girl else BOYS)} {rng.choice(SURNAMES)}"
                if name not in used:
                    used.add(name)
                    break
            number += rng.randrange(1, 9)
            student = Student(external_id=str(number), display_name=name, class_group=group)
            session.add(student)
            plan = seat in with_plan
            students.append(
                {
                    "orm": student,
                    "class": class_name,
                    "plan": plan,
                    "notice": rng.lognormvariate(0, 0.55) * (0.7 if girl else 1.0) * (1.3 if plan else 1.0),
                    "praise": rng.lognormvariate(0, 0.5),
                    "noise": rng.gauss(0, 0.15),
                    "attrs": {
                        "geslacht": "meisje" if girl else "jongen",
                        "ondersteuningsplan": "ja" if plan else "nee",
                    },
                }
            )
    session.flush()
    for s in students:
        set_student_attributes(session, s["orm"], s["attrs"])
        s["id"] = s["orm"].id
    return students


def fill_demo(store: Store, *, seed: int = 2026, today: date | None = None) -> DemoSummary:
    """Fill an empty store with the synthetic school year; refuses a store that already has students."""
    rng = random.Random(seed)
    first, last = school_year(today or date.today())
    with store.transaction() as session:
        if session.scalar(select(func.count()).select_from(Student)):
            raise UserError(
                t(
                    "Dit logboek heeft al leerlingen; de demo vult alleen een leeg logboek. "
                    "Gebruik een ander bestand met --db.",
                )
            )
        top = top_level(session)
        rules = list(session.scalars(select(Rule).where(Rule.active.is_(True)).order_by(Rule.position)))
        if not rules:
            raise UserError(t("Er zijn geen afspraken om mee te werken."))
        students = _make_roster(session, rng)
        by_class: dict[str, list[dict]] = {}
        for s in students:
            by_class.setdefault(s["class"], []).append(s)
        mild = max(by_class["2B"], key=lambda s: s["notice"] * (not s["plan"]))
        strict = max(by_class["3C"], key=lambda s: s["notice"] * (not s["plan"]))
        mild["notice"], strict["notice"] = 3.2, 2.6
        mild["noise"], strict["noise"] = EFFECT_MILD_STUDENT, EFFECT_STRICT_STUDENT

        phased = next((r for r in rules if r.start_step >= 2 and r.category == "respect"), None)
        phase_day = first + (last - first) * 45 // 100
        if phased is not None:
            session.add(
                PhaseDown(rule_id=phased.id, effective_from=phase_day, start_step=phased.start_step - 1)
            )
        plans = {r.id: [(phase_day, r.start_step - 1)] if r is phased else [] for r in rules}

        days = [first + timedelta(d) for d in range((last - first).days + 1)]
        slots = [
            (day, name, period)
            for day in days
            if day.weekday() < 5 and not is_holiday(day)
            for name, lessons in TIMETABLE.items()
            for weekday, period in lessons
            if weekday == day.weekday() and rng.random() > 0.05
        ]
        if not slots:
            raise UserError(t("Er zijn geen schooldagen om te vullen."))
        class_ids = {s["class"]: s["orm"].class_id for s in students}
        moods = rng.choices(("calm", "restless", "tense"), (0.55, 0.35, 0.10), k=len(slots))
        mood_rate = {"calm": 0.7, "restless": 1.4, "tense": 1.7}
        lam = TARGET_INCIDENTS / sum(mood_rate[m] for m in moods)
        weights = [RULE_WEIGHTS[i] if i < len(RULE_WEIGHTS) else 1.0 for i in range(len(rules))]
        # the milder-treated student often uses rude language (a rule that starts at step 2)
        rude = [
            w * (4.0 if r.category == "respect" and r.start_step >= 2 else 1.0)
            for r, w in zip(rules, weights, strict=True)
        ]
        incidents: list[dict] = []
        praises: list[dict] = []
        lesson_objs = []
        for (day, class_name, period), mood in zip(slots, moods, strict=True):
            lesson = Lesson(
                class_id=class_ids[class_name],
                date=day,
                period=period,
                start_time=PERIOD_STARTS[period - 1],
                end_time=(datetime.combine(day, PERIOD_STARTS[period - 1]) + timedelta(minutes=50)).time(),
                source="timetable",  # the demo teacher's weekly timetable: calm lessons count too
                mood=mood,
                energy=rng.choices(("low", "ok", "high"), (0.2, 0.6, 0.2))[0],
                note=rng.choice(LESSON_NOTES) if rng.random() < 0.06 else "",
            )
            session.add(lesson)
            lesson_objs.append(lesson)
            start = datetime.combine(day, PERIOD_STARTS[period - 1])
            friday_late = day.weekday() == 4 and period >= LATE_PERIOD
            pupils = by_class[class_name]
            n = _poisson(rng, lam * mood_rate[mood])
            picks = rng.choices(pupils, [s["notice"] for s in pupils], k=n)
            minutes = sorted(rng.uniform(2, 48) for _ in range(n))
            strikes: dict[int, int] = {}
            for pupil, minute in zip(picks, minutes, strict=True):
                rule = rng.choices(rules, rude if pupil is mild else weights)[0]
                strikes[pupil["id"]] = strike = strikes.get(pupil["id"], 0) + 1
                agreed = int(agreed_step(effective_start(rule.start_step, plans[rule.id], day), strike, top))
                eta = pupil["noise"] + (EFFECT_SUPPORT_PLAN if pupil["plan"] else 0.0)
                eta += EFFECT_FRIDAY_LATE if friday_late else 0.0
                u = rng.random()
                p_strict, p_mild = _shift(BASE_STRICTER, eta), _shift(BASE_MILDER, -eta)
                step = agreed + (2 if rng.random() < 0.15 else 1) if u < p_strict else agreed
                if p_strict <= u < p_strict + p_mild:
                    step = agreed - 1
                when = start + timedelta(minutes=minute)
                incidents.append(
                    {
                        "lesson": lesson,
                        "student_id": pupil["id"],
                        "rule_id": rule.id,
                        "step": min(max(step, 1), top),
                        "occurred_at": when.replace(microsecond=0),
                        "note": rng.choice(NOTES) if rng.random() < 0.1 else "",
                        "created_at": (when + timedelta(seconds=rng.randrange(3, 40))).replace(microsecond=0),
                    }
                )
            for pupil in rng.choices(pupils, [s["praise"] for s in pupils], k=_poisson(rng, 1.8)):
                when = (start + timedelta(minutes=rng.uniform(5, 48))).replace(microsecond=0)
                praises.append(
                    {"lesson": lesson, "student_id": pupil["id"], "occurred_at": when, "created_at": when}
                )
        session.flush()
        for rows in (incidents, praises):
            for row in rows:
                row["lesson_id"] = row.pop("lesson").id
        session.execute(insert(Incident.__table__), incidents)
        session.execute(insert(Praise.__table__), [{**p, "note": ""} for p in praises])
        add_follow_ups(session, rng, min(last, today or date.today()))
        reflections = _reflections(session, rng, first, last)
        planted = (
            t(
                "{name} ({id}, 2B) krijgt duidelijk mildere reacties dan afgesproken.",
                name=mild["orm"].display_name,
                id=mild["orm"].external_id,
            ),
            t(
                "{name} ({id}, 3C) krijgt duidelijk strengere reacties dan afgesproken.",
                name=strict["orm"].display_name,
                id=strict["orm"].external_id,
            ),
            t(
                "Leerlingen met ondersteuningsplan = ja worden strenger aangepakt.",
            ),
            t(
                "Op vrijdagmiddag (de laatste uren, 5e tot 8e) reageert de docent milder.",
            ),
            t(
                "Na een consequentie worden de ouders in {c} minder vaak ingelicht.",
                c=LESS_INFORMED_CLASS,
            ),
        )
    return DemoSummary(
        classes=len(TIMETABLE),
        students=len(students),
        lessons=len(lesson_objs),
        incidents=len(incidents),
        praise=len(praises),
        reflections=reflections,
        first_day=first,
        last_day=last,
        planted=planted,
    )


def _reflections(session: Session, rng: random.Random, first: date, last: date) -> int:
    """A few weekly reflections in the teacher's own voice."""
    texts = (
        (
            "Rustige week. Bij 2B merk ik dat ik sommige leerlingen sneller een tweede kans geef.",
            {
                "keep": "Eerst benoemen wat ik zie, dan pas de stap.",
                "change": "Bij 2B letten op gelijke stappen.",
            },
        ),
        (
            "Vrijdagmiddag was ik moe en liet ik meer gaan dan ik wilde.",
            {"pattern": "Vrijdag laat ben ik milder.", "change": "Vrijdag het 8e uur korter instrueren."},
        ),
        (
            "Goed gesprek met de mentor van 3C gehad over de aanpak van één leerling.",
            {
                "same_behaviour": "Ik denk het niet; ik wil het nakijken.",
                "praise": "Meer complimenten in 3D.",
            },
        ),
    )
    mondays = sorted(
        {d - timedelta(days=d.weekday()) for d in (last - timedelta(weeks=w) for w in (1, 3, 6))}
    )
    count = 0
    for monday, (journal, answers) in zip(mondays, texts, strict=False):
        if monday < first:
            continue
        stamp = datetime.combine(monday + timedelta(days=4), time(16, rng.randrange(60)))
        session.add(Reflection(week_start=monday, journal=journal, answers=answers, updated_at=stamp))
        count += 1
    return count
