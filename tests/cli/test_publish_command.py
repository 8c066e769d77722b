"""main.py publish: the three lists for the portal, with personal data masked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.demo import generate
from db.engine import open_database
from db.models import Problem
from desktop.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("publish") / "demo.db"
    generate(path, scale=0.03, seed=11)
    return path


def test_publish_html_without_reporters(demo: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lists.html"
    assert main(["publish", "--db", str(demo), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip()  # the summary line for the clerk
    assert out.is_file()
    page = out.read_text(encoding="utf-8")
    database = open_database(demo)
    with database.session() as s:
        reporters = s.execute(select(Problem.reporter_name, Problem.reporter_phone)).all()
        numbers = s.execute(select(Problem.number).where(Problem.deleted_at.is_(None))
                            ).scalars().all()
    database.dispose()
    assert all(number in page for number in numbers)
    for name, phone in reporters:
        if len(name) >= 2:
            assert name not in page
        if phone:
            assert phone not in page


def test_publish_refuses_an_unknown_format(demo: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "lists.docx"
    assert main(["publish", "--db", str(demo), "--out", str(out)]) == 1
    assert "错误" in capsys.readouterr().err
    assert not out.exists()
