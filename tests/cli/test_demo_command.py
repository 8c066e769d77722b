"""main.py demo: writes a healthy demo database and refuses to overwrite a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import open_database
from db.models import Problem, Visit
from desktop.cli import main


def test_demo_writes_a_healthy_database(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.db"
    assert main(["demo", str(out), "--scale", "0.05", "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    assert "已生成演示数据库" in printed and "走访：400" in printed
    database = open_database(out)
    with database.session() as s:
        assert s.execute(select(func.count()).select_from(Visit)).scalar() == 400
        assert s.execute(select(func.count()).select_from(Problem)).scalar() > 50
    database.dispose()
    assert main(["check", "--db", str(out)]) == 0


def test_demo_refuses_an_existing_file(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "taken.db"
    out.write_bytes(b"keep me")
    assert main(["demo", str(out)]) == 1
    assert "已存在" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"


def test_demo_refuses_a_bad_scale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", str(tmp_path / "x.db"), "--scale", "0"]) == 2
    assert "--scale" in capsys.readouterr().err
    assert not (tmp_path / "x.db").exists()
