"""The team summary's tables against hand-computed counts: mix is not strictness, strikes merge as 'k+'."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.store.store import Store
from app.team.anonymise import ExportOptions
from app.team.report import build_summary


def _log(store: Store, cls: str, plan: list[tuple[str, int]]) -> None:
    """One incident per lesson (so every incident is a 1st strike), students of the class in turn."""
    students = [store.add_student(f"{cls}-{i:02d}x", f"Leerling{cls}{i} Testnaam", cls) for i in range(6)]
    rules = {r.name: r for r in store.rules()}
    class_id = next(c.id for c in store.classes() if c.name == cls)
    day = date(2025, 9, 1)
    for k, (rule, step) in enumerate(plan):
        on = day + timedelta(days=k)
        lesson = store.lesson_for(class_id, on, period=1, new=True)
        store.log_incident(
            students[k % 6].id,
            rules[rule].id,
            step,
            lesson_id=lesson.id,
            occurred_at=datetime.combine(on, time(9, 0)),
        )


def test_mix_is_not_strictness_and_counts_match_by_hand(store: Store) -> None:
    # 'Telefoon weg' (agreed step 1 at strike 1) is answered stricter half the time in both classes;
    # 'Aan het werk blijven' always as agreed. 2A meets the first rule more often: crude 25 % stricter
    # against 10 % for 2B, yet at the same rule and strike both classes are treated alike.
    _log(
        store,
        "2A",
        [("Telefoon weg", 2)] * 5 + [("Telefoon weg", 1)] * 5 + [("Aan het werk blijven", 1)] * 10,
    )
    _log(
        store,
        "2B",
        [("Telefoon weg", 2)] * 2 + [("Telefoon weg", 1)] * 2 + [("Aan het werk blijven", 1)] * 16,
    )
    summary = build_summary(store.read_tables(), None, ExportOptions())
    groups = summary.table("groups")
    assert groups is not None
    rows = {r[1]: dict(zip(groups.columns, r, strict=True)) for r in groups.rows if r[0] == "klas"}
    # Hand: the stricter rate for 'Telefoon weg' at strike 1 is 7/14 = 0.5, for the other rule 0.
    assert (rows["2A"]["n"], rows["2A"]["stricter"], rows["2A"]["exp_stricter"]) == (20, 5, 5.0)
    assert (rows["2B"]["n"], rows["2B"]["stricter"], rows["2B"]["exp_stricter"]) == (20, 2, 2.0)
    adherence = summary.table("adherence")
    assert adherence is not None
    phone = [dict(zip(adherence.columns, r, strict=True)) for r in adherence.rows if r[0] == "Telefoon weg"]
    assert [(r["strike_label"], r["n"], r["agreed"], r["stricter"], r["milder"]) for r in phone] == [
        ("1", 14, 7, 7, 0)
    ]
    assert phone[0]["pct_stricter"] == 50.0
    rules = summary.table("rules")
    assert rules is not None
    assert dict(zip(rules.column("rule"), rules.column("n"), strict=True)) == {
        "Aan het werk blijven": 26,
        "Telefoon weg": 14,
    }
    assert summary.week_from == "2025-W36" and summary.n_incidents == 40 and summary.n_lessons == 40


def test_a_tiny_log_still_gives_a_handout_with_everything_suppressed(store: Store) -> None:
    """Three students, a few incidents, no praise: nothing is broken down, the files are still made."""
    from app.team.files import PDF_NAME, export_package

    rules = {r.name: r for r in store.rules()}
    students = [store.add_student(f"k{i}x", f"Kleine{i} Groep", "9Z") for i in range(3)]
    for k in range(4):
        on = datetime(2025, 10, 6 + k, 10, 0)
        store.log_incident(students[k % 3].id, rules["Telefoon weg"].id, None, occurred_at=on, note="geheim")
    package = export_package(build_summary(store.read_tables(), None, ExportOptions(students=True)))
    summary = package.summary
    for key in ("groups", "escalation", "students", "adherence", "rules", "weekly"):
        table = summary.table(key)
        assert table is not None and all(r[0] != "9Z" for r in table.rows), key
    assert summary.table("adherence").rows == ()  # type: ignore[union-attr]
    assert any("weggelaten" in n or "Niet uitgesplitst" in n for n in summary.suppressions)
    assert package.files[PDF_NAME].startswith(b"%PDF")
    import io

    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(package.files[PDF_NAME])).pages)
    assert "(1 week met lessen)" in " ".join(text.split())  # not '1 weken'
    assert "1 klassen" not in text


def test_hour_bands_in_the_moments_table_are_in_time_order() -> None:
    """Without lesson periods the moments are hour bands; '9-10' used to come after '12-13'."""
    import pandas as pd

    from app.team.tables import moments_table

    rows = []
    for band in ("12-13", "9-10", "10-11"):
        for k in range(6):
            rows.append(
                {
                    "incident_id": len(rows),
                    "student_id": str(k),
                    "weekday": "monday",
                    "period": band,
                    "lesson_mood": "unknown",
                    "is_agreed": True,
                    "is_stricter": False,
                    "is_milder": False,
                    "is_cons": False,
                    "exp_stricter": 0.0,
                    "exp_milder": 0.0,
                }
            )
    table = moments_table(pd.DataFrame(rows))
    dims, values = table.column("dimension"), table.column("value")
    assert [v for d, v in zip(dims, values, strict=True) if d == "lesuur"] == ["9-10", "10-11", "12-13"]


def test_an_attribute_with_one_value_is_not_shown_as_a_group(store: Store) -> None:
    """Every student 'NL': that 'group' is simply everyone, a row equal to the total said nothing."""
    _log(store, "2A", [("Telefoon weg", 1)] * 12)
    _log(store, "2B", [("Telefoon weg", 2)] * 12)
    for s in store.students():
        store.update_student(s.id, attributes={"taal": "NL", "geslacht": "v" if s.id % 2 else "m"})
    summary = build_summary(store.read_tables(), None, ExportOptions())
    groups = summary.table("groups")
    assert groups is not None
    assert "taal" not in groups.column("dimension")
    assert "geslacht" in groups.column("dimension")


def test_an_english_handout_does_not_mix_in_dutch_headers_and_words(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an English app the preview and handout said 'Afspraak', 'Incidenten', 'klas', 'dag'."""
    from app.core import i18n

    _log(store, "2A", [("Telefoon weg", 1)] * 12)
    _log(store, "2B", [("Telefoon weg", 2)] * 12)
    monkeypatch.setattr(i18n, "_language", "en")
    summary = build_summary(store.read_tables(), None, ExportOptions())
    rules, groups = summary.table("rules"), summary.table("groups")
    assert rules is not None and groups is not None
    assert rules.headers == ("Rule", "Kind", "Incidents", "% of all")
    assert set(groups.column("dimension")) == {"class"}
    assert rules.column("category") == ["routine"]
    moments = summary.table("moments")
    assert moments is not None
    assert any("moments (day)" in note for note in moments.notes)
