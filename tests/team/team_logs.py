"""Generated teacher logs for the team-export tests: distinctive names, ids and notes to search for."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from app.store.store import Store

FIRST = (
    "Xandriel",
    "Quirijntje",
    "Zoevelien",
    "Bartholdus",
    "Ymkelina",
    "Wubbolda",
    "Fenneklaas",
    "Jorrithea",
)
LAST = ("Brakkeveld", "Zwanenhoeve", "Quaestenberg", "Wybrandsma", "Oosterkwast", "Heemstraat")


def fill_log(
    store: Store, *, seed: int = 1, weeks: int = 12, small_class: bool = True
) -> dict[str, list[str]]:
    """Two classes of 20 and (optionally) one of 3 students, ~12 weeks of incidents and praise.

    Returns the names, external ids and notes used, for the privacy tests to search for.
    """
    rng = random.Random(seed)
    classes = [("2A", 20), ("2B", 20)] + ([("3C", 3)] if small_class else [])
    store.define_attribute("ondersteuning")
    students = []
    names, ids = [], []
    for cls, size in classes:
        for i in range(size):
            name = f"{rng.choice(FIRST)}{i} {rng.choice(LAST)}"
            ext = f"LLN-{seed}{len(ids):04d}X"
            support = "ja" if (cls == "2A" and i < 3) else "nee"
            s = store.add_student(ext, name, cls, {"ondersteuning": support})
            students.append(s)
            names.append(name)
            ids.append(ext)
    rules = store.rules()
    class_ids = {c.name: c.id for c in store.classes()}
    notes = []
    start = date(2025, 9, 1)
    for week in range(weeks):
        for cls, _size in classes:
            for day in (0, 2):
                on = start + timedelta(weeks=week, days=day)
                lesson = store.lesson_for(class_ids[cls], on, period=2 + day, start_time=time(9 + day, 0))
                pool = [s for s in students if s.class_name == cls]
                for k in range(rng.randint(1, 4)):
                    s = rng.choice(pool)
                    rule = rng.choice(rules)
                    _strike, agreed = store.agreed_step_for(lesson.id, s.id, rule.id)
                    step = max(1, min(5, agreed + rng.choice((-1, 0, 0, 0, 1))))
                    note = f"GEHEIMENOTITIE{seed}x{len(notes)} over {s.name}" if rng.random() < 0.3 else ""
                    if note:
                        notes.append(note)
                    at = datetime.combine(on, time(9 + day, 5 + k))
                    store.log_incident(s.id, rule.id, step, lesson_id=lesson.id, occurred_at=at, note=note)
                if rng.random() < 0.7:
                    store.log_praise(
                        rng.choice(pool).id,
                        lesson_id=lesson.id,
                        occurred_at=datetime.combine(on, time(9 + day, 30)),
                        note="goed werk",
                    )
    return {"names": names, "ids": ids, "notes": notes}
