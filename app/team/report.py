"""The team summary of one teacher's log: ``build_summary(tables, report, options) -> TeamSummary``.

The only producer of a ``TeamSummary``: counts from the audit frame (``team_tables``), model-based
patterns from the ``AuditReport`` (only those whose groups pass the privacy thresholds), optional
student rows under fresh pseudonyms, the teacher's case cards and points; then a final check that no
name, id or note slipped through (``anonymise.verify``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from app.analysis.audit.budget import SHARES
from app.analysis.audit.explain import alias_phrases, certainty_words, shown_outcome
from app.core.errors import UserError
from app.core.i18n import t, translate
from app.core.vocabulary import ENERGY_NL
from app.team import anonymise as anon
from app.team import suppression as supp
from app.team import tables as tt
from app.team.anonymise import CaseCard, ExportOptions, SharedTable, TeamSummary
from app.team.follow_up_table import follow_up_table
from app.team.words import word

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.frame import AuditFrame
    from app.analysis.results import AuditReport, Estimate


def _subject_name(e: Estimate) -> str:
    if e.dimension == "weekday":
        return word(tt.WEEKDAYS_NL.get(e.subject, e.subject))
    if e.dimension == "lesson_mood":
        return word(tt.MOODS_NL.get(e.subject, e.subject))
    if e.dimension == "rule_category":
        return word(tt.CATEGORY_NL.get(e.subject, e.subject))
    if e.dimension == "teacher_energy":
        return ENERGY_NL.get(e.subject, e.subject)
    if e.dimension == "period" and e.subject.isdigit():
        return t("{p}e uur", p=e.subject)
    return e.subject


def _dimension_name(e: Estimate) -> str:
    names = {
        "group": "klas",
        "weekday": "dag",
        "period": "lesuur",
        "month": "maand",
        "term": "periode",
        "rule_category": "soort afspraak",
        "teacher_energy": "energie docent",
        "lesson_mood": "sfeer in de les",
    }
    if e.kind == "rule":
        return t("afspraak")
    return word(names.get(e.dimension, e.dimension))


def _aliases(e: Estimate, groups: tt.GroupLabels) -> str:
    """What the log cannot tell apart from a pattern, naming only classes the handout names anyway."""
    shown = groups.labels.get("group", {})
    keep = tuple(
        (d, s)
        for d, s in e.aliases
        if (d != "slot" or shown.get(s.partition("|")[0]) == s.partition("|")[0])
        and (d not in groups.labels or groups.labels.get(d, {}).get(s) == s)
    )
    return "; ".join(alias_phrases(e.dimension, keep))


def _shown_counts(e: Estimate) -> tuple[int, int]:
    """How often the pattern's own outcome happened, for the subject and for the rest (as explained)."""
    stricter = shown_outcome(e.direction, e.counts) == "stricter"
    c = e.counts
    return (c.stricter, c.rest_stricter) if stricter else (c.milder, c.rest_milder)


