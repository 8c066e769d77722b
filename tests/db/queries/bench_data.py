"""A generated database of realistic size for the read side's benchmarks (Core inserts)."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from sqlalchemy import insert, select

from db.engine import Database
from db.models import Cadre, Region, Unit, Visit, VisitActivity, VisitCadre
from db.numbering import day_base
from db.search import visit_document
from db.vocab import ACTIVITIES, METHODS

PHRASES = [
    "了解学生课后服务开展情况", "查看教室采光和桌椅", "与班主任交流作业负担", "走访贫困学生家庭",
    "检查校园安全隐患", "询问家长对学校的意见", "座谈教师职称评定问题", "查看学生宿舍卫生",
    "了解校车接送安排", "参加升旗仪式", "听取校长汇报", "查看图书室借阅记录", "了解留守儿童关爱",
    "体验语文课堂教学", "了解心理健康教育", "检查消防通道", "询问学生资助发放",
]
CANTEEN = "暗访食堂饭菜质量和价格"
RARE = "饮水机滤芯"
START = date(2022, 5, 15)
DAYS = 231


def generate(database: Database, n_visits: int, n_cadres: int = 400, n_units: int = 2000,
             seed: int = 7) -> dict[str, object]:
    rnd = random.Random(seed)
    with database.transaction() as s:
        regions = [r.id for r in s.execute(select(Region)).scalars()]
        units = []
        kinds = ["school"] * 7 + ["kindergarten", "community", "village"]
        for i in range(n_units):
            units.append({"id": uuid.uuid4(), "name": f"单位{i:04d}", "kind": rnd.choice(kinds),
                          "region_id": rnd.choice(regions), "site": "SZ"})
        s.execute(insert(Unit), units)
        cadres = [{"id": uuid.uuid4(), "name": f"干部{i:03d}", "tier": "cadre",
                   "unit_id": units[0]["id"], "site": "SZ", "active": True}
                  for i in range(n_cadres)]
        s.execute(insert(Cadre), cadres)
    unit_ids = [u["id"] for u in units]
    cadre_ids = [c["id"] for c in cadres[: n_cadres - 10]]  # the last ten never go down
    methods = METHODS.codes()
    acts = ACTIVITIES.codes()
    per_day = n_visits // DAYS + 1
    made = 0
    counter = 0
    batch_v: list[dict[str, object]] = []
    batch_c: list[dict[str, object]] = []
    batch_a: list[dict[str, object]] = []
    batch_f: list[tuple[int, str]] = []

    def flush() -> None:
        with database.transaction() as s:
            s.execute(insert(Visit), batch_v)
            s.execute(insert(VisitCadre), batch_c)
            if batch_a:
                s.execute(insert(VisitActivity), batch_a)
            s.connection().exec_driver_sql(
                "INSERT INTO visit_fts(rowid, body) VALUES (?, ?)", batch_f)
        batch_v.clear()
        batch_c.clear()
        batch_a.clear()
        batch_f.clear()

    for day in range(DAYS):
        d = START + timedelta(days=day)
        base = day_base(d)
        for k in range(per_day):
            if made >= n_visits:
                break
            counter += 1
            vid = uuid.uuid4()
            words = rnd.sample(PHRASES, 3)
            r = rnd.random()
            if r < 0.05:
                words[1] = CANTEEN
            elif r < 0.0502:
                words[1] = RARE
            content = "，".join(words) + "。"
            findings = "总体情况良好，" + rnd.choice(PHRASES)
            batch_v.append({
                "id": vid, "number": f"SZ-ZF{d.year}-{counter:07d}", "sort_key": base + k,
                "visit_date": d, "unit_id": rnd.choice(unit_ids), "method": rnd.choice(methods),
                "students_met": rnd.randint(0, 10), "teachers_met": rnd.randint(0, 5),
                "parents_met": rnd.randint(0, 3), "content": content, "talked_with": "",
                "findings": findings, "site": "SZ",
            })
            for c in rnd.sample(cadre_ids, rnd.choice((1, 1, 1, 2))):
                batch_c.append({"visit_id": vid, "cadre_id": c})
            for a in rnd.sample(acts, rnd.choice((0, 0, 1, 1, 2))):
                batch_a.append({"visit_id": vid, "activity": a})
            batch_f.append((base + k, visit_document(content, "", findings)))
            made += 1
            if len(batch_v) >= 20000:
                flush()
    if batch_v:
        flush()
    return {"visits": made, "cadres": n_cadres, "units": n_units,
            "region": regions[0], "cadre": cadre_ids[0]}
