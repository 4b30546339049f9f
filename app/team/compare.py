"""The team comparison: several teachers' exchange files, rule by rule, like with like (same strike).

For every rule that at least two teachers share, each (anonymous) teacher's answers are counted per
strike bucket that all of them can be cut into, with Wilson intervals. Whether the teachers differ is
tested with a chi-square test of homogeneity summed over the strike strata (teachers x {as agreed,
stricter, milder} within each stratum, so a teacher who meets more 3rd strikes is not called stricter);
when expected counts are small the p-value comes from a permutation test within strata (margins fixed,
seeded, so the same files always give the same answer). All rules are corrected together with
Benjamini-Hochberg. A rule without evidence of a difference is reported as such, not as agreement proven.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.analysis import contingency
from app.analysis.results import Proportion
from app.core.errors import UserError
from app.core.i18n import t

if TYPE_CHECKING:
    import numpy as np

    from app.team.exchange import ExchangeCell, ExchangeFile

OUTCOMES = ("agreed", "stricter", "milder")
PERMUTATIONS = 4000
SEED = 20260126
MIN_EXPECTED = 5.0


@dataclass(frozen=True)
class TeacherCell:
    """One teacher, one rule, one strike stratum: the counts."""

    teacher: str
    stratum: str
    n: int
    agreed: int
    stricter: int
    milder: int
    consequence: int


@dataclass(frozen=True)
class TeacherRule:
    """One teacher on one rule, all strata together, with Wilson intervals."""

    teacher: str
    n: int
    agreed: Proportion
    stricter: Proportion
    milder: Proportion
    consequence: Proportion


@dataclass(frozen=True)
class RuleComparison:
    """One shared rule: each teacher's use of the ladder and whether the teachers differ."""

    rule: str
    category: str
    strata: tuple[str, ...]
    cells: tuple[TeacherCell, ...]
    teachers: tuple[TeacherRule, ...]
    statistic: float | None
    df: int
    p: float | None
    p_adjusted: float | None
    method: str  #: 'chi-square' | 'permutation' | '' (not testable)
    verdict: str  #: 'diverges' | 'no_difference' | 'not_testable'
    explanation: str


@dataclass(frozen=True)
class TeamComparison:
    """Every shared rule compared, plus what could not be compared."""

    teachers: tuple[tuple[str, str, str, int], ...]  #: (label, first week, last week, incidents)
    rules: tuple[RuleComparison, ...]
    unshared: tuple[str, ...]  #: rules only one teacher logged (enough of)
    fdr: float
    ladders_differ: bool = False  #: the teachers' ladders are not the same (steps or names)


