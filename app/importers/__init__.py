"""The public import API (used by the CLI and the Set-up page): preview, apply, or both at once.

Every importer reads and checks the whole file first; ``preview_*`` writes nothing and lists every
problem with its line number; ``apply_*`` refuses a preview with problems (``ImportProblem``) and
otherwise writes everything in one transaction; ``import_*`` does both.
"""

from __future__ import annotations

from app.importers.incidents import (
    IncidentRow,
    IncidentsPreview,
    apply_incidents,
    import_incidents,
    preview_incidents,
)
from app.importers.problems import ImportSummary, RowProblem
from app.importers.roster import (
    FieldChange,
    RosterPreview,
    RosterRow,
    RosterUpdate,
    apply_roster,
    import_roster,
    preview_roster,
)
from app.importers.rules import (
    RuleRow,
    RulesPreview,
    RuleUpdate,
    apply_rules,
    import_rules,
    preview_rules,
)
from app.importers.timetable import (
    TimetablePreview,
    TimetableSummary,
    TitleChoice,
    apply_timetable,
    plan_lessons,
    preview_timetable,
)

__all__ = [
    "FieldChange",
    "ImportSummary",
    "IncidentRow",
    "IncidentsPreview",
    "RosterPreview",
    "RosterRow",
    "RosterUpdate",
    "RowProblem",
    "RuleRow",
    "RuleUpdate",
    "RulesPreview",
    "TimetablePreview",
    "TimetableSummary",
    "TitleChoice",
    "apply_incidents",
    "apply_roster",
    "apply_rules",
    "apply_timetable",
    "import_incidents",
    "import_roster",
    "import_rules",
    "plan_lessons",
    "preview_incidents",
    "preview_roster",
    "preview_rules",
    "preview_timetable",
]
