"""Opening validates the file read-only: damaged, foreign and newer files are refused, intact."""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from contextlib import closing
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import StoreError
from app.safety import integrity
from app.safety.backup import list_backups
from app.safety.integrity import DamagedStoreError, NewerStoreError, check_store
from app.store.store import Store


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _fill(db_path: Path, n: int = 300) -> None:
    with Store.open(db_path) as store:
        store.auto_backup = False
        for i in range(n):
            store.add_student(f"S{i}", f"Leerling nummer {i} met een lange naam", f"klas {i % 7}")


def test_a_text_file_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"not a database, just notes\n" * 10)
    before = _files(tmp_path)
    with pytest.raises(DamagedStoreError, match="beschadigd of geen fair-strictness-bestand"):
        Store.open(path)
    assert _files(tmp_path) == before


def test_a_foreign_sqlite_file_in_rollback_mode_stays_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soep')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    assert before[18:20] == b"\x01\x01"  # rollback journal: opening it in WAL mode would change it
    with pytest.raises(DamagedStoreError):
        Store.open(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.sqlite"]


def test_a_damaged_store_is_refused_and_left_untouched(db_path: Path) -> None:
    _fill(db_path)
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    data[3 * page : 5 * page] = b"\xa5" * (2 * page)  # two b-tree pages turned to noise
    db_path.write_bytes(bytes(data))
    before = db_path.read_bytes()
    with pytest.raises(DamagedStoreError, match="back-up terugzetten"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_a_store_from_a_newer_version_is_refused(db_path: Path) -> None:
    _fill(db_path, 3)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(NewerStoreError, match="nieuwere versie"):
        Store.open(db_path)
    assert db_path.read_bytes() == before


def test_an_older_store_is_backed_up_before_it_is_migrated(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(db_path, 3)
    from app.schema import migrate

    real_known, _head = migrate.known_revisions()
    monkeypatch.setattr(migrate, "known_revisions", lambda: (real_known | {"0099"}, "0099"))
    with Store.open(db_path) as store:
        store.auto_backup = False
        assert len(store.students()) == 3
    safety = [b for b in list_backups(db_path) if b.kind == "voor-update"]
    assert len(safety) == 1
    assert check_store(safety[0].path).revision == _head


def test_a_zero_length_file_is_refused_not_turned_into_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    os.utime(path, (1_000_000, 1_000_000))
    with pytest.raises(DamagedStoreError, match=r"is leeg \(0 bytes\).*niet gewijzigd"):
        Store.open(path)
    assert path.stat().st_size == 0 and path.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]  # no -wal/-shm, no backups


def test_a_missing_file_becomes_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    assert check_store(path).kind == "new"
    with Store.open(path) as store:
        assert len(store.ladder()) == 5


def _owner_read_only(path: Path) -> None:
    path.chmod(0o500 if path.is_dir() else 0o400)


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_store_is_refused_clearly_and_left_alone(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "log.db"
    _fill(path, 5)
    before = _files(folder)
    mtime = path.stat().st_mtime_ns
    _owner_read_only(path if where == "file" else folder)
    try:
        with pytest.raises(integrity.ReadOnlyStoreError, match=r"is alleen-lezen.*niet gewijzigd"):
            Store.open(path)
    finally:
        folder.chmod(0o700)
        path.chmod(0o600)
    assert _files(folder) == before  # no -wal/-shm left behind, no backup written
    assert path.stat().st_mtime_ns == mtime


def test_a_folder_given_as_store_gets_a_dutch_message(tmp_path: Path) -> None:
    folder = tmp_path / "map.db"
    folder.mkdir()
    with pytest.raises(StoreError, match="is een map, geen logboek"):
        Store.open(folder)
    assert list(folder.iterdir()) == []


def test_store_and_its_wal_files_are_private(db_path: Path) -> None:
    old = os.umask(0o022)
    try:
        store = Store.open(db_path)
        store.add_student("1", "Ann", "1A")
        modes = {
            p.name: stat.S_IMODE(os.stat(p).st_mode)
            for p in db_path.parent.iterdir()
            if p.name.startswith("log.db")
        }
        assert set(modes) == {"log.db", "log.db-wal", "log.db-shm"}
        assert set(modes.values()) == {0o600}
        store.close()
    finally:
        os.umask(old)


def test_an_existing_readable_store_is_made_private(db_path: Path) -> None:
    _fill(db_path, 1)
    os.chmod(db_path, 0o644)
    with Store.open(db_path) as store:
        store.auto_backup = False
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600


def test_opening_an_up_to_date_store_writes_nothing(db_path: Path) -> None:
    _fill(db_path, 2)
    with Store.open(db_path) as store:
        store.auto_backup = False
        revision = store.revision
    with Store.open(db_path) as store:
        store.auto_backup = False
        assert store.revision == revision


def test_file_kind_reads_only_the_header(tmp_path: Path) -> None:
    assert integrity.file_kind(tmp_path / "missing.db") == "new"
    plain = tmp_path / "plain.db"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    assert integrity.file_kind(plain) == "plain"
    noise = tmp_path / "noise.db"
    noise.write_bytes(os.urandom(4096))
    assert integrity.file_kind(noise) == "opaque"
    with pytest.raises(integrity.PassphraseRequiredError):
        check_store(noise)


def test_nothing_in_the_app_evaluates_or_unpickles_input() -> None:
    import ast

    banned_modules = {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "joblib", "cloudpickle"}
    banned_builtins = {"eval", "exec"}  # as bare names: Qt's dialog.exec() is fine
    banned_methods = {"read_pickle", "unsafe_load", "full_load"}
    found: list[str] = []
    root = Path(__file__).resolve().parents[2] / "app"
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name.split(".")[0] for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [(node.module or "").split(".")[0]]
            elif isinstance(node, ast.Call):
                func = node.func
                bare = isinstance(func, ast.Name) and func.id in banned_builtins
                method = isinstance(func, ast.Attribute) and func.attr in banned_methods
                names = [f"call:{ast.unparse(func)}"] if bare or method else []
            else:
                continue
            found += [
                f"{path.relative_to(root)}:{node.lineno} {n}"
                for n in names
                if n in banned_modules or n.startswith("call:")
            ]
    assert found == []


def test_large_files_are_scanned_only_after_an_unclean_shutdown(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(db_path, 3)
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 1024)
    assert not integrity.needs_quick_check(db_path)  # closed cleanly: the WAL is empty
    db_path.with_name(db_path.name + "-wal").write_bytes(b"\x00" * 32)
    assert integrity.needs_quick_check(db_path)
    monkeypatch.setattr(integrity, "QUICK_CHECK_MAX_BYTES", 10**9)
    db_path.with_name(db_path.name + "-wal").unlink()
    assert integrity.needs_quick_check(db_path)


_HEALTHY: dict[str, bytes] = {}


def _healthy_store_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if "plain" not in _HEALTHY:
        path = tmp_path_factory.mktemp("healthy") / "h.db"
        _fill(path, 20)
        _HEALTHY["plain"] = path.read_bytes()
    return _HEALTHY["plain"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), max_size=8),
    cut=st.one_of(st.none(), st.integers(min_value=0)),
)
def test_a_mangled_store_file_never_crashes_and_is_never_changed(
    tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[int, int]], cut: int | None
) -> None:
    data = bytearray(_healthy_store_bytes(tmp_path_factory))
    for position, mask in flips:
        data[position % len(data)] ^= mask
    if cut is not None:
        data = data[: cut % (len(data) + 1)]
    path = tmp_path_factory.mktemp("mangled") / "m.db"
    path.write_bytes(bytes(data))
    try:
        check_store(path)
    except integrity.StoreError:
        assert sorted(p.name for p in path.parent.iterdir()) == ["m.db"]  # nothing left beside it
    assert path.read_bytes() == bytes(data)


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=5000), st.booleans())
def test_arbitrary_bytes_are_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory, blob: bytes, header: bool
) -> None:
    path = tmp_path_factory.mktemp("blob") / "b.db"
    content = (integrity.SQLITE_HEADER + blob) if header else blob
    path.write_bytes(content)
    try:
        result = check_store(path)
    except integrity.StoreError:
        result = None
    assert result is None or result.revision is None  # only an empty file or database passes
    assert path.read_bytes() == content


