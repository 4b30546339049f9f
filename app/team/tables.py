"""The aggregate tables of the team summary, each passed through ``anonymise`` before it is shared.

Counts come from the audit frame (``app.analysis.frame``). Every breakdown shows, beside what
happened, what the rates at the same rule and strike predict for that group's own mix ('verwacht'),
so a group that breaks a stricter rule more often does not look stricter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.core.i18n import t
from app.core.vocabulary import CATEGORY_NL, MOOD_NL
from app.core.vocabulary import WEEKDAY_NL as WEEKDAYS_NL
from app.team import anonymise as anon
from app.team import suppression as supp
from app.team.anonymise import SharedTable
from app.team.words import word

if TYPE_CHECKING:
    import pandas as pd

    from app.analysis.frame import AuditFrame

MOODS_NL = {**MOOD_NL, "unknown": "niet ingevuld"}
OUTCOME_NL = {"stricter": "strenger", "agreed": "volgens afspraak", "milder": "milder"}
COUNTS = ("n", "agreed", "stricter", "milder")


def _pct(k: float, n: float) -> float:
    return round(100.0 * k / n, 1) if n else 0.0


def with_expected(inc: pd.DataFrame) -> pd.DataFrame:
    """Incidents with everyone's stricter/milder rates at their rule and strike ('exp_stricter')."""
    out = inc.copy()
    out["is_stricter"] = (out["outcome"] == "stricter").astype(int)
    out["is_milder"] = (out["outcome"] == "milder").astype(int)
    out["is_agreed"] = (out["outcome"] == "agreed").astype(int)
    out["is_cons"] = out["consequence"].astype(int)
    rates = out.groupby("stratum")[["is_stricter", "is_milder"]].transform("mean")
    out["exp_stricter"] = rates["is_stricter"]
    out["exp_milder"] = rates["is_milder"]
    return out


def count_rows(inc: pd.DataFrame, keys: list[str]) -> list[dict[str, Any]]:
    """Per key: n, agreed, stricter, milder, expected counts and distinct students."""
    g = inc.groupby(keys, dropna=False)
    frame = g.agg(
        n=("incident_id", "size"),
        agreed=("is_agreed", "sum"),
        stricter=("is_stricter", "sum"),
        milder=("is_milder", "sum"),
        consequence=("is_cons", "sum"),
        exp_stricter=("exp_stricter", "sum"),
        exp_milder=("exp_milder", "sum"),
        students=("student_id", "nunique"),
    ).reset_index()
    return frame.to_dict("records")  # type: ignore[no-any-return]  # pandas-stubs: records are dict[Hashable, Any]


