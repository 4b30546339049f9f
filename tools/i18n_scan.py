"""Find what lupdate cannot see in our Python sources, and visible strings that bypass translation.

Two jobs, both by reading the syntax tree (nothing is imported or run):

* ``wrapper_messages``: many modules define a helper such as
  ``def _tr(text): return QCoreApplication.translate("LessonBar", text)`` and call ``_tr("...")``.
  lupdate only recognises ``tr``/``translate``/``QT_TRANSLATE_NOOP`` written out, so those strings
  would never reach the ``.ts`` file. We collect them with their context and line.
* ``bypasses``: literal text handed straight to a widget (``QLabel("Klas")``, ``setToolTip("...")``)
  without ``tr``/``translate``; such text stays Dutch in the English interface.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

#: callables that translate when written out (lupdate knows these names)
TRANSLATE_NAMES = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "_"}
#: widget constructors whose first string argument is shown to the user
SHOWN_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QListWidgetItem",
    "QTableWidgetItem",
}
#: setters whose string argument is shown to the user (or read out by a screen reader)
SHOWN_SETTERS = {
    "setText",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setWindowTitle",
    "setTitle",
    "setLabelText",
    "setSpecialValueText",
    "setSuffix",
    "setPrefix",
    "addItem",
    "addTab",
    "insertTab",
    "setTabText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "showMessage",
    "show_error",
    "show_info",
    "show_message",
    "addRow",
    "information",
    "warning",
    "critical",
    "question",
}
#: which positional arguments are shown, as a slice (default: the first only)
_SHOWN_ARGS = {
    "information": (1, 3),  # QMessageBox.x(parent, title, text)
    "warning": (1, 3),
    "critical": (1, 3),
    "question": (1, 3),
    "addTab": (1, 2),  # (widget, label)
    "insertTab": (2, 3),  # (index, widget, label)
    "setTabText": (1, 2),  # (index, text)
}
#: a literal counts as visible text when it holds a word of two or more letters
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
#: in f-strings, where short pieces are often units ("kB"), a word of three letters or more
_WORD3 = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
#: literals that are not language (brand name, format strings, HTML wrappers)
_NOT_LANGUAGE = re.compile(r"^(fair-strictness|[A-Z]+\+[A-Z0-9+]+|<[^>]+>|https?://\S+)$")


@dataclass(frozen=True)
class Message:
    """A translatable string found outside lupdate's sight."""

    context: str
    text: str
    line: int


@dataclass(frozen=True)
class Bypass:
    """Literal visible text that does not go through translation."""

    path: str
    line: int
    call: str
    text: str


def _translate_context(node: ast.AST, param: str) -> str | None:
    """The context of ``translate("Ctx", param)`` when ``node`` is that call, else None."""
    if not isinstance(node, ast.Call) or len(node.args) < 2:
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    ctx, text = node.args[0], node.args[1]
    if (
        name == "translate"
        and isinstance(ctx, ast.Constant)
        and isinstance(ctx.value, str)
        and isinstance(text, ast.Name)
        and text.id == param
    ):
        return ctx.value
    return None


def wrapper_functions(tree: ast.Module) -> dict[str, str]:
    """Module-level helpers whose first parameter goes into ``translate("Ctx", param)`` -> their context."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for inner in ast.walk(node):
            context = _translate_context(inner, param)
            if context is not None:
                found[node.name] = context
    return found


def _literal(node: ast.AST) -> str | None:
    """The text of a string literal (implicit concatenation included), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def wrapper_messages(source: str) -> list[Message]:
    """Strings passed as literals to this module's translate wrappers, with their contexts."""
    tree = ast.parse(source)
    wrappers = wrapper_functions(tree)
    messages: list[Message] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in wrappers:
            text = _literal(node.args[0]) if node.args else None
            if text is not None:
                messages.append(Message(wrappers[node.func.id], text, node.lineno))
    return messages


def _call_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _is_language(text: str) -> bool:
    stripped = text.strip()
    return bool(_WORD.search(stripped)) and not _NOT_LANGUAGE.match(stripped)


def bypasses(source: str, path: str = "") -> list[Bypass]:
    """Literal visible strings given to widgets without translation (first argument of shown calls)."""
    tree = ast.parse(source)
    wrappers = set(wrapper_functions(tree))
    found: list[Bypass] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name in TRANSLATE_NAMES or name in wrappers:
            qt_style = name in {"translate", "QT_TRANSLATE_NOOP"} and len(node.args) > 1  # (context, text)
            text_arg = node.args[1] if qt_style else None
            if not qt_style and node.args:  # tr(text), or gettext's translate(text) from app.core.i18n
                text_arg = node.args[0]
            if isinstance(text_arg, ast.JoinedStr):  # looked up after formatting: never found
                found.append(Bypass(path, node.lineno, f"{name}(f-string)", ast.unparse(text_arg)))
            continue
        if name in SHOWN_CONSTRUCTORS or name in SHOWN_SETTERS:
            first, last = _SHOWN_ARGS.get(name, (0, 1))
            candidates = list(node.args)[first:last]
            for arg in candidates:
                parts = arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]
                for part in parts:
                    text = _literal(part)
                    if text is not None and _is_language(text):
                        found.append(Bypass(path, part.lineno, name or "?", text))
                    elif isinstance(part, ast.JoinedStr) and any(
                        isinstance(v, ast.Constant) and _WORD3.search(str(v.value)) for v in part.values
                    ):
                        found.append(Bypass(path, part.lineno, name or "?", ast.unparse(part)))
    return sorted(found, key=lambda b: b.line)


def scan_bypasses(root: Path, folder: str = "app/ui") -> list[Bypass]:
    """Every bypass in the Python files under ``root/folder``."""
    found: list[Bypass] = []
    for path in sorted((root / folder).rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        found.extend(bypasses(path.read_text(encoding="utf-8"), rel))
    return found


def _context_of(call: ast.Call, wrappers: dict[str, str], class_name: str | None) -> str | None:
    """The translation context of a ``tr``/``translate``/wrapper call, when it can be known."""
    name = _call_name(call)
    if name == "tr" and isinstance(call.func, ast.Attribute):
        return class_name
    if name == "translate" and call.args and _literal(call.args[0]) is not None:
        return _literal(call.args[0])
    if isinstance(call.func, ast.Name) and name in wrappers:
        return wrappers[name]
    return None


def fstring_messages(source: str) -> list[Message]:
    """Literal strings translated inside f-string replacement fields, which lupdate does not read."""
    tree = ast.parse(source)
    wrappers = wrapper_functions(tree)
    messages: list[Message] = []

    def visit(node: ast.AST, class_name: str | None) -> None:
        if isinstance(node, ast.ClassDef):
            class_name = node.name
        if isinstance(node, ast.JoinedStr):
            for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                context = _context_of(call, wrappers, class_name)
                index = 1 if _call_name(call) == "translate" else 0
                text = _literal(call.args[index]) if len(call.args) > index else None
                if context is not None and text is not None:
                    messages.append(Message(context, text, call.lineno))
            return
        for child in ast.iter_child_nodes(node):
            visit(child, class_name)

    visit(tree, None)
    return messages
