"""Every refused package leaves the receiving database exactly as it was."""

from __future__ import annotations

import base64
import json
import zipfile
from pathlib import Path

import pytest

from db.audit import Actor
from db.errors import PermissionDenied
from db.exchange import (
    ExchangeCancelled,
    ExchangeError,
    export_package,
    import_package,
    package,
    preview_import,
)
from db.exchange.keys import load_or_create_key
from db.exchange.pairing import pair
from tests.exchange.conftest import SiteEnv, add_unit_and_cadre, add_visit, digest


def entries_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(path: Path, out: Path, entries: dict[str, bytes] | list[tuple[str, bytes]]) -> Path:
    items = entries.items() if isinstance(entries, dict) else entries
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in items:
            zf.writestr(name, data)
    return out


def resign(entries: dict[str, bytes], env: SiteEnv) -> None:
    key = load_or_create_key(env.keys, env.code)
    entries["manifest.sig"] = base64.b64encode(key.sign(entries["manifest.json"]))


@pytest.fixture
def school_package(sites: dict[str, SiteEnv]) -> Path:
    """A valid package from the school to the county, with a visit and its problem."""
    city, county, school = sites["SZ"], sites["SX"], sites["SX01"]
    unit_id, cadre_id = add_unit_and_cadre(city)
    county.receive(city.send(county))
    school.receive(county.send(school))
    add_visit(school, unit_id, cadre_id)
    return school.send(county)


def refused(env: SiteEnv, path: Path, *words: str) -> None:
    before = digest(env.db)
    with pytest.raises(ExchangeError) as info:
        import_package(env.db, path)
    for word in words:
        assert word in info.value.message, info.value.message
    assert "没有任何改动" in info.value.message or isinstance(info.value, ExchangeCancelled)
    assert digest(env.db) == before


def test_valid_package_is_accepted(sites: dict[str, SiteEnv], school_package: Path) -> None:
    assert import_package(sites["SX"].db, school_package).tables["visit"].new == 1


def test_untrusted_sender(sites: dict[str, SiteEnv], school_package: Path) -> None:
    # The city never paired with the school; make it the receiver to get past that check.
    from db.exchange import export_identity, pair

    city, school = sites["SZ"], sites["SX01"]
    pair(school.db, export_identity(city.db, key_dir=city.keys))
    path = school.send(city)
    refused(city, path, "未配对", "SX01")


