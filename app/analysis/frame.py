"""Store rows -> one tidy frame for the audit: strike, agreed step and stricter/milder per incident.

``build_frame(store.read_tables())`` is the one road from raw tables to the analysis. Strikes are
counted per lesson and student over *all* live incidents (any rule), by ``occurred_at`` then id; the
agreed step comes from ``app.core.protocol`` with the rule's phase-down applied on the lesson's date.
Everything is vectorised pandas; no per-row Python on the hot path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from app.core.calendar import SCHOOL_YEAR_MONTH
from app.core.errors import UserError
from app.core.i18n import t
from app.core.protocol import agreed_step, top_on
from app.core.vocabulary import WEEKDAYS

if TYPE_CHECKING:
    import pandas as pd

MOODS = ("calm", "restless", "tense")
ENERGIES = ("low", "ok", "high")
UNKNOWN = "unknown"
ATTR_PREFIX = "attr:"

INCIDENT_COLUMNS = (
    "incident_id", "lesson_id", "student_id", "student_name", "group", "rule_id", "rule", "category",
    "step", "start_step", "strike", "agreed_step", "top_step", "deviation", "outcome", "consequence",
    "occurred_at", "date", "week_start", "weekday", "period", "hour", "month", "term", "lesson_mood",
    "teacher_energy", "stratum",
)  # fmt: skip
#: after the attribute columns: the follow-up of a consequence (``follow_up`` False: none tracked;
#: the times are NaT until done). Frames built without the store's ``follow_ups`` table have none.
FOLLOW_UP_COLUMNS = ("follow_up", "student_told_at", "parents_at")


@dataclass(frozen=True)
class AuditFrame:
    """The tidy tables every analysis reads (columns: docs/audit.md, "The tidy frame")."""

    incidents: pd.DataFrame
    students: pd.DataFrame
    praise: pd.DataFrame
    lessons: pd.DataFrame
    lessons_per_student: pd.Series
    ladder: pd.DataFrame
    rules: pd.DataFrame
    phase_downs: pd.DataFrame
    attributes: tuple[str, ...]
    date_from: date | None
    date_to: date | None

    @property
    def attribute_columns(self) -> tuple[str, ...]:
        """The ``attr:<name>`` column names, in the order of ``attributes``."""
        return tuple(ATTR_PREFIX + a for a in self.attributes)

    @property
    def empty(self) -> bool:
        """True when there is no incident to audit."""
        return self.incidents.empty


def parse_day(value: Any, what: str = "datum") -> date | None:
    """A date from a ``date``, ``datetime`` or ISO text (``None`` stays ``None``); UserError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise UserError(
            t(
                "Ongeldige {what}: {v} (gebruik JJJJ-MM-DD).",
                what=what,
                v=value,
            )
        ) from None


def term_of(dates: pd.Series) -> pd.Series:
    """'T1' (Aug-Dec), 'T2' (Jan-Mar) or 'T3' (Apr-Jul) of the Dutch school year starting 1 August."""
    import numpy as np
    import pandas as pd

    month = dates.dt.month.to_numpy()
    codes = np.where(month >= SCHOOL_YEAR_MONTH, "T1", np.where(month <= 3, "T2", "T3"))  # as term_of_month
    return pd.Series(codes, index=dates.index, dtype=object)


def _hour_of(times: pd.Series) -> pd.Series:
    """The hour of a start-time column (``time`` objects or 'HH:MM[:SS]' text); NaN where missing."""
    import pandas as pd

    as_text = pd.Series(times.to_numpy(dtype=object).astype(str), index=times.index, dtype=object)
    text = as_text.str.split(":").str[0].where(times.notna())
    hour = pd.to_numeric(text, errors="coerce")
    return hour.where((hour >= 0) & (hour <= 23))


def _period_text(period: pd.Series, hour: pd.Series) -> pd.Series:
    """The lesson period as text ('3'), else an hour band ('10-11'), else 'unknown'."""
    import numpy as np
    import pandas as pd

    per = pd.to_numeric(period, errors="coerce")
    out = pd.Series(UNKNOWN, index=period.index, dtype=object)
    has_hour = hour.notna()
    h = hour[has_hour].astype(int)
    out[has_hour] = h.astype(str) + "-" + (h + 1).astype(str)
    has_per = per.notna()
    out[has_per] = per[has_per].astype(np.int64).astype(str)
    return out


