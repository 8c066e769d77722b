"""main.py excel template|import|export, as a clerk would use them from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from db.engine import Database
from db.models import Unit
from desktop.cli import main


def write_units_sheet(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["随州市教育局单位登记表"])  # a title row above the header, as clerks make them
    ws.append(["单位名称", "单位类型", "所属区域"])
    for row in rows:
        ws.append(row)
    wb.save(path)


def unit_count(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count()).select_from(Unit)).scalar_one())


def test_template_import_dry_run_then_apply_then_again(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert db.path is not None
    path = str(db.path)
    template = tmp_path / "units-template.xlsx"
    assert main(["excel", "template", "units", "--out", str(template)]) == 0
    assert template.stat().st_size > 0
    sheet = tmp_path / "units.xlsx"
    write_units_sheet(sheet, [["随县草店镇中心小学", "中小学校", "随县"],
                              ["广水市实验幼儿园", "幼儿园", "广水市"]])
    before = unit_count(db)
    assert main(["excel", "import", "units", str(sheet), "--db", path]) == 0
    assert "试导入" in capsys.readouterr().out
    assert unit_count(db) == before
    assert main(["excel", "import", "units", str(sheet), "--db", path, "--apply"]) == 0
    assert unit_count(db) == before + 2
    assert main(["excel", "import", "units", str(sheet), "--db", path, "--apply"]) == 0
    assert "跳过 2" in capsys.readouterr().out
    assert unit_count(db) == before + 2
    out = tmp_path / "units-export.xlsx"
    assert main(["excel", "export", "units", "--out", str(out), "--db", path]) == 0
    assert "已导出" in capsys.readouterr().out


def test_import_with_bad_rows_lists_them_and_writes_nothing(
        db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert db.path is not None
    sheet = tmp_path / "bad.xlsx"
    write_units_sheet(sheet, [["某某学校", "不存在的类型", "随县"],
                              ["某某幼儿园", "幼儿园", "火星"]])
    before = unit_count(db)
    assert main(["excel", "import", "units", str(sheet), "--db", str(db.path), "--apply"]) == 1
    out = capsys.readouterr().out
    assert "第 3 行" in out and "第 4 行" in out and "未写入任何数据" in out
    assert unit_count(db) == before
