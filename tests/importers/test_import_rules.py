"""Rules import: new and updated rules by name, Dutch category words, refused files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportProblem, UserError
from app.importers import apply_rules, import_rules, preview_rules
from app.store.store import Store
from tests.importers.test_import_common import snapshot, write


def test_new_rules_and_updates_by_name(store: Store, tmp_path: Path) -> None:
    n_before = len(store.rules())
    path = write(
        tmp_path,
        "name;category;start_step\n"
        "telefoon weg;respect;2\n"
        "Niet rennen op de gang;Veiligheid;3\n"
        "Jas uit;routine;1\n"
        "Op tijd en met spullen;routine;1\n",
    )
    preview = preview_rules(store, path)
    assert [r.name for r in preview.new] == ["Niet rennen op de gang", "Jas uit"]
    assert [(u.row.name, u.changes) for u in preview.updated] == [
        ("telefoon weg", (("name", "Telefoon weg", "telefoon weg"), ("category", "routine", "respect"),
                          ("start_step", "1", "2"))),
    ]  # fmt: skip
    assert preview.unchanged == 1
    summary = apply_rules(store, preview)
    assert (summary.added, summary.updated, summary.unchanged) == (2, 1, 1)
    rules = {r.name: r for r in store.rules()}
    assert len(rules) == n_before + 2
    assert (rules["telefoon weg"].category, rules["telefoon weg"].start_step) == ("respect", 2)
    assert (rules["Niet rennen op de gang"].category, rules["Niet rennen op de gang"].start_step) == (
        "safety",
        3,
    )
    assert rules["Jas uit"].position > rules["Niet rennen op de gang"].position


def test_dutch_headers_and_optional_columns_keep_existing_values(store: Store, tmp_path: Path) -> None:
    import_rules(store, write(tmp_path, "Afspraak,Categorie\nRespectvol taalgebruik,\nNieuw,veilig\n"))
    rules = {r.name: r for r in store.rules()}
    assert (rules["Respectvol taalgebruik"].category, rules["Respectvol taalgebruik"].start_step) == (
        "respect",
        2,
    )
    assert (rules["Nieuw"].category, rules["Nieuw"].start_step) == ("safety", 1)


def test_bad_rows_are_all_reported_and_nothing_changes(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    path = write(
        tmp_path,
        "name,category,start_step\nA,routine,1\n,routine,1\nB,boos,1\nC,respect,9\nD,respect,twee\na,routine,1\n",
    )
    with pytest.raises(ImportProblem) as info:
        import_rules(store, path)
    text = str(info.value)
    for needle in (
        "regel 3: de naam is leeg",
        "regel 4: onbekende categorie 'boos'",
        "regel 5: startstap '9'",
        "regel 6: startstap 'twee'",
        "regel 7: afspraak 'a' staat ook op regel 2",
    ):
        assert needle in text
    assert snapshot(store) == before


def test_unknown_column_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportProblem, match="onbekende kolom 'kleur'"):
        import_rules(store, write(tmp_path, "name,kleur\nA,rood\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(alphabet=st.sampled_from(list('AB12;,\n routinesafety"')), max_size=120))
def test_fuzzed_rule_files_import_or_are_refused_whole(store: Store, tmp_path: Path, body: str) -> None:
    path = write(tmp_path, "name;category;start_step\n" + body, "fuzz.csv")
    before = snapshot(store)
    try:
        import_rules(store, path)
    except ImportProblem:
        assert snapshot(store) == before


def test_names_starting_with_an_accented_capital_match_ignoring_case(store: Store, tmp_path: Path) -> None:
    import_rules(store, write(tmp_path, "name,category,start_step\nÉén keer Ölen,routine,1\n"))
    summary = import_rules(store, write(tmp_path, "name,category\nÉÉN KEER ÖLEN,respect\n", "b.csv"))
    assert (summary.added, summary.updated) == (0, 1)
    matching = [r for r in store.rules() if r.name.lower() == "één keer ölen"]
    assert [(r.name, r.category) for r in matching] == [("ÉÉN KEER ÖLEN", "respect")]
    rule = store.rule_by_name("  één   keer ölen ")
    assert rule is not None and rule.category == "respect"
    with pytest.raises(UserError):
        store.add_rule("één keer ölen")


def test_a_start_step_that_is_no_number_says_so(store: Store, tmp_path: Path) -> None:
    preview = preview_rules(store, write(tmp_path, "name,category,start_step\nA,routine,twee\n"))
    assert (
        preview.problems[0].message
        == "startstap 'twee' is geen getal (gebruik het nummer van de stap, 1 tot 5)."
    )