def teacher_labels(count: int) -> list[str]:
    """'Docent A', 'Docent B', ... in the order the files were given."""
    letters = string.ascii_uppercase
    return [t("Docent {x}", x=letters[i % 26] + (str(i // 26) if i >= 26 else "")) for i in range(count)]


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def common_strata(per_teacher: Sequence[Sequence[ExchangeCell]]) -> list[int]:
    """The strike boundaries every teacher's buckets can be merged into (ascending lowest strikes)."""
    sets = [{c.strike for c in cells} for cells in per_teacher]
    lowest = min(min(s) for s in sets)
    common = set.intersection(*sets) | {lowest}
    return sorted(common)


def _stratum_of(strike: int, bounds: Sequence[int]) -> int:
    return max([b for b in bounds if b <= strike] or [bounds[0]])


def _trim(tab: np.ndarray) -> np.ndarray:
    """The table without empty rows or columns."""
    return tab[tab.sum(1) > 0][:, tab.sum(0) > 0]


def permutation_p(tables: Sequence[np.ndarray], observed: float, draws: int = PERMUTATIONS) -> float:
    """P(X² >= observed) when outcomes are shuffled among teachers within each stratum (margins fixed)."""
    return contingency.permutation_p(tables, observed, draws, SEED)


def _pct(x: float) -> str:
    return f"{100 * x:.0f} %"


def p_text(p: float | None) -> str:
    """A p-value for people: '< 0,001', '0,032' (Dutch decimal comma), '-' when not tested."""
    if p is None:
        return "-"
    text = "< 0.001" if p < 0.001 else f"{p:.3f}"
    return text.replace(".", ",") if t("nl") == "nl" else text


def _explain(rule: str, cells: Sequence[TeacherCell], verdict: str, p_adj: float | None) -> str:
    if verdict == "not_testable":
        return t("Te weinig om te vergelijken bij dezelfde keer.")
    if verdict == "no_difference":
        return t(
            "Geen aantoonbaar verschil tussen de docenten (p na correctie {p}); dat is geen bewijs dat "
            "iedereen hetzelfde doet.",
            p=p_text(p_adj),
        )
    best = ("", "", 0.0, 0.0, 0.0)
    teachers = sorted({c.teacher for c in cells})
    for teacher in teachers:
        own = [c for c in cells if c.teacher == teacher]
        rest = [c for c in cells if c.teacher != teacher]
        for outcome in ("stricter", "milder"):
            k, n = sum(getattr(c, outcome) for c in own), sum(c.n for c in own)
            rk, rn = sum(getattr(c, outcome) for c in rest), sum(c.n for c in rest)
            if n and rn and abs(k / n - rk / rn) > abs(best[3] - best[4]):
                best = (teacher, outcome, 0.0, k / n, rk / rn)
    who, outcome, _, own_share, rest_share = best
    word = t("strenger") if outcome == "stricter" else t("milder")
    return t(
        "De docenten lopen uiteen (p na correctie {p}): {who} reageerde {s} {w} dan de ladder, "
        "tegen {r} bij de anderen.",
        p=p_text(p_adj),
        who=who,
        s=_pct(own_share),
        w=word,
        r=_pct(rest_share),
    )


def _compare_rule(
    rule: str, category: str, entries: Sequence[tuple[str, Sequence[ExchangeCell]]]
) -> RuleComparison:
    """One rule across the teachers that logged it (before the correction over rules)."""
    import numpy as np
    from scipy import stats as sps

    from app.analysis.stats import wilson

    bounds = common_strata([cells for _, cells in entries])
    labels = {}
    for i, b in enumerate(bounds):
        nxt = bounds[i + 1] if i + 1 < len(bounds) else None
        if nxt is None:
            top = max(c.strike for _, cells in entries for c in cells)
            is_open = any(c.open for _, cells in entries for c in cells) or top > b
            labels[b] = f"{b}+" if is_open else str(b)
        else:
            labels[b] = str(b) if nxt == b + 1 else f"{b}-{nxt - 1}"
    cells: list[TeacherCell] = []
    for teacher, own in entries:
        merged: dict[int, list[int]] = {}
        for c in own:
            acc = merged.setdefault(_stratum_of(c.strike, bounds), [0, 0, 0, 0, 0])
            for j, v in enumerate((c.n, c.agreed, c.stricter, c.milder, c.consequence)):
                acc[j] += v
        cells += [TeacherCell(teacher, labels[b], *merged[b]) for b in bounds if b in merged]
    tables = []
    for b in bounds:
        rows = [[c.agreed, c.stricter, c.milder] for c in cells if c.stratum == labels[b]]
        tab = _trim(np.array(rows, dtype=np.int64)) if rows else np.zeros((0, 0), dtype=np.int64)
        if tab.shape[0] >= 2 and tab.shape[1] >= 2:
            tables.append(tab)
    statistic: float | None = None
    p: float | None = None
    df, method, verdict = 0, "", "not_testable"
    if tables:
        statistic, df, smallest = contingency.chi_square(tables)
        if smallest < MIN_EXPECTED and contingency.permutable(tables):
            p, method = permutation_p(tables, statistic), "permutation"
        else:
            p, method = float(sps.chi2.sf(statistic, df)), "chi-square"
    teachers = []
    for teacher, _ in entries:
        own = [c for c in cells if c.teacher == teacher]
        n = sum(c.n for c in own)
        teachers.append(
            TeacherRule(
                teacher,
                n,
                wilson(sum(c.agreed for c in own), n),
                wilson(sum(c.stricter for c in own), n),
                wilson(sum(c.milder for c in own), n),
                wilson(sum(c.consequence for c in own), n),
            )
        )
    return RuleComparison(
        rule,
        category,
        tuple(labels[b] for b in bounds),
        tuple(cells),
        tuple(teachers),
        statistic,
        df,
        p,
        None,
        method,
        verdict,
        "",
    )


def compare(files: Sequence[ExchangeFile], *, fdr: float = 0.05) -> TeamComparison:
    """Merge two or more teachers' exchange files into the team comparison."""
    from dataclasses import replace

    from app.analysis.stats import bh_adjust

    if len(files) < 2:
        raise UserError(
            t(
                "Kies minstens twee uitwisselingsbestanden om te vergelijken.",
            )
        )
    if not 0 < fdr < 1:
        raise UserError(t("De FDR moet tussen 0 en 1 liggen."))
    seen: dict[ExchangeFile, tuple[int, str]] = {}
    for number, f in enumerate(files, start=1):  # one file twice: one teacher counted as two who agree
        same = replace(f, source="")
        if same in seen:
            first, name = seen[same]
            raise UserError(
                t(
                    "Bestand {i} ({a}) en bestand {j} ({b}) bevatten precies hetzelfde overzicht: kies elke "
                    "docent maar één keer.",
                    i=first,
                    a=name or "?",
                    j=number,
                    b=f.source or "?",
                )
            )
        seen[same] = (number, f.source)
    names = teacher_labels(len(files))
    by_rule: dict[str, list[tuple[str, str, str, Sequence[ExchangeCell]]]] = {}
    for label, f in zip(names, files, strict=True):
        for r in f.rules:
            by_rule.setdefault(_key(r.rule), []).append((label, r.rule, r.category, r.cells))
    shared = {k: v for k, v in by_rule.items() if len(v) >= 2}
    if not shared:  # an empty comparison would only say 'nothing above the privacy threshold'
        raise UserError(
            t(
                "Deze bestanden hebben geen enkele afspraak gemeen (met genoeg incidenten), dus er valt "
                "niets te vergelijken. Gebruiken jullie dezelfde namen voor dezelfde afspraken?",
            )
        )
    unshared = sorted(v[0][1] for k, v in by_rule.items() if len(v) < 2)
    results = [
        _compare_rule(entries[0][1], entries[0][2], [(label, cells) for label, _, _, cells in entries])
        for entries in shared.values()
    ]
    tested = [i for i, r in enumerate(results) if r.p is not None]
    adjusted = bh_adjust([p for i in tested if (p := results[i].p) is not None])
    out = list(results)
    for i, p_adj in zip(tested, adjusted, strict=True):
        verdict = "diverges" if p_adj < fdr else "no_difference"
        out[i] = replace(out[i], p_adjusted=p_adj, verdict=verdict)
    out = [replace(r, explanation=_explain(r.rule, r.cells, r.verdict, r.p_adjusted)) for r in out]
    out.sort(key=lambda r: (r.verdict != "diverges", r.p_adjusted if r.p_adjusted is not None else 2, r.rule))
    teachers = tuple(
        (label, f.week_from, f.week_to, f.incidents) for label, f in zip(names, files, strict=True)
    )
    ladders = {
        tuple((lv, " ".join(name.split()).casefold(), kind) for lv, name, kind in f.ladder) for f in files
    }
    return TeamComparison(teachers, tuple(out), tuple(unshared), fdr, ladders_differ=len(ladders) > 1)
