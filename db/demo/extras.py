"""Care records (关爱帮扶) with their help entries, and the "five batches" write-ups."""

from __future__ import annotations

import random
from datetime import date, timedelta

from db.demo import texts as T
from db.demo.lists import TaskInfo
from db.demo.org import NameMaker, Org
from db.demo.writer import RECORD_COLUMNS, BulkWriter, day_text, new_id, stamp
from db.vocab import CARE_GROUPS, OUTCOME_BATCHES


def write_care(w: BulkWriter, rng: random.Random, org: Org, names: NameMaker, site: str,
               scale: float) -> None:
    schools = org.by_kind["school"] + org.by_kind["kindergarten"]
    visitors = [c for c in org.cadres if c.missing is not None]
    groups = CARE_GROUPS.codes()
    n = max(len(groups) * 2, round(30 * scale))
    records, entries = [], []
    for i in range(n):
        group = groups[i % len(groups)]
        is_teacher = group == "hardship" and rng.random() < 0.3
        name, gender = names.person()
        born = rng.randrange(1968, 1996) if is_teacher else rng.randrange(2007, 2017)
        unit = rng.choice(schools)
        cadre = rng.choice(visitors)
        start = date(2022, 5, 20) + timedelta(days=rng.randrange(0, 60))
        ts = stamp(start, 10 * 60 + rng.randrange(0, 300))
        rid = new_id(rng)
        records.append((rid, ts, ts, site, None, 1, group, name,
                        "teacher" if is_teacher else "student", gender, born, unit.id,
                        rng.choice(T.CARE_SITUATIONS[group]), cadre.id, 1))
        day = start
        for _ in range(rng.randrange(1, 5)):
            day = day + timedelta(days=rng.randrange(7, 45))
            if day > date(2022, 12, 31):
                break
            ets = stamp(day, 10 * 60 + rng.randrange(0, 420))
            entries.append((new_id(rng), ets, ets, site, None, 1, rid, day_text(day), cadre.id,
                            rng.choice(T.CARE_HELP)))
    w.insert("care_record", (*RECORD_COLUMNS, '"group"', "person_name", "person_role", "gender",
                             "birth_year", "unit_id", "situation", "responsible_cadre_id",
                             "active"), records)
    w.insert("care_entry", (*RECORD_COLUMNS, "record_id", "helped_on", "cadre_id", "help_given"),
             entries)


def write_outcomes(w: BulkWriter, rng: random.Random, org: Org, names: NameMaker, site: str,
                   scale: float, tasks: list[TaskInfo]) -> None:
    """A few write-ups per batch; projects and solved problems point at their (closed) task."""
    closed = [t for t in tasks if t.status == "closed"]
    projects = [t for t in closed if t.livelihood] or closed
    schools = org.by_kind["school"]
    rows = []
    per_batch = max(2, round(4 * scale))
    for batch in OUTCOME_BATCHES.codes():
        for _ in range(per_batch):
            task = None
            if batch == "projects" and projects:
                task = rng.choice(projects)
            elif batch == "problems" and closed:
                task = rng.choice(closed)
            unit = (task.problems[0].unit if task and task.problems[0].unit
                    else rng.choice(schools))
            written = (task.closed + timedelta(days=rng.randrange(3, 20))
                       if task and task.closed else date(2022, 11, 1)
                       + timedelta(days=rng.randrange(0, 55)))
            ts = stamp(written, 14 * 60 + rng.randrange(0, 180))
            short = unit.name
            title = rng.choice(T.OUTCOME_TITLES[batch]).format(u=short)
            body = rng.choice(T.OUTCOME_BODY).format(u=short)
            rows.append((new_id(rng), ts, ts, site, None, 1, batch, title[:200], body,
                         day_text(written), unit.id, names.anyone(), task.id if task else None))
    w.insert("outcome", (*RECORD_COLUMNS, "batch", "title", "body", "written_on", "unit_id",
                         "author", "task_id"), rows)
