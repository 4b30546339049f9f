"""docs/privacy.md §9 names, for each promise, the tests that prove it: every one of them must exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_test_named_in_the_privacy_notes_exists() -> None:
    text = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    section = text[text.index("## 9.") : text.index("## English summary")]
    named = 0
    for line in section.splitlines():
        if not line.startswith("| ") or "tests/" not in line:
            continue
        for chunk in re.split(r";\s*en\s+", line.split(" | ")[-1]):
            files = re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", chunk)
            names = re.findall(r"`(test_\w+)`", chunk)
            for path, name in files:
                source = (ROOT / path).read_text(encoding="utf-8")
                for wanted in [name] if name else names:
                    assert f"def {wanted}(" in source, f"{path}: {wanted}"
                    named += 1
    assert named >= 25
