"""The audit: is the same rule, at the same strike, answered more strictly or mildly for some?

``audit(tables)`` fits one joint model (``audit.model``) with rule x strike strata, student and
class effects with shrinkage, and attribute values and moments as fixed effects; tests every student,
class, attribute value and moment against the rest (``audit.comparisons``), and every rule and rule
category against the others at the same agreed step; corrects all tests of the audit together
(Benjamini-Hochberg); and adds the descriptive estimates beside the flags (adherence, escalation,
noticing, praise, moments, weekly trend). Method and measured error rates: docs/audit.md.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from app.analysis.audit import budget
from app.analysis.audit import subjects as subj
from app.analysis.audit.attribution import Verdict, aliases, attribute, with_verdict
from app.analysis.audit.comparisons import (
    CONTEXT_DIMENSIONS,
    MOMENT_FACTORS,
    Catalog,
    Work,
    catalog_members,
    design,
    own_or_exact,
    random_subjects,
    work_set,
)
from app.analysis.audit.dimensions import dimension_subjects
from app.analysis.audit.explain import alias_sentence, explain, explained_sentence
from app.analysis.audit.model import ModelFit, fit
from app.analysis.audit.rules import rule_subjects
from app.analysis.frame import ATTR_PREFIX, UNKNOWN, AuditFrame, build_frame
from app.analysis.results import AuditReport, Estimate, StudentStrictness
from app.core.errors import UserError
from app.core.i18n import t


def _check_fdr(fdr: float) -> float:
    """The false discovery rate must lie strictly between 0 and 1."""
    try:
        q = float(fdr)
    except (TypeError, ValueError):
        q = math.nan
    if not 0 < q < 1:
        raise UserError(t("--fdr moet tussen 0 en 1 liggen, niet {q}.", q=fdr))
    return q


def _urgent(on_safety: np.ndarray) -> bool:
    """Safety matters: at least two of the deviating incidents, and a fifth of them, on safety rules."""
    return bool(on_safety.sum() >= 2 and on_safety.mean() >= 0.2)


def _key(item: subj.Tested) -> str:
    """The catalog key of a tested subject's dimension."""
    return "rule" if item.kind == "rule" else item.dimension


def _estimates(
    w: Work,
    tested: list[subj.Tested],
    catalog: Catalog,
    fdr: float,
    sigma: float,
    lessons: pd.DataFrame | None = None,
) -> tuple[Estimate, ...]:
    """Estimates after the weighted Benjamini-Hochberg correction over every test of this audit
    (``app.analysis.audit.budget``).

    Flagged groups and moments then go through the attribution (``app.analysis.audit.attribution``): one
    that a clearer finding explains is not flagged again, and what the log cannot separate from a
    finding is named beside it.
    """
    if not tested:
        return ()
    adjusted = budget.adjust([x.p for x in tested], [budget.part_of(x.kind, x.dimension) for x in tested])
    members = catalog_members(catalog)
    verdicts: list[Verdict] = attribute(w, members, tested, adjusted, fdr, sigma)
    ids = w.inc["incident_id"].to_numpy()
    safety = (w.inc["category"] == "safety").to_numpy()
    out = []
    for index, (item, p_adj, verdict) in enumerate(zip(tested, adjusted, verdicts, strict=True)):
        direction = "stricter" if item.log_effect > 0 else "milder"
        rows = members[_key(item)][item.code]
        dev = w.y[rows]
        mine = rows[dev == (1 if direction == "stricter" else -1)]
        flagged = verdict.flagged  # adjusted p < q, and not explained by a clearer finding
        same = aliases(w, members, tested, index, lessons) if flagged else ()
        effect, low, high = math.exp(item.log_effect), math.exp(item.log_low), math.exp(item.log_high)
        text = explain(
            item.kind,
            item.dimension,
            item.subject,
            direction,
            item.counts,
            effect=effect,
            ci_low=low,
            ci_high=high,
            p_adjusted=p_adj,
            flagged=flagged,
            explained=bool(verdict.explained_by),
        )
        text = " ".join(
            part
            for part in (
                text,
                alias_sentence(item.kind, item.dimension, item.subject, same),
                explained_sentence(verdict.explained_by),
            )
            if part
        )
        item = with_verdict(item, verdict)
        out.append(
            Estimate(
                kind=item.kind,
                dimension=item.dimension,
                subject=item.subject,
                label=item.label,
                direction=direction,
                effect=effect,
                ci_low=low,
                ci_high=high,
                n=item.counts.n,
                p=float(item.p),
                p_adjusted=float(p_adj),
                flagged=flagged,
                explanation=text,
                counts=item.counts,
                urgent=_urgent(safety[mine]),
                incident_ids=tuple(int(i) for i in ids[mine]),
                method=item.method,
                aliases=same,
                explained_by=verdict.explained_by,
            )
        )
    return tuple(out)


