"""Refresh the Qt translation files: extract with lupdate, fill from JSON, check, compile with lrelease.

Source strings in the code are Dutch. ``resources/i18n/fair_strictness_en.ts`` holds the English
translation of every string; ``fair_strictness_nl.ts`` holds only the Dutch plural forms of strings
counted with ``%n`` (Qt needs a translation to pick "1 patroon" versus "3 patronen").

    python tools/update_translations.py                    # extract, check, compile
    python tools/update_translations.py --export todo.json # also write untranslated entries
    python tools/update_translations.py --apply todo.json  # fill translations, then as above
    python tools/update_translations.py --check            # exit 1 on unfinished or mismatched entries

See docs/translating.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_scan import fstring_messages, scan_bypasses, wrapper_messages

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
EN_TS = I18N / "fair_strictness_en.ts"
NL_TS = I18N / "fair_strictness_nl.ts"
#: a file outside app/ui is scanned when it uses one of these
_USES_QT_TR = re.compile(r"\.tr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")
#: placeholders that must survive translation unchanged
_PLACEHOLDER = re.compile(r"%(?:n|L?\d+)|\{[A-Za-z_][A-Za-z0-9_]*\}")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one entry of a .ts file."""

    context: str
    source: str
    reason: str


def _tool(name: str) -> str:
    """The path of a PySide6 tool, preferring the one next to this Python."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def source_files(root: Path = ROOT) -> list[Path]:
    """Every Python file under app/ui, and any other file in app that uses Qt's translation calls."""
    files = set((root / "app" / "ui").rglob("*.py"))
    for path in (root / "app").rglob("*.py"):
        if path not in files and _USES_QT_TR.search(path.read_text(encoding="utf-8")):
            files.add(path)
    return sorted(files)


def write_stubs(files: list[Path], root: Path, out: Path) -> list[Path]:
    """Stand-ins for files with strings lupdate misses (``_tr`` helpers, ``tr`` inside f-strings):
    plain translate calls on the same line numbers."""
    stubs: list[Path] = []
    for path in files:
        source = path.read_text(encoding="utf-8")
        messages = wrapper_messages(source) + fstring_messages(source)
        if not messages:
            continue
        lines: dict[int, list[str]] = {}
        for m in messages:
            context, text = (json.dumps(v, ensure_ascii=False) for v in (m.context, m.text))
            call = f"QCoreApplication.translate({context}, {text})"
            lines.setdefault(m.line, []).append(call)
        body = ["from PySide6.QtCore import QCoreApplication"]
        for number in range(2, max(lines) + 1):
            body.append("; ".join(lines.get(number, [])))
        stub = out / path.relative_to(root)
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("\n".join(body) + "\n", encoding="utf-8")
        stubs.append(stub)
    return stubs


def run_lupdate(
    ts: Path, *, plural_only: bool = False, drop_obsolete: bool = False, root: Path = ROOT
) -> str:
    """Extract every translatable string of the sources (wrappers included) into ``ts``.

    Strings no longer in the sources stay in the file as 'vanished' (not compiled) unless
    ``drop_obsolete``: a string someone is rewording comes back with its translation.
    """
    files = source_files(root)
    with tempfile.TemporaryDirectory(prefix="i18n-stubs-") as tmp:
        stub_root = Path(tmp)
        stubs = write_stubs(files, root, stub_root)
        listing = stub_root / "files.lst"
        listing.write_text("\n".join(str(p) for p in [*files, *stubs]) + "\n", encoding="utf-8")
        target = "nl_NL" if plural_only else "en_GB"
        command = [
            _tool("pyside6-lupdate"),
            "-locations",
            "absolute",
            *(["-no-obsolete"] if drop_obsolete else []),
            "-source-language",
            "nl_NL",
            "-target-language",
            target,
            *(["-pluralonly"] if plural_only else []),
            f"@{listing}",
            "-ts",
            str(ts),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        # the stubs stand for the real files: point their locations back there
        stub_rel = Path(os.path.relpath(stub_root, ts.parent)).as_posix()
        root_rel = Path(os.path.relpath(root, ts.parent)).as_posix()
        text = ts.read_text(encoding="utf-8").replace(f'filename="{stub_rel}/', f'filename="{root_rel}/')
        ts.write_text(text, encoding="utf-8")
    return done.stdout + done.stderr


def run_lrelease(ts: Path) -> str:
    """Compile ``ts`` to the .qm next to it."""
    command = [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context, message) for every entry still in the sources (vanished and obsolete ones left out)."""
    root = ET.parse(ts).getroot()
    return [
        (ctx.findtext("name") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if _status(msg) not in {"vanished", "obsolete"}
    ]


def _status(message: ET.Element) -> str:
    """The translation's type: '' when finished, else 'unfinished', 'vanished' or 'obsolete'."""
    node = message.find("translation")
    return "unfinished" if node is None else node.get("type", "")


def _forms(message: ET.Element) -> list[str]:
    node = message.find("translation")
    if node is None:
        return []
    if message.get("numerus") == "yes":
        return [f.text or "" for f in node.iter("numerusform")]
    return [node.text or ""]


def unfinished(ts: Path) -> list[dict[str, object]]:
    """Entries without a finished translation, as JSON-ready dicts to fill in."""
    todo: list[dict[str, object]] = []
    for context, msg in _messages(ts):
        node = msg.find("translation")
        if node is not None and node.get("type") != "unfinished" and _forms(msg) and all(_forms(msg)):
            continue
        entry: dict[str, object] = {"context": context, "source": msg.findtext("source") or ""}
        if msg.findtext("comment"):
            entry["comment"] = msg.findtext("comment")
        plural = msg.get("numerus") == "yes"
        entry["translation"] = _forms(msg) if plural else (_forms(msg) or [""])[0]
        todo.append(entry)
    return todo


def apply(ts: Path, entries: list[dict[str, object]]) -> int:
    """Write translations from ``entries`` (context, source, translation) into ``ts``; how many."""
    wanted = {(str(e["context"]), str(e["source"])): e["translation"] for e in entries}
    tree = ET.parse(ts)
    count = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            value = wanted.get((name, msg.findtext("source") or ""))
            if value in (None, "", []):
                continue
            node = msg.find("translation")
            if node is None:
                node = ET.SubElement(msg, "translation")
            node.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value]
                for child in list(node):
                    node.remove(child)
                node.text = None
                for form in forms:
                    ET.SubElement(node, "numerusform").text = str(form)
            else:
                node.text = str(value)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def _accelerators(text: str) -> int:
    return len(re.findall(r"&(?!&)[^\s&]", text.replace("&&", "")))