def _patterns(report: AuditReport | None, groups: tt.GroupLabels) -> SharedTable:
    """The audit's group, moment and rule comparisons whose groups and counts pass the thresholds."""
    # Counts and percentages first (what a team reads); the odds ratio, its interval and p as details.
    cols = [
        ("kind", "Soort"),
        ("dimension", "Indeling"),
        ("subject", "Groep of moment"),
        ("direction", "Richting"),
        ("n", "Incidenten"),
        ("k", "Zo vaak"),
        ("pct", "% zo vaak"),
        ("rest_n", "Incidenten rest"),
        ("rest_k", "Zo vaak rest"),
        ("rest_pct", "% rest"),
        ("how_sure", "Hoe zeker"),
        ("flagged", "Opvallend"),
        ("aliases", "Niet te scheiden van"),
        ("effect", "Odds ratio"),
        ("ci_low", "Interval laag"),
        ("ci_high", "Interval hoog"),
        ("p_adjusted", "p (BH)"),
    ]
    title = t("Patronen uit de audit (groepen, momenten, afspraken)")
    if report is None:
        return supp.share("patterns", title, cols, [], [t("De audit is niet uitgevoerd.")])
    sizes = groups.sizes
    totals: dict[str, int] = {}
    for (dim, _value), size in sizes.items():
        totals[dim] = totals.get(dim, 0) + size
    rows, left_out = [], 0
    for e in report.estimates:
        if e.kind == "student":
            continue
        ok = e.counts.n >= anon.MIN_INCIDENTS and e.counts.rest_n >= anon.MIN_INCIDENTS
        if e.kind == "group":
            size = sizes.get((e.dimension, e.subject), 0)
            rest = totals.get(e.dimension, 0) - size
            # Only groups shown under their own name elsewhere too: a group merged into 'overig' in the
            # tables must not appear here, or the left-out group could be worked out from the totals.
            own_name = groups.labels.get(e.dimension, {}).get(e.subject) == e.subject
            ok = ok and own_name and size >= anon.MIN_STUDENTS and rest >= anon.MIN_STUDENTS
        if not ok or not (math.isfinite(e.ci_low) and math.isfinite(e.ci_high)):
            left_out += 1
            continue
        k, rest_k = _shown_counts(e)
        rows.append(
            {
                "kind": {"group": "groep", "context": "moment", "rule": "afspraak"}.get(e.kind, e.kind),
                "dimension": _dimension_name(e),
                "subject": _subject_name(e),
                "direction": word(tt.OUTCOME_NL.get(e.direction, e.direction)),
                "n": e.counts.n,
                "k": k,
                "pct": round(100 * k / e.counts.n, 1) if e.counts.n else "",
                "rest_n": e.counts.rest_n,
                "rest_k": rest_k,
                "rest_pct": round(100 * rest_k / e.counts.rest_n, 1) if e.counts.rest_n else "",
                "how_sure": certainty_words(
                    e.flagged, e.p_adjusted, e.ci_low, e.ci_high, explained=bool(e.explained_by)
                ),
                "flagged": t("ja") if e.flagged else "",
                "aliases": _aliases(e, groups),
                "effect": round(e.effect, 2),
                "ci_low": round(e.ci_low, 2),
                "ci_high": round(e.ci_high, 2),
                "p_adjusted": round(e.p_adjusted, 4),
                "_sort": (not e.flagged, e.p_adjusted),
            }
        )
    rows.sort(key=lambda r: r.pop("_sort"))
    notes = [
        t(
            "Alle toetsen van de audit samen gecorrigeerd (gewogen Benjamini-Hochberg, FDR {q}: "
            "{s} % voor leerlingen, {g} % voor groepen, {d} % voor de weekdag, {p} % voor het lesuur, "
            "{m} % voor de andere momenten en de afspraken).",
            q=f"{report.fdr:g}".replace(".", t(",")),
            s=round(100 * SHARES["student"]),
            g=round(100 * SHARES["group"]),
            d=round(100 * SHARES["weekday"]),
            p=round(100 * SHARES["period"]),
            m=round(100 * SHARES["context"]),
        )
    ]
    if left_out:
        notes.append(
            t(
                "{k} vergelijkingen met kleine groepen of aantallen weggelaten.",
                k=left_out,
            )
        )
    return supp.share("patterns", title, cols, rows, notes)


def _students(inc: pd.DataFrame, frame: AuditFrame, rng: random.Random | None) -> SharedTable:
    """Student rows under fresh pseudonyms; students with fewer than 5 incidents go into 'overig'."""
    rows = tt.count_rows(inc, ["student_id"])
    praise = frame.praise.groupby("student_id").size()
    for r in rows:  # a student row counts as one student; 'overig' must hold 5 of them
        r["praise"] = int(praise.get(r["student_id"], 0))
        r["students"] = 1
    big = [r for r in rows if r["n"] >= anon.MIN_INCIDENTS]
    names = anon.pseudonyms([r["student_id"] for r in big], rng)
    for r in big:
        r["student"] = names[r.pop("student_id")]
    small = [{k: v for k, v in r.items() if k != "student_id"} for r in rows if r["n"] < anon.MIN_INCIDENTS]
    merged, notes = supp.merge_small_groups(
        [dict(r, students=anon.MIN_STUDENTS) for r in big] + small,
        label="student",
        sums=(*tt.COUNTS, "exp_stricter", "exp_milder", "praise"),
        what=t("leerlingen"),
    )
    tt.finish_rows(merged)
    merged.sort(key=lambda r: (r["student"] == anon.OTHER, r["student"]))
    notes.append(
        t(
            "Schuilnamen zijn willekeurig en bij elke export nieuw.",
        )
    )
    cols = [
        ("student", "Leerling"),
        ("n", "Incidenten"),
        ("stricter", "Strenger"),
        ("exp_stricter", "Verwacht strenger"),
        ("milder", "Milder"),
        ("exp_milder", "Verwacht milder"),
        ("praise", "Complimenten"),
    ]
    return supp.share("students", t("Leerlingen (schuilnamen)"), cols, merged, notes)


