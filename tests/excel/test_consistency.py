"""What keeps the bulk path equal to the services: the column definitions and the re-checks
made inside the import's transaction."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from db.engine import Database
from db.excel import ImportRefused, apply_import, plan_import
from db.excel.cells import header_key
from db.excel.columns import KINDS
from db.models import Cadre, Unit
from db.models.base import utcnow
from tests.excel.conftest import CLERK, Org, fingerprint, write_sheet


def test_every_header_names_one_column_per_kind() -> None:
    for kind, spec in KINDS.items():
        seen: dict[str, str] = {}
        for column in spec.columns:
            for text in column.headers:
                key = header_key(text)
                assert seen.setdefault(key, column.key) == column.key, (kind, text)


VISITS = (["走访日期", "参加干部", "走访单位", "走访方式", "走访内容"],
          [["2025-06-03", "张三、李四", "曾都区第一中学", "实地走访", "甲"],
           ["2025-06-04", "李四", "东城社区", "交流谈心", "乙"]])


def test_rows_stored_meanwhile_are_skipped(db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "v.xlsx", *VISITS)
    first, second = plan_import(db, "visits", path), plan_import(db, "visits", path)
    assert apply_import(db, CLERK, first).added == 2
    before = fingerprint(db)
    result = apply_import(db, CLERK, second)  # planned before the first was applied
    assert (result.added, result.skipped) == (0, 2)
    assert fingerprint(db) == before


@pytest.mark.parametrize("change", ["cadre deleted", "cadre deactivated", "unit deleted"])
def test_references_gone_meanwhile_refuse_the_import(db: Database, org: Org, tmp_path: Path,
                                                     change: str) -> None:
    plan = plan_import(db, "visits", write_sheet(tmp_path / "v.xlsx", *VISITS))
    assert plan.errors == []
    with db.transaction() as s:
        if change == "cadre deleted":
            s.execute(update(Cadre).where(Cadre.id == org.li).values(deleted_at=utcnow()))
        elif change == "cadre deactivated":
            s.execute(update(Cadre).where(Cadre.id == org.li).values(active=False))
        else:
            s.execute(update(Unit).where(Unit.id == org.community).values(deleted_at=utcnow()))
    before = fingerprint(db)
    with pytest.raises(ImportRefused) as refused:
        apply_import(db, CLERK, plan)
    assert "未导入任何数据" in refused.value.message
    assert "第 3 行" in refused.value.message
    assert fingerprint(db) == before


def test_a_phone_of_a_stored_cadre_with_another_name(db: Database, tmp_path: Path) -> None:
    path = write_sheet(tmp_path / "c.xlsx", ["姓名", "所在单位", "人员层级", "联系电话"],
                       [["周九", "教育局机关", "党员干部", "13912345678"]])
    plan = plan_import(db, "cadres", path)
    assert [(e.row, e.column, e.value) for e in plan.errors] == [(2, "联系电话", "13912345678")]
    assert plan.errors[0].message == "已有干部“张三”使用该联系电话，请检查电话或姓名是否填错"
