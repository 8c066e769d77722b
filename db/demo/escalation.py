"""The escalation ladder in the demo: chase notices (催办) on late tasks, supervision (督办) by a
named bureau leader where a chase went unanswered, and public criticism (通报) in the monthly
study where supervision did not help either — so the lists, the status bar, the chase notices
and the monthly studies have steps to show.

The steps follow the ladder's rules (db.services.escalation): a chase only after the deadline
has passed; supervision at least ``escalation.supervision_after_workdays`` working days after
the chase, criticism ``escalation.criticism_after_workdays`` after supervision (the campaign's
defaults); nothing after the task was closed out, nothing after ``AS_OF``. A chase is office
work (the clerk's account); supervision and criticism are the leader's decisions. Most late
tasks that were closed in the end were never chased; a few were, before they were done.

Drawn from a stream of its own, so the rest of the demo is the same with or without them.
"""

from __future__ import annotations

import random

from db.campaign import DEFAULT_SETTINGS
from db.demo.lists import AS_OF, TaskInfo
from db.demo.org import Org
from db.demo.writer import RECORD_COLUMNS, BulkWriter, Draw, day_text, new_id, stamp
from db.workdays import WorkCalendar

STEP_COLUMNS = (*RECORD_COLUMNS, "task_id", "kind", "taken_on", "by_name", "by_user_id",
                "by_role", "reason", "old_deadline", "new_deadline", "supervisor_id",
                "supervisor_name")
SUPERVISE_AFTER = int(DEFAULT_SETTINGS["escalation.supervision_after_workdays"])
CRITICISE_AFTER = int(DEFAULT_SETTINGS["escalation.criticism_after_workdays"])

# How likely each step is, for a task still open at AS_OF / closed late in the end.
CHASE_OPEN, SUPERVISE_OPEN, CRITICISE_OPEN = 0.45, 0.45, 0.4
CHASE_CLOSED, SUPERVISE_CLOSED = 0.06, 0.2

CHASE_REASONS = (
    "",
    "已超过办结时限，请责任单位于3个工作日内书面报告办理进展。",
    "逾期未办结，请抓紧办理并及时录入进展。",
    "请说明逾期原因，明确办结时间。",
)
SUPERVISION_REASONS = (
    "催办后仍未办结，群众多次反映，列为督办事项。",
    "催办通知发出后未见明显进展，由分管领导督办。",
    "涉及多个部门，久拖未决，实行挂牌督办。",
)
CRITICISM_REASONS = (
    "督办后仍未按期办结，在局党组专题研究中通报批评。",
    "督办期满整改不到位，予以通报，责任单位限期整改。",
)


def write_escalations(w: BulkWriter, rng: random.Random, org: Org, site: str,
                      tasks: list[TaskInfo]) -> int:
    """Write the steps and each task's stage; returns how many steps."""
    d = Draw(rng)
    cal = WorkCalendar()  # the demo enters no extra holidays
    leader = next(c for c in org.cadres if c.id == org.leader_user_cadre)
    clerk_user, leader_user = org.users["clerk"], org.users["leader"]
    clerk_name = _clerk_name(org)
    supervisors = [c for c in org.cadres if c.tier == "bureau_leader"] or [leader]
    rows: list[tuple[object, ...]] = []
    stages: list[tuple[str, str, str]] = []
    for t in tasks:
        if t.deadline >= AS_OF:
            continue
        still_open = t.status != "closed"
        end = AS_OF if still_open else t.closed
        if end is None or end <= t.deadline:
            continue  # closed on time: nothing to chase
        chance = CHASE_OPEN if still_open else CHASE_CLOSED
        if d.rand() >= chance:
            continue
        chase = cal.add_workdays(t.deadline, d.between(1, 6))
        if chase >= end:
            continue
        taken = [("chase", chase)]
        sup = cal.add_workdays(chase, SUPERVISE_AFTER + d.between(0, 6))
        if sup < end and d.rand() < (SUPERVISE_OPEN if still_open else SUPERVISE_CLOSED):
            taken.append(("supervision", sup))
            crit = cal.add_workdays(sup, CRITICISE_AFTER + d.between(0, 8))
            if still_open and crit <= end and d.rand() < CRITICISE_OPEN:
                taken.append(("criticism", crit))
        boss = d.pick(supervisors)
        for kind, day in taken:
            ts = stamp(day, 10 * 60 + d.between(0, 420))
            if kind == "chase":
                who, user, role, reason = clerk_name, clerk_user, "clerk", d.pick(CHASE_REASONS)
            else:
                who, user, role = leader.name, leader_user, "leader"
                reason = d.pick(SUPERVISION_REASONS if kind == "supervision"
                                else CRITICISM_REASONS)
            rows.append((new_id(rng), ts, ts, site, None, 1, t.id, kind, day_text(day), who,
                         user, role, reason, None, None,
                         boss.id if kind == "supervision" else None,
                         boss.name if kind == "supervision" else ""))
        kind, day = taken[-1]
        stages.append((kind, day_text(day), t.id))
    w.insert("task_step", STEP_COLUMNS, rows)
    for stage in stages:
        w.execute("UPDATE task SET escalation = ?, escalated_on = ? WHERE id = ?", stage)
    return len(rows)


def _clerk_name(org: Org) -> str:
    """The clerk account's name (db.demo.org._users: the first plain cadre of 办公室)."""
    office = org.sections.get("办公室")
    found = next((c for c in org.cadres if c.unit is office and c.tier == "cadre"), None)
    return (found or org.cadres[-1]).name


__all__ = ["write_escalations"]
