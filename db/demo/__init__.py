"""Realistic, deterministic demo data for the Suizhou campaign, at any scale.

``generate(path, scale=1, seed=1)`` makes a new database file through the migrations, sets up
the site (SZ, 随州市教育局, city level) and writes, in one transaction: about 300 units, 400
cadres of every tier with their branches, assignments and pairings, ``8,000 × scale`` visits
over the 2022 phases, ``2,000 × scale`` problems with their tasks, progress notes, effects and
evaluations, care records, "five batches" write-ups, five users, the search index and the
number sequences. The same seed and scale give the same content, row for row.

Rows are bulk-inserted as tuples (see ``db.demo.writer``); each part of the data draws from its
own random stream, so changing how, say, care records are made leaves the visits unchanged.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date
from pathlib import Path

from db.audit import SYSTEM, write_audit
from db.campaign import SiteSetup, initialize_site
from db.demo.escalation import write_escalations
from db.demo.extras import write_care, write_outcomes
from db.demo.lists import ListMaker
from db.demo.org import NameMaker, build_org
from db.demo.studies import write_studies
from db.demo.visits import VisitMaker
from db.demo.writer import BulkWriter, SearchIndexBuilder, SpacedCache, new_id, stamp
from db.engine import open_database
from db.search import SEARCH_TABLES

DEMO_SITE = SiteSetup(code="SZ", name="随州市教育局", level="city")

Progress = Callable[[str, float], None]

# The tables that get most rows: their secondary indexes are built after loading.
BULK_TABLES = ("visit", "visit_cadre", "visit_activity", "problem", "task", "task_problem",
               "task_progress", "effect", "evaluation")


@dataclass(frozen=True)
class DemoCounts:
    """How many rows of each kind were generated."""

    units: int
    party_branches: int
    cadres: int
    assignments: int
    branch_pairings: int
    users: int
    visits: int
    visit_cadres: int
    visit_activities: int
    problems: int
    tasks: int
    task_problems: int
    task_progress: int
    effects: int
    evaluations: int
    care_records: int
    care_entries: int
    outcomes: int
    seconds: float  # how long the generation took

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def generate(path: Path, *, scale: float = 1, seed: int = 1, progress: Progress | None = None,
             overwrite: bool = False) -> DemoCounts:
    """Write a new demo database at *path*.

    Raises FileExistsError if *path* exists, unless *overwrite*; on any failure the partial
    file is removed.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    path = Path(path)
    side = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]
    if path.exists():
        if not overwrite:
            raise FileExistsError(f"{path} 已存在")
        for p in side:
            p.unlink(missing_ok=True)
    report = progress or (lambda _stage, _fraction: None)
    started = time.perf_counter()
    try:
        counts = _generate(path, scale, seed, report, started)
    except BaseException:
        for p in side:
            p.unlink(missing_ok=True)
        raise
    report("完成", 1.0)
    return counts


