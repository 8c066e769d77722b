"""main.py exchange: two offices pair and exchange packages by file, as clerks would."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.audit import SYSTEM
from db.campaign import SiteSetup, initialize_site
from db.engine import Database, open_database
from db.models import Region, Unit
from db.services import UnitInput, create_unit
from desktop.cli import main


@pytest.fixture
def school(tmp_path: Path) -> Path:
    path = tmp_path / "school.db"
    database = open_database(path)
    with database.transaction() as s:
        initialize_site(s, SiteSetup(code="SX01", name="随县万和镇中心小学", level="school",
                                     parent_code="SZ"))
    database.dispose()
    return path


def test_pair_export_import_round_trip(db: Database, school: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert db.path is not None
    city = str(db.path)
    with db.session() as s:
        region = s.execute(select(Region).where(Region.code == "suixian")).scalar_one()
    create_unit(db, SYSTEM,
                UnitInput(name="随县万和镇中心小学", kind="school", region_id=region.id))
    db.dispose()
    keys_city, keys_school = tmp_path / "k-city", tmp_path / "k-school"
    ids = tmp_path / "ids"
    ids.mkdir()
    assert main(["exchange", "identity", "--db", city, "--key-dir", str(keys_city),
                 "--out", str(ids / "SZ.mqid")]) == 0
    assert main(["exchange", "identity", "--db", str(school), "--key-dir", str(keys_school),
                 "--out", str(ids / "SX01.mqid")]) == 0
    assert "指纹" in capsys.readouterr().out
    assert main(["exchange", "pair", str(ids / "SX01.mqid"), "--db", city]) == 0
    assert main(["exchange", "pair", str(ids / "SZ.mqid"), "--db", str(school)]) == 0
    out = tmp_path / "out"
    assert main(["exchange", "export", "--to", "SX01", "--db", city, "--key-dir",
                 str(keys_city), "--out", str(out)]) == 0
    package = next(out.glob("*.mqpkg"))
    capsys.readouterr()
    assert main(["exchange", "import", str(package), "--preview", "--db", str(school)]) == 0
    assert "预览" in capsys.readouterr().out
    assert main(["exchange", "import", str(package), "--db", str(school)]) == 0
    assert "已导入" in capsys.readouterr().out
    received = open_database(school)
    with received.session() as s:
        names = set(s.execute(select(Unit.name)).scalars())
    received.dispose()
    assert "随县万和镇中心小学" in names
    # The same package again changes nothing.
    assert main(["exchange", "import", str(package), "--db", str(school)]) == 0
    assert "都已有" in capsys.readouterr().out


def test_import_of_a_damaged_package_is_refused(school: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.mqpkg"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["exchange", "import", str(bad), "--db", str(school)]) == 1
    assert "错误" in capsys.readouterr().err


def test_commands_refuse_a_missing_database(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.db"
    assert main(["exchange", "peers", "--db", str(missing)]) == 1
    assert "不存在" in capsys.readouterr().err
    assert not missing.exists()
