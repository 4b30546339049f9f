"""Roster import: plain CSV, school administration exports, XLSX, re-import, and refused files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import ImportProblem
from app.importers import apply_roster, import_roster, preview_roster
from app.store.store import Store
from tests.importers.test_import_common import snapshot, write

MAGISTER = (
    "Stamnr;Roepnaam;Tussenv;Achternaam;Klas;Geslacht;Ondersteuningsplan\r\n"
    "21034;Zoë;de;Vries;2A;V;ja\r\n"
    "21035;Daan;;Bakker;2A;M;\r\n"
    "21036;Noël;van der;Meer;2B;M;nee\r\n"
)
SOMTODAY = (
    "Leerlingnummer,Roepnaam,Voorvoegsel,Achternaam,Stamgroep,Geslacht\n"
    "21034,Zoë,de,Vries,2A,V\n"
    "21035,Daan,,Bakker,2A,M\n"
    "21036,Noël,van der,Meer,2B,M\n"
)
PARNASSYS = (
    " leerlingnummer \tRoepnaam\tTussenvoegsel\tAchternaam\tGroep\tGeslacht\n"
    "21034\tZoë\tde\tVries\t2A\tV\n"
    "21035\tDaan\t\tBakker\t2A\tM\n"
    "21036\tNoël\tvan der\tMeer\t2B\tM\n"
)


def names(store: Store) -> dict[str, tuple[str, str, dict[str, str]]]:
    """external id -> (name, class, attributes)."""
    return {s.external_id: (s.name, s.class_name, s.attributes) for s in store.students()}


def test_plain_csv_with_attribute_columns(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, "student_id,name,group,gender,support plan\n1,Ann,1A,f,yes\n2,Bo,1B,m,\n")
    summary = import_roster(store, path)
    assert (summary.added, summary.updated, summary.unchanged) == (2, 0, 0)
    assert summary.attributes == ("gender", "support plan")
    assert names(store) == {
        "1": ("Ann", "1A", {"gender": "f", "support plan": "yes"}),
        "2": ("Bo", "1B", {"gender": "m"}),
    }
    assert store.attribute_names() == ["gender", "support plan"]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [(MAGISTER, "cp1252"), (SOMTODAY, "utf-8-sig"), (PARNASSYS, "cp1252"), (MAGISTER, "utf-8")],
    ids=["magister-cp1252", "somtoday-bom", "parnassys-tab", "magister-utf8"],
)
def test_school_administration_exports(store: Store, tmp_path: Path, text: str, encoding: str) -> None:
    import_roster(store, write(tmp_path, text, encoding=encoding))
    got = names(store)
    assert got["21034"][:2] == ("Zoë de Vries", "2A")
    assert got["21035"][:2] == ("Daan Bakker", "2A")
    assert got["21036"][:2] == ("Noël van der Meer", "2B")
    assert got["21034"][2]["Geslacht"] == "V"


def test_xlsx_roster(store: Store, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Stamnr", "Roepnaam", "Tussenvoegsel", "Achternaam", "Klas", "Geslacht"])
    sheet.append([21034, "Zoë", "de", "Vries", "2A", "V"])
    sheet.append([21035, "Łukasz", None, "Nowak", "2B", "M"])
    path = tmp_path / "roster.xlsx"
    workbook.save(path)
    assert import_roster(store, path).added == 2
    assert names(store)["21035"] == ("Łukasz Nowak", "2B", {"Geslacht": "M"})


def test_reimport_updates_and_never_duplicates(store: Store, tmp_path: Path) -> None:
    import_roster(store, write(tmp_path, MAGISTER, encoding="cp1252"))
    changed = MAGISTER.replace("21035;Daan;;Bakker;2A;M;", "21035;Daan;;Bakker-Smit;2B;M;ja").replace(
        "21036;Noël;van der;Meer;2B;M;nee", "21036;Noël;van der;Meer;2B;M;"
    )
    path = write(tmp_path, changed, "again.csv")
    preview = preview_roster(store, path)
    assert preview.ok and not preview.new and preview.unchanged == 1
    changes = {u.row.student_id: {(c.field, c.old, c.new) for c in u.changes} for u in preview.updated}
    assert changes == {
        "21035": {
            ("name", "Daan Bakker", "Daan Bakker-Smit"),
            ("group", "2A", "2B"),
            ("Ondersteuningsplan", "", "ja"),
        },
        "21036": {("Ondersteuningsplan", "nee", "")},
    }
    summary = apply_roster(store, preview)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 2, 1)
    assert len(store.students()) == 3
    assert names(store)["21035"] == ("Daan Bakker-Smit", "2B", {"Geslacht": "M", "Ondersteuningsplan": "ja"})
    assert "Ondersteuningsplan" not in names(store)["21036"][2]
    again = preview_roster(store, path)
    assert (len(again.new), len(again.updated), again.unchanged) == (0, 0, 3)


def test_an_attribute_header_in_other_case_is_the_stored_attribute(store: Store, tmp_path: Path) -> None:
    import_roster(store, write(tmp_path, "Stamnr;Naam;Klas;Geslacht\n1;Ann;1A;V\n"))
    summary = import_roster(store, write(tmp_path, "Stamnr;Naam;Klas;geslacht \n1;Ann;1A;V\n", "b.csv"))
    assert (summary.updated, summary.unchanged, summary.attributes) == (0, 1, ("Geslacht",))
    assert store.attribute_names() == ["Geslacht"]


def test_every_bad_row_is_reported_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    store.add_student("9", "Existing", "1A")
    before = snapshot(store)
    path = write(
        tmp_path,
        "student_id;name;group\n1;Ann;1A\n;No id;1A\n2;;1A\n1;Ann again;1B\n3;Cas;\n4;Dirk;1A\n",
    )
    preview = preview_roster(store, path)
    assert [p.line for p in preview.problems] == [3, 4, 5, 6]
    messages = [p.message for p in preview.problems]
    assert "leerlingnummer is leeg" in messages[0]
    assert "naam is leeg" in messages[1]
    assert "regel 2" in messages[2]
    assert "klas is leeg" in messages[3]
    with pytest.raises(ImportProblem) as info:
        import_roster(store, path)
    text = str(info.value)
    assert "4 problemen" in text and "regel 3:" in text and "regel 6:" in text
    assert snapshot(store) == before


def test_missing_columns_are_named(store: Store, tmp_path: Path) -> None:
    before = snapshot(store)
    with pytest.raises(ImportProblem) as info:
        import_roster(store, write(tmp_path, "nummer,voornaam\n1,Ann\n"))
    text = str(info.value)
    assert "'student_id' ontbreekt" in text and "'group' ontbreekt" in text
    assert snapshot(store) == before


def test_messages_follow_the_language(store: Store, tmp_path: Path) -> None:
    from app.core.i18n import set_language

    set_language("en")
    with pytest.raises(ImportProblem) as info:
        import_roster(store, write(tmp_path, "student_id,name,group\n1,,1A\n"))
    assert "line 2: the name is empty." in str(info.value)


def test_apply_refuses_a_preview_with_problems(store: Store, tmp_path: Path) -> None:
    preview = preview_roster(store, write(tmp_path, "student_id,name,group\n1,,1A\n"))
    assert not preview.ok
    with pytest.raises(ImportProblem):
        apply_roster(store, preview)
    assert store.students() == []


def test_too_long_values_are_refused(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, f"student_id,name,group\n1,{'x' * 201},1A\n")
    message = preview_roster(store, path).problems[0].message
    assert "langer dan 200" in message
    assert not message.endswith("..")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(alphabet=st.sampled_from(list('12ab;,"\n Zë')), max_size=120))
def test_fuzzed_roster_files_import_or_are_refused_whole(store: Store, tmp_path: Path, body: str) -> None:
    path = write(tmp_path, "student_id;name;group\n" + body, "fuzz.csv")
    before = snapshot(store)
    try:
        import_roster(store, path)
    except ImportProblem:
        assert snapshot(store) == before


def test_only_the_chosen_columns_become_attributes(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Stamnr;Roepnaam;Achternaam;Klas;Geslacht;Adres;Geboortedatum\n"
        "1;Ann;Wit;1A;V;Dorpsstraat 1;2012-03-04\n",
    )
    preview = preview_roster(store, path, attributes=["geslacht"])
    assert preview.ok and preview.attributes == ("Geslacht",)
    assert preview.new[0].attributes == (("Geslacht", "V"),)
    summary = import_roster(store, path, attributes=[])
    assert summary.attributes == ()
    assert store.students()[0].attributes == {}
    wrong = preview_roster(store, path, attributes=["ondersteuningsplan"])
    assert [p.line for p in wrong.problems] == [1]
    assert "kenmerk 'ondersteuningsplan' staat niet als kolom" in wrong.problems[0].message


def test_two_differing_columns_for_the_same_field_are_refused(store: Store, tmp_path: Path) -> None:
    preview = preview_roster(store, write(tmp_path, "Stamnr;Naam;Klas;Stamgroep\n1;Ann;1A;1A\n2;Bo;1A;1B\n"))
    assert "'Klas' en 'Stamgroep' betekenen hetzelfde maar verschillen" in preview.problems[0].message


def test_two_agreeing_columns_for_the_same_field_are_one(store: Store, tmp_path: Path) -> None:
    preview = preview_roster(store, write(tmp_path, "Stamnr;Naam;Klas;Stamgroep\n1;Ann;1A;1A\n2;Bo;1B; 1B\n"))
    assert preview.problems == ()
    assert [(r.student_id, r.group) for r in preview.new] == [("1", "1A"), ("2", "1B")]
    assert preview.attributes == ()


def test_repeated_free_columns_are_kept_apart(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Stamnr;Roepnaam;Achternaam;Klas;Opmerking;Opmerking\n5001;Piet;Puk;1B;bril;links\n",
    )
    summary = import_roster(store, path)
    assert summary.added == 1
    assert summary.attributes == ("Opmerking", "Opmerking (2)")
    assert store.student_by_external_id("5001") is not None
    assert import_roster(store, path).unchanged == 1


def test_a_repeated_key_column_is_refused(store: Store, tmp_path: Path) -> None:
    preview = preview_roster(store, write(tmp_path, "Stamnr;Naam;Klas;Klas\n1;Ann;1A;1B\n"))
    assert "kolom 'Klas' staat er twee keer" in preview.problems[0].message
    same = preview_roster(store, write(tmp_path, "Stamnr;Naam;Klas;Klas\n1;Ann;1A;1A\n", "same.csv"))
    assert same.problems == () and same.new[0].group == "1A"


def test_a_whole_school_is_written_without_a_query_per_student(store: Store, tmp_path: Path) -> None:
    from sqlalchemy import event

    lines = [
        f"{1000 + i};Leerling {i};K{i % 12};{'MV'[i % 2]};{'ja' if i % 7 == 0 else 'nee'}" for i in range(400)
    ]
    path = write(tmp_path, "Stamnr;Naam;Klas;Geslacht;Ondersteuningsplan\n" + "\n".join(lines) + "\n")
    preview = preview_roster(store, path)
    selects: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        summary = apply_roster(store, preview)
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    assert summary.added == 400
    assert len(selects) < 60, len(selects)
    assert len(store.students()) == 400
    assert sorted(store.attribute_names()) == ["Geslacht", "Ondersteuningsplan"]


def test_a_class_in_other_capitals_is_the_stored_class(store: Store, tmp_path: Path) -> None:
    import_roster(store, write(tmp_path, "Stamnr;Naam;Klas\n1;Ann;2A\n"))
    summary = import_roster(
        store, write(tmp_path, "Stamnr;Naam;Klas\n1;Ann;2a\n2;Bo;2a\n3;Cas;3b\n4;Di;3B\n", "b.csv")
    )
    assert (summary.added, summary.updated, summary.unchanged) == (3, 0, 1)
    assert sorted(c.name for c in store.classes()) == ["2A", "3b"]
