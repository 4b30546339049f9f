"""The store and the audit's frame agree on every incident's strike and agreed step, for any log.

Both take the agreed step from ``app.core.protocol`` (one function); the strike is counted by the
store in SQL (one incident at a time, for the Log page) and by the frame in pandas (all at once, for
the audit). Hypothesis writes random logs — several lessons a day, equal times, explicit steps,
deletes, edits that move an incident in time or to another student, phase-down plans, a ladder or a
start step changed from a date — and checks
that the two never differ.
"""

from __future__ import annotations

import tempfile
from contextlib import suppress
from datetime import date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.analysis.frame import build_frame
from app.core.errors import UserError
from app.store.store import Store

DAYS = [date(2026, 9, 14) + timedelta(days=i) for i in range(4)]

log_op = st.tuples(
    st.just("log"),
    st.integers(0, 2),  # student
    st.integers(0, 2),  # rule
    st.integers(0, 3),  # day
    st.sampled_from([None, 1, 2]),  # period
    st.integers(0, 5),  # minute offset (equal times happen)
    st.sampled_from([None, 1, 2, 3]),  # explicit step, else the agreed one
)
delete_op = st.tuples(st.just("delete"), st.integers(0, 40))
move_op = st.tuples(st.just("move"), st.integers(0, 40), st.integers(0, 5), st.integers(0, 2))
phase_op = st.tuples(st.just("phase"), st.integers(0, 2), st.integers(0, 3), st.integers(1, 3))
#: a dated agreement: the ladder gets 2-6 steps, or a rule a new start step, from a day on
ladder_op = st.tuples(st.just("ladder"), st.integers(0, 3), st.integers(2, 6))
start_op = st.tuples(st.just("start"), st.integers(0, 2), st.integers(0, 3), st.integers(1, 4))
ops = st.lists(
    st.one_of(log_op, log_op, log_op, delete_op, move_op, phase_op, ladder_op, start_op),
    min_size=1,
    max_size=30,
)


def _run(store: Store, script: list[tuple]) -> None:  # type: ignore[type-arg]
    students = [store.add_student(str(100 + i), f"Leerling {i}", "2B").id for i in range(3)]
    class_id = store.classes()[0].id
    rules = [r.id for r in store.rules()[:3]]
    top = max(step.level for step in store.ladder())
    logged: list[int] = []
    for op in script:
        if op[0] == "log":
            _, who, rule, day, period, minute, step = op
            lesson = store.lesson_for(class_id, DAYS[day], period=period)
            when = datetime.combine(DAYS[day], time(9, 0)) + timedelta(minutes=minute)
            chosen = None if step is None else min(step, top)
            logged.append(
                store.log_incident(
                    students[who], rules[rule], chosen, lesson_id=lesson.id, occurred_at=when
                ).id
            )
        elif op[0] == "delete" and logged:
            store.delete_incident(logged[op[1] % len(logged)])
        elif op[0] == "move" and logged:
            incident = store.incident(logged[op[1] % len(logged)])
            if incident is not None:
                store.update_incident(
                    incident.id,
                    occurred_at=incident.occurred_at + timedelta(minutes=op[2]),
                    student_id=students[op[3]],
                )
        elif op[0] == "phase":
            _, rule, day, start = op
            store.set_phase_down(rules[rule], [(DAYS[day], min(start, top))])
        elif op[0] == "ladder":
            _, day, length = op
            steps = [(f"stap {i}", "warning" if i < 3 else "consequence") for i in range(1, length + 1)]
            with suppress(UserError):  # refused when incidents use a step that would go: that is fine
                store.set_ladder(steps, from_date=DAYS[day])
            top = len(store.ladder())
        elif op[0] == "start":
            _, rule, day, start = op
            store.update_rule(rules[rule], start_step=min(start, top), from_date=DAYS[day])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=ops)
def test_store_and_frame_agree_on_strike_and_agreed_step(script: list[tuple]) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "log.db")
        store.auto_backup = False
        try:
            _run(store, script)
            from_store = {i.id: (i.strike, i.agreed_step) for i in store.incidents()}
            frame = build_frame(store.read_tables()).incidents
        finally:
            store.close()
    from_frame = {
        int(r.incident_id): (int(r.strike), int(r.agreed_step)) for r in frame.itertuples(index=False)
    }
    assert from_frame == from_store