def _cases(frame: AuditFrame, options: ExportOptions, ids: anon.Identifiers) -> list[CaseCard]:
    if len(options.cases) > anon.MAX_CASES:
        raise UserError(t("Kies hoogstens drie casussen."))
    inc = frame.incidents.set_index("incident_id")
    names = dict(zip(frame.ladder["level"], frame.ladder["name"], strict=True))
    cards = []
    for number, choice in enumerate(options.cases, start=1):
        if choice.incident_id not in inc.index:
            raise UserError(
                t(
                    "Casus {k}: dat incident valt niet in de gekozen periode (of bestaat niet).",
                    k=number,
                )
            )
        row = inc.loc[choice.incident_id]
        text = anon.check_free_text(choice.description, ids, what=t("Casus {k}", k=number))
        cards.append(
            CaseCard(
                rule=str(row["rule"]),
                category=word(tt.CATEGORY_NL.get(str(row["category"]), "")),
                strike=int(row["strike"]),
                given=str(names.get(int(row["step"]), row["step"])),
                agreed=str(names.get(int(row["agreed_step"]), row["agreed_step"])),
                outcome=str(row["outcome"]),
                description=text,
            )
        )
    return cards


def build_summary(
    tables: Mapping[str, pd.DataFrame],
    report: AuditReport | None,
    options: ExportOptions,
    *,
    rng: random.Random | None = None,
) -> TeamSummary:
    """Everything that may leave the computer for this period and these choices (see ``anonymise``)."""
    from app.analysis.frame import build_frame

    nothing = UserError(
        t(
            "Er zijn geen incidenten in deze periode: er valt niets te delen.",
        )
    )
    if tables["incidents"].empty:  # e.g. only praise: nothing to share (and nothing to build a frame of)
        raise nothing
    frame = build_frame(tables, date_from=options.date_from, date_to=options.date_to)
    ids = anon.Identifiers.from_tables(tables)
    points = tuple(
        anon.check_free_text(p, ids, what=t("Bespreekpunt {k}", k=i))
        for i, p in enumerate(options.points, start=1)
        if p.strip()
    )
    if frame.empty:
        raise nothing
    inc = tt.with_expected(frame.incidents)
    groups = tt.group_labels(frame)
    tables_out = [
        tt.rules_table(inc, frame),
        tt.adherence_table(inc, frame),
        tt.escalation_table(inc, groups),
        tt.groups_table(inc, frame, groups),
        tt.moments_table(inc),
        tt.praise_table(frame, inc, groups),
        tt.weekly_table(inc),
        _patterns(report, groups),
        follow_up_table(frame, groups),
    ]
    if options.sections is not None:  # the teacher left some sections out: they do not leave at all
        tables_out = [tb for tb in tables_out if tb.key in options.sections]
    if options.students:
        tables_out.append(_students(inc, frame, rng))
    days = [d.date() for d in frame.lessons["date"]] or [d.date() for d in inc["date"]]
    week_from, week_to, n_weeks = anon.week_span(days)
    ladder = tuple((int(r.level), str(r.name), str(r.kind)) for r in frame.ladder.itertuples())
    summary = TeamSummary(
        week_from=week_from,
        week_to=week_to,
        n_weeks=n_weeks,
        n_incidents=len(inc),
        n_lessons=len(frame.lessons),
        n_praise=len(frame.praise),
        n_students=len(set(inc["student_id"]) | set(frame.praise["student_id"])),
        ladder=ladder,
        tables=tuple(tables_out),
        fdr=report.fdr if report is not None else 0.05,
        notes=(
            t(
                "Geen namen, leerlingnummers, notities of datums: tijd hoogstens per week.",
            ),
            t(
                "Geen groep van minder dan {s} leerlingen en geen cel van minder dan {i} incidenten.",
                s=anon.MIN_STUDENTS,
                i=anon.MIN_INCIDENTS,
            ),
        ),
    )
    if options.sections is not None and (left := [k for k in anon.SECTIONS if k not in options.sections]):
        names = ", ".join(translate(anon.SECTIONS[k]) for k in left)
        summary = replace(summary, notes=(*summary.notes, t("Op eigen keuze niet gedeeld: {s}.", s=names)))
    summary = anon.with_cases(summary, _cases(frame, options, ids), points)
    summary = replace(summary, plans=anon.checked_plans(options.plans, ids))
    return anon.verify(replace(summary), ids)