def finish_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add percentage columns and round the expected counts (in place)."""
    for r in rows:
        r["pct_agreed"] = _pct(r.get("agreed", 0), r["n"])
        r["pct_stricter"] = _pct(r["stricter"], r["n"])
        r["pct_milder"] = _pct(r["milder"], r["n"])
        if "exp_stricter" in r:
            r["exp_stricter"] = round(float(r["exp_stricter"]), 1)
            r["exp_milder"] = round(float(r["exp_milder"]), 1)
    return rows


def rules_table(inc: pd.DataFrame, frame: AuditFrame) -> SharedTable:
    """How often each rule came up; rare rules merged into 'overig'."""
    rows = count_rows(inc, ["rule", "category"])
    total = sum(r["n"] for r in rows)
    rows, notes = supp.merge_small_groups(rows, label="rule", sums=COUNTS, students=None, what=t("afspraken"))
    for r in rows:
        r["category"] = word(CATEGORY_NL.get(str(r["category"]), str(r["category"])))
        r["share"] = _pct(r["n"], total)
    rows.sort(key=lambda r: (r["rule"] == anon.OTHER, -r["n"]))
    cols = [("rule", "Afspraak"), ("category", "Soort"), ("n", "Incidenten"), ("share", "% van alle")]
    return supp.share("rules", t("Hoe vaak elke afspraak aan de orde was"), cols, rows, notes)


def adherence_table(inc: pd.DataFrame, frame: AuditFrame) -> SharedTable:
    """Per rule and strike: as agreed, stricter, milder (small high strikes merged as 'k+')."""
    per_rule: dict[str, list[dict[str, Any]]] = {}
    for r in count_rows(inc, ["rule", "category", "strike"]):
        per_rule.setdefault(r["rule"], []).append(r)
    rows: list[dict[str, Any]] = []
    small: list[dict[str, Any]] = []
    for rule, strikes in per_rule.items():
        merged = supp.merge_strike_tail(strikes, sums=(*COUNTS, "consequence"))
        if len(merged) == 1 and merged[0]["n"] < anon.MIN_INCIDENTS:
            small.append({**merged[0], "rule": rule})
            continue
        rows.extend({**m, "rule": rule} for m in merged)
    notes: list[str] = []
    if small:
        other = {"rule": anon.OTHER, "category": "", "strike_label": t("alle"), "strike": 0}
        for c in (*COUNTS, "consequence"):
            other[c] = sum(int(s[c]) for s in small)
        if other["n"] >= anon.MIN_INCIDENTS:
            rows.append(other)
            notes.append(
                t(
                    "{k} afspraken met minder dan {i} incidenten samengevoegd tot '{o}'.",
                    k=len(small),
                    i=anon.MIN_INCIDENTS,
                    o=anon.OTHER,
                )
            )
        else:
            notes.append(
                t(
                    "{k} afspraken met samen minder dan {i} incidenten weggelaten.",
                    k=len(small),
                    i=anon.MIN_INCIDENTS,
                )
            )
    if any(r["strike_label"].endswith("+") for r in rows):
        notes.append(
            t(
                "'k+' betekent: de k-de keer en later in dezelfde les (kleine aantallen samengevoegd).",
            )
        )
    position = dict(zip(frame.rules["rule"], frame.rules["position"], strict=True))
    rows.sort(key=lambda r: (r["rule"] == anon.OTHER, position.get(r["rule"], 0), r["rule"], r["strike"]))
    for r in rows:
        r["category"] = word(CATEGORY_NL.get(str(r["category"]), str(r["category"])))
    finish_rows(rows)
    cols = [
        ("rule", "Afspraak"),
        ("category", "Soort"),
        ("strike_label", "Keer"),
        ("n", "Incidenten"),
        ("agreed", "Volgens afspraak"),
        ("stricter", "Strenger"),
        ("milder", "Milder"),
        ("pct_agreed", "% volgens"),
        ("pct_stricter", "% strenger"),
        ("pct_milder", "% milder"),
        ("consequence", "Consequentie"),
    ]
    return supp.share(
        "adherence",
        t(
            "Hoe de ladder gevolgd werd, per afspraak en keer",
        ),
        cols,
        rows,
        notes,
    )


def escalation_table(inc: pd.DataFrame, groups: GroupLabels) -> SharedTable:
    """Share of consequences per strike, for everyone and per class (as ``group_labels`` allows)."""
    data = inc.assign(cons=inc["consequence"].astype(int))
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    overall = data.groupby("strike").agg(n=("incident_id", "size"), cons=("cons", "sum")).reset_index()
    for r in supp.merge_strike_tail(overall.to_dict("records"), sums=("cons",)):
        if r["n"] >= anon.MIN_INCIDENTS:
            rows.append({**r, "group": t("iedereen")})
    if "group" in groups.labels:
        data = data.assign(shown=data["group"].astype(str).map(groups.labels["group"]))
        per = data.groupby(["shown", "strike"]).agg(n=("incident_id", "size"), cons=("cons", "sum"))
        dropped = 0
        for group, part in per.reset_index().groupby("shown"):
            merged = supp.merge_strike_tail(part.to_dict("records"), sums=("cons",))
            if len(merged) == 1 and merged[0]["n"] < anon.MIN_INCIDENTS:
                dropped += 1
                continue
            rows += [{**r, "group": str(group)} for r in merged]
        if dropped:
            notes.append(
                t(
                    "{k} klassen met minder dan {i} incidenten niet apart getoond.",
                    k=dropped,
                    i=anon.MIN_INCIDENTS,
                )
            )
    notes += groups.notes.get("group", [])
    for r in rows:
        r["pct"] = _pct(r["cons"], r["n"])
    cols = [
        ("group", "Groep"),
        ("strike_label", "Keer"),
        ("n", "Incidenten"),
        ("cons", "Consequentie"),
        ("pct", "% consequentie"),
    ]
    title = t("Escalatie: kans op een consequentie per keer")
    return supp.share("escalation", title, cols, rows, notes)


def groups_table(inc: pd.DataFrame, frame: AuditFrame, groups: GroupLabels) -> SharedTable:
    """Classes and attribute values: observed against expected stricter/milder at the same rule and strike."""
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    dims = [("group", "group", word("klas"))]
    dims += [(c, a, a) for c, a in zip(frame.attribute_columns, frame.attributes, strict=True)]
    for col, dim, label in dims:
        notes += groups.notes.get(dim, [])
        if dim not in groups.labels:
            continue
        part = count_rows(inc.assign(value=inc[col].astype(str).map(groups.labels[dim])), ["value"])
        if len(part) < 2:  # one value (e.g. every student 'NL'): that group is everyone, nothing to compare
            continue
        kept, more = supp.merge_small_groups(
            part,
            label="value",
            sums=(*COUNTS, "exp_stricter", "exp_milder"),
            students=None,
            what=t("groepen ({d})", d=label),
        )
        notes += more
        kept.sort(key=lambda r: (r["value"] == anon.OTHER, str(r["value"])))
        rows += [{**r, "dimension": label} for r in kept]
    finish_rows(rows)
    cols = [
        ("dimension", "Indeling"),
        ("value", "Groep"),
        ("n", "Incidenten"),
        ("stricter", "Strenger"),
        ("exp_stricter", "Verwacht strenger"),
        ("milder", "Milder"),
        ("exp_milder", "Verwacht milder"),
    ]
    title = t(
        "Groepen: strenger en milder dan verwacht bij dezelfde afspraak en keer",
    )
    return supp.share("groups", title, cols, rows, notes)


def _numbers_first(raw: str) -> str:
    """A sort key that puts '9-10' before '10-11' (the leading number padded) and words after numbers."""
    return re.sub(r"^\d+", lambda m: m.group().zfill(3), raw) if raw[:1].isdigit() else "~" + raw


def moments_table(inc: pd.DataFrame) -> SharedTable:
    """Weekday, period and mood: observed against expected stricter/milder."""
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    for col, label, names in (
        ("weekday", word("dag"), WEEKDAYS_NL),
        ("period", word("lesuur"), None),
        ("lesson_mood", word("sfeer in de les"), MOODS_NL),
    ):
        part = count_rows(inc, [col])
        if len(part) < 2:  # one value (e.g. mood never filled in): nothing to compare
            continue
        for r in part:
            raw = str(r.pop(col))
            if raw == "unknown":
                r["value"] = t("onbekend")
            elif names is None:
                r["value"] = t("{p}e uur", p=raw) if raw.isdigit() else raw
            else:
                r["value"] = word(names.get(raw, raw))
            r["sort"] = f"{list(names).index(raw):03d}" if names and raw in names else _numbers_first(raw)
        kept, n = supp.merge_small_groups(
            part,
            label="value",
            sums=(*COUNTS, "exp_stricter", "exp_milder"),
            students=None,
            what=t("momenten ({d})", d=label),
        )
        notes += n
        kept.sort(key=lambda r: (r["value"] == anon.OTHER, str(r.get("sort", ""))))
        rows += [{**r, "dimension": label} for r in kept]
    finish_rows(rows)
    cols = [
        ("dimension", "Moment"),
        ("value", "Waarde"),
        ("n", "Incidenten"),
        ("stricter", "Strenger"),
        ("exp_stricter", "Verwacht strenger"),
        ("milder", "Milder"),
        ("exp_milder", "Verwacht milder"),
    ]
    return supp.share("moments", t("Momenten: dag, lesuur en sfeer"), cols, rows, notes)


def praise_table(frame: AuditFrame, inc: pd.DataFrame, groups: GroupLabels) -> SharedTable:
    """Praise against correction, for everyone and per class (as ``group_labels`` allows)."""
    total = {"group": t("iedereen"), "praise": len(frame.praise), "corrections": len(inc)}
    total["n"] = total["praise"] + total["corrections"]
    rows: list[dict[str, Any]] = [total] if total["n"] >= anon.MIN_INCIDENTS else []
    notes = list(groups.notes.get("group", []))
    if "group" in groups.labels:
        labels = groups.labels["group"]
        praise = frame.praise["group"].astype(str).map(labels).value_counts()
        corr = inc["group"].astype(str).map(labels).value_counts()
        per = [
            {"group": g, "praise": int(praise.get(g, 0)), "corrections": int(corr.get(g, 0))}
            for g in sorted(set(praise.index) | set(corr.index))
        ]
        for r in per:
            r["n"] = r["praise"] + r["corrections"]
        kept, more = supp.merge_small_groups(
            per, label="group", sums=("praise", "corrections"), students=None, what=t("klassen")
        )
        rows += sorted(kept, key=lambda r: (r["group"] == anon.OTHER, r["group"]))
        notes += more
    for r in rows:
        r["pct_praise"] = _pct(r["praise"], r["n"])
        r["ratio"] = round(r["praise"] / r["corrections"], 2) if r["corrections"] else "-"
    cols = [
        ("group", "Groep"),
        ("praise", "Complimenten"),
        ("corrections", "Correcties"),
        ("pct_praise", "% compliment"),
        ("ratio", "Complimenten per correctie"),
    ]
    return supp.share("praise", t("Complimenten tegenover correcties"), cols, rows, notes)


def weekly_table(inc: pd.DataFrame) -> SharedTable:
    """Per ISO week: incidents and shares stricter/milder (weeks under 5 incidents left out)."""
    week = inc["date"].map(lambda d: anon.week_label(d.date()))
    rows = finish_rows(count_rows(inc.assign(week=week), ["week"]))
    kept = [r for r in rows if r["n"] >= anon.MIN_INCIDENTS]
    notes = []
    if len(kept) < len(rows):
        notes.append(
            t(
                "{k} weken met minder dan {i} incidenten weggelaten.",
                k=len(rows) - len(kept),
                i=anon.MIN_INCIDENTS,
            )
        )
    kept.sort(key=lambda r: r["week"])
    cols = [("week", "Week"), ("n", "Incidenten"), ("pct_stricter", "% strenger"), ("pct_milder", "% milder")]
    return supp.share("weekly", t("Per week"), cols, kept, notes)


@dataclass(frozen=True)
class GroupLabels:
    """How each group is shown: its own name, or 'overig' (decided once, from the roster's sizes)."""

    labels: dict[str, dict[str, str]]  #: dimension ('group' or attribute) -> value -> shown label
    sizes: dict[tuple[str, str], int]  #: (dimension, value) -> students on the roster
    notes: dict[str, list[str]]


def group_labels(frame: AuditFrame) -> GroupLabels:
    """Per class and attribute: groups of fewer than 5 students merged into 'overig' (or not shown)."""
    st = frame.students
    dims = [("group", "group", t("klassen"))]
    dims += [
        (c, a, t("groepen ({d})", d=a))
        for c, a in zip(frame.attribute_columns, frame.attributes, strict=True)
    ]
    labels: dict[str, dict[str, str]] = {}
    sizes: dict[tuple[str, str], int] = {}
    notes: dict[str, list[str]] = {}
    for col, dim, what in dims:
        counts = st[col].astype(str).value_counts()
        rows = [{"value": str(v), "students": int(k)} for v, k in counts.items()]
        sizes.update({(dim, r["value"]): r["students"] for r in rows})
        kept, notes[dim] = supp.merge_small_groups(rows, label="value", sums=(), n="students", what=what)
        if kept:
            shown = {r["value"] for r in kept}
            labels[dim] = {r["value"]: (r["value"] if r["value"] in shown else anon.OTHER) for r in rows}
    return GroupLabels(labels, sizes, notes)
