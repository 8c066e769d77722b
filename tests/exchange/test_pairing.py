"""Site keys, identity files and pairing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from db.exchange import ExchangeError, export_identity, list_peers, pair, read_identity
from db.exchange.keys import key_path
from tests.exchange.conftest import SiteEnv, digest


def test_identity_file_carries_site_and_fingerprint(sites: dict[str, SiteEnv]) -> None:
    school = sites["SX01"]
    data = json.loads(export_identity(school.db, key_dir=school.keys))
    assert data["code"] == "SX01" and data["level"] == "school" and data["parent_code"] == "SX"
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", data["fingerprint"])
    # The private key lives in the key folder, never in the database.
    assert key_path(school.keys, "SX01").exists()
    assert "PRIVATE" not in school.db.path.read_bytes().decode("latin-1")  # type: ignore[union-attr]


def test_pairing_is_stored_and_listed(sites: dict[str, SiteEnv]) -> None:
    peers = {p.code: p for p in list_peers(sites["SX"].db)}
    assert set(peers) == {"SX01", "SZ"}
    identity = read_identity(export_identity(sites["SZ"].db, key_dir=sites["SZ"].keys))
    assert peers["SZ"].fingerprint == identity.fingerprint


def test_same_key_twice_is_fine_changed_key_needs_confirmation(
        sites: dict[str, SiteEnv], tmp_path: Path) -> None:
    county, school = sites["SX"], sites["SX01"]
    pair(county.db, export_identity(school.db, key_dir=school.keys))
    new_keys = tmp_path / "reinstalled"
    reinstalled = export_identity(school.db, key_dir=new_keys)
    before = digest(county.db)
    with pytest.raises(ExchangeError, match="密钥与之前的不同"):
        pair(county.db, reinstalled)
    assert digest(county.db) == before
    identity = read_identity(reinstalled)
    with pytest.raises(ExchangeError, match="指纹"):
        pair(county.db, reinstalled, replace_key=True, expected_fingerprint="0000 1111")
    pair(county.db, reinstalled, replace_key=True, expected_fingerprint=identity.fingerprint)
    assert {p.code: p for p in list_peers(county.db)}["SX01"].fingerprint == identity.fingerprint


def test_own_identity_and_garbage_are_refused(sites: dict[str, SiteEnv], tmp_path: Path) -> None:
    county = sites["SX"]
    with pytest.raises(ExchangeError, match="自己的身份文件"):
        pair(county.db, export_identity(county.db, key_dir=county.keys))
    for junk in (b"", b"\xff\xfe", b"[]", b'{"format": "mqtz-site-identity", "version": 1}',
                 json.dumps({"format": "mqtz-site-identity", "version": 1, "code": "X",
                             "name": "x", "level": "school", "public_key": "AAAA"}).encode()):
        with pytest.raises(ExchangeError, match="身份文件"):
            pair(county.db, junk)
    with pytest.raises(ExchangeError, match="无法读取"):
        pair(county.db, tmp_path / "nope.json")


def test_tampered_fingerprint_is_refused(sites: dict[str, SiteEnv]) -> None:
    data = json.loads(export_identity(sites["SZ"].db, key_dir=sites["SZ"].keys))
    data["fingerprint"] = "0000 " * 7 + "0000"
    with pytest.raises(ExchangeError, match="指纹与公钥不一致"):
        read_identity(json.dumps(data).encode())


def test_damaged_key_file(sites: dict[str, SiteEnv]) -> None:
    school = sites["SX01"]
    key_path(school.keys, "SX01").write_bytes(b"not a key")
    with pytest.raises(ExchangeError, match="密钥文件"):
        export_identity(school.db, key_dir=school.keys)