def _week_start(day: pd.Series) -> pd.Series:
    """The Monday of each day's week."""
    import pandas as pd

    return cast("pd.Series", day - pd.to_timedelta(day.dt.day_of_week, unit="D"))


def _weekday(day: pd.Series) -> pd.Series:
    """Lowercase English weekday names, independent of the locale."""
    import numpy as np
    import pandas as pd

    names = np.array(WEEKDAYS, dtype=object)
    return pd.Series(names[day.dt.day_of_week.to_numpy()], index=day.index, dtype=object)


def _known(values: pd.Series, allowed: tuple[str, ...]) -> pd.Series:
    """The value where it is one of ``allowed``, else 'unknown'."""
    v = values.astype(object)
    return v.where(v.isin(allowed), UNKNOWN)


def _attributes_wide(
    students: pd.DataFrame, attributes: pd.DataFrame
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Students with one ``attr:<name>`` column per defined attribute ('unknown' where missing)."""
    out = students.copy()
    if attributes.empty:
        return out, ()
    attrs = attributes.copy()
    attrs["value"] = attrs["value"].astype(object).fillna("").astype(str).str.strip()
    attrs = attrs[attrs["value"] != ""]
    names = tuple(sorted(attributes["attribute"].astype(str).unique()))
    wide = attrs.pivot_table(index="student_id", columns="attribute", values="value", aggfunc="first")
    for name in names:
        col = ATTR_PREFIX + name
        if name in wide.columns:
            out[col] = out["student_id"].map(wide[name]).fillna(UNKNOWN).astype(object)
        else:
            out[col] = UNKNOWN
    return out, names


def _effective_start(inc: pd.DataFrame, rules: pd.DataFrame, phase_downs: pd.DataFrame) -> pd.Series:
    """The rule's start step on each incident's lesson date (the latest phase-down in force)."""
    import pandas as pd

    base = inc["rule_id"].map(rules.set_index("rule_id")["start_step"]).astype("int64")
    if phase_downs.empty or inc.empty:
        return base
    pd_ = phase_downs[["rule_id", "effective_from", "start_step"]].copy()
    pd_["effective_from"] = pd.to_datetime(pd_["effective_from"]).astype("datetime64[ns]")
    pd_ = pd_.sort_values("effective_from")
    left = inc[["rule_id", "date"]].copy()
    left["date"] = left["date"].astype("datetime64[ns]")
    left["_row"] = range(len(left))
    left = left.sort_values("date")
    merged = pd.merge_asof(
        left,
        pd_.rename(columns={"start_step": "_planned"}),
        left_on="date",
        right_on="effective_from",
        by="rule_id",
        direction="backward",
    ).sort_values("_row")
    planned = pd.Series(merged["_planned"].to_numpy(), index=inc.index)
    return planned.fillna(base).astype("int64")


def _top_steps(inc: pd.DataFrame, changes: pd.DataFrame | None, current: int) -> pd.Series:
    """The ladder's number of steps in force on each incident's date (``app.core.protocol.top_on``)."""
    import pandas as pd

    if changes is None or changes.empty or inc.empty:
        return pd.Series(current, index=inc.index, dtype="int64")
    pairs = list(zip(changes["effective_from"], changes["top"].astype(int), strict=True))
    days = inc["date"].dt.date
    tops = {d: top_on(pairs, current, d) for d in set(days)}
    return cast("pd.Series", days.map(tops).astype("int64"))


def _empty_incidents(attribute_cols: tuple[str, ...]) -> pd.DataFrame:
    """An incident frame with every contracted column and no rows."""
    import pandas as pd

    ints = {"incident_id", "lesson_id", "rule_id", "step", "start_step", "strike", "agreed_step"}
    ints |= {"top_step", "deviation", "hour"}
    dts = {"occurred_at", "date", "week_start"}
    cols: dict[str, Any] = {}
    for c in INCIDENT_COLUMNS:
        if c in ints:
            cols[c] = pd.Series([], dtype="int64")
        elif c in dts:
            cols[c] = pd.Series([], dtype="datetime64[ns]")
        elif c == "consequence":
            cols[c] = pd.Series([], dtype=bool)
        else:
            cols[c] = pd.Series([], dtype=object)
    for c in attribute_cols:
        cols[c] = pd.Series([], dtype=object)
    cols["follow_up"] = pd.Series([], dtype=bool)
    cols["student_told_at"] = pd.Series([], dtype="datetime64[ns]")
    cols["parents_at"] = pd.Series([], dtype="datetime64[ns]")
    return pd.DataFrame(cols)


def _with_follow_ups(inc: pd.DataFrame, raw: pd.DataFrame | None) -> pd.DataFrame:
    """The follow-up columns joined on the incident (none when the tables have no ``follow_ups``)."""
    import pandas as pd

    out = inc.copy()
    if raw is None or raw.empty:
        out["follow_up"] = False
        out["student_told_at"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
        out["parents_at"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[ns]")
        return out
    fu = raw[["incident_id", "student_told_at", "parents_at"]].drop_duplicates("incident_id")
    fu = fu.set_index(fu["incident_id"].astype("int64"))
    ids = out["incident_id"].astype("int64")
    out["follow_up"] = ids.isin(fu.index).to_numpy(dtype=bool)
    for col in ("student_told_at", "parents_at"):
        times = pd.to_datetime(fu[col]).astype("datetime64[ns]")
        out[col] = pd.Series(ids.map(times).to_numpy(), index=out.index).astype("datetime64[ns]")
    return out


def build_frame(
    tables: Mapping[str, pd.DataFrame], *, date_from: Any = None, date_to: Any = None
) -> AuditFrame:
    """The tidy ``AuditFrame`` from ``Store.read_tables()``, limited to lessons in [date_from, date_to]."""
    import numpy as np
    import pandas as pd

    d_from = parse_day(date_from, t("begindatum"))
    d_to = parse_day(date_to, t("einddatum"))
    if d_from and d_to and d_from > d_to:
        raise UserError(
            t(
                "De begindatum {a} ligt na de einddatum {b}.",
                a=d_from,
                b=d_to,
            )
        )

    ladder = tables["ladder"][["level", "name", "kind"]].sort_values("level").reset_index(drop=True)
    rules = tables["rules"][["rule_id", "rule", "category", "start_step", "position", "active"]].copy()
    raw_students = tables["students"][["student_id", "name", "group", "archived"]].copy()
    raw_students["student_id"] = raw_students["student_id"].astype(str)
    students, attributes = _attributes_wide(raw_students, tables["attributes"])
    attr_cols = tuple(ATTR_PREFIX + a for a in attributes)

    phase_downs = tables["phase_downs"][["rule_id", "effective_from", "start_step"]].copy()
    phase_downs["rule"] = phase_downs["rule_id"].map(rules.set_index("rule_id")["rule"])
    phase_downs = phase_downs[["rule_id", "rule", "effective_from", "start_step"]]

    # Lessons: dates, weekday, period, week.
    les = tables["lessons"].copy()
    les["date"] = pd.to_datetime(les["date"]).astype("datetime64[ns]")
    les["_hour"] = _hour_of(les["start_time"]) if "start_time" in les else np.nan
    keep = pd.Series(True, index=les.index)
    if d_from:
        keep &= les["date"] >= pd.Timestamp(d_from)
    if d_to:
        keep &= les["date"] <= pd.Timestamp(d_to)
    les = les[keep]
    lessons = pd.DataFrame(
        {
            "lesson_id": les["lesson_id"].astype("int64"),
            "group": les["group"].astype(object),
            "date": les["date"],
            "week_start": _week_start(les["date"]),
            "weekday": _weekday(les["date"]),
            "period": _period_text(les["period"], les["_hour"]),
            "scheduled": (
                les["scheduled"].astype(bool) if "scheduled" in les else pd.Series(False, index=les.index)
            ),
        }
    ).reset_index(drop=True)

    top = int(ladder["level"].max()) if not ladder.empty else 1
    raw = tables["incidents"]
    if raw.empty or les.empty:
        incidents = _empty_incidents(attr_cols)
    else:
        inc = raw[["incident_id", "lesson_id", "student_id", "rule_id", "step", "occurred_at"]].copy()
        inc["student_id"] = inc["student_id"].astype(str)
        inc["occurred_at"] = pd.to_datetime(inc["occurred_at"]).astype("datetime64[ns]")
        # Strikes over all live incidents of the lesson (before any filtering by rule or student).
        inc = inc.sort_values(["occurred_at", "incident_id"], kind="mergesort")
        inc["strike"] = inc.groupby(["lesson_id", "student_id"], sort=False).cumcount() + 1
        lesson_cols = les[["lesson_id", "group", "date", "period", "mood", "energy", "_hour"]]
        inc = inc.merge(lesson_cols, on="lesson_id", how="inner")
        rule_cols = rules[["rule_id", "rule", "category"]]
        inc = inc.merge(rule_cols, on="rule_id", how="inner")
        inc = inc.merge(
            students[["student_id", "name", *attr_cols]].rename(columns={"name": "student_name"}),
            on="student_id",
            how="inner",
        )
        inc = inc.sort_values(["occurred_at", "incident_id"], kind="mergesort").reset_index(drop=True)
        inc["step"] = inc["step"].astype("int64")
        inc["start_step"] = _effective_start(inc, rules, phase_downs)
        inc["top_step"] = _top_steps(inc, tables.get("ladder_changes"), top)
        inc["agreed_step"] = agreed_step(inc["start_step"], inc["strike"], inc["top_step"]).astype("int64")
        inc["deviation"] = np.sign(inc["step"] - inc["agreed_step"]).astype("int64")
        inc["outcome"] = np.array(["milder", "agreed", "stricter"], dtype=object)[inc["deviation"] + 1]
        kinds = ladder.set_index("level")["kind"]
        inc["consequence"] = inc["step"].map(kinds).eq("consequence").to_numpy(dtype=bool)
        inc["week_start"] = _week_start(inc["date"])
        inc["weekday"] = _weekday(inc["date"])
        hour = inc["_hour"].where(inc["_hour"].notna(), inc["occurred_at"].dt.hour)
        inc["hour"] = hour.astype("int64")
        inc["period"] = _period_text(inc["period"], hour)
        inc["month"] = inc["date"].dt.strftime("%Y-%m").astype(object)
        inc["term"] = term_of(inc["date"])
        inc["lesson_mood"] = _known(inc["mood"], MOODS)
        inc["teacher_energy"] = _known(inc["energy"], ENERGIES)
        inc["stratum"] = inc["rule"].astype(str) + "|" + inc["strike"].astype(str)
        for col in ("student_id", "student_name", "group", "rule", "category"):
            inc[col] = inc[col].astype(object)
        incidents = _with_follow_ups(inc[[*INCIDENT_COLUMNS, *attr_cols]], tables.get("follow_ups"))

    praise = _praise(tables["praise"], tables["lessons"], students, d_from, d_to)
    per_group = lessons.groupby("group").size()
    lessons_per_student = (
        students.set_index("student_id")["group"].map(per_group).fillna(0).astype("int64")
    ).rename("lessons")

    return AuditFrame(
        incidents=incidents,
        students=students.reset_index(drop=True),
        praise=praise,
        lessons=lessons,
        lessons_per_student=lessons_per_student,
        ladder=ladder,
        rules=rules.reset_index(drop=True),
        phase_downs=phase_downs.reset_index(drop=True),
        attributes=attributes,
        date_from=d_from,
        date_to=d_to,
    )


def _praise(
    raw: pd.DataFrame,
    raw_lessons: pd.DataFrame,
    students: pd.DataFrame,
    d_from: date | None,
    d_to: date | None,
) -> pd.DataFrame:
    """Praise with the student's class, day and week, limited to the period."""
    import pandas as pd

    p = raw[["praise_id", "student_id", "occurred_at"]].copy()
    p["student_id"] = p["student_id"].astype(str)
    p["occurred_at"] = pd.to_datetime(p["occurred_at"]).astype("datetime64[ns]")
    p = p.merge(students[["student_id", "group"]], on="student_id", how="inner")
    p["date"] = p["occurred_at"].dt.normalize()
    if "lesson_id" in raw and not p.empty and not raw_lessons.empty and raw["lesson_id"].notna().any():
        lesson_day = pd.to_datetime(raw_lessons.set_index("lesson_id")["date"]).astype("datetime64[ns]")
        by_lesson = pd.to_datetime(raw.set_index("praise_id")["lesson_id"].map(lesson_day))
        on_lesson = pd.to_datetime(p["praise_id"].map(by_lesson)).astype("datetime64[ns]")
        p["date"] = on_lesson.where(on_lesson.notna(), p["date"])
    if d_from:
        p = p[p["date"] >= pd.Timestamp(d_from)]
    if d_to:
        p = p[p["date"] <= pd.Timestamp(d_to)]
    p["week_start"] = _week_start(p["date"])
    p["group"] = p["group"].astype(object)
    return p[["praise_id", "student_id", "group", "occurred_at", "date", "week_start"]].reset_index(drop=True)
