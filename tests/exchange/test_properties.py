"""Property-based tests: whatever happens to a package on the way, the importer answers with
an ExchangeError (or, for a harmless change, a no-op) and never writes half of it."""

from __future__ import annotations

import contextlib
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db.exchange import ExchangeError, import_package, preview_import
from tests.exchange.conftest import SiteEnv, add_unit_and_cadre, add_visit, digest
from tests.exchange.test_refusals import entries_of, resign, rezip

SETTINGS = settings(max_examples=120, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@pytest.fixture
def applied(sites: dict[str, SiteEnv]) -> tuple[SiteEnv, SiteEnv, Path]:
    """A school package the county has already imported: any mangled copy that still reads
    is a re-import and must change nothing."""
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = add_unit_and_cadre(city)
    county.receive(city.send(county))
    school.receive(county.send(school))
    add_visit(school, unit_id, cadre_id)
    add_visit(school, unit_id, cadre_id, problem_text="教室灯光昏暗")
    path = school.send(county)
    county.receive(path)
    return county, school, path


def import_mangled(county: SiteEnv, path: Path) -> None:
    before = digest(county.db)
    try:
        report = import_package(county.db, path)
    except ExchangeError as exc:
        assert exc.message  # a message in words, never an empty one
        event(exc.message.split("，")[0][-12:])
    else:
        event("read as a re-import")
        assert report.nothing_to_do
    assert digest(county.db) == before


@SETTINGS
@given(flips=st.lists(st.tuples(st.integers(min_value=0), st.integers(1, 255)),
                      min_size=1, max_size=8))
def test_byte_flips(applied: tuple[SiteEnv, SiteEnv, Path],
                    tmp_path_factory: pytest.TempPathFactory, flips: list[tuple[int, int]]) -> None:
    county, _, path = applied
    data = bytearray(path.read_bytes())
    for pos, xor in flips:
        data[pos % len(data)] ^= xor
    out = tmp_path_factory.mktemp("flip") / "p.mqpkg"
    out.write_bytes(bytes(data))
    import_mangled(county, out)


@SETTINGS
@given(cut=st.integers(min_value=0))
def test_truncation(applied: tuple[SiteEnv, SiteEnv, Path],
                    tmp_path_factory: pytest.TempPathFactory, cut: int) -> None:
    county, _, path = applied
    data = path.read_bytes()
    out = tmp_path_factory.mktemp("cut") / "p.mqpkg"
    out.write_bytes(data[:cut % len(data)])
    import_mangled(county, out)


NAMES = st.one_of(
    st.sampled_from(["manifest.json", "manifest.sig", "data/visit.jsonl", "data/problem.jsonl",
                     "data/unit.jsonl", "data/setting.jsonl", "../x", "/abs", "data/../y",
                     "data/visit.jsonl/", "DATA/visit.jsonl", "data//visit.jsonl"]),
    st.text(min_size=1, max_size=30),
)


@SETTINGS
@given(data=st.data())
def test_entries_removed_added_renamed(applied: tuple[SiteEnv, SiteEnv, Path],
                                       tmp_path_factory: pytest.TempPathFactory,
                                       data: st.DataObject) -> None:
    county, _, path = applied
    entries = list(entries_of(path).items())
    for _ in range(data.draw(st.integers(1, 4))):
        op = data.draw(st.sampled_from(["remove", "add", "rename", "swap"]))
        if op == "remove" and entries:
            entries.pop(data.draw(st.integers(0, len(entries) - 1)))
        elif op == "add":
            entries.append((data.draw(NAMES), data.draw(st.binary(max_size=200))))
        elif op == "rename" and entries:
            i = data.draw(st.integers(0, len(entries) - 1))
            entries[i] = (data.draw(NAMES), entries[i][1])
        elif op == "swap" and len(entries) > 1:
            i = data.draw(st.integers(0, len(entries) - 1))
            j = data.draw(st.integers(0, len(entries) - 1))
            entries[i], entries[j] = (entries[i][0], entries[j][1]), (entries[j][0], entries[i][1])
    out = tmp_path_factory.mktemp("ren") / "p.mqpkg"
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rezip(path, out, entries)
    except (ValueError, UnicodeEncodeError, IndexError):
        return  # zipfile itself cannot write such a name
    import_mangled(county, out)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["2022-06-10", "0001-01-01T00:00:00+05:00", "9999-12-31",
                       "00000000-0000-0000-0000-000000000000", "2022-06-10T00:00:00"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=5,
)


@SETTINGS
@given(data=st.data())
def test_signed_but_strange_content(sites: dict[str, SiteEnv],
                                    applied: tuple[SiteEnv, SiteEnv, Path],
                                    tmp_path_factory: pytest.TempPathFactory,
                                    data: st.DataObject) -> None:
    """A trusted sender with a bug: the rows are signed but odd. Only ExchangeError, and a
    failed import writes nothing."""
    county, school, path = applied
    entries = entries_of(path)
    manifest = json.loads(entries["manifest.json"])
    target = data.draw(st.sampled_from([e["name"] for e in manifest["entries"]] + ["manifest"]))
    if target == "manifest" and data.draw(st.booleans()):
        key = data.draw(st.sampled_from(sorted(manifest)))
        manifest[key] = data.draw(JSON)
    elif target == "manifest":  # inside the refs, the sites or the entries list
        part = data.draw(st.sampled_from(["refs", "sites", "entries"]))
        container = manifest[part]
        if part == "refs":
            container = container[data.draw(st.sampled_from(sorted(container)))]
        keys = sorted(container) if isinstance(container, dict) else list(range(len(container)))
        if keys:
            container[data.draw(st.sampled_from(keys))] = data.draw(JSON)
    else:
        lines = entries[target].decode().splitlines()
        i = data.draw(st.integers(0, len(lines) - 1))
        row = json.loads(lines[i])
        key = data.draw(st.sampled_from([*sorted(row), "extra"]))
        if data.draw(st.booleans()) and key in row:
            del row[key]
        else:
            row[key] = data.draw(JSON)
        lines[i] = json.dumps(row, ensure_ascii=False)
        blob = ("\n".join(lines) + "\n").encode()
        entries[target] = blob
        import hashlib

        for e in manifest["entries"]:
            if e["name"] == target:
                e["bytes"], e["sha256"] = len(blob), hashlib.sha256(blob).hexdigest()
    entries["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    resign(entries, school)
    out = tmp_path_factory.mktemp("odd") / "p.mqpkg"
    rezip(path, out, entries)
    before = digest(county.db)
    with contextlib.suppress(ExchangeError):
        preview_import(county.db, out)
    assert digest(county.db) == before
    try:
        report = import_package(county.db, out)
        event(f"imported, wrote {report.written}")
    except ExchangeError as exc:
        event(exc.message[:14])
        assert digest(county.db) == before


def test_zip_reader_never_writes_outside(applied: tuple[SiteEnv, SiteEnv, Path]) -> None:
    """The reader never extracts: the files next to the package stay as they are."""
    _, _, path = applied
    with zipfile.ZipFile(path) as zf:
        assert all(not n.startswith(("/", "..")) for n in zf.namelist())


@SETTINGS
@given(data=st.data())
def test_signed_plausible_changes(applied: tuple[SiteEnv, SiteEnv, Path],
                                  tmp_path_factory: pytest.TempPathFactory,
                                  data: st.DataObject) -> None:
    """Well-typed but arbitrary values from a trusted sender: the import either succeeds and
    leaves the search index in step, or refuses with nothing written."""
    import uuid
    from datetime import date, timedelta

    county, school, path = applied
    entries = entries_of(path)
    manifest = json.loads(entries["manifest.json"])
    target = data.draw(st.sampled_from([e["name"] for e in manifest["entries"]]))
    lines = entries[target].decode().splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    row = json.loads(lines[i])
    key = data.draw(st.sampled_from(sorted(k for k in row if k not in ("_links",))))
    value = row[key]
    if isinstance(value, bool):
        row[key] = not value
    elif isinstance(value, int):
        row[key] = data.draw(st.integers(-5, 10))
    elif isinstance(value, str) and len(value) == 36 and value.count("-") == 4:
        row[key] = str(data.draw(st.sampled_from([uuid.uuid4(), uuid.UUID(value)])))
    elif isinstance(value, str) and len(value) == 10 and value[4] == "-":
        row[key] = (date(2022, 6, 1) + timedelta(days=data.draw(st.integers(-400, 400)))
                    ).isoformat()
    elif isinstance(value, str) and "T" in value and value.endswith("+00:00"):
        row[key] = data.draw(st.sampled_from(["2021-01-01T00:00:00+00:00",
                                              "2030-01-01T00:00:00+00:00"]))
    else:
        row[key] = data.draw(st.text(max_size=30))
    lines[i] = json.dumps(row, ensure_ascii=False)
    blob = ("\n".join(lines) + "\n").encode()
    entries[target] = blob
    import hashlib

    for e in manifest["entries"]:
        if e["name"] == target:
            e["bytes"], e["sha256"] = len(blob), hashlib.sha256(blob).hexdigest()
    entries["manifest.json"] = json.dumps(manifest, ensure_ascii=False).encode()
    resign(entries, school)
    out = tmp_path_factory.mktemp("plausible") / "p.mqpkg"
    rezip(path, out, entries)
    before = digest(county.db)
    try:
        report = import_package(county.db, out)
    except ExchangeError as exc:
        event("refused: " + exc.message[:20])
        assert digest(county.db) == before
        return
    event(f"imported: wrote {report.written}, conflicts {len(report.conflicts)}")
    # The index holds exactly one document per live visit and problem.
    with county.db.engine.connect() as c:
        for table, fts in (("visit", "visit_fts"), ("problem", "problem_fts")):
            live = c.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL").scalar()
            indexed = c.exec_driver_sql(f"SELECT count(*) FROM {fts}_docsize").scalar() \
                if c.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name=?",
                                     (f"{fts}_docsize",)).scalar() else live
            assert indexed == live