def _student_funnel(
    frame: AuditFrame, model: ModelFit, units: np.ndarray, catalog: Catalog
) -> tuple[StudentStrictness, ...]:
    """Every student's shrunken strictness (joint model) and like-with-like counts, for the funnel."""
    if "student" not in catalog or not len(model.unit_effects):
        return ()
    _, tab = catalog["student"]
    names = dict(zip(frame.students["student_id"], frame.students["name"], strict=True))
    groups = dict(zip(frame.students["student_id"], frame.students["group"], strict=True))
    sds = np.sqrt(np.maximum(model.unit_var, 1e-12))
    out = []
    for j, counts in enumerate(tab.counts()):
        sid = str(units[j])
        score, sd = float(model.unit_effects[j]), float(sds[j])
        out.append(
            StudentStrictness(
                subject=sid,
                label=str(names.get(sid, sid)),
                group=str(groups.get(sid, "")),
                n=counts.n,
                stricter=counts.stricter,
                milder=counts.milder,
                expected_stricter=counts.expected_stricter,
                expected_milder=counts.expected_milder,
                score=score,
                ci_low=score - subj.Z95 * sd,
                ci_high=score + subj.Z95 * sd,
            )
        )
    return tuple(out)


def _aliased(frame: AuditFrame, w: Work) -> list[str]:
    """Notes for classes, attribute values and moments that are the very same incidents.

    The joint model cannot tell them apart (a class taught only on Fridays): it splits a pattern
    between them, each part with a wide interval, so the teacher is told rather than left to guess.
    """
    from app.analysis.audit.explain import subject_phrase

    columns = [("group", "group", "group")]
    columns += [("group", name, f"{ATTR_PREFIX}{name}") for name in frame.attributes]
    columns += [("context", dim, dim) for dim in MOMENT_FACTORS]
    seen: dict[bytes, list[str]] = {}
    for kind, dim, col in columns:
        if col not in w.inc.columns:
            continue
        for value, rows in w.inc.groupby(col, sort=True).indices.items():
            if str(value) == UNKNOWN or len(rows) < subj.MIN_INCIDENTS or len(rows) == len(w.inc):
                continue
            seen.setdefault(np.sort(rows).tobytes(), []).append(subject_phrase(kind, dim, str(value)))
    return [
        t(
            "Dezelfde incidenten: {w}. De audit kan niet zien welk van deze een verschil verklaart.",
            w=", ".join(who),
        )
        for who in seen.values()
        if len(who) > 1
    ]


def _beside(frame: AuditFrame) -> tuple[dict[str, Any], list[str]]:
    """The descriptive estimates beside the flags, from their own modules."""
    from app.analysis.estimates.adherence import rule_adherence
    from app.analysis.estimates.escalation import escalation
    from app.analysis.estimates.lessons import lessons_taught
    from app.analysis.estimates.moments import moment_cells
    from app.analysis.estimates.noticing import noticing
    from app.analysis.estimates.praise import praise_balance
    from app.analysis.estimates.trends import weekly

    parts: dict[str, Callable[[AuditFrame], Any]] = {
        "adherence": rule_adherence,
        "escalation": escalation,
        "noticing": noticing,
        "praise": praise_balance,
        "moments": moment_cells,
        "weekly": weekly,
        "lessons": lessons_taught,
    }
    return {name: func(frame) for name, func in parts.items()}, []