def test_a_failed_creation_leaves_no_empty_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.schema import migrate

    def broken(*_args: object) -> None:
        raise StoreError("kapot")

    monkeypatch.setattr(migrate, "upgrade", broken)
    path = tmp_path / "new.db"
    with pytest.raises(StoreError, match="kapot"):
        Store.open(path)
    assert not path.exists()  # the next start makes a new store instead of refusing an empty file


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TRIGGER wipe AFTER INSERT ON incident BEGIN DELETE FROM praise; END",
        "CREATE VIEW names AS SELECT display_name FROM student",
    ],
)
def test_a_store_with_triggers_or_views_from_elsewhere_is_refused(tmp_path: Path, sql: str) -> None:
    path = tmp_path / "van-elders.db"
    _fill(path, 3)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()
    before = _files(tmp_path)
    with pytest.raises(DamagedStoreError, match=r"triggers of views.*niet gewijzigd"):
        Store.open(path)
    assert _files(tmp_path) == before


def test_a_table_name_that_is_not_utf8_is_refused_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    _fill(path, 3)
    data = path.read_bytes()
    at = data.index(b"tablestudentstudent")  # type, name, tbl_name of the row in sqlite_master
    path.write_bytes(data[: at + 5] + b"\xe9" + data[at + 6 :])  # the name's 's' -> invalid UTF-8
    with pytest.raises(DamagedStoreError) as caught:  # SQLite's own error message cannot be decoded
        Store.open(path)
    assert isinstance(caught.value.__cause__, UnicodeDecodeError)