def problems(ts: Path) -> list[Problem]:
    """Unfinished entries and translations whose placeholders or '&' shortcuts differ from the source."""
    found: list[Problem] = []
    for context, msg in _messages(ts):
        source = msg.findtext("source") or ""
        node = msg.find("translation")
        forms = _forms(msg)
        if node is None or node.get("type") == "unfinished" or not forms or not all(forms):
            found.append(Problem(context, source, "unfinished"))
            continue
        wanted = sorted(set(_PLACEHOLDER.findall(source)))
        for form in forms:
            got = sorted(set(_PLACEHOLDER.findall(form)))
            if msg.get("numerus") == "yes" and "%n" not in source:
                got = [g for g in got if g != "%n"]
            if got != wanted:
                found.append(Problem(context, source, f"placeholders {wanted} became {got}"))
            if _accelerators(form) != _accelerators(source):
                found.append(Problem(context, source, "'&' shortcut missing or added"))
    return found


def main(argv: list[str] | None = None) -> int:
    """Extract, optionally fill and export, check, compile."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--apply", type=Path, help="JSON list of {context, source, translation}")
    parser.add_argument("--export", type=Path, help="write the untranslated English entries here")
    parser.add_argument("--check", action="store_true", help="exit 1 when anything is unfinished")
    parser.add_argument("--no-extract", action="store_true", help="skip lupdate (work on the .ts as is)")
    parser.add_argument("--drop-obsolete", action="store_true", help="forget strings gone from the code")
    parser.add_argument("--bypasses", action="store_true", help="list visible text that skips tr()")
    args = parser.parse_args(argv)

    I18N.mkdir(parents=True, exist_ok=True)
    if not args.no_extract:
        print(run_lupdate(EN_TS, drop_obsolete=args.drop_obsolete).strip())
        print(run_lupdate(NL_TS, plural_only=True, drop_obsolete=args.drop_obsolete).strip())
    if args.apply:
        entries = json.loads(args.apply.read_text(encoding="utf-8"))
        by_file = {"en": [e for e in entries if e.get("language", "en") == "en"]}
        by_file["nl"] = [e for e in entries if e.get("language") == "nl"]
        print(f"filled {apply(EN_TS, by_file['en'])} English, {apply(NL_TS, by_file['nl'])} Dutch")
        run_lupdate(EN_TS)  # lupdate rewrites the files in its own layout
        run_lupdate(NL_TS, plural_only=True)
    if args.export:
        todo = unfinished(EN_TS) + [{**e, "language": "nl"} for e in unfinished(NL_TS)]
        args.export.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{len(todo)} untranslated entries written to {args.export}")
    found = problems(EN_TS) + problems(NL_TS)
    for p in found:
        print(f"{p.context}: {p.source!r}: {p.reason}")
    for ts in (EN_TS, NL_TS):
        print(run_lrelease(ts).strip())
    if args.bypasses:
        for b in scan_bypasses(ROOT):
            print(f"{b.path}:{b.line}: {b.call}: {b.text!r}")
    return 1 if args.check and found else 0


if __name__ == "__main__":
    raise SystemExit(main())