def audit(
    source: Mapping[str, pd.DataFrame] | AuditFrame,
    *,
    fdr: float = 0.05,
    date_from: Any = None,
    date_to: Any = None,
    dimensions: Iterable[str] | None = None,
) -> AuditReport:
    """Audit a log (``Store.read_tables()`` or an ``AuditFrame``): estimates, flags and descriptions.

    ``dimensions`` limits the tests to these dimension names ('student', 'group', an attribute name,
    'weekday', 'period', 'month', 'term', 'rule_category', 'lesson_mood', 'teacher_energy', 'rule');
    the model always adjusts for all of them.
    """
    q = _check_fdr(fdr)
    frame = (
        source
        if isinstance(source, AuditFrame)
        else build_frame(source, date_from=date_from, date_to=date_to)
    )
    chosen = None if dimensions is None else set(dimensions)
    unknown = (chosen or set()) - {"student", "group", "rule", *CONTEXT_DIMENSIONS, *frame.attributes}
    if unknown:
        raise UserError(t("Onbekende dimensie: {d}.", d=", ".join(sorted(unknown))))

    def want(dim: str) -> bool:
        return chosen is None or dim in chosen

    notes: list[str] = []
    estimates: tuple[Estimate, ...] = ()
    funnel: tuple[StudentStrictness, ...] = ()
    w = work_set(frame)
    if frame.empty:
        notes.append(t("Er zijn nog geen incidenten in deze periode."))
    elif w.inc.empty:
        notes.append(
            t(
                "De ladder laat geen afwijking toe (één stap): er valt niets te vergelijken.",
            )
        )
    else:
        screen = q  # a p-value at or above q can never be flagged: the exact test cannot matter there
        data, _, group_levels, unit_levels = design(frame, w)
        model = fit(data)
        dominant: set[str] = set()
        more, catalog = dimension_subjects(frame, w, model, want, screen, dominant)
        found, cat2 = random_subjects(
            frame,
            w,
            data,
            model,
            (group_levels, unit_levels),
            lambda d: d == "student" and want(d),
            screen,
            dominant,
        )
        found = own_or_exact(w, found, cat2, dominant)
        notes += _aliased(frame, w)
        rules, cat3 = rule_subjects(w, model, want, screen)
        catalog.update(cat2)
        catalog.update(cat3)
        estimates = _estimates(w, found + more + rules, catalog, q, model.sigma, frame.lessons)
        if not estimates:
            notes.append(
                t(
                    "Te weinig incidenten om te vergelijken: een leerling, groep of moment wordt pas "
                    "getoetst vanaf {n} incidenten waarbij de ladder een afwijking toeliet.",
                    n=subj.MIN_INCIDENTS,
                )
            )
        funnel = _student_funnel(frame, model, unit_levels, catalog)
        if not model.converged:
            notes.append(
                t(
                    "Het model kwam niet helemaal tot rust; lees de uitkomsten voorzichtig.",
                )
            )
    beside, more_notes = _beside(frame)
    notes += more_notes
    from app.analysis.audit.follow_up import follow_up_evenness

    beside["follow_up"] = follow_up_evenness(frame, fdr=q)
    return AuditReport(
        date_from=frame.date_from,
        date_to=frame.date_to,
        n_incidents=len(frame.incidents),
        n_students=int(frame.incidents["student_id"].nunique()),
        n_lessons=len(frame.lessons),
        n_praise=len(frame.praise),
        fdr=q,
        estimates=estimates,
        students=funnel,
        notes=tuple(notes),
        **beside,
    )