def test_bad_signature(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    entries = entries_of(school_package)
    manifest = json.loads(entries["manifest.json"])
    manifest["counts"]["visit"] = 7
    entries["manifest.json"] = json.dumps(manifest).encode()
    refused(sites["SX"], rezip(school_package, tmp_path / "x.mqpkg", entries), "签名无效")
    # Signed by another site's key (the county's own) with the school's name on it.
    resign(entries, sites["SX"])
    refused(sites["SX"], rezip(school_package, tmp_path / "y.mqpkg", entries), "签名无效")


def test_tampered_entry(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    entries = entries_of(school_package)
    entries["data/problem.jsonl"] = entries["data/problem.jsonl"].replace(
        "热水".encode(), "冷水".encode())
    refused(sites["SX"], rezip(school_package, tmp_path / "t.mqpkg", entries), "与签名清单不符")


def test_truncated_file(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    data = school_package.read_bytes()
    for cut in (10, len(data) // 2, len(data) - 5):
        short = tmp_path / f"cut{cut}.mqpkg"
        short.write_bytes(data[:cut])
        refused(sites["SX"], short, "不是完整的交换包")


def test_not_a_zip(sites: dict[str, SiteEnv], tmp_path: Path) -> None:
    path = tmp_path / "报表.mqpkg"
    path.write_text("姓名,电话\n张三,123\n", encoding="utf-8")
    refused(sites["SX"], path, "不是完整的交换包")
    refused(sites["SX"], tmp_path / "missing.mqpkg", "无法读取")


def test_wrong_receiver(sites: dict[str, SiteEnv], school_package: Path) -> None:
    county, school = sites["SX"], sites["SX01"]
    # A package of the county's for the city, brought to the school by mistake.
    path = county.send(sites["SZ"])
    refused(school, path, "不是发给本站", "SZ")


def test_newer_schema(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    entries = entries_of(school_package)
    manifest = json.loads(entries["manifest.json"])
    manifest["schema_revision"] = "9999"
    entries["manifest.json"] = json.dumps(manifest).encode()
    resign(entries, sites["SX01"])
    refused(sites["SX"], rezip(school_package, tmp_path / "n.mqpkg", entries), "更新版本", "升级")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "data/../../x.jsonl",
                                  "C:/Windows/x", "data\\..\\x"])
def test_entry_escaping_its_folder(sites: dict[str, SiteEnv], school_package: Path,
                                   tmp_path: Path, name: str) -> None:
    entries = [*list(entries_of(school_package).items()), (name, b"x")]
    refused(sites["SX"], rezip(school_package, tmp_path / "e.mqpkg", entries), "交换包以外")


def test_unknown_and_duplicate_entries(sites: dict[str, SiteEnv], school_package: Path,
                                       tmp_path: Path) -> None:
    entries = list(entries_of(school_package).items())
    refused(sites["SX"], rezip(school_package, tmp_path / "u.mqpkg",
                               [*entries, ("readme.txt", b"hi")]), "不属于交换包")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        refused(sites["SX"], rezip(school_package, tmp_path / "d.mqpkg",
                                   [*entries, entries[0]]), "出现了两次")


def test_too_many_entries(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    entries = list(entries_of(school_package).items())
    entries += [(f"data/x{i}.jsonl", b"") for i in range(100)]
    refused(sites["SX"], rezip(school_package, tmp_path / "m.mqpkg", entries), "条目")


def test_zip_bomb(sites: dict[str, SiteEnv], school_package: Path, tmp_path: Path) -> None:
    entries = entries_of(school_package)
    entries["data/study_session.jsonl"] = b"\n" * (50 * 1024 * 1024)  # 50 MB → ~50 KB
    refused(sites["SX"], rezip(school_package, tmp_path / "b.mqpkg", entries), "压缩炸弹")


def test_declared_size_lies(sites: dict[str, SiteEnv], school_package: Path,
                            tmp_path: Path) -> None:
    """An entry whose headers claim fewer bytes than it holds."""
    data = bytearray(school_package.read_bytes())
    with zipfile.ZipFile(school_package) as zf:
        info = zf.getinfo("data/visit.jsonl")
    # Central directory: uncompressed size at offset 24 from the record's signature.
    central = data.rfind(b"PK\x01\x02", 0, len(data))
    while central != -1:
        name_len = int.from_bytes(data[central + 28:central + 30], "little")
        if data[central + 46:central + 46 + name_len] == b"data/visit.jsonl":
            data[central + 24:central + 28] = (info.file_size // 2).to_bytes(4, "little")
            break
        central = data.rfind(b"PK\x01\x02", 0, central)
    local = info.header_offset
    data[local + 22:local + 26] = (info.file_size // 2).to_bytes(4, "little")
    path = tmp_path / "lie.mqpkg"
    path.write_bytes(bytes(data))
    refused(sites["SX"], path)


def test_package_over_the_size_limit(sites: dict[str, SiteEnv], school_package: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_PACKAGE_BYTES", 1000)
    refused(sites["SX"], school_package, "超过交换包的上限")


def test_entry_over_the_size_limit(sites: dict[str, SiteEnv], school_package: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_ENTRY_BYTES", 100)
    refused(sites["SX"], school_package, "过大")


def test_missing_references(sites: dict[str, SiteEnv], monkeypatch: pytest.MonkeyPatch) -> None:
    """A school's visit about a unit the county never received: refused, not half-imported."""
    import datetime as dt

    from db.exchange import export

    county, school = sites["SX"], sites["SX01"]
    unit_id, cadre_id = add_unit_and_cadre(school, "乡镇中心小学", "李四")
    school.send(county)  # this package is lost on the way
    add_visit(school, unit_id, cadre_id)
    monkeypatch.setattr(export, "OVERLAP", dt.timedelta(0))
    later = school.send(county)
    refused(county, later, "本站没有的", "全部数据")
    # Sending everything repairs it.
    assert county.receive(school.send(county, full=True)).tables["visit"].new == 1


def test_cancel_leaves_nothing(sites: dict[str, SiteEnv], school_package: Path) -> None:
    county = sites["SX"]
    before = digest(county.db)
    calls: list[str] = []

    def progress(text: str, fraction: float) -> None:
        assert 0.0 <= fraction <= 1.0
        calls.append(text)

    with pytest.raises(ExchangeCancelled):
        import_package(county.db, school_package, progress=progress,
                       cancelled=lambda: any("写入" in c for c in calls))
    assert digest(county.db) == before
    assert preview_import(county.db, school_package).tables["visit"].new == 1


def test_cancelled_export_leaves_no_file(sites: dict[str, SiteEnv]) -> None:
    from db.exchange import export_package

    school = sites["SX01"]
    with pytest.raises(ExchangeCancelled):
        export_package(school.db, "SX", school.outbox, key_dir=school.keys,
                       cancelled=lambda: True)
    assert not school.outbox.exists() or not any(school.outbox.iterdir())


@pytest.mark.parametrize("role", ["viewer", "leader", "school"])
def test_only_clerks_and_administrators_exchange(sites: dict[str, SiteEnv],
                                                 school_package: Path, tmp_path: Path,
                                                 role: str) -> None:
    county, city = sites["SX"], sites["SZ"]
    actor = Actor("someone", role, "某人", unit_id=None)
    before = digest(county.db)
    with pytest.raises(PermissionDenied) as info:
        import_package(county.db, school_package, actor=actor)
    assert "交换数据" in info.value.message
    with pytest.raises(PermissionDenied):
        export_package(county.db, city.code, tmp_path / "out", key_dir=county.keys,
                       actor=actor)
    with pytest.raises(PermissionDenied):
        pair(county.db, b"{}", actor=actor)
    assert digest(county.db) == before
    assert not (tmp_path / "out").exists()
    clerk = Actor("clerk", "clerk", "录入员")
    assert import_package(county.db, school_package, actor=clerk).tables["visit"].new == 1
