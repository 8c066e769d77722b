"""The three lists' lives: which problems were merged, left open, taken up by tasks; how the
tasks went (progress, effect, the people's evaluation, close-out); then everything is written.

Dates follow from each other (reported → task opened → effect → evaluation → close-out) and
nothing happens after ``AS_OF``, the day the demo's ledger was last updated, so open tasks are
the ones whose work would have ended later. Some of those are overdue at the end of 2022, the
rest by any later date.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from db.demo import texts as T
from db.demo.org import CadreInfo, NameMaker, Org, UnitInfo
from db.demo.visits import ProblemInfo
from db.demo.writer import (
    RECORD_COLUMNS,
    BulkWriter,
    Draw,
    SearchIndexBuilder,
    day_text,
    new_id,
    stamp,
)
from db.numbering import format_number

AS_OF = date(2023, 1, 13)  # the last day anything was recorded in the demo
CAMPAIGN_END = date(2022, 12, 31)
DEADLINE_DAYS = {"on_site": 5, "supervised": 20, "systemic": 60}  # as campaign's settings

# Which 机关科室 handles a systemic task, by area.
SECTION_FOR_AREA = {
    "enrolment": "基础教育科", "after_school": "基础教育科", "exams": "基础教育科",
    "employment": "职业教育与成人教育科", "canteen": "体育卫生与艺术教育科",
    "safety": "安全稳定工作科", "financial_aid": "学生资助管理中心", "assistance": "计划财务科",
    "care": "基础教育科",
}
RESPONDENT_BY_TYPE = {"student": "学生代表", "teacher": "教师代表", "parent": "家长代表",
                      "public": "群众代表", "enterprise": "企业代表"}

PROBLEM_COLUMNS = (*RECORD_COLUMNS, "number", "sort_key", "reported_on", "source_channel",
                   "reporter_type", "reporter_name", "reporter_phone", "unit_id", "region_id",
                   "area", "category", "description", "strongly_reported", "collected_by_id",
                   "visit_id", "status", "merged_into_id", "closed_on")
TASK_COLUMNS = (*RECORD_COLUMNS, "number", "title", "measures", "responsible_unit_id",
                "responsible_person", "lead_leader_id", "is_livelihood_project",
                "resolution_mode", "opened_on", "deadline", "status", "progress_pct",
                "closed_on", "approved_by", "approved_by_user_id")


def add_working_days(d: date, n: int) -> date:
    """*n* working days after *d*, skipping weekends (holidays are not modelled here)."""
    if n <= 0:
        return d
    wd = d.weekday()
    if wd >= 5:
        d -= timedelta(days=wd - 4)
    weeks, rem = divmod(n, 5)
    d += timedelta(weeks=weeks)
    if d.weekday() + rem >= 5:
        rem += 2
    return d + timedelta(days=rem)


def _weekday(d: date) -> date:
    wd = d.weekday()
    return d + timedelta(days=7 - wd) if wd >= 5 else d


@dataclass(slots=True)
class TaskInfo:
    problems: list[ProblemInfo]
    cap: int = 1
    id: str = ""
    number: str = ""
    mode: str = "supervised"
    opened: date = AS_OF
    deadline: date = AS_OF
    status: str = "open"
    progress_pct: int = 0
    closed: date | None = None
    updated: date = AS_OF
    lead: CadreInfo | None = None
    livelihood: bool = False
    effect: tuple[date, str, str] | None = None
    evaluations: list[tuple[date, str]] = field(default_factory=list)
    progress: list[tuple[date, str, int]] = field(default_factory=list)


class ListMaker:
    def __init__(self, w: BulkWriter, rng: random.Random, org: Org, names: NameMaker,
                 site: str, problems: list[ProblemInfo], search: SearchIndexBuilder) -> None:
        self.w, self.rng, self.org, self.names, self.site = w, rng, org, names, site
        self.search = search
        self.d = Draw(rng)
        self.problems = problems
        self.tasks: list[TaskInfo] = []
        self.county_by_region = {u.region_id: u for u in org.county_bureau.values()}
        self.task_seq: dict[int, int] = {}  # year → last task number used

    # -- deciding ---------------------------------------------------------------------------

    def decide(self) -> None:
        self._group()
        for t in self.tasks:
            self._schedule(t)
        # A task that would open after AS_OF does not exist yet: its problems stay open.
        self.tasks = [t for t in self.tasks if t.opened <= AS_OF]
        self._leaders()

    def _group(self) -> None:
        """Merge duplicates, leave the newest mostly open, bundle similar ones into a task."""
        rng = self.rng
        last_by_unit: dict[tuple[str, str], ProblemInfo] = {}
        last_by_region: dict[tuple[str, str], ProblemInfo] = {}
        bundles: dict[tuple[str, str], TaskInfo] = {}
        for p in self.problems:
            ukey = (p.unit.id if p.unit else p.region_id, p.area)
            rkey = (p.region_id, p.area)
            if rng.random() < 0.035:
                prev = last_by_unit.get(ukey) or last_by_region.get(rkey)
                if prev is not None:
                    p.status, p.merged_into = "merged", prev.id
                    p.updated = min(AS_OF, p.reported + timedelta(days=rng.randrange(1, 6)))
                    continue
            last_by_unit[ukey] = p
            last_by_region[rkey] = p
            age = (AS_OF - p.reported).days
            if rng.random() < (0.85 if age < 12 else 0.35 if age < 30 else 0.08):
                p.status, p.updated = "open", p.reported
                continue
            b = bundles.get(rkey)
            if (b is not None and len(b.problems) < b.cap
                    and (p.reported - b.problems[0].reported).days <= 10):
                b.problems.append(p)
                continue
            t = TaskInfo([p])
            self.tasks.append(t)
            if rng.random() < 0.08:
                t.cap = rng.randrange(2, 5)
                bundles[rkey] = t

    def _schedule(self, t: TaskInfo) -> None:
        """Mode, dates and how far the task got by AS_OF."""
        rng, d = self.rng, self.d  # rng: ids only; every other draw through d
        if len(t.problems) > 1:
            t.mode = d.weighted(("systemic", "supervised", "on_site"), (50, 90, 100))
        else:
            t.mode = d.weighted(("on_site", "supervised", "systemic"), (35, 80, 100))
        delay = {"on_site": (0, 2), "supervised": (1, 6), "systemic": (2, 11)}[t.mode]
        t.opened = _weekday(t.problems[-1].reported + timedelta(days=d.between(*delay)))
        if t.opened > AS_OF:
            return
        t.id = new_id(rng)
        t.deadline = add_working_days(t.opened, DEADLINE_DAYS[t.mode])
        lo, hi = {"on_site": (0, 7), "supervised": (3, 27), "systemic": (15, 76)}[t.mode]
        work = d.between(lo, hi)
        if d.rand() < 0.04:
            work += 60  # stuck: these are the long-overdue ones
        completed = add_working_days(t.opened, work)
        evaluated = completed + timedelta(days=d.between(1, 8))
        closed = evaluated + timedelta(days=d.between(0, 5))
        result = d.pick(T.EFFECT_RESULTS)
        evidence = d.pick(T.EVIDENCE_NOTES)
        progress_until = min(completed, AS_OF)

        if completed > AS_OF:
            t.status = "open"
        elif d.rand() < 0.05:
            # The people were not satisfied: the task went back to work.
            t.evaluations.append((evaluated, "unsatisfied"))
            redone = add_working_days(evaluated, d.between(5, 16))
            evaluated2 = redone + timedelta(days=d.between(1, 6))
            closed2 = evaluated2 + timedelta(days=d.between(0, 4))
            if closed2 <= AS_OF and d.rand() < 0.85:
                t.status, t.closed = "closed", closed2
                t.effect = (redone, result, evidence)
                t.evaluations.append((evaluated2, d.weighted(("satisfied", "basic"),
                                                             (80, 100))))
                progress_until = redone
            elif evaluated <= AS_OF:
                t.status = "open"
                t.effect = (completed, result, evidence)
                progress_until = AS_OF
            else:
                t.evaluations.clear()
                t.status, t.effect = "done", (completed, result, evidence)
        elif closed <= AS_OF and d.rand() < 0.85:
            t.status, t.closed = "closed", closed
            t.effect = (completed, result, evidence)
            t.evaluations.append((evaluated, d.weighted(("satisfied", "basic"), (85, 100))))
        else:
            t.status, t.effect = "done", (completed, result, evidence)
            if evaluated <= AS_OF and d.rand() < 0.4:
                t.evaluations.append((evaluated, "satisfied"))

        # Progress notes between opening and the work's end (or today).
        span = (progress_until - t.opened).days
        n = 0 if span < 2 else min(3, 1 + span // 20) if t.mode != "on_site" else 1
        pct = 0
        for i in range(n):
            day = t.opened + timedelta(days=max(1, span * (i + 1) // (n + 1)))
            pct = min(95, max(pct + 10, round(100 * (i + 1) / (n + 1)) + d.between(-8, 9)))
            t.progress.append((day, d.pick(T.PROGRESS_NOTES), pct))
        t.progress_pct = 100 if t.status in ("done", "closed") else pct
        events = [t.opened, *(x for x, _, _ in t.progress), *(x for x, _ in t.evaluations)]
        if t.effect:
            events.append(t.effect[0])
        if t.closed:
            events.append(t.closed)
        t.updated = min(AS_OF, max(events))
        status = {"open": "in_progress", "done": "resolved", "closed": "closed"}[t.status]
        for p in t.problems:
            p.status, p.closed_on, p.updated = status, t.closed, t.updated

    def _leaders(self) -> None:
        """Leaders lead 民生实事 and resolve strongly reported problems — most of them."""
        rng = self.rng
        cadres = self.org.cadres
        strong_tier = [c for c in cadres if c.tier in ("bureau_leader", "unit_leader")]
        project_tier = [c for c in cadres
                        if c.tier in ("bureau_leader", "unit_leader", "branch_secretary")]
        in_window = [t for t in self.tasks if t.opened <= CAMPAIGN_END]
        candidates = [t for t in in_window if t.mode != "on_site"]
        rng.shuffle(candidates)
        project_met = [c for c in project_tier if rng.random() < 0.85]
        n_projects = min(len(candidates), max(len(project_met), len(self.tasks) * 6 // 100))
        for i, t in enumerate(candidates[:n_projects]):
            t.livelihood = True
            t.lead = (project_met[i] if i < len(project_met)
                      else rng.choice(project_met or project_tier))

        closed = [t for t in in_window if t.status == "closed" and t.lead is None]
        rng.shuffle(closed)
        strong_met = {c.id for c in strong_tier if rng.random() < 0.85}
        for c in strong_tier:
            if c.id not in strong_met:
                continue
            for _ in range(rng.choice((1, 2)) if c.tier == "bureau_leader" else 1):
                if not closed:
                    break
                t = closed.pop()
                t.lead = c
                t.problems[0].strong = True
        # Whoever should show "quota not met" must not meet it by accident.
        for t in self.tasks:
            if (t.lead is not None and t.lead.tier in ("bureau_leader", "unit_leader")
                    and t.lead.id not in strong_met):
                for p in t.problems:
                    p.strong = False

    # -- writing ----------------------------------------------------------------------------

    def write(self) -> None:
        self._write_problems()
        self._write_tasks()

    def _write_problems(self) -> None:
        d, site = self.d, self.site
        rows = []
        docs = []
        for p in self.problems:
            created = stamp(p.reported, 9 * 60 + d.between(0, 600))
            updated = (created if p.updated in (None, p.reported)
                       else stamp(p.updated, 9 * 60 + d.between(0, 540)))
            rows.append((
                p.id, created, updated, site, None, 1, p.number, p.sort_key,
                day_text(p.reported), p.channel, p.reporter_type, p.reporter_name,
                p.reporter_phone, p.unit.id if p.unit else None, p.region_id, p.area, p.category,
                p.description, 1 if p.strong else 0, p.collector, p.visit_id, p.status,
                p.merged_into, day_text(p.closed_on) if p.closed_on else None,
            ))
            docs.append((p.sort_key, f"{p.number}\n{p.description_spaced}"))
        self.w.insert("problem", PROBLEM_COLUMNS, rows)
        self.search.add("problem_fts", docs)

    def _responsible(self, t: TaskInfo) -> UnitInfo | None:
        p = t.problems[0]
        if t.mode == "systemic" or t.livelihood:
            return self.org.sections.get(SECTION_FOR_AREA[p.area])
        if t.mode == "supervised" or p.unit is None:
            return self.county_by_region.get(p.region_id)
        return p.unit

    def _write_tasks(self) -> None:
        rng, d, site, w = self.rng, self.d, self.site, self.w
        leaders = [c for c in self.org.cadres if c.tier == "bureau_leader"]
        leader_user = self.org.users["leader"]
        self.tasks.sort(key=lambda t: t.opened)  # stable: numbers follow opening dates
        seq: dict[int, int] = {}
        task_rows, link_rows, progress_rows, effect_rows, eval_rows = [], [], [], [], []
        for t in self.tasks:
            year = t.opened.year
            seq[year] = seq.get(year, 0) + 1
            t.number = format_number(site, "task", year, seq[year])
            first = t.problems[0]
            if t.livelihood:
                where = first.unit.name if first.unit else "全市"
                title = f"{d.pick(T.PROJECT_TITLES)}（{where}）"
            elif len(t.problems) > 1:
                title = f"{first.issue}等{len(t.problems)}个问题整改"
            else:
                title = first.issue + d.pick(T.TITLE_SUFFIXES)
            unit = self._responsible(t)
            person = self.names.anyone()
            approver, approver_user = "", None
            if t.status == "closed":
                boss = d.pick(leaders)
                approver = boss.name
                approver_user = leader_user if boss.id == self.org.leader_user_cadre else None
            created = stamp(t.opened, 9 * 60 + d.between(0, 480))
            updated = stamp(t.updated, 9 * 60 + d.between(0, 540))
            task_rows.append((
                t.id, created, updated, site, None, 1, t.number, title,
                d.pick(T.MEASURES[t.mode]), unit.id if unit else None, person,
                t.lead.id if t.lead else None, 1 if t.livelihood else 0, t.mode,
                day_text(t.opened), day_text(t.deadline), t.status, t.progress_pct,
                day_text(t.closed) if t.closed else None, approver, approver_user,
            ))
            for p in t.problems:
                link_rows.append((t.id, p.id))
            for day, note, pct in t.progress:
                ts = stamp(day, 10 * 60 + d.between(0, 420))
                progress_rows.append((new_id(rng), ts, ts, site, None, 1, t.id, day_text(day),
                                      note, pct, person))
            if t.effect is not None:
                day, result, evidence = t.effect
                ts = stamp(day, 15 * 60 + d.between(0, 180))
                effect_rows.append((new_id(rng), ts, ts, site, None, 1, t.id, day_text(day),
                                    result, evidence))
            for day, rating in t.evaluations:
                ts = stamp(day, 10 * 60 + d.between(0, 420))
                respondent = first.reporter_name or RESPONDENT_BY_TYPE[first.reporter_type]
                lo, hi = {"on_site": (1, 4), "supervised": (3, 21), "systemic": (10, 61)}[t.mode]
                eval_rows.append((
                    new_id(rng), ts, ts, site, None, 1, t.id, day_text(day), respondent,
                    first.reporter_type, d.pick(("phone", "phone", "in_person", "survey",
                                                      "online")),
                    rating, d.between(lo, hi), d.pick(T.EVALUATION_NOTES[rating]),
                ))
        w.insert("task", TASK_COLUMNS, task_rows)
        w.insert("task_problem", ("task_id", "problem_id"), link_rows)
        w.insert("task_progress", (*RECORD_COLUMNS, "task_id", "noted_on", "note", "percent",
                                   "author"), progress_rows)
        w.insert("effect", (*RECORD_COLUMNS, "task_id", "completed_on", "result",
                            "evidence_note"), effect_rows)
        w.insert("evaluation", (*RECORD_COLUMNS, "task_id", "evaluated_on", "respondent",
                                "respondent_type", "method", "rating", "asked_count", "note"),
                 eval_rows)
        self.task_seq = seq
