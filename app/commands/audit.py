"""``audit``: is the same rule answered more strictly or mildly for some students, groups or moments?"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.core.errors import UserError
from app.core.i18n import nt, t

if TYPE_CHECKING:
    from app.analysis.results import AuditReport, Estimate
    from app.store.store import Store

KIND_NL = {"student": "leerling", "group": "groep", "context": "moment", "rule": "afspraak"}


def _fdr(text: str) -> float:
    """The --fdr value: a number strictly between 0 and 1."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = float("nan")
    if not 0 < value < 1:
        raise argparse.ArgumentTypeError(
            t(
                "moet een getal tussen 0 en 1 zijn, niet {v}",
                v=text,
            )
        )
    return value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``audit`` sub-command."""
    p = sub.add_parser(
        "audit",
        help=t(
            "zoek blinde vlekken: ongelijk toegepaste afspraken",
        ),
    )
    p.add_argument("--json", action="store_true", help=t("uitvoer als JSON (schema in docs/)"))
    p.add_argument(
        "--fdr",
        type=_fdr,
        default=0.05,
        help=t("toegestane fractie valse meldingen (standaard 0,05)"),
    )
    p.add_argument("--from", dest="date_from", help=t("vanaf datum (JJJJ-MM-DD)"))
    p.add_argument("--to", dest="date_to", help=t("tot en met datum (JJJJ-MM-DD)"))
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, open_store: Callable[[], Store]) -> int:
    """Run the audit on the store and print a summary or the JSON document."""
    from app.analysis.audit.run import audit
    from app.analysis.frame import parse_day

    date_from = parse_day(args.date_from, t("begindatum"))
    date_to = parse_day(args.date_to, t("einddatum"))
    if date_from and date_to and date_from > date_to:
        raise UserError(t("--from ligt na --to ({a} > {b}).", a=date_from, b=date_to))
    with open_store() as store:
        tables = store.read_tables()
    report = audit(tables, fdr=args.fdr, date_from=date_from, date_to=date_to)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(summary(report))
    return 0


def _how_to_read() -> str:
    """What the numbers in a finding mean, without jargon."""
    return t(
        "Zo lees je de getallen: de kansverhouding vergelijkt de kans op een zwaardere stap dan "
        "afgesproken met die bij de rest (1 = even streng, boven 1 strenger, onder 1 milder). Het "
        "95%-interval geeft de waarden die bij deze aantallen nog goed mogelijk zijn: hoe breder, "
        "hoe onzekerder.",
    )


def _who(e: Estimate) -> str:
    """A finding's subject for the private summary (with the student's name)."""
    if e.kind == "student":
        return t("Leerling {id} ({name})", id=e.subject, name=e.label)
    if e.kind == "rule":
        return t("Afspraak ‘{r}’", r=e.subject)
    if e.kind == "group":
        if e.dimension == "group":
            return t("Klas {c}", c=e.subject)
        return f"{e.dimension} = {e.subject}"
    from app.analysis.audit.explain import subject_phrase

    phrase = subject_phrase(e.kind, e.dimension, e.subject)
    return phrase[:1].upper() + phrase[1:]


def summary(report: AuditReport) -> str:
    """A readable summary of the audit in the user's language."""
    period = t(
        "van {a} tot en met {b}",
        a=report.date_from or t("het begin"),
        b=report.date_to or t("nu"),
    )
    fdr_text = f"{report.fdr:g}".replace(".", t(","))
    lines = [
        t(
            "Audit {p}: {n} van {s} in {l}.",
            p=period,
            n=nt("{n} incident", "{n} incidenten", report.n_incidents),
            s=nt("{n} leerling", "{n} leerlingen", report.n_students),
            l=nt("{n} les", "{n} lessen", report.n_lessons),
        ),
        t(
            "{k} (steeds bij dezelfde afspraak en dezelfde keer), samen gecorrigeerd voor meervoudig "
            "toetsen: gemiddeld is hooguit {pct}% van de meldingen toeval (--fdr {q}).",
            pct=format(report.fdr * 100, "g").replace(".", t(",")),
            k=nt("{n} vergelijking", "{n} vergelijkingen", len(report.estimates)),
            q=fdr_text,
        ),
        "",
    ]
    findings = report.findings
    if findings:
        lines.append(t("Mogelijke blinde vlekken ({n}):", n=len(findings)))
        for i, e in enumerate(findings, start=1):
            way = t("strenger") if e.direction == "stricter" else t("milder")
            urgent = t(" [veiligheid]") if e.urgent else ""
            lines.append(f"{i:2d}. {_who(e)}: {way}{urgent}")
            lines.append(f"    {e.explanation}")
        lines.append("")
        lines.append(
            t(
                "Een blinde vlek is een patroon om over na te denken, geen oordeel.",
            )
        )
        lines.append(_how_to_read())
    elif report.estimates:
        lines.append(
            t(
                "Geen blinde vlekken gevonden: geen enkel verschil is groter dan toeval kan verklaren. "
                "Dat bewijst niet dat alles gelijk gaat: bij weinig incidenten vallen alleen grote "
                "verschillen op.",
            )
        )
    lines += report.notes
    return "\n".join(lines).rstrip()