@pytest.mark.parametrize(
    ("sql", "where"),
    [
        ("UPDATE incident SET occurred_at = 'gisteren'", "incident.occurred_at"),
        ("UPDATE lesson SET date = '2026-02-30'", "lesson.date"),
        ("UPDATE reflection SET answers = '{kapot'", "reflection.answers"),
        ("UPDATE reflection SET answers = '[1, 2]'", "reflection.answers"),
        ("UPDATE student SET seat_row = 'x'", "student.seat_row"),
        ("UPDATE student SET archived = 7", "student.archived"),
        ("UPDATE student SET display_name = x'00ff'", "student.display_name"),
        ("UPDATE rule SET category = 'anders'", "rule: rule_category_valid"),
        ("UPDATE incident SET student_id = 999", "incident -> student"),
    ],
)
def test_rows_the_app_cannot_read_are_refused_before_use(tmp_path: Path, sql: str, where: str) -> None:
    path = tmp_path / "knoeiwerk.db"
    with Store.open(path) as store:
        store.auto_backup = False
        ann = store.add_student("1", "Ann", "1A", {"ondersteuning": "ja"})
        store.log_incident(ann.id, store.rules()[0].id, occurred_at=datetime(2026, 10, 5, 9))
        store.save_reflection(date(2026, 10, 5), "week", {"q": "a"})
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")  # like a file whose schema has none
        conn.execute(sql)
        conn.commit()
    before = _files(tmp_path)
    with pytest.raises(DamagedStoreError, match=rf"niet kan lezen \(in {re.escape(where)}.*niet gewijzigd"):
        Store.open(path)
    assert _files(tmp_path) == before


def test_a_store_the_app_wrote_passes_the_content_check(tmp_path: Path) -> None:
    from app.simulation.demo import fill_demo

    path = tmp_path / "demo.db"
    with Store.open(path) as store:
        store.auto_backup = False
        fill_demo(store)
    with closing(integrity.connect_read_only(path)) as conn:
        from app.safety.content_check import content_problem

        assert content_problem(conn) is None