def _generate(path: Path, scale: float, seed: int, report: Progress,
              started: float) -> DemoCounts:
    report("建立数据库和站点", 0.0)
    db = open_database(path)
    with db.transaction() as s:
        initialize_site(s, DEMO_SITE)
    db.dispose()

    site = DEMO_SITE.code

    # One random stream per part, derived from the seed (str seeds are hashed stably).
    def stream(part: str) -> random.Random:
        return random.Random(f"{seed}:{part}")

    search = SearchIndexBuilder(path, SEARCH_TABLES)
    w = BulkWriter(path, attach={search.alias: search.path})
    try:
        w.defer_indexes(BULK_TABLES)
        region_ids, region_names = _fix_setup_rows(w, stream("setup"))
        report("生成单位、人员和联系点", 0.02)
        names = NameMaker(stream("names"))
        org = build_org(w, stream("org"), site, region_ids, region_names, names)

        report("生成走访日志", 0.05)
        sp = SpacedCache()
        visits = VisitMaker(w, stream("visits"), org, names, site, sp, search)
        visits.run(scale, lambda f: report("生成走访日志", 0.05 + 0.70 * f))

        report("生成问题、任务和效果清单", 0.75)
        visits.write_links()
        lists = ListMaker(w, stream("lists"), org, names, site, visits.problems, search)
        lists.decide()
        lists.write()
        write_escalations(w, stream("escalation"), org, site, lists.tasks)

        report("生成关爱帮扶和成果材料", 0.92)
        write_care(w, stream("care"), org, names, site, scale)
        write_outcomes(w, stream("outcomes"), org, names, site, scale, lists.tasks)

        # The last number used per kind and year, so services continue after them.
        seq_rows = [(site, "visit", 2022, visits.visit_seq),
                    (site, "problem", 2022, visits.problem_seq)]
        seq_rows += [(site, "task", year, last) for year, last in sorted(lists.task_seq.items())]
        w.insert("number_sequence", ("site", "kind", "year", "last"),
                 [r for r in seq_rows if r[3] > 0])
        report("建立全文索引", 0.94)
        search.finish(w)
        report("写入数据库", 0.96)
        w.finish()
    except BaseException:
        w.abort()
        raise
    finally:
        search.close()

    c = w.counts
    counts = DemoCounts(
        units=c["unit"], party_branches=c["party_branch"], cadres=c["cadre"],
        assignments=c["assignment"], branch_pairings=c["branch_pairing"], users=c["app_user"],
        visits=c["visit"], visit_cadres=c["visit_cadre"], visit_activities=c["visit_activity"],
        problems=c["problem"], tasks=c["task"], task_problems=c["task_problem"],
        task_progress=c["task_progress"], effects=c["effect"], evaluations=c["evaluation"],
        care_records=c["care_record"], care_entries=c["care_entry"], outcomes=c["outcome"],
        seconds=round(time.perf_counter() - started, 2),
    )
    report("登记局党组专题研究", 0.97)
    db = open_database(path)
    with db.transaction() as s:
        write_studies(s, stream("studies"), site, scale)
        counts = replace(counts, seconds=round(time.perf_counter() - started, 2))
        summary = (f"生成演示数据（规模 {scale:g}，种子 {seed}）：走访 {counts.visits} 条，"
                   f"问题 {counts.problems} 个，任务 {counts.tasks} 项")
        write_audit(s, SYSTEM, "import", "demo", None, summary,
                    after={"scale": scale, "seed": seed, **counts.as_dict()}, site=site)
    db.dispose()
    return counts


def _fix_setup_rows(w: BulkWriter, rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
    """Give the rows initialize_site made (regions, campaign, phases, settings) ids and times
    drawn from the seed, so the whole file is reproducible. The site row keeps its own: the
    audit entry that recorded its creation names its id. Nothing refers to these rows yet."""
    ts = stamp(date(2022, 5, 13), 9 * 60)
    region_ids, region_names = {}, {}
    for code, name in w.execute("SELECT code, name FROM region ORDER BY sort_order").fetchall():
        rid = new_id(rng)
        w.execute("UPDATE region SET id=?, created_at=?, updated_at=? WHERE code=?",
                  (rid, ts, ts, code))
        region_ids[code], region_names[code] = rid, name
    for (old,) in w.execute("SELECT id FROM campaign ORDER BY year").fetchall():
        cid = new_id(rng)
        w.execute("UPDATE campaign SET id=?, created_at=?, updated_at=? WHERE id=?",
                  (cid, ts, ts, old))
        for (pid,) in w.execute("SELECT id FROM phase WHERE campaign_id=? ORDER BY starts_on",
                                (old,)).fetchall():
            w.execute("UPDATE phase SET id=?, campaign_id=?, created_at=?, updated_at=? "
                      "WHERE id=?", (new_id(rng), cid, ts, ts, pid))
    for (key,) in w.execute("SELECT key FROM setting ORDER BY key").fetchall():
        w.execute("UPDATE setting SET id=?, created_at=?, updated_at=? WHERE key=?",
                  (new_id(rng), ts, ts, key))
    # The demo's care records are invented, so whoever opens the demo may see the register
    # (a real database keeps it hidden until a user is granted it).
    w.execute("UPDATE setting SET value='true' WHERE key='care.visible_by_default'")
    return region_ids, region_names


__all__ = ["DEMO_SITE", "DemoCounts", "generate"]
